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
shared= # as root, where samv-report runs as nobody
trap 'rm -rf "$tmp" ${shared:+"$shared"}' EXIT
suite=out
. "$top/tests/lib.sh"
# check NAME STATUS TARGET: the run that exited with STATUS failed, samv-report said why in
# $tmp/err (not, say, the shell that could not start it), and TARGET holds nothing new.
check() {
	if [ "$2" -ne 0 ] && grep -q "^samv-report: " "$tmp/err" &&
		[ -z "$(find "$3" -newer "$tmp/mark" \( -name '*.tmp-*' -o -type f \) 2>/dev/null)" ]; then
		ok
	else
		bad "$1: exit $2, said: $(head -c 200 "$tmp/err"), left: $(find "$3" -newer "$tmp/mark" 2>/dev/null | head -3)"
	fi
}

# A target path that is a file, not a directory.
: > "$tmp/mark"
sleep 1
echo "keep" > "$tmp/afile"
touch -d '2000-01-01' "$tmp/afile"
"$report" invoices -C "$top/ledger" --term 2019-HT --out "$tmp/afile" > /dev/null 2> "$tmp/err"
check "target is a file" $? "$tmp/afile"

# A read-only target, and a site that fails halfway (its summary folder is read-only, and the
# invoices come first), which puts no file in place, not even those it wrote before the
# failure. Root may write anywhere, so as root samv-report runs as nobody, on a copy of it
# and of the ledger in a directory nobody can reach wherever the checkout is (nobody_dir in
# tests/lib.sh).
run_as='' program=$report where=$tmp
if [ "$(id -u)" = 0 ]; then
	if shared=$(nobody_dir "$report" 2> "$tmp/why"); then
		run_as=as_nobody program=$shared/samv-report where=$shared
	else
		shared='' where=''
		echo "out: read-only target and folder skipped: running as root: $(cat "$tmp/why")"
	fi
fi
if [ -n "$where" ]; then
	cp -R "$top/ledger" "$where/ledger"
	mkdir -p "$where/ro" "$where/half/summary"
	chmod -R a+rX "$where"
	chmod 555 "$where/ro"
	chmod 777 "$where/half"
	chmod 555 "$where/half/summary"
	: > "$tmp/mark"
	$run_as "$program" site -C "$where/ledger" --out "$where/ro" > /dev/null 2> "$tmp/err"
	check "read-only target" $? "$where/ro"
	$run_as "$program" site -C "$where/ledger" --out "$where/half" > /dev/null 2> "$tmp/err"
	check "read-only folder in the target" $? "$where/half"
fi

# A successful run leaves no temporary file beside the reports.
"$report" site -C "$top/ledger" --out "$tmp/site" > /dev/null 2>&1
if [ -z "$(find "$tmp/site" -name '*.tmp-*')" ] && [ -f "$tmp/site/index.html" ]; then
	ok
else
	bad "a successful site left temporary files or no index.html"
fi
summary
