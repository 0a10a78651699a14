#!/bin/sh
# The check and the deadlines report tell one story (SPEC § 4, the obligations of
# cmd/lib/ledger/obligations.h): on the example ledger at several dates and on every e2e fixture
# ledger at its own date, every row of `samv-report deadlines --format json` that names a
# rule is a finding of that rule in the same file, every deadline finding of samv-check
# has such a row, and every row marked late, missing or waiting names a rule (but for a
# payment made after its due date, which is history). Run: sh tests/obligations/run.sh BUILD
set -u
unset LANGUAGE LC_ALL LC_MESSAGES
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
suite=obligations
. "$top/tests/lib.sh"
rules="notice-late offer-late notice-missing withdrawal-late placement-status invoice-late invoice-missing
payment-overdue plan-missing follow-up notice-period protocol-adjusted"
on=""
for r in $rules; do on="$on --rule $r=warning"; done

# compare NAME DIR [--as-of DATE]
compare() {
	name=$1 dir=$2
	shift 2
	# shellcheck disable=SC2086 # $on is a list of words
	(cd "$dir" && LANG=C.UTF-8 "$top/$build/samv-check" --format json $on "$@") > "$tmp/check.json" 2> "$tmp/err"
	rc=$?
	if [ "$rc" -gt 1 ]; then
		bad "$name: samv-check exit $rc: $(head -n 1 "$tmp/err")"
		return
	fi
	rm -rf "$tmp/copy" && cp -R "$dir" "$tmp/copy"
	if ! (cd "$tmp/copy" && LANG=C.UTF-8 "$top/$build/samv-report" deadlines --format json "$@") > "$tmp/report.json" 2> "$tmp/err"; then
		bad "$name: samv-report deadlines exit $?: $(head -n 1 "$tmp/err")"
		return
	fi
	if python3 - "$tmp/check.json" "$tmp/report.json" "$rules" > "$tmp/why" <<'PY'
import json, sys
check = json.load(open(sys.argv[1]))["findings"]
rows = json.load(open(sys.argv[2]))["deadlines"]
rules = set(sys.argv[3].split())
found = {(f["rule"], f["file"]) for f in check if f["rule"] in rules}
listed = {(r["rule"], r["file"]) for r in rows if r["rule"]}
bad = []
for r in rows:
    if r["status"] in ("late", "missing", "waiting") and not r["rule"] and not (
            r["kind"] == "payment" and r["status"] == "late"):
        bad.append("row %s is %s but names no rule" % (r["uid"], r["status"]))
    if r["rule"] and r["status"] not in ("late", "missing", "waiting"):
        bad.append("row %s is %s but names rule %s" % (r["uid"], r["status"], r["rule"]))
    if r["rule"] and (r["rule"], r["file"]) not in found:
        bad.append("row %s (%s) has no %s finding in %s" % (r["uid"], r["status"], r["rule"], r["file"]))
for rule, file in sorted(found - listed):
    bad.append("finding %s in %s has no row" % (rule, file))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
	then
		ok
	else
		bad "$name: $(head -n 5 "$tmp/why")"
	fi
}

if ! command -v python3 > /dev/null; then
	skipped "$suite" "python3 is not installed"
	exit $?
fi
for day in 2018-01-01 2019-03-01 2020-03-14 2020-06-16 2020-12-16 2021-01-01 2021-04-01 2023-06-30 2030-01-01; do
	compare "ledger/ as of $day" "$top/ledger" --as-of "$day"
done
for dir in "$top"/tests/e2e/cases/*/ledger; do
	[ -f "$dir/samv.yaml" ] || continue
	compare "$(basename "$(dirname "$dir")")" "$dir"
done
summary
