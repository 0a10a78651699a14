#!/bin/sh
# The Debian packages samv needs. Usage: deps.sh [install|build|tests]
#   install  (make deps, and make check and make demo before they build): what the build and
#            the tests need, installed with apt-get when run as root; otherwise the exact
#            command is printed and this fails
#   build    (before make compiles anything): installs nothing, which a packager's build does
#            not expect; names what is missing for the build and fails
#   tests    the same for the unit tests, which also need cmocka
set -u
mode=${1:-install}
case $mode in
install|build|tests) ;;
*) echo "usage: deps.sh [install|build|tests]" >&2; exit 2 ;;
esac
missing=""
need() { # need PKG-CONFIG-NAME DEBIAN-PACKAGE
	pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"
}
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
need yaml-0.1 libyaml-dev
need libgit2 libgit2-dev
need libpcre2-8 libpcre2-dev
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
if [ "$mode" != build ]; then
	need cmocka libcmocka-dev
	command -v git >/dev/null 2>&1 || missing="$missing git"
fi
[ -z "$missing" ] && exit 0
if [ "$mode" = install ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "samv: installing missing packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq $missing >&2 && exit 0
	echo "samv: apt-get could not install:$missing" >&2
	exit 1
fi
if [ "$mode" = install ]; then
	echo "samv: missing build dependencies. Run:" >&2
else
	echo "samv: missing build dependencies:$missing; install them with \`sudo make deps\`, or run:" >&2
fi
echo "    sudo apt-get install$missing" >&2
exit 1
