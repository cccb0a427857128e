# Daily Digest end to end: a real SMTP server (aiosmtpd) receives the
# digests; Python's email package parses every message. DST: Berlin
# switches to CEST at 01:00 UTC on 2026-03-29, so 05:30Z is 07:30 local
# (due at hour 7) while 05:30Z a day earlier was 06:30 (not due).
. "$TOP/tests/e2e/lib.sh"
PY=/usr/bin/python3
SINK="$TOP/tests/e2e/tools/smtpsink.py"

# sink DIR [DELAY]: start an SMTP sink; sets $SPORT and $SINK_PID.
sink() {
	SPORT=$(free_port)
	rm -f "$T/ready"
	$PY "$SINK" "$1" "$SPORT" "$T/ready" ${2:-0} 2>"$T/sink.log" &
	SINK_PID=$!
	PIDS="$PIDS $SINK_PID"
	i=0
	while [ ! -e "$T/ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}

"$ND" --quiet topic add Climate --slug climate --match 'climate OR heat' >/dev/null
"$ND" --quiet topic add Energy --slug energy --match 'energy OR solar' >/dev/null
{
	echo '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>'
	for i in 1 2 3 4 5 6 7; do
		echo "<item><title>Heat record number $i</title><link>https://wire.example/c$i</link><description>Climate story $i with heat.</description><pubDate>Sat, 28 Mar 2026 1$i:00:00 GMT</pubDate></item>"
	done
	echo '<item><title>Solar &lt;b&gt; farms: "fast" &amp; cheap — über alles</title><link>https://wire.example/e1</link><description>Solar energy doubled.</description><pubDate>Sat, 28 Mar 2026 12:30:00 GMT</pubDate></item>'
	echo '</channel></rss>'
} > "$T/feed.xml"
"$ND" --quiet ingest --no-fetch "$T/feed.xml" >/dev/null

sub() { "$ND" --quiet subscribe "$@" >/dev/null; }
sub ann@example.org --topic climate --topic energy --tz Europe/Berlin --lang de --confirmed
sub bob@example.org --topic energy --topic climate --tz Europe/Berlin --lang de --confirmed
sub cy@example.org --topic climate --tz America/New_York --confirmed
sub tmp@temp.example --topic climate --tz Europe/Berlin --confirmed
sub bad@perm.example --topic climate --tz Europe/Berlin --confirmed

# bad CLI input
expect_exit 1 "bad address is refused" "$ND" subscribe 'a@@b' --topic climate --confirmed
check "message names the address" contains "$T/err" "'a@@b' is not an email address"
expect_exit 1 "unknown topic is refused" "$ND" subscribe z@example.org --topic nope --confirmed
expect_exit 1 "unknown zone is refused" "$ND" subscribe z@example.org --topic climate --tz Mars/Base --confirmed
expect_exit 2 "bad hour is misuse" "$ND" subscribe z@example.org --topic climate --hour 25
expect_exit 2 "no topic is misuse" "$ND" subscribe z@example.org
expect_exit 2 "bad --at is misuse" "$ND" digest --at yesterday
expect_exit 1 "bad delivery spec" "$ND" digest --deliver ftp://x
expect_exit 2 "subscribers without verb" "$ND" subscribers

# double opt-in: the confirmation goes to the Maildir, the link has a token
expect_exit 0 "subscribe sends a confirmation" "$ND" subscribe new@example.org --topic climate --deliver "maildir:$T/md"
check "one message in maildir/new" test "$(ls "$T/md/new" | wc -l)" -eq 1
check "nothing left in maildir/tmp" test "$(ls "$T/md/tmp" | wc -l)" -eq 0
check "confirmation link carries a token, not the address" $PY -c '
import email, glob, sys
from email import policy
m = email.message_from_bytes(open(glob.glob(sys.argv[1] + "/new/*")[0], "rb").read(), policy=policy.default)
t = m.get_body(("plain",)).get_content()
assert "/confirm?t=" in t and "new@example.org" not in t.split("/confirm")[1], t
assert m["To"] == "new@example.org"' "$T/md"

sink "$T/mail"
D="--deliver smtp://127.0.0.1:$SPORT --from digest@news.example --per-topic 5"
expect_exit 0 "nothing due before 07:00 Berlin (CET, 05:30Z on 28 March)" "$ND" digest --at 2026-03-28T05:30Z $D
check "no message yet" test "$(ls "$T/mail" 2>/dev/null | grep -c eml)" -eq 0
expect_exit 0 "digest run at 05:30Z (07:30 CEST)" "$ND" digest --at 2026-03-29T05:30Z $D
check "run counts: sent 2 retry 1 failed 1" contains "$T/out" "sent 2 retry 1 failed 1"
check "two messages received (ann, bob)" test "$(ls "$T/mail" | grep -c eml)" -eq 2
expect_exit 0 "same morning again" "$ND" digest --at 2026-03-29T05:45Z $D
check "nothing sent twice" test "$(ls "$T/mail" | grep -c eml)" -eq 2
expect_exit 0 "status" "$ND" digest --status --at 2026-03-29T05:45Z
check "status counts" $PY -c '
import sys
d = dict(l.split() for l in open(sys.argv[1]))
assert d["sent"] == "2" and d["failed"] == "1" and d["retrying"] == "1" and d["waiting"] == "1", d' "$T/out"
expect_exit 0 "New York at 07:30 EDT" "$ND" digest --at 2026-03-29T11:30Z $D
check "cy got one" test "$(grep -l cy@example.org "$T"/mail/*.rcpt | wc -l)" -eq 1

check "every message is well formed" $PY - "$T/mail" <<'PYEOF'
import email, glob, re, sys
from email import policy
msgs = {}
for f in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    raw = open(f, "rb").read()
    m = email.message_from_bytes(raw, policy=policy.default)
    assert m.get_content_type() == "multipart/alternative", f
    parts = [p.get_content_type() for p in m.iter_parts()]
    assert parts == ["text/plain", "text/html"], parts
    for p in m.iter_parts():
        assert p.get_content_charset() == "utf-8"
    for h in ("From", "To", "Date", "Message-ID", "Subject", "List-Id",
              "List-Unsubscribe", "List-Unsubscribe-Post"):
        assert m[h], (f, h)
    assert m["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    lu = m["List-Unsubscribe"]
    assert re.search(r"<http://127\.0\.0\.1:8080/unsubscribe\?t=[A-Za-z0-9_.-]+>", lu), lu
    assert "<mailto:" in lu
    to = m["To"]
    text = m.get_body(("plain",)).get_content()
    html = m.get_body(("html",)).get_content()
    for body in (text, html, lu):
        assert to not in body, "address leaked into a link"
    assert "/preferences?t=" in text and "/unsubscribe?t=" in html
    assert re.match(r"<digest\.\d+\.2026\d{4}@news\.example>$", m["Message-ID"])
    # the subject went out RFC 2047 encoded (German umlaut)
    hdr = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
    msgs[to] = (m, text, html, hdr)
ann, bob = msgs["ann@example.org"], msgs["bob@example.org"]
assert b"=?utf-8?" in ann[3].lower() or b"=?UTF-8?" in ann[3], ann[3]
assert ann[0]["Subject"] == "Climate und 1 weitere: Ihr Daily Digest, 29. März 2026", ann[0]["Subject"]
# grouping: ann and bob share the body except their own links
strip = lambda s: re.sub(r"t=[A-Za-z0-9_.-]+", "t=X", s)
assert strip(ann[1]) == strip(bob[1]) and strip(ann[2]) == strip(bob[2])
assert ann[1] != bob[1]
# cap: 5 of 7 climate items, then "and 2 more" linking to the topic
assert ann[1].count("Heat record number") == 5, ann[1]
assert "Und 2 weitere zu Climate: http://127.0.0.1:8080/topics/climate" in ann[1]
assert "Heat record number 7" in ann[1] and "Heat record number 1" not in ann[1]
# headline text is escaped in HTML, kept as text in the plain part
assert "&quot;fast&quot; &amp; cheap" in ann[2], ann[2]
assert '"fast" & cheap' in ann[1]
assert "über alles" in ann[1]
cy = msgs["cy@example.org"]
assert cy[0]["Subject"].startswith("Climate: your Daily Digest, 29 March 2026"), cy[0]["Subject"]
PYEOF

# 4xx is retried after its backoff with the same Message-ID; 5xx stays failed
check "retry row waits, failed row has the reason" $PY -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = dict(db.execute("select r.email, d.status || \"|\" || coalesce(d.error, \"\") from deliveries d join readers r on r.id = d.reader_id"))
assert rows["tmp@temp.example"].startswith("retry|451"), rows
assert rows["bad@perm.example"].startswith("failed|550 5.1.1 no such user"), rows' "$NEWSDESK_DB"
expect_exit 0 "show a failed reader" "$ND" subscribers show bad@perm.example
check "show names the failure" contains "$T/out" "failed"

# kill -9 in the middle of sending, then run again: every reader gets
# exactly one digest (copies share a Message-ID). At 02:00Z it is 07:30
# in Kolkata (+05:30) and 22:00 on the 28th in New York (cy's digest
# for the 28th goes out too).
kill "$SINK_PID"
for i in 1 2 3 4 5 6; do sub "k$i@example.org" --topic climate --tz Asia/Kolkata --hour 7 --confirmed; done
sink "$T/slow" 0.4
"$ND" digest --at 2026-03-29T02:00Z --deliver "smtp://127.0.0.1:$SPORT" --connections 1 >/dev/null 2>&1 &
DPID=$!
sleep 1.2
kill -9 $DPID 2>/dev/null
wait $DPID 2>/dev/null
got=$(ls "$T/slow" | grep -c eml)
check "the kill came mid-run ($got of 7 sent)" test "$got" -lt 7
expect_exit 0 "second run resends the abandoned claims" "$ND" digest --at 2026-03-29T02:00Z --deliver "smtp://127.0.0.1:$SPORT" --stale 0
check "every Kolkata reader has exactly one digest id" $PY - "$T/slow" <<'PYEOF'
import email, glob, sys
from email import policy
ids = {}
for f in glob.glob(sys.argv[1] + "/*.eml"):
    m = email.message_from_bytes(open(f, "rb").read(), policy=policy.default)
    if m["To"].startswith("k"):
        ids.setdefault(m["To"], set()).add(m["Message-ID"])
want = {"k%d@example.org" % i for i in range(1, 7)}
assert set(ids) == want, ids
assert all(len(v) == 1 for v in ids.values()), ids
PYEOF
expect_exit 0 "third run sends nothing" "$ND" digest --at 2026-03-29T02:00Z --deliver "smtp://127.0.0.1:$SPORT" --stale 0
check "third run: built 0" contains "$T/out" "built 0"

# Maildir delivery of digests and the dry run
expect_exit 0 "dry run builds without sending" "$ND" digest --at 2026-03-30T06:00Z --dry-run --send-empty
check "dry run built something" $PY -c 'import sys,re; assert int(re.search(r"built (\d+)", open(sys.argv[1]).read()).group(1)) > 0' "$T/out"
done_testing
