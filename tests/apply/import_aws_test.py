#!/usr/bin/env python3
"""`eclc import aws` on moto_server (issue #19): adoption without recreation.

tests/apply/import_aws/stack.ecl (a VPC of public and private subnets, an internet gateway, a NAT
gateway, route tables, an S3 gateway endpoint, a load balancer, security groups naming each
other, a task role, a Fargate cluster of two services) is applied; program and state are thrown away; then
- `eclc import aws --cluster NAME -o P --state S` writes a program and a state;
- the program checks and is formatted; `eclc plan P --state S` (refreshed) says `No changes.`,
  and `--detailed-exitcode` exits 0;
- `eclc destroy P --state S` deletes everything, which botocore then no longer finds.
Then a VPC alone (`--vpc ID`, a second VPC applied from the same program's network) is imported,
planned (no changes) and destroyed the same way; and the command refuses to overwrite a state.
Then a stack made with botocore, not by eclc (see `legacy`), the same way. Last, one of two
clusters sharing a VPC is imported with a warning (W0023) for each service of the other.
The test fails, not skips, when moto_server or botocore is missing.
Usage: import_aws_test.py --eclc PATH"""

import json
import re
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import harness  # noqa: E402
import apply_test  # noqa: E402  (the environment eclc runs in, clients, main, the problem list)
from apply_test import expect  # noqa: E402

PROGRAM = Path(__file__).resolve().parent / "import_aws" / "stack.ecl"
ENV = dict(apply_test.eclc_env(), AWS_DEFAULT_REGION="us-east-1", AWS_MAX_ATTEMPTS="1")


def run(url, tmp):
    def eclc(*words):
        proc = subprocess.run([apply_test.ARGS.eclc, *map(str, words)], capture_output=True,
                              text=True, env=ENV, timeout=600)
        return proc.returncode, proc.stdout, proc.stderr

    aws = apply_test.clients(url, "us-east-1")

    # The stack, applied; then program and state thrown away.
    program = tmp / "shop.ecl"
    program.write_text(PROGRAM.read_text())
    state = tmp / "shop.state.json"
    code, out, err = eclc("apply", program, "--state", state, "--endpoint-url", url,
                          "--auto-approve")
    if code != 0:
        harness.fail(f"apply: exit {code}\n{out}{err}")
    applied = json.loads(state.read_text())
    made = what_made(applied)
    program.unlink()
    state.unlink()

    # Imported from the cluster.
    imported, istate = tmp / "imported.ecl", tmp / "imported.state.json"
    code, out, err = eclc("import", "aws", "--cluster", "shop-main", "-o", imported,
                          "--endpoint-url", url)
    if code != 0:
        harness.fail(f"import aws --cluster: exit {code}\n{out}{err}")
    expect(istate.exists(), "the state is not written beside the program")
    expect(oct(istate.stat().st_mode & 0o777) == "0o600",
           f"the state's mode is {oct(istate.stat().st_mode & 0o777)}, not 0600")
    text = imported.read_text()
    code, out, err = eclc("fmt", "--check", imported)
    expect(code == 0, f"the imported program is not formatted:\n{out}{err}")
    code, out, err = eclc("check", imported)
    expect(code == 0, f"the imported program does not check:\n{out}{err}\n{text}")
    code, out, err = eclc("plan", imported, "--state", istate, "--endpoint-url", url)
    expect(code == 0 and out.strip() == "No changes.",
           f"plan after import is not `No changes.`:\n{out}{err}\n{text}")
    code, out, err = eclc("plan", imported, "--state", istate, "--endpoint-url", url,
                          "--detailed-exitcode")
    expect(code == 0, f"plan --detailed-exitcode after import: exit {code}\n{out}{err}")

    # An apply from the imported state has nothing to do.
    code, out, err = eclc("apply", imported, "--state", istate, "--endpoint-url", url,
                          "--auto-approve")
    expect(code == 0 and "No changes." in out,
           f"apply after import is not `No changes.`: exit {code}\n{out}{err}")

    # The state is one a refresh reads: a change made outside eclc is drift.
    aws["ecs"].update_service(cluster="shop-main", service="web", desiredCount=1)
    code, out, err = eclc("plan", imported, "--state", istate, "--endpoint-url", url)
    expect("~ service main.web  (changed outside eclc: desiredCount 2 -> 1)" in out,
           f"the imported state does not see a service scaled outside eclc:\n{out}{err}")
    aws["ecs"].update_service(cluster="shop-main", service="web", desiredCount=2)

    # The same AWS ids as the apply recorded, and what the program keeps of the source.
    adopted = json.loads(istate.read_text())
    ids = set(what_made(adopted).values())
    lost = sorted(step for step, resource in made.items() if resource not in ids)
    expect(not lost, f"the import's state does not hold what apply made for {lost}")
    for fragment in ('cidr = "10.40.0.0/16"', 'zone = "us-east-1b"', "public = true",
                     "target = nat", "route_tables = [private]", "from = web",
                     'image = "public.ecr.aws/nginx/nginx:1.27"', "desired = 2",
                     "public_ip = true", 'team = "web"', "task_role = api",
                     'managed_policies = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]',
                     "effect = deny", 'variable = "aws:RequestedRegion"',
                     "forward = site", 'paths = ["/admin/*"]', "idle_timeout = 120s",
                     "deregistration_delay = 30s", 'matcher = "200-299"',
                     'load_balancers = [{ target_group = net.site, container = "web", port = 80 }]'):
        name, value = fragment.split(" = ", 1)
        expect(re.search(rf"\b{name}\s+= {re.escape(value)}(?!\w)", text),
               f"the imported program lacks `{fragment}`:\n{text}")

    expect("ssl_policy" not in text, f"a plain HTTP listener got an SSL policy:\n{text}")

    # A second import does not overwrite the state.
    code, out, err = eclc("import", "aws", "--cluster", "shop-main", "-o", imported,
                          "--endpoint-url", url)
    expect(code == 2 and "exists" in err, f"a second import overwrote the state: {code} {err}")
    # A state or a program that cannot be written: the path named, and nothing written.
    lone, lone_state = tmp / "lone.ecl", tmp / "lone.state.json"
    code, out, err = eclc("import", "aws", "--cluster", "shop-main", "-o", lone,
                          "--state", tmp / "no-such-dir" / "s.json", "--endpoint-url", url)
    expect(code == 2 and "no-such-dir/s.json" in err and not lone.exists(),
           f"an unwritable state: exit {code}, program written: {lone.exists()}: {err}")
    code, out, err = eclc("import", "aws", "--cluster", "shop-main", "-o",
                          tmp / "no-such-dir" / "p.ecl", "--state", lone_state,
                          "--endpoint-url", url)
    expect(code == 2 and "nothing was written" in err and not lone_state.exists(),
           f"an unwritable program: exit {code}, state written: {lone_state.exists()}: {err}")

    # Destroyed from the imported state: nothing is left.
    code, out, err = eclc("destroy", imported, "--state", istate, "--endpoint-url", url,
                          "--auto-approve")
    expect(code == 0, f"destroy of the imported state: exit {code}\n{out}{err}")
    left = remaining(aws, made)
    expect(not left, f"destroy of the imported state left {left}")

    # A VPC alone.
    vpc_program = tmp / "edge.ecl"
    vpc_text = PROGRAM.read_text()
    vpc_text = vpc_text[:vpc_text.index("task web")]
    vpc_program.write_text(vpc_text.replace("stack shop", "stack edge"))
    vstate = tmp / "edge.state.json"
    code, out, err = eclc("apply", vpc_program, "--state", vstate, "--endpoint-url", url,
                          "--auto-approve")
    if code != 0:
        harness.fail(f"apply of the VPC: exit {code}\n{out}{err}")
    vmade = what_made(json.loads(vstate.read_text()))
    expect("net" in vmade, f"the VPC's apply made no VPC: {vmade}\n{out}{err}")
    vpc_program.unlink()
    vstate.unlink()
    vimported, vistate = tmp / "vpc.ecl", tmp / "vpc.state.json"
    code, out, err = eclc("import", "aws", "--vpc", vmade["net"], "-o", vimported, "--state",
                          vistate, "--endpoint-url", url)
    if code != 0:
        harness.fail(f"import aws --vpc: exit {code}\n{out}{err}")
    vtext = vimported.read_text()
    expect("stack edge {" in vtext and not re.search(r"\bname\s+=", vtext),
           f"the VPC's stack is not found again from its security groups' names:\n{vtext}")
    code, out, err = eclc("plan", vimported, "--state", vistate, "--endpoint-url", url,
                          "--detailed-exitcode")
    expect(code == 0 and out.strip() == "No changes.",
           f"plan after import --vpc: exit {code}\n{out}{err}\n{vimported.read_text()}")
    code, out, err = eclc("destroy", vimported, "--state", vistate, "--endpoint-url", url,
                          "--auto-approve")
    expect(code == 0, f"destroy of the imported VPC: exit {code}\n{out}{err}")
    left = remaining(aws, vmade)
    expect(not left, f"destroy of the imported VPC left {left}")

    legacy(aws, eclc, url, tmp)
    shared_vpc(eclc, url, tmp)


def shared_vpc(eclc, url, tmp):
    """Two clusters in one VPC (examples/environments: staging and prod): importing one warns,
    W0023 for each service of the other, that the program owns the VPC they run in."""
    program = harness.ROOT / "examples" / "environments"
    state = tmp / "environments.state.json"
    code, out, err = eclc("apply", program, "--state", state, "--endpoint-url", url,
                          "--auto-approve")
    expect(code == 0, f"shared VPC: apply of examples/environments: {code} {err}")
    code, out, err = eclc("import", "aws", "--cluster", "shop-prod-apps", "--endpoint-url", url,
                          "-o", tmp / "prod.ecl", "--state", tmp / "prod.state.json",
                          "--color", "never")
    warned = sorted(re.findall(r"W0023\]: service `([\w/-]+)`", err))
    expect(code == 0 and warned == ["shop-staging-apps/staging-api-svc",
                                    "shop-staging-apps/staging-web-svc",
                                    "shop-staging-apps/staging-worker-svc"],
           f"shared VPC: import of one cluster warned of {warned}: {code} {err}")
    code, out, err = eclc("destroy", program, "--state", state, "--endpoint-url", url,
                          "--auto-approve")
    expect(code == 0, f"shared VPC: destroy: {code} {err}")


GONE_ROLE = "arn:aws:iam::123456789012:role/deleted-task-role"
# The legacy cluster's default Service Connect namespace, made with it (moto keeps the name).
NAMESPACE = "legacy.local"


def legacy(aws, eclc, url, tmp):
    """A stack no eclc made, made with botocore: names that are not identifiers, an execution
    role shared with other stacks (ecsTaskExecutionRole: made elsewhere, referred to by its ARN,
    left by destroy), a log group of its own name and retention, a Fargate service by launch
    type, a cluster without capacity providers, and an IPv6 rule ECL cannot express (a TODO and
    W0017)."""
    ec2, ecs, iam, logs = aws["ec2"], aws["ecs"], aws["iam"], aws["logs"]
    tag = [{"Key": "Name", "Value": "legacy"}, {"Key": "owner", "Value": "ops"}]
    vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16", TagSpecifications=[
        {"ResourceType": "vpc", "Tags": tag}])["Vpc"]["VpcId"]
    subnets = []
    for i, zone in enumerate(("us-east-1a", "us-east-1b")):
        subnets.append(ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.60.{i + 1}.0/24",
                                         AvailabilityZone=zone, TagSpecifications=[{
                                             "ResourceType": "subnet",
                                             "Tags": [{"Key": "Name", "Value": f"app-{i}"},
                                                      {"Key": "owner", "Value": "ops"}]}])[
            "Subnet"]["SubnetId"])
    group = ec2.create_security_group(VpcId=vpc, GroupName="legacy-app",
                                      Description="legacy app")["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 8000, "ToPort": 8000,
         "IpRanges": [{"CidrIp": "10.60.0.0/16", "Description": "from the VPC"}]},
        {"IpProtocol": "tcp", "FromPort": 8443, "ToPort": 8443,
         "Ipv6Ranges": [{"CidrIpv6": "::/0"}]}])
    role = iam.create_role(RoleName="ecsTaskExecutionRole", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                "Principal": {"Service": "ecs-tasks.amazonaws.com"}}]
    }))["Role"]["Arn"]
    logs.create_log_group(logGroupName="/legacy/app")
    logs.put_retention_policy(logGroupName="/legacy/app", retentionInDays=7)
    ecs.create_cluster(clusterName="legacy", serviceConnectDefaults={"namespace": NAMESPACE})
    task = ecs.register_task_definition(
        family="legacy-app", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256",
        memory="512", executionRoleArn=role, taskRoleArn=GONE_ROLE, containerDefinitions=[{
            "name": "app", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": True,
            "portMappings": [{"containerPort": 8000, "protocol": "tcp"}],
            "logConfiguration": {"logDriver": "awslogs", "options": {
                "awslogs-group": "/legacy/app", "awslogs-region": "us-east-1",
                "awslogs-stream-prefix": "app"}}}])["taskDefinition"]["taskDefinitionArn"]
    service = ecs.create_service(
        cluster="legacy", serviceName="legacy-app", taskDefinition=task, desiredCount=1,
        launchType="FARGATE", networkConfiguration={"awsvpcConfiguration": {
            "subnets": subnets, "securityGroups": [group], "assignPublicIp": "DISABLED"}})[
        "service"]["serviceArn"]

    program, state = tmp / "legacy.ecl", tmp / "legacy.state.json"
    code, out, err = eclc("import", "aws", "--cluster", "legacy", "-o", program, "--endpoint-url",
                          url)
    if code != 0:
        harness.fail(f"import aws --cluster legacy: exit {code}\n{out}{err}")
    text = program.read_text()
    expect("W0017" in err and "::/0" in err and "TODO" in text,
           f"the IPv6 rule is not a TODO with W0017:\n{err}\n{text}")
    # The cluster's default Service Connect namespace: Cloud Map is not imported, so a TODO
    # (it was dropped silently).
    expect(f"namespace `{NAMESPACE}`" in err and f"`{NAMESPACE}`" in text,
           f"the cluster's Service Connect namespace is not a TODO with W0017:\n{err}\n{text}")
    # A task role that does not exist is named by its ARN, with a TODO (it used to abort).
    expect(f"the role `{GONE_ROLE}`" in err and "NoSuchEntity" in text,
           f"the missing task role is not a TODO with W0017:\n{err}\n{text}")
    for fragment in (f'execution_role = "{role}"', f'task_role = "{GONE_ROLE}"', 'name = "legacy-app"',
                     'family = "legacy-app"', 'name = "/legacy/app"', "retention = 7",
                     'stream_prefix = "app"', "launch_type = fargate", 'owner = "ops"',
                     'description = "from the VPC"'):
        name, value = fragment.split(" = ", 1)
        expect(re.search(rf"\b{name}\s+= {re.escape(value)}(?!\w)", text),
               f"the imported legacy program lacks `{fragment}`:\n{text}")
    code, out, err = eclc("check", program)
    expect(code == 0, f"the imported legacy program does not check:\n{out}{err}\n{text}")
    code, out, err = eclc("plan", program, "--state", state, "--endpoint-url", url,
                          "--detailed-exitcode")
    expect(code == 0 and out.strip() == "No changes.",
           f"plan after the legacy import: exit {code}\n{out}{err}\n{text}")
    made = {"vpc": vpc, "subnet0": subnets[0], "subnet1": subnets[1], "group": group,
            "task": task, "service": service,
            "cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/legacy"}
    code, out, err = eclc("destroy", program, "--state", state, "--endpoint-url", url,
                          "--auto-approve")
    expect(code == 0, f"destroy of the legacy import: exit {code}\n{out}{err}")
    left = remaining(aws, made)
    expect(not left, f"destroy of the legacy import left {left}")
    expect(remaining(aws, {"role": role}), "destroy deleted the shared role made elsewhere")
    groups = logs.describe_log_groups(logGroupNamePrefix="/legacy/app")["logGroups"]
    expect(not groups, f"destroy left the log group: {groups}")


def what_made(state):
    """Step id -> the AWS id (or ARN) of what it made: its `resource`, an Elastic IP's allocation."""
    out = {}
    for e in state["resources"]:
        resource = e.get("resource") or e["outputs"].get("AllocationId")
        if resource:
            out[e["id"]] = resource
    return out


def remaining(aws, made):
    """What of `made` (step id -> AWS id) botocore still finds."""
    ec2, ecs = aws["ec2"], aws["ecs"]
    left = []
    for step, resource in made.items():
        kind = re.match(r"[a-z]+", resource)
        prefix = kind.group(0) if kind else ""
        try:
            if prefix == "vpc":
                found = ec2.describe_vpcs(Filters=[{"Name": "vpc-id", "Values": [resource]}])["Vpcs"]
            elif prefix == "subnet":
                found = ec2.describe_subnets(
                    Filters=[{"Name": "subnet-id", "Values": [resource]}])["Subnets"]
            elif prefix == "igw":
                found = ec2.describe_internet_gateways(
                    Filters=[{"Name": "internet-gateway-id", "Values": [resource]}])[
                        "InternetGateways"]
            elif prefix == "nat":
                found = [n for n in ec2.describe_nat_gateways(NatGatewayIds=[resource])[
                    "NatGateways"] if n["State"] not in ("deleted", "deleting")]
            elif prefix == "eipalloc":
                found = ec2.describe_addresses(
                    Filters=[{"Name": "allocation-id", "Values": [resource]}])["Addresses"]
            elif prefix == "rtb":
                found = ec2.describe_route_tables(
                    Filters=[{"Name": "route-table-id", "Values": [resource]}])["RouteTables"]
            elif prefix == "vpce":
                found = [e for e in ec2.describe_vpc_endpoints()["VpcEndpoints"]
                         if e["VpcEndpointId"] == resource and e["State"].lower() != "deleted"]
            elif prefix == "sg":
                found = ec2.describe_security_groups(
                    Filters=[{"Name": "group-id", "Values": [resource]}])["SecurityGroups"]
            elif resource.startswith("arn:aws:ecs") and ":cluster/" in resource:
                found = [c for c in ecs.describe_clusters(clusters=[resource])["clusters"]
                         if c["status"] == "ACTIVE"]
            elif resource.startswith("arn:aws:ecs") and ":service/" in resource:
                cluster = resource.split("/")[-2]
                found = [s for s in ecs.describe_services(cluster=cluster, services=[resource])[
                    "services"] if s["status"] == "ACTIVE"]
            elif resource.startswith("arn:aws:ecs") and ":task-definition/" in resource:
                found = [t for t in [ecs.describe_task_definition(taskDefinition=resource)[
                    "taskDefinition"]] if t["status"] == "ACTIVE"]
            elif resource.startswith("arn:aws:iam"):
                try:
                    found = [aws["iam"].get_role(RoleName=resource.split("/")[-1])["Role"]]
                except aws["iam"].exceptions.NoSuchEntityException:
                    found = []
            else:
                continue
        except Exception as e:  # a describe call refusing an id it no longer knows: gone
            if "NotFound" in str(e) or "ClusterNotFound" in str(e):
                found = []
            else:
                raise
        if found:
            left.append(f"{step} ({resource})")
    return left


if __name__ == "__main__":
    sys.exit(apply_test.run_on_moto(run, "import aws"))
