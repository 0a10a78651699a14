# bash completion for samv-check and samv-report.
# Installed by `make install` as share/bash-completion/completions/samv-check and
# samv-report; or source this file from ~/.bashrc.

_samv_rules()
{
	samv-check --list-rules 2>/dev/null | cut -d' ' -f1
}

_samv_check()
{
	local cur prev
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-C) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	--format) COMPREPLY=($(compgen -W "text json github sarif" -- "$cur")); return ;;
	--color|--colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
	--explain) COMPREPLY=($(compgen -W "$(_samv_rules)" -- "$cur")); return ;;
	--rule)
		COMPREPLY=($(compgen -W "$(_samv_rules | sed 's/$/=error/; p; s/=error/=warning/; p; s/=warning/=off/')" -- "$cur"))
		return ;;
	--rev) COMPREPLY=($(compgen -W "$(git for-each-ref --format='%(refname:short)' 2>/dev/null) HEAD" -- "$cur")); return ;;
	--as-of) return ;;
	--stdin-filename) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "-C --staged --rev --format --strict -q --quiet --color --as-of --rule --list-rules --explain --stdin-filename --help --version" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
	fi
}

_samv_report()
{
	local cur prev
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-C|--out) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	--format) COMPREPLY=($(compgen -W "md html csv json ubl ics" -- "$cur")); return ;;
	--lang) COMPREPLY=($(compgen -W "sv en" -- "$cur")); return ;;
	--by) COMPREPLY=($(compgen -W "agreement municipality university" -- "$cur")); return ;;
	--rev) COMPREPLY=($(compgen -W "$(git for-each-ref --format='%(refname:short)' 2>/dev/null) HEAD" -- "$cur")); return ;;
	--term|--unit|--year|--from|--to|--as-of) return ;;
	esac
	if [ "$COMP_CWORD" = 1 ]; then
		COMPREPLY=($(compgen -W "invoices summary protocol actions deadlines site" -- "$cur"))
	elif [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "-C --staged --rev --as-of --format --out --lang --term --unit --year --by --from --to --help --version" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
	fi
}

complete -F _samv_check samv-check
complete -F _samv_report samv-report
