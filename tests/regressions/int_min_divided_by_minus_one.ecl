// expect: E2012
// The smallest int divided by -1: the exactness test `x % y` ran before the overflow check, and
// x86 traps on min % -1 (SIGFPE in check, compile, plan and the language server). The division
// overflows 64 bits; the remainder is 0.
let z = (-9223372036854775807 - 1) / (-1)
let m = (-9223372036854775807 - 1) % (-1)
output m = m
