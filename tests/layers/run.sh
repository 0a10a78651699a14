#!/bin/sh
# The layer check (scripts/layers.sh) on small trees of its own: it passes a tree that keeps
# to its layers and fails, naming the file and what is wrong, an include or a call that
# points up or across, an include that names no folder, two files that use each other,
# a library that reads the environment, and a folder that uses a name it is barred from, in
# its source or, behind a macro, in its object. Run: sh tests/layers/run.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
suite=layers
. "$top/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc=${CC:-cc}

# tree NAME: a tree with layers util < input, util/a.c and input/b.c, in $tmp/NAME.
tree() {
	d=$tmp/$1
	mkdir -p "$d/cmd/lib/util" "$d/cmd/lib/input" "$d/build/lib/util" "$d/build/lib/input"
	printf 'util:\ninput: util\n' > "$d/cmd/lib/layers"
	printf 'int a(void);\n' > "$d/cmd/lib/util/a.h"
	printf '#include "util/a.h"\nint a(void) { return 1; }\n' > "$d/cmd/lib/util/a.c"
	printf 'int b(void);\n' > "$d/cmd/lib/input/b.h"
	printf '#include "input/b.h"\n#include "util/a.h"\nint b(void) { return a(); }\n' > "$d/cmd/lib/input/b.c"
}

# verdict NAME WANT: build NAME's objects, run the check there; WANT is "" for a pass or
# text its report must hold.
verdict() {
	d=$tmp/$1
	for c in "$d"/cmd/lib/*/*.c; do
		o=$d/build/lib/${c#"$d"/cmd/lib/}
		"$cc" -c -I"$d/cmd/lib" "$c" -o "${o%.c}.o" 2> "$tmp/cc" || { bad "$1: cannot compile: $(cat "$tmp/cc")"; return; }
	done
	if (cd "$d" && sh "$top/scripts/layers.sh" build) > "$tmp/out" 2>&1; then
		if [ -z "$2" ]; then ok; else bad "$1: passed, expected: $2"; fi
	elif [ -z "$2" ]; then bad "$1: failed: $(cat "$tmp/out")"
	elif grep -qF -- "$2" "$tmp/out"; then ok
	else bad "$1: expected
$2
got
$(cat "$tmp/out")"; fi
}

tree clean
verdict clean ""

tree include-up
printf '#include "input/b.h"\n#include "util/a.h"\nint a(void) { return 1; }\n' > "$tmp/include-up/cmd/lib/util/a.c"
verdict include-up 'cmd/lib/util/a.c:1: #include "input/b.h": util/ may use only itself'

tree no-folder
printf '#include "a.h"\nint a(void) { return 1; }\n' > "$tmp/no-folder/cmd/lib/util/a.c"
verdict no-folder 'cmd/lib/util/a.c:1: #include "a.h": name the folder, as "util/a.h"'

tree call-up
printf '#include "util/a.h"\nint b(void);\nint a(void) { return b(); }\n' > "$tmp/call-up/cmd/lib/util/a.c"
verdict call-up 'cmd/lib/util/a.c calls b (cmd/lib/input/b.c): util/ may not use input/'

tree circle
printf 'int c(void);\n' > "$tmp/circle/cmd/lib/input/c.h"
printf '#include "input/c.h"\nint b(void);\nint c(void) { return b(); }\n' > "$tmp/circle/cmd/lib/input/c.c"
printf '#include "input/b.h"\n#include "input/c.h"\nint b(void) { return c(); }\n' > "$tmp/circle/cmd/lib/input/b.c"
verdict circle 'files that use each other round a circle'

tree environment
printf '#include <stdlib.h>\n#include "util/a.h"\nint a(void) { return getenv("X") != 0; }\n' > "$tmp/environment/cmd/lib/util/a.c"
verdict environment 'cmd/lib/util/a.c reads the environment (getenv): take it as an option'

tree unknown-folder
mkdir -p "$tmp/unknown-folder/cmd/lib/extra" "$tmp/unknown-folder/build/lib/extra"
printf '#include "util/a.h"\nint e(void) { return a(); }\n' > "$tmp/unknown-folder/cmd/lib/extra/e.c"
verdict unknown-folder 'cmd/lib/extra/e.c: folder extra is not in cmd/lib/layers'

# barred NAME: a tree whose input/ is barred from util's node_* and from ->root, which util
# has (util/n.c), in $tmp/NAME.
barred() {
	tree "$1"
	printf 'input without: node_ ->root\n' >> "$tmp/$1/cmd/lib/layers"
	printf 'struct node { int root; };\nint node_get(void);\n' > "$tmp/$1/cmd/lib/util/n.h"
	printf '#include "util/n.h"\nint node_get(void) { struct node n = { 1 }, *p = &n; return p->root; }\n' \
		> "$tmp/$1/cmd/lib/util/n.c"
}

barred barred-unused
verdict barred-unused ""

barred barred-call
printf '#include "input/b.h"\n#include "util/n.h"\nint b(void) { return node_get(); }\n' > "$tmp/barred-call/cmd/lib/input/b.c"
verdict barred-call 'cmd/lib/input/b.c:3: node_: input/ may not use node_*'

barred barred-macro
printf '#include "input/b.h"\n#include "util/n.h"\n#define GET(x) x##_get\nint b(void) { return GET(node)(); }\n' \
	> "$tmp/barred-macro/cmd/lib/input/b.c"
verdict barred-macro 'cmd/lib/input/b.c uses node_get: input/ may not use node_*'

barred barred-field
printf '#include "input/b.h"\n#include "util/n.h"\nint b(void) { struct node n = { 1 }, *p = &n; return p->root; }\n' \
	> "$tmp/barred-field/cmd/lib/input/b.c"
verdict barred-field 'cmd/lib/input/b.c:3: ->root: input/ may not use ->root*'

barred barred-longer-name
printf '#include "input/b.h"\nint b(void) { int my_node_count = 1; return my_node_count; }\n' \
	> "$tmp/barred-longer-name/cmd/lib/input/b.c"
verdict barred-longer-name ""

summary
