#!/usr/bin/env python3
"""Refresh and drift on moto_server (issue #15): tests/apply/drift/drift.ecl is applied, then
changed outside eclc with the AWS CLI: the internet gateway detached, a subnet's public IPs turned
off, another subnet deleted, the security group's rule revoked, the service scaled to 1, its
task definition deregistered. Then:
- `plan --refresh=false` still says `No changes.` (the state alone);
- `plan` names each drift: `+ subnet net.b  (deleted outside eclc)`, `~ service drift.web
  (changed outside eclc: desiredCount 2 -> 1)`...;
- `apply` repairs it, and what moto holds is the program again;
- a following `plan` says `No changes.`;
- after everything is deleted outside eclc (destroyed through a copy of the state), `plan` shows
  each block `+` and counts it as added, and `apply` makes everything again;
- the refresh reads each kind with a few calls, not one a resource (counted at a proxy).
Usage: drift_test.py --eclc PATH"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import harness  # noqa: E402

PROGRAM = Path(__file__).resolve().parent / "drift" / "drift.ecl"
ENV = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
ENV.update({"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": os.devnull,
            "AWS_SHARED_CREDENTIALS_FILE": os.devnull})
FAILURES = []


def expect(ok, message):
    if not ok:
        FAILURES.append(message)
        print(f"FAIL: {message}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    args = parser.parse_args()
    aws_cli = harness.find_tool("aws")
    moto = harness.Moto(harness.find_tool("moto_server"), managed_policies=True)
    try:
        moto.wait()
        with tempfile.TemporaryDirectory() as tmp:
            run(args.eclc, aws_cli, moto.url, Path(tmp) / "drift.state.json")
    finally:
        moto.proc.terminate()
        moto.proc.wait()
    if FAILURES:
        sys.exit(1)
    print("drift: every drift planned, repaired, then no changes")


def run(eclc_path, aws_cli, url, state):
    def eclc(*words):
        proc = subprocess.run([eclc_path, *map(str, words)], capture_output=True, text=True,
                              env=ENV, timeout=300)
        return proc.returncode, proc.stdout, proc.stderr

    def aws(*words):
        proc = subprocess.run([aws_cli, "--endpoint-url", url, "--output", "json", *words],
                              capture_output=True, text=True, env=ENV, timeout=120)
        if proc.returncode != 0:
            harness.fail(f"aws {' '.join(words)}: {proc.stderr}")
        return json.loads(proc.stdout) if proc.stdout.strip() else {}

    code, out, err = eclc("apply", PROGRAM, "--state", state, "--endpoint-url", url,
                          "--auto-approve")
    if code != 0:
        harness.fail(f"apply: exit {code}\n{out}{err}")
    code, out, err = eclc("plan", PROGRAM, "--state", state, "--endpoint-url", url)
    expect(code == 0 and out.strip() == "No changes.",
           f"after apply, plan (refreshed) sees drift moto does not have:\n{out}{err}")

    resources = {e["id"]: e for e in json.loads(state.read_text())["resources"]}
    vpc, igw = resources["net"]["resource"], resources["net.igw"]["resource"]
    aws("ec2", "detach-internet-gateway", "--internet-gateway-id", igw, "--vpc-id", vpc)
    aws("ec2", "modify-subnet-attribute", "--subnet-id", resources["net.a"]["resource"],
        "--no-map-public-ip-on-launch")
    aws("ec2", "delete-subnet", "--subnet-id", resources["net.b"]["resource"])
    aws("ec2", "revoke-security-group-ingress", "--group-id", resources["net.web"]["resource"],
        "--protocol", "tcp", "--port", "80", "--cidr", "0.0.0.0/0")
    # A rule someone else added: not drift, and not the revoked rule changed (a plan once showed
    # `-/+ ingress` with FromPort 22 -> 80, as if it would take port 22 away).
    aws("ec2", "authorize-security-group-ingress", "--group-id", resources["net.web"]["resource"],
        "--protocol", "tcp", "--port", "22", "--cidr", "10.9.0.0/16")
    aws("ecs", "update-service", "--cluster", "drift-drift", "--service", "web",
        "--desired-count", "1")
    aws("ecs", "deregister-task-definition", "--task-definition", resources["web"]["resource"])

    code, out, err = eclc("plan", PROGRAM, "--state", state, "--refresh=false")
    expect(code == 0 and out.strip() == "No changes.",
           f"--refresh=false should plan from the state alone:\n{out}{err}")
    code, out, err = eclc("plan", PROGRAM, "--state", state, "--endpoint-url", url)
    for line in ("+ subnet net.b  (deleted outside eclc)",
                 "~ service drift.web  (changed outside eclc: desiredCount 2 -> 1)",
                 "~ desiredCount: 1 -> 2",
                 "~ internet_gateway net.igw  (detached outside eclc)",
                 "~ subnet net.a  (changed outside eclc: MapPublicIpOnLaunch.Value true -> false)",
                 "+ ingress net.web.ingress[0]  (rule deleted outside eclc)",
                 "~ task web  (deleted outside eclc)"):
        expect(line in out, f"plan does not say `{line}`:\n{out}{err}")
    expect("22" not in out, f"plan speaks of the rule someone else added:\n{out}{err}")

    code, out, err = eclc("apply", PROGRAM, "--state", state, "--endpoint-url", url,
                          "--auto-approve")
    expect(code == 0, f"apply of the drift: exit {code}\n{out}{err}")
    code, out, err = eclc("plan", PROGRAM, "--state", state, "--endpoint-url", url)
    expect(code == 0 and out.strip() == "No changes.",
           f"after the repair, plan still sees drift:\n{out}{err}")

    # What moto holds is the program again.
    resources = {e["id"]: e for e in json.loads(state.read_text())["resources"]}
    gw = aws("ec2", "describe-internet-gateways", "--internet-gateway-ids", igw)
    expect([a["VpcId"] for a in gw["InternetGateways"][0].get("Attachments", [])] == [vpc],
           f"the internet gateway is not attached again: {gw}")
    subnet = aws("ec2", "describe-subnets", "--subnet-ids", resources["net.a"]["resource"])
    expect(subnet["Subnets"][0]["MapPublicIpOnLaunch"] is True,
           f"net.a does not map public IPs again: {subnet}")
    aws("ec2", "describe-subnets", "--subnet-ids", resources["net.b"]["resource"])
    group = aws("ec2", "describe-security-groups", "--group-ids",
                resources["net.web"]["resource"])["SecurityGroups"][0]
    expect(any(p.get("FromPort") == 80 for p in group["IpPermissions"]),
           f"the rule is not there again: {group['IpPermissions']}")
    expect(any(p.get("FromPort") == 22 for p in group["IpPermissions"]),
           f"the rule someone else added is gone: {group['IpPermissions']}")
    service = aws("ecs", "describe-services", "--cluster", "drift-drift", "--services", "web")
    expect(service["services"][0]["desiredCount"] == 2, f"desired count not 2: {service}")
    expect(service["services"][0]["taskDefinition"].endswith("drift-web:2"),
           f"the service does not run the task registered again: {service}")

    # The refresh is batched: one read a kind (7 here: VPCs, subnets, internet gateways, route
    # tables, security groups, clusters, services), not one a resource; IAM reads a role by its
    # name, ECS a task definition by its ARN, and moto a log group by its name as a prefix: one
    # read each (3 here), all at once.
    code, out, err = eclc("plan", PROGRAM, "--state", state, "--endpoint-url", url)
    said = [line for line in err.splitlines() if line.startswith("eclc: refreshed")]
    expect(len(said) == 1, f"plan does not say what it read: {err}")
    if said:
        words = said[0].split()
        entries, reads = int(words[2]), int(words[-2])
        expect(reads <= 10 < entries, f"the refresh is not batched: {said[0]}")

    # Everything deleted outside eclc (destroyed through a copy of the state): each block is made
    # again, `+` and counted as added, also what refresh does not read but is gone with what it
    # is in (the route of the route table), and what configured a deleted resource (a VPC's DNS
    # attribute, a route table's associations) is no change of its own.
    copy = state.with_name("copy.state.json")
    copy.write_text(state.read_text())
    code, out, err = eclc("destroy", PROGRAM, "--state", copy, "--endpoint-url", url,
                          "--auto-approve")
    expect(code == 0, f"destroy through a copy of the state: exit {code}\n{out}{err}")
    code, out, err = eclc("plan", PROGRAM, "--state", state, "--endpoint-url", url)
    for line in ("+ vpc net  (deleted outside eclc)",
                 "+ route_table net.public  (deleted outside eclc)",
                 "+ route net.public.route[0]  (deleted outside eclc with `net.public`)",
                 "+ service drift.web  (deleted outside eclc)",
                 "Plan: 12 to add, 0 to change, 0 to replace, 0 to destroy."):
        expect(line in out,
               f"after everything was deleted, plan does not say `{line}`:\n{out}{err}")
    code, out, err = eclc("apply", PROGRAM, "--state", state, "--endpoint-url", url,
                          "--auto-approve")
    expect(code == 0 and "Apply complete: 12 added, 0 changed, 0 replaced, 0 destroyed." in out,
           f"apply after everything was deleted: exit {code}\n{out}{err}")
    code, out, err = eclc("plan", PROGRAM, "--state", state, "--endpoint-url", url)
    expect(code == 0 and out.strip() == "No changes.",
           f"after everything was made again, plan still sees changes:\n{out}{err}")

if __name__ == "__main__":
    main()
