"""styles.py - the ten page styles of bench/heldout3 (see README.md); each
page_STYLE(s) returns a whole page for the story s of make_pages.py."""
import make_pages as m
from make_pages import E, url, slug, link, heads, when, hhmm, names

# ---- Medium-like blog post --------------------------------------------------------


def page_medium(s):
    w = s["w"]
    a = s["authors"][0]
    words = len(m.truth_body(s).split())
    resp = "".join('<div class="response"><div class="r-head"><img src="/av/'
                   '%s.png" alt=""><span>%s</span><span>%s</span></div><p>%s'
                   '</p><div class="r-foot"><button>12</button><button>%s'
                   '</button></div></div>' % (slug(n), E(n), when(s), E(t),
                                              E(w["reply"]))
                   for n, t in (c.split("|", 1) for c in
                                s.get("comments", "").split(";;") if c))
    more = "".join('<div class="card"><a href="/p/%s"><h2>%s</h2></a><div '
                   'class="card-meta">%s · %d %s</div></div>' % (
                       slug(h), E(h), E(a), 3 + i, E(w["min_read"]))
                   for i, h in enumerate(heads(s, 4, 2)))
    body = f"""<div id="root"><div class="metabar"><a class="logo" href="/">{E(s['site'])}</a><div class="metabar-search"><input placeholder="{E(w['search'])}"></div><a href="/new-story" class="write">Write</a><a href="/signin">{E(w['login'])}</a></div>
<main><article><div class="post-col">
<section><div class="section-inner">
<h1 class="pw-post-title" data-testid="storyTitle">{E(s['headline'])}</h1>
<h2 class="pw-subtitle-paragraph">{E(s['standfirst'])}</h2>
<div class="pw-author"><a href="/@{slug(a)}"><img class="avatar" src="/av/{slug(a)}.png" alt="{E(a)}"></a><div><span class="pw-author-name"><a href="/@{slug(a)}">{E(a)}</a></span> · <button class="follow">{E(w['follow'])}</button></div><div class="pw-meta"><span data-testid="storyReadTime">{max(1, words // 230)} {E(w['min_read'])}</span> · <span data-testid="storyPublishDate">{when(s)}</span></div></div>
<div class="pw-actions"><button class="clap" aria-label="clap">1.2K</button><button class="responses">{len([c for c in s.get('comments', '').split(';;') if c])}</button><button>{E(w['save'])}</button><button>Listen</button><button>{E(w['share'])}</button></div>
{m.figure(s, 'paragraph-image', 'cap', 'cap-credit')}
{m.blocks_html(s, 'medium', 'pw-post-body-paragraph')}
</div></section>
</div></article>
<div class="post-footer"><ul class="post-tags">{"".join('<li><a href="/tag/%s">%s</a></li>' % (slug(t), E(t)) for t in s['tags'].split('|'))}</ul>
<div class="pw-actions"><button class="clap">1.2K</button>{m.share(s, 'share')}</div>
<div class="written-by"><img src="/av/{slug(a)}.png" alt=""><h2>{E(w['written'])} {E(a)}</h2><p>{E(w['bio'].format(name=a))}</p><button>{E(w['follow'])}</button></div>
<div class="responses-list"><h2>{E(w['comments'])}</h2><div class="respond"><textarea placeholder="{E(w['leave'])}"></textarea></div>{resp}</div>
<div class="more-from"><h2>{E(w['more_from'])} {E(a)}</h2>{more}</div>
<div class="recommended"><h2>{E(w['recommended'])}</h2>{"".join('<div class="card"><a href="/p/%s"><h2>%s</h2></a></div>' % (slug(h), E(h)) for h in heads(s, 4, 6))}</div>
</div></main>
{m.footer(s, 'site-footer')}</div>
{m.cookie(s)}"""
    return m.page(s, body, "medium-post")


# ---- press-release distribution page ----------------------------------------------


def page_press(s):
    w = s["w"]
    more = "".join('<li><a href="/news-releases/%s">%s</a><span>%s</span>'
                   '</li>' % (slug(h), E(h), when(s)) for h in heads(s, 5, 1))
    contact = ('<div class="release-contact"><h3>%s</h3><p>Press Office, '
               '%s<br>press@%s<br>+00 1234 567 890</p></div>' % (
                   E(w["media"]), E(s["byline"]), E(s["domain"])))
    body = f"""<header class="pr-header"><a class="pr-logo" href="/">{E(s['site'])}</a>{m.nav(s, 'pr-nav')}<a class="pr-login" href="/login">{E(w['login'])}</a><a class="pr-send" href="/send">Send a release</a></header>
<div class="pr-crumbs"><a href="/">{E(w['home'])}</a> / <a href="/news-releases/">News releases</a> / <a href="/news-releases/{slug(s['section'])}/">{E(s['section'])}</a></div>
<div class="pr-main"><div class="release">
<div class="release-provider">News provided by <a href="/news/{slug(s['byline'])}">{E(s['byline'])}</a></div>
<p class="release-date">{when(s)}, {hhmm(s)}</p>
<h1 class="release-title">{E(s['headline'])}</h1>
<h2 class="release-subtitle">{E(s['standfirst'])}</h2>
{m.share(s, 'release-share')}
{m.figure(s, 'release-image')}
<div class="release-body">
{m.blocks_html(s, 'press')}
<p class="release-end">###</p>
</div>
{contact}
<p class="release-source">{E(w['source'])}: {E(s['byline'])}</p>
{m.tags(s, 'release-tags')}
</div>
<aside class="pr-side"><section><h3>{E(w['more_src'])}</h3><ul>{more}</ul></section>{m.ad(s, 'pr-ad')}{m.newsletter_box(s, 'pr-newsletter')}</aside></div>
{m.footer(s, 'pr-footer')}
{m.cookie(s)}"""
    return m.page(s, body, "release-page")


# ---- sports results page with a box score -------------------------------------------


def page_sports(s):
    w = s["w"]
    tables = [b for b in s["blocks"] if b.startswith("| ")]
    score = m.rows(tables[0])
    ticker = "".join('<li class="game"><span>%s</span><b>%d</b><span>%s</span>'
                     '<b>%d</b><em>%s</em></li>' % (
                         E(a), 70 + 3 * i, E(b), 68 + 5 * i, E(w["final"]))
                     for i, (a, b) in enumerate((("GRB", "PTA"), ("HLM",
                                                "SDV"), ("NRT", "KSW"))))
    strip = ('<div class="scorecard"><div class="team away">%s <b>%s</b></div>'
             '<div class="status">%s</div><div class="team home">%s <b>%s</b>'
             '</div></div>' % (E(score[1][0]), E(score[1][-1]), E(w["final"]),
                               E(score[2][0]), E(score[2][-1])))
    stand = "".join("<tr><td>%d</td><td>%s</td><td>%d</td><td>%d</td></tr>" % (
        i + 1, E(t), 40 - 3 * i, 20 + 3 * i) for i, t in enumerate(
            ("Port Alden", "Granby", "Northcote", score[2][0], score[1][0])))
    body = f"""<div class="ticker"><ul>{ticker}</ul></div>
<header class="masthead"><a href="/" class="brand">{E(s['site'])}</a>{m.nav(s, 'sections')}<a href="/subscribe" class="sub">{E(w['subscribe'])}</a></header>
<div class="game-page">{strip}
<ul class="game-tabs"><li class="active"><a href="#recap">{E(w['recap'])}</a></li><li><a href="#box">{E(w['boxscore'])}</a></li><li><a href="#pbp">{E(w['pbp'])}</a></li></ul>
<div class="layout"><div class="main-col"><div class="story" id="recap">
<p class="kicker"><a href="/{slug(s['section'])}/">{E(s['section'])}</a></p>
<h1>{E(s['headline'])}</h1>
<p class="dek">{E(s['standfirst'])}</p>
<div class="byline">{E(w['by'])} <a href="/staff/{slug(names(s))}">{E(names(s))}</a><span class="dateline">{E(s['place'])}</span><time datetime="{s['date']}">{when(s)} {hhmm(s)}</time></div>
{m.share(s, 'tools')}
{m.figure(s, 'hero')}
<div class="story-body">
{m.blocks_html(s, 'sports')}
</div>
{m.tags(s)}
</div>
{m.comment_list(s)}
</div>
<aside class="rail"><div class="standings"><h3>{E(w['standings'])}</h3><table><tr><th>#</th><th></th><th>W</th><th>L</th></tr>{stand}</table></div>{m.ad(s, 'rail-ad')}{m.head_list(s, w['mostread'], 5, 0, num=True)}</aside></div></div>
{m.footer(s, 'site-foot')}
{m.cookie(s)}"""
    return m.page(s, body, "gamecast")


# ---- Hugo/Jekyll-style static site ----------------------------------------------------


def page_hugo(s):
    w = s["w"]
    a = s["authors"][0]
    toc = "".join('<li><a href="#%s">%s</a></li>' % (slug(b[3:]), E(b[3:]))
                  for b in s["blocks"] if b.startswith("## "))
    words = len(m.truth_body(s).split())
    prev_, next_ = heads(s, 2, 3)
    body = f"""<header class="header"><nav class="nav"><div class="logo"><a href="/" accesskey="h">{E(s['site'])}</a></div><ul id="menu"><li><a href="/posts/">{E(w['menu'][0])}</a></li><li><a href="/tags/">{E(w['tags'])}</a></li><li><a href="/about/">{E(w['about'])}</a></li><li><a href="/search/">{E(w['search'])}</a></li></ul></nav></header>
<main class="main"><article class="post-single">
<header class="post-header"><div class="breadcrumbs"><a href="/">{E(w['home'])}</a>&nbsp;»&nbsp;<a href="/posts/">{E(s['section'])}</a></div>
<h1 class="post-title entry-hint-parent">{E(s['headline'])}</h1>
<div class="post-meta"><span title="{s['date']}">{when(s)}</span>&nbsp;·&nbsp;{max(1, words // 200)} {E(w['min_read'])}&nbsp;·&nbsp;{E(a)}</div></header>
<figure class="entry-cover"><img loading="eager" src="{E(url(s, s['image']))}" alt="{E(s['caption'])}"><figcaption>{E(s['caption'])} {E(s['credit'])}</figcaption></figure>
<div class="toc"><details open><summary accesskey="c"><span class="details">{E(w['toc'])}</span></summary><div class="inner"><ul>{toc}</ul></div></details></div>
<div class="post-content">{m.blocks_html(s, 'hugo')}</div>
<footer class="post-footer"><ul class="post-tags">{"".join('<li><a href="/tags/%s/">%s</a></li>' % (slug(t), E(t)) for t in s['tags'].split('|'))}</ul>
<nav class="paginav"><a class="prev" href="/posts/{slug(prev_)}/"><span class="title">« {E(w['prev'])}</span><br><span>{E(prev_)}</span></a><a class="next" href="/posts/{slug(next_)}/"><span class="title">{E(w['next'])} »</span><br><span>{E(next_)}</span></a></nav>
{m.share(s, 'share-buttons')}</footer>
</article></main>
<footer class="footer"><span>&copy; {s['date'][:4]} <a href="/">{E(s['site'])}</a></span> · <span>Powered by <a href="https://gohugo.io/">Hugo</a></span> · <a href="/index.xml">RSS</a> · <a href="/{slug(w['privacy'])}/">{E(w['privacy'])}</a></footer>
<a href="#top" class="top-link" id="top-link">↑</a>"""
    return m.page(s, body, "list single")


# ---- magazine long read ----------------------------------------------------------------


def page_longread(s):
    w = s["w"]
    a = s["authors"][0]
    photog = s["credit"].split(":", 1)[-1].strip()
    html = m.blocks_html(s, "longread")
    # a drop cap on the first letter of the first paragraph
    html = html.replace("<p>", '<p class="first"><span class="dropcap">'
                        '%s</span>' % E(s["blocks"][0][0]), 1)
    html = html.replace('<span class="dropcap">%s</span>%s' % (
        E(s["blocks"][0][0]), E(s["blocks"][0][0])),
        '<span class="dropcap">%s</span>' % E(s["blocks"][0][0]), 1)
    body = f"""<header class="mag-header"><a class="mag-logo" href="/">{E(s['site'])}</a>{m.nav(s, 'mag-nav')}<a class="mag-sub" href="/abo">{E(w['subscribe'])}</a><a href="/login">{E(w['login'])}</a></header>
<article class="longform">
<div class="hero"><picture class="hero-media"><source media="(min-width: 900px)" srcset="{E(url(s, s['image']))}?w=2000 2000w"><img src="{E(url(s, s['image']))}?w=1200" alt="{E(s['caption'])}"></picture><div class="hero-text"><span class="rubric">{E(s['section'])}</span><h1>{E(s['headline'])}</h1><p class="intro">{E(s['standfirst'])}</p></div></div>
<p class="hero-caption">{E(s['caption'])} <span>{E(s['credit'])}</span></p>
<div class="credits"><span class="text-by">{E(w['by'])} <a href="/autoren/{slug(a)}" rel="author">{E(a)}</a></span><span class="photo-by">{E(w['photos'])}: {E(photog)}</span><span class="place">{E(s['place'])}</span><time datetime="{s['date']}">{when(s)}</time><span class="read">{max(1, len(m.truth_body(s).split()) // 200)} {E(w['min_read'])}</span></div>
{m.share(s, 'longform-share')}
<div class="longform-body">
{html}
</div>
<footer class="longform-foot"><div class="author-bio"><h3>{E(w['about_author'])}</h3><img src="/autoren/{slug(a)}.jpg" alt=""><p><strong>{E(a)}</strong> — {E(w['bio'].format(name=a))}</p><a href="/autoren/{slug(a)}">{E(w['more_from'])} {E(a)}</a></div>
{m.tags(s, 'longform-tags')}{m.newsletter_box(s)}</footer>
</article>
<section class="more-longreads"><h2>{E(w['recommended'])}</h2><div class="grid">{"".join('<a class="tile" href="/reportage/%s"><img src="/tiles/%d.jpg" alt=""><span>%s</span></a>' % (slug(h), i, E(h)) for i, h in enumerate(heads(s, 3, 4)))}</div></section>
{m.footer(s, 'mag-footer')}
{m.cookie(s)}"""
    return m.page(s, body, "longread")


# ---- news site with a sticky video player and "up next" ------------------------------


def page_video(s):
    w = s["w"]
    nxt = "".join('<li class="upnext-item"><img src="/thumbs/%d.jpg" alt="">'
                  '<span class="upnext-title">%s</span><span class="dur">%d:%02d'
                  '</span></li>' % (i, E(h), 1 + i, 7 * i + 12)
                  for i, h in enumerate(heads(s, 4, 1)))
    body = f"""<div class="top-bar"><a href="/" class="logo">{E(s['site'])}</a>{m.nav(s, 'main-menu')}<div class="live-tv"><a href="/live">{E(w['live'])} TV</a></div><a href="/login">{E(w['login'])}</a></div>
<div class="sticky-player" data-sticky="true"><div class="player-frame"><video poster="/thumbs/main.jpg" preload="none"></video><div class="player-title">{E(s['headline'])}</div><button class="close" aria-label="close">×</button></div>
<div class="upnext"><h4>{E(w['upnext'])}</h4><label><input type="checkbox" checked> {E(w['autoplay'])}</label><ol>{nxt}</ol></div></div>
<main class="article-wrap"><nav class="crumbs"><a href="/">{E(w['home'])}</a> › <a href="/{slug(s['section'])}/">{E(s['section'])}</a></nav>
<article class="article">
<h1 class="article-title">{E(s['headline'])}</h1>
<p class="article-lead">{E(s['standfirst'])}</p>
<div class="article-meta"><span class="author">{E(w['by'])} {E(names(s))}</span> · <span class="place">{E(s['place'])}</span> · <time datetime="{s['date']}">{when(s)}, {hhmm(s)}</time></div>
{m.share(s, 'article-share')}
{m.figure(s, 'article-media')}
<div class="article-text">
{m.blocks_html(s, 'video')}
</div>
{m.tags(s)}
{m.pitch(s)}
</article>
<aside class="sidebar">{m.head_list(s, w['mostread'], 5, 0, num=True)}{m.ad(s, 'sidebar-ad')}{m.head_list(s, w['related'], 3, 5)}</aside></main>
{m.footer(s, 'page-footer')}
{m.cookie(s)}"""
    return m.page(s, body, "article-page has-video")


# ---- forum-style community news post ------------------------------------------------------


def forum_post(s, n, who, text_html, sig=""):
    w = s["w"]
    return ('<div class="post bg%d" id="p%d"><div class="inner"><dl class='
            '"postprofile"><dt><a class="username" href="/member/%s">%s</a>'
            '</dt><dd><strong>%s:</strong> %d</dd><dd><strong>%s:</strong> '
            '2019</dd></dl><div class="postbody"><h3>%s%s</h3><p class='
            '"author">%s <a href="/member/%s">%s</a> » %s %s</p><div class="content">%s</div>%s</div>'
            '<ul class="post-buttons"><li><a href="#r">%s</a></li><li>'
            '<a href="#q">“”</a></li></ul></div></div>' % (
                n % 2 + 1, 1000 + n, slug(who), E(who), E(w["posts"]),
                37 + 53 * n, E(w["joined"]), "Re: " if n else "",
                E(s["headline"]), E(w["by"]), slug(who), E(who), when(s), hhmm(s),
                text_html,
                '<div class="signature">%s</div>' % E(sig) if sig else "",
                E(w["reply"])))


def forum_text(s):
    out = []
    for i, b in enumerate(s["blocks"]):
        if b.startswith("- "):
            out.append("<ul>%s</ul>" % "".join(
                "<li>%s</li>" % E(x[2:]) for x in b.split("\n")))
        else:
            out.append("<br>".join(E(x) for x in b.split("\n")) + "<br><br>")
    return "\n".join(out)


def page_forum(s):
    w = s["w"]
    a = s["authors"][0]
    att = ('<dl class="attachbox"><dt>%s</dt><dd><img src="%s" alt="%s"><br>'
           '%s (%s)</dd></dl>' % (E(w["attach"]), E(url(s, s["image"])),
                                  E(s["caption"]), E(s["caption"]),
                                  E(s["credit"])))
    first = forum_post(s, 0, a, forum_text(s) + att,
                       "— " + s["site"] + " · " + w["contact"])
    cs = [c.split("|", 1) for c in s.get("comments", "").split(";;") if c]
    replies = "".join(forum_post(s, i + 1, n, E(t)) for i, (n, t) in
                      enumerate(cs))
    body = f"""<div id="wrap"><div class="headerbar"><a href="/" class="site-logo">{E(s['site'])}</a><ul class="nav-main"><li><a href="/faq">FAQ</a></li><li><a href="/members">{E(w['posts'])}</a></li><li><a href="/login">{E(w['login'])}</a></li></ul><form class="search-header"><input placeholder="{E(w['search'])}…"></form></div>
<ul class="navbar-crumbs"><li><a href="/">{E(w['home'])}</a></li><li>‹ <a href="/f/{slug(s['section'])}">{E(s['section'])}</a></li></ul>
<div id="page-body"><h2 class="topic-title"><a href="/t/{slug(s['headline'])}">{E(s['headline'])}</a></h2>
<div class="action-bar"><a class="button" href="/post">{E(w['reply'])}</a><span class="pagination">{len(cs) + 1} {E(w['posts'])}</span></div>
{first}
{replies}
<div class="topic-share">{m.share(s, 'topic-share')}</div>
<form id="qr_postform" class="quickreply"><h2>{E(w['quick'])} — {E(w['leave'])}</h2><p>{E(w['required'])}</p><textarea name="message"></textarea><input type="submit" value="{E(w['post'])}"></form>
{m.head_list(s, w['related'], 4, 2, 'div', 'similar-topics')}</div>
<div class="copyright">&copy; {s['date'][:4]} {E(s['site'])} · Powered by phpBB · <a href="/{slug(w['privacy'])}">{E(w['privacy'])}</a> · <a href="/{slug(w['terms'])}">{E(w['terms'])}</a></div></div>
{m.cookie(s)}"""
    return m.page(s, body, "section-viewtopic ltr")


# ---- live blog with timestamps ---------------------------------------------------------


def page_liveblog(s):
    w = s["w"]
    entries, keys = [], []
    for b in s["blocks"]:
        k = m.kind(b)
        if k == "entry":
            t, title, lines = m.entry_head(b)
            keys.append('<li><a href="#e-%s"><time>%s</time> %s</a></li>' % (
                t.replace(":", ""), t, E(title)))
            text = "".join(
                "<blockquote><p>%s</p></blockquote>" % E(x[2:])
                if x.startswith("> ") else "<p>%s</p>" % E(x) for x in lines)
            entries.append(
                '<article class="lb-post" id="e-%s"><header class="lb-head">'
                '<time datetime="%sT%s:00%s">%s</time><span class="lb-author">'
                '%s</span></header><h2 class="lb-title">%s</h2><div class='
                '"lb-text">%s</div><div class="lb-tools"><a href="#e-%s">'
                '%s</a></div></article>' % (
                    t.replace(":", ""), s["date"][:10], t, s["date"][19:], t,
                    E(s["authors"][len(entries) % len(s["authors"])]
                      if s["authors"] else s["site"]),
                    E(title), text, t.replace(":", ""), E(w["share"])))
        else:
            entries.append('<div class="lb-promo">%s</div>' %
                           m.box_html(s, b, "liveblog"))
    body = f"""<header class="site-head"><a class="brand" href="/">{E(s['site'])}</a>{m.nav(s, 'site-nav')}<a class="btn-sub" href="/abonnement">{E(w['subscribe'])}</a></header>
<div class="crumbs"><a href="/">{E(w['home'])}</a> / <a href="/{slug(s['section'])}">{E(s['section'])}</a></div>
<main class="live-page"><header class="live-header"><span class="badge-live">{E(w['live'])}</span>
<h1>{E(s['headline'])}</h1><p class="live-standfirst">{E(s['standfirst'])}</p>
<p class="live-byline">{E(w['by'])} {E(names(s))} · {E(w['updated'])} <time datetime="{s['date']}">{when(s)}</time></p>
{m.share(s, 'live-share')}
{m.figure(s, 'live-lead')}
<div class="key-points"><h3>{E(w['keypoints'])}</h3><ul>{"".join(keys)}</ul></div></header>
<div class="lb-feed" aria-live="polite">
{chr(10).join(entries)}
</div>
<button class="lb-more">{E(w['load_more'])}</button>
{m.tags(s)}
</main>
<aside class="rail">{m.head_list(s, w['mostread'], 5, 1, num=True)}</aside>
{m.footer(s)}
{m.cookie(s)}"""
    return m.page(s, body, "liveblog")


# ---- newsletter archive page (an issue rendered from the mail) --------------------------


def page_newsletter(s):
    w = s["w"]
    a = s["authors"][0]
    past = "".join('<li><a href="/archivo/%s">%s</a></li>' % (slug(h), E(h))
                   for h in heads(s, 6, 0))
    td = 'style="padding:0 24px;font-family:Georgia,serif;font-size:17px;' \
         'line-height:1.6;color:#222"'
    body = f"""<div class="archive-nav"><a href="/">{E(s['site'])}</a> › <a href="/archivo/">{E(w['archive'])}</a><form class="archive-subscribe"><input type="email" placeholder="{E(w['email_ph'])}"><button>{E(w['nl_button'])}</button></form></div>
<div class="archive-layout"><aside class="archive-list"><h3>{E(w['archive'])}</h3><ul>{past}</ul></aside>
<div class="archive-issue"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" id="bodyTable"><tr><td align="center">
<table role="presentation" width="600" class="templateContainer"><tr><td class="preheader" style="font-size:11px;color:#888">{E(w['view_web'])} · <a href="/forward">{E(w['forward'])}</a></td></tr>
<tr><td class="templateHeader" align="center"><img src="/archivo/logo.png" alt="{E(s['site'])}" width="220"></td></tr>
<tr><td class="templateBody" {td}>
<h1 style="font-size:26px">{E(s['headline'])}</h1>
<p class="issue-meta" style="color:#777">{E(w['by'])} {E(a)} · {when(s)}</p>
<img src="{E(url(s, s['image']))}" width="552" alt="{E(s['caption'])}" style="display:block"><p style="font-size:13px;color:#777">{E(s['caption'])} {E(s['credit'])}</p>
{m.blocks_html(s, 'newsletter')}
</td></tr>
<tr><td class="templateFooter" style="font-size:12px;color:#888;padding:24px"><p>{m.share(s, 'mc-share')}</p><p>Copyright &copy; {s['date'][:4]} {E(s['site'])}, {E(w['rights'])}</p><p>{E(w['why'])}</p><p><a href="/unsubscribe">{E(w['unsub'])}</a> · <a href="/profile">{E(w['prefs'])}</a></p></td></tr>
</table></td></tr></table></div></div>
{m.cookie(s)}"""
    return m.page(s, body, "archive")


# ---- regional paper with an e-paper promo ------------------------------------------------


def page_epaper(s):
    w = s["w"]
    promo = ('<div class="epaper-promo"><a href="/e-paper"><img src="/epaper/'
             'cover-%s.jpg" alt="%s"></a><strong>%s</strong><p>%s</p><a class='
             '"btn" href="/e-paper">%s</a></div>' % (
                 s["date"][:10], E(w["epaper"]), E(w["epaper"]),
                 E(w["epaper_text"]), E(w["subscribe"])))
    body = f"""<div class="topbar"><span class="today">{when(s)}</span><a href="/e-paper" class="topbar-epaper">{E(w['epaper'])}</a><a href="/login">{E(w['login'])}</a><a class="topbar-abo" href="/abo">{E(w['subscribe'])}</a></div>
<header class="masthead"><a href="/"><img src="/img/logo.svg" alt="{E(s['site'])}"></a></header>
{m.nav(s, 'navbar navbar-expand')}
<div class="container"><div class="row"><div class="col-md-8">
<ol class="breadcrumb"><li><a href="/">{E(w['home'])}</a></li><li><a href="/{slug(s['section'])}">{E(s['section'])}</a></li></ol>
<div class="news-item">
<h1 class="news-title">{E(s['headline'])}</h1>
<div class="news-lead"><strong>{E(s['standfirst'])}</strong></div>
<div class="news-info"><span class="news-author">{E(w['by'])} {E(names(s))}</span> <span class="news-date">{when(s)} {hhmm(s)}</span></div>
{m.share(s, 'news-share')}
{m.figure(s, 'news-photo')}
<div class="news-content">
{m.blocks_html(s, 'epaper')}
</div>
{promo}
{m.tags(s, 'news-tags')}
</div>
{m.comment_list(s, 'news-comments')}
</div><div class="col-md-4">{promo}{m.head_list(s, w['mostread'], 6, 0, 'div', 'widget', True)}{m.ad(s, 'widget-ad')}{m.newsletter_box(s, 'widget newsletter')}{m.head_list(s, w['related'], 4, 6, 'div', 'widget')}</div></div></div>
{m.footer(s, 'site-footer')}
{m.cookie(s)}"""
    return m.page(s, body, "article")
