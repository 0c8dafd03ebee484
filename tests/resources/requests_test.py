#!/usr/bin/env python3
"""Every request the resource descriptors hold besides the create calls (update calls with the
members they take, deletions, waiters' probes, look-ups after a crash, refresh reads; printed by
dump_requests) is valid for the AWS API models that ship with botocore: the operation exists, no
unknown member, required members present, types, enums and bounds respected. A template's
placeholders (`$output.id`, `$request.Name`, `$block`, `$answer.OperationId`) stand for strings,
`$ids` for a list of them. moto accepts members AWS refuses (it ignored `Filters` on DescribeNatGateways, whose member
is `Filter`); this is where such a call is caught.
Usage: requests_test.py --dump PATH (the dump_requests executable)"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import harness  # noqa: E402
import validate_test  # noqa: E402  (its Validator; botocore and regex are checked there)

SERVICES = {"elbv2": "elbv2", "application_autoscaling": "application-autoscaling"}


def as_placeholders(value):
    """The template with its placeholders in the form the validator accepts: `${...}`, and
    `$ids` as a list of one."""
    if isinstance(value, str) and value.startswith("$"):
        if value == "$ids":
            return ["${id}"]
        return "${" + value[1:] + "}"
    if isinstance(value, list):
        return [as_placeholders(v) for v in value]
    if isinstance(value, dict):
        return {k: as_placeholders(v) for k, v in value.items()}
    return value


class Validator(validate_test.Validator):
    """A whole-value template (`$request.IpPermissions`) takes the type of what the request sent,
    which plan_validate checks in the plans: accepted for any shape."""

    def check(self, value, shape, path):
        if isinstance(value, str) and value.startswith("${") and value.endswith("}"):
            return
        super().check(value, shape, path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dump", required=True)
    args = parser.parse_args()
    import botocore.session
    session = botocore.session.get_session()
    calls = json.loads(subprocess.run([args.dump], capture_output=True, text=True,
                                      check=True).stdout)
    problems = []
    models = {}
    for call in calls:
        where = f"{call['descriptor']} {call['where']} ({call['service']}:{call['operation']})"
        service = SERVICES.get(call["service"], call["service"])
        if service not in models:
            models[service] = session.get_service_model(service)
        model = models[service]
        if call["operation"] not in model.operation_names:
            problems.append(f"{where}: no such operation")
            continue
        shape = model.operation_model(call["operation"]).input_shape
        params = dict(call["params"])
        for name in [k for k, v in params.items() if v == "$updatable"]:
            # Sent as the create call sent it: only its name is checked here.
            if name not in shape.members:
                problems.append(f"{where}: the update takes no member `{name}`")
                del params[name]
        v = Validator(where)
        v.check(as_placeholders(params), shape, "params")
        problems += v.problems
    return harness.report(problems, f"descriptor requests: {len(calls)} calls checked, "
                                    f"{len(problems)} problems")


if __name__ == "__main__":
    sys.exit(main())
