// accounts.js - the reader-account part of the browser test: sign in
// through the link mailed to the Maildir (MAILDIR), save and unsave with
// JavaScript (no reload), the /saved page, and the moderation path of
// issue 6: fill the comment form, see the pending notice, approve the
// comment on /admin in the browser, see it published.
const path = require('path');
const { execFileSync } = require('child_process');

const ADDR = 'browser.reader@browser.test';

// The sign-in link of the newest message in the Maildir, read as MIME.
function mailedLink() {
  return execFileSync('python3', ['-c', `
import email, email.policy, os, re, sys
d = os.path.join(sys.argv[1], "new")
f = max(os.listdir(d), key=lambda n: os.path.getmtime(os.path.join(d, n)))
m = email.message_from_binary_file(open(os.path.join(d, f), "rb"),
    policy=email.policy.default)
t = m.get_body(("plain",)).get_content()
print(re.search(r"(http://\\S+/signin/confirm\\?t=[A-Za-z0-9_.-]+)", t).group(1))
`, process.env.MAILDIR], { encoding: 'utf8' }).trim();
}

async function signIn(page, t) {
  await page.goto(t.BASE + '/signin');
  await t.axe(page, 'the sign-in page');
  await page.fill('#signin-email', ADDR);
  await page.click('form.signin button[type=submit]');
  await page.waitForSelector('h1');
  t.check('the sign-in form says to check the email',
    (await page.textContent('h1')) === 'Check your email' &&
    !(await page.content()).includes(ADDR));
  await page.goto(mailedLink());
  t.check('the emailed link signs in',
    await t.visible(page, 'form.signout') &&
    await t.visible(page, 'nav.account a[href="/saved"]'));
}

async function saveUnsave(page, t) {
  await page.goto(t.BASE + '/articles/1');
  await page.evaluate(() => { window.ndNoReload = 1; });
  await page.click('form.save button[type=submit]');
  await page.waitForFunction(() =>
    document.querySelector('form.save button').textContent === 'Remove from saved');
  t.check('Save works without a reload',
    (await page.textContent('form.save .save-status')) === 'Saved' &&
    await page.evaluate(() => window.ndNoReload === 1));
  await t.axe(page, 'the article page signed in, saved');
  await (await page.$('.tools')).screenshot(
    { path: path.join(t.OUT, 'article-saved.png') });
  await page.goto(t.BASE + '/saved');
  t.check('/saved lists the article',
    (await page.$$('.saved a[href^="/articles/1-"]')).length === 1);
  await t.axe(page, 'the saved page');
  await page.screenshot({ path: path.join(t.OUT, 'saved-desktop.png') });
  await page.goto(t.BASE + '/articles/1');
  await page.evaluate(() => { window.ndNoReload = 1; });
  await page.click('form.save button[type=submit]');
  await page.waitForFunction(() =>
    document.querySelector('form.save button').textContent === 'Save');
  t.check('Remove from saved works without a reload',
    await page.evaluate(() => window.ndNoReload === 1));
  await page.goto(t.BASE + '/saved');
  t.check('/saved is empty again',
    (await page.$$('.saved a[href^="/articles/1-"]')).length === 0);
}

async function moderate(page, t) {
  await page.goto(t.BASE + '/admin');
  t.check('/admin is 403 for a reader who is not an admin',
    (await page.textContent('h1')).includes('Only administrators'));
  t.nd('admin', 'add', ADDR);
  await page.goto(t.BASE + '/articles/2');
  await page.fill('#c-comment', 'Moderated in the browser.');
  await page.fill('#c-name', 'Moritz');
  await page.fill('#c-email', 'moritz@browser.test');
  await page.click('form.comment-form button[type=submit]');
  await page.waitForSelector('.form-status:not(:empty)');
  t.check('the pending notice shows',
    (await page.textContent('.form-status')).includes('awaiting moderation'));
  await page.goto(t.BASE + '/admin');
  const item = page.locator('li.moderate', { hasText: 'Moderated in the browser.' });
  t.check('/admin lists the pending comment without its email address',
    await item.count() === 1 &&
    !(await page.content()).includes('moritz@browser.test'));
  await t.axe(page, 'the admin page');
  await page.screenshot({ path: path.join(t.OUT, 'admin-desktop.png'), fullPage: true });
  await item.locator('button', { hasText: 'Approve' }).click();
  await page.waitForURL(t.BASE + '/admin');
  await page.goto(t.BASE + '/articles/2');
  t.check('the approved comment is shown on the article',
    (await page.textContent('#comments')).includes('Moderated in the browser.'));
  await page.click('form.signout button');
  await page.waitForURL(t.BASE + '/');
  t.check('Sign out signs out', await t.visible(page, 'nav.account a[href="/signin"]'));
}

// t: {BASE, OUT, check, axe, visible, nd}
async function accounts(page, t) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, t);
  await saveUnsave(page, t);
  await moderate(page, t);
}

module.exports = { accounts };
