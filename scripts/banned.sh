#!/bin/sh
# banned.sh - fail if code calls a banned function (STYLE.md).
set -u
mkdir -p build/results
hits=$(grep -rnE '\<(gets|strcpy|strcat|sprintf|vsprintf|strncpy|strtok|atoi|atol|sscanf)[[:space:]]*\(' \
	src tests/unit fuzz 2>/dev/null)
if [ -n "$hits" ]; then
	echo "banned functions used:" >&2
	echo "$hits" >&2
	echo "0 1" > build/results/banned.count
	exit 1
fi
echo "1 0" > build/results/banned.count
echo "banned: no banned functions"
