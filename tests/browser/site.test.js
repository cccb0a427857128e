// site.test.js - browser tests of the reading site: Debian's chromium
// driven by playwright-core, axe-core for accessibility. BASE names the
// running server, OUT the folder for screenshots. Prints one "ok" or
// "not ok" line per check and exits non-zero when any failed.
'use strict';
const path = require('path');
const { BASE, OUT, check, visible, axe, nd, launch, finish, run } =
  require('./lib.js');
const { accounts } = require('./accounts.js');

async function articleElements(page) {
  check('topic label links to its topic page',
    await page.getAttribute('.kicker a', 'href') === '/topics/energy');
  check('headline', (await page.textContent('h1')).includes('coal pier'));
  check('standfirst', await visible(page, '.standfirst'));
  check('lead image has width and height',
    await page.getAttribute('figure.lead img', 'width') === '1200' &&
    await page.getAttribute('figure.lead img', 'height') === '675');
  check('image has alt text',
    (await page.getAttribute('figure.lead img', 'alt')).length > 0);
  check('caption and photo credit',
    (await page.textContent('figure.lead figcaption .credit')).length > 0);
  check('byline with author and dateline',
    await visible(page, '.byline .author') &&
    await visible(page, '.byline .dateline'));
  check('localized date',
    (await page.textContent('.meta time')) === '20 November 2026');
  check('comment counter links to the comments',
    await page.getAttribute('.comment-count', 'href') === '#comments');
  const share = await page.$$eval('.share a', as => as.map(a => ({
    href: a.href, target: a.target, rel: a.rel,
    hidden: a.querySelector('.visually-hidden') ?
      a.querySelector('.visually-hidden').textContent : '' })));
  check('three share links', share.length === 3 &&
    /twitter\.com/.test(share[0].href) && /facebook\.com/.test(share[1].href) &&
    /linkedin\.com/.test(share[2].href));
  check('share links open a new window with rel=noopener', share.every(s =>
    s.target === '_blank' && s.rel === 'noopener' &&
    s.hidden.includes('(opens new window)')));
  check('Save is a POST form with a CSRF field',
    await page.getAttribute('form.save', 'method') === 'post' &&
    (await page.$('form.save input[name=csrf]')) !== null);
  check('Print this page button is shown with JavaScript',
    await visible(page, 'button.print'));
  const before = await page.$$eval('.body > *', els => {
    const i = els.findIndex(e => e.classList.contains('recommended'));
    return els.slice(0, i).filter(e => e.tagName === 'P').length;
  });
  check('Recommended comes after the third paragraph', before === 3);
  check('credits line', await visible(page, '.credits'));
  check('follow box with a labelled email field',
    (await page.textContent('.follow h2')).includes('Receive free Energy') &&
    await page.getAttribute('label[for=email-energy]', 'for') ===
      await page.getAttribute('.follow input[type=email]', 'id'));
  check('comments area', await visible(page, '#comments'));
}

async function printView(page) {
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['header.site', 'nav', '.tools', '.share', '.follow',
    '#comments', '.recommended', 'footer.site', 'form.save'])
    check('print hides ' + sel, !(await visible(page, sel)));
  for (const sel of ['h1', '.byline', '.meta time', 'figure.lead',
    '.body p', '.credits'])
    check('print shows ' + sel, await visible(page, sel));
  await page.emulateMedia({ media: 'screen' });
}

async function comments(page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(BASE + '/articles/1');
  check('comment form with required fields marked',
    await visible(page, '#respond') &&
    (await page.textContent('#respond .note')).includes(
      'Your email address will not be published. Required fields are marked *') &&
    await page.getAttribute('#c-comment', 'required') !== null &&
    await page.getAttribute('#c-name', 'required') !== null &&
    await page.getAttribute('#c-email', 'required') !== null);
  check('honeypot hidden from people and assistive technology',
    await page.$eval('#c-subject', e => e.getBoundingClientRect().right <= 0) &&
    await page.getAttribute('.hp', 'aria-hidden') === 'true' &&
    await page.getAttribute('#c-subject', 'tabindex') === '-1');
  await page.evaluate(() => { window.ndNoReload = 1; });
  await page.fill('#c-comment', 'A browser comment.\nWith a second line.');
  await page.fill('#c-name', 'Brenda');
  await page.fill('#c-email', 'brenda@browser.test');
  await page.click('form.comment-form button[type=submit]');
  await page.waitForSelector('.form-status:not(:empty)');
  check('the pending notice shows without a reload',
    (await page.textContent('.form-status')).includes('awaiting moderation') &&
    await page.evaluate(() => window.ndNoReload === 1));
  check('the comment field is emptied after posting',
    (await page.inputValue('#c-comment')) === '');
  await axe(page, 'the article page with the comment notice');
  const pending = nd('comments', 'list', '--pending').trim().split('\n')
    .filter(l => l.includes('Brenda'));
  check('the comment waits in the pending queue', pending.length === 1);
  const id = pending.length ? pending[0].split('\t')[0] : '0';
  nd('comments', 'approve', id);
  await page.reload();
  check('after approval and reload the comment is shown',
    await visible(page, '#comment-' + id) &&
    (await page.textContent('#comment-' + id)).includes('A browser comment.'));
  check('the email address is not on the page',
    !(await page.content()).includes('brenda@browser.test'));
  await page.evaluate(() => { window.ndNoReload = 1; });
  await page.fill('#c-comment', 'Published at once.');
  await page.fill('#c-name', 'Brenda');
  await page.fill('#c-email', 'a@b');
  await page.click('form.comment-form button[type=submit]');
  await page.waitForSelector('#c-email-error');
  check('a field error shows beside the field without a reload',
    (await page.textContent('#c-email-error')).includes('valid email') &&
    await page.getAttribute('#c-email', 'aria-invalid') === 'true' &&
    await page.evaluate(() => window.ndNoReload === 1));
  await page.fill('#c-email', 'brenda@browser.test');
  await page.click('[data-reply="' + id + '"]');
  check('Reply sets the parent without leaving the page',
    await page.inputValue('input[name=parent]') === id &&
    (await page.textContent('#respond-title')) === 'Leave a reply');
  await page.click('form.comment-form button[type=submit]');
  await page.waitForSelector('#comment-' + id + ' ~ ol.replies article');
  check('an approved author\'s reply appears at once under its parent',
    (await page.textContent('#comment-' + id + ' ~ ol.replies article'))
      .includes('Published at once.') &&
    await page.evaluate(() => window.ndNoReload === 1));
  check('the counters follow',
    (await page.textContent('#comments-title')).includes('2') &&
    (await page.textContent('.comment-count')).includes('2'));
  await axe(page, 'the article page with comments');
  await (await page.$('#comments')).screenshot(
    { path: path.join(OUT, 'comments-desktop.png') });
}

async function main() {
  const b = await launch();
  const page = b.page, errors = b.errors;

  await page.goto(BASE + '/articles/1');
  await articleElements(page);
  await axe(page, 'the article page');
  await page.screenshot({ path: path.join(OUT, 'article-desktop.png'), fullPage: true });
  await printView(page);
  check('no CSP or script errors on the article page', errors.length === 0);

  await page.click('.kicker a');
  await page.waitForURL(BASE + '/topics/energy');
  check('topic link leads to the topic page',
    (await page.textContent('h1')) === 'Energy');
  check('topic page has a follow box and a feed link',
    await visible(page, '.follow') &&
    await page.getAttribute('.feed a', 'href') === '/topics/energy/feed.atom');
  await axe(page, 'the topic page');

  await page.fill('#q', 'coal');
  await page.press('#q', 'Enter');
  await page.waitForURL(/\/search\?q=coal/);
  check('search shows highlighted results',
    (await page.$$('.results li')).length > 0 && (await page.$('mark')) !== null);
  await axe(page, 'the search page');

  await page.goto(BASE + '/');
  check('home lists stories', (await page.$$('.stories > li')).length >= 3);
  await axe(page, 'the home page');
  await page.screenshot({ path: path.join(OUT, 'home-desktop.png') });

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(BASE + '/articles/1');
  check('no sideways scrolling at 360 px', await page.evaluate(() =>
    document.documentElement.scrollWidth <= 360));
  await axe(page, 'the article page at 360 px');
  await page.screenshot({ path: path.join(OUT, 'article-mobile.png'), fullPage: true });

  await comments(page);
  check('no CSP or script errors with the comment form', errors.length === 0);

  await accounts(page);
  check('no CSP or script errors with accounts', errors.length === 0);

  await finish(b);
}

run('browser test', main);
