"""Helpers shared by the CloudFormation acceptance tests: finding the tools, listing the programs,
compiling them with `eclc compile --target cloudformation`."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def find_tool(name):
    """A tool on PATH, else in the bin directory of the image's Python (pyenv). Missing is a
    failure, never a skip: these tests are the backend's acceptance criteria."""
    found = shutil.which(name)
    if found:
        return found
    try:
        prefix = subprocess.run(
            ["python3", "-c", "import sys; print(sys.prefix)"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        prefix = sys.prefix
    candidate = Path(prefix) / "bin" / name
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return str(candidate)
    fail(f"`{name}` is not on PATH nor in {prefix}/bin; install it (pip install {name})")


def examples():
    """Every example: a top-level .ecl file or a directory of them."""
    out = []
    for p in sorted((ROOT / "examples").iterdir()):
        if p.is_dir() or p.suffix == ".ecl":
            out.append(p)
    return out


def clean_golden():
    """Every golden program without errors (not fail_*), and this folder's programs."""
    out = []
    for base in (ROOT / "tests" / "golden", ROOT / "tests" / "cfn"):
        for p in sorted(base.rglob("*")):
            if p.name.startswith("fail_"):
                continue
            if (p.is_file() and p.suffix == ".ecl" and not any(
                    parent.suffix == ".d" for parent in p.parents)) or (
                    p.is_dir() and p.suffix == ".d"):
                out.append(p)
    return out


def params_of(program):
    """The `-p name=value` options of a leading `// args:` line."""
    first = program
    if program.is_dir():
        files = sorted(program.glob("*.ecl"))
        if not files:
            return []
        first = files[0]
    line = first.read_text(encoding="utf-8").split("\n", 1)[0]
    if not line.startswith("// args:"):
        return []
    words = line[len("// args:"):].split()
    out = []
    for i, w in enumerate(words):
        if w == "-p" and i + 1 < len(words):
            out += ["-p", words[i + 1]]
    return out


def compile_program(eclc, program, output):
    """Compiles one program to `output`; returns (ok, stderr)."""
    cmd = [eclc, "compile", str(program), "--target", "cloudformation", "-o", str(output)]
    cmd += params_of(program)
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode == 0, r.stdout + r.stderr


def stack_region(program):
    """The region the source declares (`region = "…"` in the stack block, possibly through a
    `let`), or us-east-1."""
    files = sorted(program.glob("*.ecl")) if program.is_dir() else [program]
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    stack = re.search(r"\bstack\s+\w+\s*\{(.*?)\}", text, re.S)
    if stack:
        m = re.search(r"\bregion\s*=\s*(\"([a-z0-9-]+)\"|(\w+))", stack.group(1))
        if m and m.group(2):
            return m.group(2)
        if m and m.group(3):
            let = re.search(r"\b(?:let|param)\s+" + m.group(3) + r"\b[^=\n]*=\s*\"([a-z0-9-]+)\"",
                            text)
            if let:
                return let.group(1)
    return "us-east-1"
