#!/usr/bin/env python3
"""bench/own_truth.py DIR - print a ground-truth JSON for score.py whose
bodies are the HTML extractor's outputs in DIR/html (one ID.txt each).

Used by bench/extract to check flattened-text extraction on the
project's own pages (tests/data/html, samples/articles), which no
flattened-text rule was written from: the text extractor should find
the same body in a flattened copy as the HTML extractor finds in the
page itself."""
import json
import os
import sys


def main():
    src = os.path.join(sys.argv[1], "html")
    truth = {}
    for name in sorted(os.listdir(src)):
        if name.endswith(".txt"):
            with open(os.path.join(src, name), encoding="utf-8") as f:
                truth[name[:-4]] = {"articleBody": f.read()}
    json.dump(truth, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
