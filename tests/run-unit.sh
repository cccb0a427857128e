#!/bin/sh
# run-unit.sh BUILD NAME - run every cmocka test binary under BUILD/tests,
# add up cmocka's summaries into build/results/NAME-BUILD.count.
set -u
build=$1
name=$2
mkdir -p build/results
tag=$(echo "$build" | tr '/' '-')
out=build/results/$name-$tag.count
pass=0 fail=0 rc=0
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	log=$(mktemp)
	"$t" >"$log" 2>&1
	trc=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	p=${p:-0} f=${f:-0}
	if [ "$trc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$t: exited $trc (crash?)" >&2
		f=1
	fi
	pass=$((pass + p)) fail=$((fail + f))
	[ "$trc" -ne 0 ] && rc=1
	rm -f "$log"
done
echo "$pass $fail" > "$out"
echo "$name ($build): $pass passed, $fail failed"
exit $rc
