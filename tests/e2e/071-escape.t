# site: hostile article text comes out escaped in pages, feeds and JSON.
. tests/e2e/lib.sh
. tests/e2e/lib_site.sh

mkdir -p "$T/in"
cat > "$T/in/evil.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Evil &lt;script&gt;alert(1)&lt;/script&gt; headline</title>
<link rel="canonical" href="https://evil.example/news/1">
<meta property="og:image" content="javascript:alert(2)">
</head><body><article>
<h1>Evil &lt;script&gt;alert(1)&lt;/script&gt; headline</h1>
<p>The first paragraph says &lt;img src=x onerror=alert(3)&gt; and more words about the harbour to be long enough for a body.</p>
<p>A second paragraph with &quot;quotes&quot; and an ampersand &amp; so that the extractor keeps it as the article body text.</p>
<p>A third paragraph about ferries and trams, because the extractor wants several paragraphs of real text here.</p>
</article></body></html>
HTML
"$ND" --quiet ingest --no-fetch "$T/in/evil.html" >/dev/null
check "server starts" serve_start
code "$BASE/articles/1" >/dev/null
check "headline is escaped" contains "$T/body" "Evil &lt;script&gt;alert(1)&lt;/script&gt; headline"
check "no raw script from the article" sh -c '! grep -q "<script>alert" "$0"' "$T/body"
check "no raw img from the body" sh -c '! grep -q "<img src=x" "$0"' "$T/body"
check "javascript: image URL is not linked" sh -c '! grep -q "javascript:" "$0"' "$T/body"
check "page is still valid HTML5" html_valid "$T/body"
curl -s "$BASE/feed.atom" > "$T/feed"
check "feed with hostile text parses, no bozo" "$PY" -c '
import sys, feedparser
d = feedparser.parse(open(sys.argv[1], "rb").read())
sys.exit(d.bozo or "<script>" not in d.entries[0].title)' "$T/feed"
code "$BASE/search?q=%3Cscript%3E" >/dev/null
check "query is escaped on the search page" sh -c '! grep -q "<script>alert\|“<script>" "$0"' "$T/body"
done_testing
