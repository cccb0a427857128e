#!/usr/bin/env python3
"""make_pages.py - write the held-out pages and their truth.

    python3 bench/heldout/make_pages.py

Reads bench/heldout/stories.txt (20 invented news stories, written by
hand for this set, in six languages) and writes bench/heldout/html/ID.html
(each story dressed in the page furniture of one kind of news CMS) and
bench/heldout/truth.json ({ID: {"articleBody", "headline", "author",
"datePublished", "image"}}, the corpus's shape plus the fields).

The truth body is what a reader would copy as the article: its
paragraphs, sub-headings, list items, table rows (cells joined by
spaces) and quotations set in the text, one per line (and, on the
WordPress-style pages, the bold lead paragraph that opens the post's
content); never the headline, standfirst, byline, captions, credits,
pull quotes, inline teasers, promos, widgets, comments or anything else
of the page. The truth's "author" lists the people of the byline (none
for a desk credit, "desk: yes"). The pages are made once and committed;
nothing in src/ was written from them.

stories.txt: a story starts with "=== ID", then "key: value" lines up to
"---", then the body: blocks separated by blank lines, "## " a
sub-heading, "- " lines a list (numbered when "1. "), "| " lines a table
(first row the header), "> " a quotation in the text, "!! " a pull quote
(repeats the text, not in the truth), "@@ " a live-blog entry title
(with "@@ HH:MM title"), anything else a paragraph.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import chrome  # noqa: E402  (the page furniture, per language and style)


def parse_stories(path):
    stories, cur = [], None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for chunk in re.split(r"^=== ", text, flags=re.M)[1:]:
        head, _, body = chunk.partition("\n---\n")
        lines = head.split("\n")
        cur = {"id": lines[0].strip()}
        for ln in lines[1:]:
            if ":" in ln:
                k, _, v = ln.partition(":")
                cur[k.strip()] = v.strip()
        cur["blocks"] = parse_body(body)
        stories.append(cur)
    return stories


def parse_body(body):
    blocks = []
    for para in re.split(r"\n\s*\n", body.strip()):
        lines = [ln.strip() for ln in para.strip().split("\n") if ln.strip()]
        if not lines:
            continue
        first = lines[0]
        if first.startswith("## "):
            blocks.append(("h2", first[3:]))
        elif first.startswith("@@ "):
            m = re.match(r"@@ (\d\d:\d\d) (.*)", first)
            blocks.append(("entry", (m.group(1), m.group(2))))
        elif first.startswith("- "):
            blocks.append(("ul", [ln[2:] for ln in lines]))
        elif re.match(r"1\. ", first):
            blocks.append(("ol", [re.sub(r"^\d+\. ", "", ln)
                                  for ln in lines]))
        elif first.startswith("| "):
            blocks.append(("table", [[c.strip() for c in ln[2:].split("|")]
                                     for ln in lines]))
        elif first.startswith("> "):
            blocks.append(("quote", " ".join(ln[2:] for ln in lines)))
        elif first.startswith("!! "):
            blocks.append(("pull", first[3:]))
        elif first.startswith("%% "):
            blocks.append(("marker", first[3:]))
        else:
            blocks.append(("p", " ".join(lines)))
    return blocks


def live_order(blocks):
    """A live page shows its entries newest first; so does the truth."""
    entries = []
    for b in blocks:
        if b[0] == "entry" or not entries:
            entries.append([])
        entries[-1].append(b)
    return [b for e in reversed(entries) for b in e]


def truth_body(blocks, lead=None):
    out = [lead] if lead else []
    for kind, v in blocks:
        if kind in ("p", "h2", "quote"):
            out.append(v)
        elif kind == "entry":
            out.append(v[1])
        elif kind in ("ul", "ol"):
            out.extend(v)
        elif kind == "table":
            out.extend(" ".join(row) for row in v)
    return "\n".join(out)


def main():
    stories = parse_stories(os.path.join(HERE, "stories.txt"))
    outdir = os.path.join(HERE, "html")
    os.makedirs(outdir, exist_ok=True)
    truth = {}
    for i, s in enumerate(stories):
        page = chrome.render(s, i)
        # a WordPress lead is the first paragraph of the post's content
        lead = s["standfirst"] if s["style"] == "wp" else None
        with open(os.path.join(outdir, s["id"] + ".html"), "w",
                  encoding="utf-8") as f:
            f.write(page)
        truth[s["id"]] = {
            "articleBody": truth_body(live_order(s["blocks"])
                                      if s["style"] == "live"
                                      else s["blocks"], lead),
            "headline": s["headline"],
            # a desk credit ("Redaktion", "Redacción") names no person
            "author": [] if s.get("desk") == "yes" else
            [a.strip() for a in s["author"].split("&")],
            "datePublished": s["date"],
            "image": s.get("image", ""),
            "lang": s["lang"],
            "style": s["style"] + "/" + s.get("sd", "none"),
        }
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d pages" % len(stories))


if __name__ == "__main__":
    main()
