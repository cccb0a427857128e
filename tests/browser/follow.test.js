// follow.test.js - the follow flow in a browser: the follow box on an
// article answers in place (fetch, no reload), the confirmation mail is
// read from the Maildir (MAILDIR) and parsed with Python's email
// package, the link confirms, and the preferences page proposes the
// browser's own time zone (America/New_York here, the store default
// being UTC), which a save stores. axe on every page; screenshots into
// OUT. Prints one "ok"/"not ok" line per check.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');

const BASE = process.env.BASE;
const OUT = process.env.OUT || 'build/browser';
const MAILDIR = process.env.MAILDIR;
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ADDR = 'fiona@browser.test';
let pass = 0, fail = 0;

function check(desc, cond) {
  if (cond) { pass++; console.log('ok - ' + desc); }
  else { fail++; console.log('not ok - ' + desc); }
}

async function axe(page, name) {
  await page.evaluate(AXE);
  const res = await page.evaluate(() => window.axe.run(document, {
    runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
  const bad = res.violations.filter(v =>
    v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad)
    console.log('# axe ' + name + ': ' + v.id + ' ' + v.help);
  check('axe finds no serious or critical violations on ' + name,
    bad.length === 0);
}

// The confirm link of the newest message to ADDR, by Python's email.
function confirmLink() {
  return execFileSync('/usr/bin/python3', ['-c', `
import email, glob, os, re, sys
from email import policy
for f in sorted(glob.glob(sys.argv[1] + "/new/*"), key=os.path.getmtime, reverse=True):
    m = email.message_from_bytes(open(f, "rb").read(), policy=policy.default)
    if m["To"] == sys.argv[2]:
        t = m.get_body(("plain",)).get_content()
        print(re.search(r"http://\\S+/confirm\\?t=[A-Za-z0-9_.-]+", t).group(0))
        break
`, MAILDIR, ADDR], { encoding: 'utf8' }).trim();
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
  const row = execFileSync(process.env.ND, ['subscribers', 'show', ADDR],
    { encoding: 'utf8' });
  check('saving stores the browser zone and the hour',
    row.includes('America/New_York') && row.includes('08:00'));
}

async function main() {
  const dir = fs.mkdtempSync('/tmp/nd-chromium-');
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 }, locale: 'en-GB',
    timezoneId: 'America/New_York',
  });
  fs.mkdirSync(OUT, { recursive: true });
  await ctx.route('**/*', r => r.request().url().startsWith(BASE) ?
    r.continue() : r.abort());
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', m => { if (m.type() === 'error' &&
    !/ERR_FAILED|Failed to load resource/.test(m.text())) errors.push(m.text()); });
  await followBox(page);
  await confirmAndPrefs(page);
  check('no CSP or script errors in the follow flow', errors.length === 0);
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log('# ' + pass + ' passed, ' + fail + ' failed');
  process.exit(fail ? 1 : 0);
}

main().catch(e => { console.log('not ok - follow browser test crashed: ' + e.message);
  process.exit(1); });
