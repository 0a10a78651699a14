#!/bin/sh
# Seed corpora for the fuzz targets, made from the fixtures: every record file of the e2e
# cases and of the example ledger, and the schemas. Usage: seed.sh OUTDIR
#
#   OUTDIR/load/    each *.yaml / *.yml fixture and each schema/*.json, as it is
#   OUTDIR/schema/  "SCHEMA\0INSTANCE": each record file after the schema of its kind, and
#                   each test of the JSON Schema Test Suite (JSONSCHEMA_SUITE, when it is
#                   there and jq is installed) as its schema and data
#   OUTDIR/rules/   each fixture ledger as one archive (tests/fuzz/fuzz_ledger.h): samv.yaml,
#                   then "\n%%\n#path REL\n" and the file, for every other record file;
#                   fuzz_report uses the same corpus
#   OUTDIR/cache/   cache files as samv-check --staged writes them, for fuzz_cache: the ones
#                   kept in tests/fuzz/regressions/cache/ (small ledgers, one with findings
#                   and notes), since making one needs a build
#   OUTDIR/csv/     the spreadsheets kept in tests/fuzz/regressions/csv/, for fuzz_csv
# Files are named by their checksum, so a ledger used by several cases is one seed.
set -eu
out=${1:?usage: seed.sh OUTDIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
suite=${JSONSCHEMA_SUITE:-$top/../shared/jsonschema-test-suite}
rm -rf "$out/load" "$out/schema" "$out/rules" "$out/cache" "$out/csv"
mkdir -p "$out/load" "$out/schema" "$out/rules" "$out/cache" "$out/csv"
cp "$top"/tests/fuzz/regressions/cache/* "$out/cache/"
cp "$top"/tests/fuzz/regressions/csv/* "$out/csv/"
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.files"' EXIT

# Put the file $tmp into directory $1 under its checksum.
keep() {
	sum=$(cksum < "$tmp" | tr ' ' '-')
	mv "$tmp" "$1/$sum"
}

ledgers=$( (ls -d "$top"/tests/e2e/cases/*/ledger; echo "$top/ledger") | sort -u)

# Every distinct record file once: "CRC SIZE PATH" lines.
for dir in $ledgers; do
	find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' \) -exec cksum {} +
done | awk '!seen[$1 " " $2]++' > "$tmp.files"

# load: every record file and schema, as it is.
while read -r crc size path; do
	cp "$path" "$out/load/$crc-$size"
done < "$tmp.files"
for f in "$top"/schema/*.json; do
	cp "$f" "$tmp"
	keep "$out/load"
done

# schema: each record file after the schema of its kind.
while read -r crc size path; do
	kind=$(sed -n 's/^kind: *\([a-z]*\).*/\1/p' "$path" | head -n 1)
	schema="$top/schema/$kind.schema.json"
	[ -n "$kind" ] && [ -f "$schema" ] || schema="$top/schema/party.schema.json"
	{ cat "$schema"; printf '\000'; cat "$path"; } > "$out/schema/$crc-$size"
done < "$tmp.files"
rm -f "$tmp.files"
if [ -d "$suite/tests/draft2020-12" ] && command -v jq > /dev/null 2>&1; then
	tab=$(printf '\t')
	for f in "$suite"/tests/draft2020-12/*.json "$suite"/tests/draft2020-12/optional/format/*.json; do
		jq -r '.[] | .schema as $s | .tests[] | "\($s | tojson)\t\(.data | tojson)"' "$f" 2> /dev/null || true
	done | while IFS= read -r line; do
		{ printf '%s' "${line%%"$tab"*}"; printf '\000'; printf '%s' "${line#*"$tab"}"; } > "$tmp"
		keep "$out/schema"
	done
else
	echo "seed.sh: no JSON Schema Test Suite at $suite (or no jq): schema seeds from schema/ only"
fi

# rules: each fixture ledger as one archive, samv.yaml first.
for dir in $ledgers; do
	[ -f "$dir/samv.yaml" ] || continue
	{
		cat "$dir/samv.yaml"
		(cd "$dir" && find . -type f \( -name '*.yaml' -o -name '*.yml' \) ! -path ./samv.yaml | sed 's|^\./||' | sort) |
			while IFS= read -r rel; do
				printf '\n%%%%\n#path %s\n' "$rel"
				cat "$dir/$rel"
			done
	} > "$tmp"
	keep "$out/rules"
done

echo "seed.sh: $(ls "$out/load" | wc -l) load, $(ls "$out/schema" | wc -l) schema, $(ls "$out/rules" | wc -l) rules, $(ls "$out/cache" | wc -l) cache, $(ls "$out/csv" | wc -l) csv seeds in $out"
