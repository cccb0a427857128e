# lib_site.sh - sourced after lib.sh by the site tests: a store with the
# sample topics and articles, and HTTP helpers. PY is Debian's python3
# (feedparser and html5lib are Debian packages).
PY=/usr/bin/python3
site_load() {
	while IFS='	' read -r slug name expr; do
		"$ND" --quiet topic add "$name" --slug "$slug" --match "$expr" >/dev/null
	done < samples/topics.tsv
	"$ND" --quiet ingest --no-fetch samples/articles/*.html >/dev/null
}
# site_serve [SERVE ARGS...]: newsdesk serve on a free loopback port
# for the site tests (proxy headers trusted, no minimum form fill time,
# mail into $T/mail), with PORT and BASE set; waits until it answers.
site_serve() {
	PORT=$(free_port)
	BASE="http://127.0.0.1:$PORT"
	"$ND" serve --listen "127.0.0.1:$PORT" --trust-proxy \
	    --comment-min-fill 0 --deliver "maildir:$T/mail" "$@" \
	    2>"$T/serve.log" &
	PIDS="$PIDS $!"
	check "server starts" wait_http "$BASE/healthz"
}
# code ARGS...: HTTP status of a curl request; body in $T/body, headers
# in $T/headers.
code() { curl -s -o "$T/body" -D "$T/headers" -w '%{http_code}' "$@"; }
# html_valid FILE: html5lib in strict mode parses FILE without an error.
html_valid() {
	"$PY" -c 'import sys, html5lib
html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb").read())' "$1" 2>"$T/h5err"
}
# secure_headers: the headers in $T/headers carry the security set.
secure_headers() {
	grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self'" "$T/headers" &&
	grep -qi '^X-Content-Type-Options: nosniff' "$T/headers" &&
	grep -qi '^Referrer-Policy:' "$T/headers"
}
