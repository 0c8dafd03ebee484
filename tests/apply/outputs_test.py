#!/usr/bin/env python3
"""Outputs, `eclc output`, `eclc show` and parameter files (`--params FILE`), against moto_server
on 127.0.0.1: the outputs are printed after apply with what AWS assigned filled in, recorded in the
state, read back by `eclc output [NAME] [--json]` and `eclc show`, and cleared by destroy; a
parameter file sets params (and `-p` wins over it)."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import moto_test  # noqa: E402  (Moto)
import harness as common  # noqa: E402

PROGRAM = """param env:   string
param cidr:  cidr   = "10.0.0.0/16"
param tags:  map<string> = {}
param zones: list<string> = ["us-east-1a"]

stack outputs {
  region = "us-east-1"
  tags   = tags
}

vpc main {
  cidr = cidr
  subnet a {
    cidr = cidrsubnet(cidr, 8, 0)
    zone = zones[0]
  }
}

output vpc_id  = main.id
output subnets = [main.a.id]
output label   = "${env}-${main.id}"
output cidr    = cidr
"""
problems = []


def expect(cond, message):
    if not cond:
        problems.append(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    eclc = str(Path(parser.parse_args().eclc).resolve())
    moto = common.Moto(common.find_tool("moto_server"), managed_policies=True)
    try:
        moto.wait()
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            program = tmp / "net.ecl"
            program.write_text(PROGRAM)
            params = tmp / "prod.json"
            params.write_text(json.dumps({"env": "prod", "cidr": "10.7.0.0/16",
                                          "tags": {"team": "ops"},
                                          "zones": ["us-east-1b", "us-east-1c"]}))
            env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
            env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                       AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)

            def run(*args):
                return subprocess.run([eclc, *map(str, args)], capture_output=True, text=True,
                                      env=env, timeout=120)

            r = run("check", program)
            expect(r.returncode == 1 and "E2008" in r.stderr, "without params: E2008 expected")
            r = run("plan", program, "--params", params, "--json")
            plan = json.loads(r.stdout) if r.returncode == 0 else {}
            vpc = [s for s in plan.get("steps", []) if s["operation"] == "CreateVpc"]
            expect(vpc and vpc[0]["params"]["CidrBlock"] == "10.7.0.0/16",
                   f"--params: the plan's VPC CIDR: {r.stderr}")
            r = run("plan", program, "--params", params, "-p", "cidr=10.9.0.0/16", "--json")
            expect(r.returncode == 0 and "10.9.0.0/16" in r.stdout, "-p does not win over --params")
            bad = tmp / "bad.json"
            bad.write_text("[1, 2]")
            r = run("check", program, "--params", bad)
            expect(r.returncode == 2 and "not a parameter file" in r.stderr,
                   f"a bad parameter file: exit {r.returncode}: {r.stderr}")
            r = run("check", program, "--params", tmp / "missing.json")
            expect(r.returncode == 2, f"a missing parameter file: exit {r.returncode}")

            state = tmp / "net.state.json"
            r = run("apply", program, "--params", params, "--endpoint-url", moto.url,
                    "--auto-approve")
            expect(r.returncode == 0, f"apply: exit {r.returncode}: {r.stderr}")
            saved = json.loads(state.read_text())
            outputs = saved.get("outputs", {})
            vpc_id = outputs.get("vpc_id", "")
            expect(vpc_id.startswith("vpc-"), f"state outputs: {outputs}")
            expect(isinstance(outputs.get("subnets"), list) and
                   outputs["subnets"][0].startswith("subnet-"), f"subnets output: {outputs}")
            expect(outputs.get("label") == f"prod-{vpc_id}", f"label output: {outputs}")
            expect(outputs.get("cidr") == "10.7.0.0/16", f"cidr output: {outputs}")
            expect(f"Outputs:\n  vpc_id = \"{vpc_id}\"\n" in r.stdout,
                   f"apply does not print the outputs: {r.stdout}")

            r = run("output", program)
            expect(r.returncode == 0 and f'vpc_id = "{vpc_id}"' in r.stdout, f"output: {r.stdout}")
            r = run("output", program, "vpc_id")
            expect(r.stdout == vpc_id + "\n", f"output vpc_id: {r.stdout!r}")
            r = run("output", program, "subnets", "--json")
            expect(json.loads(r.stdout) == outputs["subnets"], f"output --json: {r.stdout}")
            r = run("output", program, "--json")
            expect(json.loads(r.stdout) == outputs, f"output --json (all): {r.stdout}")
            r = run("output", program, "vpcid")
            expect(r.returncode == 2 and "did you mean `vpc_id`?" in r.stderr,
                   f"output of an unknown name: {r.stderr}")
            r = run("show", program, "--state", state)
            expect(r.returncode == 0 and "main.a" in r.stdout and vpc_id in r.stdout and
                   "ec2:CreateSubnet" in r.stdout and "Outputs:" in r.stdout,
                   f"show: {r.stdout}")
            # A second apply with no changes keeps and prints the outputs.
            r = run("apply", program, "--params", params, "--endpoint-url", moto.url,
                    "--auto-approve")
            expect(r.returncode == 0 and f'vpc_id = "{vpc_id}"' in r.stdout,
                   f"no-change apply: {r.stdout}")
            r = run("destroy", program, "--params", params, "--endpoint-url", moto.url,
                    "--auto-approve")
            expect(r.returncode == 0, f"destroy: {r.stderr}")
            expect(json.loads(state.read_text()).get("outputs") == {}, "destroy keeps outputs")
            r = run("show", program)
            expect("holds nothing" in r.stdout, f"show after destroy: {r.stdout}")
    finally:
        moto.stop()
    return common.report([f"FAIL: {p}" for p in problems], f"{len(problems)} problems")


if __name__ == "__main__":
    sys.exit(main())
