#!/usr/bin/env python3
"""Every example's plan runs against moto_server: a test-side executor makes each call in order
through botocore clients, filling placeholders from earlier responses; every call must succeed.
Describe calls then read back what the source declared: VPC CIDRs and DNS settings, subnet CIDRs,
zones and public IPs, task definitions' CPU, memory, containers, images and ports, services'
desired count, launch type or capacity strategy and network configuration.

moto_server runs on 127.0.0.1 on a free port, with AWS's managed policies loaded (the generated
roles attach them), and is stopped at the end, even on failure. moto is reset between examples."""

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import plans  # noqa: E402
import harness  # noqa: E402

try:
    import botocore.session
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError
except ImportError as e:
    harness.fail(f"{e.name} is missing; install it (pip install botocore)")


def moto_task_memory(params):
    """moto (5.x) rejects an EC2 task without task-level memory whose container sets only
    `memoryReservation`, which ECS accepts ("If a task-level memory value is not specified, you
    must specify a non-zero integer for one or both of memory or memoryReservation"). For moto
    only, such a container also gets `memory` equal to its reservation; the read-back still
    compares the reservation the plan declared."""
    if "EC2" not in params.get("requiresCompatibilities", []) or params.get("memory"):
        return params
    containers = []
    for c in params["containerDefinitions"]:
        if "memory" not in c and "memoryReservation" in c:
            c = dict(c, memory=c["memoryReservation"])
            MOTO_QUIRKS.append(f"{params['family']}: container {c['name']}")
        containers.append(c)
    return dict(params, containerDefinitions=containers)


MOTO_QUIRKS = []


class Executor:
    """Runs a plan's steps in order; `responses` maps step ids to what each call returned."""

    def __init__(self, url, region):
        self.session = botocore.session.get_session()
        self.session.set_credentials("testing", "testing", "testing")
        self.url = url
        self.region = region
        self.clients = {}
        self.responses = {}

    def client(self, service):
        if service not in self.clients:
            self.clients[service] = self.session.create_client(
                service, region_name=self.region, endpoint_url=self.url,
                config=Config(retries={"max_attempts": 1}))
        return self.clients[service]

    def call(self, service, operation, params):
        client = self.client(service)
        if (service, operation) == ("ecs", "RegisterTaskDefinition"):
            params = moto_task_memory(params)
        method = getattr(client, client.meta.method_to_api_mapping and
                         {v: k for k, v in client.meta.method_to_api_mapping.items()}[operation])
        response = method(**params)
        response.pop("ResponseMetadata", None)
        return response

    def run(self, plan):
        ids = {s["id"] for s in plan["steps"]}
        for step in plan["steps"]:
            for dep in step["depends_on"]:
                if dep not in self.responses:
                    raise RuntimeError(f"{step['id']} runs before {dep}")
            params = plans.fill(step["params"], self.responses, ids)
            try:
                self.responses[step["id"]] = self.call(step["service"], step["operation"], params)
            except (ClientError, BotoCoreError) as e:
                raise RuntimeError(f"step {step['id']} ({step['service']}:{step['operation']}) "
                                   f"failed: {e}") from e
            for name, path in step["produces"].items():
                try:
                    plans.response_value(self.responses[step["id"]], path)
                except (KeyError, IndexError, TypeError):
                    raise RuntimeError(f"step {step['id']}: the response has no `{path}` "
                                       f"({name})")


def check_example(moto, program):
    name = program.relative_to(harness.ROOT)
    plan, log = plans.build_plan(ARGS.eclc, program)
    if plan is None:
        return [f"{name}: eclc plan failed:\n{log}"]
    moto.reset()
    ex = Executor(moto.url, plan["region"])
    ex.run(plan)
    problems = []
    ids = {s["id"] for s in plan["steps"]}

    def expect(cond, message):
        if not cond:
            problems.append(f"{name}: {message}")

    def steps(operation):
        return [s for s in plan["steps"] if s["operation"] == operation]

    def filled(step):
        return plans.fill(step["params"], ex.responses, ids)

    ec2, ecs = ex.client("ec2"), ex.client("ecs")
    for step in steps("CreateVpc"):
        vpc_id = ex.responses[step["id"]]["Vpc"]["VpcId"]
        got = ec2.describe_vpcs(VpcIds=[vpc_id])["Vpcs"][0]
        expect(got["CidrBlock"] == step["params"]["CidrBlock"],
               f"vpc {step['id']} is {got['CidrBlock']}")
        hostnames = any(s["block"] == step["block"] and "EnableDnsHostnames" in s["params"]
                        for s in steps("ModifyVpcAttribute"))
        attr = ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableDnsHostnames")
        expect(attr["EnableDnsHostnames"]["Value"] == hostnames,
               f"vpc {step['id']}: DNS hostnames {attr['EnableDnsHostnames']['Value']}")
    subnets = steps("CreateSubnet")
    expect(subnets, "the example declares no subnet")
    public = {s["block"] for s in steps("ModifySubnetAttribute")}
    for step in subnets:
        got = ec2.describe_subnets(SubnetIds=[ex.responses[step["id"]]["Subnet"]["SubnetId"]])
        got = got["Subnets"][0]
        want = step["params"]
        expect(got["CidrBlock"] == want["CidrBlock"] and
               got["AvailabilityZone"] == want["AvailabilityZone"],
               f"subnet {step['id']} is {got['CidrBlock']} in {got['AvailabilityZone']}, "
               f"declared {want['CidrBlock']} in {want['AvailabilityZone']}")
        expect(got["MapPublicIpOnLaunch"] == (step["block"] in public),
               f"subnet {step['id']}: MapPublicIpOnLaunch is {got['MapPublicIpOnLaunch']}")
    for step in steps("AuthorizeSecurityGroupIngress"):
        group = filled(step)["GroupId"]
        got = ec2.describe_security_groups(GroupIds=[group])["SecurityGroups"][0]
        want = filled(step)["IpPermissions"][0]
        expect(any(p["IpProtocol"] == want["IpProtocol"] and
                   p.get("FromPort") == want.get("FromPort") and p.get("ToPort") == want.get("ToPort")
                   for p in got["IpPermissions"]),
               f"{step['id']}: no ingress rule {want['IpProtocol']} {want.get('FromPort')}")

    for step in steps("RegisterTaskDefinition"):
        arn = ex.responses[step["id"]]["taskDefinition"]["taskDefinitionArn"]
        got = ecs.describe_task_definition(taskDefinition=arn)["taskDefinition"]
        want = filled(step)
        expect(got["family"] == want["family"], f"task {step['id']}: family {got['family']}")
        for key in ("cpu", "memory", "networkMode"):
            expect(got.get(key) == want.get(key),
                   f"task {step['id']}: {key} is {got.get(key)}, declared {want.get(key)}")
        got_containers = [(c["name"], c["image"], c.get("cpu"), c.get("memory"),
                           c.get("memoryReservation"),
                           [(m["containerPort"], m.get("protocol", "tcp"))
                            for m in c.get("portMappings", [])])
                          for c in got["containerDefinitions"]]
        want_containers = [(c["name"], c["image"], c.get("cpu", got_c.get("cpu")),
                            c.get("memory", c.get("memoryReservation") if "EC2" in
                                  want["requiresCompatibilities"] and not want.get("memory")
                                  else None),
                            c.get("memoryReservation"),
                            [(m["containerPort"], m.get("protocol", "tcp"))
                             for m in c.get("portMappings", [])])
                           for c, got_c in zip(want["containerDefinitions"],
                                               got["containerDefinitions"])]
        expect(got_containers == want_containers,
               f"task {step['id']}: containers {got_containers}, declared {want_containers}")

    for step in steps("CreateService"):
        want = filled(step)
        got = ecs.describe_services(cluster=want["cluster"],
                                    services=[want["serviceName"]])["services"]
        if not got:
            problems.append(f"{name}: service {step['id']} does not exist")
            continue
        got = got[0]
        expect(want["schedulingStrategy"] == "DAEMON" or
               got.get("desiredCount") == want.get("desiredCount"),
               f"service {step['id']}: desired {got.get('desiredCount')}, declared "
               f"{want.get('desiredCount')}")
        if "launchType" in want:
            expect(got.get("launchType") == want["launchType"],
                   f"service {step['id']}: launch type {got.get('launchType')}, declared "
                   f"{want['launchType']}")
        else:
            # moto keeps no service's capacity provider strategy (it reports launch type EC2):
            # read back that the cluster offers every provider the strategy names.
            cluster = ecs.describe_clusters(clusters=[want["cluster"]])["clusters"][0]
            for item in want["capacityProviderStrategy"]:
                expect(item["capacityProvider"] in cluster.get("capacityProviders", []),
                       f"service {step['id']}: provider {item['capacityProvider']} is not one "
                       f"of cluster {cluster['clusterName']}'s {cluster.get('capacityProviders')}")
        expect((got.get("networkConfiguration") or None) == want.get("networkConfiguration"),
               f"service {step['id']}: network {got.get('networkConfiguration')}, declared "
               f"{want.get('networkConfiguration')}")
        expect(got["taskDefinition"] == want["taskDefinition"],
               f"service {step['id']}: task {got['taskDefinition']}")

    print(f"{name}: {len(plan['steps'])} calls made in {plan['region']}; {len(subnets)} subnets, "
          f"{len(steps('RegisterTaskDefinition'))} tasks, {len(steps('CreateService'))} services "
          f"read back")
    return problems


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    ARGS = parser.parse_args()
    moto_server = harness.find_tool("moto_server")
    examples = harness.examples()
    if not examples:
        harness.fail("no example to run")
    moto = harness.Moto(moto_server, managed_policies=True)
    problems = []
    try:
        moto.wait()
        for program in examples:
            try:
                problems += check_example(moto, program)
            except (RuntimeError, KeyError, IndexError, ValueError) as e:
                problems.append(f"{program.relative_to(harness.ROOT)}: {e}")
    finally:
        moto.stop()
    for p in problems:
        print(p, file=sys.stderr)
    if MOTO_QUIRKS:
        print("moto quirk (memory set to the reservation, for moto only): " +
              ", ".join(MOTO_QUIRKS))
    print(f"moto plan run: {len(examples)} examples, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
