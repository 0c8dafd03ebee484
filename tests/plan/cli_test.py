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

    # The resources: one entry a block with calls (their attributes under it), counted in blocks.
    document = json.loads(golden)
    blocks = list(dict.fromkeys(s["block"] for s in document["steps"]))
    text = run("plan", str(webapp))
    expect(text.returncode == 0, f"plan: exit {text.returncode}: {text.stderr}")
    lines = text.stdout.splitlines()
    entries = [line.split()[2] for line in lines
               if line.startswith("  + ") and line.split()[2] != "="]  # not the outputs
    expect(entries == blocks, f"one entry a block, in plan order: {entries}")
    expect('      cidr             = "10.0.0.0/16"' in lines, "the VPC's attributes under it")
    expect(f"Plan: {len(blocks)} to add, 0 to change, 0 to replace, 0 to destroy." in lines,
           f"no summary line in:\n{text.stdout}")
    expect("  + vpc_id = (known after apply)" in lines and
           '  + task_family = "webapp-api"' in lines, "the outputs")
    expect("\x1b[" not in text.stdout, "colours on a pipe")
    expect("\x1b[" in run("plan", str(webapp), "--color", "always").stdout, "--color always")

    # --calls: the API calls, one line a step.
    calls = run("plan", str(webapp), "--calls")
    lines = calls.stdout.splitlines()
    steps = [line for line in lines if line.startswith(("  +  ", "  <= "))]
    expect(len(steps) == len(document["steps"]), "--calls: one line a step")
    expect(f"Calls: {len(steps)} to create." in lines, f"--calls: no summary in:\n{calls.stdout}")

    # --target: the block, the blocks in it, and what they depend on; did you mean.
    r = run("plan", str(webapp), "--target", "main.public", "--json")
    limited = json.loads(r.stdout) if r.returncode == 0 else {"steps": []}
    kept = {s["block"] for s in limited["steps"]}
    expect(kept == {"main", "main.public_a", "main.public_b", "main.igw", "main.public",
                    "main.public.route[0]"}, f"--target main.public keeps {sorted(kept)}")
    r = run("plan", str(webapp), "--target", "main.public", "--target", "prod.api")
    expect(r.returncode == 0 and "limited by --target" in r.stdout and
           f"Plan: {len(blocks)} to add" not in r.stdout and "  + service prod.api" in r.stdout and
           "  + route_table main.public" in r.stdout and "  + route_table main.private_a_routes"
           not in r.stdout and "  + subnet main.private_b" in r.stdout,
           f"--target twice: {r.stdout}{r.stderr}")
    r = run("plan", str(webapp), "--target", "prod.apj")
    expect(r.returncode == 2 and r.stdout == "" and
           "--target `prod.apj`: no block of the program or of the state makes AWS calls by that "
           "name; did you mean `prod.api`?" in r.stderr, f"unknown target: {r.stderr}")

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
