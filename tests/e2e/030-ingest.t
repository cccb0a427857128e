# ingest: stores articles, prints ids, updates by canonical url, story ids.
. tests/e2e/lib.sh

q() { sqlite3 "$NEWSDESK_DB" "$1"; }
expect_exit 0 "ingest sample pages and a feed" "$ND" ingest --no-fetch samples/articles/*.html samples/feed.xml
check "one id per stored article" test "$(grep -c '^[0-9][0-9]*$' "$T/out")" = 8
check "eight articles stored" test "$(q 'SELECT count(*) FROM articles')" = 8
check "no progress bar when stderr is not a terminal" test ! -s "$T/err"
cp "$T/out" "$T/ids1"
expect_exit 0 "ingest the same pages again" "$ND" ingest --no-fetch samples/articles/*.html samples/feed.xml
check "same ids the second time" cmp -s "$T/out" "$T/ids1"
check "still eight articles" test "$(q 'SELECT count(*) FROM articles')" = 8
check "authors stored in order" test "$(q "SELECT group_concat(name, '|') FROM (SELECT name FROM article_authors a JOIN articles r ON r.id=a.article_id WHERE r.headline LIKE 'Night trains%' ORDER BY pos)")" = "Sam Whitlow|Priya Nair"

# the same story from another source, with a changed word
sed -e 's#courier.example/coal-pier-vote#othersite.example/pier-story#' \
    -e 's#The Kestrel Bay Courier#The Other Paper#g' \
    -e 's/nine votes to four/9 votes to 4/' \
    samples/articles/01-coal-pier-vote.html > "$T/dup.html"
expect_exit 0 "ingest a near-duplicate from another source" "$ND" ingest "$T/dup.html"
dup=$(cat "$T/out")
orig=$(head -n 1 "$T/ids1")
check "near-duplicate is a new article" test "$dup" != "$orig"
check "near-duplicate shares the story id" test "$(q "SELECT story_id FROM articles WHERE id=$dup")" = "$(q "SELECT story_id FROM articles WHERE id=$orig")"
check "different story keeps its own story id" test "$(q "SELECT count(DISTINCT story_id) FROM articles")" = 8

# a failing input does not stop the others, and exits 1
expect_exit 1 "a missing input fails the run" "$ND" ingest "$T/missing.html" samples/articles/03-seagrass-survey.html
check "the good input is still stored" test "$(grep -c . "$T/out")" = 1
check "the error names the missing input" contains "$T/err" "missing.html"

expect_exit 0 "ingest flattened text with --url" "$ND" ingest --format text --url https://news.example/hafenfest samples/text/01-hafenfest.txt
check "text article stored with its url" test "$(q "SELECT count(*) FROM articles WHERE canonical_url='https://news.example/hafenfest'")" = 1
expect_exit 1 "flattened text without a url cannot be stored" "$ND" ingest --format text samples/text/01-hafenfest.txt
check "the error says why" contains "$T/err" "no url"
check "FTS finds a body word" test "$(q "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'seagrass'")" -ge 1
done_testing
