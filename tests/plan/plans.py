"""Helpers shared by the plan tests: building a program's plan with `eclc plan --json`, reading
placeholders (`${step-id.Response.Path}`), filling them from responses. Finding tools and listing
programs comes from the CloudFormation tests' helpers (tests/cfn/harness.py)."""

import json
import re
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import harness  # noqa: E402

PLACEHOLDER = re.compile(r"\$(\$?)\{([^}]*)\}")


def build_plan(eclc, program):
    """The plan document of one program, or (None, log) when eclc fails."""
    cmd = [eclc, "plan", str(program), "--json"] + harness.params_of(program)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stdout + r.stderr
    return json.loads(r.stdout), r.stderr


def placeholders(text, ids):
    """The (step id, response path) pairs of a string's placeholders; the step id is the longest
    prefix, ending before a `.`, that names a step. `$${` is a literal `${`."""
    out = []
    for m in PLACEHOLDER.finditer(text):
        if m.group(1):
            continue
        inner = m.group(2)
        found = None
        dot = inner.rfind(".")
        while dot > 0:
            if inner[:dot] in ids:
                found = (inner[:dot], inner[dot + 1:])
                break
            dot = inner.rfind(".", 0, dot)
        out.append(found or (None, inner))
    return out


def has_placeholder(text):
    return any(not m.group(1) for m in PLACEHOLDER.finditer(text))


def unescape(text):
    return text.replace("$${", "${")


def response_value(response, path):
    """`Vpc.VpcId`, `AutoScalingGroups[0].AutoScalingGroupARN` in a response dict;
    `PATH|after:TEXT` is the string at PATH after the last TEXT in it."""
    path, bar, after = path.partition("|after:")
    if bar:
        whole = response_value(response, path)
        if after not in whole:
            raise KeyError(f"`{after}` is not in `{whole}`")
        return whole[whole.rindex(after) + len(after):]
    value = response
    for part in path.split("."):
        m = re.fullmatch(r"([A-Za-z0-9_]+)((?:\[\d+\])*)", part)
        if not m:
            raise KeyError(f"bad response path `{path}`")
        value = value[m.group(1)]
        for index in re.findall(r"\[(\d+)\]", m.group(2)):
            value = value[int(index)]
    return value


def fill(value, responses, ids):
    """The request with every placeholder replaced by the text of the value it names."""
    if isinstance(value, str):
        def replace(m):
            if m.group(1):
                return "${" + m.group(2) + "}"
            (step, path), = placeholders(m.group(0), ids)
            if step is None:
                raise KeyError(f"placeholder `{m.group(0)}` names no step")
            v = response_value(responses[step], path)
            return str(v).lower() if isinstance(v, bool) else str(v)
        return PLACEHOLDER.sub(replace, value)
    if isinstance(value, list):
        return [fill(v, responses, ids) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, responses, ids) for k, v in value.items()}
    return value


def programs():
    """Every example and every clean golden program."""
    return harness.examples() + harness.clean_golden()
