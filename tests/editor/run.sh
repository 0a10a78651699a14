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

skip() {
	echo "editor: skipped: $1"
	if [ "${SAMV_TEST_NO_SKIP:-}" = 1 ]; then
		echo "FAIL editor: skipping is not allowed here (SAMV_TEST_NO_SKIP=1)"
		exit 1
	fi
	exit 0
}
command -v node >/dev/null 2>&1 || skip "node is not installed (apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || skip "npm is not installed (apt-get install npm)"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
	skip "node $(node --version) is older than 18"

work="$build/editor"
mkdir -p "$work" || exit 1
# Install again only when the lock file changed.
if ! cmp -s "$top/tests/editor/package-lock.json" "$work/package-lock.json" ||
   [ ! -f "$work/node_modules/yaml-language-server/package.json" ]; then
	rm -rf "$work/node_modules"
	cp "$top/tests/editor/package.json" "$top/tests/editor/package-lock.json" "$work/" || exit 1
	if ! (cd "$work" && npm ci --no-audit --no-fund --loglevel=error >npm.log 2>&1); then
		rm -f "$work/package-lock.json"
		why=$(grep -i 'err' "$work/npm.log" | grep -v 'complete log' | head -n 1)
		skip "npm ci could not install yaml-language-server from the registry (no network?): $why"
	fi
fi
exec node "$top/tests/editor/check.mjs" "$work/node_modules/yaml-language-server" "$build/samv-check" "$@"
