#!/bin/sh
# run.sh ND - install the pinned npm packages if needed, start the site
# on a temporary store with the samples, run site.test.js (with
# accounts.js) and follow.test.js in chromium (helpers they share:
# lib.js), and write build/results/browser.count. Screenshots go to
# build/browser/.
set -u
ND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TOP=$(cd "$(dirname "$0")/../.." && pwd)
export ND TOP
cd "$TOP" || exit 1
if [ ! -d tests/browser/node_modules/playwright-core ] ||
    [ ! -d tests/browser/node_modules/axe-core ]; then
	npm install --prefix tests/browser --no-audit --no-fund >&2 || exit 1
fi
log=$(mktemp)
(
	. tests/e2e/lib.sh
	. tests/e2e/lib_site.sh
	site_load
	# the form is filled faster than the 3 s a person needs
	SERVE_ARGS="--comment-min-fill 0 --deliver maildir:$T/mail --no-digest"
	serve_start || { echo "not ok - server did not start"; exit 1; }
	BASE=$BASE OUT="$TOP/build/browser" MAILDIR="$T/mail" \
	    node tests/browser/site.test.js
	BASE=$BASE OUT="$TOP/build/browser" MAILDIR="$T/mail" \
	    node tests/browser/follow.test.js
) >"$log" 2>&1
rc=$?
cat "$log"
p=$(grep -c '^ok ' "$log")
f=$(grep -c '^not ok ' "$log")
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
mkdir -p build/results
echo "$p $f" > build/results/browser.count
rm -f "$log"
echo "browser: $p passed, $f failed"
[ "$f" -eq 0 ]
