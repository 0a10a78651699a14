#!/bin/sh
# Smoke-test the linter definitions in editors/ in the real editors, where installed:
# Emacs with Flycheck (editors/flycheck-samv.el) and Vim with ALE
# (editors/ale_linters/yaml/samv.vim). Each opens a record of a throwaway ledger, changes
# the buffer without saving it, and must show samv-check's findings on the unsaved text at
# their line, column, severity and rule; in a YAML file outside any ledger it must not run.
# Debian: apt-get install emacs-nox elpa-flycheck elpa-yaml-mode vim-nox vim-ale
# Each editor missing is skipped with one line; SAMV_TEST_NO_SKIP=1 (CI) makes that a failure.
# Run: sh tests/editor/linters.sh [BUILD-DIR]
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
case $build in /*) ;; *) build="$top/$build" ;; esac
suite=editor-linters
. "$top/tests/lib.sh"
[ -x "$build/samv-check" ] || { echo "FAIL editor-linters: no $build/samv-check; run make first"; exit 1; }
PATH="$build:$PATH"
export PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
missing=""

# A ledger in which org-number is a warning, so that one buffer shows both severities:
# the changed org number (a warning at 5:13) and the unknown field `adress` (an error at 6:1).
mkdir -p "$tmp/ledger" "$tmp/elsewhere"
cp -r "$top/tests/hook/ledger/." "$tmp/ledger/"
printf 'rules:\n  org-number: warning\n' >> "$tmp/ledger/samv.yaml"
cp "$tmp/ledger/parties/nacka.yaml" "$tmp/elsewhere/nacka.yaml"
record="$tmp/ledger/parties/nacka.yaml"
want="buffer:5:13:warning:org-number
buffer:6:1:error:schema
unsaved: yes"

# check NAME OUTPUT-FILE EXPECTED
check() {
	if [ "$(cat "$2")" = "$3" ]; then ok; else
		bad "$1: expected
$3
got
$(cat "$2")"
	fi
}

if command -v emacs >/dev/null 2>&1 &&
   emacs --batch --eval '(progn (package-initialize) (require (quote flycheck)))' >/dev/null 2>&1; then
	(cd "$tmp" && emacs --batch -l "$top/tests/editor/flycheck-test.el" "$record" "$top/editors") > "$tmp/out" 2>"$tmp/err"
	grep -v '^checker:' "$tmp/out" > "$tmp/errors"
	if grep -qx 'checker: samv' "$tmp/out"; then check "flycheck" "$tmp/errors" "$want"
	else bad "flycheck did not pick the samv checker: $(cat "$tmp/out" "$tmp/err" | tail -5)"; fi
	(cd "$tmp" && emacs --batch -l "$top/tests/editor/flycheck-test.el" "$tmp/elsewhere/nacka.yaml" "$top/editors") > "$tmp/out" 2>"$tmp/err"
	if ! grep -q 'checker: samv' "$tmp/out"; then ok
	else bad "flycheck ran samv outside a ledger: $(cat "$tmp/out")"; fi
else
	missing="$missing Emacs with Flycheck (apt-get install emacs-nox elpa-flycheck),"
fi

ale=""
for d in /usr/share/vim-ale "${ALE_DIR:-}"; do [ -n "$d" ] && [ -f "$d/plugin/ale.vim" ] && ale=$d; done
if command -v vim >/dev/null 2>&1 && [ -n "$ale" ] &&
   vim -N -u NONE -i NONE -es -c 'if has("job") && has("timers") | qa! | else | cq | endif' >/dev/null 2>&1; then
	(cd "$tmp" && ALE_DIR=$ale SAMV_EDITORS="$top/editors" OUT="$tmp/ale" \
		timeout 60 vim -N -u NONE -i NONE -es -S "$top/tests/editor/ale-test.vim" -- "$record") >/dev/null 2>&1
	if [ -f "$tmp/ale" ]; then check "ale" "$tmp/ale" "$want"; else bad "ALE wrote no result"; fi
	rm -f "$tmp/ale"
	(cd "$tmp" && ALE_DIR=$ale SAMV_EDITORS="$top/editors" OUT="$tmp/ale" \
		timeout 60 vim -N -u NONE -i NONE -es -S "$top/tests/editor/ale-test.vim" -- "$tmp/elsewhere/nacka.yaml") >/dev/null 2>&1
	if [ -f "$tmp/ale" ] && [ "$(cat "$tmp/ale")" = "unsaved: yes" ]; then ok
	else bad "ALE outside a ledger: $(cat "$tmp/ale" 2>/dev/null)"; fi
else
	missing="$missing Vim with ALE (apt-get install vim-nox vim-ale),"
fi

if [ -n "$missing" ]; then
	skipped editor-linters "not installed:${missing%,}" || failed=$((failed + 1))
fi
[ $((passed + failed)) = 0 ] || summary
