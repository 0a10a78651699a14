#!/bin/sh
# The manual pages render without warnings, and every option that --help names appears in
# the command's page. Skipped with one line where man is not installed.
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v man >/dev/null 2>&1; then
	echo "man: skipped: man is not installed (apt-get install man-db)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
suite=man
. "$top/tests/lib.sh"
for page in "$top"/man/*.[15]; do
	name=$(basename "$page")
	if LC_ALL=C MANWIDTH=200 man --warnings -l "$page" > "$tmp/$name.txt" 2> "$tmp/$name.err" && [ ! -s "$tmp/$name.err" ]; then
		ok
	else
		bad "$name does not render cleanly:"
		head -5 "$tmp/$name.err"
	fi
done
for cmd in samv-check samv-report; do
	"$top/$build/$cmd" --help | grep -o -E '(^| |\[)--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ []*//' | sort -u > "$tmp/$cmd.opts"
	while IFS= read -r opt; do
		if grep -q -e "$opt\([^a-zA-Z-]\|$\)" "$tmp/$cmd.1.txt"; then
			ok
		else
			bad "$cmd --help names $opt, but $cmd(1) does not"
		fi
	done < "$tmp/$cmd.opts"
done
summary
