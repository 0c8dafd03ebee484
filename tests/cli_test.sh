#!/usr/bin/env bash
# The eclc command line, end to end: exit statuses, where output goes, the JSON format, `-p`
# overrides, and the input limits. CTest runs it from the repository root as
#   ECLC=/path/to/eclc bash tests/cli_test.sh
# It prints one line per failed check and a final line `N passed, M failed`, and exits non-zero
# when any check failed.
set -u

if [[ -z "${ECLC:-}" || ! -x "$ECLC" ]]; then
  echo "cli_test.sh: set ECLC to the eclc executable" >&2
  exit 2
fi
case "$ECLC" in
/*) ;;
*) ECLC="$PWD/$ECLC" ;;
esac
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

tmp=$(mktemp -d)
# Restore permissions first so that the removal cannot fail on a directory made unreadable below.
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

passed=0
failed=0
status=0
out=""
err=""

# run ARGS...: runs eclc, keeping its exit status, standard output and standard error.
run() {
  "$ECLC" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  status=$?
  out=$(<"$tmp/stdout")
  err=$(<"$tmp/stderr")
}

# run_timed ARGS...: as run, but gives up after 10 seconds (status 124): for what once hung.
run_timed() {
  status=0
  timeout 10 "$ECLC" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
  out=$(<"$tmp/stdout")
  err=$(<"$tmp/stderr")
}

# check NAME CONDITION...: counts the check; on failure prints what eclc said.
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name (exit status $status)"
    [[ -n "$out" ]] && printf '  stdout: %s\n' "${out:0:2000}"
    [[ -n "$err" ]] && printf '  stderr: %s\n' "${err:0:2000}"
  fi
}

is_status() { [[ $status -eq $1 ]]; }
err_has() { [[ $err == *"$1"* ]]; }
out_has() { [[ $out == *"$1"* ]]; }
silent() { [[ -z "$out" && -z "$err" ]]; }
clean() { is_status 0 && silent; }

# ---- programs used below ----------------------------------------------------------------------

# One type error: `cidr` takes a CIDR string, not an int (line 3, column 10).
cat >"$tmp/error.ecl" <<'EOF'
// a program with one error
vpc main {
  cidr = 42
}
EOF

# Valid, but SSH is open to the world: a warning (W0001) and no error.
cat >"$tmp/warning.ecl" <<'EOF'
vpc main {
  cidr = "10.0.0.0/16"

  security_group admin {
    description = "SSH for administrators"
    ingress {
      protocol = tcp
      port     = 22
      from     = "0.0.0.0/0"
    }
  }
}
EOF

# Valid only once the command line gives the VPC's CIDR and two zones.
cat >"$tmp/params.ecl" <<'EOF'
param vpc_cidr: cidr
param zones:    list<string> = ["us-east-1a"]
param desired:  int          = 1

vpc main {
  cidr = vpc_cidr
  subnet a {
    cidr = cidrsubnet(vpc_cidr, 8, 0)
    zone = zones[0]
  }
  subnet b {
    cidr = cidrsubnet(vpc_cidr, 8, 1)
    zone = zones[1]
  }
}

output desired = desired
EOF

# ---- every example checks clean ---------------------------------------------------------------

shopt -s nullglob
examples=(examples/*.ecl examples/*/)
shopt -u nullglob
check "examples/ holds programs" [ ${#examples[@]} -gt 0 ]
for example in "${examples[@]}"; do
  run check "$example"
  check "example $example checks clean" clean
done

# ---- errors and warnings ----------------------------------------------------------------------

run check "$tmp/error.ecl"
check "a program with errors exits 1" is_status 1
check "errors are reported on stderr" err_has "error[E2004]"
check "text diagnostics end with a summary" err_has "1 error, 0 warnings"
check "text diagnostics leave stdout empty" [ -z "$out" ]

run check "$tmp/warning.ecl"
check "warnings alone exit 0" is_status 0
check "the warning is printed" err_has "warning[W0001]"
check "the summary counts the warning" err_has "0 errors, 1 warning"

run check "$tmp/warning.ecl" --werror
check "--werror makes warnings fail" is_status 1
check "--werror reports the warning as an error" err_has "error[W0001]"

# ---- a folder of programs: two or more files declare a `stack` ----------------------------------

run check examples
check "examples/ is a folder of programs, each clean" clean
mkdir -p "$tmp/folder"
cp examples/webapp.ecl examples/ec2_bridge.ecl "$tmp/folder/"
cp examples/webapp.ecl "$tmp/folder/webapp_copy.ecl"
echo 'vpc lonely { cidr = "10.9.0.0/16" }' >"$tmp/folder/no_stack.ecl"
run check "$tmp/folder"
check "a copy beside other programs is checked alone (no duplicates)" clean
sed 's/desired         = is_prod ? 4 : 1/desired         = -1/' examples/webapp.ecl >"$tmp/folder/webapp_copy.ecl"
run check "$tmp/folder"
check "an error in one program of a folder exits 1" is_status 1
check "the error names its file" err_has "webapp_copy.ecl:"
check "one error counted over the folder" err_has "1 error, 0 warnings"
run compile "$tmp/folder" --target cloudformation
check "compile rejects a folder of programs (exit 2)" is_status 2
check "compile of a folder of programs is E0024" err_has "E0024"
check "compile of a folder of programs writes nothing" [ -z "$out" ]
run plan examples
check "plan rejects a folder of programs with E0024" err_has "E0024"
run compile examples/webapp.ecl --target cloudformation
check "one file of a folder of programs compiles" is_status 0
mkdir -p "$tmp/one-stack"
cp examples/webapp.ecl "$tmp/one-stack/"
echo 'let extra = main.cidr' >"$tmp/one-stack/extra.ecl"
run check "$tmp/one-stack"
check "a directory with one stack is one program (names cross files)" clean

# ---- unusable input: exit status 2 ------------------------------------------------------------

run check "$tmp/does-not-exist.ecl"
check "a missing path exits 2" is_status 2
check "a missing path is E0015" err_has "E0015"

mkdir -p "$tmp/no-sources"
echo "not ECL" >"$tmp/no-sources/README.md"
run check "$tmp/no-sources"
check "a directory without .ecl files exits 2" is_status 2
check "a directory without .ecl files is E0016" err_has "E0016"

# An unreadable file. As root, permissions do not stop reading, so the root case uses a dangling
# symbolic link instead: the directory lists it as a source file that cannot be opened.
mkdir -p "$tmp/unreadable"
if [[ $(id -u) -eq 0 ]]; then
  ln -s "$tmp/nowhere/gone.ecl" "$tmp/unreadable/broken.ecl"
else
  echo 'let a = 1' >"$tmp/unreadable/locked.ecl"
  chmod 000 "$tmp/unreadable/locked.ecl"
fi
run check "$tmp/unreadable"
check "an unreadable source file exits 2" is_status 2
check "an unreadable source file is E0015" err_has "E0015"

run check "$tmp/error.ecl" -p novalue
check "-p without = exits 2" is_status 2
run check "$tmp/error.ecl" -p =value
check "-p without a name exits 2" is_status 2
run frobnicate "$tmp/error.ecl"
check "an unknown subcommand exits 2" is_status 2
run check "$tmp/error.ecl" --frobnicate
check "an unknown option exits 2" is_status 2
run check "$tmp/error.ecl" --format xml
check "an unknown format exits 2" is_status 2
run
check "no subcommand exits 2" is_status 2
run check
check "check without a path exits 2" is_status 2

# ---- --format json ----------------------------------------------------------------------------

# json_check FIELD-ASSERTIONS: parses stdout with python3 and evaluates the assertion on `d`.
json_check() {
  python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
sys.exit(0 if (isinstance(d, list) and '"$1"') else 1)
' <<<"$out"
}

run check "$tmp/error.ecl" --format json
check "json: errors still exit 1" is_status 1
check "json: nothing on stderr" [ -z "$err" ]
check "json: one diagnostic with its code, line and column" json_check \
  'len(d) == 1 and d[0]["code"] == "E2004" and d[0]["severity"] == "error"
   and d[0]["file"].endswith("error.ecl")
   and d[0]["range"]["start"] == {"line": 3, "column": 10}
   and d[0]["range"]["end"] == {"line": 3, "column": 12}
   and isinstance(d[0]["message"], str) and d[0]["notes"] == []'

run check examples/webapp.ecl --format json
check "json: a clean program prints an empty array" json_check 'd == []'
check "json: a clean program exits 0" is_status 0

run check "$tmp/warning.ecl" --format json
check "json: a warning has its severity" json_check \
  'len(d) == 1 and d[0]["code"] == "W0001" and d[0]["severity"] == "warning"
   and d[0]["range"]["start"]["line"] == 9'

# ---- -p overrides -----------------------------------------------------------------------------

run check "$tmp/params.ecl"
check "a param without default and no -p exits 1" is_status 1
check "a param without default is E2008" err_has "E2008"

run check "$tmp/params.ecl" -p vpc_cidr=10.0.0.0/16
check "with one zone, zones[1] is out of range" err_has "E2011"

run check "$tmp/params.ecl" -p vpc_cidr=10.0.0.0/16 -p 'zones=["us-east-1a", "us-east-1b"]'
check "-p values make the program valid" clean

run check "$tmp/params.ecl" -p vpc_cidr=10.0.0.0/16 -p 'zones=["us-east-1a", "us-east-1b"]' \
  -p desired=two
check "an -p value of the wrong type exits 1" is_status 1
check "an -p value of the wrong type is E2007" err_has "E2007"

run check "$tmp/params.ecl" -p vpc_cidr=10.0.0.1/16 -p 'zones=["us-east-1a", "us-east-1b"]'
check "an invalid -p cidr is E2007" err_has "E2007"

run check "$tmp/params.ecl" -p vpc_cidr=10.0.0.0/16 -p 'zones=["us-east-1a", "us-east-1b"]' \
  -p desird=3
check "an -p for no param exits 1" is_status 1
check "an -p for no param is E1009" err_has "E1009"

run check examples/multi_file -p env=prod -p desired=4 -p api_memory=6GiB
check "example multi_file with production params checks clean" clean

# ---- edge cases of the input ------------------------------------------------------------------

: >"$tmp/empty.ecl"
run check "$tmp/empty.ecl"
check "an empty file is clean" clean

printf 'let a = 1\nlet b = "x\xffy"\n' >"$tmp/latin1.ecl"
run check "$tmp/latin1.ecl"
check "invalid UTF-8 exits 1" is_status 1
check "invalid UTF-8 is E0001 at the byte" err_has "latin1.ecl:2:11: error[E0001]"

{
  printf 'let deep = '
  head -c 100000 /dev/zero | tr '\0' '['
  printf '\n'
} >"$tmp/deep.ecl"
status=0
timeout 10 "$ECLC" check "$tmp/deep.ecl" >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
out=$(<"$tmp/stdout")
err=$(head -c 20000 "$tmp/stderr")
check "100,000 nested brackets finish within 10 seconds" [ $status -ne 124 ]
check "100,000 nested brackets exit 1" is_status 1
check "100,000 nested brackets are E0008" err_has "E0008"

truncate -s 70M "$tmp/huge.ecl"
run check "$tmp/huge.ecl"
check "a 70 MB file exits 1" is_status 1
check "a 70 MB file is E0013" err_has "E0013"

# Not regular files: a FIFO (alone or among a program's files) would block the read forever, and
# a device may never end.
mkfifo "$tmp/fifo.ecl"
run_timed check "$tmp/fifo.ecl"
check "a FIFO is refused, not read" is_status 2
check "a FIFO is E0015" err_has "error[E0015]: cannot read \`$tmp/fifo.ecl\`: not a regular file"
mkdir "$tmp/with-fifo"
cp "$tmp/warning.ecl" "$tmp/with-fifo/a.ecl"
mkfifo "$tmp/with-fifo/b.ecl"
run_timed check "$tmp/with-fifo"
check "a FIFO in a program directory is refused" is_status 2
check "a FIFO in a program directory is E0015" err_has "b.ecl\`: not a regular file"
run check /dev/zero
check "/dev/zero is refused" is_status 2
check "/dev/zero is E0015 in one line" [ "$(wc -l <"$tmp/stderr")" -le 2 ]

# A diagnostic shows a window of its line: 1 MB of `${` on one line printed the whole line per
# error (101 MB).
{
  printf 'let s = "'
  head -c 1000000 /dev/zero | tr '\0' '$' | sed 's/\$/${/g' | head -c 1000000
  printf '\n'
} >"$tmp/long-line.ecl"
run check "$tmp/long-line.ecl"
check "errors on a 1 MB line exit 1" is_status 1
check "errors on a 1 MB line print at most 64 KB" [ "$(wc -c <"$tmp/stderr")" -le 65536 ]

# ---- the small commands: --version, did you mean, explain, completion, init, NO_COLOR -------------

run --version
check "--version names eclc" out_has "eclc 0."
run chek "$tmp/error.ecl"
check "a mistyped command exits 2" is_status 2
check "a mistyped command suggests the nearest" err_has 'unknown command `chek`; did you mean `check`?'
run xyzzy
check "an unknown command points at --help" err_has '`eclc --help` lists the commands'

run explain E3002
check "explain exits 0" is_status 0
check "explain prints the summary" out_has "E3002 (error): a subnet CIDR not contained in its VPC's CIDR"
check "explain prints the long explanation" out_has "cidrsubnet"
run explain w0001
check "explain takes any letter case" out_has "W0001 (warning)"
run explain E3O02
check "an unknown code exits 2" is_status 2
check "an unknown code suggests the nearest" err_has 'did you mean `E3002`?'

for shell in bash zsh fish; do
  run completion $shell
  check "completion $shell exits 0" is_status 0
  check "completion $shell names the commands" out_has "explain"
  check "completion $shell knows --format's values" out_has "text json sarif"
done
run completion bash
printf '%s\n' "$out" >"$tmp/eclc.bash"
check "the bash completion parses" bash -n "$tmp/eclc.bash"
# The script completes: `eclc ch<TAB>`, `eclc check --fo<TAB>`, `eclc check --format <TAB>`.
complete_words() { bash -c "source '$tmp/eclc.bash'; COMP_WORDS=($1); COMP_CWORD=$2; _eclc; echo \"\${COMPREPLY[*]}\""; }
check "bash completes commands" [ "$(complete_words 'eclc ch' 1)" = "check" ]
check "bash completes options" [ "$(complete_words 'eclc check --fo' 2)" = "--format" ]
check "bash completes option values" [ "$(complete_words 'eclc check --format s' 3)" = "sarif" ]
for shell in zsh fish; do
  if command -v $shell >/dev/null; then
    run completion $shell
    printf '%s\n' "$out" >"$tmp/eclc.$shell"
    check "the $shell completion parses" $shell -n "$tmp/eclc.$shell"
  fi
done

run init "$tmp/starter"
check "init exits 0" is_status 0
check "init writes main.ecl" [ -f "$tmp/starter/main.ecl" ]
run check "$tmp/starter"
check "the starter program checks clean, without warnings" clean
run fmt --check "$tmp/starter"
check "the starter program is formatted" clean
run plan "$tmp/starter"
check "the starter program plans" is_status 0
echo "// mine" >>"$tmp/starter/main.ecl"
run init "$tmp/starter"
check "init refuses to overwrite" is_status 2
check "init leaves an existing file alone" grep -q "// mine" "$tmp/starter/main.ecl"

# eclc diagram: every example is drawn (Graphviz reads the dot); nothing is written on errors.
for example in examples/*.ecl examples/*/; do
  run diagram "$example" -o "$tmp/diagram.svg"
  check "diagram $example exits 0" is_status 0
  check "diagram $example is an SVG" grep -q "<svg" "$tmp/diagram.svg"
  check "diagram $example draws its subnets" grep -q "subnet" "$tmp/diagram.svg"
done
run diagram examples/webapp.ecl
check "diagram without -o prints dot" out_has "digraph architecture"
check "diagram draws the NAT route" out_has '"prod.api@main.private_a" -> "main.nat_a"'
check "diagram draws the load balancer" out_has 'Application load balancer'
check "diagram: internet gateway to load balancer" out_has '"main.igw" -> "main.edge"'
check "diagram: load balancer to its service" out_has '"main.edge" -> "prod.api@main.private_a"'
rm -f "$tmp/diagram.svg"
run diagram "$tmp/error.ecl" -o "$tmp/diagram.svg"
check "diagram of a broken program exits 1" is_status 1
check "diagram of a broken program writes nothing" [ ! -e "$tmp/diagram.svg" ]
run diagram examples/webapp.ecl -o "$tmp/diagram"
check "diagram needs an extension" err_has "give it an extension"

# Colour: on a terminal by default, never with NO_COLOR (https://no-color.org) unless asked for.
on_tty() { script -qec "$*" /dev/null 2>&1 | tr -d '\r'; }
check "a terminal gets colour" grep -q $'\x1b\\[' <<<"$(on_tty "$ECLC" check "$tmp/error.ecl")"
check "NO_COLOR turns colour off" [ "$(NO_COLOR=1 on_tty "$ECLC" check "$tmp/error.ecl" | grep -c $'\x1b')" = 0 ]
check "an empty NO_COLOR does not" grep -q $'\x1b\\[' <<<"$(NO_COLOR= on_tty "$ECLC" check "$tmp/error.ecl")"
check "--color always wins over NO_COLOR" grep -q $'\x1b\\[' <<<"$(NO_COLOR=1 on_tty "$ECLC" check --color always "$tmp/error.ecl")"

# A parameter file that is not there, not JSON (where, and why) or not an object.
printf '{\n  "vpc_cidr": "10.0.0.0/16",\n}\n' >"$tmp/bad-params.json"
run check "$tmp/params.ecl" --params "$tmp/bad-params.json"
check "--params: bad JSON exits 2" is_status 2
check "--params: bad JSON says where" err_has "bad-params.json:3:1: the parameter file is not valid JSON: unexpected '}'"
run check "$tmp/params.ecl" --params "$tmp/no-such-params.json"
check "--params: a missing file is said" err_has "cannot read the parameter file"
# A file's value is named by the file, not as a `-p` the user never wrote.
printf '{"vpc_cidr": "10.0.0.0/16", "desired": "two", "bogus": 1}\n' >"$tmp/typo-params.json"
run check "$tmp/params.ecl" --params "$tmp/typo-params.json"
check "--params: a wrong type names the file" err_has "E2007]: \`desired\` = \`two\` in \`$tmp/typo-params.json\`: expected \`int\`"
check "--params: an unknown name names the file" err_has "E1009]: \`bogus\` in \`$tmp/typo-params.json\` names no param of the program"
# A module's param or inner instance named from outside says where it really is.
run check examples/environments -p env=x
check "-p of a module's param names its instances" err_has "E1009]: \`-p env\` names no param of the program; it is a param of module instances \`staging\`, \`prod\`, set in their \`module\` blocks"
cp -r examples/environments "$tmp/environments"
echo 'output inner = prod.web.family' >>"$tmp/environments/main.ecl"
run check "$tmp/environments"
check "an inner instance read from outside is E1019 with a hint" err_has "module instance \`prod\` has no output \`web\`; \`web\` is a module instance inside \`prod\`"
echo '[1]' >"$tmp/list-params.json"
run check "$tmp/params.ecl" --params "$tmp/list-params.json"
check "--params: not an object" err_has "is not a parameter file: a JSON object"

# Standard output that cannot be written (a full disk) is an error, not a silent success.
for command in "compile examples/webapp.ecl --target cloudformation" "plan examples/webapp.ecl --json" "explain E3103"; do
  "$ECLC" $command >/dev/full 2>"$tmp/full.err"
  status=$?
  check "$command on a full disk exits 2" is_status 2
  check "$command on a full disk says so" grep -q "cannot write the standard output" "$tmp/full.err"
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
