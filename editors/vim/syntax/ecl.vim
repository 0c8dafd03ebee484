" Vim syntax file
" Language: ECL, the language eclc compiles (AWS VPC and ECS infrastructure)
" Install:  copy syntax/ecl.vim and ftdetect/ecl.vim into ~/.vim (or ~/.config/nvim)
"           under the same folder names; see the README's "Editors" section.

if exists("b:current_syntax")
  finish
endif

syn keyword eclDeclaration param let output
syn keyword eclBoolean     true false
syn keyword eclType        string int number bool cidr memory cpu duration list map contained
syn keyword eclTodo        TODO FIXME XXX NOTE contained

syn match   eclComment     "//.*$" contains=eclTodo,@Spell
syn region  eclComment     start="/\*" end="\*/" contains=eclTodo,@Spell

" `subnet public_a {` and `route {`: the kind, then the block's name.
syn match   eclBlockKind   "\<\h\w*\>\ze\s\+\h\w*\s*{"
syn match   eclBlockKind   "\<\h\w*\>\ze\s*{" contains=NONE
syn match   eclBlockName   "\<\h\w*\>\s\+\zs\h\w*\ze\s*{"
" `module api {`: a module instance (after the block patterns, so that it wins).
syn match   eclModule      "\<module\>\ze\s\+\h\w*\s*{"

" `cidr = …` and object keys; `==` is not an assignment.
syn match   eclAttribute   "\<\h\w*\>\ze\s*=[^=]"
syn match   eclFunction    "\<\h\w*\>\ze("

" `param env: list<string>`
syn match   eclParamType   ":\s*\zs\(list\|map\)\?<\?\h\w*>*" contains=eclType

syn match   eclNumber      "\<\d\+\(\.\d\+\)\?\(MiB\|GiB\|vcpu\|ms\|s\|m\|h\)\?\>"
syn match   eclOperator    "==\|!=\|<=\|>=\|&&\|||\|[-+*/%!?<>]"

syn region  eclString      start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ contains=eclEscape,eclInterp
syn match   eclEscape      +\\["\\ntr$]+ contained
syn region  eclInterp      matchgroup=eclInterpDelim start="\${" end="}" contained
      \ contains=eclNumber,eclOperator,eclBoolean,eclFunction,eclString

hi def link eclDeclaration Keyword
hi def link eclModule      Keyword
hi def link eclBoolean     Boolean
hi def link eclType        Type
hi def link eclParamType   Type
hi def link eclTodo        Todo
hi def link eclComment     Comment
hi def link eclBlockKind   Structure
hi def link eclBlockName   Identifier
hi def link eclAttribute   Identifier
hi def link eclFunction    Function
hi def link eclNumber      Number
hi def link eclOperator    Operator
hi def link eclString      String
hi def link eclEscape      SpecialChar
hi def link eclInterpDelim Delimiter

let b:current_syntax = "ecl"
