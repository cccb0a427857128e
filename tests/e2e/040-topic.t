# topics: add, list, rm, tagging at ingest and re-tagging on change.
. tests/e2e/lib.sh

q() { sqlite3 "$NEWSDESK_DB" "$1"; }
expect_exit 0 "add a topic" "$ND" topic add Energy --match 'coal OR wind OR Windpark'
check "slug made from the name" contains "$T/out" "(energy)"
expect_exit 0 "add a topic with a slug" "$ND" topic add "Rail & Trams" --slug rail --match '"night train" OR tramway'
expect_exit 0 "list topics" "$ND" topic list
check "list shows both" test "$(grep -c . "$T/out")" = 2
check "list shows the rule" contains "$T/out" '"night train" OR tramway'
expect_exit 1 "a bad rule is refused" "$ND" topic add Bad --match '(coal OR'
check "the error points at a position" contains "$T/err" "position"
expect_exit 0 "ingest tags articles" "$ND" ingest --no-fetch samples/articles/*.html
check "coal pier tagged energy" test "$(q "SELECT t.slug FROM article_topics x JOIN topics t ON t.id=x.topic_id JOIN articles a ON a.id=x.article_id WHERE a.headline LIKE 'Kestrel Bay votes%'")" = energy
check "German wind park tagged energy (case-insensitive)" test "$(q "SELECT count(*) FROM article_topics x JOIN articles a ON a.id=x.article_id WHERE a.headline LIKE 'Neuer Windpark%'")" = 1
check "night trains tagged rail (inflection: trains)" test "$(q "SELECT count(*) FROM article_topics x JOIN topics t ON t.id=x.topic_id JOIN articles a ON a.id=x.article_id WHERE t.slug='rail' AND a.headline LIKE 'Night trains%'")" = 1
expect_exit 0 "change a topic's rule" "$ND" topic add Science --match 'seagrass'
check "re-tagging reports changes" contains "$T/out" "re-tagged 1 article"
check "seagrass article now tagged science" test "$(q "SELECT count(*) FROM article_topics x JOIN topics t ON t.id=x.topic_id WHERE t.slug='science'")" = 1
expect_exit 0 "remove a topic" "$ND" topic rm rail
check "its links are gone" test "$(q "SELECT count(*) FROM article_topics x JOIN topics t ON t.id=x.topic_id WHERE t.slug='rail'")" = 0
expect_exit 1 "removing a missing topic fails" "$ND" topic rm nope
check "the error names it" contains "$T/err" "nope"
expect_exit 2 "unknown topic subcommand" "$ND" topic frob
done_testing
