# Command line: help, version, misuse exits 2.
. tests/e2e/lib.sh

expect_exit 0 "--help exits 0" "$ND" --help
check "--help lists every command" sh -c 'for c in init extract ingest topic serve; do grep -q "  $c " "$0" || exit 1; done' "$T/out"
expect_exit 0 "--version exits 0" "$ND" --version
check "--version prints the version" contains "$T/out" "newsdesk "
expect_exit 2 "no command is misuse" "$ND"
expect_exit 2 "unknown option is misuse" "$ND" --bogus
check "unknown option is named" contains "$T/err" "unknown option '--bogus'"
expect_exit 2 "unknown command is misuse" "$ND" frobnicate
check "unknown command is named" contains "$T/err" "unknown command 'frobnicate'"
for c in init extract ingest topic serve; do
	expect_exit 0 "$c --help exits 0" "$ND" "$c" --help
	check "$c --help prints usage" contains "$T/out" "usage: newsdesk"
done
expect_exit 2 "extract without input is misuse" "$ND" extract
expect_exit 2 "ingest without input is misuse" "$ND" ingest
expect_exit 2 "extract --format bogus is misuse" "$ND" extract --format bogus x
check "bad format is named" contains "$T/err" "unknown format 'bogus'"
expect_exit 2 "serve with extra argument is misuse" "$ND" serve extra
expect_exit 2 "topic add without --match is misuse" "$ND" topic add Name
done_testing
