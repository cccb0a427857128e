# commentmail: the two mails of reader comments through the real server
# and a Maildir (parsed with Python's email package) - the author's
# 15-minute edit/delete link (edit, delete, forged and expired links,
# CSRF) and reply notifications (only to an author who opted in, never
# to the replier, with a one-click opt-out that RFC 8058 clients can
# post and after which nothing is sent). No page holds an address.
. tests/e2e/lib.sh
. tests/e2e/lib_site.sh

site_load
site_serve --moderation none --from desk@example.net --no-digest
ART="$BASE/articles/1"
q() { sqlite3 "$NEWSDESK_DB" "$1"; }
touch "$T/seen"
keep() { cat "$T/body" >> "$T/seen"; }
# fresh [QUERY]: the article page with the jar; sets CSRF and FT.
fresh() {
	curl -s -c "$T/jar" -b "$T/jar" "$ART${1:-}" > "$T/page"
	cat "$T/page" >> "$T/seen"
	CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
	FT=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
}
# post IP CURL-ARGS...: post the comment form from IP; prints the status.
post() {
	ip=$1
	shift
	code -b "$T/jar" -H "X-Forwarded-For: $ip" --data-urlencode "csrf=$CSRF" \
	    --data-urlencode "form_token=$FT" "$@" "$ART/comments"
	keep
}
# mails ADDR [SUBJECT]: how many messages went to ADDR (with SUBJECT).
# mail ADDR FIELD: FIELD of the newest message to ADDR, checked as a
# real MIME message: subject, edit, optout, link (the comment
# permalink), lu / lup (List-Unsubscribe / -Post), text.
mailpy() {
	wait_outbox
	"$PY" - "$T/mail" "$@" <<'PYEOF'
import email, email.policy, os, re, sys
d = os.path.join(sys.argv[1], "new")
msgs = []
for f in sorted(os.listdir(d) if os.path.isdir(d) else [],
        key=lambda f: os.path.getmtime(os.path.join(d, f))):
    m = email.message_from_binary_file(open(os.path.join(d, f), "rb"),
        policy=email.policy.default)
    if m["To"].addresses[0].addr_spec == sys.argv[3]:
        msgs.append(m)
if sys.argv[2] == "count":
    want = sys.argv[4] if len(sys.argv) > 4 else None
    print(len([m for m in msgs if want is None or m["Subject"] == want]))
    sys.exit(0)
m = msgs[-1]
assert "desk@example.net" in str(m["From"])
assert m.get_body(("html",)) is not None
text = m.get_body(("plain",)).get_content()
def find(pat):
    r = re.search(pat, text)
    return r.group(1) if r else ""
print({"subject": str(m["Subject"]), "text": text,
    "edit": find(r"(http://\S+/comments/edit\?t=[A-Za-z0-9_.-]+)"),
    "optout": find(r"(http://\S+/comments/optout\?t=[A-Za-z0-9_.-]+)"),
    "signin": find(r"(http://\S+/signin/confirm\?t=[A-Za-z0-9_.-]+)"),
    "link": find(r"(http://\S+/articles/\d+#comment-\d+)"),
    "lu": str(m["List-Unsubscribe"] or ""),
    "lup": str(m["List-Unsubscribe-Post"] or "")}[sys.argv[2]])
PYEOF
}
mails() { mailpy count "$@"; }
mail() { mailpy "$2" "$1"; }
REPLY_SUBJ="New reply to your comment"
ANN=ann.author@mail.test

# the form offers the reply mails, unticked
fresh
check "the form has the reply-mail box" contains "$T/page" '<input id="c-notify" name="notify" type="checkbox" value="1"> <label for="c-notify">Email me when someone replies</label>'
check "the page with the box is valid HTML5" html_valid "$T/page"

# a comment with the box ticked: stored with the flag, the edit mail
check "Ann's comment is stored (303)" test "$(post 198.51.100.1 -d name=Ann --data-urlencode "email=$ANN" -d notify=1 -d "comment=First thoughts on the trains")" = 303
A=$(q "SELECT id FROM comments WHERE name = 'Ann'")
check "... with notify_replies set" test "$(q "SELECT notify_replies FROM comments WHERE id = $A")" = 1
check "one mail went to Ann" test "$(mails "$ANN")" = 1
check "... the edit mail" test "$(mail "$ANN" subject)" = "Edit or delete your comment"
E=$(mail "$ANN" edit)
check "... with an edit link" test -n "$E"
check "... saying 15 minutes" sh -c 'printf "%s" "$1" | grep -q "15 minutes"' _ "$(mail "$ANN" text)"

# the edit page: the text in a form with CSRF, Save and Delete
check "the edit link answers 200" test "$(code -c "$T/ej" -b "$T/ej" "$E")" = 200
keep
check "... showing the text" contains "$T/body" '>First thoughts on the trains</textarea>'
check "... with Save and Delete" sh -c "grep -q 'value=\"save\">Save changes</button>' '$T/body' && grep -q 'value=\"delete\">Delete</button>' '$T/body'"
check "... and a CSRF field" contains "$T/body" 'name="csrf" value="'
check "the edit page is valid HTML5" html_valid "$T/body"
ECSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/body" | head -n 1)
ET=${E#*t=}
check "saving without CSRF is 403" test "$(code -b "$T/ej" --data-urlencode "t=$ET" -d action=save -d comment=x "$BASE/comments/edit")" = 403
check "saving is 200" test "$(code -b "$T/ej" --data-urlencode "csrf=$ECSRF" --data-urlencode "t=$ET" -d action=save --data-urlencode "comment=Second <b>thoughts</b>" "$BASE/comments/edit")" = 200
keep
check "... saying so" contains "$T/body" 'Your comment has been changed.'
check "the body changed in the store" test "$(q "SELECT body FROM comments WHERE id = $A")" = "Second <b>thoughts</b>"
code "$ART" >/dev/null
keep
check "the article shows the edit, escaped" contains "$T/body" 'Second &lt;b&gt;thoughts&lt;/b&gt;'
check "an empty edit is the form again" test "$(code -b "$T/ej" --data-urlencode "csrf=$ECSRF" --data-urlencode "t=$ET" -d action=save -d comment= "$BASE/comments/edit")" = 200
keep
check "... with the message beside the field" contains "$T/body" '<span class="field-error" id="edit-body-error">This field is required.</span>'
check "... and the body unchanged" test "$(q "SELECT body FROM comments WHERE id = $A")" = "Second <b>thoughts</b>"

# forged and expired links: 400 with a clear page
MAC=${ET#*.}
case $MAC in A*) R=B ;; *) R=A ;; esac
FORGED="${ET%%.*}.$R${MAC#?}"
check "a forged edit link is 400" test "$(code "$BASE/comments/edit?t=$FORGED")" = 400
check "... saying the link is not valid" contains "$T/body" 'This link is not valid or has expired.'
check "a forged token cannot save" test "$(code -b "$T/ej" --data-urlencode "csrf=$ECSRF" --data-urlencode "t=$FORGED" -d action=save -d comment=Hacked "$BASE/comments/edit")" = 400
# a correctly signed token whose 15 minutes are over
OLD=$("$PY" - "$NEWSDESK_DB" "$A" <<'PYEOF'
import base64, hashlib, hmac, sqlite3, sys
key = sqlite3.connect(sys.argv[1]).execute(
    "SELECT value FROM settings WHERE name = 'secret'").fetchone()[0]
b = lambda x: base64.urlsafe_b64encode(x).decode().rstrip("=")
p = ("comment-edit|1000|%s" % sys.argv[2]).encode()
print(b(p) + "." + b(hmac.new(key, p, hashlib.sha256).digest()))
PYEOF
)
check "an expired edit link is 400" test "$(code "$BASE/comments/edit?t=$OLD")" = 400
check "... saying the time ran out" contains "$T/body" 'The time to edit this comment has run out.'
check "an expired token cannot delete" test "$(code -b "$T/ej" --data-urlencode "csrf=$ECSRF" --data-urlencode "t=$OLD" -d action=delete "$BASE/comments/edit")" = 400
check "... and the comment stays" test "$(q "SELECT status FROM comments WHERE id = $A")" = approved

# a reply to Ann (who opted in): one mail to Ann
BOB=bob.replier@mail.test
fresh
check "Bob's reply is stored" test "$(post 198.51.100.2 -d name=Bob --data-urlencode "email=$BOB" -d parent=$A -d "comment=I disagree about the trains")" = 303
B=$(q "SELECT id FROM comments WHERE name = 'Bob'")
check "Ann got one reply mail" test "$(mails "$ANN" "$REPLY_SUBJ")" = 1
check "... naming Bob and quoting him" sh -c "printf '%s' \"\$1\" | grep -q 'Bob replied to your comment:' && printf '%s' \"\$1\" | grep -q '> I disagree about the trains'" _ "$(mail "$ANN" text)"
check "... linking to the reply" test "$(mail "$ANN" link)" = "$BASE/articles/1#comment-$B"
O=$(mail "$ANN" optout)
check "... with an opt-out link" test -n "$O"
check "... in List-Unsubscribe" test "$(mail "$ANN" lu)" = "<$O>"
check "... one-click (RFC 8058)" test "$(mail "$ANN" lup)" = "List-Unsubscribe=One-Click"
check "Bob got his edit mail only" test "$(mails "$BOB")" = 1

# no mail to the replier about their own reply, none to Bob (not opted in)
check "Ann replies to herself" test "$(post 198.51.100.3 -d name=Ann --data-urlencode "email=$ANN" -d parent=$A -d "comment=Answering myself")" = 303
check "... and gets no reply mail" test "$(mails "$ANN" "$REPLY_SUBJ")" = 1
check "Carol replies to Bob" test "$(post 198.51.100.4 -d name=Carol -d email=carol@mail.test -d parent=$B -d "comment=Bob is right")" = 303
check "... and Bob, who did not opt in, gets no reply mail" test "$(mails "$BOB" "$REPLY_SUBJ")" = 0

# the opt-out: GET shows a button, the one-click POST turns it off
check "the opt-out link answers 200" test "$(code "$O")" = 200
keep
check "... with a button" contains "$T/body" 'Stop these emails</button>'
check "... and changes nothing" test "$(q "SELECT notify_replies FROM comments WHERE id = $A")" = 1
check "a forged opt-out is 400" test "$(code -d List-Unsubscribe=One-Click "${O%?}x")" = 400
check "the one-click POST (no cookie, no CSRF) is 200" test "$(code -d List-Unsubscribe=One-Click "$O")" = 200
keep
check "... saying so" contains "$T/body" 'You will get no more emails about replies.'
check "... and every comment of Ann's address is off" test "$(q "SELECT count(*) FROM comments WHERE email = '$ANN' AND notify_replies = 1")" = 0
check "Dave replies to Ann" test "$(post 198.51.100.5 -d name=Dave -d email=dave@mail.test -d parent=$A -d "comment=Late to this")" = 303
check "... and Ann gets nothing more" test "$(mails "$ANN" "$REPLY_SUBJ")" = 1

# delete through the edit link; the link is spent afterwards
check "deleting is 200" test "$(code -b "$T/ej" --data-urlencode "csrf=$ECSRF" --data-urlencode "t=$ET" -d action=delete "$BASE/comments/edit")" = 200
keep
check "... saying so" contains "$T/body" 'Your comment has been deleted.'
check "the comment is deleted" test "$(q "SELECT status FROM comments WHERE id = $A")" = deleted
check "the edit link of a deleted comment is 400" test "$(code "$E")" = 400

# a reply held for moderation mails nobody until it is approved; the
# CLI approval mails through its own --deliver, once
GINA=gina.asks@mail.test
fresh
check "Gina's comment is stored" test "$(post 198.51.100.7 -d name=Gina --data-urlencode "email=$GINA" -d notify=1 -d "comment=Gina asks a question")" = 303
G=$(q "SELECT id FROM comments WHERE name = 'Gina'")
expect_exit 0 "a held reply from the CLI" "$ND" comments post --article 1 --name Hal --email hal@mail.test --text 'Hal answers Gina' --parent "$G" --moderation all --ip 198.51.100.8
H=$(q "SELECT id FROM comments WHERE name = 'Hal'")
check "... is pending" test "$(q "SELECT status FROM comments WHERE id = $H")" = pending
check "... and mails nobody yet" test "$(mails "$GINA" "$REPLY_SUBJ")" = 0
expect_exit 0 "approve from the CLI with --deliver" "$ND" comments approve "$H" --deliver "maildir:$T/mail" --from desk@example.net --base-url "$BASE"
check "... says it sent the reply mail" contains "$T/out" "comment $H: reply mail sent"
check "... and Gina got it" test "$(mails "$GINA" "$REPLY_SUBJ")" = 1
check "... linking to Hal's reply" test "$(mail "$GINA" link)" = "$BASE/articles/1#comment-$H"
expect_exit 0 "approving again" "$ND" comments approve "$H" --deliver "maildir:$T/mail" --from desk@example.net --base-url "$BASE"
check "... sends nothing more" test "$(mails "$GINA" "$REPLY_SUBJ")" = 1

# the same from /admin: an admin signs in by mail and approves
MOD=mod.erator@mail.test
expect_exit 0 "newsdesk admin add" "$ND" admin add "$MOD"
curl -s -c "$T/aj" -b "$T/aj" "$BASE/signin" > "$T/page"
ACSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page" | head -n 1)
code -b "$T/aj" -H "X-Forwarded-For: 198.51.100.9" --data-urlencode "csrf=$ACSRF" --data-urlencode "email=$MOD" "$BASE/signin" >/dev/null
code -b "$T/aj" -c "$T/aj" "$(mail "$MOD" signin)" >/dev/null
expect_exit 0 "another held reply to Gina" "$ND" comments post --article 1 --name Ivy --email ivy@mail.test --text 'Ivy answers too' --parent "$G" --moderation all --ip 198.51.100.10
I=$(q "SELECT id FROM comments WHERE name = 'Ivy'")
check "the admin approves it on /admin" test "$(code -b "$T/aj" --data-urlencode "csrf=$ACSRF" -d action=approve "$BASE/admin/comments/$I")" = 303
check "... and Gina got a second reply mail" test "$(mails "$GINA" "$REPLY_SUBJ")" = 2
check "... linking to Ivy's reply" test "$(mail "$GINA" link)" = "$BASE/articles/1#comment-$I"
code -b "$T/aj" --data-urlencode "csrf=$ACSRF" -d action=approve "$BASE/admin/comments/$I" >/dev/null
check "approving it again sends nothing" test "$(mails "$GINA" "$REPLY_SUBJ")" = 2
code -b "$T/aj" "$BASE/admin" >/dev/null
keep

# German: the box, the edit mail and the edit page
ERIKA=erika@mail.test
fresh "?lang=de"
check "German form: the reply-mail box" contains "$T/page" 'Benachrichtige mich bei Antworten'
check "a German comment is stored" test "$(post 198.51.100.6 -b lang=de -d name=Erika --data-urlencode "email=$ERIKA" -d "comment=Guter Artikel")" = 303
check "... and the edit mail is German" test "$(mail "$ERIKA" subject)" = "Deinen Kommentar bearbeiten oder löschen"
code -b lang=de "$(mail "$ERIKA" edit)" >/dev/null
keep
check "... as is the edit page" contains "$T/body" 'Deinen Kommentar bearbeiten'

# reply mails go out in the language the parent's author wrote in
# (stored with the comment, migration 6), not in the language of the
# moderator who approves the reply; rows without one: the site default
# admin ACCEPT-LANGUAGE ID: approve ID on /admin in that UI language;
# prints the status.
admin_approve() {
	code -b "$T/aj" -H "Accept-Language: $1" --data-urlencode "csrf=$ACSRF" -d action=approve "$BASE/admin/comments/$2"
}
held_reply() {
	"$ND" comments post --article 1 --name "$1" --email "$2" --text "$1 answers" --parent "$3" --moderation all --ip 198.51.100.20 --lang "$4" >/dev/null 2>&1
	q "SELECT id FROM comments WHERE name = '$1'"
}
DE_SUBJ="Neue Antwort auf deinen Kommentar"
FRIEDA=frieda@mail.test
fresh "?lang=de"
check "Frieda writes in German, asking for reply mails" test "$(post 198.51.100.11 -b lang=de -d name=Frieda --data-urlencode "email=$FRIEDA" -d notify=1 -d "comment=Wann fahren die Züge wieder?")" = 303
F=$(q "SELECT id FROM comments WHERE name = 'Frieda'")
check "... stored with her language" test "$(q "SELECT lang FROM comments WHERE id = $F")" = de
check "Gina's comment was stored in English" test "$(q "SELECT lang FROM comments WHERE id = $G")" = en
J=$(held_reply Jim jim@mail.test "$F" en)
code -b "$T/aj" -H "Accept-Language: en" "$BASE/admin" >/dev/null
check "the admin's page is English" sh -c "grep -q '<html lang=\"en\"' '$T/body' && grep -q '>Approve</button>' '$T/body'"
check "Jim's held reply is stored in English" test "$(q "SELECT lang FROM comments WHERE id = $J")" = en
check "the English admin approves Jim's reply" test "$(admin_approve en "$J")" = 303
check "... and Frieda gets the reply mail in German" test "$(mail "$FRIEDA" subject)" = "$DE_SUBJ"
check "... German throughout" sh -c "printf '%s' \"\$1\" | grep -q 'Jim hat auf deinen Kommentar geantwortet:' && printf '%s' \"\$1\" | grep -q 'Diese E-Mails abbestellen'" _ "$(mail "$FRIEDA" text)"
K=$(held_reply Kai kai@mail.test "$G" de)
code -b "$T/aj" -H "Accept-Language: de" "$BASE/admin" >/dev/null
check "the admin's page in German" contains "$T/body" '>Freigeben</button>'
check "the German admin approves Kai's German reply to Gina" test "$(admin_approve de "$K")" = 303
check "... and Gina gets it in English" test "$(mails "$GINA" "$REPLY_SUBJ")" = 3
check "... English throughout" sh -c "printf '%s' \"\$1\" | grep -q 'Kai replied to your comment:' && printf '%s' \"\$1\" | grep -q 'Stop these emails'" _ "$(mail "$GINA" text)"
L=$(held_reply Lena lena@mail.test "$G" de)
expect_exit 0 "approve Lena's reply from the CLI with --lang de" "$ND" comments approve "$L" --deliver "maildir:$T/mail" --from desk@example.net --base-url "$BASE" --lang de
check "... and Gina's mail is still English" test "$(mails "$GINA" "$REPLY_SUBJ")" = 4
# a comment from before migration 6 (no language): the site default
q "UPDATE comments SET lang = NULL WHERE id = $F"
M=$(held_reply Max max@mail.test "$F" de)
check "the German admin approves a reply to a comment without a language" test "$(admin_approve de "$M")" = 303
check "... which gets the site default, English" test "$(mail "$FRIEDA" subject)" = "$REPLY_SUBJ"
check "... naming Max" sh -c "printf '%s' \"\$1\" | grep -q 'Max replied to your comment:'" _ "$(mail "$FRIEDA" text)"
check "Frieda got three mails in all (edit, two replies)" test "$(mails "$FRIEDA")" = 3

# no address anywhere
check "no page holds an email address" sh -c "! grep -qi '@mail.test' '$T/seen'"
check "nothing above crashed the server" curl -sf -o /dev/null "$BASE/healthz"
[ "$FAIL" -eq 0 ]
