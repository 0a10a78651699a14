#!/bin/sh
# End-to-end tests: run the real samv-check on fixture ledgers and compare its exact output.
#
# Each case is a directory under tests/e2e/cases/ holding:
#   ledger/    the fixture ledger (or a file `dir` naming another directory, relative to
#              the repository, e.g. "ledger" for the example ledger)
#   args       optional: the arguments, one per line (default: none)
#   expected   the exact standard output
#   status     the exact exit status (default 0)
#   command    optional: the program, samv-check (default) or samv-report
#   stdin      optional: what the program reads on standard input (default: nothing)
#   stderr     optional: the exact standard error (not compared when absent)
#   locale     optional: the LANG to run in, e.g. sv_SE.UTF-8 (default C.UTF-8: English)
# Adding a case means adding files, not code. Run: sh tests/e2e/run.sh BUILD-DIR [CASE...]
# BLESS=1 writes the actual output and status into the named cases instead of comparing:
# review the result with git diff before committing it.
set -u
# Messages follow the locale; each case says which one it runs in.
unset LANGUAGE LC_ALL LC_MESSAGES
build=${1:-build}
shift 2>/dev/null || true
top=$(cd "$(dirname "$0")/../.." && pwd)
cases_dir="$top/tests/e2e/cases"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
suite=e2e
. "$top/tests/lib.sh"
if [ $# -gt 0 ]; then cases="$*"; else cases=$(ls "$cases_dir"); fi
for name in $cases; do
	case_dir="$cases_dir/$name"
	copy="$tmp/ledger"
	. "$top/tests/e2e/case.sh"
	locale=C.UTF-8
	[ -f "$case_dir/locale" ] && locale=$(cat "$case_dir/locale")
	(cd "$dir" && LANG=$locale "$top/$build/$program" "$@") < "$input" > "$tmp/out" 2> "$tmp/err"
	status=$?
	if [ "${BLESS:-}" = 1 ]; then
		cp "$tmp/out" "$case_dir/expected"
		[ -f "$case_dir/stderr" ] && cp "$tmp/err" "$case_dir/stderr"
		if [ "$status" = 0 ]; then rm -f "$case_dir/status"; else echo "$status" > "$case_dir/status"; fi
		echo "blessed $name (exit $status)"
		continue
	fi
	if [ "$status" = "$want_status" ] && cmp -s "$tmp/out" "$case_dir/expected" &&
		{ [ ! -f "$case_dir/stderr" ] || cmp -s "$tmp/err" "$case_dir/stderr"; }; then
		ok
	else
		failed=$((failed + 1))
		echo "FAIL $name: exit $status (expected $want_status)"
		diff -u "$case_dir/expected" "$tmp/out" | head -30
		[ -f "$case_dir/stderr" ] && diff -u "$case_dir/stderr" "$tmp/err" | head -30
		head -5 "$tmp/err"
	fi
done
summary
