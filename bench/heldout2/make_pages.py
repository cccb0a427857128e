#!/usr/bin/env python3
"""make_pages.py - render bench/heldout2/html/ID.html and truth.json from
stories.txt and furniture.py (run from anywhere; same output each run).

stories.txt: one story per "=== ID" section; "key: value" header lines,
then "---", then the body as blocks separated by blank lines:
  ## text              a sub-heading (in the truth)
  - text               list items, one per line (in the truth)
  | a | b              table rows, first the header (in the truth, cells
                       joined by spaces)
  > text               a quotation set in the text (in the truth)
  [kind: a|b|...]      furniture inside the body (not in the truth,
                       except an embedded post's words and attribution):
                       teaser, ad, newsletter, figure: caption|credit,
                       tweet: name|handle|date|text, insta: account|text,
                       video: title|duration, subscribe, bookmark:
                       title|description, share
  anything else        a paragraph (in the truth)
Header keys: lang style sd site domain section headline standfirst
author (names, "|"-separated, empty for a desk credit) byline (shown
instead of the names, when set) place date image caption credit tags
comments ("name|text;;name|text") and per style: agency, signoff.
"""
import hashlib
import html
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from furniture import L, fmt_date  # noqa: E402

E = html.escape


def parse(path):
    stories, cur, body = [], None, None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and cur is None:
            continue
        if line.startswith("=== "):
            cur, body = {"id": line[4:].strip(), "body": []}, None
            stories.append(cur)
        elif cur is None:
            continue
        elif body is None and line.strip() == "---":
            body = cur["body"]
            body.append([])
        elif body is None:
            k, _, v = line.partition(":")
            cur[k.strip()] = v.strip()
        elif not line.strip():
            if body[-1]:
                body.append([])
        else:
            body[-1].append(line)
    for s in stories:
        s["body"] = [b for b in s["body"] if b]
    return stories


def kind(block):
    first = block[0]
    if first.startswith("## "):
        return "h"
    if first.startswith("- "):
        return "ul"
    if first.startswith("| "):
        return "table"
    if first.startswith("> "):
        return "quote"
    if first.startswith("[") and first.endswith("]"):
        return "insert"
    return "p"


def cells(row):
    return [c.strip() for c in row.strip().strip("|").split("|")]


def truth_body(s):
    out = []
    for b in s["body"]:
        k = kind(b)
        if k == "h":
            out.append(b[0][3:])
        elif k == "ul":
            out += [x[2:] for x in b]
        elif k == "table":
            out += [" ".join(cells(r)) for r in b]
        elif k == "quote":
            out.append(" ".join(x[2:] for x in b))
        elif k == "p":
            out.append(" ".join(b))
        else:
            out += embed_truth(b[0])
    return "\n".join(out)


def embed_truth(line):
    """An embedded post is quoted in the text, as in the corpus's truth:
    its words and its attribution line; the player, cards and boxes are
    not."""
    name, _, arg = line[1:-1].partition(":")
    a = [x.strip() for x in arg.split("|")]
    if name.strip() == "tweet":
        return [a[3], "\u2014 %s (@%s) %s" % (a[0], a[1], a[2])]
    if name.strip() == "insta":
        return [a[1], "A post shared by %s (@%s)" %
                (a[0], slug(a[0]).replace("-", ""))]
    return []


def pick(s, n, off=0):
    """n headlines of the story's language, rotated by the story id."""
    heads = L[s["lang"]]["heads"]
    h = int(hashlib.sha1(s["id"].encode()).hexdigest(), 16) + off
    return [heads[(h + i) % len(heads)] for i in range(n)]


def slug(t):
    return "-".join("".join(c if c.isalnum() else " " for c in
                            t.lower()).split())[:60]


def link(s, t, cls=""):
    c = ' class="%s"' % cls if cls else ""
    return '<a%s href="https://%s/%s/%s">%s</a>' % (
        c, s["domain"], s.get("section", "news"), slug(t), E(t))


def authors(s):
    return [a for a in s.get("author", "").split("|") if a.strip()]


def byline_text(s):
    return s.get("byline") or " & ".join(authors(s))


# ---- head -----------------------------------------------------------

def jsonld(s, graph=False):
    art = {"@type": "NewsArticle", "headline": s["headline"],
           "datePublished": s["date"], "dateModified": s["date"],
           "image": {"@type": "ImageObject", "url": s["image"],
                     "width": 1200, "height": 675},
           "publisher": {"@type": "Organization", "name": s["site"]},
           "description": s.get("standfirst", "")}
    a = authors(s)
    art["author"] = ([{"@type": "Person", "name": n} for n in a] if a else
                     {"@type": "Organization", "name": s["site"]})
    if graph:
        art["@id"] = "https://%s/#article" % s["domain"]
        doc = {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": s["site"],
             "url": "https://%s/" % s["domain"]},
            {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home"}]},
            art]}
    else:
        doc = dict({"@context": "https://schema.org"}, **art)
    return ('<script type="application/ld+json">%s</script>' %
            json.dumps(doc, ensure_ascii=False).replace("</", "<\\/"))


def og(s):
    m = [("og:type", "article"), ("og:site_name", s["site"]),
         ("og:title", s["headline"]),
         ("og:description", s.get("standfirst", "")),
         ("og:image", s["image"]),
         ("article:published_time", s["date"])]
    m += [("article:author", a) for a in authors(s)]
    return "\n".join('<meta property="%s" content="%s">' % (k, E(v))
                     for k, v in m)


def head(s, extra=""):
    sd = s.get("sd", "none")
    parts = ['<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, '
             'initial-scale=1">',
             "<title>%s | %s</title>" % (E(s["headline"]), E(s["site"])),
             '<meta name="description" content="%s">' %
             E(s.get("standfirst", "")),
             '<link rel="canonical" href="https://%s/%s/%s">' %
             (s["domain"], s.get("section", "news"), slug(s["headline"])),
             '<link rel="stylesheet" href="/assets/site.css">']
    if "og" in sd:
        parts.append(og(s))
    if "jsonld" in sd:
        parts.append(jsonld(s))
    if "graph" in sd:
        parts.append(jsonld(s, graph=True))
    parts.append('<script>window.dataLayer=window.dataLayer||[];'
                 'dataLayer.push({"pageType":"article"});</script>')
    return "<head>\n%s\n%s\n</head>" % ("\n".join(parts), extra)


def page(s, body, extra_head="", html_attrs=""):
    return ('<!DOCTYPE html>\n<html lang="%s"%s>\n%s\n<body>\n%s\n'
            '</body>\n</html>\n' % (s["lang"], html_attrs,
                                    head(s, extra_head), body))


# ---- common furniture -------------------------------------------------

def cookie(s):
    f = L[s["lang"]]
    return ('<div id="consent-banner" class="consent" role="dialog">'
            '<p>%s</p><button>%s</button> <button>%s</button></div>' %
            (E(f["cookie"]), E(f["accept"]), E(f["reject"])))


def nav(s, cls="site-nav"):
    f = L[s["lang"]]
    items = "".join('<li><a href="/%s">%s</a></li>' % (slug(m), E(m))
                    for m in f["menu"])
    mega = "".join('<div class="mega-col"><h4>%s</h4><ul>%s</ul></div>' % (
        E(x), "".join("<li>%s</li>" % link(s, h) for h in pick(s, 3, i)))
        for i, x in enumerate(f["menu"][:4]))
    items += '<li class="more"><button>&#9776;</button><div class="mega-' \
        'menu" hidden>%s</div></li>' % mega
    return ('<nav class="%s"><ul><li><a href="/">%s</a></li>%s</ul>'
            '<a class="search" href="/search">%s</a> <a href="/login">%s</a>'
            ' <a class="btn-subscribe" href="/subscribe">%s</a></nav>' %
            (cls, E(f["home"]), items, E(f["search"]), E(f["login"]),
             E(f["subscribe"])))


def share(s, cls="share-tools"):
    f = L[s["lang"]]
    return ('<div class="%s"><span>%s</span> %s</div>' % (
        cls, E(f["share"]), " ".join(
            '<a href="#share-%s" aria-label="%s">%s</a>' %
            (slug(x), E(x), E(x)) for x in f["share_on"])))


def footer(s, cls="site-footer"):
    f = L[s["lang"]]
    return ('<footer class="%s"><ul>%s</ul><p>&copy; 2026 %s. %s</p>'
            '</footer>' % (cls, "".join(
                '<li><a href="/%s">%s</a></li>' % (slug(x), E(x))
                for x in f["footer"]), E(s["site"]), E(f["rights"])))


def headline_list(s, title, n, off=0, cls="widget", times=False):
    items = []
    for i, h in enumerate(pick(s, n, off)):
        t = '<span class="time">%02d:%02d</span> ' % (
            (17 - i // 2) % 24, (i * 13) % 60) if times else ""
        items.append("<li>%s%s</li>" % (t, link(s, h)))
    return '<section class="%s"><h3>%s</h3><ol>%s</ol></section>' % (
        cls, E(title), "".join(items))


def comments(s, cls="comments"):
    f = L[s["lang"]]
    cs = [c.split("|", 1) for c in s.get("comments", "").split(";;")
          if "|" in c]
    items = "".join(
        '<li class="comment"><div class="comment-author"><b>%s</b> '
        '<time>%s</time></div><div class="comment-text"><p>%s</p></div>'
        '<a class="reply" href="#reply">Reply</a></li>' %
        (E(n), fmt_date(s["lang"], s["date"]), E(t)) for n, t in cs)
    return ('<section class="%s"><h2>%s (%d)</h2><ol>%s</ol>'
            '<form class="comment-form"><h3>%s</h3><label>%s <input '
            'name="name"></label><label>%s <input name="email"></label>'
            '<textarea name="text"></textarea><button>%s</button></form>'
            '</section>' % (cls, E(f["comments"]), len(cs), items,
                            E(f["addcomment"]), E(f["name"]),
                            E(f["email"]), E(f["post"])))


def tags(s, cls="tags"):
    f = L[s["lang"]]
    ts = [t.strip() for t in s.get("tags", "").split(",") if t.strip()]
    return '<div class="%s"><span>%s:</span> %s</div>' % (
        cls, E(f["tags"]), " ".join(
            '<a rel="tag" href="/tag/%s">%s</a>' % (slug(t), E(t))
            for t in ts))


# ---- body blocks ------------------------------------------------------

def insert(s, line, style):
    f = L[s["lang"]]
    name, _, arg = line[1:-1].partition(":")
    a = [x.strip() for x in arg.split("|")]
    name = name.strip()
    if name == "teaser":
        h = pick(s, 1, 5)[0]
        if style == "ghost":
            return bookmark(s, h, "")
        return ('<aside class="inline-related"><strong>%s:</strong> %s'
                '</aside>' % (E(f["readalso"]), link(s, h)))
    if name == "related":
        items = "".join("<li>%s</li>" % link(s, h) for h in pick(s, 3, 6))
        return ('<div class="related-coverage" data-testid="RelatedCoverage">'
                '<h3>%s</h3><ul>%s</ul></div>' % (E(f["related"]), items))
    if name == "signup":
        return ('<div class="kg-card kg-signup-card kg-width-regular"><div '
                'class="kg-signup-card-content"><h2 class="kg-signup-card-'
                'heading">%s</h2><p class="kg-signup-card-subheading">%s</p>'
                '<form class="kg-signup-card-form" data-members-form="signup">'
                '<input class="kg-signup-card-input" type="email" placeholder'
                '="%s"><button class="kg-signup-card-button">%s</button>'
                '</form></div></div>' % (E(f["nl_title"]), E(f["nl_text"]),
                                         E(f["email"]), E(f["subscribe"])))
    if name == "comment-button":
        return ('<p class="button-wrapper"><a class="button primary" href='
                '"https://%s/p/%s/comments"><span>Leave a comment</span></a>'
                '</p>' % (s["domain"], slug(s["headline"])))
    if name == "bookmark":
        return bookmark(s, a[0], a[1] if len(a) > 1 else "")
    if name == "ad":
        if style == "amp":
            return ('<amp-ad width="300" height="250" type="doubleclick" '
                    'data-slot="/1234/article_mid"><div fallback>%s</div>'
                    '</amp-ad>' % E(f["ad"]))
        return ('<div class="ad-container"><span class="ad-label">%s'
                '</span><div id="div-gpt-ad-mid" style="min-height:250px">'
                '</div></div>' % E(f["ad"]))
    if name == "newsletter":
        return ('<div class="newsletter-box"><h4>%s</h4><p>%s</p><form>'
                '<input type="email" placeholder="%s"><button>%s</button>'
                '</form></div>' % (E(f["nl_title"]), E(f["nl_text"]),
                                   E(f["email"]), E(f["nl_button"])))
    if name == "figure":
        img = ('<amp-img src="%s" width="1200" height="800" '
               'layout="responsive" alt=""></amp-img>' if style == "amp"
               else '<img src="%s" alt="" loading="lazy">')
        src = "https://%s/media/%s-%d.jpg" % (s["domain"], s["id"],
                                               len(a[0]))
        cls = "kg-card kg-image-card kg-card-hascaption" \
            if style == "ghost" else "inline-figure"
        return ('<figure class="%s">%s<figcaption>%s <span class="credit">'
                '%s: %s</span></figcaption></figure>' %
                (cls, img % src, E(a[0]), E(f["photo"]),
                 E(a[1] if len(a) > 1 else s["site"])))
    if name == "tweet":
        return ('<blockquote class="twitter-tweet" data-lang="%s"><p '
                'lang="%s" dir="ltr">%s</p>&mdash; %s (@%s) <a href="'
                'https://twitter.com/%s/status/1%s">%s</a></blockquote>\n'
                '<script async src="https://platform.twitter.com/'
                'widgets.js" charset="utf-8"></script>' %
                (s["lang"], s["lang"], E(a[3]), E(a[0]), E(a[1]), E(a[1]),
                 hashlib.sha1(a[3].encode()).hexdigest()[:12], E(a[2])))
    if name == "insta":
        return ('<blockquote class="instagram-media" data-instgrm-'
                'permalink="https://www.instagram.com/p/C%s/" data-instgrm-'
                'version="14"><div><a href="https://www.instagram.com/p/C%s/"'
                '>View this post on Instagram</a></div><p>%s</p><p>A post '
                'shared by %s (@%s)</p></blockquote>\n<script async src='
                '"//www.instagram.com/embed.js"></script>' %
                (slug(a[0])[:8], slug(a[0])[:8], E(a[1]), E(a[0]),
                 E(slug(a[0]).replace("-", ""))))
    if name == "video":
        return ('<div class="video-player" data-video-id="v%d"><div '
                'class="vp-poster"><img src="https://%s/media/poster-%s.jpg"'
                ' alt=""></div><button class="vp-play">%s</button><span '
                'class="vp-time">0:00 / %s</span><div class="vp-title">%s'
                '</div><video preload="none" src="https://%s/media/%s.mp4">'
                '</video></div>' % (len(a[0]), s["domain"], s["id"],
                                    E(f["play"]), E(a[1]), E(a[0]),
                                    s["domain"], s["id"]))
    if name == "subscribe":
        return ('<div class="subscription-widget-wrap"><div class='
                '"subscription-widget show-subscribe"><div class="preamble">'
                '<p>Thanks for reading %s! Subscribe for free to receive '
                'new posts and support my work.</p></div><form class='
                '"subscription-widget-subscribe"><input type="email" '
                'placeholder="Type your email…"><input type="submit" '
                'value="Subscribe"></form></div></div>' % E(s["site"]))
    if name == "share":
        return ('<p class="button-wrapper"><a class="button primary" href='
                '"https://%s/p/%s?utm_source=share"><span>Share</span></a>'
                '</p>' % (s["domain"], slug(s["headline"])))
    raise ValueError("unknown insert " + line)


def bookmark(s, title, desc):
    return ('<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-'
            'container" href="https://%s/%s/"><div class="kg-bookmark-'
            'content"><div class="kg-bookmark-title">%s</div><div class="kg-'
            'bookmark-description">%s</div><div class="kg-bookmark-metadata">'
            '<span class="kg-bookmark-publisher">%s</span></div></div></a>'
            '</figure>' % (s["domain"], slug(title), E(title), E(desc),
                           E(s["site"])))


def para_html(s, b, style, i):
    text = E(" ".join(b))
    if style == "next":
        return '<div class="RichText_paragraph__k3Q2x"><p>%s</p></div>' % text
    if style == "wire":
        return '<p data-testid="paragraph-%d" class="text__paragraph">%s' \
            '</p>' % (i, text)
    if s.get("qa") and (text.startswith(s["qa"]) or text.startswith("Q:")):
        q, sep, rest = text.partition(":")
        return "<p><strong>%s:</strong>%s</p>" % (q, rest)
    return "<p>%s</p>" % text


def blocks_html(s, style):
    out, i = [], 0
    for b in s["body"]:
        k = kind(b)
        if k == "p":
            out.append(para_html(s, b, style, i))
            i += 1
        elif k == "h":
            out.append("<h2>%s</h2>" % E(b[0][3:]))
        elif k == "ul":
            out.append("<ul>%s</ul>" % "".join("<li>%s</li>" % E(x[2:])
                                               for x in b))
        elif k == "table":
            rows = [cells(r) for r in b]
            th = "".join("<th>%s</th>" % E(c) for c in rows[0])
            tb = "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % E(c)
                                                 for c in r)
                         for r in rows[1:])
            out.append('<table class="lineup"><thead><tr>%s</tr></thead>'
                       '<tbody>%s</tbody></table>' % (th, tb))
        elif k == "quote":
            out.append("<blockquote><p>%s</p></blockquote>" %
                       E(" ".join(x[2:] for x in b)))
        else:
            out.append(insert(s, b[0], style))
    return "\n".join(out)


def blogger_blocks(s):
    """Blogger's editor: text runs split by <br>, bold lines as headings,
    lists kept as lists."""
    out = []
    for b in s["body"]:
        k = kind(b)
        if k == "p":
            out.append('<span style="font-family: georgia, serif;">%s'
                       '</span><br /><br />' % E(" ".join(b)))
        elif k == "h":
            out.append("<b>%s</b><br /><br />" % E(b[0][3:]))
        elif k == "ul":
            out.append("<ul>%s</ul>" % "".join("<li>%s</li>" % E(x[2:])
                                               for x in b))
        elif k == "quote":
            out.append("<blockquote>%s</blockquote>" %
                       E(" ".join(x[2:] for x in b)))
        elif k == "insert":
            out.append('<div class="separator" style="clear: both;">%s'
                       '</div>' % insert(s, b[0], "blogger"))
        else:
            raise ValueError("blogger: no tables")
    return "\n".join(out)


def main():
    import styles  # the page styles; they use the helpers above
    here = Path(__file__).resolve().parent
    stories = parse(here / "stories.txt")
    (here / "html").mkdir(exist_ok=True)
    truth = {}
    for s in stories:
        render = getattr(styles, "page_" + s["style"])
        (here / "html" / (s["id"] + ".html")).write_text(
            render(s), encoding="utf-8")
        truth[s["id"]] = {"articleBody": truth_body(s),
                          "headline": s["headline"],
                          "author": authors(s),
                          "datePublished": s["date"],
                          "image": s["image"],
                          "lang": s["lang"],
                          "style": "%s/%s" % (s["style"], s.get("sd",
                                                                 "none"))}
    (here / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    print("%d pages" % len(stories))


if __name__ == "__main__":
    main()
