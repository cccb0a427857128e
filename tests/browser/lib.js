// lib.js - what the browser tests share: the ok/not ok counters, axe-core
// on a page, Debian's chromium launched offline (only BASE answers) with
// console errors collected, the newsdesk CLI on the test store, and the
// link in the newest mail of the Maildir, read as MIME by Python's email
// package. Each test file is its own node process, so the counters here
// are that file's.
'use strict';
const fs = require('fs');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');

const BASE = process.env.BASE;
const OUT = process.env.OUT || 'build/browser';
const MAILDIR = process.env.MAILDIR;
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let pass = 0, fail = 0;

function check(desc, cond) {
  if (cond) { pass++; console.log('ok - ' + desc); }
  else { fail++; console.log('not ok - ' + desc); }
}

async function visible(page, sel) {
  const el = await page.$(sel);
  return el !== null && await el.isVisible();
}

async function axe(page, name) {
  await page.evaluate(AXE);
  const res = await page.evaluate(() => window.axe.run(document, {
    runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
  const bad = res.violations.filter(v =>
    v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad)
    console.log('# axe ' + name + ': ' + v.id + ' ' + v.help + ' (' +
      v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ') + ')');
  check('axe finds no serious or critical violations on ' + name,
    bad.length === 0);
}

// newsdesk CLI against the test store (ND and NEWSDESK_DB from run.sh)
function nd(...args) {
  return execFileSync(process.env.ND, args, { encoding: 'utf8' });
}

// The first match of the regular expression pattern (Python syntax) in
// the plain-text part of the newest message in MAILDIR, or of the newest
// one addressed to `to` when given. Throws when there is none. Reader
// mails are queued in the store's outbox and sent by serve's mail
// thread: first wait (at most 10 s) until none is queued.
function mailedLink(pattern, to) {
  return execFileSync('/usr/bin/python3', ['-c', `
import email, glob, os, re, sqlite3, sys, time
from email import policy
db = sqlite3.connect(os.environ["NEWSDESK_DB"], timeout=5)
for _ in range(100):
    if db.execute("SELECT count(*) FROM outbox WHERE status = 'queued'").fetchone()[0] == 0:
        break
    time.sleep(0.1)
db.close()
for f in sorted(glob.glob(sys.argv[1] + "/new/*"), key=os.path.getmtime, reverse=True):
    m = email.message_from_bytes(open(f, "rb").read(), policy=policy.default)
    if sys.argv[3] and m["To"] != sys.argv[3]:
        continue
    t = m.get_body(("plain",)).get_content()
    print(re.search(sys.argv[2], t).group(0))
    break
else:
    sys.exit("no message")
`, MAILDIR, pattern, to || ''], { encoding: 'utf8' }).trim();
}

// Chromium with a fresh profile, offline but for BASE; opts (e.g.
// timezoneId) go to the context. Returns {ctx, page, errors, dir}:
// errors collects the page's console errors other than blocked loads.
async function launch(opts) {
  const dir = fs.mkdtempSync('/tmp/nd-chromium-');
  // a fresh --user-data-dir, which playwright passes itself
  const ctx = await chromium.launchPersistentContext(dir, Object.assign({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 }, locale: 'en-GB',
  }, opts || {}));
  fs.mkdirSync(OUT, { recursive: true });
  // offline: only the site itself answers
  await ctx.route('**/*', r => r.request().url().startsWith(BASE) ?
    r.continue() : r.abort());
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', m => { if (m.type() === 'error' &&
    !/ERR_FAILED|Failed to load resource/.test(m.text())) errors.push(m.text()); });
  return { ctx, page, errors, dir };
}

// Close what launch() opened, print the summary and exit (1 when any
// check failed).
async function finish(b) {
  await b.ctx.close();
  fs.rmSync(b.dir, { recursive: true, force: true });
  console.log('# ' + pass + ' passed, ' + fail + ' failed');
  process.exit(fail ? 1 : 0);
}

// Run main; a crash is one "not ok" line naming the test.
function run(name, main) {
  main().catch(e => { console.log('not ok - ' + name + ' crashed: ' + e.message);
    process.exit(1); });
}

module.exports = { BASE, OUT, check, visible, axe, nd, mailedLink, launch,
  finish, run };
