"""Helpers shared by the tests that run eclc and AWS tooling (tests/cfn, tests/plan, tests/apply):
finding the tools, listing the programs, compiling them with `eclc compile --target
cloudformation`, and a moto_server on a free port of 127.0.0.1."""

import os
import random
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
    """The `-p name=value` options of a leading `// args:` line; while a Moto runs, also
    `-p NAME=ARN` of the test certificate for each certificate param (certificate_params)."""
    out = [word for name, region in certificate_params(program) if region in CERTIFICATE_ARNS
           for word in ("-p", f"{name}={CERTIFICATE_ARNS[region]}")]
    return args_of(program) + out


def args_of(program):
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


# ---- the test certificate

# moto's CreateListener refuses a certificate its ACM does not hold (CertificateNotFound), so a
# program whose HTTPS listener takes its certificate from a param (`param cert_arn: string =
# "arn:aws:acm:…"`, a placeholder) runs on moto with a self-signed certificate imported into moto's
# ACM. Its ARN is the same in every moto_server a Moto starts and after every reset (the import
# runs with moto's random numbers seeded), so that params_of can pass it before and after a
# reset, and a plan made with it matches the state an apply made with it.
CERTIFICATE_DOMAIN = "eclc-test.example.com"
CERTIFICATE_ARNS = {}  # region -> the ARN of the test certificate, once a Moto imported it
_CERTIFICATE_SEED = 1414
_certificate_pem = None  # (certificate, private key), made by openssl on first use


def certificate_params(program):
    """(name, region) of each `param NAME: string = "arn:aws:acm:REGION:…"` of the program."""
    files = sorted(program.glob("*.ecl")) if program.is_dir() else [program]
    out = []
    for f in files:
        out += re.findall(r'^\s*param\s+(\w+)\s*:\s*string\s*=\s*"arn:aws:acm:([a-z0-9-]+):',
                          f.read_text(encoding="utf-8"), re.M)
    return out


def test_certificate():
    """A self-signed certificate for CERTIFICATE_DOMAIN and its key, PEM bytes, made once."""
    global _certificate_pem
    if _certificate_pem is None:
        with tempfile.TemporaryDirectory() as tmp:
            cert, key = Path(tmp) / "cert.pem", Path(tmp) / "key.pem"
            r = subprocess.run([find_tool("openssl"), "req", "-x509", "-newkey", "rsa:2048",
                                "-nodes", "-days", "30", "-subj", f"/CN={CERTIFICATE_DOMAIN}",
                                "-keyout", str(key), "-out", str(cert)],
                               capture_output=True, text=True)
            if r.returncode != 0:
                fail(f"openssl could not make the test certificate: {r.stderr}")
            _certificate_pem = (cert.read_bytes(), key.read_bytes())
    return _certificate_pem


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


# The moto_server started last: `eclc plan --state` reads from it when refreshing (with_refresh).
LATEST_MOTO_URL = None


def with_refresh(args):
    """`eclc plan ... --state` refreshes the state from AWS (docs/state-format.md): against the
    moto_server started last, unless the arguments name an endpoint or --refresh."""
    args = [str(a) for a in args]
    if (args and args[0] == "plan" and "--state" in args and LATEST_MOTO_URL and
            not any(a.startswith("--endpoint-url") or a.startswith("--refresh") for a in args)):
        return args + ["--endpoint-url", LATEST_MOTO_URL]
    return args


class Moto:
    """moto_server on 127.0.0.1 on a free port, its output kept for when it does not start;
    `managed_policies` loads AWS's managed IAM policies (roles that attach them need it)."""

    def __init__(self, moto_server, managed_policies=False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        global LATEST_MOTO_URL
        LATEST_MOTO_URL = self.url
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
            except OSError:
                time.sleep(0.2)
                continue
            self.import_certificate()
            return
        self.log.seek(0)
        fail(f"moto_server did not start on {self.url}:\n{self.log.read().decode()}")

    def reset(self):
        request = urllib.request.Request(self.url + "/moto-api/reset", method="POST")
        urllib.request.urlopen(request, timeout=30).read()
        self.import_certificate()

    def seed(self, value):
        request = urllib.request.Request(f"{self.url}/moto-api/seed?a={value}", method="POST")
        urllib.request.urlopen(request, timeout=30).read()

    def import_certificate(self):
        """Imports the test certificate into ACM in each region a program's certificate param
        names, under the same ARN every time (CERTIFICATE_ARNS)."""
        regions = sorted({region for p in moto_programs() for _, region in certificate_params(p)})
        if not regions:
            return
        import botocore.session  # only the tests that start moto need botocore
        cert, key = test_certificate()
        session = botocore.session.get_session()
        session.set_credentials("testing", "testing")
        for region in regions:
            acm = session.create_client("acm", region_name=region, endpoint_url=self.url)
            self.seed(_CERTIFICATE_SEED)
            try:
                arn = acm.import_certificate(Certificate=cert, PrivateKey=key)["CertificateArn"]
            finally:
                self.seed(random.SystemRandom().randrange(2 ** 31))  # moto's ids random again
            if CERTIFICATE_ARNS.setdefault(region, arn) != arn:
                fail(f"the test certificate was imported as {arn}, before as "
                     f"{CERTIFICATE_ARNS[region]}: moto's seeded ids changed")

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
