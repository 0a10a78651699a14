#!/bin/sh
# Make sure the build dependencies are there: install them with apt-get when run as root,
# otherwise print the exact command and stop. Called by every make target that builds.
set -u
missing=""
need() { # need PKG-CONFIG-NAME DEBIAN-PACKAGE
	pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"
}
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
need yaml-0.1 libyaml-dev
need libgit2 libgit2-dev
need cmocka libcmocka-dev
need libpcre2-8 libpcre2-dev
command -v git >/dev/null 2>&1 || missing="$missing git"
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "samv: installing missing packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq $missing >&2 && exit 0
	echo "samv: apt-get could not install:$missing" >&2
	exit 1
fi
echo "samv: missing build dependencies. Run:" >&2
echo "    sudo apt-get install$missing" >&2
exit 1
