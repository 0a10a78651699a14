#!/bin/sh
# Hold the library to its layers (cmd/lib/layers): every #include "FOLDER/x.h" in
# cmd/lib and every call between its objects must point to the file's own folder or one
# the file's folder may use; no two files may use each other, directly or round a circle;
# no object of the library may read the environment; no file may use a name its folder is
# barred from ("FOLDER without: NAME..."). Usage: layers.sh BUILD (the
# directory the library's objects are in, as lib/FOLDER/x.o). Run by `make layers`.
set -eu
build=${1:?usage: layers.sh BUILD}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' cmd/lib/layers | grep . | grep -v '^[a-z]* without:' | sed 's/:/ /' > "$tmp/allowed"
sed -n 's/^\([a-z]*\) without:/\1/p' cmd/lib/layers > "$tmp/without"

# 1. Includes: "FOLDER/name.h" only, and FOLDER allowed.
for f in cmd/lib/*/*.[ch]; do
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
		sed "s|^\([0-9]*\):[^\"]*\"\([^\"]*\)\".*|$f \1 \2|"
done > "$tmp/includes"
awk -v allowed="$tmp/allowed" '
	BEGIN { while ((getline line < allowed) > 0) { n = split(line, w, " ");
		ok[w[1], w[1]] = 1; for (i = 2; i <= n; i++) ok[w[1], w[i]] = 1; may[w[1]] = line } }
	{ split($1, p, "/"); from = p[3]; to = $3
	  if (!(from in may)) { printf "%s: folder %s is not in cmd/lib/layers\n", $1, from; bad = 1; next }
	  if (to !~ /^[a-z]+\/[a-z_0-9]+\.h$/) {
		printf "%s:%s: #include \"%s\": name the folder, as \"%s/%s\"\n", $1, $2, to, from, to; bad = 1; next }
	  split(to, q, "/")
	  if (!ok[from, q[1]]) {
		sub(/^[a-z]+ ?/, "", may[from])
		printf "%s:%s: #include \"%s\": %s/ may use only %s\n", $1, $2, to, from,
			may[from] == "" ? "itself" : "itself and " may[from]; bad = 1 } }
	END { exit bad }' "$tmp/includes" || fail=1

# 2. Calls: the objects' undefined symbols against the objects that define them.
objs=$(ls "$build"/lib/*/*.o)
nm -A -g --defined-only $objs 2>/dev/null | awk '$2 ~ /^[TDBRCVW]$/ { sub(/:.*/, "", $1); print $3, $1 }' |
	sort -u > "$tmp/defined"
nm -A -u $objs 2>/dev/null | awk '{ sub(/:.*/, "", $1); print $NF, $1 }' | sort -u > "$tmp/used"
join "$tmp/used" "$tmp/defined" | awk '$2 != $3 { print $2, $3, $1 }' > "$tmp/calls"
awk -v allowed="$tmp/allowed" -v build="$build/lib/" '
	function src(o) { sub("^" build, "cmd/lib/", o); sub(/\.o$/, ".c", o); return o }
	BEGIN { while ((getline line < allowed) > 0) { n = split(line, w, " ");
		ok[w[1], w[1]] = 1; for (i = 2; i <= n; i++) ok[w[1], w[i]] = 1; may[w[1]] = line } }
	{ a = src($1); b = src($2); split(a, p, "/"); split(b, q, "/")
	  if (!ok[p[3], q[3]]) {
		printf "%s calls %s (%s): %s/ may not use %s/\n", a, $3, b, p[3], q[3]; bad = 1 } }
	END { exit bad }' "$tmp/calls" || fail=1

# 3. No circles: the files, joined by the calls between them and the includes among them.
{
	awk -v build="$build/lib/" '{ a = $1; b = $2; sub("^" build, "", a); sub("^" build, "", b);
		sub(/\.o$/, "", a); sub(/\.o$/, "", b); print a, b }' "$tmp/calls"
	awk '{ a = $1; sub(/^cmd\/lib\//, "", a); sub(/\.[ch]$/, "", a); b = $3; sub(/\.h$/, "", b);
		if (a != b) print a, b }' "$tmp/includes"
} | sort -u > "$tmp/edges"
if ! tsort "$tmp/edges" > /dev/null 2> "$tmp/loops"; then
	echo "files that use each other round a circle (each line: a member of the circle):"
	sed -n 's/^tsort: //p' "$tmp/loops" | grep -v 'input contains a loop'
	fail=1
fi

# 4. The environment is the commands' to read.
for sym in getenv secure_getenv setenv putenv unsetenv environ; do
	awk -v s="$sym" -v build="$build/lib/" '$1 == s { o = $2; sub("^" build, "cmd/lib/", o);
		sub(/\.o$/, ".c", o); printf "%s reads the environment (%s): take it as an option\n", o, s }' \
		"$tmp/used"
done > "$tmp/env"
if [ -s "$tmp/env" ]; then
	cat "$tmp/env"
	fail=1
fi

# 5. Names a folder is barred from: written in its sources (a name that is an identifier
# only where one begins), or used by its objects (which a macro cannot hide).
while read -r folder names; do
	for name in $names; do
		for f in cmd/lib/"$folder"/*.[ch]; do
			[ -e "$f" ] || continue
			awk -v n="$name" -v f="$f" -v d="$folder" '
				{ s = $0; at = 0
				  while ((i = index(s, n)) > 0) {
					before = at + i > 1 ? substr($0, at + i - 1, 1) : ""
					if (n !~ /^[A-Za-z_]/ || before !~ /[A-Za-z0-9_]/) {
						printf "%s:%d: %s: %s/ may not use %s*\n", f, NR, n, d, n; break }
					at += i; s = substr(s, i + 1) } }' "$f"
		done
		for o in "$build/lib/$folder"/*.o; do
			[ -e "$o" ] || continue
			nm "$o" 2>/dev/null | awk -v n="$name" -v o="$o" -v d="$folder" -v build="$build/lib/" '
				index($NF, n) == 1 { sub("^" build, "cmd/lib/", o); sub(/\.o$/, ".c", o)
					printf "%s uses %s: %s/ may not use %s*\n", o, $NF, d, n }' | sort -u
		done
	done
done < "$tmp/without" > "$tmp/barred"
if [ -s "$tmp/barred" ]; then
	cat "$tmp/barred"
	fail=1
fi

if [ "${fail:-0}" = 1 ]; then
	echo "layers: FAILED (cmd/lib/layers says what may use what)"
	exit 1
fi
echo "layers: $(wc -l < "$tmp/includes") includes and $(wc -l < "$tmp/calls") calls between files follow cmd/lib/layers; no circle; no environment read; no barred name"
