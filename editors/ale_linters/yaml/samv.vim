" ALE linter for samv ledger records: runs `samv-check --stdin-filename FILE -` on the
" unsaved buffer, as if it stood at FILE in its ledger (references to the other records
" included). Only for files below a directory holding samv.yaml (the ledger root).
"
" Install: copy or link this directory's parent (editors/) into 'runtimepath', e.g.
"   set runtimepath+=/path/to/samv/editors
" then enable it:  let g:ale_linters = {'yaml': ['samv', 'yamllint']}
" samv-check must be on PATH (make install), or set g:ale_yaml_samv_executable.

call ale#Set('yaml_samv_executable', 'samv-check')
call ale#Set('yaml_samv_options', '')

function! ale_linters#yaml#samv#LedgerRoot(buffer) abort
    let l:samv_yaml = ale#path#FindNearestFile(a:buffer, 'samv.yaml')

    return empty(l:samv_yaml) ? '' : fnamemodify(l:samv_yaml, ':h')
endfunction

function! ale_linters#yaml#samv#GetCommand(buffer) abort
    " Outside a ledger samv-check has nothing to check against: do not run.
    if empty(ale_linters#yaml#samv#LedgerRoot(a:buffer))
        return ''
    endif

    return '%e --color never' . ale#Pad(ale#Var(a:buffer, 'yaml_samv_options'))
    \   . ' --stdin-filename %s -'
endfunction

" parties/nacka.yaml:12:13: error: organisation number ... [org-number]
" With --stdin-filename samv-check reports findings in this buffer only.
function! ale_linters#yaml#samv#Handle(buffer, lines) abort
    let l:pattern = '\v^.+:(\d+):(\d+): (error|warning): (.*) \[([a-z0-9-]+)\]$'
    let l:output = []

    for l:match in ale#util#GetMatches(a:lines, l:pattern)
        call add(l:output, {
        \   'lnum': l:match[1] + 0,
        \   'col': l:match[2] + 0,
        \   'type': l:match[3] is# 'error' ? 'E' : 'W',
        \   'text': l:match[4],
        \   'code': l:match[5],
        \})
    endfor

    return l:output
endfunction

call ale#linter#Define('yaml', {
\   'name': 'samv',
\   'executable': {b -> ale#Var(b, 'yaml_samv_executable')},
\   'cwd': function('ale_linters#yaml#samv#LedgerRoot'),
\   'command': function('ale_linters#yaml#samv#GetCommand'),
\   'callback': 'ale_linters#yaml#samv#Handle',
\})
