#!/usr/bin/env python3
"""`eclc compile --target cloudformation` end to end: the template on stdout or in `-o FILE`,
byte-identical across runs, nothing written when the program has errors (exit 1), E4001 for
colliding logical IDs, exit 2 for an unknown target or an unreadable path."""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import harness  # noqa: E402

problems = []


def expect(cond, message):
    if not cond:
        problems.append(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    eclc = parser.parse_args().eclc
    webapp = harness.ROOT / "examples" / "webapp.ecl"

    def run(*args):
        return subprocess.run([eclc, "compile", *args], capture_output=True, text=True)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        first = run(str(webapp), "--target", "cloudformation")
        second = run(str(webapp), "--target", "cloudformation")
        expect(first.returncode == 0, f"webapp: exit {first.returncode}: {first.stderr}")
        expect(first.stdout == second.stdout and first.stdout.endswith("}\n"),
               "two runs give different output, or no trailing newline")
        template = json.loads(first.stdout or "{}")
        expect(template.get("AWSTemplateFormatVersion") == "2010-09-09", "no format version")

        out = tmp / "webapp.json"
        r = run(str(webapp), "--target", "cloudformation", "-o", str(out))
        expect(r.returncode == 0 and r.stdout == "", f"-o: exit {r.returncode}, stdout {r.stdout!r}")
        expect(out.is_file() and out.read_text() == first.stdout, "-o writes another template")
        expect(sorted(p.name for p in tmp.iterdir()) == ["webapp.json"],
               "the atomic write leaves files behind")

        staging = run(str(webapp), "--target", "cloudformation", "-p", "env=staging")
        expect(staging.returncode == 0 and "(staging)" in staging.stdout, "-p is not applied")

        bad = tmp / "bad.ecl"
        bad.write_text('vpc main { cidr = "10.0.0.0/8" }\n')
        kept = tmp / "kept.json"
        kept.write_text("old\n")
        r = run(str(bad), "--target", "cloudformation", "-o", str(kept))
        expect(r.returncode == 1, f"a program with errors exits {r.returncode}, not 1")
        expect(kept.read_text() == "old\n", "a program with errors overwrote the output")
        expect("error[" in r.stderr, "the errors are not reported")
        r = run(str(bad), "--target", "cloudformation")
        expect(r.returncode == 1 and r.stdout == "", "a program with errors printed a template")
        r = run(str(bad), "--target", "cloudformation", "--format", "json")
        expect(r.returncode == 1 and r.stdout == "" and json.loads(r.stderr),
               "JSON diagnostics must not mix with the template on stdout")

        collide = tmp / "collide.ecl"
        collide.write_text('vpc a_b { cidr = "10.0.0.0/16" }\nvpc aB { cidr = "10.1.0.0/16" }\n')
        out = tmp / "collide.json"
        r = run(str(collide), "--target", "cloudformation", "-o", str(out))
        expect(r.returncode == 1 and "error[E4001]" in r.stderr and not out.exists(),
               f"colliding logical IDs: exit {r.returncode}, {r.stderr!r}")

        r = run(str(webapp), "--target", "terraform")
        expect(r.returncode == 2, f"an unknown target exits {r.returncode}, not 2")
        r = run(str(tmp / "missing.ecl"), "--target", "cloudformation")
        expect(r.returncode == 2, f"a missing file exits {r.returncode}, not 2")

    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    print(f"eclc compile: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
