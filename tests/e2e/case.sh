# case.sh — how an e2e case runs, read from the files of its directory (tests/e2e/run.sh
# says what each holds): sourced by tests/e2e/run.sh and tests/badinput/memcheck.sh, so
# that both run a case alike. Sourced rather than a function because it sets the caller's
# positional parameters to the case's arguments.
# Needs top (the repository), case_dir, and copy: where to copy a ledger that samv-report
# runs on. Sets dir (where to run), program, want_status, input (the file standard input
# reads) and "$@".
if [ -f "$case_dir/dir" ]; then
	dir="$top/$(cat "$case_dir/dir")"
else
	dir="$case_dir/ledger"
fi
set --
if [ -f "$case_dir/args" ]; then
	while IFS= read -r arg || [ -n "$arg" ]; do
		set -- "$@" "$arg"
	done < "$case_dir/args"
fi
program=samv-check
[ -f "$case_dir/command" ] && program=$(cat "$case_dir/command")
want_status=0
[ -f "$case_dir/status" ] && want_status=$(cat "$case_dir/status")
if [ "$program" = samv-report ]; then
	# A report is stamped with the git commit of its ledger, which changes with every
	# commit of this repository: run it on a copy outside git, stamped "outside git".
	rm -rf "$copy" && cp -R "$dir" "$copy" && dir=$copy
fi
input=/dev/null
[ -f "$case_dir/stdin" ] && input="$case_dir/stdin"
