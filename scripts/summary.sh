#!/bin/sh
# summary.sh - add up build/results/*.count ("PASSED FAILED" per line).
set -u
pass=0 fail=0
for f in build/results/*.count; do
	[ -f "$f" ] || continue
	while read -r p q; do
		pass=$((pass + p)) fail=$((fail + q))
	done < "$f"
done
echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
