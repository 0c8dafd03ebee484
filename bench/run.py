#!/usr/bin/env python3
"""Runs the eclc benchmark suite in one go and reports it (docs/performance.md).

  1. Generates programs of 1k ... 1M lines and of N services (bench/generate.py) in a scratch
     directory.
  2. Times whole processes, best of k fresh runs each: `eclc check` and
     `eclc compile --target cloudformation` per size (wall time, CPU time, peak RSS).
  3. Times the peers on the same infrastructure at N services: jsonnet
     (bench/peers/jsonnet/template.jsonnet) and the AWS CDK (bench/peers/cdk, `cdk synth`), after
     checking that each produces the same CloudFormation resources as eclc.
  4. Runs the Google Benchmark binaries, when built (-DECL_BENCH=ON): bench/stages_bench (per
     stage) and bench/lsp_bench (the language server's latency per change).
  5. Prints the tables and the ratios against the targets of issue #7, writes results.json and a
     log-log plot of time against program size (SVG, drawn here: no plotting library needed),
     and with --docs (the default for a full run) updates docs/performance.svg and the generated
     part of docs/performance.md.

  python3 bench/run.py [--eclc PATH] [--quick] [--output-dir DIR] [--runs K] [--no-docs]

--quick skips the 1M-line program and the CDK (the slow parts), measures the shapes at a tenth of
their size, and leaves docs/ alone.
"""
import argparse
import collections
import datetime
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate  # noqa: E402  (bench/generate.py: the programs' shape)

LINE_SIZES = [1000, 3000, 10000, 30000, 100000, 300000, 1000000]
SHAPE_LINES = 1000000  # each of generate.SHAPES at this size (100k lines with --quick)
SHAPE_RUNS = 3  # best of this many `eclc check` runs per shape (the full run's cost stays small)
LETS = 4600000  # `let`s in the lets program (issue #20: 60 MB, inside the size limit)
# Issue #20's targets for `eclc check` of each shape at SHAPE_LINES lines.
SHAPE_TARGET_RSS = 300e6
SHAPE_TARGET_WALL = 0.8
PEER_SERVICES = [10, 50, 150, 500]  # jsonnet at each; the CDK at 500 and, when cheap, the others
TARGET_SERVICES = 500
DOC_BEGIN = "<!-- BEGIN bench/run.py results: regenerate, do not edit -->"
DOC_END = "<!-- END bench/run.py results -->"


# --------------------------------------------------------------------------- measuring processes


class Run:
    """One finished child process: wall seconds, CPU seconds (user + system), peak RSS bytes."""

    def __init__(self, wall, cpu, rss, status, stderr):
        self.wall, self.cpu, self.rss, self.status, self.stderr = wall, cpu, rss, status, stderr


def run_once(argv, stdout_path, cwd=None, env=None):
    """Runs argv in a fresh process; rusage comes from wait4 on that one child (its peak RSS
    covers the children it waited for too: node's CLI runs the app in a child)."""
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                cwd=cwd, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024,
               proc.returncode, stderr)


TIME = "/usr/bin/time"


def peak_rss(argv, stdout_path, cwd=None, env=None):
    """Peak RSS in bytes of one more run, measured by GNU time: a child forked by this Python
    process is charged Python's own resident set until it execs (wait4's ru_maxrss keeps that
    high-water mark), which would put a floor of tens of MB under every tool; /usr/bin/time is a
    small process, so its child's ru_maxrss is the tool's own. None without /usr/bin/time."""
    if not os.access(TIME, os.X_OK):
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as f:
        r = run_once([TIME, "-q", "-f", "%M", "-o", f.name] + argv, stdout_path, cwd, env)
        text = f.read().strip().splitlines()
    if r.status != 0 or not text:
        return None
    return int(text[-1]) * 1024


def best_of(argv, stdout_path, runs, cwd=None, env=None, budget=None):
    """Best wall time of `runs` fresh runs (fewer when the runs so far took more than `budget` s),
    with the CPU time of that same run, and the peak RSS of one more run (peak_rss); the first
    failing run is returned as is."""
    best = None
    for i in range(runs):
        r = run_once(argv, stdout_path, cwd, env)
        if r.status != 0:
            return r, i + 1
        if best is None or r.wall < best.wall:
            best = r
        if budget is not None and r.wall * (i + 1) > budget:
            runs = i + 1
            break
    rss = peak_rss(argv, stdout_path, cwd, env)
    if rss is not None:
        best.rss = rss
    return best, runs


def first_error(stderr):
    for line in stderr.splitlines():
        if "error" in line:
            return line.strip()[:160]
    return stderr.strip().splitlines()[-1][:160] if stderr.strip() else ""


# --------------------------------------------------------------------------- templates


def resources(path):
    with open(path) as f:
        template = json.load(f)
    res = template.get("Resources", {})
    # DependsOn: "X" and ["X"] mean the same; the CDK writes the list.
    for r in res.values():
        if isinstance(r.get("DependsOn"), str):
            r["DependsOn"] = [r["DependsOn"]]
    return res


def compare(ours_path, theirs_path):
    ours, theirs = resources(ours_path), resources(theirs_path)
    types = lambda res: collections.Counter(r["Type"] for r in res.values())  # noqa: E731
    return {
        "resources": len(theirs),
        "same_count_and_types": types(ours) == types(theirs),
        "identical": ours == theirs,
    }


# --------------------------------------------------------------------------- environment


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split(":", 1)[1].split()[0])
            mem = "%.0f GiB RAM" % (kb / 2**20)
    except OSError:
        pass
    return {"cpu": model, "cores": os.cpu_count(), "memory": mem,
            "kernel": platform.release(), "python": platform.python_version()}


def tool_version(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        text = (out.stdout or out.stderr).strip().splitlines()
        return text[0] if text else ""
    except (OSError, subprocess.TimeoutExpired):
        return ""


def eclc_build(eclc):
    """Git commit of the tree and the build type of eclc's build directory."""
    info = {"path": eclc}
    info["commit"] = tool_version(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True)
    info["dirty"] = bool(dirty.stdout.strip())
    build_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(eclc))))
    cache = os.path.join(build_dir, "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as f:
            for line in f:
                if line.startswith("CMAKE_BUILD_TYPE:"):
                    info["build_type"] = line.split("=", 1)[1].strip()
    info["build_dir"] = build_dir
    return info


def loadavg():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


# --------------------------------------------------------------------------- the suite


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def generate_programs(scratch, quick):
    programs = []
    for lines in LINE_SIZES:
        if quick and lines > 300000:
            continue
        path = os.path.join(scratch, "l%d.ecl" % lines)
        text = generate.program(generate.services_for_lines(lines))
        with open(path, "w") as f:
            f.write(text)
        programs.append({"kind": "lines", "size": lines, "path": path,
                         "lines": text.count("\n"), "bytes": len(text.encode()),
                         "services": generate.services_for_lines(lines)})
    for n in PEER_SERVICES:
        path = os.path.join(scratch, "s%d.ecl" % n)
        text = generate.program(n)
        with open(path, "w") as f:
            f.write(text)
        programs.append({"kind": "services", "size": n, "path": path,
                         "lines": text.count("\n"), "bytes": len(text.encode()), "services": n})
    return programs


def measure_eclc(eclc, programs, scratch, runs):
    results = []
    for p in programs:
        row = dict(p)
        for mode in ("check", "compile"):
            argv = [eclc, "check", p["path"]] if mode == "check" else \
                [eclc, "compile", p["path"], "--target", "cloudformation"]
            out = os.path.join(scratch, "%s-%s.out" % (os.path.basename(p["path"]), mode))
            r, done = best_of(argv, out, runs, budget=20)
            row[mode] = {"wall": r.wall, "cpu": r.cpu, "rss": r.rss, "status": r.status,
                         "runs": done, "error": first_error(r.stderr) if r.status else ""}
            if mode == "compile" and r.status == 0:
                row["template"] = out
            log("  eclc %-7s %-9s %8.3f s wall %8.3f s cpu %7.1f MB%s" % (
                mode, os.path.basename(p["path"]), r.wall, r.cpu, r.rss / 1e6,
                "" if r.status == 0 else "  exit %d: %s" % (r.status, row[mode]["error"])))
        results.append(row)
    return results


def shape_verdict(r):
    """A shape's row against issue #20's targets (≤ SHAPE_TARGET_RSS peak RSS and
    ≤ SHAPE_TARGET_WALL s at SHAPE_LINES lines): only a program of about that size is judged (the
    --quick shapes are a tenth of it; the lets program is 4.6 million lines)."""
    if r["shape"] == "lets" or not 0.9 * SHAPE_LINES <= r["lines"] <= 1.1 * SHAPE_LINES:
        return "not judged (%s lines)" % fmt_lines(r["lines"])
    if r["status"] != 0:
        return "not met (exit %d)" % r["status"]
    misses = []
    if r["rss"] > SHAPE_TARGET_RSS:
        misses.append("RSS %s over %s" % (fmt_mb(r["rss"] - SHAPE_TARGET_RSS),
                                         fmt_mb(SHAPE_TARGET_RSS)))
    if r["wall"] > SHAPE_TARGET_WALL:
        misses.append("%s over %s" % (fmt_s(r["wall"] - SHAPE_TARGET_WALL),
                                      fmt_s(SHAPE_TARGET_WALL)))
    return "met" if not misses else "not met: " + ", ".join(misses)


def lets_program(n):
    """n one-line `let`s, `let v1f=1`: issue #20's 4.6 million `let`s in 60 MB."""
    return "".join("let v%x=1\n" % i for i in range(n))


def measure_shapes(eclc, scratch, quick):
    """`eclc check` of each generate.SHAPES program (SHAPE_LINES lines) and of the lets program:
    best wall time of SHAPE_RUNS runs with its CPU time, and peak RSS from one more run."""
    rows = []
    lines = SHAPE_LINES // 10 if quick else SHAPE_LINES
    programs = [(shape, generate.program(generate.services_for_lines(lines, shape), shape))
                for shape in generate.SHAPES]
    programs.append(("lets", lets_program(LETS // 10 if quick else LETS)))
    for shape, text in programs:
        path = os.path.join(scratch, "shape-%s.ecl" % shape)
        with open(path, "w") as f:
            f.write(text)
        del text
        r, done = best_of([eclc, "check", path], path + ".out", SHAPE_RUNS, budget=30)
        with open(path) as f:
            counted = sum(1 for _ in f)
        rows.append({"shape": shape, "lines": counted, "bytes": os.path.getsize(path),
                     "wall": r.wall, "cpu": r.cpu, "rss": r.rss, "status": r.status,
                     "runs": done, "error": first_error(r.stderr) if r.status else ""})
        log("  shape %-12s %8d lines %8.3f s wall %8.3f s cpu %7.1f MB  %s%s" % (
            shape, counted, r.wall, r.cpu, r.rss / 1e6, shape_verdict(rows[-1]),
            "" if r.status == 0 else "  exit %d: %s" % (r.status, rows[-1]["error"])))
        os.remove(path)
    return rows


def measure_jsonnet(jsonnet, scratch, services_list, ours, runs):
    template = os.path.join(HERE, "peers", "jsonnet", "template.jsonnet")
    if not shutil.which(jsonnet):
        log("  the jsonnet peer is not available (no %s: apt-get install jsonnet)" % jsonnet)
        return []
    rows = []
    for n in services_list:
        out = os.path.join(scratch, "jsonnet-s%d.json" % n)
        r, done = best_of([jsonnet, "--ext-str", "services=%d" % n, template], out, runs, budget=30)
        row = {"services": n, "wall": r.wall, "cpu": r.cpu, "rss": r.rss, "status": r.status,
               "runs": done, "error": first_error(r.stderr) if r.status else ""}
        if r.status == 0 and n in ours:
            row.update(compare(ours[n], out))
        log("  jsonnet s%-6d %8.3f s wall %8.3f s cpu %7.1f MB identical=%s" % (
            n, r.wall, r.cpu, r.rss / 1e6, row.get("identical")))
        rows.append(row)
    return rows


def cdk_install(cdk_dir):
    """`npm ci` from the lock file when node_modules is missing (or older than the lock)."""
    modules = os.path.join(cdk_dir, "node_modules")
    lock = os.path.join(cdk_dir, "package-lock.json")
    stamp = os.path.join(modules, ".package-lock.json")
    if os.path.exists(stamp) and os.path.getmtime(stamp) >= os.path.getmtime(lock):
        return True
    log("  npm ci in %s" % cdk_dir)
    # From npm's cache when it holds the locked packages (the registry only for what it lacks).
    r = subprocess.run(["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"], cwd=cdk_dir,
                       capture_output=True, text=True)
    if r.returncode != 0:
        log(r.stderr)
    return r.returncode == 0


def measure_cdk(scratch, services_list, ours, runs):
    cdk_dir = os.path.join(HERE, "peers", "cdk")
    if not shutil.which("node") or not cdk_install(cdk_dir):
        log("  the CDK peer is not available (node or npm ci failed)")
        return []
    cli = os.path.join(cdk_dir, "node_modules", ".bin", "cdk")
    # synth needs no AWS account, but the CLI's SDK looks for a region and credentials, and
    # without these asks the EC2 instance metadata service over the network and waits for it.
    env = dict(os.environ, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1",
               AWS_EC2_METADATA_DISABLED="true", AWS_REGION="us-east-1",
               AWS_DEFAULT_REGION="us-east-1")
    rows = []
    for n in services_list:
        outdir = os.path.join(scratch, "cdk-s%d.out" % n)
        argv = [cli, "synth", "--quiet", "--no-notices", "--no-version-reporting",
                "-c", "services=%d" % n, "-o", outdir]
        r, done = best_of(argv, os.path.join(scratch, "cdk-s%d.stdout" % n),
                          runs if n == TARGET_SERVICES else 1, cwd=cdk_dir, env=env, budget=60)
        row = {"services": n, "wall": r.wall, "cpu": r.cpu, "rss": r.rss, "status": r.status,
               "runs": done, "error": first_error(r.stderr) if r.status else ""}
        template = os.path.join(outdir, "bench.template.json")
        if r.status == 0 and n in ours and os.path.exists(template):
            row.update(compare(ours[n], template))
        log("  cdk     s%-6d %8.3f s wall %8.3f s cpu %7.1f MB identical=%s" % (
            n, r.wall, r.cpu, r.rss / 1e6, row.get("identical")))
        rows.append(row)
    return rows


def run_gbench(binary, args, scratch, name):
    if not binary or not os.path.exists(binary):
        log("  %s not built (configure with -DECL_BENCH=ON): skipped" % name)
        return None
    out = os.path.join(scratch, name + ".json")
    r = subprocess.run([binary, "--benchmark_out=" + out, "--benchmark_out_format=json"] + args,
                       capture_output=True, text=True)
    if r.returncode != 0 or not os.path.exists(out):
        log("  %s failed: %s" % (name, r.stderr[-500:]))
        return None
    with open(out) as f:
        data = json.load(f)
    rows = []
    for b in data.get("benchmarks", []):
        row = {"name": b["name"].split("/manual_time")[0].split("/real_time")[0],
               "error": b.get("error_message", "") if b.get("error_occurred") else ""}
        if not row["error"]:
            unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b.get("time_unit", "ns")]
            row.update({"real": b["real_time"] * unit, "cpu": b["cpu_time"] * unit,
                        "iterations": b["iterations"]})
            for k in ("lines/s", "bytes_per_second", "lines", "tokens", "diagnostics"):
                if k in b:
                    row[k] = b[k]
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- reporting


def fmt_s(seconds):
    if seconds is None:
        return "—"
    if seconds < 1e-3:
        return "%.0f µs" % (seconds * 1e6)
    if seconds < 1:
        return "%.1f ms" % (seconds * 1e3)
    return "%.2f s" % seconds


def fmt_mb(b):
    return "%.0f MB" % (b / 1e6) if b else "—"


def fmt_lines(n):
    if n >= 1000000:
        return "%.2fM" % (n / 1e6)
    if n >= 1000:
        return "%.1fk" % (n / 1e3)
    return str(n)


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def status_note(m):
    return "ok" if m["status"] == 0 else "exit %d: %s" % (m["status"], m["error"].split(": ", 1)[-1][:70])


def loglog_slope(points):
    """Least-squares slope of log(time) against log(lines): 1.0 is linear growth."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / den if den else None


def report(res):
    md = []
    env = res["environment"]
    md.append("Run of %s on %s: %s, %d cores, %s; eclc %s (%s%s), load average %.1f at the start "
              "and %.1f at the end (other work on the machine inflates wall times, less so CPU "
              "times); best of %d runs." % (
                  res["date"], "this machine", env["cpu"], env["cores"],
                  env["memory"], res["eclc"].get("commit", "?"),
                  res["eclc"].get("build_type", "?"),
                  ", uncommitted changes" if res["eclc"].get("dirty") else "",
                  res["load_start"] or 0, res["load_end"] or 0, res["runs"]))
    md.append("")
    md.append("**Whole process, by program size** (`eclc check` and `eclc compile --target "
              "cloudformation`, template to a file through stdout):")
    md.append("")
    rows = []
    for r in res["eclc_sizes"]:
        rows.append([fmt_lines(r["lines"]), "%.1f MB" % (r["bytes"] / 1e6), r["services"],
                     fmt_s(r["check"]["wall"]), fmt_s(r["check"]["cpu"]), fmt_mb(r["check"]["rss"]),
                     fmt_s(r["compile"]["wall"]), fmt_s(r["compile"]["cpu"]),
                     fmt_mb(r["compile"]["rss"]),
                     status_note(r["check"]) if r["check"]["status"] else status_note(r["compile"])])
    md.append(table(["lines", "size", "services", "check wall", "check CPU", "check RSS",
                     "compile wall", "compile CPU", "compile RSS", "status"], rows))
    md.append("")

    ours = {r["services"]: r for r in res["eclc_services"]}
    jn = {r["services"]: r for r in res["jsonnet"]}
    cdk = {r["services"]: r for r in res["cdk"]}
    md.append("**Peers, same template** (wall time, best of runs; the ratio is the peer's time "
              "over `eclc compile`'s):")
    md.append("")
    rows = []
    for n in PEER_SERVICES:
        e = ours.get(n)
        if not e:
            continue
        ec = e["compile"]
        row = [n, fmt_lines(e["lines"]), fmt_s(ec["wall"]) + " / " + fmt_mb(ec["rss"])]
        for peer in (jn.get(n), cdk.get(n)):
            if not peer:
                row += ["—", "—", "—"]
                continue
            ok = peer["status"] == 0
            row += [fmt_s(peer["wall"]) + " / " + fmt_mb(peer["rss"]) if ok else status_note(peer),
                    "%.0f×" % (peer["wall"] / ec["wall"]) if ok and ec["status"] == 0 else "—",
                    ("identical" if peer.get("identical") else
                     "same count and types" if peer.get("same_count_and_types") else "DIFFERENT")
                    if ok else "—"]
        rows.append(row)
    md.append(table(["services", "ECL lines", "eclc compile", "jsonnet", "jsonnet / eclc",
                     "jsonnet resources", "cdk synth", "cdk / eclc", "cdk resources"], rows))
    md.append("")

    # Targets.
    md.append("**Targets of issue #7:**")
    md.append("")
    rows = []
    e = ours.get(TARGET_SERVICES)
    ec = e["compile"] if e else None
    for name, peer, want in (("cdk synth", cdk.get(TARGET_SERVICES), 200),
                             ("jsonnet", jn.get(TARGET_SERVICES), 5)):
        if peer and peer["status"] == 0 and ec and ec["status"] == 0:
            ratio = peer["wall"] / ec["wall"]
            cpu_ratio = peer["cpu"] / ec["cpu"] if ec["cpu"] else 0
            rows.append(["N=%d compile vs %s" % (TARGET_SERVICES, name), "≥ %d×" % want,
                         "%.0f× wall (%s vs %s); %.0f× CPU (%s vs %s)" % (
                             ratio, fmt_s(ec["wall"]), fmt_s(peer["wall"]), cpu_ratio,
                             fmt_s(ec["cpu"]), fmt_s(peer["cpu"])),
                         "met" if ratio >= want else "not met"])
        else:
            rows.append(["N=%d compile vs %s" % (TARGET_SERVICES, name), "≥ %d×" % want,
                         "not measured", "—"])
    big = [r for r in res["eclc_sizes"] if r["size"] == 1000000]
    if big:
        c = big[0]["check"]
        ok = c["status"] == 0
        rows.append(["1M lines `eclc check` time", "≤ 1.5 s", fmt_s(c["wall"]) + " wall, " +
                     fmt_s(c["cpu"]) + " CPU" + ("" if ok else " (" + status_note(c) + ")"),
                     "met" if ok and c["wall"] <= 1.5 else "not met"])
        rows.append(["1M lines `eclc check` peak RSS", "≤ 600 MB", fmt_mb(c["rss"]),
                     "met" if ok and c["rss"] <= 600e6 else "not met"])
    clean = [(r["lines"], r["check"]["wall"]) for r in res["eclc_sizes"] if r["check"]["status"] == 0]
    slope = loglog_slope([p for p in clean if p[0] >= 10000])
    per_line = ["%s: %.2f µs" % (fmt_lines(l), t / l * 1e6) for l, t in clean]
    rows.append(["`eclc check` linear from 1k lines", "slope ≈ 1",
                 ("log-log slope %.2f over ≥10k lines; per line " % slope if slope else
                  "per line ") + ", ".join(per_line),
                 "only %d clean sizes" % len(clean) if len(clean) < len(res["eclc_sizes"]) else
                 ("met" if slope is not None and slope <= 1.15 else "not met")])
    md.append(table(["target", "goal", "measured", ""], rows))
    md.append("")

    if res.get("shapes"):
        md.append("**Shapes** (`eclc check`, best of %d runs; bench/generate.py `--shape`, and "
                  "4.6 million one-line `let`s; targets of issue #20: ≤ 0.8 s and "
                  "≤ 300 MB at 1M lines):" % SHAPE_RUNS)
        md.append("")
        rows = []
        for r in res["shapes"]:
            ok = r["status"] == 0
            rows.append([r["shape"], fmt_lines(r["lines"]), "%.1f MB" % (r["bytes"] / 1e6),
                         fmt_s(r["wall"]), fmt_s(r["cpu"]), fmt_mb(r["rss"]),
                         "ok" if ok else status_note(r), shape_verdict(r)])
        md.append(table(["shape", "lines", "size", "check wall", "check CPU", "check RSS",
                         "status", "≤ 0.8 s, ≤ 300 MB"], rows))
        md.append("")

    if res.get("stages"):
        md.append("**Stages** (bench/stages_bench, CPU time per run of the stage alone, its input "
                  "prepared outside the timing; `ast` is the whole syntax layer, text to AST):")
        md.append("")
        by = collections.OrderedDict()
        sizes = []
        for b in res["stages"]:
            stage, size = b["name"].split("/", 1)
            by.setdefault(stage, {})[size] = b
            if size not in sizes:
                sizes.append(size)
        rows = []
        for stage, per in by.items():
            row = [stage]
            for s in sizes:
                b = per.get(s)
                if not b:
                    row.append("—")
                elif b["error"]:
                    row.append("skipped: " + b["error"].split(": error")[-1][:48])
                else:
                    row.append("%s (%s lines/s)" % (fmt_s(b["cpu"]),
                                                    fmt_lines(int(b.get("lines/s", 0)))))
            rows.append(row)
        md.append(table(["stage"] + sizes, rows))
        md.append("")
    if res.get("lsp"):
        md.append("**Language server** (bench/lsp_bench, a ~2,000-line document; a change's "
                  "latency is wall time from the `didChange` frame to its `publishDiagnostics` "
                  "frame, and for completion and hover from a change sent with the request to "
                  "the request's answer; goal of issue #6: ≤ 10 ms):")
        md.append("")
        rows = []
        for b in res["lsp"]:
            if b["error"]:
                rows.append([b["name"], "error: " + b["error"], "", ""])
            elif b["name"].startswith(("lsp_change", "lsp_completion", "lsp_hover")):
                rows.append([b["name"], fmt_s(b["real"]), b["iterations"]])
            else:
                rows.append([b["name"] + " (CPU, no transport)", fmt_s(b["cpu"]), b["iterations"]])
        md.append(table(["benchmark", "time per change", "changes"], rows))
        md.append("")
    md.append("![time against program size, log-log](performance.svg)")
    return "\n".join(md)


# --------------------------------------------------------------------------- the plot


def svg_plot(res):
    """A log-log plot of wall time against program lines, as an SVG string."""
    W, H, L, R, T, B = 820, 480, 78, 250, 30, 50
    series = []

    def pts(rows, key=None):
        out = []
        for r in rows:
            m = r[key] if key else r
            if m["wall"]:
                out.append((r["lines"], m["wall"], m["status"] == 0))
        return out

    line_of = {r["services"]: r["lines"] for r in res["eclc_services"]}
    series.append(("eclc check", "#1f77b4", pts(res["eclc_sizes"], "check")))
    series.append(("eclc compile", "#2ca02c", pts(res["eclc_sizes"], "compile")))
    series.append(("eclc compile (N services)", "#98df8a",
                   pts(res["eclc_services"], "compile")))
    series.append(("jsonnet", "#ff7f0e", [(line_of[r["services"]], r["wall"], r["status"] == 0)
                                          for r in res["jsonnet"] if r["services"] in line_of]))
    series.append(("cdk synth", "#d62728", [(line_of[r["services"]], r["wall"], r["status"] == 0)
                                            for r in res["cdk"] if r["services"] in line_of]))
    allp = [p for s in series for p in s[2]]
    if not allp:
        return None
    x0 = 10 ** math.floor(math.log10(min(p[0] for p in allp)))
    x1 = 10 ** math.ceil(math.log10(max(p[0] for p in allp)))
    y0 = 10 ** math.floor(math.log10(min(min(p[1] for p in allp), 1.5)))
    y1 = 10 ** math.ceil(math.log10(max(max(p[1] for p in allp), 1.5)))

    def X(v):
        return L + (math.log10(v) - math.log10(x0)) / (math.log10(x1) - math.log10(x0)) * (W - L - R)

    def Y(v):
        return H - B - (math.log10(v) - math.log10(y0)) / (math.log10(y1) - math.log10(y0)) * (H - T - B)

    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
         'font-family="sans-serif" font-size="12">' % (W, H),
         '<rect width="100%" height="100%" fill="white"/>']
    d = x0
    while d <= x1 * 1.0001:
        for k in range(1, 10):
            v = d * k
            if v > x1 * 1.0001:
                break
            o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>' % (
                X(v), T, X(v), H - B, "#ccc" if k == 1 else "#eee"))
        label = "%gM" % (d / 1e6) if d >= 1e6 else "%gk" % (d / 1e3) if d >= 1e3 else "%g" % d
        o.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (X(d), H - B + 16, label))
        d *= 10
    d = y0
    while d <= y1 * 1.0001:
        for k in range(1, 10):
            v = d * k
            if v > y1 * 1.0001:
                break
            o.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s"/>' % (
                L, Y(v), W - R, Y(v), "#ccc" if k == 1 else "#eee"))
        o.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>' % (
            L - 6, Y(d) + 4, "%g ms" % (d * 1e3) if d < 1 else "%g s" % d))
        d *= 10
    o.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#333"/>' % (
        L, T, W - L - R, H - T - B))
    o.append('<text x="%.1f" y="%d" text-anchor="middle">program size (lines of ECL; peers: the '
             'same resources as the N-service program)</text>' % ((L + W - R) / 2, H - 12))
    o.append('<text transform="translate(14,%.1f) rotate(-90)" text-anchor="middle">wall time, '
             'whole process (best of runs)</text>' % ((T + H - B) / 2))
    o.append('<text x="%.1f" y="%d" text-anchor="middle" font-weight="bold">eclc against its '
             'peers: time against size, log-log</text>' % ((L + W - R) / 2, T - 10))
    # Target: 1M lines checked in 1.5 s.
    if x1 >= 1e6:
        o.append('<path d="M %.1f %.1f l 12 12 m -12 0 l 12 -12" stroke="#1f77b4" '
                 'stroke-width="2" fill="none"/>' % (X(1e6) - 6, Y(1.5) - 6))
        o.append('<text x="%.1f" y="%.1f" text-anchor="end" fill="#1f77b4">check target '
                 '1.5 s</text>' % (X(1e6) - 10, Y(1.5) + 16))
    for i, (name, color, points) in enumerate(series):
        points = sorted(points)
        if points:
            o.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (
                color, " ".join("%.1f,%.1f" % (X(x), Y(y)) for x, y, _ in points)))
            for x, y, ok in points:
                o.append('<circle cx="%.1f" cy="%.1f" r="4" stroke="%s" stroke-width="2" '
                         'fill="%s"/>' % (X(x), Y(y), color, color if ok else "white"))
        ly = T + 20 + i * 22
        o.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/>' % (
            W - R + 12, ly, W - R + 36, ly, color))
        o.append('<text x="%d" y="%d">%s</text>' % (W - R + 42, ly + 4, name))
    ly = T + 20 + len(series) * 22
    o.append('<circle cx="%d" cy="%d" r="4" stroke="#333" stroke-width="2" fill="white"/>' % (
        W - R + 24, ly))
    o.append('<text x="%d" y="%d">run stopped with an error</text>' % (W - R + 42, ly + 4))
    o.append("</svg>")
    return "\n".join(o) + "\n"


# --------------------------------------------------------------------------- main


def default_eclc():
    for d in ("build-bench", "build"):
        p = os.path.join(REPO, d, "tools", "eclc", "eclc")
        if os.path.exists(p):
            return p
    return shutil.which("eclc") or ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eclc", default=default_eclc(), help="the eclc binary (default: "
                    "build-bench/tools/eclc/eclc, else build/tools/eclc/eclc)")
    ap.add_argument("--quick", action="store_true", help="skip the 1M-line program and the CDK")
    ap.add_argument("--output-dir", help="scratch and results directory (default: a new "
                    "temporary directory)")
    ap.add_argument("--runs", type=int, default=5, help="best of K runs per measurement (fewer "
                    "for runs of many seconds)")
    ap.add_argument("--jsonnet", default=shutil.which("jsonnet") or "/usr/bin/jsonnet")
    ap.add_argument("--bench-dir", help="where stages_bench and lsp_bench are (default: bench/ "
                    "of eclc's build directory)")
    ap.add_argument("--stages-large", action=argparse.BooleanOptionalAction, default=None,
                    help="stages_bench on the 1M-line program too (default: in a full run)")
    docs = ap.add_mutually_exclusive_group()
    docs.add_argument("--docs", dest="docs", action="store_true", default=None,
                      help="write docs/performance.svg and the results part of "
                      "docs/performance.md (default for a full run)")
    docs.add_argument("--no-docs", dest="docs", action="store_false")
    args = ap.parse_args()
    if not args.eclc or not os.path.exists(args.eclc):
        ap.error("no eclc binary: build it or pass --eclc PATH")
    write_docs = (not args.quick) if args.docs is None else args.docs
    scratch = args.output_dir or tempfile.mkdtemp(prefix="eclc-bench-")
    os.makedirs(scratch, exist_ok=True)
    log("scratch: %s" % scratch)

    res = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "environment": machine(), "eclc": eclc_build(os.path.abspath(args.eclc)),
           "runs": args.runs, "load_start": loadavg(), "quick": args.quick}
    res["versions"] = {"jsonnet": tool_version([args.jsonnet, "--version"]),
                       "node": tool_version(["node", "--version"])}
    log("programs")
    programs = generate_programs(scratch, args.quick)
    log("eclc")
    measured = measure_eclc(args.eclc, programs, scratch, args.runs)
    res["eclc_sizes"] = [r for r in measured if r["kind"] == "lines"]
    res["eclc_services"] = [r for r in measured if r["kind"] == "services"]
    log("shapes")
    res["shapes"] = measure_shapes(args.eclc, scratch, args.quick)
    ours = {r["services"]: r["template"] for r in res["eclc_services"] if "template" in r}
    log("jsonnet")
    res["jsonnet"] = measure_jsonnet(args.jsonnet, scratch, PEER_SERVICES, ours, args.runs)
    res["cdk"] = []
    if not args.quick:
        log("cdk")
        res["cdk"] = measure_cdk(scratch, PEER_SERVICES, ours, min(args.runs, 3))
        lock = os.path.join(HERE, "peers", "cdk", "node_modules", "aws-cdk-lib", "package.json")
        if os.path.exists(lock):
            with open(lock) as f:
                res["versions"]["aws-cdk-lib"] = json.load(f)["version"]
    bench_dir = args.bench_dir or os.path.join(res["eclc"]["build_dir"], "bench")
    log("stages_bench")
    large = args.stages_large if args.stages_large is not None else not args.quick
    stage_args = ["--benchmark_min_time=0.2"] + (["--large"] if large else [])
    res["stages"] = run_gbench(os.path.join(bench_dir, "stages_bench"), stage_args, scratch,
                               "stages_bench")
    log("lsp_bench")
    res["lsp"] = run_gbench(os.path.join(bench_dir, "lsp_bench"), ["--benchmark_min_time=1"],
                            scratch, "lsp_bench")
    res["load_end"] = loadavg()
    missing = [name for name in ("jsonnet", "cdk") if not res[name] and not args.quick]
    if missing and args.docs is None:
        # The page compares eclc with both peers: a run without one leaves it as it is.
        log("not updating docs/ (no %s; --docs to update it all the same)" % " or ".join(missing))
        write_docs = False

    for key in ("path", "build_dir"):  # relative to the repository when inside it
        if res["eclc"].get(key, "").startswith(REPO + os.sep):
            res["eclc"][key] = os.path.relpath(res["eclc"][key], REPO)
    for r in measured:  # scratch paths mean nothing after the run
        r.pop("template", None)
        r.pop("path", None)
    with open(os.path.join(scratch, "results.json"), "w") as f:
        json.dump(res, f, indent=2)
    md = report(res)
    print(md)
    svg = svg_plot(res)
    with open(os.path.join(scratch, "performance.svg"), "w") as f:
        f.write(svg or "")
    with open(os.path.join(scratch, "results.md"), "w") as f:
        f.write(md + "\n")
    if write_docs:
        with open(os.path.join(REPO, "docs", "performance.svg"), "w") as f:
            f.write(svg or "")
        with open(os.path.join(REPO, "docs", "performance.json"), "w") as f:
            json.dump(res, f, indent=2)
            f.write("\n")
        doc = os.path.join(REPO, "docs", "performance.md")
        if os.path.exists(doc):
            with open(doc) as f:
                text = f.read()
            if DOC_BEGIN in text and DOC_END in text:
                head, rest = text.split(DOC_BEGIN, 1)
                _, tail = rest.split(DOC_END, 1)
                with open(doc, "w") as f:
                    f.write(head + DOC_BEGIN + "\n\n" + md + "\n\n" + DOC_END + tail)
                log("updated docs/performance.md, docs/performance.svg, docs/performance.json")
    log("results: %s" % os.path.join(scratch, "results.json"))


if __name__ == "__main__":
    main()
