# The digest scheduler inside `newsdesk serve`: with a confirmed reader
# whose hour has passed and news from the last hour, serve sends the
# digest to a real SMTP server (aiosmtpd) on its own, exactly once
# however many times it runs, and stops cleanly on SIGTERM.
. tests/e2e/lib.sh
PY=/usr/bin/python3
SINK="$TOP/tests/e2e/tools/smtpsink.py"

SPORT=$(free_port)
$PY "$SINK" "$T/sink" "$SPORT" "$T/ready" 2>"$T/sink.log" &
PIDS="$PIDS $!"
i=0
while [ ! -e "$T/ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check "SMTP sink listens" test -e "$T/ready"

"$ND" --quiet topic add Climate --slug climate --match 'climate OR heat' >/dev/null
DATE=$($PY -c 'import email.utils, time; print(email.utils.formatdate(time.time() - 3600, usegmt=True))')
{
	echo '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>'
	echo "<item><title>Heat record broken again</title><link>https://wire.example/h1</link><description>A climate story.</description><pubDate>$DATE</pubDate></item>"
	echo '</channel></rss>'
} > "$T/feed.xml"
"$ND" --quiet ingest --no-fetch "$T/feed.xml" >/dev/null
"$ND" --quiet subscribe zed@example.org --topic climate --tz UTC --hour 0 --confirmed >/dev/null
"$ND" --quiet subscribe wait@example.org --topic climate --tz UTC --hour 0 --deliver "maildir:$T/mail" >/dev/null 2>&1

SERVE_ARGS="--deliver smtp://127.0.0.1:$SPORT --digest-every 1"
check "server starts" serve_start
# poll up to ~70 s for the digest (the first run is at start)
i=0
while [ "$(ls "$T/sink" 2>/dev/null | grep -c '\.eml$')" -lt 1 ] && [ $i -lt 700 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "the digest arrived" test "$(ls "$T/sink" | grep -c '\.eml$')" -ge 1
# let the scheduler run a few more times before stopping it
i=0
while [ "$(grep -c . "$T/serve.log")" -lt 2 ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
sleep 3
kill -TERM "$SERVE_PID"
wait "$SERVE_PID"
rc=$?
check "serve stops cleanly on SIGTERM" test "$rc" -eq 0
check "and says so" grep -q 'SIGTERM received, stopping' "$T/serve.log"
check "exactly one digest" test "$(ls "$T/sink" | grep -c '\.eml$')" -eq 1
check "to the confirmed reader only" sh -c 'cat "$0"/*.rcpt | grep -qx zed@example.org' "$T/sink"
check "one log line for the run that sent" test "$(grep -c 'digest: 1 due, 1 sent' "$T/serve.log")" -eq 1
check "it is a digest with the story" $PY -c '
import email, glob, sys
from email import policy
m = email.message_from_bytes(open(glob.glob(sys.argv[1] + "/*.eml")[0], "rb").read(), policy=policy.default)
assert m["To"] == "zed@example.org"
assert m["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
assert "Heat record broken again" in m.get_body(("plain",)).get_content()
assert m.get_body(("html",)) is not None' "$T/sink"
expect_exit 0 "digest --status" "$ND" digest --status
check "status counts it as sent" grep -qx 'sent 1' "$T/out"
expect_exit 0 "a later CLI run" "$ND" digest --deliver "smtp://127.0.0.1:$SPORT"
check "sends nothing more" test "$(ls "$T/sink" | grep -c '\.eml$')" -eq 1

check "a bad --digest-every is misuse" sh -c '"$0" serve --digest-every 0 >/dev/null 2>&1; test $? -eq 2' "$ND"

done_testing
