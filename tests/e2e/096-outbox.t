# outbox: reader mails go through the store's outbox. With a real SMTP
# server (aiosmtpd) that greylists (451 first, 250 after), a sign-in
# request answers at once, the mail waits in the outbox with the
# relay's reason and a later retry time, and once due it arrives
# exactly once (Python's email package parses it). A 550 is given up
# after one try. `newsdesk outbox` shows and delivers the queue
# without serve.
. "$TOP/tests/e2e/lib.sh"
PY=/usr/bin/python3
SINK="$TOP/tests/e2e/tools/smtpsink.py"

sink() {
	SPORT=$(free_port)
	rm -f "$T/ready"
	$PY "$SINK" "$1" "$SPORT" "$T/ready" 2>"$T/sink.log" &
	PIDS="$PIDS $!"
	i=0
	while [ ! -e "$T/ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
q() { sqlite3 "$NEWSDESK_DB" "$1"; }
# wait_for SQL WANT: poll the store (up to 10 s) until SQL gives WANT.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		[ "$(q "$1")" = "$2" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# received ADDR: messages the sink holds for ADDR
received() { grep -lx -- "$1" "$T/smtp"/*.rcpt 2>/dev/null | wc -l; }
# signin ADDR: ask for a sign-in link; prints the HTTP status
signin() {
	curl -s -c "$T/jar" -b "$T/jar" -o "$T/page" "$BASE/signin"
	csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
	curl -s -c "$T/jar" -b "$T/jar" -o "$T/body" -w '%{http_code}' \
	    --data-urlencode "csrf=$csrf" --data-urlencode "email=$1" "$BASE/signin"
}

sink "$T/smtp"
check "smtp sink is up" test -e "$T/ready"
"$ND" --quiet init >/dev/null
SERVE_ARGS="--deliver smtp://127.0.0.1:$SPORT --from desk@example.net --no-digest"
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
# shellcheck disable=SC2086
"$ND" serve --listen "127.0.0.1:$PORT" $SERVE_ARGS 2>"$T/serve.log" &
SERVE_PID=$!
PIDS="$PIDS $SERVE_PID"
check "server starts" wait_http "$BASE/healthz"

# greylisted: 451 first
G=grey@once.example
check "sign-in answers 200 although the relay refuses" test "$(signin "$G")" = 200
check "the page says check your email" grep -q 'Check your email' "$T/body"
check "the mail is queued once, kind signin" test "$(q "SELECT count(*) || kind FROM outbox WHERE rcpt = '$G'")" = "1signin"
check "the relay's 451 is recorded" wait_for "SELECT last_error LIKE '451%' FROM outbox WHERE rcpt = '$G'" 1
check "... after one attempt" test "$(q "SELECT attempts FROM outbox WHERE rcpt = '$G'")" = 1
check "it stays queued for a retry in the future" test "$(q "SELECT status, next_try > strftime('%s','now') FROM outbox WHERE rcpt = '$G'")" = "queued|1"
check "nothing arrived yet" test "$(received "$G")" = 0
expect_exit 0 "outbox --status" "$ND" outbox --status
check "status shows it queued with the reason" grep -q "queued	signin	$G	1	.*451" "$T/out"
check "status counts one waiting" grep -q '^due 0, waiting 1, sent 0, failed 0$' "$T/out"
# the backoff is 30 s; let that time pass for this row, the mail
# thread (every second) sends it
q "UPDATE outbox SET next_try = 0 WHERE rcpt = '$G'"
check "the retry is sent" wait_for "SELECT status || attempts FROM outbox WHERE rcpt = '$G'" "sent2"
check "the mail arrived once" test "$(received "$G")" = 1
F=$(grep -lx -- "$G" "$T/smtp"/*.rcpt | sed 's/\.rcpt$/.eml/')
check "it is the sign-in mail, well formed" $PY -c '
import email, re, sys
from email import policy
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=policy.default)
assert m["To"].addresses[0].addr_spec == sys.argv[2], m["To"]
assert "desk@example.net" in str(m["From"])
assert m["Message-ID"].strip("<>") == sys.argv[3], (m["Message-ID"], sys.argv[3])
t = m.get_body(("plain",)).get_content()
assert re.search(r"http://\S+/signin/confirm\?t=[A-Za-z0-9_.-]+", t), t
assert m.get_body(("html",)) is not None' "$F" "$G" "$(q "SELECT message_id FROM outbox WHERE rcpt = '$G'")"
expect_exit 0 "outbox --deliver afterwards" "$ND" outbox --deliver="smtp://127.0.0.1:$SPORT"
check "... sends nothing more" grep -q '^0 sent, 0 to retry, 0 failed$' "$T/out"
check "still one mail" test "$(received "$G")" = 1

# refused for good: 550 is given up at once
P=nobody@perm.example
check "sign-in for a refused address answers 200" test "$(signin "$P")" = 200
check "a 550 is given up" wait_for "SELECT status || attempts FROM outbox WHERE rcpt = '$P'" "failed1"
check "... with the reason" test "$(q "SELECT last_error LIKE '550%' FROM outbox WHERE rcpt = '$P'")" = 1
check "nothing arrived" test "$(received "$P")" = 0

# a plain address goes out at once (woken by the request)
A=ann@example.org
check "sign-in for ann" test "$(signin "$A")" = 200
check "ann's mail is sent" wait_for "SELECT status FROM outbox WHERE rcpt = '$A'" sent
check "ann got one mail" test "$(received "$A")" = 1

# without serve: `newsdesk subscribe` queues the confirmation and
# delivers the outbox once; greylisted, it stays queued until a later
# `newsdesk outbox --deliver`
kill "$SERVE_PID"
wait "$SERVE_PID"
"$ND" --quiet topic add Climate --slug climate --match climate >/dev/null
L=late@once.example
expect_exit 1 "subscribe with a greylisting relay fails" "$ND" subscribe "$L" --topic climate --deliver "smtp://127.0.0.1:$SPORT" --from desk@example.net
check "... saying the mail is queued" grep -q "confirmation to '$L' is queued" "$T/err"
check "the confirmation waits, kind confirm" test "$(q "SELECT kind || status || attempts FROM outbox WHERE rcpt = '$L'")" = "confirmqueued1"
q "UPDATE outbox SET next_try = 0 WHERE rcpt = '$L'"
expect_exit 0 "outbox with no option shows the queue" "$ND" outbox
check "... one due" grep -q '^due 1, waiting 0, sent 2, failed 1$' "$T/out"
expect_exit 0 "outbox --deliver" "$ND" outbox --deliver="smtp://127.0.0.1:$SPORT" --status
check "... sends it" grep -q '^1 sent, 0 to retry, 0 failed$' "$T/out"
check "... and shows the counts after" grep -q '^due 0, waiting 0, sent 3, failed 1$' "$T/out"
check "the confirmation arrived once" test "$(received "$L")" = 1
expect_exit 2 "outbox with an operand is misuse" "$ND" outbox extra
expect_exit 1 "outbox --deliver with a bad spec fails" "$ND" outbox --deliver=ftp://x
done_testing
