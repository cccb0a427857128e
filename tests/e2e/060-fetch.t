# URLs: pages and feeds fetched over HTTP from a local server; errors.
. tests/e2e/lib.sh

mkdir -p "$T/site"
cp samples/articles/02-night-trains.html "$T/site/trains.html"
check "local web server starts" http_server "$T/site"
expect_exit 0 "extract a page by URL" "$ND" extract "$HBASE/trains.html"
check "fetched page extracted" contains "$T/out" "Night trains return to the coast line"
expect_exit 1 "404 fails" "$ND" extract "$HBASE/missing.html"
check "404 error names status and URL" sh -c 'grep -q "404" "$0" && grep -q "missing.html" "$0"' "$T/err"
port=$(free_port)
expect_exit 1 "unreachable server fails" "$ND" extract "http://127.0.0.1:$port/x"
check "unreachable error names the URL" contains "$T/err" "127.0.0.1:$port"
# a summary-only feed whose entries link to pages on the local server
cat > "$T/site/summary.xml" <<XML
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local</title><link>$HBASE/</link>
<item><title>Night trains</title><link>$HBASE/trains.html</link>
<description>Sleeper service returns.</description></item>
</channel></rss>
XML
expect_exit 0 "summary-only feed entry fetches its page" "$ND" extract "$HBASE/summary.xml"
check "body comes from the linked page" contains "$T/out" "refurbished eight carriages"
expect_exit 0 "--no-fetch keeps the summary" "$ND" extract --no-fetch "$HBASE/summary.xml"
check "no body fetched" sh -c '! grep -q "refurbished eight carriages" "$0"' "$T/out"
expect_exit 0 "ingest by URL" "$ND" ingest "$HBASE/trains.html"
check "ingest printed an id" grep -q '^[0-9][0-9]*$' "$T/out"
done_testing
