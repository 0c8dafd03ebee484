#!/usr/bin/env python3
"""ECR written in ECL, applied on moto_server (started here on a free port; the test fails, not
skips, when moto_server or botocore is missing): a repository with scan on push, immutable tags,
a lifecycle policy and tags is applied and read back with botocore (DescribeRepositories,
GetLifecyclePolicy, ListTagsForResource), `plan --state` then shows no change; scan on push
flipped, the tag mutability and the lifecycle policy changed, a tag added: each in place, then no
change; the policy taken out is deleted; destroy leaves no repository. Killed right after
CreateRepository was answered, a rerun finds the repository by its name and tags (the answer lost)
and makes nothing twice."""

import json
import re
import signal
import sys
import urllib.request
from pathlib import Path

import botocore.session
from botocore.config import Config

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import apply_test  # noqa: E402  (eclc, apply_args, the proxy, the problem list)
from apply_test import expect  # noqa: E402

PROGRAM = """stack ecr {
  region = "us-east-1"
}

repository api {
  name           = "shop/api"
  scan_on_push   = true
  tag_mutability = immutable
  lifecycle = [
    { priority = 1, tag_status = tagged, tag_prefixes = ["v"], count_type = image_count_more_than, count = 10 },
    { priority = 2, tag_status = untagged, count_type = since_image_pushed, count = 14 },
  ]
  tags = { team = "shop" }
}
"""


def ecr_client(url):
    session = botocore.session.get_session()
    session.set_credentials("testing", "testing")
    return session.create_client("ecr", region_name="us-east-1", endpoint_url=url,
                                 config=Config(retries={"max_attempts": 1}))


def repositories(ecr):
    return ecr.describe_repositories()["repositories"]


def policy_of(ecr, name):
    try:
        return json.loads(ecr.get_lifecycle_policy(repositoryName=name)["lifecyclePolicyText"])
    except ecr.exceptions.LifecyclePolicyNotFoundException:
        return None


def tags_of(ecr, arn):
    return {t["Key"]: t["Value"] for t in ecr.list_tags_for_resource(resourceArn=arn)["tags"]}


def no_changes(program, state, what):
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan {what}: {out}{err}")


def check(moto_url, tmp):
    program, state = tmp / "ecr.ecl", tmp / "ecr.state.json"
    program.write_text(PROGRAM)
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply failed (exit {code}): {err}")
    ecr = ecr_client(moto_url)
    repos = repositories(ecr)
    expect(len(repos) == 1, f"{len(repos)} repositories")
    if not repos:
        return
    repo = repos[0]
    expect(repo["repositoryName"] == "shop/api" and repo["imageTagMutability"] == "IMMUTABLE"
           and repo["imageScanningConfiguration"] == {"scanOnPush": True}
           and repo["encryptionConfiguration"]["encryptionType"] == "AES256",
           f"the repository is {repo}")
    expect(repo["repositoryUri"].endswith(".dkr.ecr.us-east-1.amazonaws.com/shop/api"),
           f"its URI {repo['repositoryUri']}")
    policy = policy_of(ecr, "shop/api")
    expect(policy == {"rules": [
        {"rulePriority": 1, "selection": {"tagStatus": "tagged", "tagPrefixList": ["v"],
                                          "countType": "imageCountMoreThan", "countNumber": 10},
         "action": {"type": "expire"}},
        {"rulePriority": 2, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed",
                                          "countUnit": "days", "countNumber": 14},
         "action": {"type": "expire"}}]}, f"its lifecycle policy {policy}")
    tags = tags_of(ecr, repo["repositoryArn"])
    expect(tags.get("team") == "shop" and tags.get("ecl:path") == "api", f"its tags {tags}")
    no_changes(program, state, "after apply")
    print("  applied, read back, no changes")

    # Scan on push off (its call taken out: scanOnPush put back to false), mutable tags, another
    # count, a tag: each in place.
    text = PROGRAM.replace("scan_on_push   = true", "scan_on_push   = false")
    text = text.replace("tag_mutability = immutable", "tag_mutability = mutable")
    text = text.replace("count = 14", "count = 30")
    text = text.replace('tags = { team = "shop" }', 'tags = { team = "shop", env = "test" }')
    expect(text.count("false") == 1 and "count = 30" in text, "the edit did not apply")
    program.write_text(text)
    code, calls, err = apply_test.eclc(["plan", program, "--state", state, "--calls"])
    expect(re.search(r"~\s+ecr:PutImageTagMutability\s+api\s.*tags \+env=test", calls)
           and re.search(r"-\s+ecr:PutImageScanningConfiguration\s+api#scanning", calls)
           and re.search(r"~\s+ecr:PutLifecyclePolicy\s+api#lifecycle", calls)
           and "CreateRepository" not in calls and "DeleteRepository" not in calls,
           f"the changes are not made in place:\n{calls}{err}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of the change failed: {err}")
    repo = repositories(ecr)[0]
    expect(repo["imageTagMutability"] == "MUTABLE"
           and repo["imageScanningConfiguration"] == {"scanOnPush": False},
           f"after the change, the repository is {repo}")
    policy = policy_of(ecr, "shop/api") or {"rules": []}
    expect([r["selection"]["countNumber"] for r in policy["rules"]] == [10, 30],
           f"after the change, the policy is {policy}")
    tags = tags_of(ecr, repo["repositoryArn"])
    expect(tags.get("env") == "test", f"after the change, the tags are {tags}")
    no_changes(program, state, "after the change")
    print("  scan on push, tag mutability, lifecycle policy and tags: changed in place")

    # The policy taken out: deleted.
    start, end = text.index("  lifecycle = ["), text.index("  ]\n") + 4
    program.write_text(text[:start] + text[end:])
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply without the policy failed: {err}")
    expect(policy_of(ecr, "shop/api") is None, "the lifecycle policy taken out is still there")
    no_changes(program, state, "after the policy was taken out")
    print("  lifecycle policy taken out: deleted")

    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url, "destroy"))
    expect(code == 0, f"destroy failed: {err}")
    expect(repositories(ecr) == [], "destroy left a repository")
    expect(json.loads(state.read_text())["resources"] == [], "destroy left resources in the state")
    print("  destroyed: no repository left")


def check_crash(moto_url, tmp):
    """eclc killed right after moto answered CreateRepository (the answer lost): the rerun finds
    the repository by its name (RepositoryAlreadyExistsException, then DescribeRepositories and
    its tags), puts its settings, and makes nothing twice."""
    urllib.request.urlopen(urllib.request.Request(moto_url + "/moto-api/reset", method="POST"),
                           timeout=10)
    program, state = tmp / "crash.ecl", tmp / "crash.state.json"
    program.write_text(PROGRAM)
    ecr = ecr_client(moto_url)
    proxy = apply_test.Proxy(moto_url)
    try:
        proxy.kill_on = "CreateRepository"
        code, _, _ = apply_test.eclc(apply_test.apply_args(program, state, proxy.url),
                                     proxy=proxy, kill_after=10**9)
        proxy.kill_on = None
        expect(code == -signal.SIGKILL, f"not killed after CreateRepository ({code})")
        expect(len(repositories(ecr)) == 1, "CreateRepository did not reach moto")
        code, out, err = apply_test.eclc(apply_test.apply_args(program, state, proxy.url))
        expect(code == 0, f"the rerun failed: {err.strip()}")
        repos = repositories(ecr)
        expect(len(repos) == 1 and repos[0]["imageScanningConfiguration"]["scanOnPush"],
               f"after the rerun: {repos}")
        expect(policy_of(ecr, "shop/api") is not None, "the rerun put no lifecycle policy")
        no_changes(program, state, "after the rerun")
        code, out, err = apply_test.eclc(
            apply_test.apply_args(program, state, proxy.url, "destroy"))
        expect(code == 0, f"destroy after the crash failed: {err.strip()}")
        expect(repositories(ecr) == [], "destroy after the crash left a repository")
        print("  killed once CreateRepository was answered, resumed: the repository exists once")
    finally:
        proxy.stop()


def main():
    def both(moto_url, tmp):
        check(moto_url, tmp)
        check_crash(moto_url, tmp)

    return apply_test.run_on_moto(both, "ECR")


if __name__ == "__main__":
    sys.exit(main())
