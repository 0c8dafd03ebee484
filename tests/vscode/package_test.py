#!/usr/bin/env python3
"""The VS Code extension packages without a warning: a copy of editors/vscode (its sources, not
its node_modules) gets the packages of its package-lock.json from the npm cache, offline, then
`npx @vscode/vsce package` bundles the client and writes the .vsix. Fails on a failed step, on any
warning from npm or vsce, and when the .vsix lacks the bundle or holds anything of node_modules or
src/ (.vscodeignore keeps them out).

Nothing touches the network: npm runs with --offline, so a package missing from the cache is a
failure (ENOTCACHED), never a download. `scripts/setup` fills the cache (with the network, once,
by `npm ci` in editors/vscode).

Usage: package_test.py [--keep]   (--keep: leave the working copy and print where it is)"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import harness  # noqa: E402

EXTENSION = harness.ROOT / "editors" / "vscode"
# Build products and installed packages of a developer's checkout: not copied.
NOT_COPIED = shutil.ignore_patterns("node_modules", "dist", "*.vsix")
# What a line of npm's or vsce's output starts with when it warns (colour off).
WARNING_MARKS = ("npm warn", "WARNING", "warning:")


def run(command, cwd, env, may_fail=False):
    """Runs a step; its output and the lines that warn. A failed step fails the test with its
    output, or with `may_fail` returns None."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        if may_fail:
            return None, []
        harness.fail(f"`{' '.join(command)}` exited {done.returncode}:\n{output}")
    warnings = [line for line in output.splitlines() if line.strip().startswith(WARNING_MARKS)]
    return output, warnings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    for tool in ("node", "npm", "npx"):
        if not shutil.which(tool):
            harness.fail(f"`{tool}` is not on PATH; run scripts/setup")

    env = dict(os.environ, FORCE_COLOR="0", NO_COLOR="1", npm_config_offline="true",
               npm_config_update_notifier="false", npm_config_fund="false",
               npm_config_audit="false")
    work = Path(tempfile.mkdtemp(prefix="eclc-vscode-package-"))
    try:
        copy = work / "vscode"
        shutil.copytree(EXTENSION, copy, ignore=NOT_COPIED)

        # The lock names versions without tarball addresses, so npm reads each package's
        # registry document, from the cache only in the form it was cached: `npm ci` caches the
        # abbreviated ones, `npm install` the full ones, which npm asks for when `--before` is set
        # (pacote: `before` implies full metadata). Every locked version is older than now, so
        # that date filters nothing. Install scripts are not run: esbuild's and vsce-sign's
        # postinstall steps are not needed to package.
        install = ["npm", "ci", "--offline", "--ignore-scripts"]
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if run(install + [f"--before={now}"], copy, env, may_fail=True)[0] is None:
            shutil.rmtree(copy / "node_modules", ignore_errors=True)
            run(install, copy, env)

        output, warnings = run(["npx", "--no", "--offline", "@vscode/vsce", "package"], copy, env)
        problems = [f"vsce package warns: {w}" for w in warnings]

        packages = sorted(copy.glob("*.vsix"))
        if len(packages) != 1:
            harness.fail(f"expected one .vsix, found {[p.name for p in packages]}:\n{output}")
        with zipfile.ZipFile(packages[0]) as vsix:
            names = vsix.namelist()
        for wanted in ("extension/dist/extension.js", "extension/package.json",
                       "extension/syntaxes/ecl.tmLanguage.json", "extension/LICENSE.txt"):
            if wanted not in names:
                problems.append(f"{packages[0].name} lacks {wanted}")
        for name in names:
            if name.startswith(("extension/node_modules/", "extension/src/")):
                problems.append(f"{packages[0].name} holds {name}")
        if problems:
            problems.append("vsce's output:\n" + output)
        return harness.report(
            problems, f"vscode package: {packages[0].name}, {len(names)} files, "
                      f"{len(warnings)} warnings")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
