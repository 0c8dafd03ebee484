#!/usr/bin/env python3
"""`eclc plan` and `eclc graph` end to end: the text plan and `--json` on stdout, `-o FILE` written
atomically with the same document as the golden sidecar, nothing written when the program has
errors (exit 1), exit 2 for an unreadable path, no colour when stdout is not a terminal, and a dot
graph that Graphviz reads when `dot` is installed."""

import argparse
import json
import shutil
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
    golden = (harness.ROOT / "examples" / "webapp.plan.json").read_text()

    def run(*args):
        return subprocess.run([eclc, *args], capture_output=True, text=True)

    text = run("plan", str(webapp))
    expect(text.returncode == 0, f"plan: exit {text.returncode}: {text.stderr}")
    lines = text.stdout.splitlines()
    steps = [line for line in lines if line.startswith(("  +  ", "  <= "))]
    expect(len(steps) == len(json.loads(golden)["steps"]), "one line a step")
    expect(f"Plan: {len(steps)} to create." in lines, f"no summary line in:\n{text.stdout}")
    expect("\x1b[" not in text.stdout, "colours on a pipe")
    expect("\x1b[" in run("plan", str(webapp), "--color", "always").stdout, "--color always")

    js = run("plan", str(webapp), "--json")
    expect(js.returncode == 0 and js.stdout == golden, "--json differs from webapp.plan.json")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan.json"
        r = run("plan", str(webapp), "-o", str(out))
        expect(r.returncode == 0 and out.read_text() == golden, "-o writes the document")
        expect("Plan:" in r.stdout, "-o still prints the plan for people")
        bad = Path(tmp) / "bad.ecl"
        bad.write_text('vpc main { cidr = "10.0.0.0/33" }\n')
        kept = Path(tmp) / "kept.json"
        kept.write_text("old")
        r = run("plan", str(bad), "-o", str(kept))
        expect(r.returncode == 1 and kept.read_text() == "old" and r.stdout == "",
               f"errors: exit {r.returncode}, stdout {r.stdout!r}, file {kept.read_text()!r}")
        r = run("plan", str(bad), "--format", "json")
        expect(r.returncode == 1 and json.loads(r.stderr), "--format json diagnostics on stderr")
        r = run("plan", str(Path(tmp) / "missing.ecl"))
        expect(r.returncode == 2, f"unreadable path: exit {r.returncode}")
        r = run("graph", str(bad))
        expect(r.returncode == 1 and r.stdout == "", "graph of a program with errors")
        # --detailed-exitcode: 0 nothing to change, 2 changes, 1 any error (bad input included).
        empty = Path(tmp) / "empty.ecl"
        empty.write_text('stack empty { region = "us-east-1" }\n')
        for path, status in ((webapp, 2), (empty, 0), (bad, 1), (Path(tmp) / "missing.ecl", 1)):
            r = run("plan", str(path), "--detailed-exitcode")
            expect(r.returncode == status,
                   f"--detailed-exitcode {path.name}: exit {r.returncode}, not {status}")

    graph = run("graph", str(webapp))
    expect(graph.returncode == 0 and graph.stdout.startswith("// ") and
           "digraph plan {" in graph.stdout, f"graph: {graph.stderr}")
    expect('"main.igw#attach" -> "main.public.route[0]";' in graph.stdout,
           "graph: the route waits for the attachment")
    dot = shutil.which("dot")
    if dot:
        r = subprocess.run([dot, "-Tsvg"], input=graph.stdout, capture_output=True, text=True)
        expect(r.returncode == 0 and "<svg" in r.stdout, f"dot rejects the graph: {r.stderr}")
    return harness.report(problems, f"plan cli: {len(problems)} problems" +
                          ("" if dot else " (dot not installed: not run)"))


if __name__ == "__main__":
    sys.exit(main())
