#!/usr/bin/env python3
"""Words of our output before its first 4-word shingle found in the truth.

usage: bench/headjunk.py [text|text-run] [WT]   (after bench/extract)
Tokens are \\w+ matches, as the corpus score.py counts them.  Prints, per
page with such words, the count and the words, most first; then the total.
"""
import json, os, re, sys

TOK = re.compile(r"\w+", re.UNICODE)
mode = sys.argv[1] if len(sys.argv) > 1 else "text-run"
wt = sys.argv[2] if len(sys.argv) > 2 else os.getcwd()
truth = json.load(open("/work/shared/corpus/extraction/ground-truth.json"))
rows = []
for pid, t in truth.items():
    path = os.path.join(wt, "build/bench-out", mode, pid + ".txt")
    if not os.path.exists(path):
        continue
    tw = TOK.findall(t.get("articleBody") or "")
    sh = {tuple(tw[i:i + 4]) for i in range(len(tw) - 3)}
    ow = TOK.findall(open(path, encoding="utf-8").read())
    k = 0
    while k + 4 <= len(ow) and tuple(ow[k:k + 4]) not in sh:
        k += 1
    if k + 4 > len(ow):
        k = len(ow)
    if k:
        rows.append((k, pid[:7], ow[:k]))
rows.sort(reverse=True)
for k, pid, w in rows:
    print(f"{pid} {k:4d}  {' '.join(w[:60])}{' ...' if len(w) > 60 else ''}")
print(f"total {sum(r[0] for r in rows)} words on {len(rows)} pages")
