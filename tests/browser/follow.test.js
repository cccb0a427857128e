// follow.test.js - the follow flow in a browser: the follow box on an
// article answers in place (fetch, no reload), the confirmation mail is
// read from the Maildir (MAILDIR) and parsed with Python's email
// package, the link confirms, and the preferences page proposes the
// browser's own time zone (America/New_York here, the store default
// being UTC), which a save stores. axe on every page; screenshots into
// OUT. Prints one "ok"/"not ok" line per check.
'use strict';
const path = require('path');
const { BASE, OUT, check, axe, nd, mailedLink, launch, finish, run } =
  require('./lib.js');

const ADDR = 'fiona@browser.test';

// The confirm link of the newest message to ADDR.
function confirmLink() {
  return mailedLink('http://\\S+/confirm\\?t=[A-Za-z0-9_.-]+', ADDR);
}

async function followBox(page) {
  await page.goto(BASE + '/articles/1');
  const url = page.url();
  let reloaded = false;
  page.once('framenavigated', () => { reloaded = true; });
  await page.fill('.follow input[type=email]', 'a@b');
  await page.click('.follow button[type=submit]');
  await page.waitForSelector('.follow .form-status:not(:empty)');
  check('a bad address gets its message in place',
    (await page.textContent('.follow .form-status')).includes('valid email') &&
    await page.getAttribute('.follow input[type=email]', 'aria-invalid') === 'true');
  await page.fill('.follow input[type=email]', ADDR);
  await page.click('.follow button[type=submit]');
  await page.waitForFunction(() => document.querySelector(
    '.follow .form-status').textContent.includes('Check your email'));
  check('the follow box says check your email without a reload',
    !reloaded && page.url() === url);
  check('the address is not on the page', !(await page.content()).includes(ADDR));
  await axe(page, 'the article page after following');
  await (await page.$('.follow')).screenshot(
    { path: path.join(OUT, 'follow-box.png') });
}

async function confirmAndPrefs(page) {
  let link = '';
  try { link = confirmLink(); } catch (e) { link = ''; }
  check('the confirmation mail is in the Maildir', link.startsWith(BASE + '/confirm?t='));
  await page.goto(link);
  check('the link confirms', (await page.textContent('h1')) === 'Subscription confirmed');
  await axe(page, 'the confirm page');
  await page.click('a[href^="/preferences"]');
  await page.waitForSelector('#prefs-tz');
  check('the time zone is defaulted from the browser',
    await page.inputValue('#prefs-tz') === 'America/New_York');
  check('the address is not on the preferences page',
    !(await page.content()).includes(ADDR));
  await axe(page, 'the preferences page');
  await page.screenshot({ path: path.join(OUT, 'preferences-desktop.png'), fullPage: true });
  await page.selectOption('#prefs-hour', '8');
  await page.click('button[value=save]');
  await page.waitForURL(/saved=1/);
  const row = nd('subscribers', 'show', ADDR);
  check('saving stores the browser zone and the hour',
    row.includes('America/New_York') && row.includes('08:00'));
}

async function main() {
  const b = await launch({ timezoneId: 'America/New_York' });
  await followBox(b.page);
  await confirmAndPrefs(b.page);
  check('no CSP or script errors in the follow flow', b.errors.length === 0);
  await finish(b);
}

run('follow browser test', main);
