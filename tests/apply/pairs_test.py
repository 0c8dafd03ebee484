#!/usr/bin/env python3
"""Plans that are right (issue 15), proved on generated pairs of programs: for each pair (A, B),
B a random edit of A (an example with CIDRs, zones, tags, images, counts or attributes changed,
blocks removed or added), apply A on moto_server, plan B against the state, apply it, then check
that a new plan says `No changes.` and that what moto holds equals what a fresh apply of B makes
(compared by `ecl:path`: ids differ between runs). Edits that make B fail `eclc check` are drawn
again.

  pairs_test.py --eclc PATH [--pairs N] [--seed S]

CI (ctest pairs_moto) runs the fixed cases and a bounded number of random pairs of a fixed seed;
run more on demand: --pairs 200, or ECL_PAIRS=200 (ECL_PAIRS_SEED=S for other pairs) through
ctest.
moto_server runs on 127.0.0.1 on a free port and is stopped at the end."""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import apply_test  # noqa: E402
import botocore.session  # noqa: E402
from apply_test import expect, eclc, apply_args  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


# ---- edits: each takes a program's text and returns the edited text, or None when it does not
# apply to that text.

def sub_once(pattern, replace):
    def edit(text, rng):
        found = list(re.finditer(pattern, text, re.M))
        if not found:
            return None
        m = rng.choice(found)
        new = replace(m, rng) if callable(replace) else m.expand(replace)
        return text[:m.start()] + new + text[m.end():]
    return edit


def vpc_cidr(text, rng):
    """The VPC's /16 moves (10.X -> 10.Y), and every address written in it with it."""
    m = re.search(r'cidr\s*=\s*"10\.(\d+)\.0\.0/16"', text)
    if not m:
        return None
    old = m.group(1)
    new = rng.choice([n for n in (4, 5, 6, 7) if str(n) != old])
    return re.sub(rf'"10\.{old}\.', f'"10.{new}.', text)


def subnet_cidr(m, rng):
    third = rng.randrange(4, 15) * 16  # free in every example: above their subnets
    return f'{m.group(1)}"10.{m.group(2)}.{third}.0/{m.group(3)}"'


def remove_block(kind):
    """Removes one block of `kind` (with its nested braces), and the lines that name it."""
    def edit(text, rng):
        starts = [m for m in re.finditer(rf"^(\s*){kind} (\w+) \{{", text, re.M)]
        if not starts:
            return None
        m = rng.choice(starts)
        depth, i = 0, m.end() - 1
        while i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                break
            i += 1
        return text[:m.start()] + text[i + 1:]
    return edit


def add_security_group(text, rng):
    m = re.search(r"^(vpc \w+ \{\n)", text, re.M)
    if not m:
        return None
    name = f"extra{rng.randrange(100)}"
    group = (f'  security_group {name} {{\n    description = "Added by the pairs test"\n'
             f'    ingress {{ protocol = tcp  port = {rng.choice([22, 5432, 6379])}  '
             f'from = "10.0.0.0/8" }}\n  }}\n')
    return text[:m.end()] + group + text[m.end():]


EDITS = {
    "vpc cidr": vpc_cidr,
    "subnet cidr": sub_once(r'(cidr\s*=\s*)"10\.(\d+)\.\d+\.0/(24|20)"', subnet_cidr),
    "zone": sub_once(r'zones\[(0|1)\]', lambda m, rng: f'zones[{1 - int(m.group(1))}]'),
    "stack tag": sub_once(r'tags\s*=\s*\{', lambda m, rng: f'tags = {{ edit{rng.randrange(9)} = '
                                                      f'"v{rng.randrange(9)}",'),
    "image": sub_once(r':(\d+)\.(\d+)(\.\d+)?"', lambda m, rng: f':{m.group(1)}.'
                                                              f'{int(m.group(2)) + 1}"'),
    "desired": sub_once(r'desired(\s*)=\s*(\d+)', lambda m, rng: f'desired{m.group(1)}= '
                                                                 f'{int(m.group(2)) % 4 + 1}'),
    "memory": sub_once(r'memory(\s*)=\s*512MiB', r'memory\1= 1GiB'),
    "description": sub_once(r'description(\s*)=\s*"([^"$]*)"',
                            lambda m, rng: f'description{m.group(1)}= "{m.group(2)} v2"'),
    "dns hostnames": sub_once(r'dns_hostnames(\s*)=\s*true', r'dns_hostnames\1= false'),
    "remove service": remove_block("service"),
    "remove ingress": remove_block("ingress"),
    "remove endpoint": remove_block("endpoint"),
    "add security group": add_security_group,
}


def check_clean(text, tmp, params):
    path = tmp / "candidate.ecl"
    path.write_text(text)
    return subprocess.run([apply_test.ARGS.eclc, "check", path] + params,
                          capture_output=True).returncode == 0


def make_pair(rng, tmp):
    """(name, text A, text B, edits, params) with B checking clean."""
    programs = [p for p in apply_test.harness.examples() if p.suffix == ".ecl"]
    for _ in range(200):
        program = rng.choice(programs)
        params = apply_test.harness.params_of(program)
        a = program.read_text()
        b, names = a, []
        for name in rng.sample(sorted(EDITS), rng.choice([1, 1, 2, 3])):
            edited = EDITS[name](b, rng)
            if edited is not None and edited != b:
                b, names = edited, names + [name]
        if names and check_clean(b, tmp, params):
            return program.stem, a, b, names, params
    raise RuntimeError("no valid edit found")


# ---- what moto holds, by ecl:path

def path_of(item):
    for tag in item.get("Tags", item.get("tags", [])):
        if tag.get("Key", tag.get("key")) == "ecl:path":
            return tag.get("Value", tag.get("value"))
    return "?"


def tags_of(item):
    """Its tags but the state's lineage, which a fresh apply draws anew."""
    return sorted((t.get("Key", t.get("key")), t.get("Value", t.get("value")))
                  for t in item.get("Tags", item.get("tags", []))
                  if t.get("Key", t.get("key")) != "ecl:lineage")


def fingerprint(url, region):
    c = apply_test.clients(url, region)
    ec2, ecs = c["ec2"], c["ecs"]
    out = []
    vpcs = [v for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")]
    names = {v["VpcId"]: path_of(v) for v in vpcs}
    for v in vpcs:
        out.append(("vpc", path_of(v), v["CidrBlock"], tags_of(v)))
    subnets = {}
    ours = [{"Name": "vpc-id", "Values": list(names)}]
    if names:
        for s in ec2.describe_subnets(Filters=ours)["Subnets"]:
            subnets[s["SubnetId"]] = path_of(s)
            out.append(("subnet", path_of(s), names.get(s["VpcId"]), s["CidrBlock"],
                        s["AvailabilityZone"], s.get("MapPublicIpOnLaunch"), tags_of(s)))
        gateways = {g["InternetGatewayId"]: path_of(g)
                    for g in ec2.describe_internet_gateways()["InternetGateways"]}
        nats = {n["NatGatewayId"]: path_of(n) for n in apply_test.live(
            "CreateNatGateway", ec2.describe_nat_gateways()["NatGateways"])}
        for t in ec2.describe_route_tables(Filters=ours)["RouteTables"]:
            if any(a.get("Main") for a in t.get("Associations", [])):
                continue
            routes = sorted((r.get("DestinationCidrBlock", ""),
                             gateways.get(r.get("GatewayId"), nats.get(r.get("NatGatewayId"))))
                            for r in t["Routes"] if r.get("GatewayId") != "local")
            out.append(("route table", path_of(t), names.get(t["VpcId"]), routes,
                        sorted(subnets.get(a.get("SubnetId"), "?") for a in t["Associations"]),
                        tags_of(t)))
        for g in ec2.describe_security_groups(Filters=ours)["SecurityGroups"]:
            if g["GroupName"] == "default":
                continue
            rules = sorted(json.dumps([p.get("IpProtocol"), p.get("FromPort"), p.get("ToPort"),
                                       sorted(r["CidrIp"] for r in p.get("IpRanges", []))])
                           for p in g["IpPermissions"])
            out.append(("security group", path_of(g), names.get(g["VpcId"]), g["Description"],
                        rules, tags_of(g)))
        for e in apply_test.live("CreateVpcEndpoint", ec2.describe_vpc_endpoints(
                Filters=ours)["VpcEndpoints"]):
            out.append(("endpoint", path_of(e), names.get(e["VpcId"]), e["ServiceName"]))
        for n in nats.values():
            out.append(("nat", n))
        for g in ec2.describe_internet_gateways()["InternetGateways"]:
            out.append(("igw", path_of(g), sorted(names.get(a["VpcId"], "?")
                                                  for a in g.get("Attachments", []))))
    for arn in ecs.list_clusters()["clusterArns"]:
        cluster = ecs.describe_clusters(clusters=[arn])["clusters"][0]
        if cluster["status"] != "ACTIVE":
            continue
        out.append(("cluster", cluster["clusterName"]))
        arns = ecs.list_services(cluster=arn)["serviceArns"]
        for s in ecs.describe_services(cluster=arn, services=arns)["services"] if arns else []:
            if s["status"] != "ACTIVE":
                continue
            task = ecs.describe_task_definition(taskDefinition=s["taskDefinition"])
            task = task["taskDefinition"]
            network = s.get("networkConfiguration", {}).get("awsvpcConfiguration", {})
            out.append(("service", s["serviceName"], s["desiredCount"], task["family"],
                        sorted((x["name"], x["image"]) for x in task["containerDefinitions"]),
                        task.get("memory"), sorted(subnets.get(i, "?")
                                                   for i in network.get("subnets", []))))
    # Auto scaling groups by name and subnets, and the group each capacity provider points at
    # (by ARN, which a new group of the same name does not share).
    autoscaling = botocore.session.get_session().create_client(
        "autoscaling", region_name=region, endpoint_url=url, aws_access_key_id="testing",
        aws_secret_access_key="testing")
    groups = {}
    for g in autoscaling.describe_auto_scaling_groups()["AutoScalingGroups"]:
        groups[g["AutoScalingGroupARN"]] = g["AutoScalingGroupName"]
        out.append(("auto scaling group", g["AutoScalingGroupName"],
                    sorted(subnets.get(i, "?") for i in g["VPCZoneIdentifier"].split(",") if i)))
    providers = set()  # moto answers DescribeCapacityProviders without names with a 500
    for arn in ecs.list_clusters()["clusterArns"]:
        providers |= {n for n in ecs.describe_clusters(clusters=[arn])["clusters"][0].get(
            "capacityProviders", []) if not n.startswith("FARGATE")}
    for cp in ecs.describe_capacity_providers(capacityProviders=sorted(providers))[
            "capacityProviders"] if providers else []:
        arn = cp.get("autoScalingGroupProvider", {}).get("autoScalingGroupArn")
        if arn:
            out.append(("capacity provider", cp["name"], groups.get(arn, "a deleted group")))
    families = {}
    for arn in ecs.list_task_definitions(status="ACTIVE")["taskDefinitionArns"]:
        family = arn.split("/")[-1].split(":")[0]
        families[family] = families.get(family, 0) + 1
    out.append(("active task definitions", sorted(families.items())))
    return sorted(json.dumps(x, default=str) for x in out)


# The two plans issue 15 found wrong, always run first: a VPC CIDR change with a stack tag change
# (the tag-only classification hid the replacements), and a subnet CIDR change that replaces an
# EC2 capacity's auto scaling group (the capacity provider kept pointing at the deleted group).
# And a NAT gateway's subnet moved: the gateway is replaced, and its Elastic IP with it (moto never
# frees the old gateway's address).
def cidr_of(subnet):
    return sub_once(rf'(subnet {subnet} \{{[^}}]*?cidr\s*=\s*)"10\.(\d+)\.\d+\.0/(24|20)"',
                    subnet_cidr)


FIXED_EDITS = {"private_a cidr": cidr_of("private_a"), "public_a cidr": cidr_of("public_a")}
FIXED = [("webapp", ["vpc cidr", "stack tag"]), ("ec2_bridge", ["private_a cidr"]),
         ("ec2_bridge", ["public_a cidr"])]


def fixed_pair(rng, tmp, name, edits):
    program = ROOT / "examples" / f"{name}.ecl"
    params = apply_test.harness.params_of(program)
    a = program.read_text()
    b = a
    for edit in edits:
        b = {**EDITS, **FIXED_EDITS}[edit](b, rng)
        assert b is not None, (name, edit)
    assert check_clean(b, tmp, params), (name, edits)
    return name, a, b, edits, params


def run_pair(moto, proxy, tmp, i, pair):
    name, a, b, names, params = pair
    label = f"pair {i} ({name}: {', '.join(names)})"
    prog = tmp / f"{name}.ecl"
    state = tmp / f"pair{i}.state.json"
    prog.write_text(b)
    moto.reset()
    code, out, err = eclc(apply_args(prog, state, proxy.url))
    if code != 0:
        expect(False, f"{label}: a fresh apply of B failed: {err.strip()[-300:]}")
        return
    region = json.loads(subprocess.run([apply_test.ARGS.eclc, "plan", prog, "--json"] + params,
                                       capture_output=True, text=True).stdout)["region"]
    want = fingerprint(moto.url, region)
    moto.reset()
    state.unlink()
    prog.write_text(a)
    code, out, err = eclc(apply_args(prog, state, proxy.url))
    if code != 0:
        expect(False, f"{label}: applying A failed: {err.strip()[-300:]}")
        return
    prog.write_text(b)
    code, plan, err = eclc(["plan", prog, "--state", state] + params)
    code, out, err = eclc(apply_args(prog, state, proxy.url))
    expect(code == 0, f"{label}: applying B over A failed: {err.strip()[-300:]}\n{plan}")
    if code == 0:
        apply_test.agree(label, plan, out)  # the resources plan counts are those apply changes
    code, again, err = eclc(["plan", prog, "--state", state] + params)
    expect(again == "No changes.\n", f"{label}: after applying B the plan is:\n{again}{err}")
    got = fingerprint(moto.url, region)
    if got != want:
        missing = [x for x in want if x not in got]
        extra = [x for x in got if x not in want]
        expect(False, f"{label}: moto differs from a fresh apply of B\n  plan was:\n{plan}"
                      f"  missing: {missing}\n  extra: {extra}")
    else:
        print(f"  {label}: converged")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    parser.add_argument("--pairs", type=int, default=int(os.environ.get("ECL_PAIRS", "4")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("ECL_PAIRS_SEED", "15")))
    apply_test.ARGS = parser.parse_args()
    rng = random.Random(apply_test.ARGS.seed)
    moto = apply_test.harness.Moto(apply_test.harness.find_tool("moto_server"),
                                   managed_policies=True)
    proxy = apply_test.Proxy(moto.url)  # for moto's task memory quirk (see moto_test)
    try:
        moto.wait()
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            pairs = [fixed_pair(rng, tmp, name, edits) for name, edits in FIXED]
            pairs += [make_pair(rng, tmp) for _ in range(apply_test.ARGS.pairs)]
            for i, pair in enumerate(pairs):
                run_pair(moto, proxy, tmp, i, pair)
    finally:
        proxy.stop()
        moto.stop()
    print(f"pairs tests: {len(apply_test.PROBLEMS)} problems")
    return 1 if apply_test.PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
