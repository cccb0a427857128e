// readability.mjs OUT_DIR FILE.html... - Mozilla Readability with the
// linkedom DOM over the same pages as bench/extract, single-threaded.
// Only parseHTML + new Readability(document).parse() is timed (files are
// read before the clock starts). Each body (textContent) goes to
// OUT_DIR/ID.txt for scoring; prints pages/s and the peak resident size.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { createRequire } from "node:module";
import { resourceUsage } from "node:process";

const require = createRequire(process.env.NODE_PATH + "/");
const { Readability } = require("@mozilla/readability");
const { parseHTML } = require("linkedom");

const [out, ...files] = process.argv.slice(2);
let secs = 0, bytes = 0, empty = 0;
for (const f of files) {
  const html = readFileSync(f, "utf8");
  bytes += Buffer.byteLength(html);
  const t0 = process.hrtime.bigint();
  let text = "";
  try {
    const { document } = parseHTML(html);
    const art = new Readability(document).parse();
    text = art && art.textContent ? art.textContent : "";
  } catch (e) {
    text = "";
  }
  secs += Number(process.hrtime.bigint() - t0) / 1e9;
  if (!text.trim()) empty++;
  writeFileSync(`${out}/${basename(f).replace(/\.html?$/, "")}.txt`, text);
}
const rss = resourceUsage().maxRSS / 1024; // KB -> MB
console.log(`readability: pages ${files.length} (${empty} without text), ` +
  `${(bytes / 1e6).toFixed(1)} MB, ${secs.toFixed(3)} s extracting, ` +
  `${(files.length / secs).toFixed(0)} pages/s, ` +
  `${(bytes / 1e6 / secs).toFixed(1)} MB/s`);
console.log(`readability: peak memory ${rss.toFixed(1)} MB ` +
  `(maxRSS of the node process)`);
