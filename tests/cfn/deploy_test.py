#!/usr/bin/env python3
"""Each example's template deploys on moto_server: `aws cloudformation create-stack` reaches
CREATE_COMPLETE, and EC2 and ECS then show what the source declared (subnet CIDRs and zones,
cluster names, services and task definitions as far as moto keeps them).

moto_server runs on 127.0.0.1 on a free port for the whole test and is stopped at the end, even on
failure. moto implements part of CloudFormation: resource types it does not know (capacity
providers, their associations, security group egress resources) are skipped, and many ECS
properties are dropped, so the checks stay to what it keeps."""

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import botocore.config
import botocore.exceptions
import botocore.session

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import harness  # noqa: E402

STACK_TIMEOUT = 60  # seconds for one stack to settle; moto creates stacks synchronously


class Aws:
    """botocore clients of moto, one per service: the aws CLI's own library, called in process
    (a few hundred CLI runs cost a second of CPU each, most of this test's time beside the others)."""

    def __init__(self, url, region):
        self.url = url
        self.region = region
        self.session = botocore.session.get_session()
        self.clients = {}

    def __call__(self, service, operation, **params):
        if service not in self.clients:
            self.clients[service] = self.session.create_client(
                service, region_name=self.region, endpoint_url=self.url,
                aws_access_key_id="testing", aws_secret_access_key="testing",
                aws_session_token="testing",
                config=botocore.config.Config(retries={"total_max_attempts": 1}))
        try:
            return getattr(self.clients[service], operation)(**params)
        except botocore.exceptions.ClientError as e:
            raise RuntimeError(f"{service} {operation} failed: {e}") from None


def zone_of(value, region, aws):
    """The zone a template names: "us-east-1a", {"Fn::Sub": "${AWS::Region}a"}, or the region's
    zone chosen at deployment, {"Fn::Select": [i, {"Fn::GetAZs": ""}]}, as EC2 lists them."""
    if isinstance(value, dict) and "Fn::Sub" in value:
        return value["Fn::Sub"].replace("${AWS::Region}", region)
    if isinstance(value, dict) and "Fn::Select" in value:
        index, listed = value["Fn::Select"]
        if listed != {"Fn::GetAZs": ""}:
            return f"unexpected {value}"
        zones = aws("ec2", "describe_availability_zones",
                    Filters=[{"Name": "zone-type", "Values": ["availability-zone"]}])[
                        "AvailabilityZones"]
        return sorted(z["ZoneName"] for z in zones)[index]
    return value


def check_example(url, eclc, program, tmp):
    name = program.relative_to(harness.ROOT)
    problems = []
    template_path = Path(tmp) / f"{program.stem}.json"
    ok, log = harness.compile_program(eclc, program, template_path)
    if not ok:
        return [f"{name} does not compile:\n{log}"]
    template = json.loads(template_path.read_text())
    region = harness.stack_region(program)
    aws = Aws(url, region)
    stack = "ecl-" + re.sub(r"[^A-Za-z0-9-]", "-", program.stem)

    aws("cloudformation", "create_stack", StackName=stack, TemplateBody=template_path.read_text(),
        Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
    deadline = time.time() + STACK_TIMEOUT
    status = ""
    while time.time() < deadline:
        status = aws("cloudformation", "describe_stacks", StackName=stack)["Stacks"][0]["StackStatus"]
        if not status.endswith("IN_PROGRESS"):
            break
        time.sleep(0.5)
    if status != "CREATE_COMPLETE":
        events = aws("cloudformation", "describe_stack_events", StackName=stack)
        reasons = [f"  {e.get('LogicalResourceId')}: {e.get('ResourceStatus')} "
                   f"{e.get('ResourceStatusReason', '')}" for e in events.get("StackEvents", [])]
        return [f"{name}: stack {stack} is {status}, not CREATE_COMPLETE\n" + "\n".join(reasons)]

    # moto lists the resource types it skipped as entries without an ID.
    physical = {r["LogicalResourceId"]: r.get("PhysicalResourceId")
                for r in aws("cloudformation", "describe_stack_resources",
                             StackName=stack)["StackResources"]
                if r.get("LogicalResourceId")}
    resources = template["Resources"]

    def of_type(t):
        return [(k, v.get("Properties", {})) for k, v in resources.items() if v["Type"] == t]

    # Subnets: the declared CIDR and zone.
    subnets = of_type("AWS::EC2::Subnet")
    for logical, props in subnets:
        sid = physical.get(logical)
        if not sid:
            problems.append(f"{name}: subnet {logical} was not created")
            continue
        got = aws("ec2", "describe_subnets", SubnetIds=[sid])["Subnets"][0]
        want_zone = zone_of(props["AvailabilityZone"], region, aws)
        if got["CidrBlock"] != props["CidrBlock"] or got["AvailabilityZone"] != want_zone:
            problems.append(f"{name}: subnet {logical} is {got['CidrBlock']} in "
                            f"{got['AvailabilityZone']}, declared {props['CidrBlock']} in "
                            f"{want_zone}")
        # (moto's CloudFormation ignores MapPublicIpOnLaunch: not compared.)
    if not subnets and of_type("AWS::EC2::VPC"):
        problems.append(f"{name}: the example declares no subnet")

    # Log groups: the declared names and retention.
    for logical, props in of_type("AWS::Logs::LogGroup"):
        group = props.get("LogGroupName")
        got = [g for g in aws("logs", "describe_log_groups", logGroupNamePrefix=group)["logGroups"]
               if g["logGroupName"] == group]
        if len(got) != 1 or got[0].get("retentionInDays") != props.get("RetentionInDays"):
            problems.append(f"{name}: log group {logical} is {got}, declared {group} kept "
                            f"{props.get('RetentionInDays')} days")

    # VPCs: the declared CIDR.
    for logical, props in of_type("AWS::EC2::VPC"):
        got = aws("ec2", "describe_vpcs", VpcIds=[physical[logical]])["Vpcs"][0]
        if got["CidrBlock"] != props["CidrBlock"]:
            problems.append(f"{name}: vpc {logical} is {got['CidrBlock']}, declared "
                            f"{props['CidrBlock']}")

    # Clusters: the declared names, and the services in them.
    for logical, props in of_type("AWS::ECS::Cluster"):
        got = aws("ecs", "describe_clusters", clusters=[physical[logical]])["clusters"]
        if not got or got[0]["clusterName"] != props["ClusterName"]:
            problems.append(f"{name}: cluster {logical} is not named {props['ClusterName']}")
            continue
        want_services = sorted(p["ServiceName"] for _, p in of_type("AWS::ECS::Service")
                               if p["Cluster"] == {"Ref": logical})
        arns = aws("ecs", "list_services", cluster=props["ClusterName"])["serviceArns"]
        got_services = sorted(a.rsplit("/", 1)[-1] for a in arns)
        if got_services != want_services:
            problems.append(f"{name}: cluster {props['ClusterName']} runs {got_services}, "
                            f"declared {want_services}")
            continue
        if not arns:
            continue
        described = aws("ecs", "describe_services", cluster=props["ClusterName"],
                        services=arns)["services"]
        desired = {p["ServiceName"]: p.get("DesiredCount") for _, p in of_type("AWS::ECS::Service")
                   if p["Cluster"] == {"Ref": logical}}
        for service in described:
            want = desired.get(service["serviceName"])
            if want is not None and service.get("desiredCount") != want:
                problems.append(f"{name}: service {service['serviceName']} wants "
                                f"{service.get('desiredCount')} tasks, declared {want}")

    # Task definitions: family and container names.
    for logical, props in of_type("AWS::ECS::TaskDefinition"):
        got = aws("ecs", "describe_task_definition",
                  taskDefinition=physical[logical])["taskDefinition"]
        want = [(c["Name"], c["Image"]) for c in props["ContainerDefinitions"]]
        names = [(c["name"], c.get("image")) for c in got["containerDefinitions"]]
        if got["family"] != props["Family"] or names != want:
            problems.append(f"{name}: task definition {logical} is {got['family']} {names}, "
                            f"declared {props['Family']} {want}")

    print(f"{name}: {stack} CREATE_COMPLETE in {region}; {len(subnets)} subnets, "
          f"{len(of_type('AWS::ECS::Cluster'))} clusters, "
          f"{len(of_type('AWS::ECS::Service'))} services checked")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    args = parser.parse_args()
    moto_server = harness.find_tool("moto_server")
    examples = harness.moto_programs()
    if not examples:
        harness.fail("no example to deploy")

    moto = harness.Moto(moto_server)
    problems = []
    try:
        moto.wait()
        with tempfile.TemporaryDirectory() as tmp:
            for program in examples:
                try:
                    problems += check_example(moto.url, args.eclc, program, tmp)
                except (RuntimeError, KeyError, IndexError, ValueError) as e:
                    problems.append(f"{program.relative_to(harness.ROOT)}: {e!r}")
    finally:
        moto.stop()
    return harness.report(problems,
                          f"moto deploy: {len(examples)} examples, {len(problems)} problems")


if __name__ == "__main__":
    sys.exit(main())
