#!/usr/bin/env python3
"""`eclc check --format sarif` against the SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json, from
OASIS's oasis-tcs/sarif-spec; LICENSE.md beside it): every golden program's log validates, and its
results say what `--format json` says (rule, level, message, file, line and column), with the notes
as related locations and every table code as a rule. Fails, not skips, without python3-jsonschema."""

import argparse
import json
import subprocess
import sys
from pathlib import Path

import jsonschema

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
problems = []


def expect(cond, message):
    if not cond:
        problems.append(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    eclc = parser.parse_args().eclc
    schema = json.loads((HERE / "sarif-schema-2.1.0.json").read_text())
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    programs = sorted((ROOT / "tests" / "golden").rglob("*.ecl"))
    programs = [p for p in programs if p.name.startswith(("fail_", "warn_"))]
    programs.append(ROOT / "examples" / "webapp.ecl")
    rule_count = None
    for program in programs:
        rel = program.relative_to(ROOT)
        sarif = subprocess.run([eclc, "check", "--format", "sarif", str(rel)], cwd=ROOT,
                               capture_output=True, text=True)
        plain = subprocess.run([eclc, "check", "--format", "json", str(rel)], cwd=ROOT,
                               capture_output=True, text=True)
        expect(sarif.returncode == plain.returncode, f"{rel}: exit {sarif.returncode}")
        log = json.loads(sarif.stdout)
        for error in validator.iter_errors(log):
            problems.append(f"{rel}: {error.json_path}: {error.message}")
        run = log["runs"][0]
        rules = run["tool"]["driver"]["rules"]
        rule_count = rule_count or len(rules)
        expect(all(r["fullDescription"]["text"] for r in rules), "a rule has no explanation")
        diags = json.loads(plain.stdout)
        expect(len(run["results"]) == len(diags), f"{rel}: {len(run['results'])} results")
        for result, d in zip(run["results"], diags):
            expect(result["ruleId"] == d["code"], f"{rel}: {result['ruleId']} != {d['code']}")
            expect(rules[result["ruleIndex"]]["id"] == d["code"], f"{rel}: ruleIndex")
            expect(result["level"] == d["severity"], f"{rel}: level {result['level']}")
            expect(result["message"]["text"] == d["message"], f"{rel}: message")
            if d["file"] is None:
                continue
            loc = result["locations"][0]["physicalLocation"]
            expect(loc["artifactLocation"]["uri"] == d["file"], f"{rel}: uri")
            start = d["range"]["start"]
            expect((loc["region"]["startLine"], loc["region"]["startColumn"]) ==
                   (start["line"], start["column"]), f"{rel}: region")
            notes = [n for n in d["notes"] if n["file"] is not None]
            related = result.get("relatedLocations", [])
            expect(len(related) == len(notes), f"{rel}: {len(related)} related locations")
    expect(rule_count and rule_count > 100, f"{rule_count} rules")
    # A clean program: a valid log with no results.
    clean = subprocess.run([eclc, "check", "--format", "sarif", "examples/webapp.ecl"], cwd=ROOT,
                           capture_output=True, text=True)
    expect(clean.returncode == 0 and json.loads(clean.stdout)["runs"][0]["results"] == [],
           "webapp: results")
    # The validator does fail: a log without `version` is refused.
    broken = json.loads(clean.stdout)
    del broken["version"]
    expect(not validator.is_valid(broken), "the schema accepts a log without version")
    for p in problems[:30]:
        print("FAIL:", p)
    print(f"{len(programs)} programs, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
