#!/bin/sh
# run.sh ND - run every tests/e2e/NNN-*.t against the binary ND.
set -u
ND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TOP=$(cd "$(dirname "$0")/../.." && pwd)
export ND TOP
mkdir -p "$TOP/build/results"
pass=0 fail=0
for t in "$TOP"/tests/e2e/[0-9]*.t; do
	log=$(mktemp)
	(cd "$TOP" && sh "$t") >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $(basename "$t") exited $rc" >>"$log"; fi
	echo "== $(basename "$t"): $p passed, $f failed"
	[ "$f" -gt 0 ] && cat "$log"
	pass=$((pass + p)) fail=$((fail + f))
	rm -f "$log"
done
echo "$pass $fail" > "$TOP/build/results/e2e.count"
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
