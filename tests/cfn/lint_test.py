#!/usr/bin/env python3
"""cfn-lint on the template of every example and every clean golden program: each must compile,
and cfn-lint must exit 0 with no finding of any level (errors, warnings, informational)."""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import harness  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    args = parser.parse_args()
    cfn_lint = harness.find_tool("cfn-lint")

    programs = harness.examples() + harness.clean_golden()
    if not programs:
        harness.fail("no program to lint")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        templates = {}
        for i, program in enumerate(programs):
            out = Path(tmp) / f"{i:03d}_{program.stem}.json"
            ok, log = harness.compile_program(args.eclc, program, out)
            if not ok:
                failures.append(f"{program.relative_to(harness.ROOT)} does not compile:\n{log}")
                continue
            templates[str(out)] = program
        # One cfn-lint run for all templates: its start-up dominates the time.
        cmd = [cfn_lint, "--include-checks", "I", "--format", "parseable", "--"] + sorted(templates)
        r = subprocess.run(cmd, capture_output=True, text=True)
        findings = [line for line in (r.stdout + r.stderr).splitlines() if line.strip()]
        for line in findings:
            path = line.split(":", 1)[0]
            source = templates.get(path)
            name = source.relative_to(harness.ROOT) if source else path
            failures.append(f"{name}: {line}")
        if r.returncode != 0 and not findings:
            failures.append(f"cfn-lint exited {r.returncode} without findings")
    return harness.report(failures, f"cfn-lint: {len(templates)} templates, {len(failures)} problems")


if __name__ == "__main__":
    sys.exit(main())
