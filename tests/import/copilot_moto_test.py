#!/usr/bin/env python3
"""`eclc import copilot` to AWS: tests/import/copilot_workspace (two environments, a web service
behind the load balancer, a backend service with a secret, a scheduled job) is imported for its
`prod` environment, and the program applied on moto_server (started here on a free port; the
test fails, not skips, when moto_server or botocore is missing). The services, their scaling and
the schedule are read back with botocore as the manifests say them; `plan --state` then shows no
change; destroy leaves none of them."""

import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "apply"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import harness  # noqa: E402
import apply_test  # noqa: E402  (eclc, apply_args, clients, the problem list)
from apply_test import expect  # noqa: E402

WORKSPACE = harness.ROOT / "tests" / "import" / "copilot_workspace"


def check(moto_url, tmp):
    program = tmp / "shop-prod.ecl"
    imported = subprocess.run([apply_test.ARGS.eclc, "import", "copilot", str(WORKSPACE), "--env",
                               "prod", "-o", str(program)], capture_output=True, text=True)
    expect(imported.returncode == 0, f"import failed: {imported.stderr}")
    state = tmp / "shop.state.json"
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply failed (exit {code}): {err}")
    aws = apply_test.clients(moto_url, "us-east-1")
    ecs = aws["ecs"]
    services = {s["serviceName"]: s for s in ecs.describe_services(
        cluster="shop_prod-shop_prod", services=["front", "api"])["services"]}
    expect(set(services) == {"front", "api"}, f"services: {sorted(services)}")
    api = services.get("api", {})
    expect(api.get("desiredCount") == 3, f"api runs {api.get('desiredCount')} tasks, not prod's 3")
    front = services.get("front", {})
    expect(front.get("desiredCount") == 2 and len(front.get("loadBalancers", [])) == 1,
           f"front: {front.get('desiredCount')} tasks, {front.get('loadBalancers')}")
    targets = aws["application-autoscaling"].describe_scalable_targets(ServiceNamespace="ecs")["ScalableTargets"]
    expect([(t["MinCapacity"], t["MaxCapacity"]) for t in targets] == [(2, 6)],
           f"front's `count.range: 2-6` is {targets}")
    schedule = aws["scheduler"].get_schedule(Name="shop_prod-report")
    expect(schedule["ScheduleExpression"] == "cron(30 2 ? * 2-6 *)",
           f"report's schedule is {schedule['ScheduleExpression']}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"second plan: {out}{err}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url, "destroy"))
    expect(code == 0, f"destroy failed: {err}")
    clusters = ecs.list_clusters()["clusterArns"]
    left = [c["clusterName"] for c in (ecs.describe_clusters(clusters=clusters)["clusters"]
                                       if clusters else []) if c["status"] == "ACTIVE"] + [
        s["Name"] for s in aws["scheduler"].list_schedules()["Schedules"]]
    expect(not left, f"destroy left {left}")
    print("  imported prod, applied, read back, no changes, destroyed")


if __name__ == "__main__":
    sys.exit(apply_test.run_on_moto(check, "copilot import"))
