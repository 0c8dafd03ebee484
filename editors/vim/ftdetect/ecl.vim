" .ecl files are ECL (eclc).
autocmd BufRead,BufNewFile *.ecl setfiletype ecl
