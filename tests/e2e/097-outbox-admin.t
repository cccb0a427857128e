# outbox-admin: the state a request changes and the mail it queues are
# one transaction (a trigger added to the store makes every enqueue
# fail: the sign-in, follow and comment requests then store nothing);
# /admin/outbox for admins only (303 signed out, 403 for a reader),
# with counts, masked recipients and escaped relay reasons, in English
# and German; `newsdesk outbox --purge[=DAYS]`.
. tests/e2e/lib.sh
. tests/e2e/lib_site.sh

site_load
site_serve --from desk@example.net
q() { sqlite3 "$NEWSDESK_DB" "$1"; }
# fresh JAR [PATH]: load a page with the jar; sets CSRF (and FT, the
# comment form token, on an article).
fresh() {
	curl -s -c "$1" -b "$1" "$BASE${2:-/}" > "$T/page"
	CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
	FT=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
}
# signin_link ADDR: the sign-in link in the newest mail to ADDR
signin_link() {
	wait_outbox
	"$PY" - "$T/mail" "$1" <<'PYEOF'
import email, email.policy, os, re, sys
d = os.path.join(sys.argv[1], "new")
files = sorted((os.path.getmtime(os.path.join(d, f)), f) for f in os.listdir(d))
for _, f in reversed(files):
    m = email.message_from_binary_file(open(os.path.join(d, f), "rb"),
        policy=email.policy.default)
    if m["To"].addresses[0].addr_spec == sys.argv[2]:
        text = m.get_body(("plain",)).get_content()
        print(re.search(r"(http://\S+/signin/confirm\?t=[A-Za-z0-9_.-]+)", text).group(1))
        break
PYEOF
}
# sign_in JAR ADDR: a session for ADDR in JAR
sign_in() {
	fresh "$1" /signin
	code -b "$1" -c "$1" -H "X-Forwarded-For: 192.0.2.$3" --data-urlencode "csrf=$CSRF" --data-urlencode "email=$2" "$BASE/signin" >/dev/null
	code -b "$1" -c "$1" "$(signin_link "$2")" >/dev/null
}

# --- a failing enqueue leaves no state behind
q "CREATE TRIGGER test_refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
fresh "$T/anon" /signin
check "sign-in while the outbox refuses is 503" test "$(code -b "$T/anon" -c "$T/anon" -H 'X-Forwarded-For: 192.0.2.1' --data-urlencode "csrf=$CSRF" -d email=new.reader@example.org "$BASE/signin")" = 503
check "... and no reader row was left" test "$(q "SELECT count(*) FROM readers WHERE email = 'new.reader@example.org'")" = 0
check "... the cause is logged" grep -q 'refused by the test' "$T/serve.log"
fresh "$T/anon" /topics/climate
code -b "$T/anon" -c "$T/anon" -H 'X-Forwarded-For: 192.0.2.2' --data-urlencode "csrf=$CSRF" -d topic=climate -d email=new.follower@example.org "$BASE/follow" >/dev/null
check "a follow while the outbox refuses says the mail failed" grep -q 'We could not send the email just now' "$T/body"
check "... and leaves no reader row" test "$(q "SELECT count(*) FROM readers WHERE email = 'new.follower@example.org'")" = 0
check "... the cause is logged" grep -q 'follow: .*refused by the test' "$T/serve.log"
fresh "$T/anon" /articles/1
check "a comment while the outbox refuses is 503" test "$(code -b "$T/anon" -c "$T/anon" -H 'X-Forwarded-For: 192.0.2.3' --data-urlencode "csrf=$CSRF" --data-urlencode "form_token=$FT" -d name=Refused+Rita -d email=rita@example.org -d comment=Lost+with+its+mail "$BASE/articles/1/comments")" = 503
check "... and no comment was left" test "$(q "SELECT count(*) FROM comments WHERE name = 'Refused Rita'")" = 0
check "... nor a comment count" test "$(q "SELECT comment_count FROM articles WHERE id = 1")" = 0
check "nothing was queued" test "$(q "SELECT count(*) FROM outbox")" = 0
q "DROP TRIGGER test_refuse"
fresh "$T/anon" /topics/climate
code -b "$T/anon" -c "$T/anon" -H 'X-Forwarded-For: 192.0.2.5' --data-urlencode "csrf=$CSRF" -d topic=climate -d email=new.follower@example.org "$BASE/follow" >/dev/null
check "with the outbox back the follow stores the reader" test "$(q "SELECT count(*) FROM readers WHERE email = 'new.follower@example.org'")" = 1
check "... and queues the confirmation" test "$(q "SELECT count(*) FROM outbox WHERE kind = 'confirm' AND rcpt = 'new.follower@example.org'")" = 1
fresh "$T/anon" /articles/1
check "with the outbox back the comment is stored (303)" test "$(code -b "$T/anon" -c "$T/anon" -H 'X-Forwarded-For: 192.0.2.4' --data-urlencode "csrf=$CSRF" --data-urlencode "form_token=$FT" -d name=Stored+Sam -d email=sam@example.org -d comment=Stored+with+its+mail "$BASE/articles/1/comments")" = 303
check "... with its edit mail queued" test "$(q "SELECT count(*) FROM outbox WHERE kind = 'comment-edit' AND rcpt = 'sam@example.org'")" = 1

# approving a held reply queues the parent's reply mail in the same
# transaction, on /admin and from the CLI
NOW=$(date +%s)
q "INSERT INTO comments(article_id, name, email, body, status, created, notify_replies) VALUES (1, 'Parent Pia', 'pia@example.org', 'Tell me about replies', 'approved', $NOW, 1)"
PID=$(q "SELECT id FROM comments WHERE name = 'Parent Pia'")
q "INSERT INTO comments(article_id, parent_id, name, email, body, status, created) VALUES (1, $PID, 'Held Hugo', 'hugo@example.org', 'A held reply', 'pending', $NOW)"
HID=$(q "SELECT id FROM comments WHERE name = 'Held Hugo'")
q "CREATE TRIGGER test_refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
expect_exit 1 "comments approve while the outbox refuses fails" "$ND" comments approve "$HID" --deliver "maildir:$T/mail" --from desk@example.net --base-url "$BASE"
check "... naming the cause" grep -q 'refused by the test' "$T/err"
check "... and the reply stays pending" test "$(q "SELECT status FROM comments WHERE id = $HID")" = pending
q "DROP TRIGGER test_refuse"
expect_exit 0 "with the outbox back, comments approve" "$ND" comments approve "$HID" --deliver "maildir:$T/mail" --from desk@example.net --base-url "$BASE"
check "... approves the reply" test "$(q "SELECT status FROM comments WHERE id = $HID")" = approved
check "... and its reply mail went to the parent's author" test "$(q "SELECT count(*) FROM outbox WHERE kind = 'comment-reply' AND rcpt = 'pia@example.org' AND status = 'sent'")" = 1

# --- /admin/outbox
ADMIN=desk.admin@example.org
READER=plain.reader@example.org
sign_in "$T/rj" "$READER" 10
sign_in "$T/aj" "$ADMIN" 11
expect_exit 0 "newsdesk admin add" "$ND" admin add "$ADMIN"
q "INSERT INTO comments(article_id, parent_id, name, email, body, status, created) VALUES (1, $PID, 'Held Hanna', 'hanna@example.org', 'Another held reply', 'pending', $NOW)"
HID=$(q "SELECT id FROM comments WHERE name = 'Held Hanna'")
fresh "$T/aj" /admin
q "CREATE TRIGGER test_refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
check "approving on /admin while the outbox refuses is 503" test "$(code -b "$T/aj" --data-urlencode "csrf=$CSRF" -d action=approve "$BASE/admin/comments/$HID")" = 503
check "... and the reply stays pending" test "$(q "SELECT status FROM comments WHERE id = $HID")" = pending
q "DROP TRIGGER test_refuse"
check "with the outbox back, approving on /admin is 303" test "$(code -b "$T/aj" --data-urlencode "csrf=$CSRF" -d action=approve "$BASE/admin/comments/$HID")" = 303
check "... the reply is approved" test "$(q "SELECT status FROM comments WHERE id = $HID")" = approved
check "... with its reply mail queued" test "$(q "SELECT count(*) FROM outbox WHERE kind = 'comment-reply' AND rcpt = 'pia@example.org'")" = 2
NOW=$(date +%s)
q "INSERT INTO outbox(created, kind, sender, rcpt, message, message_id, status, attempts, next_try, last_error) VALUES ($NOW, 'confirm', 'desk@example.net', 'zed.secret@example.org', 'x', 'w1@test', 'queued', 2, $((NOW + 3600)), '451 <b>greylisted</b> & \"later\"')"
q "INSERT INTO outbox(created, kind, sender, rcpt, message, message_id, status, attempts, next_try, last_error) VALUES ($NOW, 'signin', 'desk@example.net', 'ann.private@example.com', 'x', 'f1@test', 'failed', 1, $NOW, '550 no such user')"
check "signed out, /admin/outbox goes to sign-in" test "$(code "$BASE/admin/outbox")" = 303
check "... and back here after" sh -c "grep -i '^Location:' '$T/headers' | grep -q 'next=%2Fadmin%2Foutbox\|next=/admin/outbox'"
check "a reader gets 403" test "$(code -b "$T/rj" "$BASE/admin/outbox")" = 403
check "... with no row of it" sh -c "! grep -q 'z\*\*\*@example.org' '$T/body'"
check "the admin gets 200" test "$(code -b "$T/aj" -H 'Accept-Language: en' "$BASE/admin/outbox")" = 200
check "the page is valid HTML5" html_valid "$T/body"
check "it is titled Outbox" grep -q '<h1>Outbox</h1>' "$T/body"
check "it lists the waiting mail, masked" grep -q '<td class="rcpt">z\*\*\*@example.org</td>' "$T/body"
check "... and the failed one, masked" grep -q '<td class="rcpt">a\*\*\*@example.com</td>' "$T/body"
check "no full address is on the page" sh -c "! grep -Eq 'zed\.secret|ann\.private|$ADMIN|$READER' '$T/body'"
check "the relay's reason is escaped" grep -q '451 &lt;b&gt;greylisted&lt;/b&gt; &amp; &quot;later&quot;\|451 &lt;b&gt;greylisted&lt;/b&gt; &amp; "later"' "$T/body"
check "... and never raw" sh -c "! grep -q '<b>greylisted' '$T/body'"
check "kinds and attempts are shown" sh -c "grep -q '<td>confirm</td><td class=\"rcpt\">z\*\*\*@example.org</td><td>2</td>' '$T/body'"
check "the counts: one waiting" sh -c "grep -q '<dt>Waiting for a retry</dt><dd>1</dd>' '$T/body'"
check "... one given up" sh -c "grep -q '<dt>Given up</dt><dd>1</dd>' '$T/body'"
check "... the sent ones counted" sh -c "grep -q '<dt>Sent</dt><dd>$(q "SELECT count(*) FROM outbox WHERE status = 'sent'")</dd>' '$T/body'"
check "the German page" test "$(code -b "$T/aj" -H 'Accept-Language: de' "$BASE/admin/outbox")" = 200
check "... is titled Postausgang" grep -q '<h1>Postausgang</h1>' "$T/body"
check "... with German headings" sh -c "grep -q 'Empfänger' '$T/body' && grep -q 'Nächster Versuch' '$T/body' && grep -q 'Aufgegeben' '$T/body'"
check "... and masked addresses too" sh -c "grep -q 'z\*\*\*@example.org' '$T/body' && ! grep -q 'zed.secret' '$T/body'"
check "/admin links to the outbox" sh -c "test \"\$(curl -s -o '$T/body' -w '%{http_code}' -b '$T/aj' '$BASE/admin')\" = 200 && grep -q 'href=\"/admin/outbox\"' '$T/body'"
check "a POST to /admin/outbox is not allowed" test "$(code -b "$T/aj" -d x=1 "$BASE/admin/outbox")" = 405

# --- newsdesk outbox --purge
q "INSERT INTO outbox(created, kind, sender, rcpt, message, message_id, status, attempts, next_try, sent_at) VALUES ($((NOW - 50 * 86400)), 'signin', 'desk@example.net', 'old@example.org', 'x', 'old.sent@test', 'sent', 1, $((NOW - 40 * 86400)), $((NOW - 40 * 86400)))"
q "INSERT INTO outbox(created, kind, sender, rcpt, message, message_id, status, attempts, next_try) VALUES ($((NOW - 50 * 86400)), 'signin', 'desk@example.net', 'old@example.org', 'x', 'old.failed@test', 'failed', 1, $((NOW - 35 * 86400)))"
q "INSERT INTO outbox(created, kind, sender, rcpt, message, message_id, status, attempts, next_try, sent_at) VALUES ($((NOW - 20 * 86400)), 'signin', 'desk@example.net', 'old@example.org', 'x', 'mid.sent@test', 'sent', 1, $((NOW - 10 * 86400)), $((NOW - 10 * 86400)))"
expect_exit 0 "outbox --purge" "$ND" outbox --purge
check "... purges the two older than 30 days" grep -q '^2 mails older than 30 days purged' "$T/out"
check "... and keeps the rest" test "$(q "SELECT count(*) FROM outbox WHERE message_id IN ('old.sent@test', 'old.failed@test')")/$(q "SELECT count(*) FROM outbox WHERE message_id IN ('mid.sent@test', 'w1@test')")" = 0/2
expect_exit 0 "outbox --purge=5" "$ND" outbox --purge=5
check "... purges the one sent 10 days ago" test "$(q "SELECT count(*) FROM outbox WHERE message_id = 'mid.sent@test'")" = 0
check "... never a queued mail" test "$(q "SELECT count(*) FROM outbox WHERE message_id = 'w1@test'")" = 1
expect_exit 2 "outbox --purge=0 is misuse" "$ND" outbox --purge=0
check "... naming the value" grep -q "'0'" "$T/err"
expect_exit 2 "outbox --purge=abc is misuse" "$ND" outbox --purge=abc
check "serve logged no other error" sh -c "! grep -v 'refused by the test\|outbox: \|serving ' '$T/serve.log' | grep -q ."
done_testing
