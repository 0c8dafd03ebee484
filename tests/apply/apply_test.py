#!/usr/bin/env python3
"""`eclc apply`, `eclc plan --state` and `eclc destroy` against moto_server on 127.0.0.1 (started
and stopped here, on free ports; the test fails, not skips, when moto_server or botocore is
missing). Every call goes through a loopback proxy that can answer with 500 or throttling errors,
SIGKILL eclc right after moto made the k-th call, and works around one moto quirk (see
moto_test.moto_task_memory). Parts, each a function below:

- signing: moto with INITIAL_NO_AUTH_ACTION_COUNT checks SigV4; an IAM user's keys are accepted,
  a wrong secret is refused, and the secret appears in no output nor the state;
- examples: every example and tests/moto program applies, describe calls read each resource back
  exactly once, the state holds no credential, and `eclc plan --state` then prints `No changes.`,
  also after a scaler moved the task count of each auto-scaled service; destroy then leaves
  nothing and an empty state;
- crash: apply is killed after k calls for several k, rerun, and every resource exists once;
- moved: a VPC replaced with its services running: all made first, the services moved, then the
  old network deleted;
- changes: desired count -> UpdateService, image -> new revision + UpdateService, subnet CIDR ->
  replace, a removed service -> delete; each planned, applied, then `No changes.`;
- destroy: leaves nothing tagged by eclc behind;
- faults: 500 and throttling answers are retried and the apply converges;
- prompt: through a pseudo-terminal, only `yes` applies (anything else: no call made), without a
  terminal --auto-approve is required, and each call is shown in flight on a rewritten line;
- waiters: the proxy answers `pending` / `deleting` / `DRAINING` where moto is done at once;
  routes wait for their NAT gateway, EIPs are released after it is deleted, the cluster deleted
  after its service drained, and a NAT gateway that never comes times out clearly;
- tags: a stack tags change is planned and applied as in-place tag calls, not replacements (but
  for a security group rule whose id an older eclc did not record);
- capacity: an ec2_capacity's desired count, managed scaling and target capacity change in place,
  its group and provider kept;
- scaling: a renamed scaled service's scalable target and policy are replaced, none left behind;
  a policy on a CloudWatch metric (`metric`) is put with it, its target changed in place, and
  `eclc import aws` reads it back."""

import argparse
import fcntl
import http.server
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import moto_test  # noqa: E402  (moto_task_memory)
import plans  # noqa: E402
import harness  # noqa: E402

import botocore.session  # noqa: E402  (moto_test fails cleanly when it is missing)
from botocore.config import Config  # noqa: E402

KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
PROBLEMS = []


def expect(cond, message):
    if not cond:
        PROBLEMS.append(message)
        print(f"  PROBLEM: {message}", file=sys.stderr)


class Proxy:
    """Forwards to moto. `faults`: request numbers (1-based) answered with an error instead;
    `kill_after`: after moto answered this request, SIGKILL `victim` and drop the answer;
    `kill_on`: the same after moto answered the first call of this operation."""

    def __init__(self, target):
        self.target = target
        self.count = 0
        self.faults = set()
        self.lose = set()  # request numbers whose answer is lost after moto made the call
        self.resets = set()  # request numbers whose connection is reset before reaching moto
        self.kill_after = None
        self.kill_on = None
        self.victim = None
        self.faulted = 0
        self.stall = {}  # operation -> how many more answers show the work still in progress
        # operation -> function(request body) giving the answer sent instead of moto's (the call
        # never reaches moto)
        self.instead = {}
        # operation -> how many more calls AWS refuses with DependencyViolation (the call never
        # reaches moto): what still uses the resource lets go later
        self.busy = {}
        self.log = []  # (operation, request body, stalled) of each call moto answered
        self.inflight = 0  # requests being handled
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                with proxy.lock:
                    proxy.inflight += 1
                try:
                    self.forward()
                finally:
                    with proxy.lock:
                        proxy.inflight -= 1

            # REST-JSON (EFS) calls are named by their method and path.
            do_GET = do_PUT = do_DELETE = do_POST

            def forward(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with proxy.lock:
                    proxy.count += 1
                    n = proxy.count
                target = self.headers.get("X-Amz-Target", "")
                if proxy.kill_after is not None and n > proxy.kill_after:
                    # Past the crash point: this call never reaches AWS. (A call that lands after
                    # the rerun has started looking for it is a race no tagging can close.)
                    self.close_connection = True
                    return
                if n in proxy.faults:
                    proxy.faulted += 1
                    self.fault(n, target)
                    return
                if n in proxy.resets:
                    self.close_connection = True
                    return
                operation = target.rsplit(".", 1)[-1] if target else \
                    (re.search(rb"Action=(\w+)", body) or [b"", b"?"])[1].decode()
                if self.command != "POST" or self.path.startswith(("/2015-02-01/", "/schedules/")):
                    operation = rest_operation(self.command, self.path)
                with proxy.lock:
                    busy = proxy.busy.get(operation, 0) > 0
                    if busy:
                        proxy.busy[operation] -= 1
                if busy:
                    self.answer(400, b"<Response><Errors><Error><Code>DependencyViolation</Code>"
                                b"<Message>resource has a dependent object</Message></Error>"
                                b"</Errors></Response>")
                    return
                if operation in proxy.instead:
                    self.answer(200, proxy.instead[operation](body.decode(errors="replace")))
                    return
                if target.endswith(".RegisterTaskDefinition"):
                    body = json.dumps(moto_test.moto_task_memory(json.loads(body))).encode()
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "content-length")}
                request = urllib.request.Request(proxy.target + self.path,
                                                 data=body if body else None,
                                                 headers=headers, method=self.command)
                try:
                    with urllib.request.urlopen(request, timeout=60) as r:
                        status, answer, kind = r.status, r.read(), r.headers.get("Content-Type")
                except urllib.error.HTTPError as e:
                    status, answer, kind = e.code, e.read(), e.headers.get("Content-Type")
                with proxy.lock:
                    stalled = status == 200 and proxy.stall.get(operation, 0) > 0
                    if stalled:
                        proxy.stall[operation] -= 1
                        answer = stall_answer(answer)
                    proxy.log.append((operation, body.decode(errors="replace"), stalled))
                if n in proxy.lose:
                    self.close_connection = True  # AWS did the work; the answer never arrives
                    return
                if proxy.victim and ((proxy.kill_after is not None and n >= proxy.kill_after) or
                                     operation == proxy.kill_on):
                    os.kill(proxy.victim, signal.SIGKILL)
                    self.close_connection = True
                    return
                try:
                    self.answer(status, answer, kind or "text/xml")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client was killed while this call was in flight

            def answer(self, status, body, kind="text/xml"):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def fault(self, n, target):
                if n % 2:
                    status, body = 500, b"internal error"
                elif target:
                    status = 400
                    body = b'{"__type":"ThrottlingException","message":"Rate exceeded"}'
                else:
                    status = 400
                    body = (b"<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded"
                            b"</Message></Error></ErrorResponse>")
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(http.server.ThreadingHTTPServer):
            # socketserver's backlog of 5 would make the connections of more parallel calls
            # than that wait a SYN retransmission (1 s).
            request_queue_size = 128

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self):
        self.count, self.faults, self.kill_after, self.victim, self.faulted = 0, set(), None, None, 0
        self.lose, self.resets = set(), set()
        self.kill_on = None
        self.stall, self.log, self.instead, self.busy = {}, [], {}, {}


    def settle(self, timeout=60):
        """Waits until no request is being handled: a call sent before eclc was killed may still
        be on its way to moto, and lands there after the kill."""
        deadline = time.time() + timeout
        while self.inflight and time.time() < deadline:
            time.sleep(0.05)

    def stop(self):
        self.server.shutdown()


def stall_answer(answer):
    """What AWS answers while the work is still under way, where moto has finished at once: a NAT
    gateway still `pending` or `deleting`, a deleted service still `DRAINING`."""
    answer = answer.replace(b"<state>available</state>", b"<state>pending</state>")
    answer = answer.replace(b"<state>deleted</state>", b"<state>deleting</state>")
    return re.sub(rb'"status":\s*"INACTIVE"', b'"status": "DRAINING"', answer)


def eclc_env(env_keys=KEYS):
    """The environment eclc runs in: no AWS_ variable of the caller's, the keys, no AWS files."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(env_keys)
    env["AWS_CONFIG_FILE"] = env["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    return env


def eclc(args, env_keys=KEYS, proxy=None, kill_after=None):
    # A command on a program without `-p` options gets the program's (harness.params_of: its
    # `// args:` line and the test certificate), as apply_args does.
    if (len(args) > 1 and args[0] in ("plan", "apply", "destroy") and
            "-p" not in args and Path(args[1]).exists()):
        args = list(args) + harness.params_of(Path(args[1]))
    env = eclc_env(env_keys)
    proc = subprocess.Popen([ARGS.eclc] + harness.with_refresh(args), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    if proxy is not None and kill_after is not None:
        proxy.victim, proxy.kill_after = proc.pid, kill_after
    out, err = proc.communicate(timeout=300)
    if proxy is not None:
        proxy.victim, proxy.kill_after = None, None
    return proc.returncode, out, err


def reset_moto(moto_url):
    """Forgets everything moto_server holds."""
    urllib.request.urlopen(urllib.request.Request(moto_url + "/moto-api/reset", method="POST"),
                           timeout=10)


def apply_args(program, state, url, command="apply"):
    return [command, program, "--state", state, "--endpoint-url", url, "--auto-approve"] + \
        harness.params_of(Path(program))


def clients(url, region):
    session = botocore.session.get_session()
    session.set_credentials("testing", "testing")
    cfg = Config(retries={"max_attempts": 1})
    return {s: session.create_client(s, region_name=region, endpoint_url=url, config=cfg)
            for s in ("ec2", "ecs", "iam", "elbv2", "application-autoscaling", "efs",
                      "scheduler", "logs", "autoscaling")}


def rest_operations():
    """(method, path pattern, operation) of every operation of the REST-JSON services (EFS,
    EventBridge Scheduler), from botocore's models: the proxy names a call by its method and
    path."""
    out = []
    for service in ("efs", "scheduler"):
        model = botocore.session.get_session().get_service_model(service)
        for name in model.operation_names:
            http = model.operation_model(name).http
            pattern = re.sub(r"\{[^}]+\}", "[^/?]+",
                             http["requestUri"].split("?")[0].rstrip("/"))
            out.append((http["method"], re.compile(pattern + r"/?(\?.*)?$"), name))
    return out


REST_OPERATIONS = rest_operations()


def rest_operation(method, path):
    for m, pattern, name in REST_OPERATIONS:
        if m == method and pattern.match(path):
            return name
    return "?"


def efs_tagged(efs, what, block):
    """The EFS file systems or access points carrying `ecl:path` = block."""
    listed = (efs.describe_file_systems()["FileSystems"] if what == "file systems"
              else efs.describe_access_points()["AccessPoints"])
    return [i for i in listed if {"Key": "ecl:path", "Value": block} in i.get("Tags", [])]


# EC2 kinds found by their `ecl:path` tag: create operation -> (describe method, list key).
TAGGED = {
    "CreateVpc": ("describe_vpcs", "Vpcs"),
    "CreateSubnet": ("describe_subnets", "Subnets"),
    "CreateInternetGateway": ("describe_internet_gateways", "InternetGateways"),
    "CreateRouteTable": ("describe_route_tables", "RouteTables"),
    "CreateSecurityGroup": ("describe_security_groups", "SecurityGroups"),
    "CreateNatGateway": ("describe_nat_gateways", "NatGateways"),
    "AllocateAddress": ("describe_addresses", "Addresses"),
    "CreateVpcEndpoint": ("describe_vpc_endpoints", "VpcEndpoints"),
}


def live(kind, items):
    if kind == "CreateNatGateway":
        return [i for i in items if i.get("State") not in ("deleted", "deleting")]
    if kind == "CreateVpcEndpoint":
        return [i for i in items if i.get("State", "").lower() not in ("deleted", "deleting")]
    return items


def listeners_and_rules(elbv2, operation):
    """The ARNs of every listener (CreateListener) or non-default rule (CreateRule)."""
    listeners = [lst["ListenerArn"]
                 for lb in elbv2.describe_load_balancers()["LoadBalancers"]
                 for lst in elbv2.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])
                 ["Listeners"]]
    if operation == "CreateListener":
        return listeners
    return [r["RuleArn"] for arn in listeners
            for r in elbv2.describe_rules(ListenerArn=arn)["Rules"] if not r["IsDefault"]]


def rule_paths(elbv2, priority):
    """The path patterns of the listener rule of the priority (there is one load balancer)."""
    for arn in listeners_and_rules(elbv2, "CreateRule"):
        rule = elbv2.describe_rules(RuleArns=[arn])["Rules"][0]
        if rule["Priority"] == str(priority):
            return [v for c in rule["Conditions"] for v in c.get("PathPatternConfig", {})
                    .get("Values", [])]
    return None


def tagged(elbv2, arn, block):
    tags = elbv2.describe_tags(ResourceArns=[arn])["TagDescriptions"][0]["Tags"]
    return {"Key": "ecl:path", "Value": block} in tags


def census(plan, url, expected):
    """Reads back every resource of the plan; `expected` is 1 (exactly once) or 0 (gone)."""
    c = clients(url, plan["region"])
    name = plan.get("stack", "?")
    for step in plan["steps"]:
        if step["operation"] in TAGGED:
            method, key = TAGGED[step["operation"]]
            got = getattr(c["ec2"], method)(
                Filters=[{"Name": "tag:ecl:path", "Values": [step["block"]]}])[key]
            # Checked here too: moto ignores the tag filter of some kinds (NAT gateways).
            got = [g for g in live(step["operation"], got)
                   if {"Key": "ecl:path", "Value": step["block"]} in g.get("Tags", [])]
            expect(len(got) == expected, f"{name}: {step['id']} ({step['operation']}) exists "
                                         f"{len(got)} times, expected {expected}")
        elif step["operation"] == "RegisterTaskDefinition":
            family = step["params"]["family"]
            # Tasks of one family are its revisions: one each.
            revisions = sum(1 for s in plan["steps"] if s["operation"] == "RegisterTaskDefinition"
                            and s["params"]["family"] == family)
            arns = c["ecs"].list_task_definitions(familyPrefix=family, status="ACTIVE")
            arns = [a for a in arns["taskDefinitionArns"] if a.split("/")[-1].split(":")[0] == family]
            expect(len(arns) == expected * revisions,
                   f"{name}: task definition {family} has {len(arns)} active revisions")
        elif step["operation"] == "CreateService":
            services = []
            for cluster in c["ecs"].list_clusters()["clusterArns"]:
                found = c["ecs"].describe_services(cluster=cluster,
                                                   services=[step["params"]["serviceName"]])
                services += [s for s in found["services"] if s["status"] == "ACTIVE"]
            expect(len(services) == expected,
                   f"{name}: service {step['id']} exists {len(services)} times")
            # Its load balancers name containers of its task definition (by their ECS names).
            for s in services:
                task = c["ecs"].describe_task_definition(taskDefinition=s["taskDefinition"])
                containers = {d["name"] for d in task["taskDefinition"]["containerDefinitions"]}
                for lb in s.get("loadBalancers", []):
                    expect(lb.get("containerName") in containers,
                           f"{name}: service {step['id']} attaches container "
                           f"{lb.get('containerName')}, not one of {sorted(containers)}")
        elif step["operation"] in ("CreateLoadBalancer", "CreateTargetGroup"):
            kind = "LoadBalancers" if step["operation"] == "CreateLoadBalancer" else "TargetGroups"
            listed = (c["elbv2"].describe_load_balancers() if kind == "LoadBalancers"
                      else c["elbv2"].describe_target_groups())[kind]
            name_key = "LoadBalancerName" if kind == "LoadBalancers" else "TargetGroupName"
            # Or the name eclc made for one made beside the old one (`-2`, within 32 characters).
            made = step["params"]["Name"]
            got = [i for i in listed if i[name_key] in (made, made[:30] + "-2")]
            expect(len(got) == expected, f"{name}: {step['id']} ({step['operation']}) exists "
                                         f"{len(got)} times, expected {expected}")
        elif step["operation"] in ("CreateListener", "CreateRule"):
            # Listed under their load balancer (listeners) or listener (rules), by their tag.
            got = [arn for arn in listeners_and_rules(c["elbv2"], step["operation"])
                   if tagged(c["elbv2"], arn, step["block"])]
            expect(len(got) == expected, f"{name}: {step['id']} ({step['operation']}) exists "
                                         f"{len(got)} times, expected {expected}")
        elif step["operation"] in ("RegisterScalableTarget", "PutScalingPolicy"):
            scaling = c["application-autoscaling"]
            rid = step["params"]["ResourceId"]
            got = (scaling.describe_scalable_targets(ServiceNamespace="ecs", ResourceIds=[rid])
                   ["ScalableTargets"] if step["operation"] == "RegisterScalableTarget" else
                   scaling.describe_scaling_policies(ServiceNamespace="ecs", ResourceId=rid,
                                                     PolicyNames=[step["params"]["PolicyName"]])
                   ["ScalingPolicies"])
            expect(len(got) == expected, f"{name}: {step['id']} ({step['operation']}) exists "
                                         f"{len(got)} times, expected {expected}")
            spec = (got[0].get("TargetTrackingScalingPolicyConfiguration", {})
                    .get("PredefinedMetricSpecification", {}) if got else {})
            if "ResourceLabel" in spec:
                # `app/NAME/ID/targetgroup/NAME/ID`: the placeholders' `|after:` parts resolved.
                label = spec["ResourceLabel"]
                expect(re.fullmatch(r"app/[\w-]+/\w+/targetgroup/[\w-]+/\w+", label),
                       f"{name}: {step['id']} tracks requests of `{label}`")
        elif step["operation"] == "PutScheduledAction":
            p = step["params"]
            got = c["application-autoscaling"].describe_scheduled_actions(
                ServiceNamespace="ecs", ResourceId=p["ResourceId"],
                ScheduledActionNames=[p["ScheduledActionName"]])["ScheduledActions"]
            expect(len(got) == expected, f"{name}: {step['id']} exists {len(got)} times, "
                                         f"expected {expected}")
            expect(not got or got[0]["Schedule"] == p["Schedule"],
                   f"{name}: {step['id']} runs on {got and got[0]['Schedule']}")
        elif step["operation"] in ("CreateFileSystem", "CreateAccessPoint"):
            what = "file systems" if step["operation"] == "CreateFileSystem" else "access points"
            got = efs_tagged(c["efs"], what, step["block"])
            expect(len(got) == expected, f"{name}: {step['id']} ({step['operation']}) exists "
                                         f"{len(got)} times, expected {expected}")
        elif step["operation"] == "CreateMountTarget":
            # The mount targets of the block's file system: one each of its steps.
            steps = sum(1 for s in plan["steps"] if s["operation"] == "CreateMountTarget"
                        and s["block"] == step["block"])
            got = [t for fs in efs_tagged(c["efs"], "file systems", step["block"])
                   for t in c["efs"].describe_mount_targets(
                       FileSystemId=fs["FileSystemId"])["MountTargets"]]
            expect(len(got) == expected * steps, f"{name}: the mount targets of {step['block']} "
                                                 f"are {len(got)}, expected {expected * steps}")
        elif step["operation"] == "CreateRole":
            roles = [r for r in c["iam"].list_roles()["Roles"]
                     if r["RoleName"] == step["params"]["RoleName"]]
            expect(len(roles) == expected, f"{name}: role {step['id']} exists {len(roles)} times")


def no_secrets(texts, secrets, what):
    for text in texts:
        for s in secrets:
            expect(s not in text, f"{what}: a credential appears in the output or state")


def check_signing(moto_server):
    # 4: the test certificate's import (harness.Moto), then the 3 calls that make the deployer.
    print("signing: moto checks SigV4 after 4 unauthenticated calls")
    os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = "4"
    moto = harness.Moto(moto_server, managed_policies=True)
    del os.environ["INITIAL_NO_AUTH_ACTION_COUNT"]
    try:
        moto.wait()
        iam = clients(moto.url, "us-east-1")["iam"]
        iam.create_user(UserName="deployer")
        iam.put_user_policy(UserName="deployer", PolicyName="all", PolicyDocument=json.dumps(
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        key = iam.create_access_key(UserName="deployer")["AccessKey"]
        good = {"AWS_ACCESS_KEY_ID": key["AccessKeyId"],
                "AWS_SECRET_ACCESS_KEY": key["SecretAccessKey"]}
        bad = dict(good, AWS_SECRET_ACCESS_KEY="wrong" + key["SecretAccessKey"][5:])
        program = harness.ROOT / "examples" / "webapp.ecl"
        with tempfile.TemporaryDirectory() as tmp:
            state = Path(tmp) / "bad.json"
            code, out, err = eclc(apply_args(program, state, moto.url), env_keys=bad)
            # Whichever call fails first (calls run in parallel): EC2 answers a wrong signature
            # with AuthFailure (so does moto), the other services with SignatureDoesNotMatch.
            expect(code == 1 and ("SignatureDoesNotMatch" in err or "AuthFailure" in err),
                   f"signing: a wrong secret was not refused (exit {code}): {err.strip()}")
            no_secrets([out, err, state.read_text() if state.exists() else ""],
                       [bad["AWS_SECRET_ACCESS_KEY"]], "signing (wrong secret)")
            state = Path(tmp) / "good.json"
            code, out, err = eclc(apply_args(program, state, moto.url), env_keys=good)
            expect(code == 0, f"signing: the right secret was refused (exit {code}): "
                              f"{err.strip()}")
            no_secrets([out, err, state.read_text()],
                       [good["AWS_SECRET_ACCESS_KEY"], good["AWS_ACCESS_KEY_ID"]],
                       "signing (right secret)")
            print(f"  wrong secret refused; right secret: {out.count(chr(10))} lines, exit {code}")
    finally:
        moto.stop()


def check_examples(moto, proxy, tmp):
    for program in harness.moto_programs():
        moto.reset()
        plan, log = plans.build_plan(ARGS.eclc, program)
        if plan is None:
            expect(False, f"{program}: eclc plan failed: {log}")
            continue
        state = tmp / f"{program.stem}.state.json"
        code, out, err = eclc(apply_args(program, state, proxy.url))
        expect(code == 0, f"{program.name}: apply failed (exit {code}): {err.strip()}")
        census(plan, moto.url, 1)
        if program.name == "environments":
            check_environments(plan, moto.url)
        if program.stem == "literal_dollar":
            check_literals(plan, moto.url, state)
        no_secrets([out, err, state.read_text()], ["testing"], program.name)
        expect("\r" not in out and "\x1b" not in out,
               f"{program.name}: terminal control characters in the output to a pipe")
        code, out, err = eclc(["plan", program, "--state", state, "--detailed-exitcode"] +
                              harness.params_of(program))
        expect(out == "No changes.\n", f"{program.name}: second plan is not `No changes.`: {out}")
        expect(code == 0, f"{program.name}: plan --detailed-exitcode without changes: exit {code}")
        scaled = scale_services(plan, moto.url)
        if scaled:
            code, out, err = eclc(["plan", program, "--state", state] + harness.params_of(program))
            expect(out == "No changes.\n",
                   f"{program.name}: after the scaler moved {scaled}, the plan is not "
                   f"`No changes.`: {out}")
        code, out, err = eclc(apply_args(program, state, proxy.url, command="destroy"))
        expect(code == 0, f"{program.name}: destroy failed (exit {code}): {err.strip()}")
        census(plan, moto.url, 0)
        expect(json.loads(state.read_text())["resources"] == [],
               f"{program.name}: destroy left resources in the state")
        after = f" (also after the scaler moved {', '.join(scaled)})" if scaled else ""
        print(f"  {program.name}: {len(plan['steps'])} calls applied, read back, no changes"
              f"{after}, destroyed")


def check_environments(plan, url):
    """examples/environments: each environment (an instance of the environment module) has its
    cluster holding the three services of the service module, named after their instances, each
    running its own task definition family."""
    ecs = clients(url, plan["region"])["ecs"]
    for env in ("staging", "prod"):
        cluster = f"shop-{env}-apps"
        arns = ecs.list_services(cluster=cluster)["serviceArns"]
        services = ecs.describe_services(cluster=cluster, services=arns)["services"] if arns else []
        names = sorted(s["serviceName"] for s in services)
        expect(names == [f"{env}-{svc}-svc" for svc in ("api", "web", "worker")],
               f"environments: cluster {cluster} holds {names}")
        for s in services:
            family = s["taskDefinition"].rsplit("/", 1)[-1].split(":")[0]
            svc = s["serviceName"].split("-")[1]
            expect(family == f"shop-{env}-{svc}-app",
                   f"environments: {s['serviceName']} runs {family}")
            expect(s["desiredCount"] == (2 if env == "prod" and svc != "worker" else 1),
                   f"environments: {s['serviceName']} wants {s['desiredCount']} tasks")
    print("  environments: 3 services in each of 2 clusters, named after their instances")


def check_literals(plan, url, state):
    """tests/moto/literal_dollar: each text written with a literal `${` (`\\${`) reached AWS as the
    program wrote it, neither read as a placeholder nor left escaped (`$${`)."""
    c = clients(url, plan["region"])
    family = next(s for s in plan["steps"] if s["operation"] == "RegisterTaskDefinition")
    task = c["ecs"].describe_task_definition(taskDefinition=family["params"]["family"])
    main = task["taskDefinition"]["containerDefinitions"][0]
    got = {
        "environment": main["environment"][0]["value"],
        "secrets": sorted(s["valueFrom"] for s in main["secrets"]),
        "command": main["command"][-1],
        "entryPoint": main["entryPoint"][0],
        "workingDirectory": main["workingDirectory"],
        "dockerLabels": main["dockerLabels"]["com.example.note"],
        "healthCheck": main["healthCheck"]["command"][-1],
        "log option": main["logConfiguration"]["options"]["awslogs-datetime-format"],
    }
    roles = {s["id"]: s["params"]["RoleName"] for s in plan["steps"]
             if s["operation"] == "CreateRole"}
    secrets = c["iam"].get_role_policy(RoleName=roles["app#execution-role"],
                                       PolicyName="read-secrets")["PolicyDocument"]
    got["read-secrets"] = [r for st in secrets["Statement"] for r in st["Resource"]]
    statements = c["iam"].get_role_policy(RoleName=roles["reader"],
                                          PolicyName="statements")["PolicyDocument"]
    got["statement"] = (statements["Statement"][0]["Resource"],
                        statements["Statement"][0]["Condition"])
    group = c["ec2"].describe_security_groups(
        Filters=[{"Name": "tag:ecl:path", "Values": ["main.web"]}])["SecurityGroups"][0]
    got["group"] = (group["Description"], group["IpPermissions"][0]["IpRanges"][0]["Description"],
                    {t["Key"]: t["Value"] for t in group["Tags"]}["note"])
    got["output"] = json.loads(state.read_text())["outputs"]["note"]
    want = {
        "environment": "hello ${USER}",
        "secrets": ["/app/${ENV}/token",
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-${ENV}-AbCdEf"],
        "command": "echo ${HOME}",
        "entryPoint": "/bin/${SHELL}",
        "workingDirectory": "/srv/${APP}",
        "dockerLabels": "label ${L}",
        "healthCheck": 'test -n "${HOME}"',
        "log option": "${DATE}",
        "read-secrets": ["arn:aws:secretsmanager:us-east-1:123456789012:secret:app-${ENV}-AbCdEf",
                         "arn:aws:ssm:us-east-1:*:parameter/app/${ENV}/token"],
        "statement": (["arn:aws:s3:::reports/${aws:username}/*"],
                      {"StringEquals": {"aws:PrincipalTag/${team}": ["ops ${T}"]}}),
        "group": ("Web ${PORT}", "HTTP ${FROM}", "web ${Y}"),
        "output": "out ${O}",
    }
    for what, value in want.items():
        expect(got[what] == value, f"literal_dollar: {what} is {got[what]!r}, not {value!r}")
    print(f"  literal_dollar: {len(want)} texts with a literal `${{` reached AWS as written")


def scale_services(plan, url):
    """Moves the task count of every auto-scaled service of the plan, as its scaler would (to its
    `max`); returns the services moved."""
    ecs = clients(url, plan["region"])["ecs"]
    moved = []
    for step in plan["steps"]:
        if step["operation"] != "RegisterScalableTarget":
            continue
        _, cluster, service = step["params"]["ResourceId"].split("/")
        ecs.update_service(cluster=cluster, service=service,
                           desiredCount=step["params"]["MaxCapacity"])
        moved.append(service)
    return moved


def check_crash(moto, proxy, tmp):
    program = harness.ROOT / "examples" / "webapp.ecl"
    plan, _ = plans.build_plan(ARGS.eclc, program)
    for k in (1, 4, 9, 17, 26, 33, len(plan["steps"]) - 1):
        moto.reset()
        proxy.reset()
        state = tmp / f"crash{k}.json"
        code, _, _ = eclc(apply_args(program, state, proxy.url), proxy=proxy, kill_after=k)
        expect(code == -signal.SIGKILL, f"crash k={k}: apply was not killed (exit {code})")
        proxy.settle()  # a call sent before the kill may land after the rerun looked for it
        code, out, err = eclc(apply_args(program, state, proxy.url))
        expect(code == 0, f"crash k={k}: the rerun failed (exit {code}): {err.strip()}")
        census(plan, moto.url, 1)
        code, out, _ = eclc(["plan", program, "--state", state])
        expect(out == "No changes.\n", f"crash k={k}: after the rerun the plan is {out}")
        print(f"  killed after {k} calls, resumed: every resource exists once")


def edit(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def check_replaced(moto, proxy, tmp):
    """Create before destroy survives a kill at any point: a security group and a task
    definition replaced beside the old ones (the old entries deposed, then deleted last); the
    run is killed after k of its calls, and the rerun converges: one group, the service in it,
    one active revision, and no changes."""
    source = (harness.ROOT / "examples" / "webapp.ecl").read_text()
    changed = edit(edit(source, '"Web tasks: HTTP from the load balancer"', '"Web tasks: HTTP"'),
                   "webapp/api:2.3.1", "webapp/api:2.4.0")
    program = tmp / "replaced.ecl"
    plan = None
    total = None  # the calls of the whole second apply, from an unkilled run
    ks = [None] + [int(os.environ.get("ECL_REPLACED_K", "0"))] if "ECL_REPLACED_K" in \
        os.environ else [None, 0.2, 0.45, 0.6, 0.75, 0.95]
    for k in ks:
        moto.reset()
        proxy.reset()
        state = tmp / f"replaced{k}.json"
        program.write_text(source)
        code, _, err = eclc(apply_args(program, state, proxy.url))
        expect(code == 0, f"replaced: the first apply failed: {err}")
        program.write_text(changed)
        if plan is None:
            plan, _ = plans.build_plan(ARGS.eclc, program)
        before = proxy.count
        if k is None:
            code, out, err = eclc(apply_args(program, state, proxy.url))
            expect(code == 0, f"replaced: the second apply failed: {err}")
            total = proxy.count - before
            label = "not killed"
        else:
            after = before + max(1, int(total * k) if isinstance(k, float) else k)
            code, _, _ = eclc(apply_args(program, state, proxy.url), proxy=proxy,
                              kill_after=after)
            expect(code == -signal.SIGKILL, f"replaced k={k}: apply was not killed ({code})")
            proxy.settle()
            code, out, err = eclc(apply_args(program, state, proxy.url))
            expect(code == 0, f"replaced k={k}: the rerun failed (exit {code}): {err.strip()}")
            label = f"killed after {after - before} of {total} calls, resumed"
        census(plan, moto.url, 1)
        c = clients(moto.url, "us-east-1")
        groups = c["ec2"].describe_security_groups(
            Filters=[{"Name": "tag:ecl:path", "Values": ["main.web"]}])["SecurityGroups"]
        service = c["ecs"].describe_services(cluster="webapp-prod", services=["api"])["services"]
        used = service[0]["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"]
        expect([g["GroupId"] for g in groups] == used,
               f"replaced k={k}: groups {[g['GroupId'] for g in groups]}, the service in {used}")
        expect(service[0]["taskDefinition"].endswith(":2"),
               f"replaced k={k}: the service runs {service[0]['taskDefinition']}")
        left = [r["id"] for r in json.loads(state.read_text())["resources"]
                if r.get("status") == "deposed"]
        expect(not left, f"replaced k={k}: deposed entries left: {left}")
        code, out, _ = eclc(["plan", program, "--state", state])
        expect(out == "No changes.\n", f"replaced k={k}: after the rerun the plan is {out}")
        print(f"  {label}: one group, the service in it, one revision, no changes")


def check_moved(moto, proxy, tmp):
    """A VPC replaced (its CIDR block changed) with services running in it: everything in it is
    made beside the old one (the load balancer and its target groups too: `+/-`, none deleted
    first), the services move to the new subnets, groups and target groups (UpdateService), and
    only then are the old listeners, target groups, NAT gateways, subnets, groups, the gateway and
    the VPC deleted: on AWS the tasks' network interfaces refuse those deletions
    (DependencyViolation) until the services have moved, which moto does not."""
    moto.reset()
    proxy.reset()
    source = (harness.ROOT / "examples" / "webapp.ecl").read_text()
    program = tmp / "moved.ecl"
    state = tmp / "moved.state.json"
    program.write_text(source)
    code, _, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0, f"moved: the first apply failed: {err}")
    changed = source
    for old, new in (('"10.0.0.0/16"', '"10.1.0.0/16"'), ('"10.0.10.0/24"', '"10.1.10.0/24"'),
                     ('"10.0.11.0/24"', '"10.1.11.0/24"')):
        changed = edit(changed, old, new)
    program.write_text(changed)
    code, out, err = eclc(["plan", program, "--state", state] + harness.params_of(program))
    expect("+/- vpc main " in out and "-/+" not in out,
           f"moved: not everything is made before the old one is deleted:\n{out}{err}")
    before = len(proxy.log)
    code, out, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0, f"moved: the second apply failed (exit {code}): {err.strip()}")
    calls = [op for op, _, _ in proxy.log[before:]]
    updates = [i for i, op in enumerate(calls) if op == "UpdateService"]
    deletes = [i for i, op in enumerate(calls)
               if op in ("DeleteSubnet", "DeleteSecurityGroup", "DeleteVpc", "DeleteTargetGroup",
                         "DeleteLoadBalancer", "DeleteListener", "DetachInternetGateway",
                         "DeleteNatGateway", "DeleteRouteTable")]
    expect(updates and deletes and max(updates) < min(deletes),
           f"moved: the services are not moved before the old network is deleted: {calls}")
    plan, _ = plans.build_plan(ARGS.eclc, program)
    census(plan, moto.url, 1)
    code, out, _ = eclc(["plan", program, "--state", state] + harness.params_of(program))
    expect(out == "No changes.\n", f"moved: after the apply the plan is {out}")
    print(f"  {len(updates)} service moved, then {len(deletes)} deletions of the old network; "
          f"no changes")


SUMMARY = r"Plan: (\d+) to add, (\d+) to change, (\d+) to replace, (\d+) to destroy\."
DONE = r"(Apply|Destroy) complete: (\d+) added, (\d+) changed, (\d+) replaced, (\d+) destroyed\."


def counts(pattern, text, skip=0):
    """The four resource counts of a `Plan:` or `... complete:` line, or None."""
    m = re.search(pattern, text)
    return tuple(int(n) for n in m.groups()[skip:]) if m else None


def agree(what, planned, applied):
    """The counts of `eclc plan` are those apply (or destroy) shows and reports when done."""
    p = counts(SUMMARY, planned)
    if p is None:
        expect(planned == "No changes.\n" and "No changes." in applied,
               f"{what}: plan shows no counts:\n{planned}\n{applied}")
        return p
    expect(counts(SUMMARY, applied) == p and counts(DONE, applied, 1) == p,
           f"{what}: plan counts {p}, apply shows {counts(SUMMARY, applied)} and reports "
           f"{counts(DONE, applied, 1)}:\n{planned}\n{applied}")
    return p


def check_changes(moto, proxy, tmp):
    moto.reset()
    source = (harness.ROOT / "examples" / "webapp.ecl").read_text()
    program = tmp / "webapp.ecl"
    state = tmp / "changes.json"
    program.write_text(source)
    _, planned, _ = eclc(["plan", program, "--state", state])
    code, out, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0, f"changes: first apply failed: {err}")
    plan, _ = plans.build_plan(ARGS.eclc, program)
    blocks = len({s["block"] for s in plan["steps"]})
    expect(agree("first apply", planned, out) == (blocks, 0, 0, 0),
           f"changes: the first apply does not add {blocks} resources")
    ecs = clients(moto.url, "us-east-1")["ecs"]

    def service():
        return ecs.describe_services(cluster="webapp-prod", services=["api"])["services"][0]

    # Under `scaling` the scaler owns the count: one it moved, and a changed `desired`, are no
    # change, and the update of the next case (a new task definition) does not reset it.
    ecs.update_service(cluster="webapp-prod", service="api", desiredCount=5)
    text = edit(source, "desired         = is_prod ? 4 : 1", "desired = 6")
    program.write_text(text)
    code, out, err = eclc(["plan", program, "--state", state, "--detailed-exitcode"])
    expect(code == 0 and out == "No changes.\n",
           f"changes (scaled count): plan exit {code}, not 0 with no changes:\n{out}{err}")
    source = text
    print("  desired count under scaling: no change")

    def made_first(what, create, use, delete):
        """Create before destroy: the new one is made, the service moves to it, then the old one
        is deleted (the last of each call in the proxy's log)."""
        ops = [op for op, _, _ in proxy.log]
        last = {op: max((i for i, o in enumerate(ops) if o == op), default=-1)
                for op in (create, use, delete)}
        expect(0 <= last[create] < last[use] < last[delete],
               f"changes ({what}): not {create}, then {use}, then {delete}: {last}")

    def runs_new_revision_at_scaled_count():
        expect(service()["taskDefinition"].endswith("webapp-api:2"),
               f"changes: service runs {service()['taskDefinition']}")
        expect(service()["desiredCount"] == 5,
               f"changes: the update reset the scaler's count to {service()['desiredCount']}")
        made_first("image", "RegisterTaskDefinition", "UpdateService", "DeregisterTaskDefinition")
        expect(ecs.describe_task_definition(taskDefinition="webapp-api:1")["taskDefinition"]
               ["status"] == "INACTIVE", "changes: the old revision is still active")

    def runs_in_new_group():
        ec2 = clients(moto.url, "us-east-1")["ec2"]
        groups = ec2.describe_security_groups(
            Filters=[{"Name": "tag:ecl:path", "Values": ["main.web"]}])["SecurityGroups"]
        expect(len(groups) == 1 and groups[0]["GroupName"].endswith("-2"),
               f"changes: not one group main.web of another name: {groups}")
        used = service()["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"]
        expect(used == [groups[0]["GroupId"]], f"changes: the service is in {used}")
        made_first("security group", "CreateSecurityGroup", "UpdateService", "DeleteSecurityGroup")

    def forwards_to_new_group():
        elbv2 = clients(moto.url, "us-east-1")["elbv2"]
        entry = next(r for r in json.loads(state.read_text())["resources"] if r["id"] == "main.api")
        name, arn = entry["request"]["Name"], entry["resource"]
        expect(name.endswith("-2"), f"changes: the new target group is named {name}")
        groups = [g["TargetGroupArn"] for g in elbv2.describe_target_groups()["TargetGroups"]
                  if g["TargetGroupName"] in (name, name[:-2])]
        expect(groups == [arn], f"changes: target groups {groups}, not only the new {arn}")
        used = [b["targetGroupArn"] for b in service()["loadBalancers"]]
        expect(arn in used, f"changes: the service sends to {used}")
        rules = [a.get("TargetGroupArn") for listener in listeners_and_rules(elbv2, "CreateListener")
                 for r in elbv2.describe_rules(ListenerArn=listener)["Rules"]
                 for a in r.get("Actions", [])]
        expect(arn in rules, f"changes: no rule forwards to the new group: {rules}")
        made_first("target group", "CreateTargetGroup", "UpdateService", "DeleteTargetGroup")

    def renamed_service():
        found = ecs.describe_services(cluster="webapp-prod", services=["api", "api-v2"])
        status = {x["serviceName"]: x["status"] for x in found["services"]}
        expect(status.get("api-v2") == "ACTIVE" and status.get("api") != "ACTIVE",
               f"changes: services after the rename: {status}")
        ops = [op for op, _, _ in proxy.log]
        made = max(i for i, op in enumerate(ops) if op == "CreateService")
        deleted = max((i for i, op in enumerate(ops) if op == "DeleteService"), default=-1)
        expect(made < deleted, f"changes (service name): deleted before made: {ops}")

    # Each edit applies on top of the previous one.
    cases = [
        ("image", lambda src: edit(src, "webapp/api:2.3.1", "webapp/api:2.4.0"),
         [r"\+/-\s+ecs:RegisterTaskDefinition\s+api\s+task definitions are immutable",
          r"~\s+ecs:UpdateService\s+prod\.api\s+`api` is renewed"],
         runs_new_revision_at_scaled_count),
        # A group of a made name: the new one takes another, the service moves to it, then the
        # old one is deleted.
        ("security group", lambda src: edit(src, '"Web tasks: HTTP from the load balancer"',
                                            '"Web tasks: HTTP and the API from the load balancer"'),
         [r"\+/-\s+ec2:CreateSecurityGroup\s+main\.web\s+`Description` cannot change",
          r"~\s+ecs:UpdateService\s+prod\.api\s+`main\.web` is renewed"],
         runs_in_new_group),
        # A target group of a made name: the new one beside the old, the rule and the service
        # moved to it, then the old one deleted.
        ("target group", lambda src: edit(src, "port         = 8080\n    health_check",
                                          "port         = 8081\n    health_check"),
         [r"\+/-\s+elbv2:CreateTargetGroup\s+main\.api\s+a target group's port",
          r"~\s+elbv2:ModifyRule\s+main\.edge\.https\.api\s+`main\.api` is renewed"],
         forwards_to_new_group),
        ("subnet CIDR", lambda src: edit(src, '"10.0.10.0/24"', '"10.0.20.0/24"'),
         [r"-/\+\s+ec2:CreateSubnet\s+main\.private_a\s+a subnet's CIDR block cannot change in "
          r"place \(CidrBlock 10\.0\.10\.0/24 -> 10\.0\.20\.0/24\)"],
         lambda: expect([s["CidrBlock"] for s in clients(moto.url, "us-east-1")["ec2"]
                         .describe_subnets(Filters=[{"Name": "tag:ecl:path",
                                                     "Values": ["main.private_a"]}])["Subnets"]]
                        == ["10.0.20.0/24"], "changes: subnet not replaced")),
        ("listener rule", lambda src: edit(src, 'paths    = ["/api/*"]', 'paths    = ["/api/*", "/v2/*"]'),
         [r"~\s+elbv2:ModifyRule\s+main\.edge\.https\.api\s+Conditions"],
         lambda: expect(rule_paths(clients(moto.url, "us-east-1")["elbv2"], 10)
                        == ["/api/*", "/v2/*"], "changes: the rule's paths did not change")),
        # A free priority is taken in place (SetRulePriorities): the rule is never deleted, so
        # requests never fall to the default action meanwhile (the old binary replaced it).
        ("rule priority", lambda src: edit(src, "priority = 10", "priority = 15"),
         [r"~\s+elbv2:SetRulePriorities\s+main\.edge\.https\.api\s+Priority 10 -> 15"],
         lambda: expect(rule_paths(clients(moto.url, "us-east-1")["elbv2"], 15)
                        == ["/api/*", "/v2/*"] and
                        "DeleteRule" not in [op for op, _, _ in proxy.log],
                        "changes: the rule did not move to priority 15 in place")),
        # A new name: the new service starts beside the old one, which is deleted at the end
        # (the old binary deleted it first, "its name is reused", though it was not).
        ("service name", lambda src: edit(src, "    task            = api // a `ref<task>`",
                                          '    name            = "api-v2"\n'
                                          "    task            = api // a `ref<task>`"),
         [r"\+/-\s+ecs:CreateService\s+prod\.api\s+`serviceName` cannot change in place"],
         renamed_service),
    ]
    # What a reviewer reads: per case, the resources' lines and the counts (add, change,
    # replace, destroy) that apply then shows and reports.
    views = {
        "image": ([r"\n  \+/- task api  \(task definitions are immutable: a new revision is "
                   r"registered; the new one is made first\)\n      ~ app\.image: \"[^\"]*/webapp/api:2\.3\.1\" -> "
                   r"\"[^\"]*/webapp/api:2\.4\.0\"  # forces replacement\n",
                   r"\n  ~ service prod\.api\n(      .*\n)*      ~ `api` is renewed\n"], (0, 1, 1, 0)),
        "subnet CIDR": ([r"\n  -/\+ subnet main\.private_a  \(a subnet's CIDR block cannot change "
                         r"in place; deleted first: [^)]*\)\n      ~ cidr: \"10\.0\.10\.0/24\" -> "
                         r"\"10\.0\.20\.0/24\""
                         r"  # forces replacement\n",
                         r"\n  ~ private_cidr: \[\"10\.0\.10\.0/24\", \"10\.0\.11\.0/24\"\] -> "
                         r"\[\"10\.0\.20\.0/24\", \"10\.0\.11\.0/24\"\]\n"], None),
    }
    for what, change, patterns, verify in cases:
        text = change(source)
        program.write_text(text)
        code, out, err = eclc(["plan", program, "--state", state, "--detailed-exitcode", "--calls"])
        expect(code == 2, f"changes ({what}): plan --detailed-exitcode: exit {code}, not 2")
        for p in patterns:
            expect(re.search(p, out), f"changes ({what}): plan --calls lacks /{p}/:\n{out}")
        code, planned, err = eclc(["plan", program, "--state", state])
        lines, expected = views.get(what, ([], None))
        for p in lines:
            expect(re.search(p, planned), f"changes ({what}): plan lacks /{p}/:\n{planned}")
        code, out, err = eclc(apply_args(program, state, proxy.url))
        expect(code == 0, f"changes ({what}): apply failed: {err}")
        got = agree(f"changes ({what})", planned, out)
        expect(expected is None or got == expected, f"changes ({what}): counts {got}")
        verify()
        code, out, err = eclc(["plan", program, "--state", state])
        expect(out == "No changes.\n", f"changes ({what}): after apply the plan is {out}")
        source = text
        print(f"  {what}: planned, applied, read back, no changes")
    # Removing the service deletes it.
    start = source.index("  service api {")
    end = source.index("\n  }\n", start) + len("\n  }\n")
    text = source[:start] + source[end:]
    text = re.sub(r"output service_arn .*\n", "", text)
    program.write_text(text)
    code, out, err = eclc(["plan", program, "--state", state, "--calls"])
    expect(re.search(r"-\s+ecs:CreateService\s+prod\.api\s+not in the program", out),
           f"changes (remove service): plan --calls is {out}")
    code, planned, err = eclc(["plan", program, "--state", state])
    expect("\n  - service prod.api  (not in the program)\n" in planned and
           re.search(r"\n  - service_arn = \"arn:aws:ecs:[^\"]*\"\n", planned),
           f"changes (remove service): plan is {planned}")
    code, out, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0, f"changes (remove service): apply failed: {err}")
    expect(agree("remove service", planned, out) == (0, 0, 0, 1), "remove service: counts")
    expect(not [s for s in ecs.describe_services(cluster="webapp-prod", services=["api"])
                ["services"] if s["status"] == "ACTIVE"], "changes: service still active")
    print("  removed service: planned, deleted")
    # Destroy leaves nothing behind.
    plan, _ = plans.build_plan(ARGS.eclc, harness.ROOT / "examples" / "webapp.ecl")
    held = len({r["block"] for r in json.loads(state.read_text())["resources"]
                if not r["operation"].startswith("Describe")})
    code, out, err = eclc(apply_args(program, state, proxy.url, command="destroy"))
    expect(code == 0, f"destroy failed: {err}")
    expect(counts(SUMMARY, out) == (0, 0, 0, held) and counts(DONE, out, 1) == (0, 0, 0, held),
           f"destroy: not {held} resources destroyed:\n{out}")
    census(plan, moto.url, 0)
    expect(json.loads(state.read_text())["resources"] == [], "destroy: the state is not empty")
    print("  destroy: describe calls come back empty")


def check_faults(moto, proxy, tmp):
    for program in harness.examples():
        moto.reset()
        proxy.reset()
        proxy.faults = {n for n in range(1, 400) if n % 3 == 0}
        state = tmp / f"faults-{program.stem}.json"
        code, out, err = eclc(apply_args(program, state, proxy.url))
        expect(code == 0, f"faults {program.name}: apply failed: {err.strip()}")
        expect(proxy.faulted > 5 and "retrying" in out, f"faults {program.name}: no retry seen")
        plan, _ = plans.build_plan(ARGS.eclc, program)
        census(plan, moto.url, 1)
        print(f"  {program.name}: {proxy.faulted} faults injected, retried, converged")


def run_on_terminal(args, answer, proxy_url=None):
    """Runs eclc with a pseudo-terminal as stdin and stdout (so it asks, and shows progress), types
    `answer` when the question comes, and returns the exit status and everything it printed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(KEYS)
    env["AWS_CONFIG_FILE"] = env["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    env["TERM"] = "xterm"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    proc = subprocess.Popen([ARGS.eclc] + [str(a) for a in args], stdin=slave, stdout=slave,
                            stderr=slave, env=env, close_fds=True)
    os.close(slave)
    output, asked, deadline = b"", False, time.time() + 300
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every copy of the terminal's other end is closed
                break
            if not chunk:
                break
            output += chunk
            if not asked and b"Only `yes` is accepted" in output:
                os.write(master, answer.encode() + b"\n")
                asked = True
        elif proc.poll() is not None:
            break
    os.close(master)
    code = proc.wait(timeout=60)
    return code, asked, output.decode(errors="replace")


def check_prompt(moto, proxy, tmp):
    program = harness.ROOT / "examples" / "webapp.ecl"
    params = harness.params_of(program)
    moto.reset()
    proxy.reset()
    state = tmp / "prompt.json"
    args = ["apply", program, "--state", state, "--endpoint-url", proxy.url] + params
    # Not a terminal and no --auto-approve: refused before any call.
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(KEYS)
    proc = subprocess.run([ARGS.eclc] + [str(a) for a in args], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, env=env, timeout=120)
    expect(proc.returncode == 2 and "pass --auto-approve" in proc.stderr and proxy.count == 0,
           f"prompt: without a terminal nor --auto-approve: exit {proc.returncode}, "
           f"{proxy.count} calls, {proc.stderr.strip()}")
    # On a terminal, anything but `yes` cancels before any call.
    for answer in ("no", "y", "YES", ""):
        code, asked, out = run_on_terminal(args, answer)
        expect(asked and code == 2 and "cancelled" in out and proxy.count == 0,
               f"prompt: answer {answer!r}: asked {asked}, exit {code}, {proxy.count} calls:\n{out}")
    expect(not state.exists() or json.loads(state.read_text())["resources"] == [],
           "prompt: a cancelled apply wrote resources to the state")
    print("  no terminal: refused; `no`, `y`, `YES`, empty: cancelled, no call made")
    # `yes` applies, and the terminal shows each call in flight on a line rewritten in place.
    # One call at a time, so that each is the one the status line names while it runs.
    code, asked, out = run_on_terminal(args + ["--parallelism", "1"], "yes")
    expect(asked and code == 0 and "Apply complete: " in out,
           f"prompt: answer 'yes': asked {asked}, exit {code}:\n{out[-2000:]}")
    in_flight = re.findall(r"\[(\d+)/(\d+)\] ([a-z0-9-]+:[A-Za-z]+ \S+) \.\.\.", out)
    expect(len(in_flight) >= 10 and "\r\x1b[K" in out,
           f"prompt: no in-flight status line on the terminal:\n{out[-2000:]!r}")
    # Finished lines end the line; a status line is always rewritten (`\r`, erase) instead.
    plan = plans.build_plan(ARGS.eclc, program)[0]
    shown = {call for _, _, call in in_flight}
    missing = [s["id"] for s in plan["steps"]
               if f"{s['service']}:{s['operation']} {s['id']}" not in shown]
    total = len(plan["steps"])
    rewritten = re.search(r"\[\d+/%d\] ec2:CreateSubnet \S+ \.\.\.\r\x1b\[K" % total, out)
    expect(rewritten and not missing,
           f"prompt: calls never shown in flight: {missing}")
    finished = re.findall(r"\[(\d+)/(\d+)\] ([^\r\n]*)\r\n", out)
    expect(len(finished) == len(plan["steps"]) and not any("..." in f[2] for f in finished)
           and [int(f[0]) for f in finished] == list(range(1, len(plan["steps"]) + 1)),
           f"prompt: {len(finished)} finished lines for {len(plan['steps'])} steps")
    census(plan, moto.url, 1)
    print(f"  yes: applied; {len(in_flight)} in-flight status lines, {len(finished)} finished")
    # destroy asks too.
    code, asked, out = run_on_terminal(["destroy", program, "--state", state, "--endpoint-url",
                                        proxy.url] + params, "yes")
    expect(asked and code == 0 and "Destroy complete: " in out,
           f"prompt: destroy 'yes': asked {asked}, exit {code}:\n{out[-2000:]}")
    print("  destroy asked, yes: destroyed")


def first_index(log, predicate, start=0):
    for i in range(start, len(log)):
        if predicate(log[i]):
            return i
    return None


def check_waiters(moto, proxy, tmp):
    program = harness.ROOT / "examples" / "webapp.ecl"
    plan, _ = plans.build_plan(ARGS.eclc, program)
    moto.reset()
    proxy.reset()
    state = tmp / "waiters.json"
    # Creation: the NAT gateways answer `pending` three times; no route names one before it is
    # `available`.
    proxy.stall = {"DescribeNatGateways": 3}
    code, out, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0 and "waiting for NAT gateway" in out,
           f"waiters: apply failed or did not wait (exit {code}): {err.strip()}\n{out}")
    log = proxy.log
    described = [o for o, _, _ in log].count("DescribeNatGateways")
    expect(described >= 5 and proxy.stall["DescribeNatGateways"] == 0,
           f"waiters: {described} DescribeNatGateways calls")
    for i, (op, body, _) in enumerate(log):
        nat = re.search(r"NatGatewayId=(nat-[0-9a-f]+)", body)
        if op == "CreateRoute" and nat:
            ready = first_index(log, lambda e: e[0] == "DescribeNatGateways" and not e[2]
                                and nat[1] in e[1])
            expect(ready is not None and ready < i,
                   f"waiters: a route names {nat[1]} before it is available")
    census(plan, moto.url, 1)
    print(f"  create: {described} DescribeNatGateways, routes only after `available`")
    # Deletion: NAT gateways `deleting` and the service `DRAINING` three times each; the EIPs
    # are released after their NAT gateway is deleted, the cluster after its service drained.
    nats = {e["outputs"]["NatGateway.NatGatewayId"]: e["request"]["AllocationId"]
            for e in json.loads(state.read_text())["resources"]
            if e["operation"] == "CreateNatGateway"}
    proxy.reset()
    proxy.stall = {"DescribeNatGateways": 3, "DescribeServices": 3}
    code, out, err = eclc(apply_args(program, state, proxy.url, command="destroy"))
    expect(code == 0, f"waiters: destroy failed (exit {code}): {err.strip()}")
    log = proxy.log
    for nat, allocation in nats.items():
        deleted = first_index(log, lambda e: e[0] == "DeleteNatGateway" and nat in e[1])
        gone = deleted is not None and first_index(
            log, lambda e: e[0] == "DescribeNatGateways" and not e[2] and nat in e[1], deleted)
        released = first_index(log, lambda e: e[0] == "ReleaseAddress" and allocation in e[1])
        expect(gone is not None and released is not None and gone < released,
               f"waiters: {allocation} released before {nat} was deleted "
               f"(deleted {deleted}, gone {gone}, released {released})")
    drained = first_index(log, lambda e: e[0] == "DescribeServices" and not e[2])
    cluster = first_index(log, lambda e: e[0] == "DeleteCluster")
    expect(proxy.stall == {"DescribeNatGateways": 0, "DescribeServices": 0} and drained
           is not None and cluster is not None and drained < cluster,
           f"waiters: cluster deleted at {cluster} before the service drained at {drained}")
    census(plan, moto.url, 0)
    print("  destroy: EIPs released after their NAT gateway is gone, cluster after its service")
    # A NAT gateway that never becomes available: a clear timeout, and a rerun goes on.
    moto.reset()
    proxy.reset()
    state = tmp / "timeout.json"
    proxy.stall = {"DescribeNatGateways": 10 ** 6}
    code, out, err = eclc(apply_args(program, state, proxy.url) + ["--wait-timeout", "3"])
    expect(code == 1 and re.search(r"timed out after 3 s waiting for NAT gateway nat-\w+ to be "
                                   r"available \(last state: pending\)", err),
           f"waiters: no timeout error (exit {code}): {err.strip()}")
    expect(not any(o == "CreateRoute" and "NatGatewayId" in b for o, b, _ in proxy.log),
           "waiters: a route names a NAT gateway that timed out")
    proxy.reset()
    code, out, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0, f"waiters: the rerun after a timeout failed (exit {code}): {err.strip()}")
    census(plan, moto.url, 1)
    print("  timeout: `timed out after 3 s waiting for NAT gateway ...`; the rerun converges")
    # A security group still used by the network interfaces of stopped tasks: DeleteSecurityGroup
    # is refused with DependencyViolation until they are gone. Made again after pauses, up to
    # --wait-timeout: a clear error, then a rerun that goes on, then nothing left.
    proxy.reset()
    proxy.busy = {"DeleteSecurityGroup": 10 ** 6}
    code, out, err = eclc(apply_args(program, state, proxy.url, command="destroy") +
                          ["--wait-timeout", "2"])
    expect(code == 1 and re.search(r"\(ec2:DeleteSecurityGroup\): still DependencyViolation after "
                                   r"\d+ s", err),
           f"waiters: no DependencyViolation timeout (exit {code}): {err.strip()}")
    proxy.reset()
    proxy.busy = {"DeleteSecurityGroup": 3}
    code, out, err = eclc(apply_args(program, state, proxy.url, command="destroy"))
    expect(code == 0 and "waiting for what still uses it (DependencyViolation)" in out,
           f"waiters: destroy through DependencyViolation failed (exit {code}): {err.strip()}")
    expect(proxy.busy["DeleteSecurityGroup"] == 0, f"waiters: {proxy.busy} refusals left")
    census(plan, moto.url, 0)
    print("  DependencyViolation: made again until it goes through, or a clear timeout")


def check_tags(moto, proxy, tmp):
    moto.reset()
    proxy.reset()
    source = (harness.ROOT / "examples" / "webapp.ecl").read_text()
    program = tmp / "webapp.ecl"
    state = tmp / "tags.json"
    program.write_text(source)
    code, _, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0, f"tags: first apply failed: {err}")
    # A rule's id is recorded; one without it, as an older eclc wrote it, changes its tags by
    # being replaced (its id is not known), once.
    rule_id = "SecurityGroupRules[0].SecurityGroupRuleId"
    written = json.loads(state.read_text())
    rules = [r for r in written["resources"] if r["operation"] == "AuthorizeSecurityGroupIngress"]
    expect(rules and all(r["outputs"].get(rule_id, "").startswith("sgr-") for r in rules),
           f"tags: rule ids not recorded: {[r['outputs'] for r in rules]}")
    old = rules[0]["id"] if rules else None
    for r in rules[:1]:
        r["outputs"].pop(rule_id, None)
    state.write_text(json.dumps(written, indent=2))
    program.write_text(edit(source, 'cost_center = "cc-1042"', 'owner = "ops"'))
    code, out, err = eclc(["plan", program, "--state", state, "--calls"])
    changes = [line.split() for line in out.splitlines() if line.startswith("  ")]
    for words in changes:
        symbol, call, step = words[:3]
        if step == old:
            expect(symbol == "-/+" and call == "ec2:AuthorizeSecurityGroupIngress",
                   f"tags: {step}: {' '.join(words)}")
            continue
        expect(symbol == "~" and call in ("ec2:CreateTags", "ecs:TagResource", "iam:TagRole",
                                          "logs:TagLogGroup", "elbv2:AddTags")
               and " ".join(words[3:]) == "tags +owner=ops, -cost_center",
               f"tags: {step} is not an in-place tag update: {' '.join(words)}")
    expect(len(changes) >= 20 and re.search(r"~\s+ec2:CreateTags\s+main\s+tags", out) and
           re.search(r"~\s+ecs:TagResource\s+prod\.api\s+tags", out),
           f"tags: the plan is\n{out}")
    code, planned, err = eclc(["plan", program, "--state", state])
    expect("\n  ~ vpc main\n      + tags.owner = \"ops\"\n      - tags.cost_center = \"cc-1042\"\n"
           in planned, f"tags: the resource view is\n{planned}")
    code, out, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0, f"tags: apply failed: {err}")
    agree("tags", planned, out)
    c = clients(moto.url, "us-east-1")
    vpc = c["ec2"].describe_vpcs(Filters=[{"Name": "tag:ecl:path", "Values": ["main"]}])["Vpcs"]
    vpc_tags = {t["Key"]: t["Value"] for t in vpc[0]["Tags"]} if len(vpc) == 1 else {}
    expect(vpc_tags.get("owner") == "ops" and "cost_center" not in vpc_tags,
           f"tags: the VPC's tags are {vpc_tags}")
    cluster = c["ecs"].describe_clusters(clusters=["webapp-prod"])["clusters"][0]["clusterArn"]
    cluster_tags = {t["key"]: t["value"] for t in
                    c["ecs"].list_tags_for_resource(resourceArn=cluster)["tags"]}
    expect(cluster_tags.get("owner") == "ops" and "cost_center" not in cluster_tags,
           f"tags: the cluster's tags are {cluster_tags}")
    role = next(e for e in json.loads(state.read_text())["resources"]
                if e["operation"] == "CreateRole")["request"]["RoleName"]
    role_tags = {t["Key"]: t["Value"] for t in c["iam"].list_role_tags(RoleName=role)["Tags"]}
    expect(role_tags.get("owner") == "ops" and "cost_center" not in role_tags,
           f"tags: the role's tags are {role_tags}")
    # Every rule holds the new tags, its id recorded (the one without, replaced, now too).
    written = json.loads(state.read_text())
    ids = [r["outputs"].get(rule_id) for r in written["resources"]
           if r["operation"] == "AuthorizeSecurityGroupIngress"]
    found = c["ec2"].describe_security_group_rules(SecurityGroupRuleIds=ids)["SecurityGroupRules"] \
        if all(ids) else []
    rule_tags = [{t["Key"]: t["Value"] for t in r.get("Tags", [])} for r in found]
    expect(len(found) == len(ids) and all(
               t.get("owner") == "ops" and "cost_center" not in t for t in rule_tags),
           f"tags: the rules {ids} have the tags {rule_tags}")
    census(plans.build_plan(ARGS.eclc, harness.ROOT / "examples" / "webapp.ecl")[0], moto.url, 1)
    code, out, err = eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"tags: after apply the plan is {out}")
    print(f"  {len(changes)} changes, tags updated in place (the rule without its id replaced), "
          "no changes after")


CAPACITY_PROGRAM = """\
param n: int = 1
param ms: bool = false
param tc: int = 100
stack asgd { region = "us-east-1" }
vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a" }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b" }
}
cluster c {
  capacity = [workers]
  ec2_capacity workers {
    instance_type   = "t3.small"
    min             = 1
    max             = 4
    desired         = n
    subnets         = [main.a, main.b]
    managed_scaling = ms
    target_capacity = tc
  }
  // A daemon names no launch type: ECS refuses a capacity provider strategy with DAEMON, so it
  // goes with the EC2 launch type, not the cluster's default provider (a new user's finding).
  service agent {
    task       = agent
    scheduling = daemon
  }
}
task agent {
  network_mode    = bridge
  compatibilities = [ec2]
  container agent {
    image  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1"
    memory = 128MiB
  }
}
"""

REPLACE = re.compile(r"^\s*(-/\+|\+/-|-)\s", re.M)


def in_place(proxy, what, program, state, params, patterns, kept):
    """An edit (`-p` params) planned with --calls as the update calls `patterns` and nothing
    replaced or deleted, applied without a call of `kept` (the deletions it used to make), then
    `No changes.`."""
    options = [w for k, v in params.items() for w in ("-p", f"{k}={v}")]
    code, out, err = eclc(["plan", program, "--state", state, "--calls"] + options)
    for p in patterns:
        expect(re.search(p, out), f"{what}: plan --calls lacks /{p}/:\n{out}{err}")
    expect(not REPLACE.search(out), f"{what}: the plan replaces or deletes:\n{out}")
    proxy.reset()
    code, out, err = eclc(apply_args(program, state, proxy.url) + options)
    expect(code == 0, f"{what}: apply failed: {err}")
    made = {op for op, _, _ in proxy.log}
    expect(not made & set(kept), f"{what}: apply called {sorted(made & set(kept))}")
    code, out, err = eclc(["plan", program, "--state", state] + options)
    expect(out == "No changes.\n", f"{what}: after apply the plan is {out}{err}")


def check_capacity(moto, proxy, tmp):
    """An ec2_capacity's desired count, managed scaling and target capacity change in place
    (UpdateAutoScalingGroup, UpdateCapacityProvider): its Auto Scaling group (and the instances
    in it) and its capacity provider stay. A daemon service of the cluster is created with the
    EC2 launch type and no capacity provider strategy."""
    moto.reset()
    proxy.reset()
    program = tmp / "capacity.ecl"
    program.write_text(CAPACITY_PROGRAM)
    state = tmp / "capacity.json"
    params = {"n": 1}
    code, _, err = eclc(apply_args(program, state, proxy.url) + ["-p", "n=1"])
    expect(code == 0, f"capacity: the first apply failed: {err}")
    c = clients(moto.url, "us-east-1")

    def group():
        groups = c["autoscaling"].describe_auto_scaling_groups()["AutoScalingGroups"]
        return groups[0] if len(groups) == 1 else {"groups": groups}

    def provider():
        name = next(r for r in json.loads(state.read_text())["resources"]
                    if r["id"] == "c.workers")["request"]["name"]
        found = c["ecs"].describe_capacity_providers(capacityProviders=[name])
        return found["capacityProviders"][0] if found["capacityProviders"] else {}

    group_arn, provider_arn = group().get("AutoScalingGroupARN"), provider().get(
        "capacityProviderArn")
    sent = next((json.loads(body) for op, body, _ in proxy.log if op == "CreateService"), {})
    expect(sent.get("launchType") == "EC2" and sent.get("schedulingStrategy") == "DAEMON"
           and "capacityProviderStrategy" not in sent,
           f"capacity: the daemon's CreateService is {sent}")
    agent = c["ecs"].describe_services(cluster=sent.get("cluster", ""),
                                       services=[sent.get("serviceName", "")])["services"]
    expect(len(agent) == 1 and agent[0].get("launchType") == "EC2"
           and not agent[0].get("capacityProviderStrategy"),
           f"capacity: the daemon service is {agent}")
    print("  a daemon: the EC2 launch type, no capacity provider strategy")

    def kept(what):
        expect(group().get("AutoScalingGroupARN") == group_arn and
               provider().get("capacityProviderArn") == provider_arn,
               f"capacity ({what}): the group or provider is not the first one: {group()}, "
               f"{provider()}")

    deletions = ["DeleteAutoScalingGroup", "DeleteCapacityProvider"]
    params["n"] = 2
    in_place(proxy, "capacity (desired)", program, state, params,
             [r"~\s+autoscaling:UpdateAutoScalingGroup\s+c\.workers#auto-scaling-group\s+"
              r"DesiredCapacity 1 -> 2"], deletions)
    expect(group().get("DesiredCapacity") == 2, f"capacity: the group is {group()}")
    kept("desired")
    print("  desired: the group updated in place, the provider kept")
    # Managed scaling, then its target: the provider in place (its group cannot change).
    for what, change, want in (("managed scaling", {"ms": "true"}, ("ENABLED", 100)),
                               ("target capacity", {"tc": 80}, ("ENABLED", 80))):
        params.update(change)
        in_place(proxy, f"capacity ({what})", program, state, params,
                 [r"~\s+ecs:UpdateCapacityProvider\s+c\.workers\s+"
                  r"autoScalingGroupProvider\.managedScaling"], deletions)
        scaling = provider().get("autoScalingGroupProvider", {}).get("managedScaling", {})
        expect((scaling.get("status"), scaling.get("targetCapacity")) == want,
               f"capacity ({what}): managed scaling is {scaling}, not {want}")
        kept(what)
        print(f"  {what}: the provider updated in place")
    # Without `desired`, the group goes back to its minimum (the default), as a new one starts.
    program.write_text(edit(CAPACITY_PROGRAM, "    desired         = n\n", ""))
    in_place(proxy, "capacity (no desired)", program, state, params,
             [r"~\s+autoscaling:UpdateAutoScalingGroup\s+c\.workers#auto-scaling-group\s+"
              r"DesiredCapacity 2 -> 1"], deletions)
    expect(group().get("DesiredCapacity") == 1, f"capacity: the group is {group()}")
    kept("no desired")
    print("  desired taken out: back to the minimum in place")
    code, _, err = eclc(apply_args(program, state, proxy.url, "destroy") +
                        [w for k, v in params.items() for w in ("-p", f"{k}={v}")])
    expect(code == 0 and "groups" in group() and not group()["groups"],
           f"capacity: destroy left {group()}: {err}")


SCALED_PROGRAM = """\
param svc_name: string = "api"
stack sr { region = "us-east-1" }
vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table rt {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
}
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27" }
}
cluster c {
  service api {
    name      = svc_name
    task      = api
    subnets   = [main.a, main.b]
    public_ip = true
    scaling { min = 1  max = 3  cpu = 60 }
  }
}
"""


def check_scaling(moto, proxy, tmp):
    """A renamed scaled service is another scalable target: the new one and its policy are
    registered, the old ones deleted (they were left behind, even by destroy)."""
    moto.reset()
    proxy.reset()
    program = tmp / "scaled.ecl"
    program.write_text(SCALED_PROGRAM)
    state = tmp / "scaled.json"
    code, _, err = eclc(apply_args(program, state, proxy.url) + ["-p", "svc_name=api"])
    expect(code == 0, f"scaling: the first apply failed: {err}")
    aas = clients(moto.url, "us-east-1")["application-autoscaling"]

    def held():
        targets = aas.describe_scalable_targets(ServiceNamespace="ecs")["ScalableTargets"]
        policies = aas.describe_scaling_policies(ServiceNamespace="ecs")["ScalingPolicies"]
        return (sorted(t["ResourceId"] for t in targets),
                sorted((p["ResourceId"], p["PolicyName"]) for p in policies))

    options = ["-p", "svc_name=api2"]
    code, out, err = eclc(["plan", program, "--state", state, "--calls"] + options)
    for p in (r"-/\+\s+application-autoscaling:RegisterScalableTarget\s+\S+\s+a scalable target "
              r"is named by its resource \(ResourceId service/sr-c/api -> service/sr-c/api2\)",
              r"-/\+\s+application-autoscaling:PutScalingPolicy\s+\S+\s+a scaling policy is "
              r"named by its name and target"):
        expect(re.search(p, out), f"scaling: plan --calls lacks /{p}/:\n{out}{err}")
    code, out, err = eclc(apply_args(program, state, proxy.url) + options)
    expect(code == 0, f"scaling: the rename failed: {err}")
    want = (["service/sr-c/api2"], [("service/sr-c/api2", "api2-cpu")])
    expect(held() == want, f"scaling: after the rename moto holds {held()}, not {want}")
    code, out, err = eclc(["plan", program, "--state", state] + options)
    expect(out == "No changes.\n", f"scaling: after the rename the plan is {out}{err}")
    code, out, err = eclc(apply_args(program, state, proxy.url, "destroy") + options)
    expect(code == 0 and held() == ([], []), f"scaling: destroy left {held()}: {err}")
    print("  renamed: the old target and policy deleted, the new ones destroyed")
    check_scaling_metric(moto, proxy, tmp)


# A queue worker scaled on a CloudWatch metric (a `metric` block) of target `backlog_target`.
METRIC_PROGRAM = SCALED_PROGRAM.replace(
    'param svc_name: string = "api"', 'param svc_name: string = "api"\nparam backlog_target: number = 100'
).replace("scaling { min = 1  max = 3  cpu = 60 }", """scaling {
      min = 1
      max = 3
      metric backlog {
        namespace  = "AWS/SQS"
        name       = "ApproximateNumberOfMessagesVisible"
        dimensions = { QueueName = "jobs" }
        statistic  = sum
        unit       = count
        target     = backlog_target
      }
    }""")


def check_scaling_metric(moto, proxy, tmp):
    """A customized metric's policy is put with its metric, dimensions, statistic and unit; a
    changed target is put again in place (no deletion planned); `eclc import aws` reads it back
    as the same `metric` block; destroy deletes it."""
    moto.reset()
    proxy.reset()
    program = tmp / "metric.ecl"
    program.write_text(METRIC_PROGRAM)
    state = tmp / "metric.json"
    code, _, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0, f"scaling metric: the first apply failed: {err}")
    aas = clients(moto.url, "us-east-1")["application-autoscaling"]

    def policies():
        return aas.describe_scaling_policies(ServiceNamespace="ecs")["ScalingPolicies"]

    want = {"MetricName": "ApproximateNumberOfMessagesVisible", "Namespace": "AWS/SQS",
            "Dimensions": [{"Name": "QueueName", "Value": "jobs"}], "Statistic": "Sum",
            "Unit": "Count"}
    held = policies()
    expect([p["PolicyName"] for p in held] == ["api-backlog"],
           f"scaling metric: moto holds the policies {held}")
    config = held[0]["TargetTrackingScalingPolicyConfiguration"] if held else {}
    expect(config.get("CustomizedMetricSpecification") == want and
           config.get("TargetValue") == 100.0 and config.get("ScaleInCooldown") == 300,
           f"scaling metric: the policy holds {config}")

    options = ["-p", "backlog_target=250.5"]
    code, out, err = eclc(["plan", program, "--state", state, "--calls"] + options)
    expect(code == 0 and re.search(r"~\s+application-autoscaling:PutScalingPolicy", out) and
           "-/+" not in out and "Delete" not in out,
           f"scaling metric: a new target is not put again in place:\n{out}{err}")
    code, out, err = eclc(apply_args(program, state, proxy.url) + options)
    expect(code == 0, f"scaling metric: the new target failed: {err}")
    held = policies()
    config = held[0]["TargetTrackingScalingPolicyConfiguration"] if held else {}
    # moto gives a policy put again a new ARN (AWS keeps it): the name is what is compared.
    expect([p["PolicyName"] for p in held] == ["api-backlog"] and config.get("TargetValue") == 250.5
           and config.get("CustomizedMetricSpecification") == want,
           f"scaling metric: after the new target moto holds {held}")
    code, out, err = eclc(["plan", program, "--state", state] + options)
    expect(out == "No changes.\n", f"scaling metric: after the new target the plan is {out}{err}")
    # `eclc import aws` reads the policy back into a `metric` block, which plans no change.
    imported, istate = tmp / "metric_imported.ecl", tmp / "metric_imported.json"
    code, out, err = eclc(["import", "aws", "--cluster", "sr-c", "--region", "us-east-1", "-o",
                           imported, "--state", istate, "--endpoint-url", moto.url])
    text = imported.read_text() if imported.exists() else ""
    expect(code == 0 and re.search(
        r'metric backlog \{\s+namespace\s+= "AWS/SQS"\s+name\s+= "ApproximateNumberOfMessagesVisible"'
        r'\s+dimensions = \{ QueueName = "jobs" \}\s+statistic\s+= sum\s+unit\s+= count\s+'
        r'target\s+= 250.5\s+\}', text), f"scaling metric: import aws wrote\n{text}{err}")
    code, out, err = eclc(["plan", imported, "--state", istate, "--endpoint-url", moto.url])
    expect(out == "No changes.\n", f"scaling metric: the imported program plans {out}{err}")
    istate.unlink(missing_ok=True)
    code, out, err = eclc(apply_args(program, state, proxy.url, "destroy") + options)
    expect(code == 0 and policies() == [], f"scaling metric: destroy left {policies()}: {err}")
    print("  metric: put with its customized metric, its target changed in place, destroyed")


NO_REGION_PROGRAM = """\
// No `stack`, so no region: eclc applies it where the AWS configuration says.
vpc main {
  cidr = "10.1.0.0/16"
  subnet a {
    cidr = "10.1.1.0/24"
    zone = "eu-west-1a"
  }
}
"""


def check_region(moto, proxy, tmp):
    """A program without `stack.region` is applied, diffed and destroyed in the region of the
    AWS configuration (AWS_REGION here), not in the offline plan's us-east-1."""
    moto.reset()
    proxy.reset()
    program = tmp / "noregion.ecl"
    program.write_text(NO_REGION_PROGRAM)
    state = tmp / "region.json"
    keys = dict(KEYS, AWS_REGION="eu-west-1")
    code, out, err = eclc(apply_args(program, state, proxy.url), env_keys=keys)
    expect(code == 0 and " in eu-west-1:" in out, f"region: apply failed or elsewhere: {out}{err}")
    tag = [{"Name": "tag:ecl:path", "Values": ["main.a"]}]
    subnets = clients(moto.url, "eu-west-1")["ec2"].describe_subnets(Filters=tag)["Subnets"]
    expect([s["AvailabilityZone"] for s in subnets] == ["eu-west-1a"],
           f"region: subnets in eu-west-1: {subnets}")
    elsewhere = clients(moto.url, "us-east-1")["ec2"].describe_subnets(Filters=tag)["Subnets"]
    expect(not elsewhere, f"region: subnets in us-east-1: {elsewhere}")
    code, out, err = eclc(["plan", program, "--state", state], env_keys=keys)
    expect(out == "No changes.\n", f"region: the second plan is {out}{err}")
    code, out, err = eclc(apply_args(program, state, proxy.url, "destroy"), env_keys=keys)
    subnets = clients(moto.url, "eu-west-1")["ec2"].describe_subnets(Filters=tag)["Subnets"]
    expect(code == 0 and not subnets, f"region: destroy left {subnets}: {err}")
    print("  applied, unchanged and destroyed in eu-west-1")


def check_target(moto, proxy, tmp):
    """--target: apply only a route table and what it needs, then the rest; destroy one subnet
    and what depends on it; an unknown block is refused before any call."""
    moto.reset()
    proxy.reset()
    program = harness.ROOT / "examples" / "webapp.ecl"
    state = tmp / "target.json"

    def held():
        return {r["block"] for r in json.loads(state.read_text())["resources"]}

    code, out, err = eclc(apply_args(program, state, proxy.url) + ["--target", "prod.apj"])
    expect(code == 2 and "did you mean `prod.api`?" in err and proxy.count == 0,
           f"target: unknown block: exit {code}, {proxy.count} calls: {err}")
    _, planned, _ = eclc(["plan", program, "--state", state, "--target", "main.public"])
    code, out, err = eclc(apply_args(program, state, proxy.url) + ["--target", "main.public"])
    expect(code == 0, f"target: apply failed: {err}")
    expect(agree("target", planned, out) == (6, 0, 0, 0), "target: not 6 resources added")
    expect(held() == {"main", "main.public_a", "main.public_b", "main.igw", "main.public",
                      "main.public.route[0]"}, f"target: the state holds {sorted(held())}")
    code, out, err = eclc(["plan", program, "--state", state, "--target", "main.public",
                           "--detailed-exitcode"])
    expect(code == 0 and out == "No changes.\n", f"target: plan after it: {code} {out}{err}")
    _, planned, _ = eclc(["plan", program, "--state", state])
    code, out, err = eclc(apply_args(program, state, proxy.url))
    expect(code == 0, f"target: the rest: {err}")
    rest = agree("target rest", planned, out)
    blocks = len({s["block"] for s in plans.build_plan(ARGS.eclc, program)[0]["steps"]})
    expect(rest == (blocks - 6, 0, 0, 0), f"target: the rest: {rest}:\n{planned}")
    code, out, err = eclc(apply_args(program, state, proxy.url, "destroy") +
                          ["--target", "main.private_a"])
    # The subnet, the service in it (and so not its cluster or task); the route table that
    # names it stays, without its association.
    expect(code == 0 and counts(SUMMARY, out) == (0, 1, 0, 2) and
           counts(DONE, out, 1) == (0, 1, 0, 2) and "  - service prod.api\n" in out and
           "  ~ route_table main.private_a_routes\n      - #associate.private_a\n" in out,
           f"target: destroy: {out}{err}")
    expect("main.private_a" not in held() and "prod.api" not in held() and "prod" in held() and
           "main.private_a_routes#associate.private_a" not in
           {r["id"] for r in json.loads(state.read_text())["resources"]},
           f"target: after destroy the state holds {sorted(held())}")
    code, out, err = eclc(apply_args(program, state, proxy.url, "destroy"))
    expect(code == 0 and not held(), f"target: destroy the rest: {err}")
    print("  applied a route table and what it needs, then the rest; destroyed a subnet and "
          "its service")


def run_on_moto(check, what):
    """The main of a test of one program: --eclc, a moto_server with AWS's managed policies,
    `check(moto_url, tmp)`, the count of problems; the exit code."""
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    ARGS = parser.parse_args()
    moto = harness.Moto(harness.find_tool("moto_server"), managed_policies=True)
    try:
        moto.wait()
        with tempfile.TemporaryDirectory() as tmp:
            check(moto.url, Path(tmp))
    finally:
        moto.stop()
    print(f"{what} tests: {len(PROBLEMS)} problems")
    return 1 if PROBLEMS else 0


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    parser.add_argument("--only", help="parts, separated by commas: signing, examples, crash, "
                                       "replaced, moved, changes, faults, prompt, waiters, tags, "
                                       "region, target, capacity, scaling")
    ARGS = parser.parse_args()
    moto_server = harness.find_tool("moto_server")
    parts = ["signing", "examples", "crash", "replaced", "moved", "changes", "faults", "prompt",
             "waiters", "tags", "region", "target", "capacity", "scaling"]
    if ARGS.only:
        parts = ARGS.only.split(",")
    if "signing" in parts:
        check_signing(moto_server)
        parts.remove("signing")
    if not parts:
        return 1 if PROBLEMS else 0
    moto = harness.Moto(moto_server, managed_policies=True)
    proxy = Proxy(moto.url)
    try:
        moto.wait()
        with tempfile.TemporaryDirectory() as tmp:
            for part in parts:
                print(f"{part}:")
                globals()[f"check_{part}"](moto, proxy, Path(tmp))
    finally:
        proxy.stop()
        moto.stop()
    print(f"apply tests: {len(PROBLEMS)} problems")
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
