#!/usr/bin/env python3
"""EFS written in ECL, applied on moto_server (started here on a free port; the test fails, not
skips, when moto_server or botocore is missing): tests/moto/efs.ecl is applied and read back (the
file system encrypted with its throughput mode, lifecycle policy and tags, a mount target in each
subnet with the NFS group, the access point's user and root directory, the task definition's
efsVolumeConfiguration read from ECS itself), `plan --state` then shows no change; the mount
targets' security groups and the lifecycle policy change in place; a changed access point is made
anew beside the old one; destroy leaves no file system, mount target or access point. A mount
target and the access point deleted outside eclc are made again. Killed right after each EFS create
call, a rerun finds what it made. moto has no UpdateFileSystem: a changed throughput mode is
checked in the plan only. moto's SigV4 check refuses EFS's GET and DELETE requests, botocore's own
too (it hashes their query as a body): the signatures of eclc's POST, GET and DELETE calls are
checked here with botocore's SigV4 against a stand-in server on 127.0.0.1."""

import http.server
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import harness  # noqa: E402
import plans  # noqa: E402
import apply_test  # noqa: E402  (eclc, apply_args, clients, the problem list)
from apply_test import expect  # noqa: E402

PROGRAM = harness.ROOT / "tests" / "moto" / "efs.ecl"


def check(moto_url, tmp):
    program = tmp / "efs.ecl"
    source = PROGRAM.read_text()
    program.write_text(source)
    state = tmp / "efs.state.json"
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply failed (exit {code}): {err}")
    c = apply_test.clients(moto_url, "us-east-1")
    efs, ec2, ecs = c["efs"], c["ec2"], c["ecs"]
    systems = efs.describe_file_systems()["FileSystems"]
    expect(len(systems) == 1, f"{len(systems)} file systems")
    if not systems:
        return
    fs = systems[0]
    fs_id = fs["FileSystemId"]
    expect(fs["Encrypted"] and fs["PerformanceMode"] == "generalPurpose"
           and fs["ThroughputMode"] == "elastic", f"the file system is {fs}")
    tags = {t["Key"]: t["Value"] for t in fs["Tags"]}
    expect(tags.get("backup") == "daily" and tags.get("ecl:path") == "data", f"its tags {tags}")
    policies = efs.describe_lifecycle_configuration(FileSystemId=fs_id)["LifecyclePolicies"]
    expect(policies == [{"TransitionToIA": "AFTER_30_DAYS"},
                        {"TransitionToPrimaryStorageClass": "AFTER_1_ACCESS"}],
           f"its lifecycle policies {policies}")
    groups = {g["GroupId"]: g for g in ec2.describe_security_groups()["SecurityGroups"]}
    nfs = [g for g, v in groups.items()
           if {"Key": "ecl:path", "Value": "main.nfs"} in v.get("Tags", [])]
    app = [g for g, v in groups.items()
           if {"Key": "ecl:path", "Value": "main.app"} in v.get("Tags", [])]
    targets = efs.describe_mount_targets(FileSystemId=fs_id)["MountTargets"]
    zones = sorted(t["AvailabilityZoneName"] for t in targets)
    expect(zones == ["us-east-1a", "us-east-1b"], f"mount targets in {zones}")
    for t in targets:
        sgs = efs.describe_mount_target_security_groups(
            MountTargetId=t["MountTargetId"])["SecurityGroups"]
        expect(sgs == nfs, f"mount target {t['MountTargetId']} is in {sgs}, not {nfs}")
    points = efs.describe_access_points(FileSystemId=fs_id)["AccessPoints"]
    expect(len(points) == 1, f"{len(points)} access points")
    point = points[0] if points else {}
    expect(point.get("PosixUser") == {"Uid": 1000, "Gid": 1000, "SecondaryGids": [2000]},
           f"the access point's user {point.get('PosixUser')}")
    expect(point.get("RootDirectory", {}).get("Path") == "/uploads"
           and point["RootDirectory"].get("CreationInfo") ==
           {"OwnerUid": 1000, "OwnerGid": 1000, "Permissions": "750"},
           f"the access point's root {point.get('RootDirectory')}")
    task = ecs.describe_task_definition(taskDefinition="efs-web")["taskDefinition"]
    volumes = {v["name"]: dict(v.get("efsVolumeConfiguration") or {})
               for v in task.get("volumes", [])}
    if volumes.get("uploads", {}).get("rootDirectory") == "/":
        del volumes["uploads"]["rootDirectory"]  # ECS's default, answered although not sent
    expect(volumes.get("uploads") == {
        "fileSystemId": fs_id, "transitEncryption": "ENABLED",
        "authorizationConfig": {"accessPointId": point.get("AccessPointId"), "iam": "DISABLED"}},
        f"the uploads volume {volumes.get('uploads')}")
    expect(volumes.get("shared") == {
        "fileSystemId": fs_id, "rootDirectory": "/shared", "transitEncryption": "ENABLED",
        "authorizationConfig": {"iam": "ENABLED"}}, f"the shared volume {volumes.get('shared')}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"second plan: {out}{err}")
    print("  applied, read back, no changes")

    # The mount targets in another group and a new lifecycle period: both in place.
    text = source.replace("security_groups       = [main.nfs]",
                          "security_groups       = [main.nfs, main.app]")
    text = text.replace("transition_to_ia      = 30", "transition_to_ia      = 60")
    expect(text.count("main.nfs, main.app") == 1 and "= 60" in text, "the edit did not apply")
    program.write_text(text)
    code, calls, err = apply_test.eclc(["plan", program, "--state", state, "--calls"])
    expect(re.search(r"~\s+efs:ModifyMountTargetSecurityGroups", calls)
           and re.search(r"~\s+efs:PutLifecycleConfiguration\s+data#lifecycle", calls)
           and "CreateMountTarget" not in calls and "CreateFileSystem" not in calls,
           f"the groups and the policy are not changed in place:\n{calls}{err}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of the change failed: {err}")
    for t in efs.describe_mount_targets(FileSystemId=fs_id)["MountTargets"]:
        sgs = efs.describe_mount_target_security_groups(
            MountTargetId=t["MountTargetId"])["SecurityGroups"]
        expect(sorted(sgs) == sorted(nfs + app), f"after the change, in {sgs}")
    policies = efs.describe_lifecycle_configuration(FileSystemId=fs_id)["LifecyclePolicies"]
    expect({"TransitionToIA": "AFTER_60_DAYS"} in policies, f"policies after the change {policies}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the change: {out}{err}")
    print("  mount targets' groups and lifecycle policy: changed in place")

    # A throughput mode is UpdateFileSystem (moto has none: the plan only).
    bursting = text.replace("throughput_mode       = elastic", "throughput_mode       = bursting")
    program.write_text(bursting)
    code, calls, err = apply_test.eclc(["plan", program, "--state", state, "--calls"])
    expect(re.search(r"~\s+efs:UpdateFileSystem\s+data\b", calls)
           and "CreateFileSystem" not in calls,
           f"a changed throughput mode is not UpdateFileSystem:\n{calls}{err}")

    # A changed access point: a new one beside the old one, the task definition moved to it.
    text = text.replace('path     = "/uploads"', 'path     = "/files"')
    expect('"/files"' in text, "the access point edit did not apply")
    program.write_text(text)
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of the changed access point failed: {err}")
    points = efs.describe_access_points(FileSystemId=fs_id)["AccessPoints"]
    expect([p["RootDirectory"]["Path"] for p in points] == ["/files"],
           f"access points after the change: {points}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the access point changed: {out}{err}")
    print("  changed access point: made anew, the old one deleted")

    # Deleted outside eclc: a mount target and the access point are made again.
    target = efs.describe_mount_targets(FileSystemId=fs_id)["MountTargets"][0]
    efs.delete_mount_target(MountTargetId=target["MountTargetId"])
    efs.delete_access_point(AccessPointId=points[0]["AccessPointId"])
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out.count("deleted outside eclc") >= 2,
           f"the deleted mount target and access point are not planned back:\n{out}{err}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of what was deleted outside eclc failed: {err}")
    expect(len(efs.describe_mount_targets(FileSystemId=fs_id)["MountTargets"]) == 2
           and len(efs.describe_access_points(FileSystemId=fs_id)["AccessPoints"]) == 1,
           "the mount target and the access point are not made again")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after they were made again: {out}{err}")
    print("  deleted outside eclc: a mount target and the access point made again")

    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url, "destroy"))
    expect(code == 0, f"destroy failed: {err}")
    expect(efs.describe_file_systems()["FileSystems"] == [], "destroy left a file system")
    expect(efs.describe_access_points()["AccessPoints"] == [], "destroy left access points")
    expect(json.loads(state.read_text())["resources"] == [], "destroy left resources in the state")
    print("  destroyed: no file system, mount target or access point left")


def check_signing(tmp):
    """eclc's REST-JSON calls, signed as SigV4 says: a stand-in answers CreateFileSystem and
    refuses the rest, and botocore signs each request it received again."""
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self):
            length = int(self.headers.get("Content-Length", 0) or 0)
            body = self.rfile.read(length) if length else b""
            received.append((self.command, self.path, dict(self.headers), body))
            if self.command == "POST":
                status, text = 200, {"FileSystemId": "fs-1", "LifeCycleState": "creating",
                                     "FileSystemArn": "arn:aws:elasticfilesystem:us-east-1:1:"
                                                      "file-system/fs-1"}
            else:
                status, text = 400, {"ErrorCode": "BadRequest", "Message": "stand-in"}
            data = json.dumps(text).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = answer

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    program, state = tmp / "signed.ecl", tmp / "signed.state.json"
    program.write_text('stack signed { region = "us-east-1" }\nfile_system data {}\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="stand-in-secret",
               AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    for command in ("apply", "destroy"):  # POST, then the waiter's GET; DELETE
        subprocess.run([apply_test.ARGS.eclc, command, str(program), "--state", str(state),
                        "--endpoint-url", url, "--auto-approve"], env=env,
                       capture_output=True, timeout=60)
    server.shutdown()
    methods = sorted({r[0] for r in received})
    expect(methods == ["DELETE", "GET", "POST"], f"the stand-in received {methods}")
    signer = SigV4Auth(Credentials("AKIDEXAMPLE", "stand-in-secret"), "elasticfilesystem",
                       "us-east-1")
    for method, path, headers, body in received:
        authorization = headers.get("Authorization", "")
        names = re.search(r"SignedHeaders=([^,]+)", authorization)
        sent = re.search(r"Signature=(\w+)", authorization)
        signed = names.group(1).split(";") if names else []
        request = AWSRequest(method=method, url=url + path, data=body,
                             headers={k: v for k, v in headers.items() if k.lower() in signed})
        request.context["timestamp"] = headers.get("X-Amz-Date", "")
        canonical = signer.canonical_request(request)
        expected = signer.signature(signer.string_to_sign(request, canonical), request)
        expect(sent and sent.group(1) == expected,
               f"{method} {path} is not signed as SigV4 says (signed: {signed})")
    print(f"  signing: {len(received)} calls ({', '.join(methods)}) signed as botocore signs them")


def check_crash(moto_url, tmp):
    """eclc killed right after AWS answered each EFS create call (the answer lost): the rerun
    finds what the call made (the file system by its CreationToken, the mount target by its
    subnet, the access point by its ClientToken), and every resource exists once."""
    plan, log = plans.build_plan(apply_test.ARGS.eclc, PROGRAM)
    if plan is None:
        expect(False, f"eclc plan failed: {log}")
        return
    proxy = apply_test.Proxy(moto_url)
    try:
        for operation in ("CreateFileSystem", "CreateMountTarget", "CreateAccessPoint"):
            apply_test.reset_moto(moto_url)
            proxy.reset()
            proxy.kill_on = operation
            state = tmp / f"crash-{operation}.json"
            code, _, _ = apply_test.eclc(apply_test.apply_args(PROGRAM, state, proxy.url),
                                         proxy=proxy, kill_after=10**9)
            proxy.kill_on = None
            expect(code == -signal.SIGKILL, f"crash after {operation}: not killed ({code})")
            # A call sent beside the killed one (CreateVpc: the file system needs no VPC) may
            # still be on its way to moto and land after the rerun looked for it.
            proxy.settle()
            code, out, err = apply_test.eclc(apply_test.apply_args(PROGRAM, state, proxy.url))
            expect(code == 0, f"crash after {operation}: the rerun failed: {err.strip()}")
            apply_test.census(plan, moto_url, 1)
            code, out, err = apply_test.eclc(["plan", PROGRAM, "--state", state])
            expect(out == "No changes.\n", f"crash after {operation}: then the plan is {out}{err}")
            code, out, err = apply_test.eclc(
                apply_test.apply_args(PROGRAM, state, proxy.url, "destroy"))
            expect(code == 0, f"crash after {operation}: destroy failed: {err.strip()}")
            apply_test.census(plan, moto_url, 0)
            print(f"  killed once {operation} was answered, resumed: every resource exists once")
    finally:
        proxy.stop()


def main():
    def both(moto_url, tmp):
        check_signing(tmp)
        check(moto_url, tmp)
        check_crash(moto_url, tmp)

    return apply_test.run_on_moto(both, "EFS")


if __name__ == "__main__":
    sys.exit(main())
