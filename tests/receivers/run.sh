#!/bin/sh
# The reports opened by the programs that receive them: a browser, calendars, a spreadsheet.
#
#   sh tests/receivers/run.sh [BUILD-DIR]                  all parts
#   sh tests/receivers/run.sh [BUILD-DIR] --screenshots DIR   only docs/summary.png and docs/invoice.png
#
# Makes, with BUILD-DIR/samv-report: the site of the example ledger (ledger/, in git) in
# Swedish and in English, and the sites of two fixture ledgers, report-invoices-injection
# (a student named =HYPERLINK("http://x","y") and another <script>alert(1)</script>) and
# report-invoices-schema-error (a ledger with errors: every document carries the notice).
# Then runs each part, which ends with "<part>: N passed, M failed", or prints
# "<part>: skipped: <what to install>" where its tools are missing:
#
#   browser        every HTML page in Debian's headless Chromium (playwright-core from the npm
#                  registry, pinned in package-lock.json, drives /usr/bin/chromium): no console
#                  error, no request beyond the file, every link resolves, nothing wider than
#                  an A4 page, numbers right-aligned in the report's format; printed to PDF
#                  (poppler-utils' pdfinfo, pdftotext): one A4 page per invoice, no table row
#                  split across pages, no date broken over two lines (browser.mjs)
#   accessibility  the same pages: <html lang>, <th scope>, every chart with role="img", a
#                  <title> and a table beside it holding its figures, text contrast >= 4.5:1
#   calendar       deadlines.ics parsed by Debian's python3-icalendar: CRLF, folding at 75
#                  octets, unique UIDs that two runs and a copy outside git keep, DTSTAMP the
#                  commit's time (a throwaway repository committed at a set time) or, outside
#                  git, today (as_of, --as-of, the clock) at 000000Z, all-day VALUE=DATE
#                  events (calendar.py)
#   libical        the same files parsed by libical (icalcheck.c, built here against
#                  libical-dev): no parse error, RFC 5546's rules for the METHOD; counted in
#                  calendar's line, "libical: skipped: ..." where libical-dev is missing
#   spreadsheet    every CSV converted to .xlsx by LibreOffice headless with Swedish import
#                  settings and read back with python3-openpyxl: numbers and amounts as numbers,
#                  dates as dates, text unchanged, no formula (spreadsheet.py)
#
# Exit 1 on any failure. SAMV_TEST_NO_SKIP=1 (CI) turns a skip into a failure.
# CHROMIUM=PATH uses another Chromium; SOFFICE=PATH another LibreOffice.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tests/receivers"
build=${1:-build}
shift 2>/dev/null || true
case $build in /*) ;; *) build="$top/$build" ;; esac
shots=
if [ "${1:-}" = --screenshots ]; then
	shots=${2:?--screenshots needs a directory}
	case $shots in /*) ;; *) shots="$PWD/$shots" ;; esac
fi
report="$build/samv-report"
chromium=${CHROMIUM:-/usr/bin/chromium}
soffice=${SOFFICE:-$(command -v soffice || command -v libreoffice || echo soffice)}
if [ ! -x "$report" ]; then
	echo "receivers: $report not found: build first (make)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$top/tests/lib.sh"

skip() {
	skipped "$1" "$2" || failed=1
}

# make WHAT ARGS...: run samv-report; anything but exit 0 stops the test.
make_report() {
	what=$1
	shift
	if ! "$report" "$@" > "$tmp/make.out" 2> "$tmp/make.err"; then
		echo "FAIL receivers: samv-report $* ($what) failed:"
		head -5 "$tmp/make.err"
		exit 1
	fi
}

make_report "example, sv" site -C "$top/ledger" --out "$tmp/site"
cases="$top/tests/e2e/cases"
if [ -z "$shots" ]; then
	make_report "example, en" site -C "$top/ledger" --lang en --out "$tmp/en"
	make_report "injection fixture" site -C "$cases/report-invoices-injection/ledger" --out "$tmp/injection"
	make_report "fixture with errors" site -C "$cases/report-invoices-schema-error/ledger" --out "$tmp/errors"
fi

# ---- browser and accessibility: node, npm, playwright-core, chromium, poppler-utils
browser_tools() {
	missing=
	command -v node > /dev/null 2>&1 || missing="$missing nodejs"
	command -v npm > /dev/null 2>&1 || missing="$missing npm"
	[ -x "$chromium" ] || missing="$missing chromium"
	command -v pdfinfo > /dev/null 2>&1 && command -v pdftotext > /dev/null 2>&1 || missing="$missing poppler-utils"
	if [ -n "$missing" ]; then
		echo "not installed: apt-get install$missing"
		return 1
	fi
	if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
		echo "node $(node --version) is older than 20, which playwright-core needs"
		return 1
	fi
	npm_install "$here" "$build/receivers" playwright-core
}

if why=$(browser_tools); then
	mkdir -p "$tmp/pdf"
	if [ -n "$shots" ]; then
		CHROMIUM="$chromium" node "$here/browser.mjs" "$build/receivers/node_modules/playwright-core" "$tmp/pdf" \
			"$tmp/site:sv" --screenshots "$shots" || exit 1
		for png in "$shots/summary.png" "$shots/invoice.png"; do
			if command -v pngquant > /dev/null 2>&1; then
				pngquant --force --skip-if-larger --quality 70-95 --output "$png" -- "$png" || true
			fi
			if command -v optipng > /dev/null 2>&1; then
				optipng -quiet -o2 "$png" || true
			fi
			echo "$png: $(wc -c < "$png") bytes"
		done
		exit 0
	fi
	CHROMIUM="$chromium" node "$here/browser.mjs" "$build/receivers/node_modules/playwright-core" "$tmp/pdf" \
		"$tmp/site:sv" "$tmp/en:en" "$tmp/injection:sv" "$tmp/errors:sv" || failed=1
else
	if [ -n "$shots" ]; then
		echo "screenshots: $why" >&2
		exit 1
	fi
	skip browser "$why"
	skip accessibility "$why"
fi

# python_with MODULE: the first python3 that imports MODULE, or nothing.
python_with() {
	for p in /usr/bin/python3 python3; do
		if "$p" -c "import $1" > /dev/null 2>&1; then
			echo "$p"
			return
		fi
	done
}

# ---- calendar: python3-icalendar (and git for a throwaway repository); libical
python=$(python_with icalendar)
icalcheck=
if pkg-config --exists libical 2> /dev/null && command -v cc > /dev/null 2>&1; then
	mkdir -p "$build/receivers"
	# shellcheck disable=SC2046
	if cc -std=c11 -O1 -o "$build/receivers/icalcheck" "$here/icalcheck.c" $(pkg-config --cflags --libs libical) \
		2> "$tmp/icalcheck.err"; then
		icalcheck="$build/receivers/icalcheck"
	else
		echo "FAIL libical: icalcheck.c does not build:"
		head -5 "$tmp/icalcheck.err"
		failed=1
	fi
else
	skip libical "not installed: apt-get install libical-dev pkg-config"
fi

# utc SECONDS: YYYYMMDDTHHMMSSZ
utc() {
	date -u -d "@$1" +%Y%m%dT%H%M%SZ
}

if [ -z "$python" ]; then
	skip calendar "not installed: apt-get install python3-icalendar"
elif ! command -v git > /dev/null 2>&1; then
	skip calendar "not installed: apt-get install git"
else
	cal="$tmp/cal"
	mkdir -p "$cal/git" "$cal/plain" "$cal/noasof"
	cp -R "$top/ledger" "$cal/git/ledger"
	cp -R "$top/ledger" "$cal/plain/ledger"
	cp -R "$top/ledger" "$cal/noasof/ledger"
	rm -rf "$cal/git/ledger/.git" "$cal/plain/ledger/.git" "$cal/noasof/ledger/.git"
	# A throwaway repository whose one commit was made at a set time.
	(
		cd "$cal/git/ledger" &&
		git init -q &&
		git add -A &&
		GIT_AUTHOR_DATE=2021-02-03T04:05:06Z GIT_COMMITTER_DATE=2024-05-06T07:08:09Z \
			git -c user.name=samv -c user.email=samv@example.invalid -c commit.gpgsign=false \
			commit -q -m "ledger at a set time"
	) || { echo "FAIL calendar: cannot make a git repository in $cal/git"; exit 1; }
	make_report "calendar, git 1" deadlines -C "$cal/git/ledger" --format ics --out "$cal/git1"
	make_report "calendar, git 2" deadlines -C "$cal/git/ledger" --format ics --out "$cal/git2"
	make_report "calendar, outside git" deadlines -C "$cal/plain/ledger" --format ics --out "$cal/plain1"
	make_report "calendar, --as-of" deadlines -C "$cal/plain/ledger" --as-of 2021-06-15 --format ics --out "$cal/plain2"
	# Without as_of, today is the clock's date (TZ=UTC, so that it is also the UTC date).
	sed '/^as_of:/d' "$top/ledger/samv.yaml" > "$cal/noasof/ledger/samv.yaml"
	today=$(TZ=UTC date +%Y%m%d)
	if ! TZ=UTC "$report" deadlines -C "$cal/noasof/ledger" --format ics --out "$cal/clock" > /dev/null 2> "$tmp/make.err"; then
		echo "FAIL receivers: samv-report deadlines (calendar, the clock) failed:"
		head -5 "$tmp/make.err"
		exit 1
	fi
	[ "$(TZ=UTC date +%Y%m%d)" = "$today" ] || today=  # midnight passed meanwhile
	as_of=$(sed -n 's/^as_of: *"\{0,1\}\([0-9-]*\)"\{0,1\}.*/\1/p' "$top/ledger/samv.yaml" | tr -d -)
	[ -n "$as_of" ] || as_of=$today
	# The repository's own ledger is stamped with HEAD's commit time.
	head_stamp=-
	if ct=$(git -C "$top/ledger" log -1 --format=%ct 2> /dev/null) && [ -n "$ct" ]; then
		head_stamp=$(utc "$ct")
	fi
	set -- \
		"$cal/git1/deadlines.ics=20240506T070809Z" \
		"$cal/git2/deadlines.ics=20240506T070809Z" \
		"$cal/plain1/deadlines.ics=${as_of:+${as_of}T000000Z}" \
		"$cal/plain2/deadlines.ics=20210615T000000Z" \
		"$cal/clock/deadlines.ics=${today:+${today}T000000Z}" \
		"$tmp/site/deadlines.ics=$head_stamp" \
		"$tmp/en/deadlines.ics=$head_stamp" \
		"$tmp/injection/deadlines.ics=$head_stamp" \
		"$tmp/errors/deadlines.ics=$head_stamp" \
		--identical "$cal/git1/deadlines.ics" "$cal/git2/deadlines.ics" \
		--same-uids "$cal/git1/deadlines.ics" "$cal/plain1/deadlines.ics" \
		--same-uids "$cal/git1/deadlines.ics" "$tmp/site/deadlines.ics" \
		--same-uids "$tmp/site/deadlines.ics" "$tmp/en/deadlines.ics"
	[ -n "$icalcheck" ] && set -- --icalcheck "$icalcheck" "$@"
	"$python" "$here/calendar.py" "$@" > "$tmp/calendar.out" 2>&1
	status=$?
	sed "s|$tmp/||g" "$tmp/calendar.out"
	[ "$status" = 0 ] || failed=1
fi

# ---- spreadsheet: LibreOffice Calc and python3-openpyxl
python=$(python_with openpyxl)
missing=
command -v "$soffice" > /dev/null 2>&1 || missing="$missing libreoffice-calc-nogui"
[ -n "$python" ] || missing="$missing python3-openpyxl"
if [ -n "$missing" ]; then
	skip spreadsheet "not installed: apt-get install$missing"
else
	mkdir -p "$tmp/xlsx"
	# shellcheck disable=SC2046
	(cd "$tmp" && "$python" "$here/spreadsheet.py" "$soffice" "$tmp/xlsx" \
		$(find site en injection errors -name '*.csv' | sort)) > "$tmp/spreadsheet.out"
	status=$?
	cat "$tmp/spreadsheet.out"
	[ "$status" = 0 ] || failed=1
fi

exit "$failed"
