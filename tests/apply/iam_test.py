#!/usr/bin/env python3
"""IAM roles written in ECL, applied on moto_server (started here on a free port, with AWS's
managed policies loaded; the test fails, not skips, when moto_server or botocore is missing):
tests/moto/iam_roles.ecl is applied and read back (trust policies, attached managed policies, inline
policies with another role's ARN filled in, the task's roles), `plan --state` then shows no change;
a changed statement is planned and applied in place (PutRolePolicy, not a new role), a removed
managed policy is detached; destroy leaves no role, attachment or inline policy behind."""

import json
import re
import sys
import urllib.parse
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import harness  # noqa: E402
import apply_test  # noqa: E402  (eclc, apply_args, clients, the problem list)
from apply_test import expect  # noqa: E402

PROGRAM = harness.ROOT / "tests" / "moto" / "iam_roles.ecl"


def document(doc):
    """A policy document as botocore returns it: a JSON text, URL-encoded or not, or a dict."""
    if isinstance(doc, str):
        doc = json.loads(urllib.parse.unquote(doc))
    return doc


def roles(iam):
    """Our roles by name (moto also holds none of its own, but be precise)."""
    return {r["RoleName"]: r for r in iam.list_roles()["Roles"] if r["RoleName"].startswith("iam-")}


def check(moto_url, tmp):
    program = tmp / "iam_roles.ecl"
    source = PROGRAM.read_text()
    program.write_text(source)
    state = tmp / "iam.state.json"
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply failed (exit {code}): {err}")
    c = apply_test.clients(moto_url, "us-east-1")
    iam, ecs = c["iam"], c["ecs"]
    found = roles(iam)
    expect(set(found) == {"iam-app", "iam-deployer", "iam-api-execution"},
           f"roles are {sorted(found)}")
    app = found.get("iam-app", {})
    trust = document(app.get("AssumeRolePolicyDocument", "{}"))
    expect(trust.get("Statement", [{}])[0].get("Principal") == {"Service": "ecs-tasks.amazonaws.com"},
           f"app's trust policy is {trust}")
    attached = [p["PolicyArn"] for p in
                iam.list_attached_role_policies(RoleName="iam-app")["AttachedPolicies"]]
    expect(attached == ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"], f"app has {attached}")
    inline = document(iam.get_role_policy(RoleName="iam-app", PolicyName="statements")
                      ["PolicyDocument"])
    expect(inline["Statement"][0] == {"Effect": "Allow", "Action": ["s3:PutObject"],
                                      "Resource": ["arn:aws:s3:::iam-assets/*"]},
           f"app's inline policy is {inline}")
    deployer = found.get("iam-deployer", {})
    expect(deployer.get("Path") == "/deploy/", f"deployer's path is {deployer.get('Path')}")
    passes = document(iam.get_role_policy(RoleName="iam-deployer", PolicyName="statements")
                      ["PolicyDocument"])["Statement"][0]
    expect(passes["Resource"] == [app.get("Arn")] and passes["Condition"] == {
        "StringEquals": {"iam:PassedToService": ["ecs-tasks.amazonaws.com"]}},
        f"deployer's statement is {passes}, app is {app.get('Arn')}")
    execution = [p["PolicyArn"] for p in iam.list_attached_role_policies(
        RoleName="iam-api-execution")["AttachedPolicies"]]
    expect(sorted(execution) == [
        "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
        "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"],
        f"the execution role has {execution}")
    extra = document(iam.get_role_policy(RoleName="iam-api-execution", PolicyName="statements")
                     ["PolicyDocument"])["Statement"]
    expect(extra[0]["Action"] == ["secretsmanager:GetSecretValue"], f"execution statements {extra}")
    task = ecs.describe_task_definition(taskDefinition="iam-api")["taskDefinition"]
    expect(task.get("taskRoleArn") == app.get("Arn"), f"the task role is {task.get('taskRoleArn')}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"second plan: {out}{err}")
    print("  applied, read back, no changes")

    # A changed statement: the inline policy is put again, the role stays.
    text = source.replace('actions = ["s3:PutObject"]', 'actions = ["s3:PutObject", "s3:GetObject"]')
    text = text.replace('  managed_policies = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]\n',
                        "")
    expect(text != source, "the edit did not apply")
    program.write_text(text)
    code, calls, err = apply_test.eclc(["plan", program, "--state", state, "--calls"])
    expect(re.search(r"~\s+iam:PutRolePolicy\s+app#statements", calls),
           f"a changed statement is not PutRolePolicy in place:\n{calls}{err}")
    expect(re.search(r"-\s+iam:AttachRolePolicy\s+app#managed-AmazonS3ReadOnlyAccess", calls),
           f"a removed managed policy is not detached:\n{calls}")
    expect(not re.search(r"iam:CreateRole", calls), f"the role is replaced:\n{calls}")
    arn_before = app.get("Arn")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of the change failed: {err}")
    inline = document(iam.get_role_policy(RoleName="iam-app", PolicyName="statements")
                      ["PolicyDocument"])
    expect(inline["Statement"][0]["Action"] == ["s3:PutObject", "s3:GetObject"],
           f"after the change the inline policy is {inline}")
    attached = iam.list_attached_role_policies(RoleName="iam-app")["AttachedPolicies"]
    expect(attached == [], f"after the change app has {attached}")
    expect(roles(iam).get("iam-app", {}).get("Arn") == arn_before, "the role was replaced")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the change: {out}{err}")
    print("  changed statement: put in place; removed managed policy: detached")

    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url, "destroy"))
    expect(code == 0, f"destroy failed: {err}")
    expect(roles(iam) == {}, f"destroy left roles {sorted(roles(iam))}")
    expect(json.loads(state.read_text())["resources"] == [], "destroy left resources in the state")
    print("  destroyed: no role left")


def main():
    return apply_test.run_on_moto(check, "iam")


if __name__ == "__main__":
    sys.exit(main())
