#!/bin/sh
# Test the cache of loaded blobs (cmd/lib/input/cache.h) as users meet it: whatever state the
# cache is in, samv-check --staged and --rev and samv-report print exactly what they print
# with the cache off (SAMV_CACHE=0), and never a word about the cache itself.
#  1. a cold run writes .git/samv/root/base; a warm run reads it and writes nothing;
#  2. a staged edit is loaded anew and kept in a small delta, the base untouched;
#  3. a change to most files writes a new base and drops the delta;
#  4. findings of every kind filed while loading come back from the cache (YAML,
#     duplicate key with its note, schema, personal number), in the run's language;
#  5. --rev and samv-report use it alike;
#  6. a damaged cache (a flipped byte, cut short, garbage, a directory, a FIFO or a file
#     where the cache's folder goes) is ignored, and never stops a run;
#  7. what is not in the blob does not come from the cache: samv.yaml's severities, --as-of,
#     an overlay (--stdin-filename); a blob missing from git is reported as without it;
#  8. two loading threads look up at once (SAMV_THREADS=2; CI runs this under TSan);
#     each ledger of a repository has its own cache; a save's leftover file is removed.
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
check="$top/$build/samv-check"
report="$top/$build/samv-report"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
suite=cache
. "$top/tests/lib.sh"

repo="$tmp/repo"
mkdir -p "$repo"
cd "$repo" || exit 1
git init -q .
cp -r "$top/ledger/." .
# Files whose findings are filed while loading, so the cache must give them back.
printf 'kind: party\nid: broken\nname: "unterminated\n' > parties/broken-yaml.yaml
printf 'kind: party\nid: twice\nid: again\ntype: municipality\n' > parties/duplicate-key.yaml
printf 'kind: party\nid: typo\ntype: municipality\nname: Typo\norg_nummer: 212000-0142\n' > parties/schema-typo.yaml
printf '# contact: 19121212-1212\nkind: rates\nid: pnr\n' > personal-number.yaml
git add -A && git_ commit -q -m ledger
printf '# staged\n' >> rates.yaml
git add rates.yaml

base=.git/samv/root/base
delta=.git/samv/root/delta
sum() { if [ -f "$1" ]; then cksum < "$1"; else echo none; fi; }

# run NAME ARGS...: with the cache as it is, and with it off; both outputs must agree.
# Both runs read standard input from $STDIN (default: nothing).
run() {
	name=$1
	shift
	SAMV_CACHE=0 "$@" < "${STDIN:-/dev/null}" > "$tmp/want" 2> "$tmp/want-err"
	want=$?
	"$@" < "${STDIN:-/dev/null}" > "$tmp/got" 2> "$tmp/got-err"
	got=$?
	if [ "$got" = "$want" ] && cmp -s "$tmp/want" "$tmp/got" && cmp -s "$tmp/want-err" "$tmp/got-err"; then
		ok
	else
		bad "$name: differs from the run without the cache (exit $got, expected $want)"
		diff "$tmp/want" "$tmp/got" | head -10
		diff "$tmp/want-err" "$tmp/got-err" | head -10
	fi
}

run "cold --staged" "$check" --staged
if [ -f "$base" ] && [ ! -f "$delta" ]; then ok; else bad "a cold run did not write a base alone"; fi
before=$(sum "$base")
run "warm --staged, json" "$check" --staged --format json
if grep -q "first 'id' here" "$tmp/got"; then ok; else bad "a finding's note did not come back"; fi
run "warm --staged" "$check" --staged
if [ "$(sum "$base")" = "$before" ] && [ ! -f "$delta" ]; then ok; else bad "a run of hits wrote the cache"; fi
if grep -q "duplicate key 'id' (first at line 2)" "$tmp/got" && grep -q "personal-number" "$tmp/got" && grep -q "org_nummer" "$tmp/got" &&
   grep -q "not valid YAML" "$tmp/got"; then
	ok
else
	bad "the load-time findings did not come back from the cache: $(cat "$tmp/got")"
fi

printf 'kind: party\nid: typo\ntype: municipality\nname: Typo 2\norg_nummer: 212000-0142\n' > parties/schema-typo.yaml
git add parties/schema-typo.yaml
run "one file changed" "$check" --staged
if [ "$(sum "$base")" = "$before" ] && [ -f "$delta" ]; then ok; else bad "one changed file did not go to a delta"; fi
run "base and delta" "$check" --staged

LANG=sv_SE.UTF-8 run "Swedish messages" "$check" --staged
if grep -q "dubblerad nyckel 'id'" "$tmp/got"; then ok; else
	bad "the Swedish run did not print Swedish findings: $(head -c 400 "$tmp/got")"; fi

SAMV_THREADS=2 run "two threads" "$check" --staged
run "--as-of" "$check" --staged --as-of 2019-01-01
printf 'kind: party\nid: typo\nname: "overlay"\n' > "$tmp/overlay.yaml"
STDIN="$tmp/overlay.yaml" run "--stdin-filename" "$check" --staged --stdin-filename parties/schema-typo.yaml -
if grep -q "schema-typo.yaml:1:1: error: missing required field \`type\`" "$tmp/got"; then ok; else
	bad "the overlay's text was not the one checked: $(cat "$tmp/got")"; fi
cp samv.yaml "$tmp/samv.yaml"
printf 'rules:\n  personal-number: warning\n  schema: off\n' >> samv.yaml
git add samv.yaml
run "severities changed in samv.yaml" "$check" --staged
if ! grep -q "\[schema\]" "$tmp/got" && grep -q "warning: .*\[personal-number\]" "$tmp/got"; then ok; else
	bad "samv.yaml's severities were not applied to findings from the cache: $(cat "$tmp/got")"; fi
cp "$tmp/samv.yaml" samv.yaml && git add samv.yaml

run "--rev HEAD" "$check" --rev HEAD
run "report --staged" "$report" actions --staged
run "report --rev" "$report" deadlines --rev HEAD --format ics

# Most files change: a new base, no delta.
for f in $(git ls-files '*.yaml'); do printf '# touched\n' >> "$f"; done
git add -A
run "most files changed" "$check" --staged
if [ "$(sum "$base")" != "$before" ] && [ ! -f "$delta" ]; then ok; else bad "a large change did not write a new base"; fi
run "after the new base" "$check" --staged

# Damage: the run is the same as without the cache, and says nothing of it.
size=$(wc -c < "$base")
printf 'X' | dd of="$base" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
run "a flipped byte" "$check" --staged
head -c $((size / 3)) "$base" > "$base.cut" && mv "$base.cut" "$base"
run "cut short" "$check" --staged
head -c 100000 /dev/urandom > "$base"
run "garbage" "$check" --staged
head -c 40 /dev/zero > "$base"
run "zeros" "$check" --staged
rm -f "$base" && mkdir "$base"
run "a directory as the base" "$check" --staged
rm -rf "$base" && mkfifo "$base"
run "a FIFO as the base" timeout 20 "$check" --staged
rm -rf .git/samv && printf 'not a folder\n' > .git/samv
run "a file where the folder goes" "$check" --staged
rm -f .git/samv

# A save killed half way left its file: the next save removes it once it is an hour old.
run "cache again" "$check" --staged
touch -d '2 hours ago' .git/samv/root/.base-left
touch .git/samv/root/.delta-fresh
printf '# another\n' >> rates.yaml && git add rates.yaml
run "a save after a killed one" "$check" --staged
if [ ! -e .git/samv/root/.base-left ] && [ -e .git/samv/root/.delta-fresh ]; then ok; else
	bad "an old temporary file was kept, or a fresh one removed"; fi

# A second ledger in the repository keeps its own cache.
mkdir -p other && cp -r "$top/tests/hook/ledger/." other/ && git add other
run "a second ledger" "$check" --staged -C other
if [ -f .git/samv/other/base ] && [ -f "$base" ]; then ok; else bad "the second ledger's cache is not its own"; fi

# A blob the index names but git has lost: reported as without the cache (exit 2).
blob=$(git ls-files -s rates.yaml | cut -d' ' -f2)
rm -f ".git/objects/$(echo "$blob" | cut -c1-2)/$(echo "$blob" | cut -c3-)"
run "a missing blob" "$check" --staged
if [ "$got" = 2 ]; then ok; else bad "a missing blob did not stop the run (exit $got)"; fi

summary
