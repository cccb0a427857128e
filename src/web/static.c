/* static.c - the one stylesheet (screen and print) and the one script,
 * compiled in so the binary needs no files to look right. Both are
 * served from /static/ with an ETag; the CSP allows only these. */
#include "web/pages.h"

static const char static_css_text[] =
":root{--ink:#1b1b1b;--muted:#4a4a4a;--rule:#d8d2c8;--accent:#0a4f8c;"
"--paper:#fffdf9;--band:#f3efe7;--focus:#c25e00}\n"
"*{box-sizing:border-box}\n"
"body{margin:0;background:var(--paper);color:var(--ink);"
"font:1.0625rem/1.6 Georgia,'Times New Roman',serif}\n"
"a{color:var(--accent)}a:hover{text-decoration-thickness:2px}\n"
"a:focus-visible,button:focus-visible,input:focus-visible{"
"outline:3px solid var(--focus);outline-offset:2px}\n"
".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;"
"background:#fff;padding:.5rem;z-index:2}\n"
".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;"
"clip:rect(0 0 0 0);white-space:nowrap}\n"
"header.site{background:var(--ink);color:#fff;padding:.75rem 1rem;"
"font-family:system-ui,sans-serif;display:flex;flex-wrap:wrap;"
"align-items:center;gap:.5rem 1.5rem}\n"
"header.site a{color:#fff}\n"
".brand{margin:0;font:700 1.6rem/1 Georgia,serif;letter-spacing:-.02em}\n"
".brand a{text-decoration:none}\n"
"header.site nav{flex-basis:100%}\n"
"ul.topics{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;"
"gap:.25rem 1rem;font-size:.95rem}\n"
"form.search{margin-left:auto;display:flex;gap:.4rem;align-items:center}\n"
"form.search label{font-size:.9rem}\n"
"input,button{font:inherit;font-size:1rem}\n"
"input[type=search],input[type=email]{padding:.35rem .5rem;border:1px "
"solid #767676;border-radius:3px;min-width:0;max-width:100%}\n"
"button{padding:.35rem .8rem;border:1px solid var(--accent);"
"background:var(--accent);color:#fff;border-radius:3px;cursor:pointer}\n"
"main{max-width:44rem;margin:0 auto;padding:1rem}\n"
"h1{font-size:2.1rem;line-height:1.15;margin:.5rem 0}\n"
".stories{list-style:none;padding:0;margin:0}\n"
".story h2{font-size:1.35rem;line-height:1.25;margin:0 0 .25rem}\n"
".stories>li{border-bottom:1px solid var(--rule);padding:1rem 0}\n"
".stories>li h2 a{color:var(--ink);text-decoration:none}\n"
".stories>li h2 a:hover{text-decoration:underline}\n"
".kicker{margin:0;font:700 .85rem system-ui,sans-serif;"
"text-transform:uppercase;letter-spacing:.06em}\n"
".standfirst{font-size:1.2rem;color:var(--muted);margin:.25rem 0 .75rem}\n"
".stories .standfirst{font-size:1rem}\n"
".byline,.meta,.also,.credits,figcaption{font:.9rem/1.45 system-ui,"
"sans-serif;color:var(--muted)}\n"
".byline{margin:.25rem 0}.author{font-weight:700;color:var(--ink)}\n"
".tools{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;"
"border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);"
"padding:.5rem 0;margin:.5rem 0 1rem;font:.9rem system-ui,sans-serif}\n"
".share{list-style:none;display:flex;gap:.75rem;margin:0;padding:0}\n"
".tools form{margin:0}\n"
"button.print{background:#fff;color:var(--accent)}\n"
"figure.lead{margin:0 0 1rem}\n"
"img{max-width:100%;height:auto;display:block;background:var(--band)}\n"
".recommended{border-left:4px solid var(--accent);background:var(--band);"
"padding:.5rem 1rem;margin:1.25rem 0;font-family:system-ui,sans-serif}\n"
".recommended h2{font-size:.8rem;text-transform:uppercase;"
"letter-spacing:.06em;margin:0}\n"
".recommended p{margin:.25rem 0;font-weight:700}\n"
".follow{background:var(--band);border-top:3px solid var(--ink);"
"padding:1rem;margin:1.5rem 0;font-family:system-ui,sans-serif}\n"
".follow h2{font-size:1.15rem;margin:0 0 .25rem}\n"
".follow form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}\n"
".comments{border-top:1px solid var(--rule);margin-top:1.5rem}\n"
"mark{background:#ffe58a;color:inherit}\n"
".results{padding-left:1.25rem}.results h2{font-size:1.2rem;margin:0}\n"
".pager{display:flex;gap:1rem;margin:1rem 0;font-family:system-ui}\n"
"footer.site{border-top:1px solid var(--rule);margin-top:2rem;"
"padding:1rem;text-align:center;font:.9rem system-ui,sans-serif;"
"color:var(--muted)}\n"
"@media (max-width:40rem){h1{font-size:1.6rem}form.search{margin-left:0;"
"flex-basis:100%;min-width:0}form.search input{flex:1;width:5rem}}\n"
"@media print{header.site,footer.site,nav,.skip,.kicker,.standfirst,"
".tools,.share,.recommended,.follow,.comments,form,button,"
".comment-count{display:none!important}\n"
"body{background:#fff;color:#000;font-size:11pt}main{max-width:none;"
"padding:0}a{color:#000;text-decoration:none}img{max-width:60%}}\n";

static const char static_js_text[] =
"/* newsdesk: progressive enhancement only; the site works without it. */\n"
"'use strict';\n"
"document.addEventListener('DOMContentLoaded', function () {\n"
"  var b = document.querySelectorAll('[data-print]');\n"
"  for (var i = 0; i < b.length; i++) {\n"
"    b[i].hidden = false;\n"
"    b[i].addEventListener('click', function () { window.print(); });\n"
"  }\n"
"});\n";

void
static_css(const struct request *rq, struct response *r)
{
	(void)rq;
	r->content_type = "text/css; charset=utf-8";
	buf_put(&r->body, static_css_text, sizeof(static_css_text) - 1);
	r->etag = 1;
}

void
static_js(const struct request *rq, struct response *r)
{
	(void)rq;
	r->content_type = "text/javascript; charset=utf-8";
	buf_put(&r->body, static_js_text, sizeof(static_js_text) - 1);
	r->etag = 1;
}
