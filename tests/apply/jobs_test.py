#!/usr/bin/env python3
"""Jobs written in ECL, applied on moto_server (started here on a free port; the test fails, not
skips, when moto_server or botocore is missing): tests/moto/jobs.ecl is applied and read back (each
schedule's expression, time zone, state and target: the cluster, the task definition, the count,
the launch type or strategy and the network, as the role eclc made for it, which the scheduler
may assume and which may run that task definition on that cluster), then `plan --state` shows no
change. A changed expression and a pause are UpdateSchedule in place; a schedule deleted outside
eclc is made again. `eclc run` starts a job that has no schedule on the cluster and task
definition the state holds (moto has a container instance registered here; its RunTask fails for
awsvpc tasks), `--count` starts more, `--wait` waits until they stop and reports their exit
codes; it refuses an unknown job, an empty state and a task definition the state does not hold
yet. Killed right after CreateSchedule was answered, a rerun finds the schedule (by its name, as
the state's role) and makes no other. destroy leaves no schedule and no role."""

import json
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import harness  # noqa: E402
import plans  # noqa: E402
import apply_test  # noqa: E402  (eclc, apply_args, clients, the problem list)
from apply_test import expect  # noqa: E402

PROGRAM = harness.ROOT / "tests" / "moto" / "jobs.ecl"
SCHEDULES = ("jobs-nightly", "jobs-cleanup")


def schedules(scheduler):
    out = {}
    for name in SCHEDULES:
        try:
            out[name] = scheduler.get_schedule(Name=name)
        except scheduler.exceptions.ResourceNotFoundException:
            pass
    return out


def check_read_back(c, state):
    scheduler, ecs, iam = c["scheduler"], c["ecs"], c["iam"]
    found = schedules(scheduler)
    expect(sorted(found) == sorted(SCHEDULES), f"schedules {sorted(found)}")
    if len(found) != 2:
        return
    cluster = ecs.describe_clusters(clusters=["jobs-batch"])["clusters"][0]["clusterArn"]
    report = ecs.describe_task_definition(taskDefinition="jobs-report")["taskDefinition"]
    tool = ecs.describe_task_definition(taskDefinition="jobs-tool")["taskDefinition"]
    subnet = json.loads(state.read_text())
    subnet = next(r for r in subnet["resources"] if r["id"] == "main.a")["outputs"]
    nightly, cleanup = found["jobs-nightly"], found["jobs-cleanup"]
    expect(nightly["ScheduleExpression"] == "cron(0 3 * * ? *)"
           and nightly.get("ScheduleExpressionTimezone") == "Europe/Paris"
           and nightly["State"] == "ENABLED" and nightly["FlexibleTimeWindow"] == {"Mode": "OFF"},
           f"the nightly schedule {nightly}")
    target = nightly["Target"]
    ecs_parameters = target.get("EcsParameters", {})
    expect(target["Arn"] == cluster, f"the nightly target {target['Arn']}, not {cluster}")
    expect(ecs_parameters.get("TaskDefinitionArn") == report["taskDefinitionArn"]
           and ecs_parameters.get("TaskCount") == 1
           and ecs_parameters.get("CapacityProviderStrategy") ==
           [{"capacityProvider": "FARGATE", "weight": 1, "base": 0}]
           and ecs_parameters.get("PropagateTags") == "TASK_DEFINITION",
           f"the nightly run {ecs_parameters}")
    awsvpc = ecs_parameters.get("NetworkConfiguration", {}).get("awsvpcConfiguration", {})
    expect(awsvpc.get("Subnets") == [subnet.get("Subnet.SubnetId")]
           and awsvpc.get("AssignPublicIp") == "ENABLED" and len(awsvpc.get("SecurityGroups", [])) == 1,
           f"the nightly network {awsvpc}")
    cleanup_parameters = cleanup["Target"].get("EcsParameters", {})
    expect(cleanup["ScheduleExpression"] == "rate(1 hour)"
           and cleanup_parameters.get("TaskDefinitionArn") == tool["taskDefinitionArn"]
           and cleanup_parameters.get("TaskCount") == 2
           and cleanup_parameters.get("LaunchType") == "EC2"
           and "NetworkConfiguration" not in cleanup_parameters,
           f"the cleanup schedule {cleanup}")
    # The role each schedule takes: the scheduler assumes it, and it may run that task
    # definition on that cluster.
    for name, schedule, task in (("nightly", nightly, report), ("cleanup", cleanup, tool)):
        role_name = schedule["Target"]["RoleArn"].rsplit("/", 1)[-1]
        expect(role_name == f"jobs-batch-{name}-scheduler", f"the {name} role {role_name}")
        role = iam.get_role(RoleName=role_name)["Role"]
        trust = role["AssumeRolePolicyDocument"]
        trust = json.loads(trust) if isinstance(trust, str) else trust
        expect(trust["Statement"][0]["Principal"] == {"Service": "scheduler.amazonaws.com"},
               f"the {name} role's trust {trust}")
        policy = iam.get_role_policy(RoleName=role_name, PolicyName="run-task")["PolicyDocument"]
        policy = json.loads(policy) if isinstance(policy, str) else policy
        run = policy["Statement"][0]
        expect(run["Action"] == "ecs:RunTask" and run["Resource"] == task["taskDefinitionArn"]
               and run["Condition"] == {"ArnEquals": {"ecs:cluster": cluster}},
               f"the {name} role's policy {policy}")


def check(moto_url, tmp):
    program = tmp / "jobs.ecl"
    source = PROGRAM.read_text()
    program.write_text(source)
    state = tmp / "jobs.state.json"
    c = apply_test.clients(moto_url, "us-east-1")
    scheduler, ecs, ec2 = c["scheduler"], c["ecs"], c["ec2"]

    # Before anything is applied, `eclc run` has nothing to start on.
    code, out, err = apply_test.eclc(["run", program, "batch.migrate", "--state", state,
                                      "--endpoint-url", moto_url])
    expect(code == 2 and "run `eclc apply` first" in err, f"run before apply: {code} {err}")
    code, out, err = apply_test.eclc(["run", program, "batch.nope", "--state", state,
                                      "--endpoint-url", moto_url])
    expect(code == 2 and "no job `batch.nope`" in err and "`batch.migrate`" in err,
           f"run of an unknown job: {code} {err}")

    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply failed (exit {code}): {err}")
    check_read_back(c, state)
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"second plan: {out}{err}")
    print("  applied, read back (schedules, targets, roles), no changes")

    # eclc run: on an instance registered with the cluster (moto places EC2 tasks on it).
    instance = ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1)
    instance = instance["Instances"][0]["InstanceId"]
    ecs.register_container_instance(
        cluster="jobs-batch",
        instanceIdentityDocument=json.dumps({"instanceId": instance, "region": "us-east-1"}))
    tool = ecs.describe_task_definition(taskDefinition="jobs-tool")["taskDefinition"]
    code, out, err = apply_test.eclc(["run", program, "batch.migrate", "--state", state,
                                      "--endpoint-url", moto_url])
    started = re.findall(r"^started (\S+)$", out, re.M)
    expect(code == 0 and len(started) == 1, f"eclc run: {code} {out}{err}")
    tasks = ecs.describe_tasks(cluster="jobs-batch", tasks=started)["tasks"] if started else []
    expect(len(tasks) == 1 and tasks[0]["taskDefinitionArn"] == tool["taskDefinitionArn"]
           and tasks[0].get("startedBy") == "eclc run", f"the task it started: {tasks}")
    code, out, err = apply_test.eclc(["run", program, "batch.migrate", "--state", state,
                                      "--endpoint-url", moto_url, "--count", "3"])
    expect(code == 0 and len(re.findall(r"^started ", out, re.M)) == 3,
           f"eclc run --count 3: {code} {out}{err}")

    # --wait: the tasks are stopped from here (moto never stops them itself).
    proc = subprocess.Popen([apply_test.ARGS.eclc, "run", str(program), "batch.migrate",
                             "--state", str(state), "--endpoint-url", moto_url, "--wait",
                             "--wait-timeout", "60"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env=apply_test.eclc_env())
    line = proc.stdout.readline()  # printed before the wait
    arn = line.split()[1] if line.startswith("started ") else None
    expect(arn is not None, "eclc run --wait printed no task")
    if arn:
        ecs.stop_task(cluster="jobs-batch", task=arn, reason="finished")
    rest, err = proc.communicate(timeout=90)
    rest = line + rest
    expect(proc.returncode == 0 and f"stopped {arn}: finished" in rest
           and "  main: exit 0" in rest, f"eclc run --wait: {proc.returncode} {rest}{err}")

    # A task definition the state does not hold yet: apply first.
    changed = source.replace('command = ["sh", "-c", "echo tool"]',
                             'command = ["sh", "-c", "echo tool v2"]')
    expect(changed != source, "the task edit did not apply")
    program.write_text(changed)
    code, out, err = apply_test.eclc(["run", program, "batch.migrate", "--state", state,
                                      "--endpoint-url", moto_url])
    expect(code == 2 and "not what the program says yet" in err and "run `eclc apply` first" in err,
           f"run of a changed task definition: {code} {out}{err}")
    program.write_text(source)
    print("  eclc run: started on the state's cluster and task definition, --count, --wait; "
          "refused before apply and for a changed task")

    # A new expression and a pause: UpdateSchedule, in place.
    text = source.replace('schedule    = "rate(1 hour)"',
                          'schedule    = "rate(2 hours)"\n    enabled     = false')
    expect("rate(2 hours)" in text, "the schedule edit did not apply")
    program.write_text(text)
    code, calls, err = apply_test.eclc(["plan", program, "--state", state, "--calls"])
    expect(re.search(r"~\s+scheduler:UpdateSchedule\s+batch\.cleanup", calls)
           and "CreateSchedule" not in calls, f"not an update in place:\n{calls}{err}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of the change failed: {err}")
    cleanup = scheduler.get_schedule(Name="jobs-cleanup")
    expect(cleanup["ScheduleExpression"] == "rate(2 hours)" and cleanup["State"] == "DISABLED"
           and cleanup["Target"]["EcsParameters"].get("TaskCount") == 2,
           f"after the change: {cleanup}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the change: {out}{err}")
    print("  changed expression and paused: UpdateSchedule in place")

    # Deleted outside eclc: made again.
    scheduler.delete_schedule(Name="jobs-nightly")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect("deleted outside eclc" in out, f"the deleted schedule is not planned back:\n{out}{err}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0 and "jobs-nightly" in schedules(scheduler),
           f"the schedule is not made again: {err}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after it was made again: {out}{err}")
    print("  deleted outside eclc: made again")

    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url, "destroy"))
    expect(code == 0, f"destroy failed: {err}")
    expect(schedules(scheduler) == {}, "destroy left schedules")
    roles = [r["RoleName"] for r in c["iam"].list_roles()["Roles"]
             if r["RoleName"].endswith("-scheduler")]
    expect(roles == [], f"destroy left roles {roles}")
    expect(json.loads(state.read_text())["resources"] == [], "destroy left resources in the state")
    print("  destroyed: no schedule, no role left")


def reset(moto_url):
    urllib.request.urlopen(urllib.request.Request(moto_url + "/moto-api/reset", method="POST"),
                           timeout=10)


def check_crash(moto_url, tmp):
    """eclc killed right after CreateSchedule was answered (the answer lost): the rerun finds the
    schedule by its name (a schedule takes no tags: it is ours when it runs as the state's role)
    and makes no other; a schedule of that name that runs as another role is refused."""
    proxy = apply_test.Proxy(moto_url)
    scheduler = apply_test.clients(moto_url, "us-east-1")["scheduler"]
    try:
        reset(moto_url)
        proxy.reset()
        proxy.kill_on = "CreateSchedule"
        state = tmp / "crash.json"
        code, _, _ = apply_test.eclc(apply_test.apply_args(PROGRAM, state, proxy.url),
                                     proxy=proxy, kill_after=10**9)
        proxy.kill_on = None
        expect(code == -signal.SIGKILL, f"not killed ({code})")
        proxy.settle()
        code, out, err = apply_test.eclc(apply_test.apply_args(PROGRAM, state, proxy.url))
        expect(code == 0, f"the rerun failed: {err.strip()}")
        creates = [op for op, _, _ in proxy.log if op == "CreateSchedule"]
        expect(len(creates) == 2, f"CreateSchedule sent {len(creates)} times, not once a schedule")
        expect(sorted(schedules(scheduler)) == sorted(SCHEDULES), "not both schedules")
        code, out, err = apply_test.eclc(["plan", PROGRAM, "--state", state])
        expect(out == "No changes.\n", f"then the plan is {out}{err}")
        code, out, err = apply_test.eclc(
            apply_test.apply_args(PROGRAM, state, proxy.url, "destroy"))
        expect(code == 0 and schedules(scheduler) == {}, f"destroy failed: {err.strip()}")
        print("  killed once CreateSchedule was answered, resumed: each schedule exists once")

        # Another stack's schedule of the same name (another role): refused, not adopted.
        scheduler.create_schedule(
            Name="jobs-cleanup", ScheduleExpression="rate(1 day)",
            FlexibleTimeWindow={"Mode": "OFF"},
            Target={"Arn": "arn:aws:ecs:us-east-1:123456789012:cluster/other",
                    "RoleArn": "arn:aws:iam::123456789012:role/other"})
        state = tmp / "taken.json"
        code, out, err = apply_test.eclc(apply_test.apply_args(PROGRAM, state, moto_url))
        expect(code != 0 and "jobs-cleanup" in err, f"a taken name: {code} {err}")
        target = scheduler.get_schedule(Name="jobs-cleanup")["Target"]
        expect(target["RoleArn"].endswith("role/other"), f"the other schedule was changed: {target}")
        apply_test.eclc(apply_test.apply_args(PROGRAM, state, moto_url, "destroy"))
        print("  a schedule of the name made by someone else: refused, left as it is")
    finally:
        proxy.stop()


def main():
    def both(moto_url, tmp):
        check(moto_url, tmp)
        check_crash(moto_url, tmp)

    return apply_test.run_on_moto(both, "jobs")


if __name__ == "__main__":
    sys.exit(main())
