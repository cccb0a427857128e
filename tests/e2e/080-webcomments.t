# webcomments: the comments area and form of the article page through
# the real HTTP server with real CSRF tokens - missing, overlong and
# invalid fields, markup everywhere, CRLF, a flood, the honeypot, the
# moderation path, replies, permalinks, order and paging, German, the
# JSON variant, and the email address absent from every page and API
# answer. Each case posts from its own X-Forwarded-For address
# (--trust-proxy) so the per-IP rate limit does not mix them up.
. tests/e2e/lib.sh
. tests/e2e/lib_site.sh

site_load
site_serve --no-digest
ART="$BASE/articles/1"
q() { sqlite3 "$NEWSDESK_DB" "$1"; }
ncomments() { q "SELECT count(*) FROM comments"; }

# fresh [QUERY]: get the article page with a cookie jar; sets CSRF and
# FT (the form token) from the hidden fields.
fresh() {
	curl -s -c "$T/jar" -b "$T/jar" "$ART${1:-}" > "$T/page"
	CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
	FT=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
}
# post IP CURL-ARGS...: post the form from IP; prints the status; body
# in $T/body, headers in $T/headers.
post() {
	ip=$1
	shift
	code -b "$T/jar" -H "X-Forwarded-For: 203.0.113.1, $ip" \
	    --data-urlencode "csrf=$CSRF" --data-urlencode "form_token=$FT" \
	    "$@" "$ART/comments"
}
location() { sed -n 's/^Location: *//Ip' "$T/headers" | tr -d '\r'; }

fresh
check "the page has a form token and a CSRF field" test -n "$FT" -a -n "$CSRF"
for s in '<section id="comments"' 'Comments (0)' '<div id="respond"' \
    '>Leave a comment</h3>' \
    'Your email address will not be published. Required fields are marked *' \
    'action="/articles/1/comments"' 'name="parent" value="0"' \
    '<textarea id="c-comment" name="comment" rows="6" required>' \
    'id="c-name" name="name" type="text" autocomplete="name" required' \
    'id="c-email" name="email" type="email" autocomplete="email" required' \
    'id="c-website" name="website" type="url" autocomplete="url" value=""' \
    '<div class="hp" aria-hidden="true"><label for="c-subject">Leave this empty</label>' \
    'name="subject" type="text" tabindex="-1"'; do
	check "form has $s" contains "$T/page" "$s"
done
check "the article page with its form is valid HTML5" html_valid "$T/page"

# CSRF
check "a post without the CSRF field is 403" test "$(code -b "$T/jar" -d name=x "$ART/comments")" = 403
check "GET on the post route is 405" test "$(code "$ART/comments")" = 405

# missing fields: each one named beside its field, the text kept, 200
for f in comment name email; do
	args="comment=Kept+text+$f&name=Ann&email=ann-$f@mail.test"
	args=$(printf '%s' "$args" | sed "s/\(^\|&\)$f=[^&]*//")
	check "missing $f: the form again (200)" test "$(post 198.51.100.1 -d "$args")" = 200
	check "missing $f: message beside the field" contains "$T/body" "<span class=\"field-error\" id=\"c-$f-error\">This field is required.</span>"
	check "missing $f: aria-invalid and aria-describedby" contains "$T/body" "aria-invalid=\"true\" aria-describedby=\"c-$f-error\""
	check "missing $f: summary at the top of the form" contains "$T/body" '<div class="form-errors" id="comment-errors" role="alert"'
	check "missing $f: the summary links to the field" contains "$T/body" "<a href=\"#c-$f\">"
	check "missing $f: the page is valid HTML5" html_valid "$T/body"
done
post 198.51.100.1 -d "comment=Kept+words&name=Ann" >/dev/null
check "the reader's comment is kept" contains "$T/body" '>Kept words</textarea>'
check "the reader's name is kept" contains "$T/body" 'value="Ann"'
check "nothing was stored" test "$(ncomments)" = 0

# overlong, invalid UTF-8, control characters
long=$(head -c 101 /dev/zero | tr '\0' n)
post 198.51.100.2 --data-urlencode "name=$long" -d "comment=hi&email=a@mail.test" >/dev/null
check "an overlong name gets the limit beside it" contains "$T/body" 'Please use at most 100 characters.'
check "the overlong name is kept" contains "$T/body" "value=\"$long\""
head -c 5001 /dev/zero | tr '\0' w > "$T/longbody"
post 198.51.100.2 --data-urlencode "comment@$T/longbody" -d "name=A&email=a@mail.test" >/dev/null
check "an overlong comment gets the limit" contains "$T/body" 'Please use at most 5000 characters.'
check "a name no form can send is 400" test "$(post 198.51.100.2 --data-urlencode "name=$(head -c 500 /dev/zero | tr '\0' n)" -d 'comment=x&email=a@mail.test')" = 400
check "invalid UTF-8 is 400" test "$(post 198.51.100.2 -d 'comment=bad%ff&name=A&email=a@mail.test')" = 400
check "a control character is 400" test "$(post 198.51.100.2 -d 'comment=bad%07&name=A&email=a@mail.test')" = 400
check "a bad email gets a message" test "$(post 198.51.100.2 -d 'comment=x&name=A&email=nope')" = 200
check "the email message" contains "$T/body" 'Please enter a valid email address.'
post 198.51.100.2 -d 'comment=x&name=A&email=a@mail.test&website=javascript:alert(1)' >/dev/null
check "a javascript: website is refused" contains "$T/body" 'Please enter a web address starting with http:// or https://.'

# CRLF in one-line fields
post 198.51.100.3 --data-urlencode "name=$(printf 'Ann\r\nBcc: x@mail.test')" -d 'comment=hi&email=c@mail.test' >/dev/null
check "CRLF in the name is refused beside it" contains "$T/body" '<span class="field-error" id="c-name-error">This field must be on one line.</span>'
post 198.51.100.3 --data-urlencode "email=$(printf 'c@mail.test\r\nBcc: x@mail.test')" -d 'comment=hi&name=Cy' >/dev/null
check "CRLF in the email is refused beside it" contains "$T/body" '<span class="field-error" id="c-email-error">'
check "still nothing stored" test "$(ncomments)" = 0

# markup everywhere: re-rendered escaped, never raw
XSS='<script>alert(1)</script>'
post 198.51.100.4 --data-urlencode "comment=$XSS" --data-urlencode "name=$XSS" \
    --data-urlencode "email=$XSS" --data-urlencode "website=$XSS" >/dev/null
check "markup in every field comes back escaped" sh -c "! grep -qF '$XSS' '$T/body'"
check "and is shown as text" contains "$T/body" '&lt;script&gt;alert(1)&lt;/script&gt;'

# the moderation path: the first comment waits
fresh
check "a first comment is 303" test "$(post 198.51.100.5 --data-urlencode "comment=$XSS <b>bold</b>
second line, see www.example.org/page." --data-urlencode "name=<i>Mallory</i>" \
    -d 'email=mallory@mail.test&website=https://mallory.example/')" = 303
check "it redirects to the pending notice" test "$(location)" = "/articles/1-kestrel-bay-votes-to-close-its-last-coal-pier?notice=pending#comments"
C1=$(q "SELECT max(id) FROM comments")
check "it is pending" test "$(q "SELECT status FROM comments WHERE id=$C1")" = pending
code "$BASE$(location | sed 's/#.*//')" >/dev/null
check "the page says it awaits moderation" contains "$T/body" '<p class="notice" role="status">Thank you, your comment is awaiting moderation.</p>'
check "the pending comment is not shown" sh -c "! grep -q 'id=\"comment-$C1\"' '$T/body'"
check "the IP was stored as a hash only" sh -c "! grep -qa '198.51.100.5' '$NEWSDESK_DB'"
check "the hash is there" test "$(q "SELECT length(ip_hash) FROM comments WHERE id=$C1")" = 32
expect_exit 0 "approve it with the CLI" "$ND" comments approve "$C1"
code "$ART" >/dev/null
cp "$T/body" "$T/shown"
check "now it is shown with its permalink id" contains "$T/shown" "<article id=\"comment-$C1\" class=\"comment\">"
check "the date links to the permalink" contains "$T/shown" "class=\"comment-permalink\" href=\"#comment-$C1\"><time datetime="
check "the count in the heading" contains "$T/shown" 'Comments (1)</h2>'
check "the counter at the top" contains "$T/shown" 'class="comment-count" href="#comments">1 comment</a>'
check "the name is escaped and linked to the website, nofollow ugc" contains "$T/shown" '<a href="https://mallory.example/" rel="nofollow ugc noopener">&lt;i&gt;Mallory&lt;/i&gt;</a>'
check "the body is escaped" contains "$T/shown" '&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;<br>'
check "no raw markup from the reader" sh -c "! grep -qF -e '$XSS' -e '<b>bold' -e '<i>Mallory' '$T/shown'"
check "bare links are clickable, nofollow ugc noopener" contains "$T/shown" '<a href="https://www.example.org/page" rel="nofollow ugc noopener">www.example.org/page</a>.'
check "the date is localized with the time" grep -q "class=\"comment-permalink\" href=\"#comment-$C1\"><time datetime=\"[0-9T:-]*Z\">[0-9]* [A-Z][a-z]* 20[0-9][0-9] at [0-9][0-9]:[0-9][0-9]</time>" "$T/shown"
check "the page with a comment is valid HTML5" html_valid "$T/shown"
check "the API counts it" sh -c "curl -s '$BASE/api/v1/articles/1' | grep -q '\"comment_count\":1'"

# an approved author is published at once, to the comment's anchor
fresh
check "a second comment is 303" test "$(post 198.51.100.6 -d 'comment=Second+thought&name=Mallory&email=mallory@mail.test')" = 303
C2=$(q "SELECT max(id) FROM comments")
check "it is published: redirect to its permalink" test "$(location)" = "/articles/1-kestrel-bay-votes-to-close-its-last-coal-pier?notice=published#comment-$C2"

# replies: ?reply= sets the parent without JS; nested one level
fresh "?reply=$C1"
check "?reply= fills the hidden parent" contains "$T/page" "name=\"parent\" value=\"$C1\""
check "?reply= titles the form as a reply" contains "$T/page" '>Leave a reply</h3>'
check "the reply link" contains "$T/page" "href=\"?reply=$C1#respond\" data-reply=\"$C1\""
check "a reply is 303" test "$(post 198.51.100.7 -d "comment=I+agree&name=Mallory&email=mallory@mail.test&parent=$C1")" = 303
C3=$(q "SELECT max(id) FROM comments")
check "the reply keeps its parent" test "$(q "SELECT parent_id FROM comments WHERE id=$C3")" = "$C1"
expect_exit 0 "a reply to the reply" "$ND" comments post --article 1 --name Zed --email zed@mail.test --text 'deeper' --parent "$C3" --moderation none --ip 192.0.2.77
C4=$(q "SELECT max(id) FROM comments")
code "$ART" >/dev/null
check "replies are nested in the parent's item" "$PY" -c '
import sys, re
b = open(sys.argv[1]).read()
top = b.split("<article id=\"comment-%s\"" % sys.argv[2])[1].split("<article id=\"comment-%s\"" % sys.argv[5])[0]
sys.exit(not ("<ol class=\"replies\">" in top and "id=\"comment-%s\"" % sys.argv[3] in top and "id=\"comment-%s\"" % sys.argv[4] in top))' "$T/body" "$C1" "$C3" "$C4" "$C2"
check "deeper replies are drawn one level in (one replies list)" test "$(grep -c '<ol class="replies">' "$T/body")" = 1
check "a reply to a comment of another article is refused" test "$(post 198.51.100.7 -d "comment=x&name=M&email=mallory@mail.test&parent=999999")" = 200
check "with a message" contains "$T/body" 'The comment you reply to does not exist.'

# honeypot: stored in the spam queue, the reader sees "awaiting"
fresh
check "a filled honeypot is 303" test "$(post 198.51.100.8 -d 'comment=buy+now&name=Bot&email=bot@mail.test&subject=http://spam.example')" = 303
check "worded like pending" contains "$T/headers" "notice=pending"
expect_exit 0 "list the spam queue" "$ND" comments list --spam
check "it is in the spam queue as honeypot" grep -q 'spam.*honeypot' "$T/out"
check "a forged form token is spam too" test "$(FT=forged post 198.51.100.8 -d 'comment=hello&name=Bot2&email=bot2@mail.test')" = 303
check "counted as spam" test "$(q "SELECT count(*) FROM comments WHERE status='spam'")" = 2

# a flood from one address: the sixth is refused, nothing stored
for i in 1 2 3 4 5; do
	post 198.51.100.9 -d "comment=flood+$i&name=F&email=f$i@mail.test" >/dev/null
done
before=$(ncomments)
check "the sixth post from one IP is refused (200, the form again)" test "$(post 198.51.100.9 -d 'comment=flood+6&name=F&email=f6@mail.test')" = 200
check "with the rate message" contains "$T/body" 'You are posting comments too quickly.'
check "its text is kept" contains "$T/body" '>flood 6</textarea>'
check "nothing stored for it" test "$(ncomments)" = "$before"
check "another IP may still post" test "$(post 198.51.100.10 -d 'comment=calm&name=G&email=g@mail.test')" = 303

# JSON variant (the script's fetch)
fresh
check "JSON: invalid is 422" test "$(post 198.51.100.11 -H 'Accept: application/json' -d 'comment=x')" = 422
check "JSON: names the fields" test "$(json "$T/body" 'j["status"] + "|" + j["fields"]["name"] + "|" + j["fields"]["email"]')" = "invalid|This field is required.|This field is required."
check "JSON: pending" test "$(post 198.51.100.11 -H 'Accept: application/json' -d 'comment=json+hello&name=Jo&email=jo@mail.test')" = 200
check "JSON: pending says so" test "$(json "$T/body" 'j["status"] + "|" + j["message"] + "|" + str(j["html"])')" = "pending|Thank you, your comment is awaiting moderation.|None"
cp "$T/body" "$T/api-json-1"
check "JSON: published with its HTML" test "$(post 198.51.100.12 -H 'Accept: application/json' -d 'comment=json+%3Cb%3Eagain%3C/b%3E&name=Mallory&email=mallory@mail.test')" = 200
cp "$T/body" "$T/api-json-2"
check "JSON: the rendered comment" test "$(json "$T/body" 'j["status"] + "|" + str("<article id=\"comment-%d\"" % j["id"] in j["html"]) + "|" + str("&lt;b&gt;again" in j["html"])')" = "published|True|True"
check "JSON: the new count" test "$(json "$T/body" 'j["comment_count"]')" = "$(q "SELECT comment_count FROM articles WHERE id=1")"
check "JSON: CSRF errors are JSON" test "$(code -H 'Accept: application/json' -d x=1 "$ART/comments")" = 403
check "JSON: the 403 body is JSON" "$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/body"

# order and paging (21 top-level comments from the CLI)
i=0
while [ $i -lt 21 ]; do
	"$ND" --quiet comments post --article 2 --name "P$i" --email "p$i@mail.test" --text "page comment $i" --moderation none --ip "192.0.2.$i" >/dev/null
	i=$((i + 1))
done
A2="$BASE/articles/2"
code "$A2" >/dev/null
check "page 1 has 20 top-level comments" test "$(grep -c '^<li><article id="comment-' "$T/body")" = 20
check "oldest first by default" "$PY" -c 'import sys; b=open(sys.argv[1]).read(); sys.exit(not b.index("page comment 0<") < b.index("page comment 1<"))' "$T/body"
check "a pager" contains "$T/body" '<a href="?cpage=2#comments">2</a>'
check "order links" contains "$T/body" '<a href="?comments=newest#comments">Newest first</a>'
check "the page with a pager is valid HTML5" html_valid "$T/body"
code "$A2?cpage=2" >/dev/null
check "page 2 has the 21st" contains "$T/body" 'page comment 20<'
check "permalinks on page 2 keep the page" grep -q 'href="?cpage=2#comment-[0-9]*"' "$T/body"
code "$A2?comments=newest" >/dev/null
check "?comments=newest flips the order" "$PY" -c 'import sys; b=open(sys.argv[1]).read(); sys.exit(not b.index("page comment 20<") < b.index("page comment 19<"))' "$T/body"
ART=$A2 fresh
ART=$A2 post 198.51.100.13 -d 'comment=late&name=P0&email=p0@mail.test' >/dev/null
check "a published comment on page 2 redirects to ?cpage=2#comment-N" grep -qi '^Location: /articles/2-[a-z0-9-]*?notice=published&cpage=2#comment-[0-9]' "$T/headers"

# German
fresh "?lang=de"
for s in '>Schreibe einen Kommentar</h3>' \
    'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert' \
    '<label for="c-comment">Kommentar' '>Kommentar abschicken</button>' \
    'Kommentare (' '>Antworten<' 'Dieses Feld leer lassen'; do
	check "German: $s" contains "$T/page" "$s"
done
check "German: the date and time" grep -q '<time datetime="[0-9T:-]*Z">[0-9]*\. [A-Z][a-zä]* 20[0-9][0-9] um [0-9][0-9]:[0-9][0-9]</time>' "$T/page"
post 198.51.100.14 -d 'comment=hallo' >/dev/null
check "German: the field message" contains "$T/body" 'Dieses Feld ist erforderlich.'
check "German: the summary" contains "$T/body" 'Mit deinem Kommentar stimmt etwas nicht'
post 198.51.100.14 -d 'comment=hallo&name=Udo&email=udo@mail.test' >/dev/null
code -b "$T/jar" "$BASE$(location | sed 's/#.*//')" >/dev/null
check "German: the pending notice" contains "$T/body" 'Danke, dein Kommentar wartet auf Freischaltung.'

# the email address is in no page and no API answer
: > "$T/all"
for p in / /articles/1 /articles/1?comments=newest "/articles/1?reply=$C1" \
    /articles/2 "/articles/2?cpage=2" "/articles/1?lang=de" /topics/energy \
    /feed.atom /topics/energy/feed.atom "/search?q=coal" /api/v1/articles \
    /api/v1/articles/1 /api/v1/articles/2 "/api/v1/search?q=coal" \
    /api/v1/topics; do
	curl -s "$BASE$p" >> "$T/all"
done
cat "$T/api-json-1" "$T/api-json-2" >> "$T/all"
check "the pages were read" test "$(wc -c < "$T/all")" -gt 20000
check "no email address anywhere" sh -c "! grep -qi -e 'mail\.test' -e 'mallory@' '$T/all'"
check "the comments are there (so the grep saw them)" contains "$T/all" 'Mallory'
done_testing
