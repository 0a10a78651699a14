" vim -N -u NONE -i NONE -es -S ale-test.vim -- FILE
" Environment: ALE_DIR (ALE's runtime directory), SAMV_EDITORS (editors/), OUT (result file).
" Opens FILE, changes the buffer without saving it (org number 212000-0167 -> 212000-0168,
" a line `adress: ...` at the end), runs ALE with only the samv linter and writes one line
" per problem to OUT: buffer:LINE:COLUMN:TYPE:CODE, then whether the buffer is unsaved.
" samv-check is found on PATH.
set nocompatible
let &runtimepath = $ALE_DIR . ',' . $SAMV_EDITORS . ',' . &runtimepath
filetype plugin on
let g:ale_linters = {'yaml': ['samv']}
let g:ale_lint_on_enter = 0
let g:ale_lint_on_text_changed = 'never'
let g:ale_lint_on_insert_leave = 0
let g:ale_set_signs = 0
let g:ale_echo_cursor = 0
runtime plugin/ale.vim
execute 'edit ' . fnameescape(argv(0))
setfiletype yaml
silent! %s/212000-0167/212000-0168/
call append(line('$'), 'adress: Granitvägen 15')
" ALE runs the linter as a job and says when it is done with the ALELintPost event.
let g:done = 0
autocmd User ALELintPost let g:done = 1
ALELint
let s:waited = 0
while !g:done && s:waited < 600
  sleep 50m
  let s:waited += 1
endwhile
let s:lines = []
for s:e in ale#engine#GetLoclist(bufnr(''))
  call add(s:lines, printf('buffer:%d:%d:%s:%s', s:e.lnum, s:e.col, s:e.type ==# 'E' ? 'error' : 'warning', get(s:e, 'code', '')))
endfor
call add(s:lines, 'unsaved: ' . (&modified ? 'yes' : 'no'))
call writefile(s:lines, $OUT)
qa!
