#!/bin/sh
# Run the official JSON Schema Test Suite (draft 2020-12) against samv's validator.
# Usage: jsonschema-suite.sh RUNNER SUITE-DIR
# Every keyword file of the draft is run; groups needing what the validator does not
# support are reported as skipped with their reason. Formats are annotations in the main
# files (as the draft says by default) and assertions in optional/format (date, time,
# email: the formats samv asserts). Where the suite is absent (a user's clone has no
# ../shared) this says so in one line and succeeds.
set -eu
runner=$1
suite=$2/tests/draft2020-12
if [ ! -d "$suite" ]; then
	echo "jsonschema-suite: skipped: no JSON Schema Test Suite at $2 (set JSONSCHEMA_SUITE=DIR to run it)"
	exit 0
fi
# The files of keywords the validator does not implement at all are not run.
files=$(ls "$suite"/*.json | grep -v -E '/(anchor|dynamicRef|unevaluatedItems|unevaluatedProperties|vocabulary|refRemote)\.json$')
"$runner" --annotate-formats $files \
	--assert-formats "$suite/optional/format/date.json" "$suite/optional/format/time.json" \
	"$suite/optional/format/email.json" > build-suite.log.tmp || status=$?
grep -v '^skip ' build-suite.log.tmp || true
echo "skipped groups, by reason:"
grep '^skip ' build-suite.log.tmp | sed 's/^skip [^:]*: .*: \(unsupported: [^(]*\).*/\1/' | sort | uniq -c | sed 's/^ */  /'
echo "not run (keywords not implemented): anchor dynamicRef unevaluatedItems unevaluatedProperties vocabulary refRemote"
rm -f build-suite.log.tmp
exit "${status:-0}"
