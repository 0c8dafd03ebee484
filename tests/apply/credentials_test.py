#!/usr/bin/env python3
"""The credentials chain of `eclc apply` (apply/credentials.h, docs/credentials.md), each source for
real: moto_server checks SigV4 (INITIAL_NO_AUTH_ACTION_COUNT) and serves STS, and small servers on
127.0.0.1 stand in for the IAM Identity Center portal, the ECS container endpoint and the EC2
instance metadata service (IMDSv2). Each source applies a one-VPC program; the keys it yields are
the only ones moto accepts, and no secret appears in eclc's output or state. Temporary credentials
close to expiry are fetched again before calls; a role with mfa_serial needs a terminal."""

import argparse
import hashlib
import http.server
import json
import os
import stat
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import moto_test  # noqa: E402  (Moto)
import harness as common  # noqa: E402

import botocore.session  # noqa: E402  (moto_test fails cleanly when it is missing)
from botocore.config import Config  # noqa: E402

PROGRAM = 'stack creds { region = "us-east-1" }\nvpc main { cidr = "10.0.0.0/16" }\n'
problems = []


def expect(cond, message):
    if not cond:
        problems.append(message)


def iso(delta):
    return (datetime.now(timezone.utc) + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


class StandIn:
    """A loopback HTTP server answering with `handler(method, path, headers)` -> (status, body);
    it records each request."""

    def __init__(self, handler):
        self.requests = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self):
                outer.requests.append((self.command, self.path, dict(self.headers)))
                status, body = handler(self.command, self.path, self.headers)
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = answer

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()


class Run:
    def __init__(self, eclc, moto_url, tmp):
        self.eclc, self.moto_url, self.tmp = eclc, moto_url, Path(tmp)
        self.count = 0
        self.program = self.tmp / "creds.ecl"
        self.program.write_text(PROGRAM)

    def apply(self, name, env, profile=None, secrets=(), expect_ok=True, contains=None):
        """Applies the program in a clean environment (HOME in tmp, no AWS_ variables but `env`)
        and destroys it again; checks the exit status and that no secret leaks."""
        self.count += 1
        home = self.tmp / f"home{self.count}"
        (home / ".aws").mkdir(parents=True, exist_ok=True)
        full = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        full.update({"HOME": str(home), "AWS_EC2_METADATA_DISABLED": "true"})
        full.update(env)
        state = self.tmp / f"state{self.count}.json"
        args = [self.eclc, "apply", str(self.program), "--state", str(state), "--endpoint-url",
                self.moto_url, "--auto-approve"] + (["--profile", profile] if profile else [])
        proc = subprocess.run(args, capture_output=True, text=True, env=full,
                              stdin=subprocess.DEVNULL, timeout=120)
        ok = proc.returncode == 0
        expect(ok == expect_ok, f"{name}: apply exit {proc.returncode}: {proc.stderr.strip()}")
        if contains:
            expect(contains in proc.stderr, f"{name}: stderr lacks `{contains}`: {proc.stderr}")
        texts = [proc.stdout, proc.stderr, state.read_text() if state.exists() else ""]
        for s in secrets:
            expect(all(s not in t for t in texts), f"{name}: a secret appears in output or state")
        if ok:
            d = subprocess.run([a.replace("apply", "destroy") if a == "apply" else a
                                for a in args], capture_output=True, text=True, env=full,
                               stdin=subprocess.DEVNULL, timeout=120)
            expect(d.returncode == 0, f"{name}: destroy exit {d.returncode}: {d.stderr.strip()}")
        print(f"  {name}: exit {proc.returncode}")
        return home, proc


def check_web_identity(eclc, moto_server):
    """AssumeRoleWithWebIdentity is unsigned (it needs no AWS credentials); moto, checking SigV4,
    fails on any unsigned call, so this runs against a second moto without authentication, whose
    STS answers with credentials the apply then uses."""
    moto = common.Moto(moto_server, managed_policies=True)
    try:
        moto.wait()
        role = "arn:aws:iam::123456789012:role/ci"
        with tempfile.TemporaryDirectory() as tmp:
            run = Run(eclc, moto.url, tmp)
            token_file = Path(tmp) / "web-token"
            token_file.write_text("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl\n")
            print("web identity: moto's STS without SigV4 checks")
            run.apply("web identity (environment)",
                      {"AWS_WEB_IDENTITY_TOKEN_FILE": str(token_file), "AWS_ROLE_ARN": role,
                       "AWS_ROLE_SESSION_NAME": "ci"}, secrets=["c2lnbmF0dXJl"])
            config = Path(tmp) / "config"
            config.write_text(f"[profile ci]\nrole_arn = {role}\n"
                              f"web_identity_token_file = {token_file}\n")
            run.apply("web identity (profile)", {"AWS_CONFIG_FILE": str(config)}, profile="ci")
            run.apply("web identity, missing token file",
                      {"AWS_WEB_IDENTITY_TOKEN_FILE": str(token_file) + ".missing",
                       "AWS_ROLE_ARN": role}, expect_ok=False, contains="web identity token file")
    finally:
        moto.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eclc", required=True)
    eclc = str(Path(parser.parse_args().eclc).resolve())
    moto_server = common.find_tool("moto_server")
    # The test certificate's import (common.Moto) and the 6 unauthenticated calls below; every
    # later call must be signed right.
    setup_calls = 7
    os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = str(setup_calls)
    moto = common.Moto(moto_server, managed_policies=True)
    del os.environ["INITIAL_NO_AUTH_ACTION_COUNT"]
    servers = []
    try:
        moto.wait()
        session = botocore.session.get_session()
        session.set_credentials("testing", "testing")
        cfg = Config(retries={"max_attempts": 1})
        iam = session.create_client("iam", region_name="us-east-1", endpoint_url=moto.url,
                                    config=cfg)
        allow_all = json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"}]})
        iam.create_user(UserName="deployer")
        iam.put_user_policy(UserName="deployer", PolicyName="all", PolicyDocument=allow_all)
        key = iam.create_access_key(UserName="deployer")["AccessKey"]
        trust = json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]})
        role = iam.create_role(RoleName="deploy", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
        iam.put_role_policy(RoleName="deploy", PolicyName="all", PolicyDocument=allow_all)
        user_id, user_secret = key["AccessKeyId"], key["SecretAccessKey"]
        # Temporary credentials for the stand-ins to hand out (signed by the user: authenticated).
        sts = botocore.session.get_session()
        sts.set_credentials(user_id, user_secret)
        temp = sts.create_client("sts", region_name="us-east-1", endpoint_url=moto.url,
                                 config=cfg).assume_role(
            RoleArn=role, RoleSessionName="standin")["Credentials"]
        temp_secret, temp_token = temp["SecretAccessKey"], temp["SessionToken"]
        wrong = dict(AccessKeyId=user_id, SecretAccessKey="wrong" + user_secret[5:])

        with tempfile.TemporaryDirectory() as tmp:
            run = Run(eclc, moto.url, tmp)
            tmp = Path(tmp)
            print("credentials: moto checks SigV4; each source applies and destroys one VPC")

            # A wrong secret is refused: the checks below are not vacuous.
            run.apply("environment, wrong secret",
                      {"AWS_ACCESS_KEY_ID": user_id,
                       "AWS_SECRET_ACCESS_KEY": wrong["SecretAccessKey"]},
                      secrets=[wrong["SecretAccessKey"]], expect_ok=False,
                      contains="AuthFailure")
            run.apply("environment with session token",
                      {"AWS_ACCESS_KEY_ID": temp["AccessKeyId"],
                       "AWS_SECRET_ACCESS_KEY": temp_secret, "AWS_SESSION_TOKEN": temp_token},
                      secrets=[temp_secret, temp_token])

            # Shared files: a role assumed from a source profile's keys, with an external id.
            creds_file, config_file = tmp / "credentials", tmp / "config"
            creds_file.write_text(f"[base]\naws_access_key_id = {user_id}\n"
                                  f"aws_secret_access_key = {user_secret}\n"
                                  f"[wrongbase]\naws_access_key_id = {user_id}\n"
                                  f"aws_secret_access_key = {wrong['SecretAccessKey']}\n")
            proc_script = tmp / "credential-process.sh"
            proc_script.write_text("#!/bin/sh\ncat <<'EOF'\n" + json.dumps({
                "Version": 1, "AccessKeyId": temp["AccessKeyId"], "SecretAccessKey": temp_secret,
                "SessionToken": temp_token, "Expiration": iso(timedelta(hours=1))}) + "\nEOF\n")
            proc_script.chmod(proc_script.stat().st_mode | stat.S_IXUSR)
            config_file.write_text(
                f"[profile deploy]\nrole_arn = {role}\nsource_profile = base\n"
                f"external_id = ext-42\nrole_session_name = eclc-test\n"
                f"[profile chained]\nrole_arn = {role}\nsource_profile = deploy\n"
                f"[profile refused]\nrole_arn = {role}\nsource_profile = wrongbase\n"
                f"[profile mfa]\nrole_arn = {role}\nsource_profile = base\n"
                f"mfa_serial = arn:aws:iam::123456789012:mfa/deployer\n"
                f"[profile process]\ncredential_process = {proc_script}\n"
                f"[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
                f"sso_role_name = Deployer\n"
                f"[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
                f"sso_region = us-east-1\n"
                f"[profile loop]\nrole_arn = {role}\nsource_profile = loop2\n"
                f"[profile loop2]\nrole_arn = {role}\nsource_profile = loop\n")
            files = {"AWS_SHARED_CREDENTIALS_FILE": str(creds_file),
                     "AWS_CONFIG_FILE": str(config_file)}
            run.apply("profile: assume role from source_profile", files, profile="deploy",
                      secrets=[user_secret])
            run.apply("profile: role chained through a role", dict(files, AWS_PROFILE="chained"),
                      secrets=[user_secret])
            run.apply("profile: source_profile with a wrong secret", files, profile="refused",
                      expect_ok=False, contains="sts:AssumeRole failed")
            run.apply("profile: mfa_serial without a terminal", files, profile="mfa",
                      expect_ok=False, contains="needs an MFA code")
            run.apply("profile: source_profile loop", files, profile="loop", expect_ok=False,
                      contains="loop")
            run.apply("profile: credential_process", files, profile="process",
                      secrets=[temp_secret, temp_token])

            # IAM Identity Center: the CLI's token cache and a stand-in portal.
            bearer = "sso-bearer-token-1234"

            def portal(method, path, headers):
                if headers.get("x-amz-sso_bearer_token") != bearer or \
                        "role_name=Deployer" not in path or "account_id=123456789012" not in path:
                    return 401, '{"message": "bad token"}'
                expires = int((time.time() + 3600) * 1000)
                return 200, json.dumps({"roleCredentials": {
                    "accessKeyId": temp["AccessKeyId"], "secretAccessKey": temp_secret,
                    "sessionToken": temp_token, "expiration": expires}})

            sso = StandIn(portal)
            servers.append(sso)
            home = tmp / f"home{run.count + 1}"
            cache = home / ".aws" / "sso" / "cache"
            cache.mkdir(parents=True)
            (cache / (hashlib.sha1(b"corp").hexdigest() + ".json")).write_text(json.dumps(
                {"accessToken": bearer, "expiresAt": iso(timedelta(hours=1))}))
            run.apply("profile: IAM Identity Center", dict(files, AWS_ENDPOINT_URL_SSO=sso.url),
                      profile="sso", secrets=[temp_secret, temp_token, bearer])
            expect(len(sso.requests) == 2, f"sso: {len(sso.requests)} portal requests for apply "
                                           f"and destroy")
            home = tmp / f"home{run.count + 1}"
            cache = home / ".aws" / "sso" / "cache"
            cache.mkdir(parents=True)
            (cache / (hashlib.sha1(b"corp").hexdigest() + ".json")).write_text(json.dumps(
                {"accessToken": bearer, "expiresAt": iso(timedelta(hours=-1))}))
            run.apply("profile: expired IAM Identity Center token",
                      dict(files, AWS_ENDPOINT_URL_SSO=sso.url), profile="sso", expect_ok=False,
                      contains="aws sso login --profile sso")

            # ECS container credentials; they expire inside the refresh margin, so each call
            # fetches them again first.
            auth = "container-auth-token"
            expiry = [timedelta(hours=6)]

            def container(method, path, headers):
                if headers.get("Authorization") != auth or path != "/creds":
                    return 403, "{}"
                return 200, json.dumps({"AccessKeyId": temp["AccessKeyId"],
                                        "SecretAccessKey": temp_secret, "Token": temp_token,
                                        "Expiration": iso(expiry[0])})

            ecs = StandIn(container)
            servers.append(ecs)
            ecs_env = {"AWS_CONTAINER_CREDENTIALS_FULL_URI": ecs.url + "/creds",
                       "AWS_CONTAINER_AUTHORIZATION_TOKEN": auth}
            run.apply("ECS container", ecs_env, secrets=[temp_secret, temp_token, auth])
            expect(len(ecs.requests) == 2, f"container: long-lived credentials fetched "
                                           f"{len(ecs.requests)} times for apply + destroy")
            ecs.requests.clear()
            expiry[0] = timedelta(minutes=4)
            run.apply("ECS container, credentials about to expire", ecs_env,
                      secrets=[temp_secret, temp_token])
            expect(len(ecs.requests) >= 4, f"container: expiring credentials were fetched "
                                           f"{len(ecs.requests)} times, not before each call")
            token_file = tmp / "container-token"
            token_file.write_text(auth + "\n")
            run.apply("ECS container, token file",
                      {"AWS_CONTAINER_CREDENTIALS_FULL_URI": ecs.url + "/creds",
                       "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": str(token_file)})
            run.apply("ECS container, wrong token",
                      {"AWS_CONTAINER_CREDENTIALS_FULL_URI": ecs.url + "/creds",
                       "AWS_CONTAINER_AUTHORIZATION_TOKEN": "nope"}, expect_ok=False,
                      contains="ECS container")
            run.apply("ECS container, plain HTTP to another host",
                      {"AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://example.com/creds"},
                      expect_ok=False, contains="must be https")

            # EC2 instance metadata, IMDSv2 only: GETs without the session token are refused.
            imds_token = "imds-session-token"

            def imds(method, path, headers):
                if method == "PUT":
                    ok = path == "/latest/api/token" and \
                        headers.get("X-aws-ec2-metadata-token-ttl-seconds")
                    return (200, imds_token) if ok else (400, "")
                if headers.get("X-aws-ec2-metadata-token") != imds_token:
                    return 401, ""
                if path == "/latest/meta-data/iam/security-credentials/":
                    return 200, "web-instance"
                if path == "/latest/meta-data/iam/security-credentials/web-instance":
                    return 200, json.dumps({"Code": "Success", "Type": "AWS-HMAC",
                                            "AccessKeyId": temp["AccessKeyId"],
                                            "SecretAccessKey": temp_secret, "Token": temp_token,
                                            "Expiration": iso(timedelta(hours=6))})
                return 404, ""

            ec2 = StandIn(imds)
            servers.append(ec2)
            run.apply("EC2 instance metadata (IMDSv2)",
                      {"AWS_EC2_METADATA_DISABLED": "false",
                       "AWS_EC2_METADATA_SERVICE_ENDPOINT": ec2.url},
                      secrets=[temp_secret, temp_token, imds_token])
            expect(any(m == "PUT" for m, _, _ in ec2.requests), "imds: no session token asked")

            # Nothing anywhere: a clear error before any call.
            run.apply("no credentials", {}, expect_ok=False, contains="no AWS credentials")
            run.apply("a profile without credentials", files, profile="nothing", expect_ok=False,
                      contains="profile `nothing` has no credentials")
    finally:
        for s in servers:
            s.stop()
        moto.stop()
    check_web_identity(eclc, moto_server)
    return common.report([f"FAIL: {p}" for p in problems], f"{len(problems)} problems")


if __name__ == "__main__":
    sys.exit(main())
