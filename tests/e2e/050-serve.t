# serve: pages, /healthz, errors, security headers, clean stop.
. tests/e2e/lib.sh

"$ND" --quiet ingest --no-fetch samples/articles/*.html >/dev/null
check "server starts" serve_start
code() { curl -s -o "$T/body" -D "$T/headers" -w '%{http_code}' "$@"; }
check "/healthz answers 200" test "$(code "$BASE/healthz")" = 200
check "home answers 200" test "$(code "$BASE/")" = 200
check "home lists a headline" contains "$T/body" "Night trains return to the coast line"
check "CSP header" grep -qi '^Content-Security-Policy: default-src' "$T/headers"
check "nosniff header" grep -qi '^X-Content-Type-Options: nosniff' "$T/headers"
check "referrer policy header" grep -qi '^Referrer-Policy:' "$T/headers"
check "article page answers 200" test "$(code "$BASE/articles/1")" = 200
check "article page shows the body" contains "$T/body" "Councillors in Kestrel Bay"
check "article page with a slug" test "$(code "$BASE/articles/1-kestrel-bay")" = 200
check "German article sets html lang" sh -c 'curl -s "$0/articles/5" | grep -q "<html lang=\"de\">"' "$BASE"
check "missing article is 404" test "$(code "$BASE/articles/999")" = 404
check "unknown path is 404" test "$(code "$BASE/nope")" = 404
check "404 is a page" contains "$T/body" "Page not found"
check "POST is refused with 405" test "$(code -X POST -d x=1 "$BASE/")" -ge 405
check "bad article id is 404" test "$(code "$BASE/articles/abc")" = 404
check "overlong path is refused" test "$(code "$BASE/$(head -c 5000 /dev/zero | tr '\0' a)")" -ge 400
check "stylesheet served" test "$(code "$BASE/static/site.css")" = 200
kill -TERM "$SERVE_PID"
wait "$SERVE_PID"
check "SIGTERM stops it with status 0" test $? -eq 0
check "it says it stopped" contains "$T/serve.log" "SIGTERM received"
done_testing
