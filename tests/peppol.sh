#!/bin/sh
# PEPPOL check: every e-invoice samv-report makes must pass the official rules.
#
# Makes the UBL invoices (samv-report invoices --format ubl) of every term of the example
# ledger (ledger/terms/*) and of every term of each report-invoices-* e2e fixture ledger,
# then checks them all in one call of the offline kit (UBL 2.1 schema, CEN EN 16931 and
# Peppol BIS Billing 3.0 Schematron, Swedish rules), with --strict so that a warning fails
# too. Builds nothing: give the build directory that holds samv-report.
#
#   sh tests/peppol.sh [BUILD-DIR]        (default build; PEPPOL_KIT=DIR for another kit)
#
# Without the kit or its Java tools (validate.sh exit 2) it prints "peppol: skipped: ..."
# and exits 0. Otherwise it ends with "peppol: N passed, M failed" and exits 1 on a failure.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
build=${1:-build}
kit=${PEPPOL_KIT:-../shared/peppol}
report="$build/samv-report"
case $report in /*) ;; *) report="$top/$report" ;; esac

if [ ! -x "$kit/validate.sh" ]; then
	echo "peppol: skipped: no validation kit at $kit (set PEPPOL_KIT)"
	exit 0
fi
if [ ! -x "$report" ]; then
	echo "peppol: $report not found: build first (make)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
problems=0

# make_ubl NAME LEDGER-DIR: the UBL invoices of every term of the ledger into $tmp/NAME.
# A report that cannot be made (exit 1: a fixture about rate-missing, say) makes no files;
# anything else but 0 is a failure.
make_ubl() {
	name=$1
	ledger=$2
	for term_dir in "$ledger"/terms/*/; do
		[ -d "$term_dir" ] || continue
		term=$(basename "$term_dir")
		"$report" invoices -C "$ledger" --term "$term" --format ubl --out "$tmp/$name" \
			> /dev/null 2> "$tmp/err"
		status=$?
		if [ "$status" != 0 ] && [ "$status" != 1 ]; then
			echo "FAIL $name $term: samv-report exited $status"
			head -5 "$tmp/err"
			problems=$((problems + 1))
		fi
	done
}

make_ubl example "$top/ledger"
for case_dir in "$top"/tests/e2e/cases/report-invoices-*/; do
	[ -d "$case_dir/ledger" ] || continue
	make_ubl "$(basename "$case_dir")" "$case_dir/ledger"
done

find "$tmp" -name '*.xml' -type f | sort > "$tmp/files"
total=$(wc -l < "$tmp/files")
if [ "$total" = 0 ]; then
	echo "peppol: no invoices were made"
	exit 1
fi

# One call for all files: the JVM start is most of the time.
# shellcheck disable=SC2046
set -- $(cat "$tmp/files")
"$kit/validate.sh" --strict -q "$@" > "$tmp/findings" 2> "$tmp/kit-err"
rc=$?
case $rc in
2)
	echo "peppol: skipped: $(head -1 "$tmp/kit-err")"
	exit 0
	;;
0 | 1) ;;
*)
	echo "peppol: the validator broke (exit $rc)"
	head -20 "$tmp/kit-err"
	head -20 "$tmp/findings"
	exit 1
	;;
esac

# Every finding line is "FILE: fatal|warning: [RULE] message (location)"; with --strict
# each fails its file.
bad=0
while IFS= read -r file; do
	if grep -F -q -e "$file: fatal:" -e "$file: warning:" "$tmp/findings"; then
		bad=$((bad + 1))
		echo "FAIL ${file#"$tmp"/}"
		grep -F -e "$file: fatal:" -e "$file: warning:" "$tmp/findings" | sed "s|$tmp/||" | head -10
	fi
done < "$tmp/files"
if [ "$rc" = 1 ] && [ "$bad" = 0 ]; then
	echo "peppol: the validator failed but named no file:"
	head -20 "$tmp/findings"
	problems=$((problems + 1))
fi
echo "peppol: $((total - bad)) passed, $((bad + problems)) failed"
[ "$bad" = 0 ] && [ "$problems" = 0 ]
