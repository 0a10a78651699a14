#!/bin/sh
# samv-report --out leaves no partial file when it fails: a target it may not write to
# (run as an unprivileged user, since root may write anywhere) and a full disk (/dev/full as
# the file a report is renamed over is not possible, so a directory whose files cannot be
# created is used, and a target path that is a file). Each failure must exit non-zero, say
# why, and leave the target exactly as it was: no report and no temporary file.
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
report="$top/$build/samv-report"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
suite=out
. "$top/tests/lib.sh"
check() { # check NAME STATUS TARGET
	if [ "$2" -ne 0 ] && [ -z "$(find "$3" -newer "$tmp/mark" \( -name '*.tmp-*' -o -type f \) 2>/dev/null)" ]; then
		ok
	else
		bad "$1: exit $2, left: $(find "$3" -newer "$tmp/mark" 2>/dev/null | head -3)"
	fi
}

# A target path that is a file, not a directory.
: > "$tmp/mark"
sleep 1
echo "keep" > "$tmp/afile"
touch -d '2000-01-01' "$tmp/afile"
"$report" invoices -C "$top/ledger" --term 2019-HT --out "$tmp/afile" > /dev/null 2> "$tmp/err"
check "target is a file" $? "$tmp/afile"
grep -q "samv-report:" "$tmp/err" || bad "no message when the target is a file"

# A read-only target, written by an unprivileged user.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	mkdir -p "$tmp/ro"
	cp -R "$top/ledger" "$tmp/ledger"
	chmod -R a+rX "$tmp" "$top/$build"
	chmod 555 "$tmp/ro"
	: > "$tmp/mark"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$report" site -C "$tmp/ledger" --out "$tmp/ro" > /dev/null 2> "$tmp/err"
	check "read-only target" $? "$tmp/ro"
	grep -q "samv-report:" "$tmp/err" || bad "no message for a read-only target"
elif [ "$(id -u)" != 0 ]; then
	mkdir -p "$tmp/ro"
	chmod 555 "$tmp/ro"
	: > "$tmp/mark"
	"$report" site -C "$top/ledger" --out "$tmp/ro" > /dev/null 2> "$tmp/err"
	check "read-only target" $? "$tmp/ro"
else
	echo "out: read-only target skipped: setpriv not installed (apt-get install util-linux)"
fi

# A site that fails halfway (its summary folder is read-only, and the invoices come first)
# puts no file in place, not even those it wrote before the failure.
run_as=
[ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 && run_as="setpriv --reuid=65534 --regid=65534 --clear-groups"
if [ "$(id -u)" != 0 ] || [ -n "$run_as" ]; then
	cp -R "$top/ledger" "$tmp/ledger-half"
	mkdir -p "$tmp/half/summary"
	chmod -R a+rX "$tmp" "$top/$build"
	chmod 777 "$tmp/half"
	chmod 555 "$tmp/half/summary"
	: > "$tmp/mark"
	$run_as "$report" site -C "$tmp/ledger-half" --out "$tmp/half" > /dev/null 2> "$tmp/err"
	check "read-only folder in the target" $? "$tmp/half"
else
	echo "out: read-only folder skipped: setpriv not installed (apt-get install util-linux)"
fi

# A successful run leaves no temporary file beside the reports.
"$report" site -C "$top/ledger" --out "$tmp/site" > /dev/null 2>&1
if [ -z "$(find "$tmp/site" -name '*.tmp-*')" ] && [ -f "$tmp/site/index.html" ]; then
	ok
else
	bad "a successful site left temporary files or no index.html"
fi
summary
