#!/bin/sh
# Test hooks/pre-commit in a throwaway git repository with staged and unstaged content:
#  1. a good ledger commits;
#  2. a record broken in the index but mended in the work tree is refused;
#  3. a record broken only in the work tree (good in the index) commits;
#  4. the hook changes neither the index nor the work tree;
#  5. a path with spaces and non-ASCII letters works, before the first commit too;
#  6. the refusal is in Swedish under LANG=sv_SE.UTF-8 (samv-check's findings and the hook's
#     own message), English otherwise.
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
export SAMV_CHECK="$top/$build/samv-check"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
suite=hook
. "$top/tests/lib.sh"

repo="$tmp/Lärosäte ledger"
mkdir -p "$repo"
cd "$repo" || exit 1
git init -q .
cp -r "$top/tests/hook/ledger" "./vfu data"
cp "$top/hooks/pre-commit" .git/hooks/pre-commit
git add -A
if git_ commit -q -m "first" >/dev/null 2>&1; then ok; else bad "a good ledger before the first commit was refused"; fi

party="vfu data/parties/nacka.yaml"
good=$(cat "$party")
sed 's/212000-0167/212000-0168/' "$party" > "$party.tmp" && mv "$party.tmp" "$party"
git add "$party"
printf '%s\n' "$good" > "$party"
index_before=$(git ls-files -s | git hash-object --stdin)
tree_before=$(cat "$party" | git hash-object --stdin)
if git_ commit -q -m "broken in the index" >"$tmp/out" 2>&1; then
	bad "a record broken in the index (mended in the work tree) was committed"
else
	if grep -q 'org-number' "$tmp/out"; then ok; else bad "refusal did not name the rule: $(cat "$tmp/out")"; fi
fi
LANG=sv_SE.UTF-8 git_ commit -q -m "broken in the index" >"$tmp/out-sv" 2>&1
if grep -q "organisationsnumret '212000-0168'.*\[org-number\]" "$tmp/out-sv" &&
   grep -q "^samv pre-commit: den köade liggaren i 'vfu data' har fel; rätta dem" "$tmp/out-sv" &&
   grep -q "^samv pre-commit: the staged ledger in 'vfu data' has errors" "$tmp/out"; then ok
else bad "the refusal is not in the user's language: $(cat "$tmp/out-sv")"; fi
if [ "$(git ls-files -s | git hash-object --stdin)" = "$index_before" ] &&
   [ "$(cat "$party" | git hash-object --stdin)" = "$tree_before" ]; then ok; else bad "the hook changed the index or the work tree"; fi

sed 's/^name: .*/name: Nacka kommun (VFU)/' "$party" > "$party.tmp" && mv "$party.tmp" "$party"
git add "$party"
sed 's/212000-0167/212000-0168/' "$party" > "$party.tmp" && mv "$party.tmp" "$party"
if git_ commit -q -m "mended in the index" >/dev/null 2>&1; then ok; else bad "a record broken only in the work tree blocked the commit"; fi

summary
