"""styles.py - the nine page styles of bench/heldout2 (see README.md)."""
import json

import make_pages as m
from furniture import L, fmt_date

E = m.E


def _meta_line(s, cls="meta"):
    f = L[s["lang"]]
    return ('<div class="%s"><span class="byline">%s %s</span> '
            '<time datetime="%s">%s</time></div>' %
            (cls, E(f["by"]), E(m.byline_text(s)), s["date"],
             fmt_date(s["lang"], s["date"])))


def _lead_figure(s, cls="lead-image", tag="img"):
    f = L[s["lang"]]
    if tag == "amp-img":
        img = ('<amp-img src="%s" width="1200" height="675" '
               'layout="responsive" alt="%s"></amp-img>' %
               (s["image"], E(s.get("caption", ""))))
    else:
        img = '<img src="%s" alt="%s" width="1200" height="675">' % (
            s["image"], E(s.get("caption", "")))
    return ('<figure class="%s">%s<figcaption>%s <small>%s: %s</small>'
            '</figcaption></figure>' %
            (cls, img, E(s.get("caption", "")), E(f["photo"]),
             E(s.get("credit", ""))))


# ---- Drupal 10 (Olivero-like) ---------------------------------------------

def page_drupal(s):
    f = L[s["lang"]]
    facts = ""
    if s.get("facts"):
        facts = ('<div class="field field--name-field-match-facts"><div '
                 'class="field__label">%s</div>%s</div>' % (
                     E(s.get("factstitle", "")), "".join(
                         '<div class="field__item">%s</div>' % E(x)
                         for x in s["facts"].split(";;"))))
    body = f"""<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="page-wrapper">
<header class="site-header" role="banner"><div class="region region-header">
<div id="block-site-branding" class="site-branding"><a href="/" rel="home">{E(s['site'])}</a></div>
</div><div class="region region-primary-menu">{m.nav(s, 'menu menu--main')}</div></header>
<div class="region region-breadcrumb"><nav class="breadcrumb" aria-labelledby="system-breadcrumb"><ol><li><a href="/">{E(f['home'])}</a></li><li><a href="/{s.get('section','news')}">{E(s.get('sectionname', f['menu'][0]))}</a></li></ol></nav></div>
<div class="region region-highlighted"><div data-drupal-messages-fallback class="hidden"></div></div>
<main role="main"><a id="main-content" tabindex="-1"></a>
<div class="main-content"><div class="layout-content"><div class="region region-content">
<div id="block-page-title" class="block block-core block-page-title-block"><h1 class="page-title"><span class="field field--name-title field--type-string">{E(s['headline'])}</span></h1></div>
<article role="article" data-history-node-id="48213" class="node node--type-article node--promoted node--view-mode-full">
<footer class="node__meta"><div class="node__submitted">{E(f['by'])} <span class="field field--name-uid"><span>{E(m.byline_text(s))}</span></span>, <span class="field field--name-created">{fmt_date(s['lang'], s['date'])} - {s['date'][11:16]}</span></div></footer>
<div class="node__content">
<div class="field field--name-field-image field--type-image field--label-hidden field__item">{_lead_figure(s, 'media')}</div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{m.blocks_html(s, 'drupal')}
</div>
<p>&nbsp;</p>
{facts}
<div class="field field--name-field-related-content field--label-above"><div class="field__label">{E(f['related'])}</div><div class="field__items">{"".join('<div class="field__item">%s</div>' % m.link(s, h) for h in m.pick(s, 3, 10))}</div></div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">{E(f['tags'])}</div><div class="field__items">{"".join('<div class="field__item"><a href="/taxonomy/term/%d" hreflang="%s">%s</a></div>' % (i + 12, s['lang'], E(t.strip())) for i, t in enumerate(s.get('tags', '').split(',')))}</div></div>
<ul class="links inline"><li class="node-readmore"><a href="/print/node/48213">{E(f['print'])}</a></li></ul>
{m.share(s, 'block-social-share')}
<section class="field field--name-comment field--type-comment field--label-above comment-wrapper">{m.comments(s, 'comment-list')}</section>
</div></article></div></div>
<aside class="layout-sidebar-first" role="complementary"><div class="region region-sidebar-first">
<div class="views-element-container block block-views block-views-blocknews-latest">{m.headline_list(s, f['latest'], 8, 0, 'view-content', True)}</div>
<div class="block block-views block-views-blockmost-read">{m.headline_list(s, f['mostread'], 5, 7, 'view-content')}</div>
<div class="block block-block-content"><div class="clearfix text-formatted field field--name-body"><p>{E(f['nl_text'])}</p><p><a class="button" href="/newsletter">{E(f['nl_button'])}</a></p></div></div>
</div></aside></div></main>
<div class="region region-footer">{m.footer(s)}</div>
</div></div>
{m.cookie(s)}"""
    return m.page(s, body)


# ---- Ghost (Casper/Source-like) ------------------------------------------------

def page_ghost(s):
    f = L[s["lang"]]
    a = m.byline_text(s)
    nxt = "".join('<article class="gh-card post"><a class="gh-card-link" '
                  'href="/%s/"><h3 class="gh-card-title">%s</h3><div '
                  'class="gh-card-meta"><span>%s</span></div></a></article>'
                  % (m.slug(h), E(h), fmt_date(s["lang"], s["date"]))
                  for h in m.pick(s, 3, 2))
    body = f"""<div class="gh-site">
<header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner"><div class="gh-head-brand"><a class="gh-head-logo" href="https://{s['domain']}">{E(s['site'])}</a></div>
<nav class="gh-head-menu"><ul class="nav">{"".join('<li class="nav-%s"><a href="/tag/%s/">%s</a></li>' % (m.slug(x), m.slug(x), E(x)) for x in f['menu'][:5])}</ul></nav>
<div class="gh-head-actions"><button class="gh-search" data-ghost-search>{E(f['search'])}</button><a class="gh-head-link" href="#/portal/signin" data-portal="signin">{E(f['login'])}</a><a class="gh-head-button" href="#/portal/signup" data-portal="signup">{E(f['subscribe'])}</a></div></div></header>
<main id="site-main" class="site-main">
<article class="article post tag-{m.slug(s.get('tags','x').split(',')[0])} featured">
<header class="article-header gh-canvas">
<div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/{m.slug(s.get('tags','x').split(',')[0])}/">{E(s.get('tags','').split(',')[0])}</a></span></div>
<h1 class="article-title">{E(s['headline'])}</h1>
<p class="article-excerpt">{E(s.get('standfirst',''))}</p>
<div class="article-byline"><section class="article-byline-content"><ul class="author-list"><li class="author-list-item"><a href="/author/{m.slug(a)}/" class="author-avatar"><img class="author-profile-image" src="/content/images/avatar.jpg" alt="{E(a)}"></a></li></ul>
<div class="article-byline-meta"><h4 class="author-name"><a href="/author/{m.slug(a)}/">{E(a)}</a></h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="{s['date'][:10]}">{fmt_date(s['lang'], s['date'])}</time><span class="byline-reading-time"><span class="bull">&bull;</span> 6 {E(f['minread'])}</span></div></div></section></div>
<figure class="article-image"><img srcset="{s['image']} 1200w" sizes="(min-width: 1400px) 1400px, 92vw" src="{s['image']}" alt="{E(s.get('caption',''))}"><figcaption><span style="white-space: pre-wrap;">{E(s.get('caption',''))} {E(f['photo'])}: {E(s.get('credit',''))}</span></figcaption></figure>
</header>
<section class="gh-content gh-canvas">
{m.blocks_html(s, 'ghost')}
</section>
<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">{E(f['nl_title'])}</h2><a class="footer-cta-button" href="#/portal" data-portal><div class="footer-cta-input">{E(f['email'])}</div><span>{E(f['subscribe'])}</span></a></div></section>
</article></main>
<aside class="read-more-wrap outer"><div class="read-more inner"><h2>{E(f['related'])}</h2><div class="post-feed">{nxt}</div></div></aside>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="https://{s['domain']}">{E(s['site'])}</a> &copy; 2026</section><nav class="site-footer-nav"><ul>{"".join('<li><a href="/%s/">%s</a></li>' % (m.slug(x), E(x)) for x in f['footer'][:4])}</ul></nav><div class="gh-powered-by"><a href="https://ghost.org/" target="_blank" rel="noopener">Powered by Ghost</a></div></div></footer>
</div>
<script src="/assets/built/casper.js?v=8b1e"></script>"""
    return m.page(s, body, html_attrs="")


# ---- Next.js (class hashes, article also in __NEXT_DATA__) ---------------------

def page_next(s):
    f = L[s["lang"]]
    blocks = []
    for b in s["body"]:
        k = m.kind(b)
        if k == "p":
            blocks.append({"type": "paragraph", "text": " ".join(b)})
        elif k == "h":
            blocks.append({"type": "heading", "level": 2, "text": b[0][3:]})
        elif k == "ul":
            blocks.append({"type": "list", "items": [x[2:] for x in b]})
        elif k == "table":
            blocks.append({"type": "table",
                           "rows": [m.cells(r) for r in b]})
        elif k == "quote":
            blocks.append({"type": "quote",
                           "text": " ".join(x[2:] for x in b)})
    data = {"props": {"pageProps": {
        "article": {"id": "a-%s" % s["id"], "title": s["headline"],
                    "standfirst": s.get("standfirst", ""),
                    "authors": [{"name": n, "slug": m.slug(n)}
                                for n in m.authors(s)],
                    "publishedAt": s["date"],
                    "leadImage": {"src": s["image"],
                                  "caption": s.get("caption", ""),
                                  "credit": s.get("credit", "")},
                    "body": blocks,
                    "tags": [t.strip() for t in s.get("tags", "").split(",")]},
        "related": [{"title": h, "href": "/%s" % m.slug(h)}
                    for h in m.pick(s, 4, 3)]},
        "__N_SSP": True}, "page": "/[section]/[slug]",
        "query": {"section": s.get("section", "news"),
                  "slug": m.slug(s["headline"])},
        "buildId": "k2PxQ9aLr7", "isFallback": False, "gssp": True,
        "scriptLoader": []}
    blob = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    rel = "".join('<li class="Teaser_item__p0Lm2"><a class="Teaser_link__'
                  'Wq8ZB" href="/%s"><span class="Teaser_title__n4r0Z">%s'
                  '</span></a></li>' % (m.slug(h), E(h))
                  for h in m.pick(s, 4, 3))
    body = f"""<div id="__next"><div class="Layout_root__Xy12a">
<header class="Header_header__Ab3cD"><a class="Header_logo__q9W1e" href="/">{E(s['site'])}</a>{m.nav(s, 'Nav_nav__Hh7tR')}</header>
<main class="Layout_main__Zp0Qe"><div class="Article_wrapper__u7Tn1">
<div class="Article_kicker__R2s9d"><a href="/{s.get('section','news')}">{E(s.get('sectionname', f['menu'][0]))}</a></div>
<h1 class="Article_headline__e5GhF">{E(s['headline'])}</h1>
<p class="Article_standfirst__t0Pq8">{E(s.get('standfirst',''))}</p>
<div class="Byline_root__3nJkL"><span class="Byline_authors__Mm2Xa">{E(f['by'])} {" ".join('<a href="/autor/%s">%s</a>' % (m.slug(n), E(n)) for n in m.authors(s))}</span><time class="Byline_time__pL6sV" datetime="{s['date']}">{fmt_date(s['lang'], s['date'])}, {s['date'][11:16]}</time><button class="Byline_listen__c0Wq4">{E(f['listen'])}</button></div>
<div class="Article_media__Y1uVb">{_lead_figure(s, 'Figure_root__o9Kd2')}</div>
<div class="Article_body__s8Zr3">
{m.blocks_html(s, 'next')}
</div>
<div class="Article_tags__H3x1B">{m.tags(s, 'Tags_root__Jj2rV')}</div>
{m.share(s, 'ShareBar_root__k1Vv0')}
</div>
<aside class="Article_aside__cV8n2"><h2 class="Section_title__w1Pq3">{E(f['related'])}</h2><ul class="Teaser_list__d8Fa1">{rel}</ul></aside>
<section class="Article_mostRead__Ex4Kd">{m.headline_list(s, f['mostread'], 5, 6, 'MostRead_root__Rt5mN')}</section>
</main>
{m.footer(s, 'Footer_root__Nw0gT')}
</div></div>
<script id="__NEXT_DATA__" type="application/json">{blob}</script>
<script src="/_next/static/chunks/webpack-9f2a.js" defer></script><script src="/_next/static/chunks/framework-2c71.js" defer></script>"""
    return m.page(s, body)


# ---- AMP ------------------------------------------------------------------------

def page_amp(s):
    f = L[s["lang"]]
    extra = ('<script async src="https://cdn.ampproject.org/v0.js"></script>'
             '\n<script async custom-element="amp-social-share" src="https://'
             'cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>\n'
             '<script async custom-element="amp-ad" src="https://cdn.ampproj'
             'ect.org/v0/amp-ad-0.1.js"></script>\n<style amp-boilerplate>'
             'body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal '
             'both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}'
             '</style><noscript><style amp-boilerplate>body{-webkit-'
             'animation:none;animation:none}</style></noscript>\n<style amp-'
             'custom>.amp-article{max-width:640px;margin:0 auto}</style>')
    soc = "".join('<amp-social-share type="%s" width="40" height="40" aria-'
                  'label="%s"></amp-social-share>' % (t, E(n))
                  for t, n in (("facebook", "Facebook"), ("twitter", "X"),
                               ("whatsapp", "WhatsApp"), ("email",
                                                          f["share_on"][3])))
    car = "".join('<div class="slide"><a href="/amp/%s"><amp-img src="https'
                  '://%s/media/t%d.jpg" width="160" height="90" layout='
                  '"fixed"></amp-img><h4>%s</h4></a></div>' %
                  (m.slug(h), s["domain"], i, E(h))
                  for i, h in enumerate(m.pick(s, 5, 4)))
    body = f"""<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul>{"".join('<li><a href="/amp/%s">%s</a></li>' % (m.slug(x), E(x)) for x in f['menu'])}</ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle" class="hamburger">&#9776;</button><a href="/" class="amp-logo">{E(s['site'])}</a></header>
<amp-ad width="320" height="50" type="doubleclick" data-slot="/1234/amp_top"><div fallback>{E(f['ad'])}</div></amp-ad>
<article class="amp-article">
<div class="amp-kicker">{E(s.get('sectionname', f['menu'][0]))}</div>
<h1 class="amp-title">{E(s['headline'])}</h1>
<p class="amp-intro"><strong>{E(s.get('standfirst',''))}</strong></p>
{_meta_line(s, 'amp-meta')}
<div class="amp-share">{soc}</div>
{_lead_figure(s, 'amp-lead', 'amp-img')}
<div class="amp-article-content">
{m.blocks_html(s, 'amp')}
</div>
<div class="amp-share amp-share-bottom">{soc}</div>
{m.tags(s, 'amp-tags')}
</article>
<section class="amp-related"><h3>{E(f['related'])}</h3><amp-carousel height="180" layout="fixed-height" type="carousel">{car}</amp-carousel></section>
<a class="amp-full" href="https://{s['domain']}/{s.get('section','news')}/{m.slug(s['headline'])}">{E(f['home'])}</a>
{m.footer(s, 'amp-footer')}"""
    return m.page(s, body, extra_head=extra, html_attrs=" \u26a1")


# ---- Blogger / Blogspot ------------------------------------------------------------

BLOGGER = {
    "fr": dict(posted="Publié par", at="à", nocom="commentaires",
               email="Envoyer par e-mail", blogthis="BlogThis!",
               sharex="Partager sur X", sharefb="Partager sur Facebook",
               sharepin="Partager sur Pinterest", labels="Libellés :",
               newer="Article plus récent", older="Article plus ancien",
               home="Accueil", subs="Inscription à :",
               postcom="Publier les commentaires (Atom)",
               archive="Archives du blog", popular="Articles les plus consultés",
               about="Qui êtes-vous ?", profile="Afficher mon profil complet",
               said="a dit…", reply="Répondre",
               addc="Enregistrer un commentaire",
               theme="Thème Simple. Fourni par Blogger."),
    "it": dict(posted="Pubblicato da", at="alle", nocom="commenti",
               email="Invia tramite email", blogthis="Postalo sul blog",
               sharex="Condividi su X", sharefb="Condividi su Facebook",
               sharepin="Condividi su Pinterest", labels="Etichette:",
               newer="Post più recente", older="Post più vecchio",
               home="Home page", subs="Iscriviti a:",
               postcom="Commenti sul post (Atom)", archive="Archivio blog",
               popular="Post più popolari", about="Informazioni personali",
               profile="Visualizza il mio profilo completo", said="ha detto...",
               reply="Rispondi", addc="Posta un commento",
               theme="Tema Semplice. Powered by Blogger."),
}


def page_blogger(s):
    b = BLOGGER[s["lang"]]
    cs = [c.split("|", 1) for c in s.get("comments", "").split(";;")
          if "|" in c]
    com = "".join('<li class="comment"><div class="comment-block"><div '
                  'class="comment-header"><cite class="user">%s</cite> %s '
                  '<span class="datetime secondary-text">%s</span></div><p '
                  'class="comment-content">%s</p><span class="comment-'
                  'actions secondary-text"><a>%s</a></span></div></li>' %
                  (E(n), E(b["said"]), fmt_date(s["lang"], s["date"]), E(t),
                   E(b["reply"])) for n, t in cs)
    pop = "".join('<li><div class="item-content"><div class="item-title"><a '
                  'href="/2025/%02d/%s.html">%s</a></div><div class="item-'
                  'snippet">%s</div></div></li>' %
                  (i + 3, m.slug(t), E(t), E(sn)) for i, (t, sn) in
                  enumerate(x.split("|", 1) for x in
                            s.get("popular", "").split(";;") if "|" in x))
    lbl = ", ".join('<a href="/search/label/%s" rel="tag">%s</a>' %
                    (m.slug(t), E(t.strip()))
                    for t in s.get("tags", "").split(","))
    body = f"""<div class="content"><div class="content-outer"><header><div class="header-outer"><div class="region-inner header-inner"><div class="header section" id="header"><div class="widget Header" id="Header1"><div id="header-inner"><div class="titlewrapper"><h1 class="title"><a href="https://{s['domain']}/">{E(s['site'])}</a></h1></div><div class="descriptionwrapper"><p class="description"><span>{E(s.get('tagline',''))}</span></p></div></div></div></div></div></div></header>
<div class="main-outer"><div class="main-inner columns-2"><div class="column-center-outer"><div class="column-center-inner"><div class="main section" id="main"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">
<div class="date-outer"><h2 class="date-header"><span>{fmt_date(s['lang'], s['date'])}</span></h2>
<div class="date-posts"><div class="post-outer"><div class="post hentry uncustomized-post-template" itemprop="blogPost" itemscope="itemscope" itemtype="http://schema.org/BlogPosting">
<meta content="{s['image']}" itemprop="image_url">
<a name="7301964"></a>
<h3 class="post-title entry-title" itemprop="name">{E(s['headline'])}</h3>
<div class="post-header"><div class="post-header-line-1"></div></div>
<div class="post-body entry-content" id="post-body-7301964" itemprop="description articleBody">
<div class="separator" style="clear: both; text-align: center;"><a href="{s['image']}" style="margin-left: 1em; margin-right: 1em;"><img border="0" data-original-height="900" data-original-width="1200" src="{s['image']}" width="400" /></a></div>
<div style="text-align: center;"><i>{E(s.get('caption',''))}</i></div><br />
{m.blogger_blocks(s)}
<div style="clear: both;"></div>
</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">{E(b['posted'])} <span class="fn" itemprop="author" itemscope="itemscope" itemtype="http://schema.org/Person"><span itemprop="name">{E(m.byline_text(s))}</span></span></span> <span class="post-timestamp">{E(b['at'])} <a class="timestamp-link" href="#" rel="bookmark"><abbr class="published" itemprop="datePublished" title="{s['date']}">{s['date'][11:16]}</abbr></a></span> <span class="post-comment-link"><a class="comment-link" href="#comments">{len(cs)} {E(b['nocom'])}</a></span></div>
<div class="post-share-buttons goog-inline-block"><a class="goog-inline-block share-button sb-email" href="#" title="{E(b['email'])}"><span class="share-button-link-text">{E(b['email'])}</span></a><a class="goog-inline-block share-button sb-blog" href="#"><span class="share-button-link-text">{E(b['blogthis'])}</span></a><a class="goog-inline-block share-button sb-twitter" href="#"><span class="share-button-link-text">{E(b['sharex'])}</span></a><a class="goog-inline-block share-button sb-facebook" href="#"><span class="share-button-link-text">{E(b['sharefb'])}</span></a><a class="goog-inline-block share-button sb-pinterest" href="#"><span class="share-button-link-text">{E(b['sharepin'])}</span></a></div>
<div class="post-footer-line post-footer-line-2"><span class="post-labels">{E(b['labels'])} {lbl}</span></div></div>
</div>
<div class="comments" id="comments"><a name="comments"></a><h4>{len(cs)} {E(b['nocom'])}:</h4><div class="comments-content"><ol>{com}</ol></div><p class="comment-footer"><a href="#">{E(b['addc'])}</a></p></div>
</div></div></div></div>
<div class="blog-pager" id="blog-pager"><span id="blog-pager-newer-link"><a class="blog-pager-newer-link" href="#">{E(b['newer'])}</a></span><span id="blog-pager-older-link"><a class="blog-pager-older-link" href="#">{E(b['older'])}</a></span><a class="home-link" href="/">{E(b['home'])}</a></div>
<div class="blog-feeds"><div class="feed-links">{E(b['subs'])} <a class="feed-link" href="#" type="application/atom+xml">{E(b['postcom'])}</a></div></div>
</div></div></div></div>
<div class="column-right-outer"><div class="column-right-inner"><aside><div class="sidebar section" id="sidebar-right-1">
<div class="widget Profile" id="Profile1"><h2>{E(b['about'])}</h2><div class="widget-content"><dl class="profile-datablock"><dt class="profile-data"><a class="profile-name-link g-profile" href="#">{E(m.byline_text(s))}</a></dt><dd class="profile-textblock">{E(s.get('about',''))}</dd></dl><a class="profile-link" href="#">{E(b['profile'])}</a></div></div>
<div class="widget PopularPosts" id="PopularPosts1"><h2>{E(b['popular'])}</h2><div class="widget-content popular-posts"><ul>{pop}</ul></div></div>
<div class="widget FollowByEmail" id="FollowByEmail1"><h2 class="title">Follow by Email</h2><div class="widget-content"><div class="follow-by-email-inner"><form><input class="follow-by-email-address" placeholder="Email address..." type="text"><input class="follow-by-email-submit" type="submit" value="Submit"></form></div></div></div>
<div class="widget Translate" id="Translate1"><h2 class="title">Translate</h2><div id="google_translate_element"></div></div>
<div class="widget BlogArchive" id="BlogArchive1"><h2>{E(b['archive'])}</h2><div class="widget-content"><div id="ArchiveList"><ul class="hierarchy"><li class="archivedate expanded"><a class="toggle">&#9660;&nbsp;</a><a class="post-count-link" href="#">2026</a> <span class="post-count" dir="ltr">(9)</span><ul class="hierarchy"><li class="archivedate expanded"><a class="post-count-link" href="#">{E(L[s['lang']]['months'][int(s['date'][5:7]) - 1])}</a> <span class="post-count">(2)</span></li></ul></li><li class="archivedate collapsed"><a class="post-count-link" href="#">2025</a> <span class="post-count">(31)</span></li></ul></div></div></div>
</div></aside></div></div>
</div></div>
<footer><div class="footer-outer"><div class="widget Attribution" id="Attribution1"><div class="widget-content" style="text-align: center;">{E(b['theme'])}</div></div></div></footer>
</div></div>"""
    return m.page(s, body)


# ---- news agency wire page -------------------------------------------------------

def page_wire(s):
    f = L[s["lang"]]
    more = "".join('<li class="story-card"><a href="/%s"><span class="story-'
                   'card__kicker">%s</span><span class="story-card__title">'
                   '%s</span></a><time>%s</time></li>' %
                   (m.slug(h), E(s.get("sectionname", f["menu"][0])), E(h),
                    fmt_date(s["lang"], s["date"])) for h in m.pick(s, 6, 1))
    body = f"""<div id="fusion-app"><header class="site-header__header"><a class="site-header__logo" href="/">{E(s['site'])}</a>{m.nav(s, 'site-header__nav')}</header>
<div class="article-page"><main id="main-content" class="article__main">
<header class="article-header__container"><nav class="article-header__breadcrumbs" aria-label="breadcrumb"><a href="/{s.get('section','news')}/">{E(s.get('sectionname', f['menu'][0]))}</a></nav>
<h1 data-testid="Heading" class="text__heading_2">{E(s['headline'])}</h1>
<div class="article-header__meta"><div class="article-header__byline" data-testid="AuthorByline">{E(f['by'])} {E(m.byline_text(s))}</div><time datetime="{s['date']}" class="date-line__date">{fmt_date(s['lang'], s['date'])} {s['date'][11:16]} {s['date'][19:]}</time><div class="article-header__updated">{E(f['updated'])} 2 h</div></div>
<div class="article-header__toolbar"><button>{E(f['listen'])}</button>{m.share(s, 'share-button')}<a class="license-button" href="/licensing">{E(s.get('licence','Purchase licensing rights'))}</a></div></header>
<div class="article-body__container">{_lead_figure(s, 'article-body__image')}
<div class="article-body__content" data-testid="ArticleBody">
{m.blocks_html(s, 'wire')}
<p class="sign-off text__paragraph">{E(s.get('signoff',''))}</p>
<div class="info-content__standards"><a href="/standards">{E(s.get('standards','Our Standards: The Trust Principles.'))}</a></div>
</div></div>
{m.tags(s, 'tags-line')}
<section class="read-next"><h2>{E(f['related'])}</h2><ul>{more}</ul></section>
<section class="sponsored"><h3>Sponsored</h3><ul><li><a href="https://ads.example/1">{E(m.pick(s, 1, 9)[0])}</a></li></ul></section>
</main></div>
{m.footer(s, 'site-footer__footer')}
{m.cookie(s)}</div>"""
    return m.page(s, body)


# ---- regional paper, three columns, long sidebar of headlines ----------------------

def page_regional(s):
    f = L[s["lang"]]
    obits = ""
    if s.get("obits"):
        obits = ('<div class="box"><h3>%s</h3><ul>%s</ul></div>' % (
            E(f["menu"][-2] if s["lang"] == "en" else f["menu"][-1]),
            "".join("<li>%s</li>" % m.link(s, n)
                    for n in s["obits"].split(";;"))))
    left = "".join('<li><a href="/%s">%s</a></li>' % (m.slug(x), E(x))
                   for x in f["menu"])
    long_side = "".join(m.headline_list(s, t, 12, o, "box", tm)
                        for t, o, tm in ((f["latest"], 0, True),
                                         (f["mostread"], 5, False)))
    body = f"""<div id="top"><div id="masthead"><a href="/"><img src="/img/masthead.png" alt="{E(s['site'])}"></a><span class="edition">{fmt_date(s['lang'], s['date'])}</span><div class="weather">14&deg;</div></div>
<div id="topnav">{m.nav(s, 'topnav')}</div></div>
<div id="wrapper"><table id="layout" width="100%" cellpadding="0" cellspacing="0"><tr>
<td id="col-left" width="180" valign="top"><ul class="sections">{left}</ul><div class="box"><h3>{E(f['nl_title'])}</h3><p>{E(f['nl_text'])}</p><a href="/newsletter">{E(f['nl_button'])}</a></div><div class="box ad"><span>{E(f['ad'])}</span><img src="/ads/garden-centre.gif" alt=""></div></td>
<td id="col-main" valign="top"><div class="crumbs"><a href="/">{E(f['home'])}</a> &gt; <a href="/{s.get('section','news')}">{E(s.get('sectionname', f['menu'][0]))}</a></div>
<div class="story">
<h1 class="story-headline">{E(s['headline'])}</h1>
<h2 class="story-sub">{E(s.get('standfirst',''))}</h2>
{_meta_line(s, 'story-meta')}
<div class="story-tools"><a href="#" onclick="window.print()">{E(f['print'])}</a> | <a href="mailto:?subject=x">{E(f['share_on'][3])}</a> | A- A+</div>
{_lead_figure(s, 'story-photo')}
<div class="story-text">
{m.blocks_html(s, 'regional')}
</div>
{m.share(s, 'story-share')}
{m.comments(s, 'story-comments') if s.get('comments') else ''}
</div></td>
<td id="col-right" width="300" valign="top"><div class="box ad"><span>{E(f['ad'])}</span><div id="mpu-1"></div></div>{long_side}{obits}<div class="box"><h3>{E(f['menu'][3])}</h3><ul>{"".join('<li>%s</li>' % m.link(s, h) for h in m.pick(s, 6, 8))}</ul></div></td>
</tr></table></div>
{m.footer(s, 'footer')}
{m.cookie(s)}"""
    return m.page(s, body)


# ---- Substack-like newsletter post ----------------------------------------------------

def page_substack(s):
    a = m.byline_text(s)
    cs = [c.split("|", 1) for c in s.get("comments", "").split(";;")
          if "|" in c]
    com = "".join('<div class="comment"><div class="comment-meta"><a class='
                  '"commenter-name">%s</a><span class="comment-date">%s'
                  '</span></div><div class="comment-body"><p>%s</p></div>'
                  '<div class="comment-actions"><button>Like</button><button>'
                  'Reply</button></div></div>' %
                  (E(n), fmt_date(s["lang"], s["date"])[:6], E(t))
                  for n, t in cs)
    ufi = ('<div class="post-ufi"><button class="like-button"><span class='
           '"label">%d</span></button><a class="post-ufi-comment-button" '
           'href="#comments"><span class="label">%d</span></a><button '
           'class="restack">Restack</button><button class="post-ufi-button '
           'share">Share</button></div>' % (len(s["id"]) * 7, len(cs)))
    body = f"""<div id="entry"><div id="main" class="main typography use-theme-bg">
<div class="topbar"><div class="navbar-title"><a href="/">{E(s['site'])}</a></div><div class="navbar-buttons"><a class="button primary subscribe-btn" href="/subscribe">Subscribe</a><a class="button" href="/sign-in">Sign in</a></div></div>
<div class="container"><div class="single-post-container"><div class="single-post"><article class="typography newsletter-post post">
<div class="post-header"><h1 class="post-title published">{E(s['headline'])}</h1><h3 class="subtitle">{E(s.get('standfirst',''))}</h3>
<div class="post-meta"><div class="profile-hover-card-target"><a href="/@{m.slug(a)}">{E(a)}</a></div><div class="post-date">{fmt_date(s['lang'], s['date'])}</div></div>
{ufi}</div>
<div class="available-content"><div dir="auto" class="body markup">
<div class="captioned-image-container"><figure><a class="image-link image2" href="{s['image']}"><picture><img src="{s['image']}" width="1456" height="971" alt=""></picture></a><figcaption class="image-caption">{E(s.get('caption',''))}</figcaption></figure></div>
{m.blocks_html(s, 'substack')}
</div></div>
<div class="subscription-widget-wrap"><div class="subscription-widget show-subscribe"><div class="preamble"><p>{E(s.get('endcta', 'Subscribe for free to receive new posts.'))}</p></div><form><input type="email" placeholder="Type your email…"><input type="submit" value="Subscribe"></form></div></div>
{ufi}
</article>
<div id="discussion" class="comments-section"><h4 class="comments-heading">Discussion about this post</h4><div class="comments-list">{com}</div></div>
<div class="post-footer-cta"><h3>Ready for more?</h3><a class="button primary" href="/subscribe">Subscribe</a></div>
</div></div></div>
<div class="footer-wrap"><div class="footer"><div class="copyright">&copy; 2026 {E(a)}</div><div class="footer-terms"><a href="/privacy">Privacy</a> &middot; <a href="/tos">Terms</a> &middot; <a href="/cn">Collection notice</a></div><div class="footer-buttons"><a class="button" href="/publish">Start writing</a><a class="button" href="/app">Get the app</a></div><div class="footer-slogan">Substack is the home for great culture</div></div></div>
</div></div>"""
    return m.page(s, body)


# ---- culture page with embedded posts and a video player ------------------------------

def page_embed(s):
    f = L[s["lang"]]
    body = f"""{m.cookie(s)}
<div class="site"><header class="masthead"><a class="logo" href="/">{E(s['site'])}</a>{m.nav(s, 'masthead-nav')}</header>
<div class="container"><div class="row">
<main class="col-md-8"><article class="story story--culture">
<ol class="breadcrumbs"><li><a href="/">{E(f['home'])}</a></li><li><a href="/{s.get('section','news')}">{E(s.get('sectionname', f['menu'][4]))}</a></li></ol>
<h1 class="story__title">{E(s['headline'])}</h1>
<p class="story__lead">{E(s.get('standfirst',''))}</p>
{_meta_line(s, 'story__meta')}
{m.share(s, 'story__share')}
{_lead_figure(s, 'story__figure')}
<div class="story__body">
{m.blocks_html(s, 'embed')}
</div>
{m.tags(s, 'story__tags')}
<div class="author-card"><img src="/img/authors/{m.slug(m.byline_text(s))}.jpg" alt=""><p><b>{E(m.byline_text(s))}</b> {E(s.get('about',''))}</p></div>
</article>
{m.comments(s, 'story__comments') if s.get('comments') else ''}
</main>
<aside class="col-md-4 sidebar">{m.headline_list(s, f['mostread'], 6, 2, 'widget-popular')}<div class="widget-video"><h3>Video</h3><ul>{"".join('<li><a href="/video/%s">%s</a> <span>2:%02d</span></li>' % (m.slug(h), E(h), 10 + i * 7) for i, h in enumerate(m.pick(s, 3, 9)))}</ul></div></aside>
</div></div>
{m.footer(s)}</div>"""
    return m.page(s, body)
