#!/usr/bin/env python3
"""State you can trust (issue 16): what keeps one state file from being used against the wrong
resources, two runs from sharing one state, and files and secrets from leaking. Against
moto_server on 127.0.0.1 (started and stopped here) where AWS is needed. Parts:

- stack: another stack's state is refused (nothing deleted), unless --force;
- lock: a run holding the state's lock makes a second fail naming the holder; `--lock-timeout`
  waits; two applies at once leave one set of resources and one complete state; `force-unlock`;
- backup: apply keeps the previous state as STATE.backup; a state older than its backup
  (restored from an old copy) is refused;
- malformed: broken state documents are a clear error naming the member, never a crash;
- files: the state is 0600, templates and plans follow the umask, `eclc fmt` keeps a source's
  mode, a symlinked state is written through its link, a FIFO is refused, stale temporary files
  are removed;
- secrets: `--endpoint-url file://...` is refused; a session token echoed back percent-encoded,
  in the error code of a retried answer, is redacted everywhere;
- lost: every example applied and destroyed through a proxy that loses answers after AWS did the
  work, resets connections and throttles: 0 duplicates, 0 leftovers; the calls that take a client
  token carry one;
- killdestroy: every example's apply killed at several points (ECL_TRUST_KILL_POINTS: how many,
  0 for every call), then destroy straight away; a destroy killed half way, then run again:
  0 leftovers;
- stranger: two states of one program in one region: a crashed apply of the second neither adopts
  nor deletes the first's resources (found by the same `ecl:path` tag), whether resumed or
  destroyed; every resource carries its state's `ecl:lineage`; another state's cluster and log
  group (CreateCluster answers the one that exists, CreateLogGroup refuses it) are refused by a
  fresh or resumed create and left by a destroy;
- unsuccessful: DeleteVpcEndpoints answering 200 with an unsuccessful item: not found is gone,
  another code fails the destroy with its code and message;
- refused: a create AWS refuses (a subnet in a VPC that does not exist) leaves no `pending` entry:
  the next plan creates it afresh rather than resume an interrupted call."""

import argparse
import collections
import http.server
import json
import os
import re
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import apply_test  # noqa: E402
from apply_test import expect, eclc, apply_args, census  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SMALL = """stack {name} {{ region = "us-east-1" }}
vpc main {{
  cidr = "10.0.0.0/16"
  subnet a {{ cidr = "10.0.1.0/24"  zone = "us-east-1a" }}
}}
"""


def small(tmp, name):
    program = tmp / f"{name}.ecl"
    program.write_text(SMALL.format(name=name))
    return program


def plan_of(program):
    out = subprocess.run([apply_test.ARGS.eclc, "plan", program, "--json"], capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out)


def check_stack(moto, tmp):
    web, other = small(tmp, "webapp"), small(tmp, "other")
    other.write_text(SMALL.format(name="other").replace("vpc main", "vpc net"))
    state = tmp / "webapp.state.json"
    code, out, err = eclc(apply_args(web, state, moto.url))
    expect(code == 0, f"stack: apply webapp failed: {out}{err}")
    before = json.loads(state.read_text())
    code, out, err = eclc(apply_args(other, state, moto.url))
    expect(code == 2 and "is of stack `webapp`" in err and "--force" in err,
           f"stack: another stack's state was not refused: {code} {out}{err}")
    expect(json.loads(state.read_text())["resources"] == before["resources"],
           "stack: the refused run changed the state")
    code, out, err = eclc(["plan", other, "--state", state])
    expect(code == 2 and "is of stack" in err, f"stack: plan --state accepted it: {out}{err}")
    code, out, err = eclc(["plan", other, "--state", state, "--force"])
    expect(code == 0 and "to destroy." in out, f"stack: plan --force: {out}{err}")
    code, out, err = eclc(apply_args(web, state, moto.url, "destroy"))
    expect(code == 0, f"stack: destroy failed: {err}")
    print("  another stack's state refused, --force lets plan read it")


def check_lock(moto, tmp):
    import fcntl
    program = small(tmp, "locked")
    state = tmp / "locked.state.json"
    lock = open(str(state) + ".lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    lock.write(json.dumps({"command": "apply", "user": "alice", "host": "build-7", "pid": 4242,
                           "since": "2026-12-04T10:00:00Z"}))
    lock.flush()
    code, out, err = eclc(apply_args(program, state, moto.url))
    expect(code == 2 and "alice@build-7 (pid 4242)" in err and "force-unlock" in err,
           f"lock: a locked state was used: {code} {out}{err}")
    expect(not state.exists(), "lock: the locked run wrote a state")
    # --lock-timeout waits for the holder to let go.
    threading.Timer(1.5, lambda: (fcntl.flock(lock, fcntl.LOCK_UN), lock.close())).start()
    started = time.time()
    code, out, err = eclc(apply_args(program, state, moto.url) + ["--lock-timeout", "30"])
    expect(code == 0 and time.time() - started >= 1.4,
           f"lock: --lock-timeout did not wait and apply: {code} {err}")
    code, out, err = eclc(apply_args(program, state, moto.url, "destroy"))
    expect(code == 0, f"lock: destroy failed: {err}")
    # Two applies at once: the second waits for the first, then finds nothing to do.
    state.unlink(missing_ok=True)
    args = apply_args(program, state, moto.url) + ["--lock-timeout", "120"]
    results = [None, None]

    def run(i):
        results[i] = eclc(args)
    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expect(all(r[0] == 0 for r in results), f"lock: concurrent applies failed: {results}")
    expect(sum("No changes." in r[1] for r in results) == 1,
           f"lock: not exactly one of the concurrent runs found nothing to do: {results}")
    document = json.loads(state.read_text())
    expect(len(document["resources"]) == len(plan_of(program)["steps"]),
           f"lock: the state has {len(document['resources'])} entries")
    apply_test.census(plan_of(program), moto.url, 1)
    code, out, err = eclc(apply_args(program, state, moto.url, "destroy"))
    expect(code == 0, f"lock: destroy failed: {err}")
    apply_test.census(plan_of(program), moto.url, 0)
    # force-unlock removes a lock a stuck run holds.
    holder = open(str(state) + ".lock", "w")
    fcntl.flock(holder, fcntl.LOCK_EX)
    holder.write(json.dumps({"command": "destroy", "user": "bob", "host": "ci", "pid": 7,
                             "since": "x"}))
    holder.flush()
    code, out, err = eclc(["force-unlock", program, "--state", state])
    expect(code == 0 and "bob@ci" in out, f"lock: force-unlock: {code} {out}{err}")
    code, out, err = eclc(["force-unlock", program, "--state", state])
    expect(code == 2 and "has no lock" in err, f"lock: second force-unlock: {out}{err}")
    holder.close()
    print("  a held lock is named, --lock-timeout waits, two applies make one set, force-unlock")


def check_backup(moto, tmp):
    program = small(tmp, "backed")
    state = tmp / "backed.state.json"
    code, out, err = eclc(apply_args(program, state, moto.url))
    expect(code == 0, f"backup: apply failed: {err}")
    first = state.read_text()
    program.write_text(SMALL.format(name="backed").replace(
        "}\n}", "}\n  subnet b { cidr = \"10.0.2.0/24\"  zone = \"us-east-1b\" }\n}"))
    code, out, err = eclc(apply_args(program, state, moto.url))
    expect(code == 0, f"backup: second apply failed: {err}")
    backup = Path(str(state) + ".backup")
    expect(backup.exists() and backup.read_text() == first,
           "backup: STATE.backup is not the state from before the run")
    expect(stat.S_IMODE(backup.stat().st_mode) == 0o600, "backup: the backup is not 0600")
    doc = json.loads(state.read_text())
    expect(len(doc["lineage"]) == 36 and doc["serial"] > json.loads(first)["serial"],
           f"backup: lineage/serial: {doc['lineage']} {doc['serial']}")
    # Putting the old copy back: the newer backup betrays it.
    newer = state.read_text()
    state.write_text(first)
    backup.write_text(newer)
    code, out, err = eclc(apply_args(program, state, moto.url))
    expect(code == 2 and "older than its backup" in err, f"backup: old state used: {out}{err}")
    state.write_text(newer)
    code, out, err = eclc(apply_args(program, state, moto.url, "destroy"))
    expect(code == 0, f"backup: destroy failed: {err}")
    print("  the previous state is kept, an older copy is refused")


def check_malformed(moto, tmp):
    program = small(tmp, "broken")
    cases = {
        '{"format_version":"1","resources":[]}': "`format_version`: a whole number was expected",
        '{"format_version":null,"resources":[]}': "`format_version`: a whole number",
        '{"format_version":1,"resources":[{"id":"a","service":"ec2","operation":"CreateVpc",'
        '"params":"x"}]}': "`resources[0].params`: an object was expected, not a string",
        '{"format_version":1,"resources":{}}': "`resources`: an array was expected",
        '{"format_version":1,"resources":[{"id":"a","service":"ec2"}]}':
            "`resources[0].operation`: is missing",
        '{"format_version":1,"resources":[7]}': "`resources[0]`: an object was expected",
        '{"format_version":1,"resources":[{"id":"a","service":"ec2","operation":"X",'
        '"depends_on":[1]}]}': "`resources[0].depends_on[0]`",
        '[]': "not a JSON object",
        '{"format_version":1}': "`resources`: is missing",
    }
    for i, (text, message) in enumerate(cases.items()):
        state = tmp / f"bad{i}.json"
        state.write_text(text)
        for args in (["plan", program, "--state", state], apply_args(program, state, moto.url),
                     apply_args(program, state, moto.url, "destroy")):
            code, out, err = eclc(args)
            expect(code == 2 and message in err and "is not an eclc state file" in err,
                   f"malformed: {text} with {args[0]}: exit {code}: {err.strip()}")
    print(f"  {len(cases)} broken states, each named, exit 2")


def check_files(moto, tmp):
    program = small(tmp, "files")
    state = tmp / "real.state.json"
    link = tmp / "link.state.json"
    link.symlink_to(state.name)
    code, out, err = eclc(apply_args(program, link, moto.url))
    expect(code == 0, f"files: apply through a link failed: {err}")
    expect(link.is_symlink() and state.exists(), "files: the state link was replaced by a file")
    expect(stat.S_IMODE(state.stat().st_mode) == 0o600,
           f"files: the state is {oct(stat.S_IMODE(state.stat().st_mode))}, not 0600")
    code, out, err = eclc(apply_args(program, link, moto.url, "destroy"))
    expect(code == 0 and link.is_symlink(), f"files: destroy through the link: {err}")

    env = dict(os.environ)
    for umask, want in ((0o027, 0o640), (0o022, 0o644)):
        out_file = tmp / f"template{umask}.json"
        stale = tmp / f".{out_file.name}.tmp.999999999.AbCdEf"
        stale.write_text("left by a killed run")
        subprocess.run(["sh", "-c", f'umask {umask:o}; exec "$0" "$@"', apply_test.ARGS.eclc,
                        "compile", program, "--target", "cloudformation", "-o", out_file],
                       check=True, env=env)
        mode = stat.S_IMODE(out_file.stat().st_mode)
        expect(mode == want, f"files: umask {umask:o} gave a template of {oct(mode)}")
        expect(not stale.exists(), "files: a stale temporary file was left")
        plan_file = tmp / f"plan{umask}.json"
        subprocess.run(["sh", "-c", f'umask {umask:o}; exec "$0" "$@"', apply_test.ARGS.eclc,
                        "plan", program, "-o", plan_file], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        mode = stat.S_IMODE(plan_file.stat().st_mode)
        expect(mode == want, f"files: umask {umask:o} gave a plan of {oct(mode)}")
    source = tmp / "private.ecl"
    source.write_text(SMALL.format(name="private").replace("  subnet", "subnet"))
    source.chmod(0o600)
    subprocess.run([apply_test.ARGS.eclc, "fmt", source], check=True)
    expect(stat.S_IMODE(source.stat().st_mode) == 0o600, "files: fmt changed a 0600 source")

    fifo = tmp / "fifo.state.json"
    os.mkfifo(fifo)
    for args in (["plan", program, "--state", fifo], apply_args(program, fifo, moto.url)):
        try:
            code, out, err = eclc(args)
        except subprocess.TimeoutExpired:
            code, err = None, "hung"
        expect(code == 2 and "not a regular file" in err, f"files: a FIFO state: {code} {err}")
    out_fifo = tmp / "out.fifo"
    os.mkfifo(out_fifo)
    proc = subprocess.run([apply_test.ARGS.eclc, "compile", program, "--target",
                           "cloudformation", "-o", out_fifo], capture_output=True, text=True,
                          timeout=30)
    expect(proc.returncode == 2 and "not a regular file" in proc.stderr,
           f"files: -o FIFO: {proc.returncode} {proc.stderr}")
    print("  state 0600 through its link, umask for templates and plans, fmt keeps modes, "
          "FIFOs refused, stale temporaries removed")


class Echo(http.server.BaseHTTPRequestHandler):
    """Answers every call with a retryable error whose code and message quote the session
    token as the request carried it, percent-encoded."""

    def log_message(self, *args):
        pass

    actions = []  # the Action of each request, in order

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Echo.actions.append((re.search(rb"Action=(\w+)", body) or [b"", b"?"])[1].decode())
        token = urllib.parse.quote(self.headers.get("X-Amz-Security-Token", ""), safe="")
        lower = re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), token)
        body = (f"<Response><Errors><Error><Code>Throttling{token}</Code>"
                f"<Message>bad token {token} {lower}</Message></Error></Errors>"
                "</Response>").encode()
        self.send_response(503)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def check_silent(moto, tmp):
    """An endpoint that takes connections and never answers: apply, and a plan that refreshes a
    state, fail in bounded time with a clear error (the old binary waited 120 s an attempt, eight
    attempts a call, and hung for more than 20 minutes)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held = []

    def accept():
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return
    threading.Thread(target=accept, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    program = small(tmp, "silent")
    state = tmp / "silent.state.json"
    try:
        start = time.time()
        code, out, err = eclc(apply_args(program, state, url) + ["--call-timeout", "1"])
        took = time.time() - start
        expect(code == 1 and re.search(r"no answer from http://127\.0\.0\.1:\d+/? in 1 s "
                                       r"\(3 attempts\)", err) and took < 60,
               f"silent: apply: exit {code} after {took:.0f} s: {err.strip()[-300:]}")
        # A state that holds something to refresh: the plan's reads give up the same way.
        code, out, err = eclc(apply_args(program, state, moto.url))
        expect(code == 0, f"silent: the apply on moto failed: {err.strip()[-300:]}")
        start = time.time()
        code, out, err = eclc(["plan", program, "--state", state, "--endpoint-url", url,
                               "--call-timeout", "1"])
        took = time.time() - start
        expect(code == 2 and "no answer from" in err and took < 60,
               f"silent: plan --state: exit {code} after {took:.0f} s: {err.strip()[-300:]}")
    finally:
        listener.close()
        for c in held:
            c.close()
    print("  no answer: apply and plan --state fail in seconds with --call-timeout 1")


def check_secrets(moto, tmp):
    program = small(tmp, "secret")
    state = tmp / "secret.state.json"
    code, out, err = eclc(apply_args(program, state, "file:///etc/passwd"))
    expect(code == 2 and "only http:// and https://" in err and "root:" not in out + err,
           f"secrets: a file:// endpoint: {code} {out}{err}")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    token = "FwoGZXIvYXdzEJr//////////wEaDK+secret/token=="
    # Three attempts a call (AWS_MAX_ATTEMPTS, as the AWS CLI reads it), not the default twelve.
    keys = dict(apply_test.KEYS, AWS_SESSION_TOKEN=token, AWS_MAX_ATTEMPTS="3")
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        code, out, err = eclc(apply_args(program, state, url), env_keys=keys)
        bad_code, _, bad_err = eclc(apply_args(program, tmp / "attempts.state.json", url),
                                    env_keys=dict(apply_test.KEYS, AWS_MAX_ATTEMPTS="0"))
    finally:
        server.shutdown()
    expect(code == 1 and "retrying" in out, f"secrets: expected retries and a failure: {out}{err}")
    # The lookup after CreateVpc's unanswered attempt is itself tried three times, then given up.
    calls = collections.Counter(Echo.actions)
    expect(max(calls.values(), default=0) == 3,
           f"secrets: AWS_MAX_ATTEMPTS=3 should make at most 3 attempts a call: {calls}")
    expect(bad_code == 2 and "AWS_MAX_ATTEMPTS" in bad_err,
           f"secrets: AWS_MAX_ATTEMPTS=0 should be refused: {bad_code} {bad_err}")
    texts = [out, err, state.read_text() if state.exists() else ""]
    encoded = urllib.parse.quote(token, safe="")
    lower = re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), encoded)
    for form in (token, encoded, lower, "FwoGZXIvYXdzEJr"):
        expect(all(form not in t for t in texts), f"secrets: `{form[:12]}...` leaked: {texts}")
    print("  file:// refused; an echoed session token is redacted in every form")


def inventory(url, region, plan):
    """What moto holds that a program made, by kind (moto is reset before each program)."""
    c = apply_test.clients(url, region)
    ec2, ecs, iam = c["ec2"], c["ecs"], c["iam"]
    import botocore.session
    session = botocore.session.get_session()
    session.set_credentials("testing", "testing")
    logs, autoscaling, elbv2, scaling = (
        session.create_client(s, region_name=region, endpoint_url=url)
        for s in ("logs", "autoscaling", "elbv2", "application-autoscaling"))
    vpcs = [v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")]
    in_ours = [{"Name": "vpc-id", "Values": vpcs}] if vpcs else None
    out = {"vpc": len(vpcs)}
    if in_ours:
        out["subnet"] = len(ec2.describe_subnets(Filters=in_ours)["Subnets"])
        out["route table"] = sum(not any(a.get("Main") for a in t.get("Associations", []))
                                 for t in ec2.describe_route_tables(Filters=in_ours)["RouteTables"])
        out["security group"] = sum(g["GroupName"] != "default" for g in
                                    ec2.describe_security_groups(Filters=in_ours)["SecurityGroups"])
        out["endpoint"] = len(apply_test.live("CreateVpcEndpoint", ec2.describe_vpc_endpoints(
            Filters=in_ours)["VpcEndpoints"]))
    out["internet gateway"] = len(ec2.describe_internet_gateways()["InternetGateways"])
    out["NAT gateway"] = len(apply_test.live("CreateNatGateway",
                                             ec2.describe_nat_gateways()["NatGateways"]))
    out["elastic IP"] = len(ec2.describe_addresses()["Addresses"])
    out["launch template"] = len(ec2.describe_launch_templates()["LaunchTemplates"])
    out["role"] = len(iam.list_roles()["Roles"])
    out["instance profile"] = len(iam.list_instance_profiles()["InstanceProfiles"])
    out["log group"] = len(logs.describe_log_groups()["logGroups"])
    out["auto scaling group"] = len(autoscaling.describe_auto_scaling_groups()["AutoScalingGroups"])
    balancers = [b["LoadBalancerArn"] for b in elbv2.describe_load_balancers()["LoadBalancers"]]
    listeners = [x["ListenerArn"] for b in balancers
                 for x in elbv2.describe_listeners(LoadBalancerArn=b)["Listeners"]]
    out["load balancer"] = len(balancers)
    out["target group"] = len(elbv2.describe_target_groups()["TargetGroups"])
    out["listener"] = len(listeners)
    out["listener rule"] = sum(not r["IsDefault"] for x in listeners
                               for r in elbv2.describe_rules(ListenerArn=x)["Rules"])
    out["scalable target"] = len(scaling.describe_scalable_targets(
        ServiceNamespace="ecs")["ScalableTargets"])
    out["scaling policy"] = len(scaling.describe_scaling_policies(
        ServiceNamespace="ecs")["ScalingPolicies"])
    clusters = ecs.list_clusters()["clusterArns"]
    active = [x for x in ecs.describe_clusters(clusters=clusters)["clusters"]
              if x["status"] == "ACTIVE"] if clusters else []
    out["cluster"] = len(active)
    out["service"] = sum(
        sum(s["status"] == "ACTIVE" for s in ecs.describe_services(
            cluster=x["clusterArn"], services=ecs.list_services(cluster=x["clusterArn"])[
                "serviceArns"])["services"]) if ecs.list_services(
            cluster=x["clusterArn"])["serviceArns"] else 0 for x in active)
    out["task definition"] = len(ecs.list_task_definitions(status="ACTIVE")["taskDefinitionArns"])
    # moto answers 500 to DescribeCapacityProviders without names: ask for the plan's.
    names = [st["params"]["name"] for st in plan["steps"]
             if st["operation"] == "CreateCapacityProvider"]
    if names:
        found = ecs.describe_capacity_providers(capacityProviders=names)["capacityProviders"]
        out["capacity provider"] = sum(p.get("status", "ACTIVE") == "ACTIVE" for p in found)
    return {k: v for k, v in out.items() if v}


# The calls of a plan that make no resource of their own: they attach, configure or read one.
PARTS = {"AssociateRouteTable", "AttachInternetGateway", "AttachRolePolicy", "PutRolePolicy",
         "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
         "RevokeSecurityGroupEgress", "CreateRoute", "ModifySubnetAttribute", "ModifyVpcAttribute",
         "PutClusterCapacityProviders", "PutRetentionPolicy", "AddRoleToInstanceProfile",
         "DescribeAutoScalingGroups", "ModifyLoadBalancerAttributes",
         "ModifyTargetGroupAttributes"}


def expected_inventory(plan):
    """What inventory() finds after the plan is applied once. A call that is neither a part nor
    counted is a problem: a kind the inventory misses could be duplicated or left unseen."""
    kinds = {"CreateVpc": "vpc", "CreateSubnet": "subnet", "CreateRouteTable": "route table",
             "CreateSecurityGroup": "security group", "CreateVpcEndpoint": "endpoint",
             "CreateInternetGateway": "internet gateway", "CreateNatGateway": "NAT gateway",
             "AllocateAddress": "elastic IP", "CreateLaunchTemplate": "launch template",
             "CreateRole": "role", "CreateInstanceProfile": "instance profile",
             "CreateLogGroup": "log group", "CreateAutoScalingGroup": "auto scaling group",
             "CreateCluster": "cluster", "CreateService": "service",
             "RegisterTaskDefinition": "task definition",
             "CreateCapacityProvider": "capacity provider", "CreateLoadBalancer": "load balancer",
             "CreateTargetGroup": "target group", "CreateListener": "listener",
             "CreateRule": "listener rule", "RegisterScalableTarget": "scalable target",
             "PutScalingPolicy": "scaling policy"}
    out = {}
    for step in plan["steps"]:
        expect(step["operation"] in kinds or step["operation"] in PARTS,
               f"inventory: {step['operation']} ({step['id']}) is not counted: add its kind to "
               "inventory() and expected_inventory(), or the call to PARTS")
        if step["operation"] in kinds:
            out[kinds[step["operation"]]] = out.get(kinds[step["operation"]], 0) + 1
    return out


def check_tokens():
    """TOKENS names every idempotency token of a call the examples make (botocore's models)."""
    import botocore.session
    session = botocore.session.get_session()
    for program in apply_test.harness.examples():
        for step in plan_of_args(program)["steps"]:
            shape = session.get_service_model(step["service"]).operation_model(
                step["operation"]).input_shape
            members = [m for m in (shape.members if shape else {})
                       if m.lower() in ("clienttoken", "idempotencytoken")]
            expect(members == ([TOKENS[step["operation"]]] if step["operation"] in TOKENS else []),
                   f"lost: {step['operation']} takes {members}, TOKENS says "
                   f"{TOKENS.get(step['operation'])}")


def faulty(proxy, calls):
    """Resets the proxy to lose every 5th answer (after moto did the work), reset every 7th
    connection (before it reaches moto) and throttle every 11th call, for about 4 * calls."""
    proxy.reset()
    proxy.lose = set(range(3, 4 * calls, 5))
    proxy.resets = set(range(5, 4 * calls, 7)) - proxy.lose
    proxy.faults = set(range(4, 4 * calls, 11)) - proxy.lose - proxy.resets


def injected(proxy):
    """The faults the proxy injected since its reset, for people."""
    def hit(numbers):
        return sum(1 for n in numbers if n <= proxy.count)
    return (f"{hit(proxy.lose)} answers lost, {hit(proxy.resets)} connections reset, "
            f"{proxy.faulted} throttled of {proxy.count} calls")


def shard(programs):
    """This test's share of the programs (--shard I/N: every Nth from the Ith)."""
    index, count = (int(n) for n in apply_test.ARGS.shard.split("/"))
    return programs[index::count]


def retries_of(err, out):
    """The retries of the step an error names, for people: how its attempts failed."""
    step = re.search(r"step `([^`]+)`", err)
    lines = [x for x in out.splitlines() if step and "retrying" in x and step[1] in x]
    return "\n    " + "\n    ".join(lines) if lines else ""


def check_lost(moto, tmp):
    check_tokens()
    proxy = apply_test.Proxy(moto.url)
    try:
        for program in shard(apply_test.harness.examples()):
            plan = plan_of_args(program)
            moto.reset()
            calls = len(plan["steps"])
            faulty(proxy, calls)
            state = tmp / f"lost-{program.stem}.json"
            code, out, err = eclc(apply_args(program, state, proxy.url))
            expect(code == 0, f"lost: {program.name}: apply failed: {err.strip()[-400:]}"
                   f"{retries_of(err, out)}")
            applied = injected(proxy)
            for operation, body, _ in proxy.log:
                if operation in TOKENS:
                    expect(re.search(TOKENS[operation] + r'"?\s*[=:]\s*"?[0-9a-f-]{36}\b', body),
                           f"lost: {program.name}: {operation} without a token: {body[:300]}")
            got, want = inventory(moto.url, plan["region"], plan), expected_inventory(plan)
            expect(got == want, f"lost: {program.name}: after apply {got}, expected {want}")
            code, out, err = eclc(["plan", program, "--state", state] +
                                  apply_test.harness.params_of(program))
            expect(out == "No changes.\n", f"lost: {program.name}: the plan after it: {out}{err}")
            # The destroy through the same faults, counted from its first call.
            faulty(proxy, calls)
            code, out, err = eclc(apply_args(program, state, proxy.url, "destroy"))
            expect(code == 0, f"lost: {program.name}: destroy failed: {err.strip()[-400:]}"
                   f"{retries_of(err, out)}")
            destroyed = injected(proxy)
            proxy.reset()
            left = inventory(moto.url, plan["region"], plan)
            expect(not left, f"lost: {program.name}: destroy left {left}")
            print(f"  {program.name}: applied ({applied}) and destroyed ({destroyed}): "
                  "0 duplicates, 0 leftovers")
    finally:
        proxy.stop()


# The calls that take an idempotency token, and its member.
TOKENS = {"CreateRouteTable": "ClientToken", "CreateNatGateway": "ClientToken",
          "CreateVpcEndpoint": "ClientToken", "CreateLaunchTemplate": "ClientToken",
          "CreateService": "clientToken"}


def plan_of_args(program):
    out = subprocess.run([apply_test.ARGS.eclc, "plan", program, "--json"] +
                         apply_test.harness.params_of(program), capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)


def kill_points(calls, count):
    """`count` points, from the first call to the last but one, evenly apart, to kill a run of
    `calls` calls at; every call when `count` is 0."""
    if count <= 0 or count >= calls:
        return list(range(1, calls + 1))
    return sorted({1 + round(i * (calls - 2) / max(count - 1, 1)) for i in range(count)})


def check_killdestroy(moto, tmp):
    """Every example: apply killed at several points, then destroy straight away; and a destroy
    killed half way, then destroyed again (a destroy resumes). 0 leftovers each time.
    ECL_TRUST_KILL_POINTS sets how many points a program's apply is killed at (0: at every call;
    4 in the suite, to keep it near a minute)."""
    proxy = apply_test.Proxy(moto.url)
    count = int(os.environ.get("ECL_TRUST_KILL_POINTS", "4"))
    try:
        for program in shard(apply_test.harness.examples()):
            plan = plan_of_args(program)
            points = kill_points(len(plan["steps"]), count)
            for k in points:
                moto.reset()
                proxy.reset()
                state = tmp / f"kill-{program.stem}-{k}.json"
                code, _, _ = eclc(apply_args(program, state, proxy.url), proxy=proxy,
                                  kill_after=k)
                expect(code == -9, f"killdestroy: {program.name} k={k}: apply was not killed "
                                   f"({code})")
                proxy.settle()  # a call in flight at the kill lands before destroy looks for it
                proxy.reset()
                code, out, err = eclc(apply_args(program, state, proxy.url, "destroy"))
                left = inventory(moto.url, plan["region"], plan)
                expect(code == 0 and not left,
                       f"killdestroy: {program.name} k={k}: destroy exit {code}, left {left}: "
                       f"{err.strip()[-300:]}")
            # A destroy killed half way through its calls, then run again.
            moto.reset()
            proxy.reset()
            state = tmp / f"kill-{program.stem}-destroy.json"
            code, out, err = eclc(apply_args(program, state, proxy.url))
            expect(code == 0, f"killdestroy: {program.name}: apply failed: {err.strip()[-300:]}")
            proxy.reset()
            k = len(plan["steps"]) // 2
            code, _, _ = eclc(apply_args(program, state, proxy.url, "destroy"), proxy=proxy,
                              kill_after=k)
            expect(code == -9, f"killdestroy: {program.name}: destroy was not killed ({code})")
            proxy.settle()
            proxy.reset()
            code, out, err = eclc(apply_args(program, state, proxy.url, "destroy"))
            left = inventory(moto.url, plan["region"], plan)
            expect(code == 0 and not left,
                   f"killdestroy: {program.name}: the destroy after a killed destroy: exit "
                   f"{code}, left {left}: {err.strip()[-300:]}")
            print(f"  {program.name}: apply killed at calls {points}, destroy killed at call {k}; "
                  "destroyed straight away: nothing left")
    finally:
        proxy.stop()


def check_stranger(moto, tmp):
    """Two states of one program: the second's crashed apply, resumed or destroyed, never takes
    the first's VPC and subnet although they carry the same `ecl:path` tags."""
    proxy = apply_test.Proxy(moto.url)
    program = small(tmp, "twin")
    first, second = tmp / "twin-first.json", tmp / "twin-second.json"
    ec2 = apply_test.clients(moto.url, "us-east-1")["ec2"]

    def vpcs():
        found = ec2.describe_vpcs(Filters=[{"Name": "tag:ecl:path", "Values": ["main"]}])["Vpcs"]
        return {v["VpcId"]: {t["Key"]: t["Value"] for t in v.get("Tags", [])} for v in found}
    try:
        moto.reset()
        code, out, err = eclc(apply_args(program, first, moto.url))
        expect(code == 0, f"stranger: first apply failed: {err}")
        lineage = json.loads(first.read_text())["lineage"]
        theirs = vpcs()
        expect(len(theirs) == 1 and all(t.get("ecl:lineage") == lineage for t in theirs.values()),
               f"stranger: the first state's VPC is not tagged with its lineage: {theirs}")
        for then in ("destroy", "apply"):
            second.unlink(missing_ok=True)
            proxy.reset()
            # Killed once CreateVpc is made: the second state's VPC is pending.
            code, _, _ = eclc(apply_args(program, second, proxy.url), proxy=proxy, kill_after=1)
            proxy.settle()
            pending = [e for e in json.loads(second.read_text())["resources"]
                       if e["status"] == "pending"]
            expect(code == -9 and [e["id"] for e in pending] == ["main"],
                   f"stranger: not killed with the VPC pending: {code} {pending}")
            proxy.reset()
            code, out, err = eclc(apply_args(program, second, proxy.url, then))
            expect(code == 0, f"stranger: {then} of the second state failed: {out}{err}")
            now = vpcs()
            expect(set(theirs) <= set(now) and len(now) == (1 if then == "destroy" else 2),
                   f"stranger: after the second state's {then}: {now}, the first's: {theirs}")
            if then == "apply":
                code, out, err = eclc(apply_args(program, second, proxy.url, "destroy"))
                expect(code == 0 and set(vpcs()) == set(theirs),
                       f"stranger: the second state's destroy: {vpcs()} {err}")
        code, out, err = eclc(apply_args(program, first, moto.url, "destroy"))
        expect(code == 0 and not vpcs(), f"stranger: the first's destroy: {vpcs()} {err}")
    finally:
        proxy.stop()
    # CreateCluster answers with the cluster of that name when there is one: the second state
    # refuses the first's instead of taking it over (and then deleting it).
    program = tmp / "cluster.ecl"
    program.write_text('stack twin { region = "us-east-1" }\ncluster prod {}\n')
    ecs = apply_test.clients(moto.url, "us-east-1")["ecs"]

    def cluster():
        found = ecs.describe_clusters(clusters=["twin-prod"], include=["TAGS"])["clusters"]
        return [{t["key"]: t["value"] for t in c.get("tags", [])} for c in found
                if c["status"] == "ACTIVE"]
    code, out, err = eclc(apply_args(program, first, moto.url))
    lineage = json.loads(first.read_text())["lineage"]
    expect(code == 0 and [c.get("ecl:lineage") for c in cluster()] == [lineage],
           f"stranger: the first's cluster: {code} {cluster()} {err}")
    code, out, err = eclc(apply_args(program, second, moto.url))
    expect(code == 1 and "is not this state's" in err and "eclc does not take it over" in err,
           f"stranger: the second state took the first's cluster: {code} {out}{err}")
    code, out, err = eclc(apply_args(program, second, moto.url, "destroy"))
    expect(code == 0 and [c.get("ecl:lineage") for c in cluster()] == [lineage],
           f"stranger: the second state's destroy: {code} {cluster()} {err}")
    code, out, err = eclc(apply_args(program, first, moto.url, "destroy"))
    expect(code == 0 and not cluster(), f"stranger: the first's destroy: {cluster()} {err}")
    check_stranger_log_group(moto, tmp)
    print("  a second state's crashed apply, destroyed or resumed, leaves the first's resources; "
          "another state's cluster and log group are refused, not taken over")


def check_stranger_log_group(moto, tmp):
    """CreateLogGroup refuses a name that exists: the log group is taken only when it carries the
    state's lineage, by a fresh create as by a resumed one, and a destroy leaves a stranger's."""
    import botocore.session
    session = botocore.session.get_session()
    session.set_credentials("testing", "testing")
    logs = session.create_client("logs", region_name="us-east-1", endpoint_url=moto.url)
    program = tmp / "logs.ecl"
    program.write_text('stack twin { region = "us-east-1" }\n'
                       'task worker {\n  cpu = 256\n  memory = 512MiB\n'
                       '  container api { image = "nginx:1.27" }\n}\n')
    name = "/ecs/twin-worker"
    theirs = {"ecl:path": "worker", "ecl:lineage": "00000000-0000-4000-8000-0000000000aa"}

    def group():
        found = [g for g in logs.describe_log_groups(logGroupNamePrefix=name)["logGroups"]
                 if g["logGroupName"] == name]
        return logs.list_tags_log_group(logGroupName=name)["tags"] if found else None

    def drop():
        if group() is not None:
            logs.delete_log_group(logGroupName=name)

    def stranger():
        drop()
        logs.create_log_group(logGroupName=name, tags=theirs)

    refused = f"log group `{name}` exists and is not this state's"
    state = tmp / "logs.state.json"
    # A fresh create meets a stranger's log group.
    stranger()
    code, out, err = eclc(apply_args(program, state, moto.url))
    expect(code == 1 and refused in err and "eclc does not take it over" in err,
           f"stranger: a stranger's log group was not refused: {code} {out}{err}")
    code, out, err = eclc(apply_args(program, state, moto.url, "destroy"))
    expect(code == 0 and group() == theirs,
           f"stranger: the destroy touched a stranger's log group: {code} {group()} {err}")
    # A resumed create (the entry `pending`, as after a kill) meets a stranger's log group made
    # since: refused, and destroying the pending entry leaves it.
    drop()
    state.unlink(missing_ok=True)
    code, out, err = eclc(apply_args(program, state, moto.url))
    document = json.loads(state.read_text())
    expect(code == 0 and group() == {"ecl:path": "worker", "ecl:lineage": document["lineage"]},
           f"stranger: the log group does not carry the state's lineage: {code} {group()} {err}")
    stranger()
    for entry in document["resources"]:
        if entry["id"] == "worker#log-group":
            entry["status"] = "pending"
    state.write_text(json.dumps(document))
    code, out, err = eclc(apply_args(program, state, moto.url))
    expect(code == 1 and refused in err,
           f"stranger: a resumed create took a stranger's log group: {code} {out}{err}")
    code, out, err = eclc(apply_args(program, state, moto.url, "destroy"))
    expect(code == 0 and group() == theirs,
           f"stranger: destroying a pending entry touched a stranger's log group: {group()} {err}")
    drop()


ENDPOINT = """stack gated { region = "us-east-1" }
vpc main {
  cidr = "10.0.0.0/16"
  route_table private {}
  endpoint s3 {
    service      = "s3"
    type         = gateway
    route_tables = [private]
  }
}
"""


def check_unsuccessful(moto, tmp):
    """DeleteVpcEndpoints answers 200 and lists the endpoints it could not delete: an item that
    is not found is gone, any other is the destroy's failure, with its code and message."""
    proxy = apply_test.Proxy(moto.url)
    program = tmp / "gated.ecl"
    program.write_text(ENDPOINT)
    state = tmp / "gated.state.json"
    ec2 = apply_test.clients(moto.url, "us-east-1")["ec2"]

    def endpoints():
        return [e["VpcEndpointId"] for e in ec2.describe_vpc_endpoints()["VpcEndpoints"]
                if e["State"].lower() not in ("deleted", "deleting")]

    def unsuccessful(code, message):
        def answer(body):
            endpoint = re.search(r"VpcEndpointId\.1=([\w-]+)", body)[1]
            return (f'<DeleteVpcEndpointsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
                    f"<requestId>r-1</requestId><unsuccessful><item><error><code>{code}</code>"
                    f"<message>{message.format(endpoint)}</message></error>"
                    f"<resourceId>{endpoint}</resourceId></item></unsuccessful>"
                    f"</DeleteVpcEndpointsResponse>").encode()
        return answer
    try:
        moto.reset()
        code, out, err = eclc(apply_args(program, state, proxy.url))
        made = endpoints()
        expect(code == 0 and len(made) == 1, f"unsuccessful: apply: {code} {made} {err}")
        # Refused: the destroy fails naming the code and message; the endpoint stays in the state.
        proxy.instead["DeleteVpcEndpoints"] = unsuccessful(
            "OperationNotPermitted", "The endpoint {} is managed by another service")
        # (Taken as done, the deletion would be waited for in vain: a short wait fails it.)
        destroy = apply_args(program, state, proxy.url, "destroy") + ["--wait-timeout", "20"]
        code, out, err = eclc(destroy)
        expect(code == 1 and "OperationNotPermitted: The endpoint " in err and
               "Destroy complete" not in out and endpoints() == made and
               "main.s3" in [e["id"] for e in json.loads(state.read_text())["resources"]],
               f"unsuccessful: a refused deletion was taken as done: {code} {out}{err}")
        # Not found: gone (deleted meanwhile); the destroy goes on and finishes.
        ec2.delete_vpc_endpoints(VpcEndpointIds=made)
        proxy.instead["DeleteVpcEndpoints"] = unsuccessful(
            "InvalidVpcEndpoint.NotFound", "The VpcEndpoint Id '{}' does not exist")
        code, out, err = eclc(destroy)
        expect(code == 0 and "(already gone)" in out and not endpoints(),
               f"unsuccessful: a gone endpoint: {code} {out}{err}")
        left = apply_test.clients(moto.url, "us-east-1")["ec2"].describe_vpcs(
            Filters=[{"Name": "tag:ecl:path", "Values": ["main"]}])["Vpcs"]
        expect(not left, f"unsuccessful: destroy left {left}")
        # Deleted by a destroy killed before its wait ended: the endpoint is still in the state,
        # and moto answers the repeated call InvalidRoute.NotFound (its gateway route went with
        # the first). The waiter's probe says the deletion is done: the destroy goes on.
        proxy.instead.clear()
        code, out, err = eclc(apply_args(program, state, proxy.url))
        made = endpoints()
        expect(code == 0 and len(made) == 1, f"unsuccessful: apply again: {code} {made} {err}")
        ec2.delete_vpc_endpoints(VpcEndpointIds=made)
        code, out, err = eclc(apply_args(program, state, proxy.url, "destroy"))
        expect(code == 0 and not endpoints() and
               json.loads(state.read_text())["resources"] == [],
               f"unsuccessful: a repeated deletion of a deleted endpoint: {code} {out}{err}")
    finally:
        proxy.stop()
    print("  DeleteVpcEndpoints' unsuccessful items: not found is gone, another is a failure; "
          "a deletion done before a kill is not a failure")


def check_refused(moto, tmp):
    """A call AWS answers with a refusal made nothing: the state holds no `pending` entry for it,
    and the next plan creates it as new (found by a new-user run: an HTTPS listener refused for
    its certificate was planned as resuming an interrupted call)."""
    program = tmp / "refused.ecl"
    program.write_text('stack refused { region = "us-east-1" }\n'
                       'vpc main {\n  existing = "vpc-0123456789abcdef0"\n'
                       '  cidr     = "10.0.0.0/16"\n'
                       '  subnet a {\n    cidr = "10.0.1.0/24"\n    zone = "us-east-1a"\n  }\n}\n')
    state = tmp / "refused.state.json"
    moto.reset()
    code, out, err = eclc(apply_args(program, state, moto.url))
    expect(code == 1 and "InvalidVpcID.NotFound" in err, f"refused: apply: {code} {err}")
    held = json.loads(state.read_text())["resources"] if state.exists() else []
    expect(not [r["id"] for r in held if r.get("pending")],
           f"refused: the state keeps a pending entry: {held}")
    code, out, err = eclc(["plan", program, "--state", state])
    expect("+ subnet main.a" in out and "resumes" not in out, f"refused: next plan: {out}{err}")
    print("  a refused create leaves no pending entry; the next plan creates it afresh")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    parser.add_argument("--only", help="parts, separated by commas: stack, lock, backup, "
                                       "malformed, files, secrets, silent, stranger, unsuccessful, refused, "
                                       "lost, "
                                       "killdestroy")
    parser.add_argument("--shard", default="0/1",
                        help="I/N: the per-example parts (lost, killdestroy) take every Nth "
                             "example from the Ith, so that N tests share them")
    apply_test.ARGS = parser.parse_args()
    parts = ["stack", "lock", "backup", "malformed", "files", "secrets", "silent", "stranger",
             "unsuccessful", "refused", "lost", "killdestroy"]
    if apply_test.ARGS.only:
        parts = apply_test.ARGS.only.split(",")
    moto = apply_test.harness.Moto(apply_test.harness.find_tool("moto_server"),
                                   managed_policies=True)
    try:
        moto.wait()
        with tempfile.TemporaryDirectory() as tmp:
            for part in parts:
                print(f"{part}:")
                globals()[f"check_{part}"](moto, Path(tmp))
    finally:
        moto.stop()
    problems = apply_test.PROBLEMS
    print(f"trust tests: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
