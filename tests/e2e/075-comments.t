# comments: the CLI against a real store - post through validation, spam
# defence and moderation; list, approve, spam, delete; blocklist; export
# and erasure; IP hashes; the email never in `comments list`.
. tests/e2e/lib.sh

q() { sqlite3 "$NEWSDESK_DB" "$1"; }
post() { "$ND" comments post --article "$ART" "$@"; }
expect_exit 0 "ingest an article to comment on" "$ND" ingest --no-fetch samples/articles/*.html
ART=$(q "SELECT min(id) FROM articles")
ART2=$(q "SELECT max(id) FROM articles")

# validation: every missing field named, nothing stored
expect_exit 1 "a form without fields is refused" post --name '' --email '' --text ''
check "name is required" contains "$T/err" "name: This field is required."
check "email is required" contains "$T/err" "email: This field is required."
check "text is required" contains "$T/err" "text: This field is required."
expect_exit 1 "German messages" post --name '' --email 'x@example.org' --text 'hallo' --lang de
check "German: Dieses Feld ist erforderlich." contains "$T/err" "name: Dieses Feld ist erforderlich."
expect_exit 1 "CRLF in the name is refused" post --name "$(printf 'Ann\r\nBcc: x@y.org')" --email a@example.org --text hi
check "the message says one line" contains "$T/err" "must be on one line"
expect_exit 1 "invalid UTF-8 is refused" post --name Ann --email a@example.org --text "$(printf 'bad \377 byte')"
check "the message names UTF-8" contains "$T/err" "not valid UTF-8"
expect_exit 1 "an overlong name is refused" post --name "$(python3 -c 'print("n"*101)')" --email a@example.org --text hi
check "the limit is given" contains "$T/err" "at most 100 characters"
expect_exit 1 "a javascript: website is refused" post --name Ann --email a@example.org --text hi --website 'javascript:alert(1)'
check "nothing stored yet" test "$(q 'SELECT count(*) FROM comments')" = 0

# moderation "first": the first comment waits, markup stored as typed
expect_exit 0 "a first comment is stored" post --name '<b>Ann</b>' --email Ann@Example.org --text '<script>alert(1)</script> hi' --ip 192.0.2.10
check "it is pending" contains "$T/out" "pending"
C1=$(q "SELECT max(id) FROM comments")
check "markup stored as typed" test "$(q "SELECT body FROM comments WHERE id=$C1")" = '<script>alert(1)</script> hi'
check "the ip is stored only as a hash" test "$(q "SELECT count(*) FROM comments WHERE ip_hash IS NOT NULL AND length(ip_hash)=32 AND instr(CAST(ip_hash AS TEXT), '192.0.2.10')=0")" = 1
check "the ip is nowhere in the database" sh -c "! grep -qa '192.0.2.10' '$NEWSDESK_DB'"
check "the count is 0 while pending" test "$(q "SELECT comment_count FROM articles WHERE id=$ART")" = 0
expect_exit 0 "list pending" "$ND" comments list --pending
check "the pending comment is listed" contains "$T/out" "$C1	pending"
check "list never shows the email" sh -c "! grep -qi 'example.org' '$T/out'"
expect_exit 0 "approve it" "$ND" comments approve "$C1"
check "the count is 1" test "$(q "SELECT comment_count FROM articles WHERE id=$ART")" = 1
expect_exit 0 "an approved author posts again" post --name Ann --email ann@example.org --text 'second thought'
check "published at once" contains "$T/out" "published"
C2=$(q "SELECT max(id) FROM comments")
check "the count is 2" test "$(q "SELECT comment_count FROM articles WHERE id=$ART")" = 2
expect_exit 0 "a reply" post --name Bob --email bob@example.org --text 'I agree' --parent "$C1"
C3=$(q "SELECT max(id) FROM comments")
check "the reply keeps its parent" test "$(q "SELECT parent_id FROM comments WHERE id=$C3")" = "$C1"
expect_exit 1 "a reply to a comment of another article is refused" "$ND" comments post --article "$ART2" --name Bob --email bob@example.org --text x --parent "$C1"
expect_exit 0 "moderation none publishes a stranger" post --name Cy --email cy@example.org --text 'hello' --moderation none
expect_exit 0 "moderation all holds an approved author" post --name Ann --email ann@example.org --text 'third' --moderation all
check "held" contains "$T/out" "pending"

# spam: stored in the spam queue with a reason, never dropped
expect_exit 0 "honeypot filled" post --name Bot --email bot@example.org --text 'buy' --honeypot 'http://x'
check "spam with reason" contains "$T/out" "(honeypot filled)"
expect_exit 0 "filled in too fast" post --name Bot --email bot2@example.org --text 'quick' --filled-in 0
check "too fast is spam" contains "$T/out" "(form filled in too fast)"
expect_exit 0 "too many links" post --name Bot --email bot3@example.org --text 'https://a.example https://b.example https://c.example'
check "links are spam" contains "$T/out" "(too many links)"
expect_exit 0 "block a word" "$ND" comments block add word 'cheap pills'
expect_exit 0 "block a domain" "$ND" comments block add address '@Spam.Example'
expect_exit 1 "a duplicate entry is refused" "$ND" comments block add word 'cheap pills'
expect_exit 0 "list the blocklist" "$ND" comments block list
check "the domain is listed lowercased" contains "$T/out" "address	@spam.example"
expect_exit 0 "a blocked word, other case and accents" post --name Eve --email eve@example.org --text 'CHEAP Pïlls here'
check "blocked word is spam" contains "$T/out" "(blocked word)"
expect_exit 0 "a blocked domain" post --name Eve --email eve@spam.example --text 'hello'
check "blocked address is spam" contains "$T/out" "(blocked address)"
expect_exit 0 "remove a blocklist entry" "$ND" comments block rm word 'cheap pills'
expect_exit 0 "spam queue" "$ND" comments list --spam
check "five in the spam queue" test "$(grep -c '	spam	' "$T/out")" = 5
check "spam list hides emails" sh -c "! grep -qi '@' '$T/out'"

# a flood from one IP is refused with a clear message
for i in 1 2 3 4; do post --name F --email "f$i@example.org" --text flood --ip 198.51.100.9 >/dev/null 2>&1; done
expect_exit 0 "the fifth from one IP is still taken" post --name F --email f5@example.org --text flood --ip 198.51.100.9
expect_exit 1 "the sixth from one IP is refused" post --name F --email f6@example.org --text flood --ip 198.51.100.9
check "it says to wait" contains "$T/err" "too quickly"
check "the refused one is not stored" test "$(q "SELECT count(*) FROM comments WHERE email='f6@example.org'")" = 0

# moderator actions keep the count
BEFORE=$(q "SELECT comment_count FROM articles WHERE id=$ART")
expect_exit 0 "mark as spam" "$ND" comments spam "$C2"
check "the count drops by one" test "$(q "SELECT comment_count FROM articles WHERE id=$ART")" = $((BEFORE - 1))
expect_exit 0 "delete" "$ND" comments delete "$C3"
check "the count matches approved rows" test "$(q "SELECT comment_count FROM articles WHERE id=$ART")" = "$(q "SELECT count(*) FROM comments WHERE article_id=$ART AND status='approved'")"
expect_exit 1 "approving a missing comment fails" "$ND" comments approve 99999
check "the error names it" contains "$T/err" "99999"
expect_exit 2 "a bad id is misuse" "$ND" comments approve abc
expect_exit 2 "unknown subcommand" "$ND" comments frob
expect_exit 0 "list everything" "$ND" comments list
check "no email address in the full list" sh -c "! grep -qi '@example.org\|@spam.example' '$T/out'"

# privacy: export, erasure, IP purge
expect_exit 0 "export an address" "$ND" comments export --email ANN@example.org
check "export is JSON with the address" test "$(json "$T/out" 'j["email"]')" = ann@example.org
check "export has all of Ann's comments" test "$(json "$T/out" 'len(j["comments"])')" = 3
check "export gives the article url" test "$(json "$T/out" 'j["comments"][0]["article_url"].startswith("http")')" = True
expect_exit 0 "export and erase" "$ND" comments export --email ann@example.org --delete
check "erasure reported" contains "$T/err" "erased 3 comments"
check "no trace of the address" test "$(q "SELECT count(*) FROM comments WHERE email='ann@example.org'")" = 0
check "no author row" test "$(q "SELECT count(*) FROM comment_authors WHERE email='ann@example.org'")" = 0
check "erased rows keep the tree but no text" test "$(q "SELECT status || ':' || body || ':' || coalesce(name,'-') FROM comments WHERE id=$C1")" = "deleted::-"
check "the count matches after erasure" test "$(q "SELECT comment_count FROM articles WHERE id=$ART")" = "$(q "SELECT count(*) FROM comments WHERE article_id=$ART AND status='approved'")"
expect_exit 0 "export after erasure" "$ND" comments export --email ann@example.org
check "nothing left to export" test "$(json "$T/out" 'len(j["comments"])')" = 0
q "UPDATE comments SET created = created - 40*86400, ip_hash_expires = 0 WHERE email='f1@example.org'"
expect_exit 0 "purge ip hashes older than 30 days" "$ND" comments purge-ips --days 30
check "one hash cleared" contains "$T/out" "cleared 1 ip hash"
check "its hash is gone" test "$(q "SELECT count(*) FROM comments WHERE email='f1@example.org' AND ip_hash IS NULL")" = 1
check "recent hashes stay" test "$(q "SELECT count(*) FROM comments WHERE email='f2@example.org' AND ip_hash IS NOT NULL")" = 1
expect_exit 2 "purge wants a number" "$ND" comments purge-ips --days x
done_testing
