#!/bin/sh
# deps.sh check|run - install the Debian packages newsdesk needs.
# As root, missing packages are installed with apt-get; otherwise the one
# command to run is printed and the script fails.
set -eu
mode=${1:-check}
pkgs="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev
libxml2-dev libjansson-dev libcurl4-openssl-dev libicu-dev libsodium-dev
libstemmer-dev libgmime-3.0-dev ca-certificates"
if [ "$mode" = check ]; then
	pkgs="$pkgs clang libclang-rt-14-dev libcmocka-dev python3 python3-aiosmtpd curl sqlite3
	python3-feedparser python3-html5lib chromium nodejs"
fi
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
# npm ships inside some nodejs builds; Debian's own npm only when absent
if [ "$mode" = check ] && ! command -v npm >/dev/null 2>&1; then
	missing="$missing npm"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "newsdesk: missing packages:$missing" >&2
	echo "run: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
