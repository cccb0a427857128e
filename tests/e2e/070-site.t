# site: every route, HTML validity (html5lib strict), security headers,
# error statuses, CSRF, escaping, feeds, conditional GET, JSON API,
# German UI.
. tests/e2e/lib.sh
. tests/e2e/lib_site.sh

site_load
SERVE_ARGS="--deliver maildir:$T/mail --no-digest"
check "server starts" serve_start

# every page type: 200, valid HTML5, security headers
for p in / /articles/1 /articles/1-kestrel-bay /topics/energy \
    "/search?q=coal" "/search?q=" /nope; do
	c=$(code "$BASE$p")
	case $p in /nope) want=404 ;; *) want=200 ;; esac
	check "$p answers $want" test "$c" = "$want"
	check "$p is valid HTML5" html_valid "$T/body"
	check "$p has the security headers" secure_headers
done
for p in /feed.atom /topics/energy/feed.atom /api/v1/articles \
    /api/v1/articles/1 /api/v1/topics /api/v1/topics/energy/articles \
    "/api/v1/search?q=coal" /healthz /static/site.css /static/site.js; do
	check "$p answers 200" test "$(code "$BASE$p")" = 200
	check "$p has the security headers" secure_headers
done

# the article page has every element
code "$BASE/articles/1" >/dev/null
for s in 'class="kicker"><a href="/topics/energy">' '<h1>Kestrel Bay votes' \
    'class="standfirst"' 'width="1200" height="675"' '<figcaption>' \
    'class="credit"' 'class="author"' 'class="dateline"' \
    '20 November 2026</time>' 'href="#comments"' \
    'https://twitter.com/intent/tweet?url=' \
    'https://www.facebook.com/sharer/sharer.php?u=' \
    'https://www.linkedin.com/sharing/share-offsite/?url=' \
    'target="_blank" rel="noopener"' '(opens new window)' \
    'action="/saved"' 'name="article" value="1"' 'data-print' \
    'class="recommended"' 'class="credits"' 'Receive free Energy updates' \
    'action="/follow"' 'name="topic" value="energy"' \
    '<label for="email-energy">' '<section id="comments"'; do
	check "article page has $s" contains "$T/body" "$s"
done
check "recommended is after the third paragraph" "$PY" -c '
import sys, re
b = open(sys.argv[1]).read().split("<div class=\"body\">")[1]
sys.exit(b.split("<aside")[0].count("<p>") != 3)' "$T/body"
check "recommended is another story" sh -c '! grep -A2 "class=\"recommended\"" "$0" | grep -q "/articles/1-"' "$T/body"
check "CSRF cookie is HttpOnly and SameSite=Lax" grep -qi '^Set-Cookie: nd_csrf=.*HttpOnly' "$T/headers"
check "CSRF cookie is Secure behind https" sh -c 'curl -s -D - -o /dev/null -H "X-Forwarded-Proto: https" "$0/" | grep -qi "^Set-Cookie: nd_csrf=.*Secure"' "$BASE"

# errors
check "missing article is 404" test "$(code "$BASE/articles/999")" = 404
check "bad article id is 404" test "$(code "$BASE/articles/abc")" = 404
check "unknown topic is 404" test "$(code "$BASE/topics/nope")" = 404
check "bad query value is 400" test "$(code "$BASE/search?page=x")" = 400
check "invalid UTF-8 in the query is 400" test "$(code "$BASE/search?q=%ff")" = 400
check "400 is a short page" contains "$T/body" "Bad request"
check "API search without q is 400" test "$(code "$BASE/api/v1/search")" = 400
check "API errors are JSON" "$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/body"
check "DELETE is 405" test "$(code -X DELETE "$BASE/")" = 405
check "405 names the allowed methods" grep -qi '^Allow: GET, HEAD' "$T/headers"
check "405 keeps the security headers" secure_headers
check "long path is 414" test "$(code "$BASE/$(head -c 3000 /dev/zero | tr '\0' a)")" = 414
check "long query is 414" test "$(code "$BASE/search?q=$(head -c 3000 /dev/zero | tr '\0' a)")" = 414
head -c 70000 /dev/zero | tr '\0' a > "$T/big"
check "big body is 413" test "$(code --data-binary @"$T/big" "$BASE/saved")" = 413

# CSRF
check "POST without token is 403" test "$(code -d article=1 "$BASE/saved")" = 403
curl -s -c "$T/jar" "$BASE/articles/1" > "$T/page"
tok=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
check "page carries a CSRF field" test -n "$tok"
check "POST with a forged token is 403" test "$(code -b "$T/jar" -d "csrf=x$tok&article=1" "$BASE/saved")" = 403
check "POST with the token but no cookie is 403" test "$(code -d "csrf=$tok&article=1" "$BASE/saved")" = 403
check "save with a valid token is 303" test "$(code -b "$T/jar" -d "csrf=$tok&article=1" "$BASE/saved")" = 303
check "signed out, save redirects to sign-in" grep -qi '^Location: /signin?next=%2Farticles%2F1' "$T/headers"
check "follow with a valid token is 303" test "$(code -b "$T/jar" -d "csrf=$tok&topic=energy&email=a@example.org" "$BASE/follow")" = 303
check "follow with a bad email is the form again" test "$(code -b "$T/jar" -d "csrf=$tok&topic=energy&email=nope" "$BASE/follow")" = 200
check "the form says what is wrong" grep -q 'field-error' "$T/body"

# feeds and conditional GET
for f in /feed.atom /topics/energy/feed.atom; do
	curl -s "$BASE$f" > "$T/feed"
	check "$f parses with feedparser, no bozo" "$PY" -c '
import sys, feedparser
d = feedparser.parse(open(sys.argv[1], "rb").read())
sys.exit(d.bozo or d.version != "atom10" or not d.entries)' "$T/feed"
done
code "$BASE/feed.atom" >/dev/null
etag=$(sed -n 's/^[Ee][Tt]ag: *\([^\r]*\).*/\1/p' "$T/headers" | tr -d '\r')
lm=$(sed -n 's/^[Ll]ast-[Mm]odified: *\(.*\)/\1/p' "$T/headers" | tr -d '\r')
check "feed has an ETag" test -n "$etag"
check "feed has Last-Modified" test -n "$lm"
check "If-None-Match gives 304" test "$(code -H "If-None-Match: $etag" "$BASE/feed.atom")" = 304
check "If-Modified-Since gives 304" test "$(code -H "If-Modified-Since: $lm" "$BASE/feed.atom")" = 304
check "a stale ETag gives 200" test "$(code -H 'If-None-Match: "x"' "$BASE/feed.atom")" = 200

# JSON API shape
curl -s "$BASE/api/v1/articles/1" > "$T/j"
check "API article has the core keys" "$PY" -c '
import json, sys
j = json.load(open(sys.argv[1]))
keys = ["url","headline","standfirst","byline","dateline","published","image","body","credits","lang","topics","id","story_id","comment_count"]
sys.exit(any(k not in j for k in keys) or j["id"] != 1)' "$T/j"
curl -s "$BASE/api/v1/articles" > "$T/j"
check "API list has articles and paging" "$PY" -c '
import json, sys
j = json.load(open(sys.argv[1]))
sys.exit(len(j["articles"]) < 5 or j["page"] != 0 or "next" not in j)' "$T/j"
curl -s "$BASE/api/v1/topics" > "$T/j"
check "API topics list slugs and names" "$PY" -c '
import json, sys
j = json.load(open(sys.argv[1]))
sys.exit(not any(t["slug"] == "energy" and t["name"] == "Energy" for t in j["topics"]))' "$T/j"
curl -s "$BASE/api/v1/search?q=coal" > "$T/j"
check "API search finds the coal story" "$PY" -c '
import json, sys
j = json.load(open(sys.argv[1]))
sys.exit(j["query"] != "coal" or not any("coal" in a["headline"] for a in j["articles"]))' "$T/j"
check "API article 404 is JSON" test "$(code "$BASE/api/v1/articles/999")" = 404

# search highlights
code "$BASE/search?q=coal" >/dev/null
check "search highlights the term" contains "$T/body" "<mark>coal</mark>"

# German UI
check "Accept-Language de gives German" sh -c 'curl -s -H "Accept-Language: fr;q=0.9, de-DE;q=0.8, en;q=0.1" "$0/articles/1" | grep -q "Kostenlose Updates zu Energy"' "$BASE"
check "German date via ICU" sh -c 'curl -s -H "Accept-Language: de" "$0/articles/1" | grep -q "20. November 2026</time>"' "$BASE"
check "?lang=de gives German" sh -c 'curl -s "$0/?lang=de" | grep -q "Neueste Nachrichten"' "$BASE"
check "?lang=de sets the lang cookie" sh -c 'curl -s -D - -o /dev/null "$0/?lang=de" | grep -qi "^Set-Cookie: lang=de"' "$BASE"
check "lang cookie beats Accept-Language" sh -c 'curl -s -b lang=en -H "Accept-Language: de" "$0/" | grep -q "Latest news"' "$BASE"
check "German article page has html lang de" sh -c 'curl -s "$0/articles/5" | grep -q "<html lang=\"de\">"' "$BASE"
done_testing
