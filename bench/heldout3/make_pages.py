#!/usr/bin/env python3
"""make_pages.py - render bench/heldout3/html/ID.html and truth.json from
stories.txt (the invented stories), lang.py (the furniture's words) and
the ten page styles of styles.py. Run from anywhere; same output each run.

stories.txt: one story per "=== ID" section; "key: value" header lines,
"---", then the body as blocks separated by blank lines:
  ## text             a sub-heading                         (truth)
  - text              list items, one a line                (truth)
  | a | b             table rows, header row first; a blank
                      line starts the next table            (truth, cells
                                                             joined by " ")
  > text              a quotation set in the text           (truth)
  @ HH:MM | title     starts a live-blog entry; its title and the
                      blocks up to the next entry are the entry (truth:
                      the title and the text, not the time)
  [pull: text]        a pull quote (repeats the text; not truth)
  [teaser: title]     an inline "read more" link box         (not truth)
  [newsletter] [subscribe] [ad] [video: title]    boxes      (not truth)
  anything else       a paragraph; its lines kept apart     (truth)
Header keys: lang style sd (jsonld, og or none) site domain section
headline standfirst author ("|"-separated; empty for a company or desk
credit, then byline is shown) place date image caption credit tags
comments ("name|text;;name|text").
"""
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from lang import W, date_words  # noqa: E402

E = html.escape


# ---- the stories --------------------------------------------------------

def parse(path):
    stories, cur, in_body = [], None, False
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("=== "):
            cur = {"id": line[4:].strip(), "body": ""}
            stories.append(cur)
            in_body = False
        elif cur is None:
            continue
        elif in_body:
            cur["body"] += line + "\n"
        elif line == "---":
            in_body = True
        elif ":" in line:
            k, v = line.split(":", 1)
            cur[k.strip()] = v.strip()
    for s in stories:
        s["blocks"] = [b.strip("\n") for b in
                       re.split(r"\n\s*\n", s["body"].strip()) if b.strip()]
        s["authors"] = [a for a in s.get("author", "").split("|") if a]
        s["w"] = W[s["lang"]]
    return stories


def kind(block):
    if block.startswith("## "):
        return "h"
    if block.startswith("- "):
        return "ul"
    if block.startswith("| "):
        return "table"
    if block.startswith("> "):
        return "quote"
    if block.startswith("@ "):
        return "entry"
    if block.startswith("[") and block.endswith("]"):
        return "box"
    return "p"


def rows(block):
    return [[c.strip() for c in r[2:].split("|")] for r in block.split("\n")]


def entry_head(block):
    """'@ 10:09 | Title\\ntext...' -> ('10:09', 'Title', [blocks])"""
    first, _, rest = block.partition("\n")
    t, _, title = first[2:].partition("|")
    return t.strip(), title.strip(), [b for b in rest.split("\n") if b]


def lead_text(s, i, text):
    """the first paragraph of a press release opens with its dateline"""
    if s["style"] == "press" and i == 0:
        return "%s, %s /%s/ -- %s" % (s["place"], date_words(
            s["lang"], s["date"]), s["site"], text)
    return text


def truth_body(s):
    out = []
    for i, b in enumerate(s["blocks"]):
        k = kind(b)
        if k == "h":
            out.append(b[3:])
        elif k == "ul":
            out += [x[2:] for x in b.split("\n")]
        elif k == "table":
            out += [" ".join(r) for r in rows(b)]
        elif k == "quote":
            out.append(b[2:])
        elif k == "entry":
            _, title, lines = entry_head(b)
            out.append(title)
            out += [x[2:] if x.startswith("> ") else x for x in lines]
        elif k == "p":
            out += lead_text(s, i, b).split("\n")
    return "\n".join(out)


# ---- small helpers ----------------------------------------------------------

def url(s, path):
    return "https://%s%s" % (s["domain"], path)


def slug(t):
    t = re.sub(r"[^\w]+", "-", t.lower(), flags=re.UNICODE).strip("-")
    return t[:60] or "page"


def link(s, t, cls=""):
    c = ' class="%s"' % cls if cls else ""
    return '<a%s href="/%s/%s">%s</a>' % (c, s.get("section", "news").lower(),
                                          slug(t), E(t))


def heads(s, n, off=0):
    h = s["w"]["heads"]
    return [h[(off + i) % len(h)] for i in range(n)]


def head_list(s, title, n, off, tag="section", cls="box", num=False):
    items = "".join("<li>%s%s</li>" % (
        '<span class="n">%d</span>' % (i + 1) if num else "", link(s, h))
        for i, h in enumerate(heads(s, n, off)))
    return '<%s class="%s"><h3>%s</h3><ol>%s</ol></%s>' % (
        tag, cls, E(title), items, tag)


def names(s):
    return " & ".join(s["authors"]) if s["authors"] else s.get("byline", "")


def when(s):
    return date_words(s["lang"], s["date"])


def hhmm(s):
    return s["date"][11:16]


def share(s, cls="share"):
    w = s["w"]
    u = url(s, "/" + s["id"])
    nets = [("facebook", "Facebook",
             "https://www.facebook.com/sharer/sharer.php?u=" + u),
            ("x", "X", "https://x.com/intent/post?url=" + u),
            ("linkedin", "LinkedIn",
             "https://www.linkedin.com/sharing/share-offsite/?url=" + u),
            ("whatsapp", "WhatsApp", "https://wa.me/?text=" + u),
            ("email", w["email"], "mailto:?subject=" + s["id"])]
    li = "".join('<li class="%s-%s"><a href="%s" aria-label="%s %s">%s</a>'
                 '</li>' % (cls, k, E(h), E(w["share"]), E(n), E(n))
                 for k, n, h in nets)
    return ('<ul class="%s"><li class="%s-label">%s</li>%s<li><button '
            'class="%s-save">%s</button></li><li><button class="%s-print" '
            'onclick="window.print()">%s</button></li></ul>' % (
                cls, cls, E(w["share"]), li, cls, E(w["save"]), cls,
                E(w["print"])))


def cookie(s):
    w = s["w"]
    return ('<div id="consent-banner" role="dialog"><p>%s <a href="/privacy">'
            '%s</a></p><button>%s</button><button>%s</button></div>' % (
                E(w["cookie"]), E(w["privacy"]), E(w["cookie_set"]),
                E(w["cookie_ok"])))


def footer(s, cls="footer"):
    w = s["w"]
    links = "".join('<li><a href="/%s">%s</a></li>' % (slug(x), E(x)) for x in
                    (w["about"], w["contact"], w["privacy"], w["terms"]))
    return ('<footer class="%s"><ul>%s</ul><p>&copy; %s %s. %s</p></footer>'
            % (cls, links, s["date"][:4], E(s["site"]), E(w["rights"])))


def nav(s, cls="nav"):
    w = s["w"]
    return '<nav class="%s"><ul>%s</ul></nav>' % (cls, "".join(
        '<li><a href="/%s/">%s</a></li>' % (slug(x), E(x)) for x in w["menu"]))


def newsletter_box(s, cls="newsletter"):
    w = s["w"]
    return ('<div class="%s"><h4>%s</h4><p>%s</p><form action="/subscribe">'
            '<input type="email" placeholder="%s"><button>%s</button></form>'
            '</div>' % (cls, E(w["nl_title"]), E(w["nl_text"]),
                        E(w["email_ph"]), E(w["nl_button"])))


def pitch(s, cls="pitch"):
    w = s["w"]
    return ('<div class="%s"><strong>%s</strong><p>%s</p><a href="/abo">%s'
            '</a></div>' % (cls, E(w["pitch_title"]), E(w["pitch_text"]),
                            E(w["subscribe"])))


def ad(s, cls="ad-slot"):
    return ('<div class="%s"><span class="ad-label">%s</span><div id="gpt-%s"'
            ' style="min-height:250px"></div></div>' % (
                cls, E(s["w"]["ad"]), cls))


def tags(s, cls="tags"):
    t = [x for x in s.get("tags", "").split("|") if x]
    return '<div class="%s"><span>%s:</span> %s</div>' % (
        cls, E(s["w"]["tags"]), " ".join(
            '<a href="/tag/%s" rel="tag">%s</a>' % (slug(x), E(x)) for x in t))


def comment_list(s, cls="comments"):
    w = s["w"]
    cs = [c.split("|", 1) for c in s.get("comments", "").split(";;") if c]
    li = "".join('<li class="comment"><div class="comment-author"><b>%s</b> '
                 '<time>%s</time></div><div class="comment-body"><p>%s</p>'
                 '</div><a class="reply" href="#respond">%s</a></li>' % (
                     E(n), when(s), E(t), E(w["reply"])) for n, t in cs)
    lst = ('<h3>%d %s</h3><ol class="comment-list">%s</ol>' % (
        len(cs), E(w["comments"]), li)) if cs else ""
    return ('<section class="%s" id="comments">%s<div id="respond"><h3>%s</h3>'
            '<p class="note">%s</p><form><textarea name="comment"></textarea>'
            '<label>%s *</label><input name="author"><label>%s *</label>'
            '<input name="email"><button>%s</button></form></div></section>'
            % (cls, lst, E(w["leave"]), E(w["required"]), E(w["name"]),
               E(w["email"]), E(w["post"])))


def figure(s, cls="lead", capcls="caption", credcls="credit"):
    return ('<figure class="%s"><img src="%s" alt="%s" width="1200" '
            'height="675"><figcaption><span class="%s">%s</span> <span '
            'class="%s">%s</span></figcaption></figure>' % (
                cls, E(url(s, s["image"])), E(s["caption"]), capcls,
                E(s["caption"]), credcls, E(s["credit"])))


def box_html(s, b, style):
    w = s["w"]
    name, _, arg = b[1:-1].partition(":")
    arg = arg.strip()
    if name == "pull" and style == "longread":
        return ('<aside class="pullquote" aria-hidden="true"><p>%s</p>'
                '</aside>' % E(arg))
    if name == "pull":
        return '<blockquote class="pull-quote"><p>%s</p></blockquote>' % E(arg)
    if name == "teaser":
        return ('<aside class="inline-teaser"><span>%s</span> %s</aside>' % (
            E(w["readmore"]), link(s, arg)))
    if name == "newsletter":
        return newsletter_box(s, "newsletter inline")
    if name == "subscribe":
        return pitch(s, "pitch inline")
    if name == "ad":
        return ad(s, "ad-inline")
    if name == "video":
        return ('<div class="video-embed"><div class="player" data-id="v81">'
                '</div><p class="video-title">%s</p><span class="duration">'
                '2:41</span></div>' % E(arg))
    raise ValueError("unknown box " + b)


def para(s, i, b):
    return "<p>%s</p>" % "<br>".join(E(x) for x in
                                     lead_text(s, i, b).split("\n"))


def blocks_html(s, style, pcls=""):
    """the body as plain HTML blocks (headings, p, ul, table, quotes)"""
    out = []
    for i, b in enumerate(s["blocks"]):
        k = kind(b)
        if k == "h":
            out.append('<h2 id="%s">%s</h2>' % (slug(b[3:]), E(b[3:])))
        elif k == "ul":
            out.append("<ul>%s</ul>" % "".join(
                "<li>%s</li>" % E(x[2:]) for x in b.split("\n")))
        elif k == "table":
            r = rows(b)
            out.append('<table class="stats"><thead><tr>%s</tr></thead><tbody>'
                       '%s</tbody></table>' % (
                           "".join("<th>%s</th>" % E(c) for c in r[0]),
                           "".join("<tr>%s</tr>" % "".join(
                               "<td>%s</td>" % E(c) for c in x)
                               for x in r[1:])))
        elif k == "quote":
            out.append("<blockquote><p>%s</p></blockquote>" % E(b[2:]))
        elif k == "box":
            out.append(box_html(s, b, style))
        elif k == "p":
            p = para(s, i, b)
            if pcls:
                p = '<p class="%s">' % pcls + p[3:]
            out.append(p)
        else:
            raise ValueError("no entries in style " + style)
    return "\n".join(out)


# ---- structured data ------------------------------------------------------------

def jsonld(s):
    kinds = {"medium": "BlogPosting", "liveblog": "LiveBlogPosting",
             "newsletter": "Article", "longread": "Article"}
    d = {"@context": "https://schema.org",
         "@type": kinds.get(s["style"], "NewsArticle"),
         "headline": s["headline"], "datePublished": s["date"],
         "image": {"@type": "ImageObject", "url": url(s, s["image"])},
         "publisher": {"@type": "Organization", "name": s["site"]},
         "inLanguage": s["lang"],
         "mainEntityOfPage": url(s, "/" + s["id"])}
    if s["authors"]:
        d["author"] = [{"@type": "Person", "name": a} for a in s["authors"]]
    else:
        d["author"] = {"@type": "Organization", "name": s.get("byline", "")}
    if s.get("standfirst"):
        d["description"] = s["standfirst"]
    return ('<script type="application/ld+json">%s</script>' %
            json.dumps(d, ensure_ascii=False, indent=1).replace("</", "<\\/"))


def og(s):
    m = [("og:type", "article"), ("og:title", s["headline"]),
         ("og:image", url(s, s["image"])), ("og:site_name", s["site"]),
         ("og:url", url(s, "/" + s["id"])),
         ("article:published_time", s["date"])]
    if s.get("standfirst"):
        m.append(("og:description", s["standfirst"]))
    out = ['<meta property="%s" content="%s">' % (k, E(v)) for k, v in m]
    for a in s["authors"]:
        out.append('<meta name="author" content="%s">' % E(a))
    return "\n".join(out)


def page(s, body, body_cls):
    sd = {"jsonld": jsonld, "og": og}.get(s["sd"], lambda _: "")(s)
    return """<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s | %s</title>
<link rel="stylesheet" href="/static/%s.css">
%s
<script src="/static/analytics.js" async></script>
</head>
<body class="%s">
%s
</body>
</html>
""" % (s["lang"], E(s["headline"]), E(s["site"]), s["style"], sd, body_cls,
       body)


def main():
    # styles.py holds the ten page styles; it imports this module's helpers
    sys.modules.setdefault("make_pages", sys.modules[__name__])
    import styles
    stories = parse(HERE / "stories.txt")
    out = HERE / "html"
    out.mkdir(exist_ok=True)
    truth = {}
    for s in stories:
        render = getattr(styles, "page_" + s["style"])
        (out / (s["id"] + ".html")).write_text(render(s), encoding="utf-8")
        truth[s["id"]] = {
            "articleBody": truth_body(s), "headline": s["headline"],
            "author": s["authors"], "datePublished": s["date"],
            "image": url(s, s["image"]), "lang": s["lang"],
            "style": "%s/%s" % (s["style"], s["sd"])}
    (HERE / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    print("wrote %d pages" % len(stories))


if __name__ == "__main__":
    main()
