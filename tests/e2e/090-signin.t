# signin: sign-in by email link through the real server and a Maildir
# (the mail parsed with Python's email package), the link working once,
# forged and expired links, sign-out, open-redirect attempts, Save and
# unsave without JavaScript and as JSON, /saved, CSRF, and /admin (403
# for a reader, moderation for an admin). No page or JSON answer may
# carry an email address.
. tests/e2e/lib.sh
. tests/e2e/lib_site.sh

site_load
site_serve --from desk@example.net
ADDR=reader.one@example.org
touch "$T/seen"
location() { sed -n 's/^Location: *//Ip' "$T/headers" | tr -d '\r'; }
# keep BODY: remember every page and JSON answer for the address check
keep() { cat "$T/body" >> "$T/seen"; }
# fresh JAR [PATH]: load a page with the jar; sets CSRF.
fresh() {
	curl -s -c "$1" -b "$1" "$BASE${2:-/}" > "$T/page"
	cat "$T/page" >> "$T/seen"
	CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
}
# link: the sign-in link of the newest message in the Maildir, checked
# as a real MIME message (From, To, Subject, a text and an HTML part).
link() {
	wait_outbox
	"$PY" - "$T/mail" "$1" <<'PYEOF'
import email, email.policy, os, re, sys
d = os.path.join(sys.argv[1], "new")
files = sorted((os.path.getmtime(os.path.join(d, f)), f) for f in os.listdir(d))
m = email.message_from_binary_file(open(os.path.join(d, files[-1][1]), "rb"),
    policy=email.policy.default)
assert m["To"].addresses[0].addr_spec == sys.argv[2], m["To"]
assert "desk@example.net" in str(m["From"])
assert m["Subject"]
text = m.get_body(("plain",)).get_content()
assert m.get_body(("html",)) is not None
print(re.search(r"(http://\S+/signin/confirm\?t=[A-Za-z0-9_.-]+)", text).group(1))
PYEOF
}
nmail() { wait_outbox; ls "$T/mail/new" 2>/dev/null | wc -l; }

# the form
check "/signin answers 200" test "$(code "$BASE/signin")" = 200
check "/signin is valid HTML5" html_valid "$T/body"
check "/signin has a labelled email field" grep -q '<label for="signin-email">' "$T/body"
check "signed out, the header offers Sign in" grep -q 'href="/signin"' "$T/body"
fresh "$T/jar" /signin
check "sign-in without CSRF is 403" test "$(code -d "email=$ADDR" "$BASE/signin")" = 403
check "a bad address gets the form again" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d email=nope "$BASE/signin")" = 200
check "... with a message" grep -q 'field-error' "$T/body"
check "... and no mail" test "$(nmail)" = 0

# request a link, with a next path
check "sign-in request is 200" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" --data-urlencode "email=$ADDR" --data-urlencode "next=/articles/1" "$BASE/signin")" = 200
keep
check "the page says check your email" grep -q 'Check your email' "$T/body"
check "one mail went out" test "$(nmail)" = 1
L=$(link "$ADDR")
check "the mail holds a sign-in link" test -n "$L"
check "the reader was created" test "$(sqlite3 "$NEWSDESK_DB" "SELECT count(*) FROM readers WHERE email = '$ADDR'")" = 1
# an unknown and a known address read the same
code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d "email=other@example.org" "$BASE/signin" >/dev/null
cp "$T/body" "$T/unknown"
code -b "$T/jar" --data-urlencode "csrf=$CSRF" --data-urlencode "email=$ADDR" "$BASE/signin" >/dev/null
check "known and unknown addresses get the same page" cmp -s "$T/body" "$T/unknown"

# limits: 3 mails an hour per address (the page reads the same), 20
# requests an hour per client address (then 429)
before=$(nmail)
for i in 1 2 3 4; do
	code -b "$T/jar" -H "X-Forwarded-For: 192.0.2.$i" --data-urlencode "csrf=$CSRF" -d email=limit@example.org "$BASE/signin" >/dev/null
	cp "$T/body" "$T/limit$i"
done
check "at most 3 mails an hour go to one address" test "$(($(nmail) - before))" = 3
check "... and the 4th answer reads the same" cmp -s "$T/limit1" "$T/limit4"
i=0
while [ $i -lt 20 ]; do
	code -b "$T/jar" -H "X-Forwarded-For: 198.51.100.99" --data-urlencode "csrf=$CSRF" -d email=nope "$BASE/signin" >/dev/null
	i=$((i + 1))
done
check "the 21st request from one client address is 429" test "$(code -b "$T/jar" -H "X-Forwarded-For: 198.51.100.99" --data-urlencode "csrf=$CSRF" -d email=ip@example.org "$BASE/signin")" = 429
check "other clients still get through" test "$(code -b "$T/jar" -H "X-Forwarded-For: 198.51.100.100" --data-urlencode "csrf=$CSRF" -d email=nope "$BASE/signin")" = 200

# the mail is in the reader's UI language
code -b "$T/jar" -b lang=de -H "X-Forwarded-For: 192.0.2.50" --data-urlencode "csrf=$CSRF" -d email=leser@example.de "$BASE/signin" >/dev/null
check "German UI: the page is German" grep -q 'Schau in dein Postfach' "$T/body"
wait_outbox
check "German UI: the mail is German" sh -c "grep -rl 'Anmeldelink' '$T/mail/new' | grep -q ."

# follow the link
check "the link signs in (303)" test "$(code -c "$T/jar" -b "$T/jar" "$L")" = 303
check "... back to the next path" test "$(location)" = /articles/1
check "... with an HttpOnly SameSite=Lax session cookie" sh -c "grep -i '^Set-Cookie: nd_session=' '$T/headers' | grep -i 'HttpOnly' | grep -qi 'SameSite=Lax'"
check "the link works once only" test "$(code -c "$T/jar2" "$L")" = 400
keep
check "... with a page saying so" grep -q 'Request a new sign-in link' "$T/body"
code -b "$T/jar" -H "X-Forwarded-For: 192.0.2.60" --data-urlencode "csrf=$CSRF" -d email=tls@example.org "$BASE/signin" >/dev/null
code -H 'X-Forwarded-Proto: https' "$(link tls@example.org)" >/dev/null
check "behind TLS the session cookie is Secure" sh -c "grep -i '^Set-Cookie: nd_session=' '$T/headers' | grep -qi '; Secure'"
check "a forged link fails" test "$(code "${L}x")" = 400
check "a tampered link fails" test "$(code "$(printf '%s' "$L" | sed 's/t=./t=A/')")" = 400
check "a link without a token is 400" test "$(code "$BASE/signin/confirm")" = 400
fresh "$T/jar" /articles/1
check "signed in, the header offers Saved and Sign out" grep -q 'action="/signout"' "$T/page"
check "the article shows Save" grep -q '<input type="hidden" name="action" value="save">' "$T/page"

# expired link: signed with the store's secret, expiry in the past
SECRET=$(sqlite3 "$NEWSDESK_DB" "SELECT hex(value) FROM settings WHERE name = 'secret'" 2>/dev/null)
RID=$(sqlite3 "$NEWSDESK_DB" "SELECT id FROM readers WHERE email = '$ADDR'")
# mint EXPIRES NONCE: a sign-in token as the server makes them
mint() {
	"$PY" - "$SECRET" "$RID" "$1" "$2" <<'PYEOF'
import base64, hashlib, hmac, sys
b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=").decode()
p = ("signin|%s|%s|%s|/saved" % (sys.argv[3], sys.argv[2], sys.argv[4])).encode()
print(b(p) + "." + b(hmac.new(bytes.fromhex(sys.argv[1]), p, hashlib.sha256).digest()))
PYEOF
}
check "the store secret is readable" test -n "$SECRET"
check "an expired link fails" test "$(code "$BASE/signin/confirm?t=$(mint 1000000000 00112233445566778899aabbccddeeff)")" = 400
check "the same link, not expired, works (so only the date failed)" test "$(code "$BASE/signin/confirm?t=$(mint $(($(date +%s) + 600)) 00112233445566778899aabbccddeeff)")" = 303
check "... to its next path" test "$(location)" = /saved

# next paths that leave the site are never followed
for n in //evil.example/x 'https://evil.example/' '/\evil.example'; do
	code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d "email=next@example.org" --data-urlencode "next=$n" "$BASE/signin" >/dev/null
	NL=$(link next@example.org)
	code -c "$T/jar3" "$NL" >/dev/null
	check "next=$n is not followed" test "$(location)" = /
done

# save and unsave without JavaScript
check "save without CSRF is 403" test "$(code -b "$T/jar" -d article=1 "$BASE/saved")" = 403
check "save is 303" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d article=1 -d action=save "$BASE/saved")" = 303
check "... back to the article" sh -c "sed -n 's/^Location: *//Ip' '$T/headers' | grep -q '^/articles/1'"
fresh "$T/jar" /articles/1
check "the article now shows Remove from saved" grep -q 'Remove from saved</button>' "$T/page"
check "the article page is valid HTML5" html_valid "$T/page"
code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d article=2 "$BASE/saved" >/dev/null
check "/saved answers 200" test "$(code -b "$T/jar" "$BASE/saved")" = 200
keep
check "/saved is valid HTML5" html_valid "$T/body"
check "/saved lists both" test "$(grep -c '<li class="story"' "$T/body")" = 2
check "/saved lists the newest saved first" sh -c "grep -o 'href=\"/articles/[0-9]*' '$T/body' | head -n 1 | grep -q '/articles/2$'"
check "unsave is 303" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d article=2 -d action=unsave "$BASE/saved")" = 303
code -b "$T/jar" "$BASE/saved" >/dev/null
check "/saved lists one after unsave" test "$(grep -c '<li class="story"' "$T/body")" = 1
check "/saved's own buttons come back to /saved" grep -q 'name="back" value="saved"' "$T/body"
check "... and the POST does" sh -c "curl -s -o /dev/null -D - -b '$T/jar' --data-urlencode 'csrf=$CSRF' -d article=1 -d action=save -d back=saved '$BASE/saved' | grep -qi '^Location: /saved'"
check "saving a missing article is 404" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d article=999 "$BASE/saved")" = 404
check "a bad action is 400" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d article=1 -d action=drop "$BASE/saved")" = 400
# JSON (the site script)
check "JSON unsave is 200" test "$(code -b "$T/jar" -H 'Accept: application/json' --data-urlencode "csrf=$CSRF" -d article=1 -d action=unsave "$BASE/saved")" = 200
keep
check "... saying saved false" "$PY" -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["saved"] is False and j["label"]' "$T/body"
check "JSON save says saved true" sh -c "curl -s -b '$T/jar' -H 'Accept: application/json' --data-urlencode 'csrf=$CSRF' -d article=1 '$BASE/saved' | grep -q '\"saved\":true'"

# signed out
MINE=$CSRF
fresh "$T/anon" /articles/1
check "signed out, save goes to sign-in" test "$(code -b "$T/anon" --data-urlencode "csrf=$CSRF" -d article=1 "$BASE/saved")" = 303
check "... with next= the article" sh -c "sed -n 's/^Location: *//Ip' '$T/headers' | grep -q '^/signin?next=%2Farticles%2F1'"
check "signed out, /saved goes to sign-in" test "$(code "$BASE/saved")" = 303
check "signed out, JSON save is 401" test "$(code -b "$T/anon" -H 'Accept: application/json' --data-urlencode "csrf=$CSRF" -d article=1 "$BASE/saved")" = 401

CSRF=$MINE

# admin
check "signed out, /admin goes to sign-in" test "$(code "$BASE/admin")" = 303
check "a reader gets 403 on /admin" test "$(code -b "$T/jar" "$BASE/admin")" = 403
keep
curl -s -c "$T/cj" -b "$T/cj" "$BASE/articles/1" > "$T/page"
CC=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
FT=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
code -b "$T/cj" -H "X-Forwarded-For: 198.51.100.7" --data-urlencode "csrf=$CC" \
    --data-urlencode "form_token=$FT" -d name=Pending+Pat \
    -d email=pat.commenter@example.org -d comment=Waiting+for+a+moderator+please \
    "$BASE/articles/1/comments" >/dev/null
CID=$(sqlite3 "$NEWSDESK_DB" "SELECT id FROM comments WHERE name = 'Pending Pat'")
check "a pending comment exists" test -n "$CID"
check "a reader cannot moderate" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d action=approve "$BASE/admin/comments/$CID")" = 403
expect_exit 0 "newsdesk admin add" "$ND" admin add "$ADDR"
check "admin list names the admin" contains "$T/out" "$(printf '%s' "$ADDR" | tr A-Z a-z)"
check "the admin gets /admin" test "$(code -b "$T/jar" "$BASE/admin")" = 200
keep
check "/admin is valid HTML5" html_valid "$T/body"
check "/admin lists the pending comment" grep -q 'Waiting for a moderator please' "$T/body"
check "the header links to Admin" grep -q 'href="/admin"' "$T/body"
check "approve without CSRF is 403" test "$(code -b "$T/jar" -d action=approve "$BASE/admin/comments/$CID")" = 403
check "approve is 303 to /admin" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d action=approve "$BASE/admin/comments/$CID")" = 303
check "the comment is approved" test "$(sqlite3 "$NEWSDESK_DB" "SELECT status FROM comments WHERE id = $CID")" = approved
code "$BASE/articles/1" >/dev/null
keep
check "the comment is published on the article" grep -q 'Waiting for a moderator please' "$T/body"
check "moderating a missing comment is 404" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d action=delete "$BASE/admin/comments/99999")" = 404
check "an unknown action is 400" test "$(code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d action=burn "$BASE/admin/comments/$CID")" = 400

# sign out
check "sign-out without CSRF is 403" test "$(code -b "$T/jar" -d x=1 "$BASE/signout")" = 403
check "sign-out is 303" test "$(code -b "$T/jar" -c "$T/jar" --data-urlencode "csrf=$CSRF" "$BASE/signout")" = 303
check "... clearing the session cookie" grep -qi '^Set-Cookie: nd_session=;' "$T/headers"
check "signed out again, /saved goes to sign-in" test "$(code -b "$T/jar" "$BASE/saved")" = 303

# a session whose reader was removed counts as signed out
code -b "$T/jar" --data-urlencode "csrf=$CSRF" -d email=gone@example.org -H "X-Forwarded-For: 192.0.2.70" "$BASE/signin" >/dev/null
code -c "$T/gone" "$(link gone@example.org)" >/dev/null
check "a new reader is signed in" test "$(code -b "$T/gone" "$BASE/saved")" = 200
"$ND" --quiet subscribers rm gone@example.org
check "... and signed out once removed" test "$(code -b "$T/gone" "$BASE/saved")" = 303

# the API and JSON answers carry no address either
for u in /api/v1/articles /api/v1/articles/1 "/api/v1/search?q=trains"; do
	code "$BASE$u" >/dev/null
	keep
done

# no address anywhere
check "no page or JSON answer holds an email address" sh -c "! grep -qi -e '$ADDR' -e 'pat.commenter@' -e 'other@example' -e 'leser@' -e 'limit@' '$T/seen'"
check "... nor anything that looks like one" sh -c "! grep -qiE '[a-z0-9.]+@(example|browser)' '$T/seen'"
check "nothing above crashed the server" curl -sf -o /dev/null "$BASE/healthz"
[ "$FAIL" -eq 0 ]
