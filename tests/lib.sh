# lib.sh — what the test scripts share, sourced by them (POSIX sh): the counts of passed
# and failed checks, git for throwaway repositories, skipping a part whose tools are
# missing, running a program as the user nobody, and installing the npm packages a part
# pins. bad and summary name the suite by $suite, which the script sets. It defines
# functions and the counts only, so that a script that ends in exec (tests/editor/run.sh)
# can source it too.
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL $suite: $1"; }
# The closing line, "SUITE: N passed, M failed"; false when a check failed.
summary() { echo "$suite: $passed passed, $failed failed"; [ "$failed" = 0 ]; }

# git with an identity, no signing and the branch main, whatever the user's configuration.
git_() { git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false -c init.defaultBranch=main "$@"; }

# skipped PART WHY: says that PART is skipped and why. False, after saying so, where
# skipping is not allowed (SAMV_TEST_NO_SKIP=1, as in CI).
skipped() {
	echo "$1: skipped: $2"
	[ "${SAMV_TEST_NO_SKIP:-}" = 1 ] || return 0
	echo "FAIL $1: skipping is not allowed here (SAMV_TEST_NO_SKIP=1)"
	return 1
}

# as_nobody COMMAND...: runs COMMAND as the user nobody, whom file permissions stop (they do
# not stop root).
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

# nobody_dir PROGRAM...: makes a directory under /tmp that nobody can reach, with a copy of
# each PROGRAM that nobody can run, and names it on standard output; the caller removes it.
# Copies, because nobody may not reach the checkout: a clone in a 0700 home or in a mktemp -d
# directory is not, and chmod of a user's home is not a test's business. /tmp, not TMPDIR,
# since TMPDIR may be as private. False, after saying why on standard error, when setpriv is
# missing or cannot switch user, or nobody cannot run the copies (tried through env: setpriv
# itself finds its command while it still has root's capabilities).
nobody_dir() {
	if ! command -v setpriv > /dev/null 2>&1 || ! as_nobody true 2> /dev/null; then
		echo "setpriv is not installed or cannot switch to nobody (apt-get install util-linux)" >&2
		return 1
	fi
	nd=$(mktemp -d /tmp/samv-nobody.XXXXXX) || return 1
	if ! { chmod 755 "$nd" && cp "$@" "$nd/" && chmod -R a+rX "$nd"; }; then
		rm -rf "$nd"
		return 1
	fi
	for f in "$@"; do
		if ! as_nobody env "$nd/${f##*/}" --version > /dev/null 2>&1; then
			echo "nobody cannot run $nd/${f##*/}" >&2
			rm -rf "$nd"
			return 1
		fi
	done
	echo "$nd"
}

# npm_install DIR WORK PACKAGE: the packages DIR/package-lock.json pins, installed into
# WORK/node_modules, again only when the lock file changed (PACKAGE, the one the part
# uses, tells whether they are there). Returns 1, with why on standard output, when npm
# could not install them (the part is skipped then), and 2 when WORK could not be set up.
npm_install() {
	mkdir -p "$2" || return 2
	if cmp -s "$1/package-lock.json" "$2/package-lock.json" && [ -f "$2/node_modules/$3/package.json" ]; then
		return 0
	fi
	rm -rf "$2/node_modules"
	cp "$1/package.json" "$1/package-lock.json" "$2/" || return 2
	if ! (cd "$2" && npm ci --no-audit --no-fund --loglevel=error > npm.log 2>&1); then
		rm -f "$2/package-lock.json"
		echo "npm ci could not install $3 from the registry (no network?): $(grep -i 'err' "$2/npm.log" | grep -v 'complete log' | head -n 1)"
		return 1
	fi
}
