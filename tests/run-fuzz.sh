#!/bin/sh
# run-fuzz.sh SECONDS TARGET... - run each libFuzzer target for SECONDS
# over its corpus fuzz/corpus/NAME (copied, so the repo stays clean).
set -u
secs=$1
shift
mkdir -p build/results
pass=0 fail=0
for t in "$@"; do
	name=$(basename "$t" | sed 's/^fuzz_//')
	work=build/fuzz/corpus-$name
	mkdir -p "$work"
	[ -d "fuzz/corpus/$name" ] && cp -r "fuzz/corpus/$name/." "$work/"
	if "$t" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
	    -artifact_prefix=build/fuzz/crash-$name- "$work" \
	    >build/fuzz/$name.log 2>&1; then
		echo "fuzz $name: ok ($(grep -c . "$work"/* 2>/dev/null | wc -l) inputs)"
		pass=$((pass + 1))
	else
		echo "fuzz $name: FAILED, see build/fuzz/$name.log" >&2
		tail -n 30 build/fuzz/$name.log >&2
		fail=$((fail + 1))
	fi
done
echo "$pass $fail" > build/results/fuzz.count
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
