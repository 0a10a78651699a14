#!/bin/sh
# What the Makefile does with SANITIZE, and with a missing package: each sanitizer setting
# gets its flags and a build directory of its own, a value it does not know stops it with
# a message, and make and make install never install packages but say what to install.
# Only make -n, apart from one build that must stop before compiling anything.
# Run: sh tests/make/run.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
suite=make
. "$top/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Not the options and variables of a make that runs this (make check SANITIZE=1).
unset MAKEFLAGS MFLAGS MAKELEVEL

mk() { make -C "$top" --no-print-directory "$@" > "$tmp/out" 2> "$tmp/err"; }

# sanitized SANITIZE FLAG DIR: the build compiles and links with FLAG into DIR.
sanitized() {
	if ! mk -n -B SANITIZE="$1"; then bad "SANITIZE=$1 failed: $(cat "$tmp/err")"; return; fi
	if grep -q -- " $2 .*-o $3/samv-check\.o" "$tmp/out" && grep -q -- "$2 -o $3/samv-check " "$tmp/out"; then ok
	else bad "SANITIZE=$1: expected $2 into $3/, got: $(grep -m1 'samv-check\.o' "$tmp/out")"; fi
}
sanitized 1 -fsanitize=address,undefined build-sanitize
sanitized undefined,address -fsanitize=address,undefined build-sanitize
sanitized address -fsanitize=address build-sanitize-address
sanitized address,address -fsanitize=address build-sanitize-address
sanitized thread -fsanitize=thread build-tsan
sanitized thread,undefined -fsanitize=thread,undefined build-sanitize-thread-undefined

# refused SANITIZE MESSAGE: make stops at once, saying MESSAGE.
refused() {
	if mk -n SANITIZE="$1"; then bad "SANITIZE=$1 was accepted"
	elif grep -qF "$2" "$tmp/err"; then ok
	else bad "SANITIZE=$1: expected the message
$2
got
$(cat "$tmp/err")"; fi
}
known='give a comma list of address, undefined, leak, thread, or 1 for address,undefined'
refused bogus "SANITIZE=bogus: unknown sanitizer \"bogus\"; $known"
refused address,bogus "SANITIZE=address,bogus: unknown sanitizer \"bogus\"; $known"
refused 0 "SANITIZE=0: unknown sanitizer \"0\"; $known"
refused thread,address "SANITIZE=thread,address: thread cannot be combined with address or leak; build with SANITIZE=thread alone"

# make and make install only check for packages; make check, make demo and make deps install
# them (scripts/deps.sh install runs apt-get where one is missing).
for target in all install check demo deps; do
	mk -n "$target" DESTDIR="$tmp/dest"
	case $target in
	all|install) if grep -q 'scripts/deps.sh build$' "$tmp/out" && ! grep -q 'apt-get\|scripts/deps.sh install' "$tmp/out"; then ok
		else bad "make $target would install packages or not check for them: $(grep 'deps.sh\|apt-get' "$tmp/out")"; fi ;;
	*) if grep -q 'scripts/deps.sh install$' "$tmp/out"; then ok
		else bad "make $target would not install missing packages: $(grep 'deps.sh' "$tmp/out")"; fi ;;
	esac
done

# Without the -dev packages (pkg-config finds none), make stops before compiling anything and
# says what to install, also under -j.
mkdir "$tmp/no-pkgconfig"
if PKG_CONFIG_LIBDIR="$tmp/no-pkgconfig" mk -j2 BUILD="$tmp/b" all; then bad "make without the -dev packages succeeded"
elif ! grep -q '^samv: missing build dependencies: libyaml-dev libgit2-dev libpcre2-dev; install them with `sudo make deps`, or run:$' "$tmp/err" ||
     ! grep -q '^    sudo apt-get install libyaml-dev libgit2-dev libpcre2-dev$' "$tmp/err"; then
	bad "make without the -dev packages: expected what to install, got: $(head -5 "$tmp/err")"
elif [ -n "$(find "$tmp/b" -name '*.o' 2>/dev/null)" ]; then bad "make without the -dev packages compiled: $(head -5 "$tmp/out")"
else ok; fi

summary
