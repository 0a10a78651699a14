#!/bin/sh
# The editor and samv-check never disagree: install the pinned yaml-language-server from the
# npm registry (tests/editor/package-lock.json) into BUILD-DIR/editor, drive it over LSP on
# stdio with .vscode/settings.json, and check that it flags exactly the files and lines that
# samv-check flags under rule `schema` (tests/editor/check.mjs says what is compared and
# lists the few exclusions), and that hover and completion come from schema/.
# Skipped, with one line, where node or npm is missing or the registry cannot be reached;
# SAMV_TEST_NO_SKIP=1 (CI) makes a skip a failure. -v lists every file.
# Run: sh tests/editor/run.sh [BUILD-DIR] [-v]
set -u
build=${1:-build}
shift 2>/dev/null || true
top=$(cd "$(dirname "$0")/../.." && pwd)
case $build in /*) ;; *) build="$top/$build" ;; esac
. "$top/tests/lib.sh"

skip() {
	skipped editor "$1"
	exit # with skipped's status
}
command -v node >/dev/null 2>&1 || skip "node is not installed (apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || skip "npm is not installed (apt-get install npm)"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
	skip "node $(node --version) is older than 18"

work="$build/editor"
why=$(npm_install "$top/tests/editor" "$work" yaml-language-server)
case $? in
1) skip "$why" ;;
2) exit 1 ;;
esac
exec node "$top/tests/editor/check.mjs" "$work/node_modules/yaml-language-server" "$build/samv-check" "$@"
