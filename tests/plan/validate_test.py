#!/usr/bin/env python3
"""Every call of every example's and every clean golden program's plan is a valid request for the
AWS API models that ship with botocore: required members present, no unknown member, the right
types, enum values, patterns, lengths and ranges respected (a placeholder is accepted where a
string is expected). The document itself is checked too: step ids unique, every step after all
it depends on, every placeholder naming an earlier step it depends on and a value that step
produces."""

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import plans  # noqa: E402
import harness  # noqa: E402

try:
    import botocore.session
    import regex  # botocore's patterns are Java regular expressions: \p{L} needs `regex`
except ImportError as e:
    harness.fail(f"{e.name} is missing; install it (pip install botocore regex)")

SERVICES = {"ec2", "ecs", "iam", "logs", "autoscaling", "elbv2", "application-autoscaling", "efs",
            "scheduler", "ecr", "servicediscovery"}
# Calls that answer with no more than a handle on AWS's work (resources::Operation::answers_handle:
# Cloud Map's creates, an OperationId): apply reads what they made once the work is done, and
# their outputs are paths in that answer, shaped as this operation's.
ANSWER_READ_AS = {"CreateHttpNamespace": "GetNamespace", "CreatePrivateDnsNamespace": "GetNamespace"}
_patterns = {}


def compiled(pattern):
    if pattern not in _patterns:
        # Java's UTF-16 surrogate pair range, and `-` after a class escape, in Python's terms.
        p = pattern.replace(r"\uD800\uDC00-\uDBFF\uDFFF", r"\U00010000-\U0010FFFF")
        p = p.replace(r"[\w-_]", r"[\w\-_]")
        _patterns[pattern] = regex.compile(p)
    return _patterns[pattern]


class Validator:
    def __init__(self, where):
        self.where = where
        self.problems = []

    def problem(self, path, message):
        self.problems.append(f"{self.where}: {path}: {message}")

    def check(self, value, shape, path):
        t = shape.type_name
        meta = shape.metadata
        if t == "structure":
            if not isinstance(value, dict):
                return self.problem(path, f"expected a structure, got {value!r}")
            for name in shape.required_members:
                if name not in value:
                    self.problem(path, f"required member `{name}` is missing")
            for name, v in value.items():
                if name not in shape.members:
                    self.problem(path, f"unknown member `{name}` (members: "
                                       f"{', '.join(sorted(shape.members))})")
                    continue
                self.check(v, shape.members[name], f"{path}.{name}")
        elif t == "list":
            if not isinstance(value, list):
                return self.problem(path, f"expected a list, got {value!r}")
            self.bounds(len(value), meta, path, "items")
            for i, v in enumerate(value):
                self.check(v, shape.member, f"{path}[{i}]")
        elif t == "map":
            if not isinstance(value, dict):
                return self.problem(path, f"expected a map, got {value!r}")
            self.bounds(len(value), meta, path, "entries")
            for k, v in value.items():
                self.check(k, shape.key, f"{path} key {k!r}")
                self.check(v, shape.value, f"{path}[{k!r}]")
        elif t == "string":
            if not isinstance(value, str):
                return self.problem(path, f"expected a string, got {value!r}")
            if plans.has_placeholder(value):
                return  # known once an earlier step ran; its form is checked by the executor
            text = plans.unescape(value)
            if shape.enum and text not in shape.enum:
                self.problem(path, f"`{text}` is not one of {shape.enum}")
            self.bounds(len(text), meta, path, "characters")
            if "pattern" in meta and not compiled(meta["pattern"]).fullmatch(text):
                self.problem(path, f"`{text}` does not match the pattern {meta['pattern']}")
        elif t in ("integer", "long"):
            if isinstance(value, bool) or not isinstance(value, int):
                return self.problem(path, f"expected an integer, got {value!r}")
            self.bounds(value, meta, path, "")
        elif t in ("double", "float"):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return self.problem(path, f"expected a number, got {value!r}")
        elif t == "boolean":
            if not isinstance(value, bool):
                return self.problem(path, f"expected a boolean, got {value!r}")
        elif t == "blob":
            if not isinstance(value, str):
                return self.problem(path, f"expected a blob (base64 text), got {value!r}")
        elif t == "timestamp":
            if not isinstance(value, (str, int)):
                return self.problem(path, f"expected a timestamp, got {value!r}")
        else:
            self.problem(path, f"unhandled shape type {t}")

    def bounds(self, n, meta, path, unit):
        if "min" in meta and n < meta["min"]:
            self.problem(path, f"{n} {unit} is below the minimum {meta['min']}".replace("  ", " "))
        if "max" in meta and n > meta["max"]:
            self.problem(path, f"{n} {unit} is above the maximum {meta['max']}".replace("  ", " "))


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(k)
            yield from strings(v)


def check_document(name, plan, session):
    v = Validator(name)
    if plan.get("format_version") != 1:
        v.problem("format_version", f"expected 1, got {plan.get('format_version')!r}")
    if not isinstance(plan.get("region"), str) or not plan["region"]:
        v.problem("region", "missing")
    steps = plan.get("steps", [])
    ids = {s["id"] for s in steps}
    if len(ids) != len(steps):
        v.problem("steps", "step ids are not unique")
    position = {}
    produced = {}
    calls = 0
    for i, step in enumerate(steps):
        sid = step["id"]
        where = f"step {sid} ({step['service']}:{step['operation']})"
        for key in ("id", "block", "action", "service", "operation", "summary", "params",
                    "depends_on", "produces"):
            if key not in step:
                v.problem(where, f"has no `{key}`")
        if step["action"] not in ("create", "read"):
            v.problem(where, f"action `{step['action']}`")
        if not (sid == step["block"] or sid.startswith((step["block"] + "#", step["block"] + "@"))):
            v.problem(where, f"id does not start with its block `{step['block']}`")
        for dep in step["depends_on"]:
            if dep not in position:
                v.problem(where, f"depends on `{dep}`, which does not come before it")
        if len(set(step["depends_on"])) != len(step["depends_on"]):
            v.problem(where, "depends_on repeats a step")
        for text in strings(step["params"]):
            for dep, path in plans.placeholders(text, ids):
                if dep is None:
                    v.problem(where, f"placeholder `{path}` names no step")
                elif dep not in step["depends_on"]:
                    v.problem(where, f"uses `{dep}` without depending on it")
                elif path not in produced.get(dep, ()):
                    v.problem(where, f"uses `{path}` of `{dep}`, which that step does not produce")
        position[sid] = i
        produced[sid] = set(step["produces"].values())
        if step["service"] not in SERVICES:
            v.problem(where, f"unknown service `{step['service']}`")
            continue
        model = session.get_service_model(step["service"])
        if step["operation"] not in model.operation_names:
            v.problem(where, "no such operation")
            continue
        op = model.operation_model(step["operation"])
        v.check(step["params"], op.input_shape, f"{where} params")
        # Each produced path exists in the operation's response shape (`PATH|after:TEXT` is a
        # part of the string at PATH).
        answer = model.operation_model(ANSWER_READ_AS.get(step["operation"], step["operation"]))
        for value_name, path in step["produces"].items():
            shape = answer.output_shape
            path, _, after = path.partition("|after:")
            for part in path.split("."):
                member = part.split("[")[0]
                if shape is None or shape.type_name != "structure" or member not in shape.members:
                    v.problem(where, f"produces `{value_name}` at `{path}`, not in the response")
                    break
                shape = shape.members[member]
                for _ in range(part.count("[")):
                    shape = shape.member if shape.type_name == "list" else None
                    if shape is None:
                        break
            if after and (shape is None or shape.type_name != "string"):
                v.problem(where, f"produces `{value_name}` after `{after}` in a non-string")
        calls += 1
    # A job's RunTask (`eclc run`): its request, and the placeholders it names.
    run_task = session.get_service_model("ecs").operation_model("RunTask").input_shape
    for job, request in plan.get("runs", {}).items():
        v.check(request, run_task, f"run {job}")
        for text in strings(request):
            for dep, path in plans.placeholders(text, ids):
                if dep is None or path not in produced.get(dep, ()):
                    v.problem(f"run {job}", f"placeholder `{dep}.{path}` names nothing produced")
        calls += 1
    for name, value in plan.get("outputs", {}).items():
        for text in strings(value):
            for dep, path in plans.placeholders(text, ids):
                if dep is None or path not in produced.get(dep, ()):
                    v.problem(f"output {name}", f"placeholder `{dep}.{path}` names nothing produced")
    return v.problems, calls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    args = parser.parse_args()
    session = botocore.session.get_session()
    programs = plans.programs()
    if not programs:
        harness.fail("no program to validate")
    problems = []
    total = 0
    for program in programs:
        name = program.relative_to(harness.ROOT)
        plan, log = plans.build_plan(args.eclc, program)
        if plan is None:
            problems.append(f"{name}: eclc plan failed:\n{log}")
            continue
        found, calls = check_document(name, plan, session)
        problems += found
        total += calls
        print(f"{name}: {calls} calls checked against botocore {botocore.__version__}")
    return harness.report(problems, f"plan validation: {len(programs)} programs, {total} calls, "
                                    f"{len(problems)} problems")


if __name__ == "__main__":
    sys.exit(main())
