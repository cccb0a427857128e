# extract: HTML pages, flattened text and feeds to JSON; bad input.
. tests/e2e/lib.sh

A=samples/articles/01-coal-pier-vote.html
expect_exit 0 "extract an HTML page" "$ND" extract "$A"
cp "$T/out" "$T/a.json"
check "headline" test "$(json "$T/a.json" 'j["headline"]')" = "Kestrel Bay votes to close its last coal pier"
check "byline" test "$(json "$T/a.json" 'j["byline"]')" = "['Jane Okafor']"
check "published" test "$(json "$T/a.json" 'j["published"]')" = "2026-11-20T08:15:00Z"
check "image url" test "$(json "$T/a.json" 'j["image"]["url"]')" = "https://courier.example/img/pier.jpg"
check "lang" test "$(json "$T/a.json" 'j["lang"]')" = "en"
check "body first paragraph" sh -c 'grep -q "Councillors in Kestrel Bay voted on Monday" "$0"' "$T/a.json"
check "body has no share labels" sh -c '! grep -q "Share on Twitter" "$0"' "$T/a.json"
check "body has no comment form" sh -c '! grep -q "Leave a comment" "$0"' "$T/a.json"
check "credits" test "$(json "$T/a.json" 'j["credits"]')" = "Additional reporting by Tom Hale"
check "keys in the documented order" test "$(json "$T/a.json" '",".join(j.keys())')" = "url,headline,standfirst,byline,dateline,published,image,body,credits,lang,topics"

expect_exit 0 "extract a German page" "$ND" extract samples/articles/05-windpark-kiel.html
cp "$T/out" "$T/de.json"
check "German lang" test "$(json "$T/de.json" 'j["lang"]')" = "de"
check "German body has no share labels" sh -c '! grep -q "Auf Twitter teilen" "$0"' "$T/de.json"

expect_exit 0 "extract a feed" "$ND" extract samples/feed.xml
cp "$T/out" "$T/f.json"
check "feed gives an array of 2" test "$(json "$T/f.json" 'len(j)')" = 2
check "feed entry headline" test "$(json "$T/f.json" 'j[0]["headline"]')" = "Tide gauge records highest autumn water in forty years"
check "feed entry body" test "$(json "$T/f.json" 'len(j[0]["body"])')" = 3

expect_exit 0 "extract flattened text" "$ND" extract --format text samples/text/01-hafenfest.txt
cp "$T/out" "$T/t.json"
check "text body kept" sh -c 'grep -q "Hafenfest hat am Wochenende" "$0"' "$T/t.json"
check "text promo dropped" sh -c '! grep -q "Schreibe einen Kommentar" "$0"' "$T/t.json"
expect_exit 0 "extract from stdin" sh -c '"$0" extract - < "$1"' "$ND" "$A"

: > "$T/empty.html"
expect_exit 1 "empty file fails" "$ND" extract "$T/empty.html"
check "empty file error names it" contains "$T/err" "empty.html"
head -c 4096 /dev/urandom > "$T/bin.dat"
expect_exit 1 "binary file fails" "$ND" extract "$T/bin.dat"
check "binary error names the file" contains "$T/err" "bin.dat"
expect_exit 1 "missing file fails" "$ND" extract "$T/nope.html"
check "missing file error names it" contains "$T/err" "nope.html"
expect_exit 1 "HTML given as a feed fails" "$ND" extract --format feed "$A"
check "feed error says it is not a feed" contains "$T/err" "not an RSS or Atom feed"
printf '<rss><channel><item><title>x</title></item>' > "$T/broken.xml"
expect_exit 1 "malformed feed fails" "$ND" extract --format feed "$T/broken.xml"
printf '<html><body><article><p>Caf\351 owners in the old town said on Monday that the new parking rules had cut their trade by a third since the summer, and asked the council to think again.</p><p>The council said it would review the rules in the spring after a survey of shops and residents in the area.</p></article></body></html>' > "$T/latin1.html"
expect_exit 0 "invalid UTF-8 is repaired" "$ND" extract "$T/latin1.html"
check "repaired text kept" contains "$T/out" "owners in the old town"
expect_exit 1 "input over --max-bytes fails" "$ND" extract --max-bytes 1k "$A"
check "size error names the input and the limit" sh -c 'grep -q "01-coal-pier-vote.html" "$0" && grep -q "1024 bytes" "$0"' "$T/err"
expect_exit 1 "feed over --max-bytes fails" "$ND" extract --max-bytes 2k samples/feed.xml
expect_exit 2 "a bad --max-bytes is misuse" "$ND" extract --max-bytes lots "$A"
done_testing
