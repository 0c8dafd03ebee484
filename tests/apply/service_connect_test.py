#!/usr/bin/env python3
"""Service Connect written in ECL, applied on moto_server (started here on a free port; the test
fails, not skips, when moto_server or botocore is missing): service_connect/service_connect.ecl is
applied and read back with Cloud Map's own calls (an HTTP and a private DNS namespace with their
names, descriptions, VPC and tags; each made by an asynchronous operation that apply waited for),
the services' serviceConnectConfiguration as sent (moto drops it: DescribeServices answers without
it, so the state's request is checked, its namespace the HTTP namespace's ARN); `plan --state` then
shows no change. A namespace's tags (TagResource, UntagResource) and description
(UpdateHttpNamespace) change in place, a client alias by UpdateService; a changed name replaces
the namespace. Killed right after
CreateHttpNamespace was answered, a rerun finds the namespace by its name and lineage tag and makes
no second one. A service found by DNS (`discovery`) gets a Cloud Map service with its A record and
TTL, and its serviceRegistries name it; a changed TTL changes it in place (Cloud Map's
UpdateService: replacing it would delete it first, which Cloud Map refuses while tasks are
registered). destroy leaves no namespace and no Cloud Map service."""

import json
import re
import signal
import sys
from pathlib import Path

import botocore.session
from botocore.config import Config

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import harness  # noqa: E402
import apply_test  # noqa: E402  (eclc, apply_args, clients, the problem list)
from apply_test import expect  # noqa: E402

PROGRAM = harness.ROOT / "tests" / "apply" / "service_connect" / "service_connect.ecl"


def cloud_map(moto_url):
    """The clients of apply_test, and Cloud Map's."""
    session = botocore.session.get_session()
    session.set_credentials("testing", "testing")
    return apply_test.clients(moto_url, "us-east-1"), session.create_client(
        "servicediscovery", region_name="us-east-1", endpoint_url=moto_url,
        config=Config(retries={"max_attempts": 1}))


def namespaces(sd):
    return {n["Name"]: n for n in sd.list_namespaces()["Namespaces"]}


def tags_of(sd, arn):
    return {t["Key"]: t["Value"] for t in sd.list_tags_for_resource(ResourceARN=arn)["Tags"]}


def entry(state, operation, block):
    for r in json.loads(state.read_text())["resources"]:
        if r.get("operation") == operation and r.get("block") == block:
            return r
    return {}


def check(moto_url, tmp):
    program = tmp / "service_connect.ecl"
    source = PROGRAM.read_text()
    program.write_text(source)
    state = tmp / "connect.state.json"
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply failed (exit {code}): {err}")
    c, sd = cloud_map(moto_url)
    found = namespaces(sd)
    expect(sorted(found) == ["connect-internal", "connect.local"], f"namespaces {sorted(found)}")
    http = sd.get_namespace(Id=found.get("connect-internal", {}).get("Id", "none"))["Namespace"]
    expect(http["Type"] == "HTTP" and http.get("Description") == "Service Connect",
           f"the HTTP namespace is {http}")
    tags = tags_of(sd, http["Arn"])
    expect(tags.get("team") == "platform" and tags.get("ecl:path") == "internal",
           f"its tags {tags}")
    private = found.get("connect.local", {})
    expect(private.get("Type") == "DNS_PRIVATE", f"the private namespace is {private}")
    vpcs = [v["VpcId"] for v in c["ec2"].describe_vpcs(
        Filters=[{"Name": "tag:ecl:path", "Values": ["main"]}])["Vpcs"]]
    dns = sd.get_namespace(Id=private.get("Id", "none"))["Namespace"]
    expect(len(vpcs) == 1, f"{len(vpcs)} VPCs")
    # moto records the VPC but answers without it; the request sent names it.
    sent = entry(state, "CreatePrivateDnsNamespace", "main.local").get("request", {})
    expect(sent.get("Vpc") in vpcs and dns["Name"] == "connect.local",
           f"the private namespace's VPC {sent.get('Vpc')}, not {vpcs}")
    api = entry(state, "CreateService", "prod.api").get("request", {})
    connect = api.get("serviceConnectConfiguration", {})
    expect(connect.get("enabled") is True and connect.get("namespace") == http["Arn"]
           and connect.get("services") == [{"portName": "http", "discoveryName": "api",
                                            "clientAliases": [{"port": 80}]}],
           f"the API's Service Connect as sent: {connect}")
    caller = entry(state, "CreateService", "prod.caller").get("request", {})
    expect(caller.get("serviceConnectConfiguration") ==
           {"enabled": True, "namespace": private.get("Arn")},
           f"the caller's Service Connect as sent: {caller.get('serviceConnectConfiguration')}")
    services = c["ecs"].describe_services(cluster="connect-prod",
                                          services=["api", "caller", "finder"])
    expect(len(services["services"]) == 3, f"services {services['services']}")
    registries = sd.list_services()["Services"]
    expect([s["Name"] for s in registries] == ["finder"], f"the Cloud Map services {registries}")
    registry = sd.get_service(Id=registries[0]["Id"])["Service"] if registries else {}
    expect(registry.get("NamespaceId") == private.get("Id")
           and registry.get("DnsConfig", {}).get("DnsRecords") == [{"Type": "A", "TTL": 60}],
           f"the finder's Cloud Map service {registry}")
    finder = entry(state, "CreateService", "prod.finder").get("request", {})
    expect(finder.get("serviceRegistries") == [{"registryArn": registry.get("Arn")}],
           f"the finder's service registries as sent: {finder.get('serviceRegistries')}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"second plan: {out}{err}")
    print("  applied, read back (both namespaces, their operations waited for), no changes")

    # Tags and the description of a namespace, and a client alias: all in place.
    text = source.replace('tags        = { team = "platform" }', 'tags        = { owner = "ops" }')
    text = text.replace('description = "Service Connect"', 'description = "Service Connect 2"')
    text = text.replace("client_aliases = [{ port = 80 }]", "client_aliases = [{ port = 81 }]")
    expect('owner = "ops"' in text and "port = 81" in text and "Connect 2" in text,
           "the edit did not apply")
    program.write_text(text)
    code, calls, err = apply_test.eclc(["plan", program, "--state", state, "--calls"])
    expect(re.search(r"~\s+servicediscovery:UpdateHttpNamespace\s+internal\s+Description "
                     r"Service Connect -> Service Connect 2, tags \+owner=ops, -team", calls)
           and re.search(r"~\s+ecs:UpdateService\s+prod\.api", calls)
           and "CreateHttpNamespace" not in calls,
           f"the tags and the alias are not changed in place:\n{calls}{err}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of the change failed: {err}")
    tags = tags_of(sd, http["Arn"])
    expect(tags.get("owner") == "ops" and "team" not in tags, f"tags after the change {tags}")
    described = sd.get_namespace(Id=http["Id"])["Namespace"].get("Description")
    expect(described == "Service Connect 2", f"the description after the change: {described}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the change: {out}{err}")
    print("  namespace tags and description, a client alias: changed in place")

    # A changed name: a new namespace, the services moved to it; a changed TTL: the Cloud Map
    # service updated in place (its UpdateService), the finder's registry kept.
    text = text.replace('name        = "connect-internal"', 'name        = "connect-internal-2"')
    text = text.replace("ttl       = 60s", "ttl       = 30s")
    expect("internal-2" in text and "30s" in text, "the replacing edit did not apply")
    program.write_text(text)
    code, calls, err = apply_test.eclc(["plan", program, "--state", state, "--calls"])
    expect(re.search(r"~\s+servicediscovery:UpdateService\s+prod\.finder\.discovery\[0\]\s+"
                     r"DnsConfig\.DnsRecords\.TTL 60 -> 30", calls)
           and not re.search(r"servicediscovery:(CreateService|DeleteService)", calls),
           f"the TTL is not changed in place:\n{calls}{err}")
    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url))
    expect(code == 0, f"apply of the changed name failed: {err}")
    found = namespaces(sd)
    renewed = found.get("connect-internal-2", {})
    expect(sorted(found) == ["connect-internal-2", "connect.local"]
           and renewed.get("Id") != http["Id"], f"namespaces after the name changed: {found}")
    api = entry(state, "CreateService", "prod.api").get("request", {})
    expect(api.get("serviceConnectConfiguration", {}).get("namespace") == renewed.get("Arn"),
           "the API service does not name the new namespace")
    registries = sd.list_services()["Services"]
    renewed = sd.get_service(Id=registries[0]["Id"])["Service"] if len(registries) == 1 else {}
    expect(renewed.get("Id") == registry.get("Id")
           and renewed.get("DnsConfig", {}).get("DnsRecords") == [{"Type": "A", "TTL": 30}],
           f"the Cloud Map services after the TTL changed: {registries}")
    finder = entry(state, "UpdateService", "prod.finder") or entry(state, "CreateService",
                                                                    "prod.finder")
    expect(finder.get("request", {}).get("serviceRegistries") == [{"registryArn": registry.get("Arn")}],
           f"the finder's registries after the TTL changed: {finder.get('request')}")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the replacement: {out}{err}")
    print("  changed name: the namespace replaced; changed TTL: the Cloud Map service in place")

    # Service Connect taken out of a service: UpdateService turns it off (a member it is not
    # sent, ECS keeps), as the new-user run found; through a proxy that logs what is sent.
    removed = "    service_connect {\n      namespace = main.local\n    }\n"
    expect(removed in text, "the caller's service connect is not in the program")
    text = text.replace(removed, "")
    program.write_text(text)
    proxy = apply_test.Proxy(moto_url)
    try:
        code, out, err = apply_test.eclc(apply_test.apply_args(program, state, proxy.url))
        expect(code == 0, f"apply without the caller's service connect failed: {err}")
        updates = [json.loads(body) for op, body, _ in proxy.log if op == "UpdateService"]
        caller = [u for u in updates if u.get("service", "").endswith("caller")]
        expect(len(caller) == 1 and
               caller[0].get("serviceConnectConfiguration") == {"enabled": False},
               f"the caller's UpdateService: {caller}")
    finally:
        proxy.stop()
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after service connect was taken out: {out}{err}")
    print("  service connect taken out: turned off by UpdateService")

    # A discovery taken out: the service stops registering (UpdateService, `serviceRegistries:
    # []`) before its Cloud Map service is deleted, which Cloud Map refuses while it is in use.
    removed = "    discovery {\n      namespace = main.local\n      ttl       = 30s\n    }\n"
    expect(removed in text, "the finder's discovery is not in the program")
    text = text.replace(removed, "")
    program.write_text(text)
    proxy = apply_test.Proxy(moto_url)
    try:
        code, out, err = apply_test.eclc(apply_test.apply_args(program, state, proxy.url))
        expect(code == 0, f"apply without the finder's discovery failed: {err}")
        def parsed(body):
            try:
                return json.loads(body or "{}")
            except ValueError:
                return {}  # a query-protocol call (a refresh read of EC2)
        calls = [(op, parsed(body)) for op, body, _ in proxy.log]
        update = [i for i, (op, b) in enumerate(calls)
                  if op == "UpdateService" and b.get("service", "").endswith("finder")]
        delete = [i for i, (op, b) in enumerate(calls) if op == "DeleteService" and "Id" in b]
        expect(len(update) == 1 and calls[update[0]][1].get("serviceRegistries") == [],
               f"the finder's UpdateService: {[calls[i] for i in update]}")
        expect(len(delete) == 1 and update and delete[0] > update[0],
               f"the Cloud Map service is not deleted after the update: {[op for op, _ in calls]}")
    finally:
        proxy.stop()
    expect(sd.list_services()["Services"] == [], "the Cloud Map service is left")
    code, out, err = apply_test.eclc(["plan", program, "--state", state])
    expect(out == "No changes.\n", f"plan after the discovery was taken out: {out}{err}")
    print("  discovery taken out: the service stops registering, then its Cloud Map service goes")

    code, out, err = apply_test.eclc(apply_test.apply_args(program, state, moto_url, "destroy"))
    expect(code == 0, f"destroy failed: {err}")
    expect(namespaces(sd) == {}, f"destroy left namespaces {namespaces(sd)}")
    expect(sd.list_services()["Services"] == [], "destroy left Cloud Map services")
    expect(json.loads(state.read_text())["resources"] == [], "destroy left resources in the state")
    print("  destroyed: no namespace left")


def check_crash(moto_url, tmp):
    """eclc killed right after AWS answered CreateHttpNamespace (the answer, an operation id,
    lost): the rerun finds the namespace by its name and lineage tag, and makes no second one."""
    proxy = apply_test.Proxy(moto_url)
    try:
        apply_test.reset_moto(moto_url)
        proxy.reset()
        proxy.kill_on = "CreateHttpNamespace"
        state = tmp / "crash.json"
        code, _, _ = apply_test.eclc(apply_test.apply_args(PROGRAM, state, proxy.url),
                                     proxy=proxy, kill_after=10**9)
        proxy.kill_on = None
        expect(code == -signal.SIGKILL, f"crash after CreateHttpNamespace: not killed ({code})")
        code, out, err = apply_test.eclc(apply_test.apply_args(PROGRAM, state, proxy.url))
        expect(code == 0, f"crash after CreateHttpNamespace: the rerun failed: {err.strip()}")
        _, sd = cloud_map(moto_url)
        names = [n["Name"] for n in sd.list_namespaces()["Namespaces"]]
        expect(sorted(names) == ["connect-internal", "connect.local"],
               f"crash after CreateHttpNamespace: namespaces {names}")
        code, out, err = apply_test.eclc(["plan", PROGRAM, "--state", state])
        expect(out == "No changes.\n", f"crash: then the plan is {out}{err}")
        code, out, err = apply_test.eclc(apply_test.apply_args(PROGRAM, state, proxy.url,
                                                               "destroy"))
        expect(code == 0 and namespaces(sd) == {}, f"crash: destroy failed: {err.strip()}")
        print("  killed once CreateHttpNamespace was answered, resumed: one namespace a name")
    finally:
        proxy.stop()


def main():
    def both(moto_url, tmp):
        check(moto_url, tmp)
        check_crash(moto_url, tmp)

    return apply_test.run_on_moto(both, "Service Connect")


if __name__ == "__main__":
    sys.exit(main())
