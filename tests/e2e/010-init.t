# init creates the store, a second run is harmless, --db and NEWSDESK_DB.
. tests/e2e/lib.sh

expect_exit 0 "init creates a store" "$ND" --db "$T/sub/dir/a.db" init
check "store file exists in a new folder" test -f "$T/sub/dir/a.db"
check "init reports the schema version" contains "$T/out" "schema version"
expect_exit 0 "init again is harmless" "$ND" --db "$T/sub/dir/a.db" init
check "second init says it is current" contains "$T/out" "is at schema version"
expect_exit 0 "NEWSDESK_DB names the store" "$ND" init
check "NEWSDESK_DB store exists" test -f "$NEWSDESK_DB"
check "store uses WAL" sh -c '[ "$(sqlite3 "$0" "PRAGMA journal_mode")" = wal ]' "$NEWSDESK_DB"
check "store has an FTS5 index" sh -c 'sqlite3 "$0" ".tables" | grep -q articles_fts' "$NEWSDESK_DB"
expect_exit 1 "unwritable store path fails" "$ND" --db /proc/nonexistent/x.db init
check "error names the store" contains "$T/err" "/proc/nonexistent/x.db"
expect_exit 1 "postgres store not built in yet fails clearly" "$ND" --db postgres://localhost/nd init
check "postgres error names the dsn" contains "$T/err" "postgres://localhost/nd"
done_testing
