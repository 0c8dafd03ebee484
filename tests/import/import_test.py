#!/usr/bin/env python3
"""`eclc import` on real files we did not write (fixtures/<source>/, each with its LICENSE):
every fixture imports without a crash, the program is formatted (`eclc fmt --check`), every
setting left out is both a `// TODO` in the program and a W0017 warning, and `eclc check` reports
only diagnostics the source deserves. The program and the diagnostics of both steps are compared
with golden/<source>/<fixture>.ecl and .diag (regenerate with ECL_UPDATE_GOLDEN=1). Then hostile
input: malformed YAML or JSON, the wrong kind of file, a missing one. Prints how many fixtures
import clean, with warnings, and with check errors."""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIND = {"awesome-compose": "compose", "aws-containers-task-definitions": "task-definition",
        "botocore-examples": "task-definition"}
# What `eclc check` may say of an imported program: what its source really does.
DESERVED = {
    "W0017": "a setting left as a TODO (import)",
    "W0018": "a name changed to an identifier (import)",
    "E2002": "`image` missing: the compose service only has `build:`",
    "E3107": "a compose port `80:8080`: under awsvpc the host port is the container port",
    "E3108": "two services publishing the same port share no host under awsvpc, but one task would",
    "E3111": "an EC2 task definition without memory for a container",
    "E3113": "a log driver Fargate does not support",
    "E3115": "a privileged container, or a host path (a bind mount), on Fargate",
    "W0001": "a port published to the world",
    "W0002": "a password in plain environment",
}
problems = []
UPDATE = os.environ.get("ECL_UPDATE_GOLDEN") == "1"


def expect(cond, message):
    if not cond:
        problems.append(message)


def codes(text):
    return re.findall(r"\b(?:error|warning)\[([EW]\d{4})\]", text)


def golden(path, actual):
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual)
    elif not path.is_file():
        problems.append(f"{path}: no golden file (run with ECL_UPDATE_GOLDEN=1)")
    elif path.read_text() != actual:
        problems.append(f"{path}: differs from the output; review, then ECL_UPDATE_GOLDEN=1")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    eclc = os.path.abspath(parser.parse_args().eclc)
    os.chdir(HERE)
    tally = {"clean": [], "warnings": [], "errors": []}
    fixtures = sorted(p for p in Path("fixtures").glob("*/*")
                      if p.suffix in (".yaml", ".yml", ".json"))
    expect(len(fixtures) >= 30, f"only {len(fixtures)} fixtures")
    with tempfile.TemporaryDirectory() as tmp:
        for fixture in fixtures:
            source = fixture.parent.name
            expect((fixture.parent / "LICENSE").is_file(), f"{source}: no LICENSE beside it")
            out = Path(tmp) / (fixture.stem + ".ecl")
            imp = subprocess.run([eclc, "import", KIND[source], str(fixture), "-o", str(out),
                                  "--color", "never"], capture_output=True, text=True)
            if imp.returncode != 0 or not out.is_file():
                problems.append(f"{fixture}: import exit {imp.returncode}: {imp.stderr}")
                continue
            program = out.read_text()
            fmt = subprocess.run([eclc, "fmt", "--check", str(out)], capture_output=True, text=True)
            expect(fmt.returncode == 0, f"{fixture}: the program is not formatted")
            todos = program.count("// TODO")
            expect(codes(imp.stderr).count("W0017") == todos,
                   f"{fixture}: {todos} TODOs but {codes(imp.stderr).count('W0017')} W0017")
            check = subprocess.run([eclc, "check", str(out), "--color", "never"],
                                   capture_output=True, text=True, cwd=tmp)
            expect(check.returncode in (0, 1), f"{fixture}: check exit {check.returncode}")
            found = codes(imp.stderr) + codes(check.stdout + check.stderr)
            for code in found:
                expect(code in DESERVED, f"{fixture}: `{code}` is not a diagnostic the source "
                                         f"deserves:\n{check.stdout}{check.stderr}")
            diag = ("== eclc import\n" + imp.stderr.replace(tmp + "/", "") +
                    "== eclc check\n" + (check.stdout + check.stderr).replace(tmp + "/", ""))
            base = HERE / "golden" / source
            golden(base / (fixture.stem + ".ecl"), program)  # stems hold dots: not with_suffix
            golden(base / (fixture.stem + ".diag"), diag)
            kind = ("errors" if check.returncode else
                    "warnings" if found else "clean")
            tally[kind].append(f"{fixture.name} ({', '.join(sorted(set(found)))})"
                               if found else fixture.name)

        # A golden file whose fixture is gone.
        stems = {(f.parent.name, f.stem) for f in fixtures}
        for g in sorted((HERE / "golden").glob("*/*")):
            expect((g.parent.name, g.name.rsplit(".", 1)[0]) in stems,
                   f"{g}: no fixture imports to it; delete it")

        # Hostile input: a clear error with file:line:col, exit 1, nothing written.
        def hostile(kind, name, text, code, where):
            path = Path(tmp) / name
            path.write_bytes(text if isinstance(text, bytes) else text.encode())
            out = Path(tmp) / "hostile.ecl"
            r = subprocess.run([eclc, "import", kind, str(path), "-o", str(out), "--color", "never"],
                               capture_output=True, text=True)
            expect(r.returncode == 1, f"{name}: exit {r.returncode}, not 1: {r.stderr}")
            expect(f"[{code}]" in r.stderr, f"{name}: no {code}: {r.stderr}")
            expect(f"{name}:{where}" in r.stderr, f"{name}: not at {where}: {r.stderr}")
            expect(not out.exists(), f"{name}: a program was written")

        hostile("compose", "tabs.yaml", "services:\n\tweb:\n  image: x\n", "E0030", "2:")
        hostile("compose", "unclosed.yaml", "services:\n  web: {image: [x\n", "E0030", "3:")
        hostile("compose", "list.yaml", "- a\n- b\n", "E0031", "1:1")
        hostile("compose", "noimage.yaml", "services:\n  web:\n    ports: [80]\n", "E0031", "3:5")
        hostile("compose", "badport.yaml", "services:\n  web:\n    image: x\n    ports: 80\n",
                "E0031", "4:12")
        hostile("compose", "deep.yaml", "services: " + "[" * 5000 + "]" * 5000 + "\n", "E0030",
                "1:")
        hostile("compose", "binary.yaml", b"services:\n  \xff\xfe\x00web: 1\n", "E0030", "2:3")
        hostile("compose", "nul.yaml", b"services:\n  web:\x00\n", "E0030", "2:7")
        hostile("task-definition", "trailing.json", '{"family": "x",}\n', "E0030", "1:16")
        hostile("task-definition", "cut.json", '{"containerDefinitions": [\n  {"name": "a"\n',
                "E0030", "3:1")
        hostile("task-definition", "array.json", "[1, 2]\n", "E0031", "1:1")
        hostile("task-definition", "deep.json", "[" * 100000 + "]" * 100000, "E0031", "1:1")
        hostile("task-definition", "open.json", "[" * 100000, "E0030", "1:")
        hostile("task-definition", "env.json",
                '{"containerDefinitions": [{"name": "a", "image": "x",\n'
                ' "environment": [{"value": "v"}]}]}\n', "E0031", "2:2")
        r = subprocess.run([eclc, "import", "compose", str(Path(tmp) / "missing.yaml")],
                           capture_output=True, text=True)
        expect(r.returncode == 2 and "E0015" in r.stderr, f"a missing file: {r.returncode} {r.stderr}")
        # A FIFO with no writer is refused, not waited on (the reader `eclc check` uses).
        fifo = Path(tmp) / "fifo.yaml"
        os.mkfifo(fifo)
        r = subprocess.run([eclc, "import", "compose", str(fifo)], capture_output=True, text=True,
                           timeout=30)
        expect(r.returncode == 2 and "E0015" in r.stderr, f"a FIFO: {r.returncode} {r.stderr}")
        r = subprocess.run([eclc, "import", "kubernetes", "x"], capture_output=True, text=True)
        expect(r.returncode == 2, f"an unknown source: exit {r.returncode}")

    total = len(fixtures)
    print(f"{total} fixtures: {len(tally['clean'])} import and check clean, "
          f"{len(tally['warnings'])} with warnings only, {len(tally['errors'])} with the errors "
          "their source deserves")
    for kind in ("clean", "warnings", "errors"):
        for line in tally[kind]:
            print(f"  {kind}: {line}")
    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
