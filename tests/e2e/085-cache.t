# cache: the rendered-page cache of "newsdesk serve" (web/cache.h) seen
# from outside - pages come from it (X-Cache: hit), each client still
# gets its own CSRF token and comment-form token, ETag/304 keep working,
# a change made by another process (ingest, a comment approved with the
# CLI, a new topic) shows on the very next request, and a request that
# carries a session is never answered from the cache.
. tests/e2e/lib.sh
. tests/e2e/lib_site.sh

site_load
SERVE_ARGS="--comment-min-fill 0 --deliver maildir:$T/mail --no-digest"
check "server starts" serve_start
ART="$BASE/articles/1"
hdr() { sed -n "s/^$1: *//Ip" "$T/headers" | tr -d '\r' | head -n 1; }
field() { sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" "$2" | head -n 1; }
# hit URL [CURL-ARGS]: ask until the answer comes from the cache (each
# server thread's first request empties it); 0 when it did.
hit() {
	u=$1
	shift
	for i in 1 2 3 4 5 6 7 8 9 10; do
		code "$@" "$u" >/dev/null
		[ "$(hdr X-Cache)" = hit ] && return 0
	done
	return 1
}

# pages come from the cache, with the per-client parts filled in
check "the article page comes from the cache" hit "$ART"
check "a cached page has no marker left" sh -c '! grep -q ndmk "$1"' _ "$T/body"
check "a cached page is valid HTML5" html_valid "$T/body"
curl -s -c "$T/jar1" -D "$T/h1" "$ART" > "$T/p1"
curl -s -c "$T/jar2" -D "$T/h2" "$ART" > "$T/p2"
c1=$(field csrf "$T/p1")
c2=$(field csrf "$T/p2")
check "client 1 was served from the cache" grep -qi '^X-Cache: hit' "$T/h1"
check "client 2 was served from the cache" grep -qi '^X-Cache: hit' "$T/h2"
check "two clients get different CSRF tokens" test -n "$c1" -a -n "$c2" -a "$c1" != "$c2"
check "client 1's field is its cookie" grep -q "nd_csrf	$c1" "$T/jar1"
check "client 2's field is its cookie" grep -q "nd_csrf	$c2" "$T/jar2"
check "every form of the page has the client's token" test \
    "$(grep -o 'name="csrf" value="[^"]*"' "$T/p1" | sort -u)" = "name=\"csrf\" value=\"$c1\""
check "the comment form has a token" test -n "$(field form_token "$T/p1")"
check "German is cached apart" hit "$ART" -H 'Accept-Language: de'
check "... and is German" contains "$T/body" 'Diese Seite drucken'
code "$ART" >/dev/null
check "... and English stays English" contains "$T/body" 'Print this page'
check "... from the cache" test "$(hdr X-Cache)" = hit

# a search's terms are part of the key; unknown parameters are not
code "$BASE/search?q=coal" >/dev/null
check "a search for coal finds the coal story" contains "$T/body" 'Kestrel Bay votes'
hit "$BASE/search?q=coal" >/dev/null
code "$BASE/search?q=tram" >/dev/null
check "another search is not served the first one" sh -c '! grep -q "Kestrel Bay votes" "$1"' _ "$T/body"
code "$BASE/search?q=coal&junk=1" >/dev/null
check "an unknown parameter gets the same cached page" test "$(hdr X-Cache)" = hit

# a comment posted with the tokens of a cached page goes through; once
# approved with the CLI it shows on the next request
curl -s -b "$T/jar1" -c "$T/jar1" "$ART" > "$T/p1"
st=$(code -b "$T/jar1" --data-urlencode "csrf=$(field csrf "$T/p1")" \
    --data-urlencode "form_token=$(field form_token "$T/p1")" \
    --data-urlencode "name=Ada Cachewell" --data-urlencode "email=ada@example.org" \
    --data-urlencode "comment=The cache must not hide this zeppelinquark." \
    --data-urlencode "parent=0" "$ART/comments")
check "a post with a cached page's tokens is accepted (303)" test "$st" = 303
check "it waits for moderation" test "$(sqlite3 "$NEWSDESK_DB" "SELECT status FROM comments")" = pending
hit "$ART" >/dev/null
check "a pending comment is not on the (cached) page" sh -c '! grep -q zeppelinquark "$1"' _ "$T/body"
cid=$(sqlite3 "$NEWSDESK_DB" "SELECT id FROM comments")
expect_exit 0 "approve it with the CLI" "$ND" comments approve "$cid"
code "$ART" >/dev/null
check "the approved comment shows on the next request" contains "$T/body" zeppelinquark

# ingest from another process shows at once
check "search is cached" hit "$BASE/search?q=quokkaferry"
check "... and finds nothing yet" sh -c '! grep -q "Quokkaferry" "$1"' _ "$T/body"
sed -e 's#courier.example/coal-pier-vote#elsewhere.example/quokka#' \
    -e 's#<h1>[^<]*</h1>#<h1>Quokkaferry timetable changes</h1>#' \
    -e 's#<title>[^<]*</title>#<title>Quokkaferry timetable changes</title>#' \
    -e 's/nine votes to four/the quokkaferry vote/g' \
    samples/articles/05-windpark-kiel.html > "$T/new.html"
expect_exit 0 "ingest a new article" "$ND" --quiet ingest --no-fetch "$T/new.html"
code "$BASE/search?q=quokkaferry" >/dev/null
check "the next search finds it" grep -qi quokkaferry "$T/body"
check "... not from the stale entry" test "$(hdr X-Cache)" = miss
check "a topic list is cached" hit "$BASE/api/v1/topics"
expect_exit 0 "add a topic" "$ND" --quiet topic add "Lighthouses" --slug lighthouses --match lighthouse
code "$BASE/api/v1/topics" >/dev/null
check "the next topic list has it" contains "$T/body" lighthouses

# conditional GET on cached pages
check "the feed is cached" hit "$BASE/feed.atom"
etag=$(hdr ETag)
check "a cached feed has an ETag" test -n "$etag"
check "If-None-Match on a cached feed gives 304" test "$(code -H "If-None-Match: $etag" "$BASE/feed.atom")" = 304
check "a stale ETag gives 200" test "$(code -H 'If-None-Match: "x"' "$BASE/feed.atom")" = 200
curl -s -c "$T/jar3" -o /dev/null "$BASE/topics/energy"
check "a topic page is cached" hit "$BASE/topics/energy" -b "$T/jar3"
etag=$(hdr ETag)
check "same client, same ETag: 304" test "$(code -b "$T/jar3" -H "If-None-Match: $etag" "$BASE/topics/energy")" = 304
check "another client's ETag does not match (its token differs)" \
    test "$(code -b "$T/jar1" -H "If-None-Match: $etag" "$BASE/topics/energy")" = 200

# a request with a session is never answered from the cache
secret=$(sqlite3 "$NEWSDESK_DB" "SELECT hex(value) FROM settings WHERE name = 'secret'")
sess=$("$PY" -c '
import sys, hmac, hashlib, base64, time
key = bytes.fromhex(sys.argv[1])
b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=").decode()
p = ("session|%d|1" % (time.time() + 3600)).encode()
print(b(p) + "." + b(hmac.new(key, p, hashlib.sha256).digest()))' "$secret")
check "a session token was made" test -n "$sess"
hit "$ART" >/dev/null
code -b "nd_session=$sess; nd_csrf=$c2" "$ART" >/dev/null
check "a signed-in request is not served from the cache" test -z "$(hdr X-Cache)"
check "... and gets its own token, not a cached one" test "$(field csrf "$T/body")" = "$c2"
code -b "nd_session=forged.token" "$ART" >/dev/null
check "a request with any session cookie is not served from the cache" test -z "$(hdr X-Cache)"
code -X POST "$BASE/saved" >/dev/null
check "a POST is not served from the cache" test -z "$(hdr X-Cache)"
code "$BASE/healthz" >/dev/null
code "$BASE/healthz" >/dev/null
check "healthz is never cached" test -z "$(hdr X-Cache)"

done_testing
