#!/usr/bin/env python3
"""Log groups written in ECL, applied on moto_server (started here on a free port; the test fails,
not skips, when moto_server or botocore is missing): tests/moto/log_groups.ecl is applied and read
back (the declared groups with their retention, KMS key and tags, the generated `/ecs/<family>`
group of the one task that still needs it, the containers' awslogs options read from ECS itself),
`plan --state` then shows no change; a changed retention is put again in place; a group deleted
outside eclc is made again with its retention; destroy leaves no log group behind."""

import json
import re
import sys
from pathlib import Path

import botocore.session

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import harness  # noqa: E402
import apply_test  # noqa: E402  (eclc, apply_args, clients, the problem list)
from apply_test import expect  # noqa: E402

PROGRAM = harness.ROOT / "tests" / "moto" / "log_groups.ecl"
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def groups(logs):
    return {g["logGroupName"]: g for g in logs.describe_log_groups()["logGroups"]}


def log_options(ecs, family):
    task = ecs.describe_task_definition(taskDefinition=family)["taskDefinition"]
    return {c["name"]: c.get("logConfiguration", {}).get("options", {})
            for c in task["containerDefinitions"]}


def check(moto_url, tmp):
    program = tmp / "log_groups.ecl"
    source = PROGRAM.read_text()
    program.write_text(source)
    state = tmp / "logs.state.json"
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply failed (exit {code}): {err}")
    ecs = apply_test.clients(moto_url, "us-east-1")["ecs"]
    session = botocore.session.get_session()
    session.set_credentials("testing", "testing")
    logs = session.create_client("logs", region_name="us-east-1", endpoint_url=moto_url)
    found = groups(logs)
    expect(set(found) == {"/logs/app", "logs-audit", "/ecs/logs-worker"},
           f"log groups are {sorted(found)}")
    app = found.get("/logs/app", {})
    expect(app.get("retentionInDays") == 14, f"/logs/app keeps {app.get('retentionInDays')} days")
    expect(app.get("kmsKeyId") == KEY, f"/logs/app's key is {app.get('kmsKeyId')}")
    tags = logs.list_tags_log_group(logGroupName="/logs/app")["tags"]
    expect(tags.get("team") == "shop" and tags.get("ecl:path") == "app", f"/logs/app's tags {tags}")
    expect("retentionInDays" not in found.get("logs-audit", {}), "logs-audit has a retention")
    api = log_options(ecs, "logs-api")
    expect(api.get("web", {}).get("awslogs-group") == "/logs/app"
           and api["web"].get("awslogs-stream-prefix") == "api", f"api's web logs with {api}")
    expect(api.get("auditor", {}).get("awslogs-group") == "logs-audit", f"api's auditor {api}")
    worker = log_options(ecs, "logs-worker")
    expect(worker.get("main", {}).get("awslogs-group") == "/logs/app", f"worker's main {worker}")
    expect(worker.get("sidecar", {}).get("awslogs-group") == "/ecs/logs-worker",
           f"worker's sidecar {worker}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"second plan: {out}{err}")
    print("  applied, read back, no changes")

    # A changed retention: put again, the group stays.
    text = source.replace("retention = 14", "retention = 30")
    expect(text != source, "the edit did not apply")
    program.write_text(text)
    code, calls, err = apply_test.eclc(["plan", program, "--state", state, "--calls"])
    expect(re.search(r"~\s+logs:PutRetentionPolicy\s+app#retention", calls),
           f"a changed retention is not PutRetentionPolicy in place:\n{calls}{err}")
    expect(not re.search(r"logs:CreateLogGroup", calls), f"the group is replaced:\n{calls}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of the change failed: {err}")
    expect(groups(logs).get("/logs/app", {}).get("retentionInDays") == 30, "retention not changed")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the change: {out}{err}")
    print("  changed retention: put in place")

    # Deleted outside eclc: made again, and its retention put again with it (the retention names
    # the group by its name, not by a step's output).
    logs.delete_log_group(logGroupName="/logs/app")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect("deleted outside eclc" in out, f"the deleted group is not planned back:\n{out}{err}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of the deleted group failed: {err}")
    expect(groups(logs).get("/logs/app", {}).get("retentionInDays") == 30,
           f"the group made again has no retention: {groups(logs).get('/logs/app')}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the group was made again: {out}{err}")
    print("  deleted outside eclc: made again with its retention")

    # The retention taken out: deleted, the group stays and keeps its events forever.
    text = source.replace("  retention = 14\n", "")
    expect(text != source, "the retention line was not found")
    program.write_text(text)
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply without the retention failed: {err}")
    app = groups(logs).get("/logs/app", {})
    expect(app and "retentionInDays" not in app, f"/logs/app after the retention went: {app}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the retention went: {out}{err}")
    print("  retention taken out: deleted, the group kept")

    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url, "destroy"))
    expect(code == 0, f"destroy failed: {err}")
    expect(groups(logs) == {}, f"destroy left log groups {sorted(groups(logs))}")
    expect(json.loads(state.read_text())["resources"] == [], "destroy left resources in the state")
    print("  destroyed: no log group left")


def main():
    return apply_test.run_on_moto(check, "log group")


if __name__ == "__main__":
    sys.exit(main())
