#!/bin/sh
# Test .pre-commit-hooks.yaml with the real pre-commit framework (Debian's package
# `pre-commit`) in throwaway git repositories:
#  1. a good ledger at the repository root commits;
#  2. a bad staged record is refused, and the refusal names the rule; mended, it commits;
#  3. a commit that touches no YAML file skips the hook;
#  4. with `args: [-C, DIR]` a ledger below the root is checked: bad refused, good commits.
# The hooks repository is a fresh git repository holding this checkout's
# .pre-commit-hooks.yaml (committed there, so uncommitted changes are tested too);
# samv-check is taken from BUILD-DIR, put first on PATH, as `language: system` needs.
# Skipped, with one line, where pre-commit is missing; SAMV_TEST_NO_SKIP=1 makes that a failure.
# Run: sh tests/precommit/run.sh [BUILD-DIR]
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
case $build in /*) ;; *) build="$top/$build" ;; esac
suite=precommit
. "$top/tests/lib.sh"

if ! command -v pre-commit >/dev/null 2>&1; then
	skipped precommit "pre-commit is not installed (apt-get install pre-commit)"
	exit # with skipped's status
fi
[ -x "$build/samv-check" ] || { echo "FAIL precommit: no $build/samv-check; run make first"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PATH="$build:$PATH"
# pre-commit keeps its clones in PRE_COMMIT_HOME: a fresh one, so nothing leaks in or out.
PRE_COMMIT_HOME="$tmp/cache"
export PATH PRE_COMMIT_HOME
unset SAMV_CHECK GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

# The hooks repository.
hooks="$tmp/samv-hooks"
mkdir -p "$hooks"
(cd "$hooks" && git_ init -q . && cp "$top/.pre-commit-hooks.yaml" . &&
	git_ add .pre-commit-hooks.yaml && git_ commit -q -m hooks) || { echo "FAIL precommit: cannot make the hooks repository"; exit 1; }
rev=$(git -C "$hooks" rev-parse HEAD)

# project DIR LEDGER-DIR [ARGS-LINE]: a repository with the ledger in LEDGER-DIR (. = root)
# and pre-commit installed as its git hook.
project() {
	mkdir -p "$1" && cd "$1" || exit 1
	git_ init -q .
	mkdir -p "$2"
	cp -r "$top/tests/hook/ledger/." "$2/"
	{
		echo "repos:"
		echo "  - repo: $hooks"
		echo "    rev: $rev"
		echo "    hooks:"
		echo "      - id: samv-check"
		[ -z "${3:-}" ] || echo "        $3"
	} > .pre-commit-config.yaml
	pre-commit install >/dev/null || { echo "FAIL precommit: pre-commit install failed"; exit 1; }
}
break_record() { sed 's/212000-0167/212000-0168/' "$1" > "$1.tmp" && mv "$1.tmp" "$1"; }
mend_record() { sed 's/212000-0168/212000-0167/' "$1" > "$1.tmp" && mv "$1.tmp" "$1"; }

# 1-3: the ledger at the root.
project "$tmp/root" .
git add -A
if git_ commit -q -m "good ledger" >"$tmp/out" 2>&1; then ok; else bad "a good ledger was refused: $(cat "$tmp/out")"; fi

break_record parties/nacka.yaml
git add parties/nacka.yaml
if git_ commit -q -m "bad record" >"$tmp/out" 2>&1; then
	bad "a bad staged record was committed"
elif grep -q 'samv-check' "$tmp/out" && grep -q 'org-number' "$tmp/out"; then ok
else bad "the refusal did not come from samv-check or name the rule: $(cat "$tmp/out")"; fi

mend_record parties/nacka.yaml
sed 's/^name: .*/name: Nacka kommun (VFU)/' parties/nacka.yaml > parties/nacka.yaml.tmp && mv parties/nacka.yaml.tmp parties/nacka.yaml
git add parties/nacka.yaml
if git_ commit -q -m "mended" >"$tmp/out" 2>&1; then ok; else bad "a good change to a record was refused: $(cat "$tmp/out")"; fi

echo "notes" > NOTES.txt
git add NOTES.txt
if git_ commit -m "no records" >"$tmp/out" 2>&1 && grep -q 'samv-check.*Skipped' "$tmp/out"; then ok
else bad "a commit without YAML files did not skip the hook: $(cat "$tmp/out")"; fi

# 4: the ledger below the root, named with args.
project "$tmp/sub" "vfu data" 'args: [-C, "vfu data"]'
git add -A
if git_ commit -q -m "good ledger" >"$tmp/out" 2>&1; then ok; else bad "a good ledger in a subdirectory was refused: $(cat "$tmp/out")"; fi
break_record "vfu data/parties/nacka.yaml"
git add -A
if git_ commit -q -m "bad record" >"$tmp/out" 2>&1; then
	bad "a bad staged record in a subdirectory ledger was committed"
elif grep -q 'org-number' "$tmp/out"; then ok
else bad "the refusal did not name the rule: $(cat "$tmp/out")"; fi

summary
