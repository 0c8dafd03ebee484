#!/usr/bin/env python3
"""Resources made elsewhere (`existing`), on moto_server (started here on a free port; the test
fails, not skips, when moto_server or botocore is missing). Another team's network, cluster and
role are made first with botocore; a program deploys a service into them: apply makes only the
program's own resources (a security group and its rule in the other VPC, the task definition and
its execution role, the service in the other cluster, in the other subnets, with the other
group and task role), `plan --state` then shows no change, and destroy deletes what the program
made and leaves the other team's resources as they were."""

import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import apply_test  # noqa: E402  (eclc, apply_args, clients, the problem list)
from apply_test import expect  # noqa: E402

PROGRAM = """// A service deployed into what the platform team owns.
stack shop {{ region = "us-east-1" }}

vpc shared {{
  existing = "{vpc}"
  cidr     = "10.40.0.0/16"

  subnet app_a {{ existing = "{subnet_a}"  cidr = "10.40.1.0/24"  zone = "us-east-1a" }}
  subnet app_b {{ existing = "{subnet_b}"  cidr = "10.40.2.0/24"  zone = "us-east-1b" }}
  security_group lb {{ existing = "{lb_group}" }}

  security_group app {{
    ingress {{ port = 8080  from = lb }}
  }}
}}

role app_role {{ existing = "{role}" }}

cluster platform {{
  existing = "{cluster}"

  service api {{
    task            = api
    desired         = 2
    subnets         = [shared.app_a, shared.app_b]
    security_groups = [shared.app]
  }}
}}

task api {{
  cpu       = 256
  memory    = 512MiB
  task_role = app_role
  container app {{
    image = "public.ecr.aws/nginx/nginx:1.27"
    ports = [8080]
  }}
}}

output vpc = shared.id
"""


def other_team(c):
    """What the platform team made: a VPC, two subnets, a group, a cluster with Fargate, a role."""
    vpc = c["ec2"].create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    subnets = [c["ec2"].create_subnet(VpcId=vpc, CidrBlock=f"10.40.{i}.0/24",
                                      AvailabilityZone=f"us-east-1{zone}")["Subnet"]["SubnetId"]
               for i, zone in ((1, "a"), (2, "b"))]
    group = c["ec2"].create_security_group(GroupName="platform-lb", Description="platform lb",
                                           VpcId=vpc)["GroupId"]
    cluster = c["ecs"].create_cluster(clusterName="platform",
                                      capacityProviders=["FARGATE"])["cluster"]["clusterArn"]
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        "Action": "sts:AssumeRole"}]}
    role = c["iam"].create_role(RoleName="platform-app",
                                AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    return {"vpc": vpc, "subnet_a": subnets[0], "subnet_b": subnets[1], "lb_group": group,
            "cluster": cluster, "role": role}


def census(c, made):
    """What exists of the other team's resources, and of the program's."""
    ec2, ecs = c["ec2"], c["ecs"]
    groups = {g["GroupName"]: g for g in ec2.describe_security_groups(
        Filters=[{"Name": "vpc-id", "Values": [made["vpc"]]}])["SecurityGroups"]}
    services = ecs.describe_services(cluster=made["cluster"], services=["api"])["services"]
    return {
        "vpc": len(ec2.describe_vpcs(VpcIds=[made["vpc"]])["Vpcs"]),
        "subnets": len(ec2.describe_subnets(SubnetIds=[made["subnet_a"], made["subnet_b"]])
                       ["Subnets"]),
        "groups": groups,
        "cluster": [x["status"] for x in ecs.describe_clusters(clusters=[made["cluster"]])
                    ["clusters"]],
        "role": [r["Arn"] for r in c["iam"].list_roles()["Roles"] if r["Arn"] == made["role"]],
        "service": [s for s in services if s["status"] == "ACTIVE"],
    }


def check(moto_url, tmp):
    c = apply_test.clients(moto_url, "us-east-1")
    made = other_team(c)
    program = tmp / "existing.ecl"
    program.write_text(PROGRAM.format(**made))
    state = tmp / "existing.state.json"
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply failed (exit {code}): {err}")
    now = census(c, made)
    app = now["groups"].get("shop-shared-app")
    expect(app is not None, f"the program's group is not in the other VPC: {sorted(now['groups'])}")
    rules = app["IpPermissions"] if app else []
    expect(any(p.get("FromPort") == 8080 and
               [g["GroupId"] for g in p.get("UserIdGroupPairs", [])] == [made["lb_group"]]
               for p in rules), f"the app group does not admit 8080 from the other group: {rules}")
    expect(len(now["service"]) == 1, f"the service is not in the other cluster: {now['service']}")
    service = now["service"][0] if now["service"] else {}
    network = service.get("networkConfiguration", {}).get("awsvpcConfiguration", {})
    expect(sorted(network.get("subnets", [])) == sorted([made["subnet_a"], made["subnet_b"]]),
           f"the service runs in {network.get('subnets')}")
    expect(app is not None and network.get("securityGroups") == [app["GroupId"]],
           f"the service's groups are {network.get('securityGroups')}")
    task = c["ecs"].describe_task_definition(
        taskDefinition=service.get("taskDefinition", "shop-api"))["taskDefinition"]
    expect(task.get("taskRoleArn") == made["role"], f"the task role is {task.get('taskRoleArn')}")
    recorded = json.loads(state.read_text())
    expect(recorded.get("outputs", {}).get("vpc") == made["vpc"],
           f"output vpc is {recorded.get('outputs', {}).get('vpc')}")
    steps = {r["operation"] for r in recorded["resources"]}
    expect(not steps & {"CreateVpc", "CreateSubnet", "CreateCluster"},
           f"apply made what exists already: {sorted(steps)}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"second plan: {out}{err}")
    print("  applied into the other team's VPC, cluster and role, read back, no changes")

    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url, "destroy"))
    expect(code == 0, f"destroy failed: {err}")
    after = census(c, made)
    expect(after["vpc"] == 1 and after["subnets"] == 2 and after["cluster"] == ["ACTIVE"]
           and after["role"] == [made["role"]] and "platform-lb" in after["groups"],
           f"destroy touched the other team's resources: {after}")
    expect("shop-shared-app" not in after["groups"] and not after["service"],
           f"destroy left the program's resources: {sorted(after['groups'])}, {after['service']}")
    expect(json.loads(state.read_text())["resources"] == [], "destroy left resources in the state")
    print("  destroyed what the program made; the other team's resources are as they were")


def main():
    return apply_test.run_on_moto(check, "existing resource")


if __name__ == "__main__":
    sys.exit(main())
