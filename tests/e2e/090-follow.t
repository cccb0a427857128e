# Following on the web: the follow box on an article page with a real
# CSRF token, the confirmation mail (Maildir, parsed with Python's email
# package), /confirm, a signed-out follow from a confirmed address,
# bad addresses (en/de), the rate limit, /preferences from the signed
# link, the RFC 8058 one-click unsubscribe exactly as a mail client
# sends it, and that no page ever shows the address.
. tests/e2e/lib.sh
. tests/e2e/lib_site.sh

site_load
SERVE_ARGS="--deliver maildir:$T/mail --no-digest"
check "server starts" serve_start
mkdir -p "$T/pages"
N=0
# page ARGS...: like code, and keep every body for the address check.
page() {
	N=$((N + 1))
	c=$(code "$@")
	cp "$T/body" "$T/pages/$N.html"
	echo "$c"
}
# status_has GOT WANT TEXT: the status was WANT and the last body has TEXT
status_has() { test "$1" = "$2" && grep -q -- "$3" "$T/body"; }
# json_has EXPR TEXT: the last body, as JSON, has TEXT at EXPR
json_has() { json "$T/body" "$1" | grep -q -- "$2"; }
# mails: number of messages in the Maildir
mails() { wait_outbox; ls "$T/mail/new" 2>/dev/null | wc -l; }
# link PATH: the first link to PATH in the newest message's text part
link() {
	wait_outbox
	$PY -c '
import email, glob, os, re, sys
from email import policy
f = max(glob.glob(sys.argv[1] + "/new/*"), key=os.path.getmtime)
m = email.message_from_bytes(open(f, "rb").read(), policy=policy.default)
t = m.get_body(("plain",)).get_content()
print(re.search(r"http://\S+" + sys.argv[2] + r"\?t=[A-Za-z0-9_.-]+", t).group(0))' "$T/mail" "$1"
}

# the follow box on an article page, with the page's CSRF token
check "article page" test "$(page -c "$T/jar" -b "$T/jar" "$BASE/articles/1")" = 200
CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/body" | head -n 1)
TOPIC=$(sed -n 's/.*name="topic" value="\([a-z0-9-]*\)".*/\1/p' "$T/body" | head -n 1)
check "the article has a follow box posting to /follow" grep -q 'action="/follow"' "$T/body"
check "follow box names a topic" test -n "$TOPIC"
OTHER=$(cut -f1 samples/topics.tsv | grep -vx "$TOPIC" | head -n 1)
follow() {	# follow EMAIL TOPIC [curl args]
	e=$1 t=$2
	shift 2
	page -b "$T/jar" --data-urlencode "csrf=$CSRF" --data-urlencode "email=$e" -d "topic=$t" "$@" "$BASE/follow"
}
check "follow answers 303" test "$(follow ann@example.org "$TOPIC")" = 303
check "to the check-your-email notice" grep -qi '^Location: /follow?done=sent' "$T/headers"
check "the notice says check your email" sh -c 'test "$(curl -s -o "$0/b" -w "%{http_code}" "$1/follow?done=sent")" = 200 && grep -q "Check your email to confirm" "$0/b"' "$T" "$BASE"
check "one confirmation mail" test "$(mails)" -eq 1
check "confirmation mail is well formed" $PY -c '
import email, glob, sys
from email import policy
m = email.message_from_bytes(open(glob.glob(sys.argv[1] + "/new/*")[0], "rb").read(), policy=policy.default)
assert m["To"] == "ann@example.org", m["To"]
t = m.get_body(("plain",)).get_content()
link = [w for w in t.split() if "/confirm?t=" in w][0]
assert link.startswith(sys.argv[2] + "/confirm?t="), link
assert "ann" not in link.split("?t=")[1], link' "$T/mail" "$BASE"
check "reader is unconfirmed" sh -c '"$0" subscribers show ann@example.org | grep -q unconfirmed' "$ND"
CONFIRM=$(link /confirm)
check "confirm link answers 200" test "$(page "$CONFIRM")" = 200
NAME=$(awk -F'\t' -v s="$TOPIC" '$1 == s {print $2}' samples/topics.tsv)
check "confirm page names the topic" grep -q "You now get the Daily Digest for $NAME" "$T/body"
PREFS=$(grep -o '/preferences?t=[A-Za-z0-9_.-]*' "$T/body" | head -n 1)
check "confirm page links to the preferences" test -n "$PREFS"
check "reader is confirmed and follows the topic" sh -c '"$0" subscribers show ann@example.org | grep -q "confirmed.*$1"' "$ND" "$TOPIC"
check "a bad confirm token is 400" test "$(page "$BASE/confirm?t=x${CONFIRM##*t=}")" = 400

# a known address gets the same answer as a new one, and signed out a
# second topic needs the link again
follow ann@example.org "$OTHER" >/dev/null
cp "$T/headers" "$T/h-known"
follow new@example.org "$OTHER" >/dev/null
check "known and new addresses get the same answer" sh -c 'grep -i "^Location" "$0" >"$0.l"; grep -i "^Location" "$1" | cmp -s - "$0.l"' "$T/h-known" "$T/headers"
check "signed-out follow of another topic sends a link" test "$(mails)" -eq 3
check "and adds nothing before the link" sh -c '! "$0" subscribers show ann@example.org | grep -q "$1"' "$ND" "$OTHER"

# bad input: the form again with the message beside the field
check "bad address is the form again" test "$(follow 'a@@b' "$TOPIC")" = 200
check "English message beside the field" grep -q 'id="follow-email-error">Enter a valid email address' "$T/body"
check "the field is marked invalid" grep -q 'aria-invalid="true" aria-describedby="follow-email-error"' "$T/body"
check "bad address page is valid HTML" html_valid "$T/body"
c=$(follow "x y@z" "$TOPIC" -H "Accept-Language: de")
check "German message" status_has "$c" 200 "Geben Sie eine gültige E-Mail-Adresse ein"
c=$(follow "" "$TOPIC")
check "empty address" status_has "$c" 200 "Enter your email address"
c=$(follow b@example.org nosuch)
check "unknown topic" status_has "$c" 200 "Choose a topic"
check "JSON answer for the script is 422" test "$(follow nope "$TOPIC" -H 'Accept: application/json')" = 422
check "JSON names the field" json_has 'j["fields"]["email"]' "valid email"
check "no CSRF token is 403" test "$(page -d "topic=$TOPIC&email=c@example.org" "$BASE/follow")" = 403
check "no mail for bad input" test "$(mails)" -eq 3
check "the plain /follow page" sh -c 'test "$(curl -s -o "$0/b" -w "%{http_code}" "$1/follow?topic=$2")" = 200 && grep -q "<option value=\"$2\" selected>" "$0/b"' "$T" "$BASE" "$TOPIC"
check "/follow page is valid HTML" html_valid "$T/b"

# preferences from the signed link
check "preferences page" test "$(page -c "$T/jar2" -b "$T/jar2" "$BASE$PREFS")" = 200
check "preferences page is valid HTML" html_valid "$T/body"
check "the followed topic is checked" grep -q "value=\"$TOPIC\" checked" "$T/body"
check "default hour is 07:00" grep -q '<option value="7" selected>07:00' "$T/body"
check "the server default zone is marked for the browser" grep -q 'value="UTC" data-tz-default' "$T/body"
PCSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/body" | head -n 1)
PT=${PREFS#*t=}
prefs() { page -b "$T/jar2" --data-urlencode "csrf=$PCSRF" --data-urlencode "t=$PT" "$@" "$BASE/preferences"; }
check "save answers 303" test "$(prefs -d "topic=$OTHER&topic=$TOPIC&hour=6&tz=Asia/Kolkata&lang=de&paused=1&action=save")" = 303
check "reader has the new settings" sh -c '"$0" subscribers show ann@example.org | grep -q "	de	Asia/Kolkata	06:00	paused	"' "$ND"
follow ann@example.org "$TOPIC" -H "Accept-Language: en" >/dev/null
check "someone else's follow request keeps ann's settings" sh -c '"$0" subscribers show ann@example.org | grep -q "	de	Asia/Kolkata	06:00	paused	"' "$ND"
check "and both topics" sh -c '"$0" subscribers show ann@example.org | grep -q "$1" && "$0" subscribers show ann@example.org | grep -q "$2"' "$ND" "$TOPIC" "$OTHER"
check "saved page says so" sh -c 'test "$(curl -s -b "$0/jar2" -o "$0/b" -w "%{http_code}" "$1/preferences?saved=1&t=$2")" = 200 && grep -q "Your preferences were saved" "$0/b"' "$T" "$BASE" "$PT"
c=$(prefs -d "hour=6&tz=Mars/Base&lang=en")
check "an unknown zone is refused beside the field" status_has "$c" 200 prefs-tz-error
check "and changes nothing" sh -c '"$0" subscribers show ann@example.org | grep -q Asia/Kolkata' "$ND"
check "unpause, hour 0, UTC, one topic" test "$(prefs -d "topic=$TOPIC&hour=0&tz=UTC&lang=en&action=save")" = 303
check "reader has them" sh -c '"$0" subscribers show ann@example.org | grep -q "	en	UTC	00:00	confirmed	$1\$"' "$ND" "$TOPIC"
check "preferences without token or sign-in is 403" test "$(page "$BASE/preferences")" = 403
check "preferences with a forged token is 400" test "$(page "$BASE/preferences?t=x$PT")" = 400
check "preferences POST without CSRF is 403" test "$(page --data-urlencode "t=$PT" -d "hour=1&tz=UTC" "$BASE/preferences")" = 403

# a digest (sent empty, the samples are old) carries the unsubscribe link
expect_exit 0 "digest sends to ann" "$ND" digest --send-empty --deliver "maildir:$T/dmail" --base-url "$BASE"
UNSUB=$($PY -c '
import email, glob, sys
from email import policy
ms = [email.message_from_bytes(open(f, "rb").read(), policy=policy.default) for f in glob.glob(sys.argv[1] + "/new/*")]
m = [m for m in ms if m["To"] == "ann@example.org"][0]
assert m["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
print([u.strip("<> ") for u in m["List-Unsubscribe"].split(",") if "/unsubscribe?t=" in u][0])' "$T/dmail")
check "digest has an https-style unsubscribe link" test -n "$UNSUB"
check "GET of the unsubscribe link shows a button" test "$(page "$UNSUB")" = 200
check "the button posts one-click" grep -q 'name="List-Unsubscribe" value="One-Click"' "$T/body"
check "unsubscribe page is valid HTML" html_valid "$T/body"
check "a GET changes nothing" sh -c '"$0" subscribers show ann@example.org | grep -q confirmed' "$ND"
check "a forged token is refused" test "$(curl -s -o /dev/null -w '%{http_code}' -X POST -d List-Unsubscribe=One-Click "${UNSUB}x")" = 400
check "the reader is still there" sh -c '"$0" subscribers show ann@example.org | grep -q confirmed' "$ND"
check "one-click POST as a mail client sends it is 200" test "$(curl -s -o "$T/body" -w '%{http_code}' -X POST -d List-Unsubscribe=One-Click "$UNSUB")" = 200
cp "$T/body" "$T/pages/unsub.html"
check "the reader is gone" sh -c '! "$0" subscribers show ann@example.org' "$ND"
check "posting again is still 200" test "$(curl -s -o /dev/null -w '%{http_code}' -X POST -d List-Unsubscribe=One-Click "$UNSUB")" = 200
before=$(ls "$T/dmail/new" | wc -l)
"$ND" --quiet digest --send-empty --deliver "maildir:$T/dmail" --base-url "$BASE" >/dev/null 2>&1
check "no more digests for ann" $PY -c '
import email, glob, sys
from email import policy
ms = [email.message_from_bytes(open(f, "rb").read(), policy=policy.default) for f in glob.glob(sys.argv[1] + "/new/*")]
assert sum(m["To"] == "ann@example.org" for m in ms) == 1' "$T/dmail"

# rate limits: per address (3 an hour; ann had 3), then per IP (10)
check "a 4th request for one address is limited (429)" test "$(follow ann@example.org "$TOPIC" -H 'Accept: application/json')" = 429
c=$(follow ann@example.org "$TOPIC")
check "without JavaScript: the form with the message" status_has "$c" 200 "Too many requests"
i=0 limited=0
while [ $i -lt 12 ]; do
	c=$(follow "flood$i@example.net" "$TOPIC" -H 'Accept: application/json')
	[ "$c" = 429 ] && limited=1
	i=$((i + 1))
done
check "a flood from one IP is limited (429)" test "$limited" -eq 1
check "with a message" json_has 'j["message"]' "Too many requests"
check "no page says which addresses were known" sh -c '! grep -l "example\.org\|example\.net" "$0"/pages/*' "$T"

done_testing
