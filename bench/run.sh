#!/usr/bin/env bash
# run.sh — samv's benchmark: for each size, in one run on the same files, what samv-check
# and samv-report cost against a floor (a bare libyaml pass) and against two peers that
# only validate the schemas (ajv-cli and Python jsonschema), and whether the targets of
# issue 5 are met. `make bench` runs it; see bench/README.md.
#
#   BENCH_SIZES="county middle"   sizes to run (country: about 190 MB, 130 000 files)
#   BENCH_RUNS=5                  runs of each samv and floor measurement (median taken)
#   BENCH_PEER_RUNS=3             runs of each peer (ajv-cli, jsonschema); 1 at country
#                                 unless set
#   BENCH_SITE_SIZES=county       sizes at which samv-report site runs (BENCH_RUNS runs at
#                                 county, one elsewhere: it writes thousands of files)
#   BUILD=build                   where samv-check, samv-report and bench-floor are
#   BENCH_DATA=$BUILD/bench-data  where the ledgers are generated (never in the repo)
#   BENCH_OUT=$BUILD/bench-results.md   the tables, as Markdown
#
# Times are wall clock (the figure a user waiting on a commit feels), files warm in the
# page cache; CPU time (user + sys) is shown beside it, since it does not depend on what
# else the machine is doing. Memory is peak resident set size.
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
BUILD=${BUILD:-build}
DATA=${BENCH_DATA:-$BUILD/bench-data}
SIZES=${BENCH_SIZES:-county middle}
RUNS=${BENCH_RUNS:-5}
SITE_SIZES=${BENCH_SITE_SIZES:-county}
OUT=${BENCH_OUT:-$BUILD/bench-results.md}
PY=${PYTHON:-python3}
PEER_PY=/usr/bin/python3 # Debian's python3 with python3-jsonschema and python3-yaml
CHECK=$ROOT/$BUILD/samv-check
REPORT=$ROOT/$BUILD/samv-report
FLOOR=$ROOT/$BUILD/bench-floor
AJV=$ROOT/bench/node_modules/.bin/ajv
TIME=/usr/bin/time
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

die() { echo "bench: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }

[ -x "$CHECK" ] || die "$CHECK is missing: run make first"
[ -x "$FLOOR" ] || die "$FLOOR is missing: run make bench"
[ -x "$TIME" ] || die "/usr/bin/time is missing: apt-get install time"
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)

# ---- measuring -------------------------------------------------------------------------

# once NAME CMD...: one timed run of CMD, appended to NAME's lists (exit 0 or 1 count as
# success: 1 is "findings that fail", which is samv-check doing its job).
# collect NAME: sets M_WALL, M_CPU (medians, seconds), M_RSS (the largest peak, KB) and
# M_OK (0 when a run failed otherwise) from NAME's lists, and empties them.
# measure NAME RUNS CMD...: RUNS runs in a row, then collect.
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
once() {
	local name=$1 rc wall user sys rss
	shift
	"$TIME" -f '%e %U %S %M' -o "$TMP/t" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ $rc -gt 1 ]; then
		echo 1 >>"$TMP/$name.fail"
		note "$name failed (exit $rc): $(tail -n 3 "$TMP/err" | tr '\n' ' ')"
	fi
	read -r wall user sys rss < <(tail -n 1 "$TMP/t")
	echo "$wall" >>"$TMP/$name.wall"
	awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.3f\n", u + s}' >>"$TMP/$name.cpu"
	echo "$rss" >>"$TMP/$name.rss"
}
collect() {
	local name=$1
	M_WALL=$(median <"$TMP/$name.wall")
	M_CPU=$(median <"$TMP/$name.cpu")
	M_RSS=$(sort -g "$TMP/$name.rss" | tail -n 1)
	M_OK=$([ -s "$TMP/$name.fail" ] && echo 0 || echo 1)
	rm -f "$TMP/$name".*
}
measure() {
	local name=$1 runs=$2 i
	shift 2
	for ((i = 0; i < runs; i++)); do
		once "$name" "$@"
	done
	collect "$name"
}

fmt_s() { awk -v x="$1" 'BEGIN { if (x == "" || x == "nan") print "n/a"; else if (x < 1) printf "%.0f ms\n", x * 1000; else printf "%.2f s\n", x }'; }
fmt_mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB\n", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "nan" || b == "nan" || b + 0 == 0) print "n/a"; else printf "%.1f\n", a / b }'; }

# ---- the data --------------------------------------------------------------------------

GEN_ID=$(cksum <bench/gen.py | cut -d' ' -f1)
prepare() { # size -> ledger in $DATA/$size, git repository with a staged edit, JSON copy
	local size=$1 dir=$DATA/$1 stamp=$DATA/$1.stamp
	if [ ! -f "$stamp" ] || [ "$(head -n 1 "$stamp")" != "$GEN_ID" ]; then
		note "$size: generating into $dir"
		rm -rf "$dir" "$dir-json" "$dir-site" "$stamp"
		local t0=$SECONDS
		"$PY" bench/gen.py "$size" "$dir" >"$TMP/gen" || die "gen.py $size failed"
		local gen_s=$((SECONDS - t0))
		note "$size: $(cat "$TMP/gen") ($gen_s s)"
		# A ledger as a repository holds it: committed and packed, with one edit staged
		# for the next commit, which is what --staged and the pre-commit hook read.
		t0=$SECONDS
		(
			cd "$dir" &&
				git init -q &&
				git config user.name bench && git config user.email bench@example.invalid &&
				git config gc.auto 0 &&
				git add -A && git commit -q -m "generated ledger" && git gc -q &&
				f=$(git ls-files 'terms/*' | head -n 1) &&
				printf '# edited for the benchmark: one staged change\n' >>"$f" &&
				git add "$f"
		) || die "$size: git setup failed"
		local git_s=$((SECONDS - t0))
		note "$size: git init, add, commit and gc took $git_s s (not measured)"
		if [ -x "$AJV" ] && [ -x "$PEER_PY" ]; then
			t0=$SECONDS
			"$PEER_PY" bench/tojson.py "$dir" "$dir-json" >/dev/null || die "tojson.py failed"
			note "$size: JSON copy for ajv-cli in $((SECONDS - t0)) s (not measured)"
		fi
		{ echo "$GEN_ID"; cat "$TMP/gen"; echo "gen_s=$gen_s git_s=$git_s"; } >"$stamp"
	fi
}

# stage_edit DIR WHAT: one more staged change to the ledger's first term file, as a user's
# next commit would have.
stage_edit() {
	local f
	f=$(git -C "$1" ls-files 'terms/*' | head -n 1)
	printf '# edit %s\n' "$2" >>"$1/$f" && git -C "$1" add "$f"
}

# ---- the peers -------------------------------------------------------------------------

peers_ok() {
	[ -x "$AJV" ] && [ -x "$PEER_PY" ] && "$PEER_PY" -c 'import jsonschema, yaml' 2>/dev/null
}

run_ajv() { # json-dir: every kind's records against that kind's schema
	local json=$1 kind rc=0
	cd "$ROOT/bench" || return 2
	for kind in $(ls "$json"); do
		"$AJV" validate --spec=draft2020 -c ajv-formats -s "$ROOT/schema/$kind.schema.json" \
			-d "$json/$kind/*.json" >/dev/null 2>&1 || rc=1
	done
	# ajv exits 1 on an invalid record: report it as a failure of the run, not a finding
	[ $rc = 0 ] || { echo "ajv-cli found invalid records" >&2; return 3; }
}
export -f run_ajv
export ROOT AJV

# ---- one size --------------------------------------------------------------------------

declare -A R
run_size() {
	local size=$1 dir=$DATA/$1 peer_runs
	prepare "$size"
	peer_runs=${BENCH_PEER_RUNS:-$([ "$size" = country ] && echo 1 || echo 3)}
	local files bytes events
	read -r _ files _ bytes _ events < <("$FLOOR" "$dir")
	local placements
	placements=$(sed -n 2p "$DATA/$size.stamp" | tr ' ' '\n' | sed -n 's/^placements=//p')
	R[$size.files]=$files R[$size.bytes]=$bytes R[$size.placements]=$placements
	R[$size.records]=$((files + placements))
	R[$size.runs]=$RUNS R[$size.peer_runs]=$peer_runs

	# findings, once, and the same files warm in the cache for everything after
	"$CHECK" -C "$dir" >/dev/null 2>"$TMP/count"
	R[$size.findings]=$(tail -n 1 "$TMP/count")

	# --staged reads the repository's cache of loaded blobs (.git/samv): fill it as the
	# first run after an upgrade of samv would, untimed, and stage a new edit before each
	# timed run, so that each is what the hook meets at a commit: one changed file among
	# thousands known. "no cache" is the same with SAMV_CACHE=0: a first run, or every run
	# of a samv without the cache.
	rm -rf "$dir/.git/samv"
	"$CHECK" -q --staged -C "$dir" >/dev/null 2>&1
	# Interleaved, one run of each in turn, so that the ratios compare runs made under
	# the same load when the machine is shared.
	note "$size: floor, samv-check (work tree, --staged, pre-commit hook): $RUNS rounds"
	local i
	for ((i = 0; i < RUNS; i++)); do
		once floor "$FLOOR" "$dir"
		once check "$CHECK" -q -C "$dir"
		once staged_cold env SAMV_CACHE=0 "$CHECK" -q --staged -C "$dir"
		stage_edit "$dir" "$i staged"
		once staged "$CHECK" -q --staged -C "$dir"
		# the hook as git runs it before a commit: in the repository, on its staged edit
		stage_edit "$dir" "$i hook"
		once hook env SAMV_CHECK="$CHECK" sh -c 'cd "$0" && exec sh "$1"' "$dir" "$ROOT/hooks/pre-commit"
	done
	collect floor
	R[$size.floor]=$M_WALL R[$size.floor_cpu]=$M_CPU R[$size.floor_rss]=$M_RSS
	collect check
	R[$size.check]=$M_WALL R[$size.check_cpu]=$M_CPU R[$size.check_rss]=$M_RSS R[$size.check_ok]=$M_OK
	collect staged
	R[$size.staged]=$M_WALL R[$size.staged_cpu]=$M_CPU R[$size.staged_rss]=$M_RSS R[$size.staged_ok]=$M_OK
	collect staged_cold
	R[$size.staged_cold]=$M_WALL R[$size.staged_cold_cpu]=$M_CPU R[$size.staged_cold_ok]=$M_OK
	collect hook
	R[$size.hook]=$M_WALL R[$size.hook_ok]=$M_OK
	local site_runs
	site_runs=$([ "$size" = county ] && echo "$RUNS" || echo 1)
	if [ -x "$REPORT" ] && case " $SITE_SIZES " in *" $size "*) true ;; *) false ;; esac; then
		measure site "$site_runs" "$REPORT" site -C "$dir" --out "$dir-site"
		R[$size.site]=$M_WALL R[$size.site_cpu]=$M_CPU R[$size.site_rss]=$M_RSS R[$size.site_ok]=$M_OK
	else
		R[$size.site]=nan R[$size.site_ok]=skip
	fi
	if peers_ok; then
		note "$size: peers, $peer_runs run(s) each: ajv-cli, Python jsonschema"
		measure ajv "$peer_runs" bash -c 'run_ajv "$0"' "$dir-json"
		R[$size.ajv]=$M_WALL R[$size.ajv_cpu]=$M_CPU R[$size.ajv_rss]=$M_RSS R[$size.ajv_ok]=$M_OK
		measure jsonschema "$peer_runs" "$PEER_PY" bench/peer_jsonschema.py schema "$dir"
		R[$size.py]=$M_WALL R[$size.py_cpu]=$M_CPU R[$size.py_rss]=$M_RSS R[$size.py_ok]=$M_OK
		R[$size.py_detail]=$(tail -n 1 "$TMP/out")
	else
		note "peers not installed (make bench-deps): ajv-cli and jsonschema are skipped"
		R[$size.ajv]=nan R[$size.py]=nan R[$size.ajv_ok]=0 R[$size.py_ok]=0
	fi
}

for size in $SIZES; do
	case $size in county | middle | country) run_size "$size" ;; *) die "unknown size '$size'" ;; esac
done

# ---- the tables ------------------------------------------------------------------------

machine() {
	local cpu mem
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
	mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
	echo "$(nproc) × ${cpu:-unknown CPU}, $mem, $(. /etc/os-release && echo "$PRETTY_NAME"), libyaml $(pkg-config --modversion yaml-0.1 2>/dev/null), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
}

ok() { case "${R[$1]:-0}" in 1) echo "" ;; skip) echo " (not run)" ;; *) echo " (failed)" ;; esac; }
{
	echo "Machine: $(machine). samv $(cat VERSION), $(date -u +%Y-%m-%d)."
	echo
	echo "| size | bytes | files | records | placements | findings | floor | samv-check | check/floor | memory | memory/bytes | --staged | --staged, no cache | pre-commit hook | report site | ajv-cli | ajv/samv | jsonschema | jsonschema/samv |"
	echo "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for s in $SIZES; do
		echo "| $s | $(awk -v b="${R[$s.bytes]}" 'BEGIN{printf "%.1f MB", b/1e6}') | ${R[$s.files]} | ${R[$s.records]} | ${R[$s.placements]} | ${R[$s.findings]% in *} |" \
			"$(fmt_s "${R[$s.floor]}") | $(fmt_s "${R[$s.check]}")$(ok "$s.check_ok") | $(ratio "${R[$s.check]}" "${R[$s.floor]}")× |" \
			"$(fmt_mb "${R[$s.check_rss]}") | $(ratio "$(echo "${R[$s.check_rss]}" | awk '{print $1*1024}')" "${R[$s.bytes]}")× |" \
			"$(fmt_s "${R[$s.staged]}")$(ok "$s.staged_ok") | $(fmt_s "${R[$s.staged_cold]}")$(ok "$s.staged_cold_ok") |" \
			"$(fmt_s "${R[$s.hook]}")$(ok "$s.hook_ok") | $(fmt_s "${R[$s.site]}")$(ok "$s.site_ok") |" \
			"$(fmt_s "${R[$s.ajv]}")$(ok "$s.ajv_ok") | $(ratio "${R[$s.ajv]}" "${R[$s.check]}")× |" \
			"$(fmt_s "${R[$s.py]}")$(ok "$s.py_ok") | $(ratio "${R[$s.py]}" "${R[$s.check]}")× |"
	done
	echo
	echo "Wall clock, median of $RUNS runs (peers: ${BENCH_PEER_RUNS:-3 runs, 1 at country}; report site: $RUNS at county, 1 elsewhere, only at: $SITE_SIZES); files warm in the page cache. records = record files + placements; memory = peak RSS of samv-check on the work tree."
	echo "CPU time (user + sys, medians), which other work on the machine does not inflate:"
	echo
	echo "| size | floor | samv-check | check/floor | --staged | --staged, no cache | report site | ajv-cli | jsonschema (validation only / all) |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
	for s in $SIZES; do
		py_val=$(echo "${R[$s.py_detail]:-}" | awk '{for (i=1;i<NF;i++) if ($i=="validate") print $(i+1)}')
		py_tot=$(echo "${R[$s.py_detail]:-}" | awk '{for (i=1;i<NF;i++) if ($i=="total") print $(i+1)}')
		echo "| $s | $(fmt_s "${R[$s.floor_cpu]}") | $(fmt_s "${R[$s.check_cpu]}") | $(ratio "${R[$s.check_cpu]}" "${R[$s.floor_cpu]}")× |" \
			"$(fmt_s "${R[$s.staged_cpu]:-nan}") | $(fmt_s "${R[$s.staged_cold_cpu]:-nan}") | $(fmt_s "${R[$s.site_cpu]:-nan}") | $(fmt_s "${R[$s.ajv_cpu]:-nan}") |" \
			"$(fmt_s "${py_val:-nan}") / $(fmt_s "${py_tot:-nan}") |"
	done
	echo

	# ---- targets
	mark() { if [ "$1" = yes ]; then echo "met"; elif [ "$1" = no ]; then echo "**NOT met**"; else echo "not measured"; fi; }
	cmp() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "nan" || b == "nan") print "?"; else if (a + 0 <= b + 0) print "yes"; else print "no" }'; }
	has() { case " $SIZES " in *" $1 "*) return 0 ;; esac; return 1; }
	echo "| target | measured | |"
	echo "|---|---|---|"
	if has country; then
		r=$(ratio "${R[country.check]}" "${R[country.floor]}")
		echo "| country: samv-check within 2× the floor | ${r}× ($(fmt_s "${R[country.check]}") against $(fmt_s "${R[country.floor]}"); CPU $(ratio "${R[country.check_cpu]}" "${R[country.floor_cpu]}")×) | $(mark "$(cmp "$r" 2)") |"
		m=$(awk -v k="${R[country.check_rss]}" -v b="${R[country.bytes]}" 'BEGIN{printf "%.1f", k*1024/b}')
		echo "| country: memory under 3× the input's bytes | ${m}× ($(fmt_mb "${R[country.check_rss]}") for $(awk -v b="${R[country.bytes]}" 'BEGIN{printf "%.0f MB", b/1e6}')) | $(mark "$(awk -v m="$m" 'BEGIN{print (m < 3) ? "yes" : "no"}')") |"
	else
		echo "| country: samv-check within 2× the floor | (BENCH_SIZES without country) | not measured |"
		echo "| country: memory under 3× the input's bytes | (BENCH_SIZES without country) | not measured |"
	fi
	for peer in ajv py; do
		name=$([ $peer = ajv ] && echo "ajv-cli" || echo "Python jsonschema")
		worst=
		detail=
		for s in $SIZES; do
			r=$(ratio "${R[$s.$peer]}" "${R[$s.check]}")
			detail="$detail$s ${r}× (CPU $(ratio "${R[$s.${peer}_cpu]:-nan}" "${R[$s.check_cpu]}")×), "
			[ "$r" = n/a ] && { worst=n/a; continue; }
			[ -z "$worst" ] || [ "$worst" = n/a ] || worst=$(awk -v a="$worst" -v b="$r" 'BEGIN{print (b < a) ? b : a}')
			[ -n "$worst" ] || worst=$r
		done
		v=$([ "$worst" = n/a ] || [ -z "$worst" ] && echo "?" || awk -v w="$worst" 'BEGIN{print (w >= 10) ? "yes" : "no"}')
		echo "| samv-check at least 10× faster than $name | ${detail%, } | $(mark "$v") |"
	done
	if has country && has county; then
		pc=$(awk -v t="${R[county.check]}" -v n="${R[county.records]}" 'BEGIN{printf "%.2f", t*1e6/n}')
		pn=$(awk -v t="${R[country.check]}" -v n="${R[country.records]}" 'BEGIN{printf "%.2f", t*1e6/n}')
		r=$(ratio "$pn" "$pc")
		rc=$(awk -v a="${R[country.check_cpu]}" -v n="${R[country.records]}" -v b="${R[county.check_cpu]}" -v m="${R[county.records]}" 'BEGIN{printf "%.1f", (a/n)/(b/m)}')
		echo "| time per record at country no more than 1.3× county | ${r}× (${pn} µs against ${pc} µs; CPU ${rc}×) | $(mark "$(cmp "$r" 1.3)") |"
	else
		echo "| time per record at country no more than 1.3× county | (needs county and country) | not measured |"
	fi
	if has county; then
		echo "| county: --staged under 150 ms | $(fmt_s "${R[county.staged]}") with the cache, one file changed (no cache: $(fmt_s "${R[county.staged_cold]}")) | $(mark "$(cmp "${R[county.staged]}" 0.150)") |"
		echo "| county: samv-report site under 2 s | $(fmt_s "${R[county.site]}")$(ok county.site_ok) | $(mark "$([ "${R[county.site_ok]}" = 1 ] && cmp "${R[county.site]}" 2 || echo "?")") |"
	fi
} >"$TMP/table"
mkdir -p "$(dirname "$OUT")"
cp "$TMP/table" "$OUT"
cat "$TMP/table"
note "written to $OUT"
