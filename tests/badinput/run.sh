#!/bin/sh
# Bad input, end to end: what is too big or too special to commit as an e2e fixture is made
# here at run time in a temporary directory, and the real samv-check is run on it.
#
# Each case asserts the exit status and an exact line of the output (standard output or
# error), and runs under `timeout 10` and a 1 GiB address-space cap (ulimit -v; not for
# a sanitizer build, whose shadow memory needs far more address space). The small bad
# inputs (malformed YAML, tabs, tags, BOM with CRLF, several documents, ...) are e2e cases:
# tests/e2e/cases/yaml-* and schema-*. The last case checks that neither samv-check nor
# samv-report ever runs a command a ledger or its git configuration names.
#
# Usage: sh tests/badinput/run.sh BUILD-DIR [CASE...]   (make badinput)
set -u
build=${1:-build}
shift 2> /dev/null || true
top=$(cd "$(dirname "$0")/../.." && pwd)
case "$build" in /*) bin="$build/samv-check" ;; *) bin="$top/$build/samv-check" ;; esac
only="$*"
. "$top/tests/lib.sh"
tmp=$(mktemp -d)
shared= # as root, where the unreadable cases run as nobody: see unreadable
trap 'chmod -R u+rwx "$tmp" 2> /dev/null; rm -rf "$tmp" ${shared:+"$shared"}' EXIT
cap=1048576
case "$build" in *sanitize*) cap= ;; esac
passed=0
failed=0
skipped=0
nl='
'

# ledger NAME [IN]: a fresh ledger NAME with a samv.yaml, in IN (default $tmp); sets $dir.
ledger() {
	dir="${2:-$tmp}/$1"
	mkdir -p "$dir"
	printf 'kind: ledger\nname: Bad input\ncurrency: SEK\nas_of: 2025-03-12\n' > "$dir/samv.yaml"
}

# The valid rates record every case starts from.
rates() {
	printf 'kind: rates\nid: rates\nper: student-week\nbase:\n  year: 2025\n  amount: 1600\nyears: {}\n'
}

wanted() {
	[ -z "$only" ] && return 0
	for c in $only; do [ "$c" = "$1" ] && return 0; done
	return 1
}

# check NAME STATUS LINES [--as RUNNER PROGRAM] [-- ARGS...]: run samv-check (or PROGRAM,
# under the command RUNNER if not empty) in $dir with ARGS; pass when the status is STATUS
# and every line of LINES is a whole line of the output (standard output and error together).
check() {
	name=$1 want=$2 lines=$3
	shift 3
	runner='' program=$bin
	if [ "${1:-}" = --as ]; then
		runner=$2 program=$3
		shift 3
	fi
	[ "${1:-}" = -- ] && shift
	(
		cd "$dir" || exit 99
		# shellcheck disable=SC3045 # dash, bash and busybox sh all have ulimit -v
		[ -n "$cap" ] && ulimit -v "$cap"
		$runner timeout 10 "$program" "$@"
	) > "$tmp/out" 2> "$tmp/err"
	status=$?
	cat "$tmp/out" "$tmp/err" > "$tmp/all"
	ok=true
	why=
	if [ "$status" = 124 ]; then
		ok=false
		why="timed out after 10 s"
	elif [ "$status" != "$want" ]; then
		ok=false
		why="exit $status (expected $want)"
	fi
	old_ifs=$IFS
	IFS=$nl
	for line in $lines; do
		if ! grep -qxF -- "$line" "$tmp/all"; then
			ok=false
			why="${why:+$why; }missing line: $line"
		fi
	done
	IFS=$old_ifs
	if $ok; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name: $why"
		head -c 2000 "$tmp/all" | head -n 10 | sed 's/^/    /'
	fi
}

skip() {
	skipped=$((skipped + 1))
	echo "skip $1: $2"
}

# unreadable NAME: a fresh ledger NAME for a case that makes something in it unreadable
# (deny); sets $dir, and $runner and $program for check --as. chmod 000 does not stop root,
# so as root the case runs as nobody on a copy of samv-check, both in a directory nobody can
# reach wherever the checkout is (nobody_dir in tests/lib.sh). False, after saying the case
# is skipped, when that cannot be done.
unreadable() {
	runner='' program=$bin
	if [ "$(id -u)" != 0 ]; then
		ledger "$1"
		return 0
	fi
	if [ -z "$shared" ] && ! shared=$(nobody_dir "$bin" 2> "$tmp/why"); then
		shared=
		skip "$1" "running as root, and chmod 000 does not stop root: $(cat "$tmp/why")"
		return 1
	fi
	ledger "$1" "$shared"
	runner=as_nobody program=$shared/samv-check
}

# deny PATH: makes PATH in the ledger $dir unreadable, and the rest of it readable by
# whoever runs the case (nobody, as root), whatever the umask made of it.
deny() {
	chmod -R a+rX "$dir"
	chmod 000 "$1"
}

# Bytes from a fixed seed (Park-Miller), so every run makes the same garbage.
# garbage N SEED binary|text
garbage() {
	LC_ALL=C awk -v n="$1" -v x="$2" -v mode="$3" 'BEGIN {
		for (i = 0; i < n; i++) {
			x = (x * 16807) % 2147483647
			c = int(x / 8388608) % 256
			if (mode == "text") {
				c = c % 96
				c = c == 95 ? 10 : c + 32
			}
			printf "%c", c
		}
	}'
}

if [ ! -x "$bin" ]; then
	echo "badinput: no $bin: build first (make)"
	exit 1
fi

# --- size ---

if wanted scalar-30mb; then
	ledger scalar-30mb
	{ printf 'kind: rates\nid: big\nnote: "'; head -c 31457280 /dev/zero | tr '\0' a; printf '"\n'; } > "$dir/big.yaml"
	check scalar-30mb 1 "big.yaml:1:1: error: file is 31457309 bytes, larger than the 16 MiB a record file may have [yaml]"
fi

if wanted scalar-15mb; then
	# Under the size bound, so the loader and the schema see all of it.
	ledger scalar-15mb
	{ rates; printf 'note: "'; head -c 15728640 /dev/zero | tr '\0' a; printf '"\n'; } > "$dir/rates.yaml"
	check scalar-15mb 1 "rates.yaml:8:1: error: unknown field \`note\` [schema]"
fi

# The valid rates record padded with a comment to $1 bytes.
padded_rates() {
	rates > "$tmp/padded"
	size=$(wc -c < "$tmp/padded")
	{ cat "$tmp/padded"; printf '# '; head -c $(($1 - size - 3)) /dev/zero | tr '\0' x; printf '\n'; }
	rm -f "$tmp/padded"
}

if wanted file-exactly-16mib; then
	# The bound itself is allowed.
	ledger file-exactly-16mib
	padded_rates 16777216 > "$dir/rates.yaml"
	check file-exactly-16mib 0 "0 errors, 0 warnings in 2 files"
fi

if wanted file-16mib-and-one; then
	ledger file-16mib-and-one
	padded_rates 16777217 > "$dir/rates.yaml"
	check file-16mib-and-one 1 "rates.yaml:1:1: error: file is 16777217 bytes, larger than the 16 MiB a record file may have [yaml]"
fi

# Standard input (--stdin-filename) has the bound of a file, not of the buffer it is read
# into (which doubles past 16 MiB).
if wanted stdin-exactly-16mib; then
	ledger stdin-exactly-16mib
	padded_rates 16777216 > "$tmp/stdin"
	check stdin-exactly-16mib 0 "0 errors, 0 warnings in 2 files" -- --stdin-filename rates.yaml - < "$tmp/stdin"
fi

if wanted stdin-16mib-and-one; then
	ledger stdin-16mib-and-one
	padded_rates 16777217 > "$tmp/stdin"
	check stdin-16mib-and-one 2 "samv-check: standard input is larger than the 16 MiB a record file may have" \
		-- --stdin-filename rates.yaml - < "$tmp/stdin"
fi
rm -f "$tmp/stdin"

if wanted keys-200000-duplicate; then
	# 200 000 keys, the last repeating the first: the duplicate check must not be quadratic.
	ledger keys-200000-duplicate
	{ printf 'kind: rates\n'; awk 'BEGIN { for (i = 0; i < 200000; i++) printf "k%d: %d\n", i, i }'; printf 'k0: again\n'; } > "$dir/keys.yaml"
	check keys-200000-duplicate 1 "keys.yaml:200002:1: error: duplicate key 'k0' (first at line 2): the second value would silently replace the first; remove one [yaml]"
fi

if wanted keys-200000; then
	# 200 000 distinct keys: loaded, and each one an unknown field of the schema.
	ledger keys-200000
	{ rates; awk 'BEGIN { for (i = 0; i < 200000; i++) printf "k%d: %d\n", i, i }'; } > "$dir/rates.yaml"
	check keys-200000 1 "rates.yaml:8:1: error: unknown field \`k0\` [schema]${nl}rates.yaml:200007:1: error: unknown field \`k199999\` [schema]${nl}200000 errors, 0 warnings in 2 files"
fi

if wanted key-2mb; then
	ledger key-2mb
	{ printf 'kind: rates\n'; head -c 2097152 /dev/zero | tr '\0' k; printf ': 1\n'; } > "$dir/key.yaml"
	check key-2mb 1 "key.yaml:2:1: error: a key of more than 1024 characters: YAML does not allow keys this long; shorten it [yaml]"
fi

if wanted key-2mb-quoted; then
	ledger key-2mb-quoted
	{ printf 'kind: rates\n"'; head -c 2097152 /dev/zero | tr '\0' k; printf '": 1\n'; } > "$dir/key.yaml"
	check key-2mb-quoted 1 "key.yaml:2:1: error: a key of more than 1024 characters: YAML does not allow keys this long; shorten it [yaml]"
fi

if wanted key-2mb-flow; then
	ledger key-2mb-flow
	{ rates; printf 'x: {'; head -c 2097152 /dev/zero | tr '\0' k; printf ': 1}\n'; } > "$dir/rates.yaml"
	check key-2mb-flow 1 "rates.yaml:8:5: error: a key of more than 1024 characters: YAML does not allow keys this long; shorten it [yaml]"
fi

if wanted key-2mb-nested; then
	ledger key-2mb-nested
	{ rates; printf 'x:\n  - '; head -c 2097152 /dev/zero | tr '\0' k; printf ': 1\n'; } > "$dir/rates.yaml"
	check key-2mb-nested 1 "rates.yaml:9:5: error: a key of more than 1024 characters: YAML does not allow keys this long; shorten it [yaml]"
fi

# --- nesting ---

if wanted nesting-flow-100000; then
	ledger nesting-flow-100000
	{ rates; printf 'x: '; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }'; } > "$dir/rates.yaml"
	check nesting-flow-100000 1 "rates.yaml:8:67: error: nesting deeper than 64 levels; a record is never this deep [yaml]"
fi

if wanted nesting-flow-map-100000; then
	ledger nesting-flow-map-100000
	{ rates; printf 'x: '; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{a: "; for (i = 0; i < 100000; i++) printf "}"; print "" }'; } > "$dir/rates.yaml"
	check nesting-flow-map-100000 1 "rates.yaml:8:256: error: nesting deeper than 64 levels; a record is never this deep [yaml]"
fi

if wanted nesting-flow-unclosed-100000; then
	ledger nesting-flow-unclosed-100000
	{ rates; printf 'x: '; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }'; } > "$dir/rates.yaml"
	check nesting-flow-unclosed-100000 1 "rates.yaml:8:67: error: nesting deeper than 64 levels; a record is never this deep [yaml]"
fi

if wanted nesting-block-100000; then
	# Block sequences nest on one line ("- - - a"), so 100 000 levels fit in 200 kB.
	ledger nesting-block-100000
	{ rates; printf 'x:\n'; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "- "; print "a" }'; } > "$dir/rates.yaml"
	check nesting-block-100000 1 "rates.yaml:9:127: error: nesting deeper than 64 levels; a record is never this deep [yaml]"
fi

if wanted nesting-block-indented-5000; then
	# Block mappings nest by indentation: 5000 levels of one more space each is 12.5 MB,
	# about as deep as the 16 MiB bound lets a file be.
	ledger nesting-block-indented-5000
	{ rates; awk 'BEGIN { for (i = 0; i < 5000; i++) printf "%*sk:\n", i, "" }'; } > "$dir/rates.yaml"
	check nesting-block-indented-5000 1 "rates.yaml:72:65: error: nesting deeper than 64 levels; a record is never this deep [yaml]"
fi

# --- anchors ---

if wanted alias-bomb; then
	# A billion laughs: nine levels of nine aliases each.
	ledger alias-bomb
	{
		rates
		printf 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
		prev=a
		for n in b c d e f g h i; do
			printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $n $n $prev $prev $prev $prev $prev $prev $prev $prev $prev
			prev=$n
		done
	} > "$dir/rates.yaml"
	check alias-bomb 1 "rates.yaml:8:4: error: anchor '&a' is not allowed: samv reads no anchors or aliases; write the value out [yaml]"
fi

if wanted alias-100000; then
	ledger alias-100000
	{ rates; printf 'x: ['; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "*a, "; print "*a]" }'; } > "$dir/rates.yaml"
	check alias-100000 1 "rates.yaml:8:5: error: alias '*a' is not allowed: samv reads no anchors or aliases; write the value out [yaml]"
fi

# --- garbage ---

if wanted binary-garbage; then
	ledger binary-garbage
	garbage 1048576 20250612 binary > "$dir/garbage.yaml"
	check binary-garbage 1 "garbage.yaml:1:2: error: invalid UTF-8 (byte 0xB6 at offset 1): save the file as UTF-8 [yaml]"
fi

if wanted binary-garbage-nul; then
	ledger binary-garbage-nul
	garbage 1048576 1 binary > "$dir/garbage.yaml"
	check binary-garbage-nul 1 "garbage.yaml:1:1: error: NUL byte in file (byte offset 0): a record is text; is this a binary file? [yaml]"
fi

if wanted text-garbage; then
	ledger text-garbage
	garbage 1048576 20250612 text > "$dir/garbage.yaml"
	check text-garbage 1 "garbage.yaml:32:1: error: not valid YAML: did not find expected <document start> [yaml]"
fi

if wanted empty-files; then
	ledger empty-files
	: > "$dir/empty.yaml"
	printf '\n\n\n' > "$dir/blank.yaml"
	printf '\357\273\277' > "$dir/bom-only.yaml"
	check empty-files 1 "blank.yaml:1:1: error: the file holds no record: a record is a mapping that starts with \`kind:\` [schema]${nl}bom-only.yaml:1:1: error: the file holds no record: a record is a mapping that starts with \`kind:\` [schema]${nl}empty.yaml:1:1: error: the file holds no record: a record is a mapping that starts with \`kind:\` [schema]"
fi

if wanted documents-100000; then
	ledger documents-100000
	{ rates; awk 'BEGIN { for (i = 0; i < 100000; i++) print "---\nkind: rates" }'; } > "$dir/rates.yaml"
	check documents-100000 1 "rates.yaml:8:1: error: a second document: a record file holds exactly one (remove the '---' line and what follows, or move it to its own file) [yaml]"
fi

# --- the file system ---

if wanted symlink-outside; then
	ledger symlink-outside
	rates > "$dir/rates.yaml"
	ln -s /etc/passwd "$dir/passwd.yaml"
	ln -s /etc "$dir/etc"
	ln -s ../../../../../../../../etc/hostname "$dir/hostname.yaml"
	check symlink-outside 1 "etc:1:1: error: symbolic link not followed: samv reads only regular files inside the ledger [yaml]${nl}hostname.yaml:1:1: error: symbolic link not followed: samv reads only regular files inside the ledger [yaml]${nl}passwd.yaml:1:1: error: symbolic link not followed: samv reads only regular files inside the ledger [yaml]"
fi

if wanted directory-named-yaml; then
	ledger directory-named-yaml
	rates > "$dir/rates.yaml"
	mkdir "$dir/x.yaml" "$dir/y.yml"
	check directory-named-yaml 1 "x.yaml:1:1: error: is a directory, not a record file [yaml]${nl}y.yml:1:1: error: is a directory, not a record file [yaml]"
fi

if wanted fifo-named-yaml; then
	ledger fifo-named-yaml
	rates > "$dir/rates.yaml"
	if mkfifo "$dir/pipe.yaml" 2> /dev/null; then
		check fifo-named-yaml 1 "pipe.yaml:1:1: error: not a regular file [yaml]"
	else
		skip fifo-named-yaml "mkfifo failed"
	fi
fi

if wanted unreadable-file && unreadable unreadable-file; then
	rates > "$dir/rates.yaml"
	deny "$dir/rates.yaml"
	check unreadable-file 2 "rates.yaml:1:1: error: cannot read file: Permission denied [yaml]" --as "$runner" "$program"
fi

if wanted unreadable-directory && unreadable unreadable-directory; then
	rates > "$dir/rates.yaml"
	mkdir "$dir/parties"
	deny "$dir/parties"
	check unreadable-directory 2 "parties:1:1: error: cannot read directory: Permission denied [yaml]" --as "$runner" "$program"
fi

# --- git ---

if wanted rev-does-not-exist; then
	ledger rev-does-not-exist
	rates > "$dir/rates.yaml"
	if command -v git > /dev/null 2>&1 &&
		(cd "$dir" && git init -q . && git add -A &&
			git -c user.name=samv -c user.email=samv@example.org -c commit.gpgsign=false commit -q -m ledger) > /dev/null 2>&1; then
		check rev-does-not-exist 2 "samv-check: unknown revision 'nosuchrev'" -- --rev nosuchrev
	else
		skip rev-does-not-exist "git is not installed"
	fi
fi

if wanted rev-outside-git; then
	ledger rev-outside-git
	rates > "$dir/rates.yaml"
	check rev-outside-git 2 "samv-check: not a git repository (needed for --staged and --rev): $dir" -- --rev HEAD
fi

# --- never run what it reads ---

# A ledger that tries to make samv run something: file names and values that a shell
# would expand, and a git repository whose config and attributes name commands (filter
# drivers, fsmonitor, hooks, an external diff, a pager). Neither samv-check (work tree,
# index, commit) nor samv-report (which asks git whether the work tree is modified) may
# run any of them: each would create a file next to the marker.
if wanted never-runs-what-it-reads; then
	ledger never-runs-what-it-reads
	marker="$tmp/ran"
	mkdir -p "$marker"
	rates > "$dir/rates.yaml"
	# shellcheck disable=SC2016
	for name in '$(touch ran-dollar)' '`touch ran-backtick`' '; touch ran-semicolon' '| touch ran-pipe'; do
		printf 'kind: rates\nid: x%s\nper: student-week\nbase:\n  year: 2025\n  amount: 1600\nyears:\n  "2026":\n    amount: 1700\n    source: "$(touch ran-value) `touch ran-value2`"\n' \
			"$(printf '%s' "$name" | cksum | cut -d' ' -f1)" > "$dir/$name.yaml"
	done
	if command -v git > /dev/null 2>&1 &&
		(cd "$dir" && git init -q . && printf '*.yaml filter=evil diff=evil\n' > .gitattributes &&
			git add -A &&
			git -c user.name=samv -c user.email=samv@example.org -c commit.gpgsign=false commit -q -m ledger &&
			git config filter.evil.clean "touch $marker/filter-clean; cat" &&
			git config filter.evil.smudge "touch $marker/filter-smudge; cat" &&
			git config filter.evil.process "touch $marker/filter-process" &&
			git config diff.evil.command "touch $marker/diff" &&
			git config diff.external "touch $marker/diff-external" &&
			git config core.fsmonitor "touch $marker/fsmonitor" &&
			git config core.pager "touch $marker/pager" &&
			git config core.hooksPath "$marker/hooks" &&
			printf 'kind: rates\nid: changed\nper: student-week\nbase:\n  year: 2025\n  amount: 1600\nyears: {}\n' > changed.yaml) > /dev/null 2>&1; then
		mkdir -p "$marker/hooks"
		for h in pre-commit post-checkout reference-transaction; do
			printf '#!/bin/sh\ntouch %s/hook-%s\n' "$marker" "$h" > "$marker/hooks/$h"
			chmod +x "$marker/hooks/$h"
		done
		check never-runs-what-it-reads 0 "0 errors, 0 warnings in 7 files"
		check never-runs-what-it-reads--staged 0 "0 errors, 0 warnings in 6 files" -- --staged
		check never-runs-what-it-reads--rev 0 "0 errors, 0 warnings in 6 files" -- --rev HEAD
		report="$top/$build/samv-report"
		case "$build" in /*) report="$build/samv-report" ;; esac
		(cd "$dir" && timeout 10 "$report" site --out "$tmp/site") > /dev/null 2>&1
		# shellcheck disable=SC2010 # the names to look for are plain
		ran=$(ls "$marker" "$dir" | grep -E '^(ran-|filter|diff|fsmonitor|pager|hook-)' | tr '\n' ' ')
		if [ ! -f "$tmp/site/index.html" ]; then
			failed=$((failed + 1))
			echo "FAIL never-runs-what-it-reads: samv-report site made no site"
		elif [ -z "$ran" ]; then
			passed=$((passed + 1))
			echo "ok   never-runs-what-it-reads: nothing ran"
		else
			failed=$((failed + 1))
			echo "FAIL never-runs-what-it-reads: ran $ran"
		fi
	else
		skip never-runs-what-it-reads "git is not installed"
	fi
fi

[ "$skipped" = 0 ] || echo "badinput: $skipped skipped (see above)"
echo "badinput: $passed passed, $failed failed"
[ "$failed" = 0 ]
