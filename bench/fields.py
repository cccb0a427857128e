#!/usr/bin/env python3
"""fields.py [--truth FILE] HTML_DIR FIELDS_DIR [LABEL] - field accuracy of an
extractor (the HTML one, or the flattened-text one run over flattened
copies of the same pages; LABEL prefixes the printed line).

For each page HTML_DIR/ID.html with FIELDS_DIR/ID.json (the article JSON
the extractor gave), read the page's own structured data with this
script's own parser (Python's html.parser and json, independent of the C
code): JSON-LD objects of an Article type (headline, author,
datePublished, image), else OpenGraph / article:* / <meta name=author>.
A field is right when it is found and agrees with that reference:

Every value the page gives counts (JSON-LD and OpenGraph may differ;
agreeing with either is right). Entities left in JSON-LD strings are
decoded first.

  headline   same \\w+ tokens (case-folded), or one token run contains the
             other and covers >= 60% of it (a site-name suffix may differ)
  byline     some extracted name and some reference name share their last
             word (case-folded)
  published  same calendar date as the reference, in UTC or as written
  image      same URL without scheme, query and fragment, or same file name

Pages whose structured data lack the field are not in that field's
share; the count of such pages is printed beside it.

With --truth FILE (a ground-truth JSON with, per page ID, "headline",
"author" (a list of names), "datePublished" and "image", as in
bench/heldout/truth.json), the reference of every field is that
hand-written truth instead of the page's structured data, so pages
without structured data count too.
"""
import html
import json
import re
import sys
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

ART = re.compile(r"(Article|BlogPosting|Report|NewsArticle|WebPage)$")


class Meta(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.ld, self._in_ld, self._buf = {}, [], False, []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, []).append(a["content"].strip())
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in_ld, self._buf = True, []

    def handle_endtag(self, tag):
        if tag == "script" and self._in_ld:
            self._in_ld = False
            try:
                self.ld.append(json.loads("".join(self._buf)))
            except ValueError:
                pass

    def handle_data(self, data):
        if self._in_ld:
            self._buf.append(data)


def ld_objects(x, depth=0):
    if depth > 5:
        return
    if isinstance(x, list):
        for y in x:
            yield from ld_objects(y, depth + 1)
    elif isinstance(x, dict):
        yield x
        if "@graph" in x:
            yield from ld_objects(x["@graph"], depth + 1)


def ld_article(lds):
    best = None
    for obj in (o for x in lds for o in ld_objects(x)):
        t = obj.get("@type", "")
        types = t if isinstance(t, list) else [t]
        if any(isinstance(s, str) and ART.search(s) for s in types):
            if best is None or (obj.get("headline") and
                                not best.get("headline")):
                best = obj
    return best or {}


def names(v):
    if isinstance(v, str):
        return [v] if v and not v.startswith("http") else []
    if isinstance(v, dict):
        return names(v.get("name", ""))
    if isinstance(v, list):
        return [n for x in v for n in names(x)]
    return []


def url_of(v):
    if isinstance(v, str):
        return v
    if isinstance(v, dict):
        return url_of(v.get("url") or v.get("contentUrl") or "")
    if isinstance(v, list) and v:
        return url_of(v[0])
    return ""


def unent(v):
    return html.unescape(v) if isinstance(v, str) else v


def reference(page):
    p = Meta()
    p.feed(page)
    m, ld = p.meta, ld_article(p.ld)
    vals = lambda *xs: [unent(x) for x in xs if x]
    return {
        "headline": vals(ld.get("headline"), *m.get("og:title", [])),
        "byline": names(ld.get("author")) or
        names(m.get("article:author", [])) or names(m.get("author", [])),
        "published": vals(ld.get("datePublished"),
                          *m.get("article:published_time", [])),
        "image": vals(url_of(ld.get("image")), *m.get("og:image", [])),
    }


def any_of(fn):
    return lambda ours, refs: any(fn(ours, r) for r in refs)


def toks(s):
    return [t.casefold() for t in re.findall(r"\w+", s or "")]


def agree_headline(ours, ref):
    a, b = " ".join(toks(ours)), " ".join(toks(ref))
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return a == b or (short in long_ and len(short) >= 0.6 * len(long_))


def agree_byline(ours, ref):
    last = lambda n: (toks(n) or [""])[-1]
    refs = {last(n) for n in ref}
    return any(last(n) and last(n) in refs for n in ours)


def dates(s):
    from email.utils import parsedate_to_datetime
    s = s.strip()
    out = {s[:10]}
    d = None
    try:
        d = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        try:
            d = parsedate_to_datetime(s)
        except (TypeError, ValueError):
            for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"):
                try:
                    d = datetime.strptime(s, fmt)
                    break
                except ValueError:
                    pass
    if d is not None:
        out.add(d.date().isoformat())
        if d.tzinfo:
            out.add(d.astimezone(timezone.utc).date().isoformat())
    return out


def agree_published(ours, ref):
    return bool(ours) and ours[:10] in dates(ref)


def agree_image(ours, ref):
    norm = lambda u: re.sub(r"^[a-z]+:", "", u.split("#")[0].split("?")[0])
    if not ours:
        return False
    a, b = norm(ours), norm(ref)
    return a == b or a.rsplit("/", 1)[-1] == b.rsplit("/", 1)[-1]


CHECK = {"headline": any_of(agree_headline), "byline": agree_byline,
         "published": any_of(agree_published), "image": any_of(agree_image)}


def truth_reference(t):
    return {"headline": [t["headline"]] if t.get("headline") else [],
            "byline": list(t.get("author") or []),
            "published": [t["datePublished"]] if t.get("datePublished")
            else [],
            "image": [t["image"]] if t.get("image") else []}


def main():
    args, truth = sys.argv[1:], None
    if args and args[0] == "--truth":
        with open(args[1], encoding="utf-8") as f:
            truth = json.load(f)
        args = args[2:]
    html_dir, fields_dir = Path(args[0]), Path(args[1])
    label = args[2] + " " if len(args) > 2 else ""
    right = {k: 0 for k in CHECK}
    refs = {k: 0 for k in CHECK}
    pages = 0
    for f in sorted(html_dir.glob("*.html")):
        pages += 1
        if truth is not None:
            ref = truth_reference(truth.get(f.stem, {}))
        else:
            ref = reference(f.read_text(encoding="utf-8",
                                        errors="replace"))
        j = fields_dir / (f.stem + ".json")
        a = json.loads(j.read_text()) if j.exists() else {}
        ours = {"headline": a.get("headline") or "",
                "byline": a.get("byline") or [],
                "published": a.get("published") or "",
                "image": (a.get("image") or {}).get("url") or ""}
        for k, fn in CHECK.items():
            if ref[k]:
                refs[k] += 1
                right[k] += fn(ours[k], ref[k])
    parts = ["%s %.0f%% (%d/%d)" % (k, 100.0 * right[k] / max(refs[k], 1),
                                   right[k], refs[k]) for k in CHECK]
    if truth is not None:
        print(label + "fields right (found and agreeing with the "
              "hand-written truth): " + ", ".join(parts))
        return
    print(label + "fields right (found and agreeing with the page's "
          "JSON-LD/OpenGraph; pages without it left out): " +
          ", ".join(parts))


if __name__ == "__main__":
    main()
