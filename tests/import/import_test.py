#!/usr/bin/env python3
"""`eclc import` on real files we did not write (fixtures/<source>/, each with its LICENSE):
every fixture imports without a crash, the program is formatted (`eclc fmt --check`), every
setting left out is both a `// TODO` in the program and a W0017 warning, and `eclc check` reports
only diagnostics the source deserves. The program and the diagnostics of both steps are compared
with golden/<source>/<fixture>.ecl and .diag (regenerate with ECL_UPDATE_GOLDEN=1). Then hostile
input: malformed YAML or JSON, the wrong kind of file, a missing one. Prints how many fixtures
import clean, with warnings, and with check errors."""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIND = {"awesome-compose": "compose", "aws-containers-task-definitions": "task-definition",
        "botocore-examples": "task-definition", "copilot": "copilot"}
# What `eclc check` may say of an imported program: what its source really does.
DESERVED = {
    "W0017": "a setting left as a TODO (import)",
    "W0018": "a name changed to an identifier (import)",
    "E2002": "`image` missing: the compose service or Copilot manifest only has `build:`; or the "
             "`cidr` and `zone` of a VPC a Copilot environment imports, which it does not say",
    "E2006": "a mock CIDR in Copilot's test data (`mock-cidr-0`)",
    "E3412": "a mock VPC or subnet ID in Copilot's test data (`mock-vpc-id`)",
    "E3107": "a compose port `80:8080`: under awsvpc the host port is the container port",
    "E3108": "two services publishing the same port share no host under awsvpc, but one task would",
    "E3111": "an EC2 task definition without memory for a container",
    "E3113": "a log driver Fargate does not support",
    "E3115": "a privileged container, a host path (a bind mount) or a capability other than "
             "SYS_PTRACE, on Fargate",
    "W0001": "a port published to the world",
    "W0002": "a password in plain environment",
}
problems = []
UPDATE = os.environ.get("ECL_UPDATE_GOLDEN") == "1"


def expect(cond, message):
    if not cond:
        problems.append(message)


def codes(text):
    return re.findall(r"\b(?:error|warning)\[([EW]\d{4})\]", text)


def golden(path, actual):
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual)
    elif not path.is_file():
        problems.append(f"{path}: no golden file (run with ECL_UPDATE_GOLDEN=1)")
    elif path.read_text() != actual:
        problems.append(f"{path}: differs from the output; review, then ECL_UPDATE_GOLDEN=1")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    eclc = os.path.abspath(parser.parse_args().eclc)
    os.chdir(HERE)
    tally = {"clean": [], "warnings": [], "errors": []}
    # A file, or for Copilot a workspace: a directory holding `copilot/`.
    fixtures = sorted(p for p in Path("fixtures").glob("*/*")
                      if p.suffix in (".yaml", ".yml", ".json") or (p / "copilot").is_dir())
    expect(len(fixtures) >= 30, f"only {len(fixtures)} fixtures")
    with tempfile.TemporaryDirectory() as tmp:
        for fixture in fixtures:
            source = fixture.parent.name
            expect((fixture.parent / "LICENSE").is_file(), f"{source}: no LICENSE beside it")
            out = Path(tmp) / (fixture.stem + ".ecl")
            imp = subprocess.run([eclc, "import", KIND[source], str(fixture), "-o", str(out),
                                  "--color", "never"], capture_output=True, text=True)
            if imp.returncode != 0 or not out.is_file():
                problems.append(f"{fixture}: import exit {imp.returncode}: {imp.stderr}")
                continue
            program = out.read_text()
            fmt = subprocess.run([eclc, "fmt", "--check", str(out)], capture_output=True, text=True)
            expect(fmt.returncode == 0, f"{fixture}: the program is not formatted")
            todos = program.count("// TODO")
            expect(codes(imp.stderr).count("W0017") == todos,
                   f"{fixture}: {todos} TODOs but {codes(imp.stderr).count('W0017')} W0017")
            check = subprocess.run([eclc, "check", str(out), "--color", "never"],
                                   capture_output=True, text=True, cwd=tmp)
            expect(check.returncode in (0, 1), f"{fixture}: check exit {check.returncode}")
            found = codes(imp.stderr) + codes(check.stdout + check.stderr)
            for code in found:
                expect(code in DESERVED, f"{fixture}: `{code}` is not a diagnostic the source "
                                         f"deserves:\n{check.stdout}{check.stderr}")
            diag = ("== eclc import\n" + imp.stderr.replace(tmp + "/", "") +
                    "== eclc check\n" + (check.stdout + check.stderr).replace(tmp + "/", ""))
            base = HERE / "golden" / source
            golden(base / (fixture.stem + ".ecl"), program)  # stems hold dots: not with_suffix
            golden(base / (fixture.stem + ".diag"), diag)
            kind = ("errors" if check.returncode else
                    "warnings" if found else "clean")
            tally[kind].append(f"{fixture.name} ({', '.join(sorted(set(found)))})"
                               if found else fixture.name)

        # A golden file whose fixture is gone.
        stems = {(f.parent.name, f.stem) for f in fixtures}
        for g in sorted(g for g in (HERE / "golden").glob("*/*")
                        if g.parent.name != "copilot-workspace"):
            expect((g.parent.name, g.name.rsplit(".", 1)[0]) in stems,
                   f"{g}: no fixture imports to it; delete it")

        # Hostile input: a clear error with file:line:col, exit 1, nothing written.
        def hostile(kind, name, text, code, where):
            path = Path(tmp) / name
            path.write_bytes(text if isinstance(text, bytes) else text.encode())
            out = Path(tmp) / "hostile.ecl"
            r = subprocess.run([eclc, "import", kind, str(path), "-o", str(out), "--color", "never"],
                               capture_output=True, text=True)
            expect(r.returncode == 1, f"{name}: exit {r.returncode}, not 1: {r.stderr}")
            expect(f"[{code}]" in r.stderr, f"{name}: no {code}: {r.stderr}")
            expect(f"{name}:{where}" in r.stderr, f"{name}: not at {where}: {r.stderr}")
            expect(not out.exists(), f"{name}: a program was written")

        hostile("compose", "tabs.yaml", "services:\n\tweb:\n  image: x\n", "E0030", "2:")
        hostile("compose", "unclosed.yaml", "services:\n  web: {image: [x\n", "E0030", "3:")
        hostile("compose", "list.yaml", "- a\n- b\n", "E0031", "1:1")
        hostile("compose", "noimage.yaml", "services:\n  web:\n    ports: [80]\n", "E0031", "3:5")
        hostile("compose", "badport.yaml", "services:\n  web:\n    image: x\n    ports: 80\n",
                "E0031", "4:12")
        hostile("compose", "deep.yaml", "services: " + "[" * 5000 + "]" * 5000 + "\n", "E0030",
                "1:")
        hostile("compose", "binary.yaml", b"services:\n  \xff\xfe\x00web: 1\n", "E0030", "2:3")
        hostile("compose", "nul.yaml", b"services:\n  web:\x00\n", "E0030", "2:7")
        hostile("task-definition", "trailing.json", '{"family": "x",}\n', "E0030", "1:16")
        hostile("task-definition", "cut.json", '{"containerDefinitions": [\n  {"name": "a"\n',
                "E0030", "3:1")
        hostile("task-definition", "array.json", "[1, 2]\n", "E0031", "1:1")
        hostile("task-definition", "deep.json", "[" * 100000 + "]" * 100000, "E0031", "1:1")
        hostile("task-definition", "open.json", "[" * 100000, "E0030", "1:")
        hostile("task-definition", "env.json",
                '{"containerDefinitions": [{"name": "a", "image": "x",\n'
                ' "environment": [{"value": "v"}]}]}\n', "E0031", "2:2")
        r = subprocess.run([eclc, "import", "compose", str(Path(tmp) / "missing.yaml")],
                           capture_output=True, text=True)
        expect(r.returncode == 2 and "E0015" in r.stderr, f"a missing file: {r.returncode} {r.stderr}")
        # A FIFO with no writer is refused, not waited on (the reader `eclc check` uses).
        fifo = Path(tmp) / "fifo.yaml"
        os.mkfifo(fifo)
        r = subprocess.run([eclc, "import", "compose", str(fifo)], capture_output=True, text=True,
                           timeout=30)
        expect(r.returncode == 2 and "E0015" in r.stderr, f"a FIFO: {r.returncode} {r.stderr}")
        # Copilot: hostile manifests in a workspace of their own.
        def hostile_copilot(name, text, code, where):
            ws = Path(tmp) / ("ws-" + name) / "copilot" / name
            ws.mkdir(parents=True)
            (ws / "manifest.yml").write_bytes(text if isinstance(text, bytes) else text.encode())
            out = Path(tmp) / "hostile.ecl"
            r = subprocess.run([eclc, "import", "copilot", str(ws.parent.parent), "-o", str(out),
                                "--color", "never"], capture_output=True, text=True)
            expect(r.returncode == 1, f"copilot {name}: exit {r.returncode}, not 1: {r.stderr}")
            expect(f"[{code}]" in r.stderr, f"copilot {name}: no {code}: {r.stderr}")
            expect(f"{name}/manifest.yml:{where}" in r.stderr,
                   f"copilot {name}: not at {where}: {r.stderr}")
            expect(not out.exists(), f"copilot {name}: a program was written")

        hostile_copilot("tabs", "name: x\n\ttype: Backend Service\n", "E0030", "2:")
        hostile_copilot("list", "- a\n", "E0031", "1:1")
        hostile_copilot("port", "name: x\ntype: Backend Service\nimage:\n  port: eighty\n",
                        "E0031", "4:9")
        hostile_copilot("range", "name: x\ntype: Backend Service\ncount:\n  range: lots\n",
                        "E0031", "4:10")
        hostile_copilot("binary", b"name: \xff\n", "E0030", "1:7")
        r = subprocess.run([eclc, "import", "copilot", tmp + "/nowhere"], capture_output=True,
                           text=True)
        expect(r.returncode == 2 and "not a directory" in r.stderr,
               f"copilot, no directory: {r.returncode} {r.stderr}")
        r = subprocess.run([eclc, "import", "copilot", str(HERE / "fixtures")],
                           capture_output=True, text=True)
        expect(r.returncode == 2 and "not a Copilot workspace" in r.stderr,
               f"copilot, not a workspace: {r.returncode} {r.stderr}")

        # Copilot's semantics, case by case (found by a new-user run): each a small workspace.
        def copilot(name, files, *args):
            root = Path(tmp) / ("case-" + name) / "copilot"
            for rel, text in files.items():
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(text)
            out = Path(tmp) / f"case-{name}.ecl"
            r = subprocess.run([eclc, "import", "copilot", str(root), "-o", str(out), "--color",
                                "never", *args], capture_output=True, text=True)
            program = out.read_text() if out.is_file() else ""
            if program:
                c = subprocess.run([eclc, "check", str(out), "--color", "never"],
                                   capture_output=True, text=True)
                expect(c.returncode == 0, f"copilot {name}: check: {c.stdout}{c.stderr}")
            return r, program

        web = ("name: web\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n"
               "  port: 80\n")
        r, prog = copilot("stickiness", {"web/manifest.yml": web + "http:\n  path: /\n"
                                         "  stickiness: true\n"})
        expect(r.returncode == 0 and "stickiness           = 24h" in prog,
               f"copilot stickiness: {r.returncode} {r.stderr}")
        r, prog = copilot("no-http", {"web/manifest.yml": web})
        expect("forward = web" in prog and "deregistration_delay = 60s" in prog and
               "health_check_grace_period = 60s" in prog,
               f"copilot: a web service without `http` is not on `/` with Copilot's defaults")
        r, prog = copilot("spot", {"w/manifest.yml": "name: w\ntype: Worker Service\nimage:\n"
                                   "  location: busybox\ncount:\n  spot: 2\nenvironments:\n"
                                   "  prod:\n    count:\n      range: 1-5\n"
                                   "      cpu_percentage: 50\n      cooldown:\n"
                                   "        in: 30s\n"}, "--env", "test")
        expect("capacity = [fargate, fargate_spot]" in prog and "capacity        = [fargate_spot]"
               in prog, f"copilot: `count.spot` without the cluster's Spot:\n{prog}")
        r, prog = copilot("spot-prod", {"w/manifest.yml": "name: w\ntype: Worker Service\n"
                                        "image:\n  location: busybox\ncount:\n  spot: 2\n"
                                        "environments:\n  prod:\n    count:\n"
                                        "      range: 1-5\n      cpu_percentage: 50\n"
                                        "      cooldown:\n        in: 30s\n"}, "--env", "prod")
        expect(prog.count("desired") == 1 and "fargate_spot" not in prog and
               "scale_in_cooldown  = 30s" in prog and "scale_out_cooldown = 60s" in prog,
               f"copilot: prod's autoscaling over a Spot count:\n{prog}")
        r, prog = copilot("network", {"api/manifest.yml": "name: api\ntype: Backend Service\n"
                                      "image:\n  location: nginx\n  port: 80\nnetwork:\n"
                                      "  connect:\n    alias: frontdoor\n  vpc:\n"
                                      "    placement: private\n"
                                      "    security_groups: [sg-0123456789abcdef0]\n"})
        expect('dns_name = "frontdoor"' in prog and "[main.private_a, main.private_b]" in prog and
               "nat_gateway" in prog and "W0017" in r.stderr,
               f"copilot: connect alias or placement beside security groups:\n{prog}")
        job = "name: j\ntype: Scheduled Job\nimage:\n  location: busybox\non:\n  schedule: "
        for cron, expected in (("'0 0 * * 1#2'", "cron(0 0 ? * 2#2 *)"),
                               ("'0 6 * * 5-7'", "cron(0 6 ? * 6-7,1 *)"),
                               ("'0 6 * * sun'", "cron(0 6 ? * SUN *)"),
                               ("'@every 90m'", "rate(90 minutes)")):
            r, prog = copilot("cron", {"j/manifest.yml": job + cron + "\n"})
            expect(expected in prog, f"copilot: {cron} is not {expected}:\n{prog}")
        r, prog = copilot("routes", {
            "a/manifest.yml": web.replace("web", "a") + "http:\n  path: api\n",
            "b/manifest.yml": web.replace("web", "b") + "http:\n  path: api/v2\n",
            "c/manifest.yml": web.replace("web", "c") + "http:\n  path: /\n"
                              "  target_container: proxy\nsidecars:\n  proxy:\n"
                              "    image: envoyproxy/envoy\n    port: 8080\n"})
        expect(prog.find('paths    = ["/api/v2"') < prog.find('paths    = ["/api"') and
               'container = "proxy", port = 8080' in prog,
               f"copilot: rule order or target container:\n{prog}")
        r, prog = copilot("exec", {"web/manifest.yml": web + "exec: maybe\n"})
        expect(r.returncode == 1 and "E0031" in r.stderr and "web/manifest.yml:6:7" in r.stderr,
               f"copilot: `exec: maybe` {r.returncode} {r.stderr}")
        # Copilot's own variables are filled in; another of the shell that deploys is a TODO,
        # and `\${X}` is the text `${X}` (found by a new-user run: kept as they were, no TODO).
        r, prog = copilot("variables", {"api/manifest.yml": web.replace("web", "api") +
                                        "secrets:\n  KEY: /copilot/${COPILOT_APPLICATION_NAME}/"
                                        "${COPILOT_ENVIRONMENT_NAME}/secrets/key\n"
                                        "  SVC: /x/${COPILOT_SERVICE_NAME}/y\n"
                                        "variables:\n  HOME_TEXT: \\${HOME}\n"}, "--env", "test")
        expect('KEY = "/copilot/app/test/secrets/key"' in prog and 'HOME_TEXT = "\\${HOME}"' in prog
               and codes(r.stderr).count("W0017") == 1 and prog.count("// TODO") == 1 and
               "`${COPILOT_SERVICE_NAME}`" in r.stderr,
               f"copilot: manifest variables:\n{r.stderr}\n{prog}")
        r, prog = copilot("region", {"environments/test/manifest.yml":
                                     "name: test\ntype: Environment\nnetwork:\n  vpc:\n"
                                     "    cidr: 10.1.0.0/16\n    subnets:\n      public:\n"
                                     "        - cidr: 10.1.0.0/24\n          az: us-west-2a\n"
                                     "        - cidr: 10.1.1.0/24\n          az: us-west-2b\n"})
        expect('region = "us-west-2"' in prog, f"copilot: the zones' region:\n{prog}")

        # A task definition's container without a logConfiguration logs nowhere, beside one that
        # logs to `/ecs/FAMILY`, ECL's default group: the program checks clean (it was E3122).
        td = Path(tmp) / "td_min.json"
        td.write_text(json.dumps({
            "family": "t", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512", "containerDefinitions": [
                {"name": "app", "image": "nginx", "logConfiguration": {
                    "logDriver": "awslogs", "options": {"awslogs-group": "/ecs/t",
                                                        "awslogs-region": "us-east-1"}}},
                {"name": "xray", "image": "amazon/aws-xray-daemon", "essential": False,
                 "portMappings": [{"containerPort": 2000, "protocol": "udp"}]}]}))
        out = Path(tmp) / "td_min.ecl"
        r = subprocess.run([eclc, "import", "task-definition", str(td), "-o", str(out)],
                           capture_output=True, text=True)
        c = subprocess.run([eclc, "check", str(out), "--color", "never"], capture_output=True,
                           text=True)
        expect(r.returncode == 0 and c.returncode == 0 and not codes(r.stderr + c.stdout +
                                                                    c.stderr),
               f"task definition, a container without logs: {r.stderr}{c.stdout}{c.stderr}")

        # Our own two-environment workspace: one environment at a time, each lint-clean.
        ws = HERE / "copilot_workspace"
        r = subprocess.run([eclc, "import", "copilot", str(ws)], capture_output=True, text=True)
        expect(r.returncode == 2 and "choose one with --env (prod, test)" in r.stderr,
               f"copilot, two environments and no --env: {r.returncode} {r.stderr}")
        r = subprocess.run([eclc, "import", "copilot", str(ws), "--env", "stage"],
                           capture_output=True, text=True)
        expect(r.returncode == 2 and "no environment `stage`" in r.stderr,
               f"copilot, an unknown environment: {r.returncode} {r.stderr}")
        programs = {}
        for env in ("test", "prod"):
            out = Path(tmp) / f"shop-{env}.ecl"
            r = subprocess.run([eclc, "import", "copilot", str(ws), "--env", env, "-o", str(out)],
                               capture_output=True, text=True)
            expect(r.returncode == 0 and not codes(r.stderr),
                   f"copilot {env}: import {r.returncode}: {r.stderr}")
            if not out.is_file():
                continue
            programs[env] = out.read_text()
            golden(HERE / "golden" / "copilot-workspace" / f"shop-{env}.ecl", programs[env])
            template = Path(tmp) / f"shop-{env}.json"
            c = subprocess.run([eclc, "compile", str(out), "--target", "cloudformation", "-o",
                                str(template)], capture_output=True, text=True)
            expect(c.returncode == 0 and not codes(c.stderr),
                   f"copilot {env}: compile {c.returncode}: {c.stderr}")
            lint = subprocess.run(["cfn-lint", str(template)], capture_output=True, text=True)
            expect(lint.returncode == 0, f"copilot {env}: cfn-lint: {lint.stdout}{lint.stderr}")
        if len(programs) == 2:
            # prod's overrides: scaling for `front`, three `api` tasks, private placement.
            expect("scaling {" in programs["prod"] and "scaling {" not in programs["test"],
                   "copilot: prod's `count.range` is not a `scaling`")
            expect("desired         = 3" in programs["prod"], "copilot: prod's `count: 3`")
            expect("nat_gateway" in programs["prod"], "copilot: private placement has no NAT")
            expect('"10.40.0.0/16"' in programs["prod"], "copilot: prod's CIDR")

        r = subprocess.run([eclc, "import", "kubernetes", "x"], capture_output=True, text=True)
        expect(r.returncode == 2, f"an unknown source: exit {r.returncode}")

    total = len(fixtures)
    print(f"{total} fixtures: {len(tally['clean'])} import and check clean, "
          f"{len(tally['warnings'])} with warnings only, {len(tally['errors'])} with the errors "
          "their source deserves")
    for kind in ("clean", "warnings", "errors"):
        for line in tally[kind]:
            print(f"  {kind}: {line}")
    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
