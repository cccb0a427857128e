// accounts.js - the reader-account part of the browser test: sign in
// through the link mailed to the Maildir (MAILDIR), save and unsave with
// JavaScript (no reload), the /saved page, and the moderation path of
// issue 6: fill the comment form, see the pending notice, approve the
// comment on /admin in the browser, see it published.
const path = require('path');
const { BASE, OUT, check, visible, axe, nd, mailedLink } =
  require('./lib.js');

const ADDR = 'browser.reader@browser.test';

async function signIn(page) {
  await page.goto(BASE + '/signin');
  await axe(page, 'the sign-in page');
  await page.fill('#signin-email', ADDR);
  await page.click('form.signin button[type=submit]');
  await page.waitForSelector('h1');
  check('the sign-in form says to check the email',
    (await page.textContent('h1')) === 'Check your email' &&
    !(await page.content()).includes(ADDR));
  await page.goto(mailedLink(
    'http://\\S+/signin/confirm\\?t=[A-Za-z0-9_.-]+'));
  check('the emailed link signs in',
    await visible(page, 'form.signout') &&
    await visible(page, 'nav.account a[href="/saved"]'));
}

async function saveUnsave(page) {
  await page.goto(BASE + '/articles/1');
  await page.evaluate(() => { window.ndNoReload = 1; });
  await page.click('form.save button[type=submit]');
  await page.waitForFunction(() =>
    document.querySelector('form.save button').textContent === 'Remove from saved');
  check('Save works without a reload',
    (await page.textContent('form.save .save-status')) === 'Saved' &&
    await page.evaluate(() => window.ndNoReload === 1));
  await axe(page, 'the article page signed in, saved');
  await (await page.$('.tools')).screenshot(
    { path: path.join(OUT, 'article-saved.png') });
  await page.goto(BASE + '/saved');
  check('/saved lists the article',
    (await page.$$('.saved a[href^="/articles/1-"]')).length === 1);
  await axe(page, 'the saved page');
  await page.screenshot({ path: path.join(OUT, 'saved-desktop.png') });
  await page.goto(BASE + '/articles/1');
  await page.evaluate(() => { window.ndNoReload = 1; });
  await page.click('form.save button[type=submit]');
  await page.waitForFunction(() =>
    document.querySelector('form.save button').textContent === 'Save');
  check('Remove from saved works without a reload',
    await page.evaluate(() => window.ndNoReload === 1));
  await page.goto(BASE + '/saved');
  check('/saved is empty again',
    (await page.$$('.saved a[href^="/articles/1-"]')).length === 0);
}

async function moderate(page) {
  await page.goto(BASE + '/admin');
  check('/admin is 403 for a reader who is not an admin',
    (await page.textContent('h1')).includes('Only administrators'));
  nd('admin', 'add', ADDR);
  await page.goto(BASE + '/articles/2');
  await page.fill('#c-comment', 'Moderated in the browser.');
  await page.fill('#c-name', 'Moritz');
  await page.fill('#c-email', 'moritz@browser.test');
  await page.click('form.comment-form button[type=submit]');
  await page.waitForSelector('.form-status:not(:empty)');
  check('the pending notice shows',
    (await page.textContent('.form-status')).includes('awaiting moderation'));
  await page.goto(BASE + '/admin');
  const item = page.locator('li.moderate', { hasText: 'Moderated in the browser.' });
  check('/admin lists the pending comment without its email address',
    await item.count() === 1 &&
    !(await page.content()).includes('moritz@browser.test'));
  await axe(page, 'the admin page');
  await page.screenshot({ path: path.join(OUT, 'admin-desktop.png'), fullPage: true });
  await item.locator('button', { hasText: 'Approve' }).click();
  await page.waitForURL(BASE + '/admin');
  await page.goto(BASE + '/articles/2');
  check('the approved comment is shown on the article',
    (await page.textContent('#comments')).includes('Moderated in the browser.'));
  await page.click('form.signout button');
  await page.waitForURL(BASE + '/');
  check('Sign out signs out', await visible(page, 'nav.account a[href="/signin"]'));
}

async function accounts(page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  await saveUnsave(page);
  await moderate(page);
}

module.exports = { accounts };
