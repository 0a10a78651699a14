#!/bin/sh
# Every end-to-end case under valgrind's memcheck: no invalid read or write, no use of
# uninitialised memory, no leak (definite, indirect or possible).
#
# A case is run exactly as tests/e2e/run.sh runs it (its ledger/ or `dir`, `args`,
# `command`, `stdin`; samv-report on a copy outside git) with
#   valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect,possible
#            --error-exitcode=99
# and passes when valgrind found nothing and the exit status is the case's `status`. The
# output itself is e2e's business. Needs a build without sanitizers (valgrind cannot run
# an AddressSanitizer binary). MEMCHECK_JOBS=N runs N cases at a time (default 2).
#
# Usage: sh tests/badinput/memcheck.sh BUILD-DIR [CASE...]   (make memcheck)
set -u
if [ "${1:-}" = --case ]; then
	# One case: prints "ok NAME" or "FAIL NAME: why" and the start of valgrind's report.
	bindir=$2 tmp=$3 name=$4
	top=$(cd "$(dirname "$0")/../.." && pwd)
	case_dir="$top/tests/e2e/cases/$name"
	work="$tmp/$name"
	mkdir -p "$work"
	copy="$work/ledger"
	. "$top/tests/e2e/case.sh"
	(cd "$dir" && valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
		--log-file="$work/valgrind.log" "$bindir/$program" "$@") < "$input" > "$work/out" 2> "$work/err"
	status=$?
	if [ "$status" = 99 ] || [ -s "$work/valgrind.log" ]; then
		echo "FAIL $name: valgrind reports errors (exit $status)"
		head -n 40 "$work/valgrind.log" | sed 's/^/    /'
	elif [ "$status" != "$want_status" ]; then
		echo "FAIL $name: exit $status (expected $want_status)"
		head -n 5 "$work/err" | sed 's/^/    /'
	else
		echo "ok   $name"
	fi > "$work.result"
	cat "$work.result" # one write, so parallel cases do not interleave
	rm -rf "$work" "$work.result"
	exit 0
fi

build=${1:-build}
shift 2> /dev/null || true
top=$(cd "$(dirname "$0")/../.." && pwd)
case "$build" in /*) bindir=$build ;; *) bindir="$top/$build" ;; esac
case "$build" in
*sanitize*|*tsan*)
	echo "memcheck: $build is a sanitizer build; valgrind needs a plain one (make memcheck without SANITIZE)"
	exit 1
	;;
esac
if ! command -v valgrind > /dev/null 2>&1; then
	echo "memcheck: valgrind is not installed (apt-get install valgrind)"
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -gt 0 ]; then
	printf '%s\n' "$@" > "$tmp/cases"
else
	ls "$top/tests/e2e/cases" > "$tmp/cases"
fi
xargs -P "${MEMCHECK_JOBS:-2}" -n 1 sh "$0" --case "$bindir" "$tmp" < "$tmp/cases" > "$tmp/results" 2>&1 ||
	true
# A case's lines stay together: each --case prints them at once, at its end.
grep -v '^ok ' "$tmp/results"
passed=$(grep -c '^ok ' "$tmp/results")
failed=$(grep -c '^FAIL ' "$tmp/results")
total=$(wc -l < "$tmp/cases")
missing=$((total - passed - failed))
if [ "$missing" != 0 ]; then
	echo "memcheck: $missing cases gave no result:"
	sed -n 's/^ok  *//p; s/^FAIL \([^:]*\):.*/\1/p' "$tmp/results" | sort > "$tmp/reported"
	sort "$tmp/cases" | comm -23 - "$tmp/reported" | sed 's/^/    /'
fi
echo "memcheck: $passed passed, $((failed + missing)) failed"
[ "$failed" = 0 ] && [ "$missing" = 0 ]
