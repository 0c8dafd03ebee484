#!/usr/bin/env python3
"""Apply speed against a fixed per-call latency (issue #15): how long `eclc apply` takes next to
the plan's critical path, and how many calls `eclc plan --state` (refresh) makes.

  python3 bench/apply_speed.py [--eclc PATH] [--latency-ms 200] [--parallelism 16[,4,...]]
                               [--connect-latency-ms 0] [--program PATH]... [--no-examples]
                               [--no-change] [--no-warmup] [--verbose] [--json FILE]

It starts moto_server on a free port of 127.0.0.1 (tests/harness.py `Moto`, with AWS's managed
IAM policies) and, in front of it, a latency proxy: a threaded HTTP/1.1 server on another free
port that sleeps `--latency-ms` before forwarding each request to moto (and, with
`--connect-latency-ms`, sleeps that long on each new connection, as TCP and TLS handshakes
would), and logs every call: its operation, the connection it came on, when it arrived and when
moto had answered, what moto took. Then, for each program (examples/*.ecl and examples'
directories, and each `--program`) and each parallelism:

  1. moto is reset; `eclc apply PROGRAM --state S --endpoint-url PROXY --auto-approve
     --parallelism P` runs on an empty state, timed from spawn to exit. Before the first
     measured apply of a program one apply runs unmeasured (moto loads a service's code on its
     first call, up to a second; --no-warmup measures it);
  2. the calls of each step are found: eclc runs each step of the apply in a thread of its own,
     and each thread keeps one HTTP connection (apply/aws.cpp), so the calls of one connection are
     the calls of one step (its create call, the lookup before it, its waiter's probes...). The
     step is the one of that operation whose recorded request (the state's `request`) shares the
     most values with the connection's non-read call (or first call);
  3. the critical path is the longest chain of `depends_on` in the plan (`eclc compile --target
     plan`), each step weighted by the calls it made: `cp` is that many calls x the latency,
     `cp1` the same chain counting one call a step (the create call alone);
  4. ratio = apply wall / cp. `dag` is the longest chain of the steps' measured durations (first
     request arrived to last answer at the proxy): wall / dag is what the schedule lost (the
     parallelism bound, plan-order scheduling, eclc's own work between a dependency's answer and
     the next call), dag / cp what the calls took beyond the latency (moto, the proxy).

After the first apply of each program, `eclc plan PROGRAM --state S` (which refreshes the state
from AWS first) runs through the proxy: its calls by operation, its wall time in latencies, and
how many calls were in flight at once. For webapp.ecl, two changes (CHANGES: a subnet's CIDR, the
API's image) are applied on top of a fresh apply, and the second apply is split into its phases
by the calls' kinds: the refresh's reads, the deletions (phase 1 of apply/engine.cpp `execute`),
the creates and updates (phase 2).

moto and the proxy are stopped at the end, also on failure or Ctrl-C; the scratch directory
(states, copies of programs) is a new temporary directory, removed at the end. --json FILE
writes every measurement.
"""

import argparse
import collections
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "plan"))
import harness  # noqa: E402  (Moto, find_tool, examples, params_of)
import moto_test  # noqa: E402  (moto_task_memory: a moto quirk the apply tests' proxy works around)

KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
READ_PREFIXES = ("Describe", "List", "Get")


# ---- the latency proxy

class LatencyProxy:
    """Forwards every POST to `target` after sleeping `latency` seconds; logs each call."""

    def __init__(self, target, latency, connect_latency=0.0):
        self.target = target
        self.latency = latency
        self.connect_latency = connect_latency
        self.lock = threading.Lock()
        self.calls = []  # dicts: op, conn, start, end, moto, status, body, answer
        self.connections = 0
        self.inflight = 0
        self.peak = 0
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive: one connection per eclc thread

            def log_message(self, *args):
                pass

            def setup(self):
                super().setup()
                with proxy.lock:
                    proxy.connections += 1
                    self.conn_id = proxy.connections
                # A new connection's handshakes (TCP, TLS) before its first request is read.
                time.sleep(proxy.connect_latency)

            def do_POST(self):
                start = time.perf_counter()
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with proxy.lock:
                    proxy.inflight += 1
                    proxy.peak = max(proxy.peak, proxy.inflight)
                try:
                    target = self.headers.get("X-Amz-Target", "")
                    op = target.rsplit(".", 1)[-1] if target else \
                        (re.search(rb"Action=(\w+)", body) or [b"", b"?"])[1].decode()
                    if op == "RegisterTaskDefinition":
                        body = json.dumps(moto_test.moto_task_memory(json.loads(body))).encode()
                    time.sleep(proxy.latency)
                    headers = {k: v for k, v in self.headers.items()
                               if k.lower() not in ("host", "content-length", "connection")}
                    request = urllib.request.Request(proxy.target + self.path, data=body,
                                                     headers=headers, method="POST")
                    moto_start = time.perf_counter()
                    try:
                        with urllib.request.urlopen(request, timeout=120) as r:
                            status, answer, kind = r.status, r.read(), r.headers.get(
                                "Content-Type")
                    except urllib.error.HTTPError as e:
                        status, answer, kind = e.code, e.read(), e.headers.get("Content-Type")
                    end = time.perf_counter()  # answered: what follows is the write
                    moto_time = end - moto_start
                    self.send_response(status)
                    self.send_header("Content-Type", kind or "text/xml")
                    self.send_header("Content-Length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)
                    self.wfile.flush()
                    with proxy.lock:
                        proxy.calls.append({"op": op, "conn": self.conn_id, "start": start,
                                            "end": end, "moto": moto_time, "status": status,
                                            "body": body, "answer": answer})
                finally:
                    with proxy.lock:
                        proxy.inflight -= 1

        class Server(http.server.ThreadingHTTPServer):
            # socketserver listens with a backlog of 5: more connections at once than that wait
            # for a SYN retransmission (1 s), which no AWS endpoint makes a client do.
            request_queue_size = 128

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def take(self):
        """The calls logged since the last take, and the peak of calls in flight."""
        with self.lock:
            calls, peak = self.calls, self.peak
            self.calls, self.peak = [], 0
        return calls, peak

    def opened(self):
        with self.lock:
            return self.connections

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


# ---- running eclc

def eclc_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(KEYS)
    env["AWS_CONFIG_FILE"] = env["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    env["AWS_MAX_ATTEMPTS"] = "1"
    return env


def run(cmd, timeout=900):
    start = time.perf_counter()
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=eclc_env(),
                       timeout=timeout)
    return r, start, time.perf_counter()


def plan_steps(eclc, program, tmp):
    out = tmp / "plan.json"
    r, _, _ = run([eclc, "compile", program, "--target", "plan", "-o", out] +
                  harness.params_of(program))
    if r.returncode != 0:
        raise RuntimeError(f"eclc compile --target plan {program} failed:\n{r.stdout}{r.stderr}")
    return json.loads(out.read_text())["steps"]


# ---- matching calls to steps

def leaves(value, out):
    """The scalar values of a JSON value, as text."""
    if isinstance(value, dict):
        for v in value.values():
            leaves(v, out)
    elif isinstance(value, list):
        for v in value:
            leaves(v, out)
    elif value is not None and not isinstance(value, bool):
        out.add(str(value))
    return out


def body_values(body):
    text = body.decode(errors="replace")
    try:
        return leaves(json.loads(text), set())
    except ValueError:
        return {v for _, v in urllib.parse.parse_qsl(text, keep_blank_values=False)}


def is_read(op):
    return op.startswith(READ_PREFIXES)


def step_calls(calls, steps, state):
    """step id -> the list of calls of its connection; and the connections not matched."""
    entries = {e["id"]: e for e in state["resources"]}
    by_op = collections.defaultdict(list)
    for s in steps:
        by_op[s["operation"]].append(s["id"])
    conns = collections.defaultdict(list)
    for c in calls:
        conns[c["conn"]].append(c)
    matched, unmatched, taken = {}, [], set()
    for conn in sorted(conns, key=lambda k: conns[k][0]["start"]):
        cs = conns[conn]
        primary = next((c for c in cs if not is_read(c["op"]) and c["op"] in by_op), None)
        if primary is None:
            primary = next((c for c in cs if c["op"] in by_op), None)
        if primary is None:
            unmatched.append(cs)
            continue
        values = body_values(primary["body"])
        best, score = None, -1
        for sid in by_op[primary["op"]]:
            if sid in taken:
                continue
            request = entries.get(sid, {}).get("request", {})
            s = len(leaves(request, set()) & values)
            if s > score:
                best, score = sid, s
        if best is None:
            unmatched.append(cs)
            continue
        taken.add(best)
        matched[best] = cs
    return matched, unmatched


def longest_chain(steps, weight):
    """(total, chain) of the heaviest chain of depends_on, each step weighted by weight(id)."""
    best = {}
    for s in steps:  # plan order: what a step depends on comes before it
        prev = max(((best[d][0], best[d][1]) for d in s["depends_on"] if d in best),
                   default=(0, []))
        best[s["id"]] = (prev[0] + weight(s["id"]), prev[1] + [s["id"]])
    return max(best.values(), default=(0, []))


# ---- one program

def apply_once(args, program, steps, parallelism, proxy, moto, tmp):
    moto.reset()
    proxy.take()
    opened = proxy.opened()
    state_path = tmp / f"{program.stem}.p{parallelism}.state.json"
    if state_path.exists():
        state_path.unlink()
    cmd = [args.eclc, "apply", program, "--state", state_path, "--endpoint-url", proxy.url,
           "--auto-approve", "--parallelism", parallelism] + harness.params_of(program)
    r, t0, t1 = run(cmd)
    calls, peak = proxy.take()
    connections = proxy.opened() - opened
    if r.returncode != 0:
        raise RuntimeError(f"eclc apply {program} failed ({r.returncode}):\n{r.stdout}{r.stderr}")
    state = json.loads(state_path.read_text())
    matched, unmatched = step_calls(calls, steps, state)
    latency = args.latency_ms / 1000
    # What a step costs in calls: its own connection's count; a step whose calls were not found
    # (none expected) counts one.
    ncalls = {sid: len(cs) for sid, cs in matched.items()}
    cp_calls, cp_chain = longest_chain(steps, lambda sid: ncalls.get(sid, 1))
    cp1_calls, _ = longest_chain(steps, lambda sid: 1)
    span = {sid: (cs[0]["start"], cs[-1]["end"]) for sid, cs in matched.items()}
    dag, dag_chain = longest_chain(steps, lambda sid: span[sid][1] - span[sid][0]
                                   if sid in span else latency)
    wall = t1 - t0
    first = min((c["start"] for c in calls), default=t0)
    last = max((c["end"] for c in calls), default=t1)
    # Time a ready step waited to start: from the last answer it depended on (or the first call
    # of the run) to its own first call.
    waited, edge_gaps, early = {}, [], []
    for s in steps:
        if s["id"] not in span:
            continue
        ready = max((span[d][1] for d in s["depends_on"] if d in span), default=first)
        waited[s["id"]] = max(0.0, span[s["id"]][0] - ready)
        if any(d in span for d in s["depends_on"]):
            edge_gaps.append(span[s["id"]][0] - ready)
            if span[s["id"]][0] < ready - 0.01:
                late = max((d for d in s["depends_on"] if d in span), key=lambda d: span[d][1])
                early.append((s["id"], late, round(span[s["id"]][0] - ready, 3)))
    edge_gaps.sort()
    extra = collections.Counter()
    for sid, cs in matched.items():
        for c in cs:
            if c["op"] != next(s["operation"] for s in steps if s["id"] == sid):
                extra[c["op"]] += 1
    return {
        "program": program.name, "parallelism": parallelism, "steps": len(steps),
        "calls": len(calls), "connections": connections, "peak_in_flight": peak, "wall": wall,
        "before_first_call": first - t0, "after_last_call": t1 - last,
        "cp_calls": cp_calls, "cp1_calls": cp1_calls, "cp": cp_calls * latency,
        "ratio": wall / (cp_calls * latency) if cp_calls and latency else None,
        "ratio1": wall / (cp1_calls * latency) if cp1_calls and latency else None,
        "dag": dag, "cp_chain": [(sid, [c["op"] for c in matched.get(sid, [])])
                                 for sid in cp_chain],
        "dag_chain": [(sid, round(span[sid][1] - span[sid][0], 3)) for sid in dag_chain
                      if sid in span],
        "waited_total": sum(waited.values()),
        "waited_on_dag_chain": sum(waited.get(s, 0) for s in dag_chain),
        "edge_gap_median_ms": 1000 * edge_gaps[len(edge_gaps) // 2] if edge_gaps else None,
        "edge_gap_min_ms": 1000 * edge_gaps[0] if edge_gaps else None,
        "started_before_dependency": early,
        "waited_top": sorted(((round(v, 3), k) for k, v in waited.items()), reverse=True)[:6],
        "unmatched_calls": sum(len(cs) for cs in unmatched),
        "calls_beyond_the_step_call": dict(extra.most_common()),
        "moto_mean_ms": 1000 * sum(c["moto"] for c in calls) / max(1, len(calls)),
        "moto_max_ms": 1000 * max((c["moto"] for c in calls), default=0),
        "ops": dict(collections.Counter(c["op"] for c in calls).most_common()),
        "state": str(state_path),
    }


def refresh_once(args, program, state_path, proxy):
    proxy.take()
    cmd = [args.eclc, "plan", program, "--state", state_path, "--endpoint-url", proxy.url] + \
        harness.params_of(program)
    r, t0, t1 = run(cmd)
    calls, peak = proxy.take()
    said = re.search(r"refreshed (\d+) resources of the state with (\d+) read", r.stderr)
    resources = int(said.group(1)) if said else None
    return {
        "program": program.name, "exit": r.returncode, "wall": t1 - t0, "calls": len(calls),
        "resources": resources, "peak_in_flight": peak,
        "ops": dict(collections.Counter(c["op"] for c in calls).most_common()),
        "no_changes": "No changes." in r.stdout,
        "rounds": (t1 - t0) / (args.latency_ms / 1000) if args.latency_ms else None,
    }


# Changes that replace, each applied to a fresh apply of webapp.ecl: the apply deletes (phase 1 of
# apply/engine.cpp `execute`) before it creates and updates (phase 2). A subnet's CIDR (its
# deletion first, then the new subnet, its association and the service's update), and the API's
# image (a new task definition revision and the service's update; the old revision deregistered).
CHANGES = [("webapp.ecl", '"10.0.10.0/24"', '"10.0.20.0/24"'),
           ("webapp.ecl", "webapp/api:2.3.1", "webapp/api:2.4.0")]
DELETE_PREFIXES = ("Delete", "Disassociate", "Detach", "Release", "Revoke", "Deregister",
                   "Terminate", "Remove", "Untag")


def change_once(args, program, change, parallelism, proxy, moto, tmp):
    """Applies `program`, then the `change` edit of it; times the second apply by phase."""
    moto.reset()
    copy = tmp / program.name
    source = program.read_text()
    copy.write_text(source)
    state = tmp / "change.state.json"
    if state.exists():
        state.unlink()
    base = ["--state", state, "--endpoint-url", proxy.url, "--auto-approve", "--parallelism",
            parallelism] + harness.params_of(program)
    r, _, _ = run([args.eclc, "apply", copy] + base)
    if r.returncode != 0:
        raise RuntimeError(f"eclc apply {copy} failed:\n{r.stdout}{r.stderr}")
    assert change[1] in source, change[1]
    copy.write_text(source.replace(change[1], change[2], 1))
    proxy.take()
    r, t0, t1 = run([args.eclc, "apply", copy] + base)
    calls, peak = proxy.take()
    if r.returncode != 0:
        raise RuntimeError(f"eclc apply (changed) failed:\n{r.stdout}{r.stderr}")
    # The refresh: the reads made before the first change (each resource type's read on a
    # thread of its own, at once).
    changes = [c["start"] for c in calls if not is_read(c["op"])]
    first_change = min(changes, default=float("inf"))
    refresh = [c for c in calls if is_read(c["op"]) and c["start"] < first_change]
    conns = collections.defaultdict(list)
    for c in calls:
        if not (is_read(c["op"]) and c["start"] < first_change):
            conns[c["conn"]].append(c)
    phase = {"refresh": [[c] for c in refresh], "delete": [], "create": []}
    for cs in conns.values():
        ops = [c["op"] for c in cs]
        if any(o.startswith(DELETE_PREFIXES) for o in ops):
            phase["delete"].append(cs)
        else:
            phase["create"].append(cs)

    def span(group):
        flat = [c for cs in group for c in cs]
        if not flat:
            return 0, 0.0, None, None
        a, b = min(c["start"] for c in flat), max(c["end"] for c in flat)
        return len(flat), b - a, a, b

    out = {"program": program.name, "edit": f"{change[1]} -> {change[2]}",
           "parallelism": parallelism, "calls": len(calls), "wall": t1 - t0,
           "peak_in_flight": peak,
           "summary": (re.search(r"Apply complete: .*", r.stdout) or [""])[0]}
    for name, group in phase.items():
        n, d, a, b = span(group)
        out[name] = {"calls": n, "seconds": d, "steps": len(group),
                     "ops": dict(collections.Counter(c["op"] for cs in group for c in cs)),
                     "start": None if a is None else a - t0, "end": None if b is None else b - t0}
    # The longest chain of the deletions, one call a connection in sequence: the deletions that
    # overlap in time run in parallel; `rounds` is how many latencies the phase took.
    latency = args.latency_ms / 1000
    for name in phase:
        out[name]["rounds"] = out[name]["seconds"] / latency if latency else None
    return out


# ---- output

def fmt_s(x):
    return f"{x:.2f}"


def fmt_r(x):
    return "-" if x is None else f"{x:.2f}"


def table(rows, header):
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(str(c) for c in r) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eclc", default=str(ROOT / "build" / "tools" / "eclc" / "eclc"))
    parser.add_argument("--latency-ms", type=float, default=200.0)
    parser.add_argument("--connect-latency-ms", type=float, default=0.0,
                        help="a pause on each new connection, as TCP and TLS handshakes take")
    parser.add_argument("--parallelism", default="16",
                        help="eclc's --parallelism; several, separated by commas, for a sweep")
    parser.add_argument("--program", action="append", default=[], type=Path)
    parser.add_argument("--no-examples", action="store_true")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--no-change", action="store_true",
                        help="skip the replacement run (webapp.ecl's subnet CIDR edited)")
    parser.add_argument("--no-warmup", action="store_true",
                        help="measure each program's first apply too (moto loads its code then)")
    parser.add_argument("--verbose", action="store_true", help="print each chain")
    args = parser.parse_args()
    args.eclc = str(Path(args.eclc).resolve())
    if not os.access(args.eclc, os.X_OK):
        harness.fail(f"no eclc at {args.eclc} (--eclc PATH)")
    parallelisms = [int(p) for p in args.parallelism.split(",")]
    programs = ([] if args.no_examples else harness.examples()) + \
        [p.resolve() for p in args.program]
    for p in programs:
        if not p.exists():
            harness.fail(f"no program at {p}")
    load_start = os.getloadavg()

    moto = harness.Moto(harness.find_tool("moto_server"), managed_policies=True)
    proxy = None
    tmp = Path(tempfile.mkdtemp(prefix="apply_speed."))
    applies, refreshes, changes = [], [], []
    try:
        moto.wait()
        proxy = LatencyProxy(moto.url, args.latency_ms / 1000, args.connect_latency_ms / 1000)
        for program in programs:
            steps = plan_steps(args.eclc, program, tmp)
            if not args.no_warmup:
                # moto loads a service's code on its first call (up to a second): not measured.
                apply_once(args, program, steps, max(parallelisms), proxy, moto, tmp)
            for i, p in enumerate(parallelisms):
                a = apply_once(args, program, steps, p, proxy, moto, tmp)
                applies.append(a)
                print(f"{a['program']} p={p}: {a['calls']} calls, wall {fmt_s(a['wall'])} s, "
                      f"cp {a['cp_calls']} calls, ratio {fmt_r(a['ratio'])}", file=sys.stderr)
                if i == 0:
                    refreshes.append(refresh_once(args, program, Path(a["state"]), proxy))
            for change in [] if args.no_change else CHANGES:
                if program.name == change[0]:
                    for p in parallelisms:
                        changes.append(change_once(args, program, change, p, proxy, moto, tmp))
    finally:
        if proxy:
            proxy.stop()
        moto.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    load_end = os.getloadavg()

    lat = args.latency_ms
    print(f"\nlatency {lat:g} ms a call, {args.connect_latency_ms:g} ms a new connection; "
          f"load average {load_start[0]:.2f} at the start, {load_end[0]:.2f} at the end; "
          f"eclc {args.eclc}\n")
    table([(a["program"], a["parallelism"], a["steps"], f"{a['calls']} / {a['connections']}",
            a["peak_in_flight"],
            f"{a['cp_calls']} ({a['cp1_calls']})", fmt_s(a["cp"]), fmt_s(a["dag"]),
            fmt_s(a["wall"]), fmt_r(a["ratio"]), fmt_r(a["ratio1"]),
            f"{a['wall'] / a['dag']:.2f}")
           for a in applies],
          ["program", "parallelism", "steps", "calls / connections", "peak in flight",
           "critical-path calls (1 a step)", "cp s", "dag s", "apply wall s",
           "wall / cp", "wall / cp1", "wall / dag"])
    print()
    table([(a["program"], a["parallelism"], fmt_s(a["before_first_call"]),
            fmt_s(a["waited_total"]), fmt_s(a["waited_on_dag_chain"]),
            f"{a['edge_gap_min_ms']:.0f} / {a['edge_gap_median_ms']:.0f}",
            f"{a['moto_mean_ms']:.1f} / {a['moto_max_ms']:.0f}",
            ", ".join(f"{k} {v}" for k, v in a["calls_beyond_the_step_call"].items()) or "-")
           for a in applies],
          ["program", "parallelism", "before 1st call s", "ready steps waited s (sum)",
           "waited on dag chain s", "dependency answered to next call ms (min / median)",
           "moto ms mean / max", "calls beyond each step's own"])
    print()
    table([(r["program"], r["resources"], r["calls"], fmt_s(r["wall"]),
            fmt_r(r["rounds"]), r["peak_in_flight"], "yes" if r["no_changes"] else "NO",
            ", ".join(f"{k} {v}" for k, v in r["ops"].items()))
           for r in refreshes],
          ["program (plan --state)", "resources", "calls", "wall s", "wall / latency",
           "peak in flight", "No changes.", "calls by operation"])
    if changes:
        print()
        table([(c["program"], c["edit"], c["parallelism"], c["calls"], fmt_s(c["wall"]),
                f"{c['refresh']['calls']} / {fmt_s(c['refresh']['seconds'])}",
                f"{c['delete']['calls']} / {fmt_s(c['delete']['seconds'])} "
                f"({fmt_r(c['delete']['rounds'])} rounds)",
                f"{c['create']['calls']} / {fmt_s(c['create']['seconds'])} "
                f"({fmt_r(c['create']['rounds'])} rounds)",
                f"{c['create']['start'] - c['delete']['end']:.2f}" if c["delete"]["calls"] and
                c["create"]["calls"] else "-",
                c["summary"])
               for c in changes],
              ["change (apply)", "edit", "parallelism", "calls", "wall s",
               "refresh calls / s", "deletions phase calls / s", "creates phase calls / s",
               "deletions end to creates start s", "eclc says"])
    if args.verbose:
        for c in changes:
            print(f"\nchange {c['edit']} p={c['parallelism']}: " + "; ".join(
                f"{k}: {', '.join(f'{o} {n}' for o, n in c[k]['ops'].items())}"
                for k in ("refresh", "delete", "create")))
        for a in applies:
            print(f"\n{a['program']} p={a['parallelism']}: critical path "
                  + " -> ".join(f"{s}({'+'.join(ops)})" for s, ops in a["cp_chain"]))
            print("  measured chain " + " -> ".join(f"{s}({d}s)" for s, d in a["dag_chain"]))
            print("  longest waits " + ", ".join(f"{k} {v}s" for v, k in a["waited_top"]))
    if args.json:
        args.json.write_text(json.dumps({"latency_ms": lat, "load": [load_start, load_end],
                                         "applies": applies, "refreshes": refreshes,
                                         "changes": changes},
                                        indent=1, default=str))
    bad = [a for a in applies if a["unmatched_calls"]]
    for a in bad:
        print(f"note: {a['program']} p={a['parallelism']}: {a['unmatched_calls']} calls not "
              f"matched to a step", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
