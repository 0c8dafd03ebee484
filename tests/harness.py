"""Helpers shared by the tests that run eclc and AWS tooling (tests/cfn, tests/plan, tests/apply):
finding the tools, listing the programs, compiling them with `eclc compile --target
cloudformation`, and a moto_server on a free port of 127.0.0.1."""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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


def moto_programs():
    """The examples, and the programs of tests/moto/ (shapes moto once refused in our output),
    which the deploy and apply tests run on moto_server."""
    return examples() + sorted((ROOT / "tests" / "moto").glob("*.ecl"))


def clean_golden():
    """Every golden program without errors (not fail_*), tests/cfn's and tests/moto's programs."""
    out = []
    for base in (ROOT / "tests" / "golden", ROOT / "tests" / "cfn", ROOT / "tests" / "moto"):
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


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Moto:
    """moto_server on 127.0.0.1 on a free port, its output kept for when it does not start;
    `managed_policies` loads AWS's managed IAM policies (roles that attach them need it)."""

    def __init__(self, moto_server, managed_policies=False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()
        env = dict(os.environ)
        if managed_policies:
            env["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
        self.proc = subprocess.Popen([moto_server, "-H", "127.0.0.1", "-p", str(self.port)],
                                     stdout=self.log, stderr=subprocess.STDOUT, env=env)

    def wait(self, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        self.log.seek(0)
        fail(f"moto_server did not start on {self.url}:\n{self.log.read().decode()}")

    def reset(self):
        request = urllib.request.Request(self.url + "/moto-api/reset", method="POST")
        urllib.request.urlopen(request, timeout=30).read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def report(problems, summary):
    """Prints the problems to stderr and the summary line; the exit status: 1 when any."""
    for p in problems:
        print(p, file=sys.stderr)
    print(summary)
    return 1 if problems else 0
