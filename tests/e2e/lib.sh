# lib.sh - sourced by every tests/e2e/*.t script.
# Gives: $ND (the binary), $T (a fresh temp folder, removed at exit),
# NEWSDESK_DB pointing into $T, ok/not_ok/check helpers, free_port,
# serve_start/serve_stop. A test prints one "ok"/"not ok" line per check
# and exits non-zero if any failed.
set -u
ND=${ND:?ND must name the newsdesk binary}
TOP=${TOP:?TOP must name the repository top}
T=$(mktemp -d "${TMPDIR:-/tmp}/nd-e2e.XXXXXX")
export NEWSDESK_DB="$T/test.db"
PASS=0
FAIL=0
PIDS=""
cleanup() {
	for p in $PIDS; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT

ok() { PASS=$((PASS + 1)); echo "ok - $*"; }
not_ok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }

# check DESC CMD...: passes when CMD exits 0.
check() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# expect_exit N DESC CMD...: CMD's exit status must be N; its stderr is
# kept in $T/err and stdout in $T/out.
expect_exit() {
	want=$1 desc=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$desc"
	else not_ok "$desc (exit $got, wanted $want; stderr: $(head -c 300 "$T/err"))"
	fi
}

# contains FILE TEXT: FILE holds TEXT (fixed string).
contains() { grep -qF -- "$2" "$1"; }

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_http URL: wait up to 10 s for URL to answer.
wait_http() {
	i=0
	while [ $i -lt 100 ]; do
		curl -s -o /dev/null "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_outbox [DB]: reader mails are queued in the store's outbox and
# sent by serve's mail thread; wait up to 10 s until no mail is queued
# (every one is in the Maildir, or was refused). 1 on timeout.
wait_outbox() {
	i=0
	while [ $i -lt 100 ]; do
		n=$(sqlite3 "${1:-$NEWSDESK_DB}" "SELECT count(*) FROM outbox WHERE status = 'queued'" 2>/dev/null)
		[ "$n" = 0 ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "# outbox still holds $n queued mail(s)"
	return 1
}

# serve_start: start "newsdesk serve" on a free port (with the options
# in $SERVE_ARGS, if any); sets $PORT, $BASE, $SERVE_PID.
serve_start() {
	PORT=$(free_port)
	BASE="http://127.0.0.1:$PORT"
	# shellcheck disable=SC2086
	"$ND" serve --listen "127.0.0.1:$PORT" --deliver "maildir:$T/mail" ${SERVE_ARGS:-} 2>"$T/serve.log" &
	SERVE_PID=$!
	PIDS="$PIDS $SERVE_PID"
	wait_http "$BASE/healthz"
}

# http_server DIR: serve DIR with python's http.server on a free port;
# sets $HPORT and $HBASE.
http_server() {
	HPORT=$(free_port)
	HBASE="http://127.0.0.1:$HPORT"
	python3 -m http.server "$HPORT" --bind 127.0.0.1 --directory "$1" \
	    >"$T/http.log" 2>&1 &
	PIDS="$PIDS $!"
	wait_http "$HBASE/"
}

# json FILE EXPR: evaluate a python expression on the JSON in FILE (as j)
# and print it.
json() {
	python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

done_testing() {
	echo "# $PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}
