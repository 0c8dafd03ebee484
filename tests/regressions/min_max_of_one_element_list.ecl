// expect: E2014
// min() and max() of a single list argument replaced their argument vector with that list's
// elements by copy-assigning from inside itself: with one element the list was freed while it
// was read (ASan heap-use-after-free, found by fuzz_cfn in CI).
let a = min([4])
let b = max([2GiB])
let c = min([[1]]) // E2014 (a list is not a number), read the same way before the fix

