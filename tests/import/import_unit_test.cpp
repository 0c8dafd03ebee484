// The importers' mappings, one source setting at a time, and hostile input. The fixtures test
// (import_test.py) runs them on real files.
#include "compiler/import/import.h"
#include "compiler/import/program.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <regex>

namespace ecl::import {
namespace {

struct Imported {
  bool ok = false;
  std::string program;
  Diagnostics diags;
  SourceManager sources;

  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& d : diags.items()) {
      out.emplace_back(d.code());
    }
    return out;
  }
  // "line:column" of the first diagnostic.
  std::string where() const {
    if (diags.empty() || !diags.items().front().range.valid()) {
      return "";
    }
    auto pos = sources.file(0).position(diags.items().front().range.begin);
    return std::to_string(pos.line) + ":" + std::to_string(pos.column);
  }
};

Imported run(Source source, std::string text) {
  Imported r;
  FileId id =
      r.sources.add(source == Source::Compose ? "compose.yaml" : "task.json", std::move(text));
  r.ok = import_file(source, r.sources, id, r.diags, r.program);
  return r;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(ImportSpelling, StringsAreEscaped) {
  EXPECT_EQ(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(quote("${HOME}/x $y"), "\"\\${HOME}/x $y\"");
  EXPECT_EQ(quote("a\nb"), "\"a\\nb\"");
}

TEST(ImportSpelling, NamesBecomeIdentifiers) {
  EXPECT_EQ(identifier("web-app"), "web_app");
  EXPECT_EQ(identifier("3proxy"), "_3proxy");
  EXPECT_EQ(identifier("output"), "output_");
  EXPECT_EQ(identifier(""), "unnamed");
  EXPECT_TRUE(is_identifier("db_1"));
  EXPECT_FALSE(is_identifier("let"));
}

TEST(ImportSpelling, FargateSizeIsTheSmallestThatHolds) {
  using Size = std::pair<std::int64_t, std::int64_t>;
  EXPECT_EQ(fargate_size(256, 512), (Size{256, 512}));
  EXPECT_EQ(fargate_size(256, 3000), (Size{512, 3072})); // 0.25 vCPU goes up to 2 GiB
  EXPECT_EQ(fargate_size(300, 100), (Size{512, 1024}));
}

TEST(ImportCompose, PortsKeepBothSidesForTheCheckToJudge) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: nginx\n    ports:\n"
                                "      - \"80:8080\"\n      - 53/udp\n    expose: [9000]\n");
  ASSERT_TRUE(r.ok) << r.program;
  EXPECT_TRUE(contains(r.program, "{ container = 8080, host = 80 }"));
  EXPECT_TRUE(contains(r.program, "{ container = 53, protocol = udp }"));
  EXPECT_TRUE(contains(r.program, "{ container = 9000 }"));
  EXPECT_TRUE(contains(r.program, "port = 8080\n      from = \"0.0.0.0/0\""));
  EXPECT_TRUE(contains(r.program, "port     = 9000\n      from     = tasks") ||
              contains(r.program, "port = 9000\n      from = tasks"))
      << r.program;
}

TEST(ImportCompose, EnvironmentListMapAndShellValues) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: nginx\n    environment:\n"
                                "      A: 1\n      B:\n      C: \"x y\"\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "environment = { A = \"1\", C = \"x y\" }")) << r.program;
  EXPECT_EQ(r.codes(), std::vector<std::string>{"W0017"}); // B comes from the shell
  EXPECT_TRUE(contains(r.program, "// TODO: `B` is not carried over"));
}

TEST(ImportCompose, CommandStringsAreSplitLikeAShell) {
  auto r = run(Source::Compose,
               "services:\n  web:\n    image: x\n    command: sh -c 'echo \"a b\"' --x\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, R"(command = ["sh", "-c", "echo \"a b\"", "--x"])")) << r.program;
}

TEST(ImportCompose, BuildWithoutImageIsATodoAndNoImage) {
  auto r = run(Source::Compose, "services:\n  app:\n    build: ./app\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.codes(), std::vector<std::string>{"W0017"});
  EXPECT_EQ(r.where(), "3:12");
  EXPECT_TRUE(contains(r.program, "// TODO: `build: ./app` is not carried over"));
  EXPECT_FALSE(std::regex_search(r.program, std::regex(R"(\bimage\s+=)"))) << r.program;
}

TEST(ImportCompose, InterpolationIsATodoAndDoubleDollarADollar) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: ${REGISTRY}/web\n"
                                "    command: echo $$HOME\n    environment:\n"
                                "      - TZ=${TIMEZONE:-UTC}\n      - A=$$1\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.codes(), (std::vector<std::string>{"W0017", "W0017"}));
  EXPECT_TRUE(contains(r.program, "compose fills in `$REGISTRY`")) << r.program;
  EXPECT_TRUE(contains(r.program, "compose fills in `$TIMEZONE`"));
  EXPECT_TRUE(contains(r.program, R"(command     = ["echo", "$HOME"])"));
  EXPECT_TRUE(contains(r.program, R"(environment = { A = "$1" })"));
}

TEST(ImportCompose, UlimitsAndEnvFiles) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: x\n    ulimits:\n"
                                "      nproc: 65535\n      nofile: {soft: 20000, hard: 40000}\n"
                                "    env_file: .env\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "{ name = nproc, soft = 65535, hard = 65535 }")) << r.program;
  EXPECT_TRUE(contains(r.program, "{ name = nofile, soft = 20000, hard = 40000 }"));
  EXPECT_EQ(r.codes(), std::vector<std::string>{"W0017"});
  EXPECT_TRUE(contains(r.program, "compose reads the variables from that file"));
}

TEST(ImportCompose, HealthCheckValuesAreKeptInEcsRanges) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: x\n    healthcheck:\n"
                                "      test: [CMD, true]\n      interval: 3s\n"
                                "      timeout: 10m\n      retries: 20\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.codes(), (std::vector<std::string>{"W0018", "W0018", "W0018"}));
  EXPECT_TRUE(contains(r.program, "interval = 5s")) << r.program;
  EXPECT_TRUE(contains(r.program, "timeout  = 120s"));
  EXPECT_TRUE(contains(r.program, "retries  = 10"));
}

TEST(ImportCompose, LongTodosAreWrappedNotCut) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: x\n    networks: [a, b]\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "Connect,")) << r.program; // the TODO's end
  std::size_t start = 0;
  while (start < r.program.size()) {
    std::size_t end = r.program.find('\n', start);
    end = end == std::string::npos ? r.program.size() : end;
    EXPECT_LE(end - start, 100u) << r.program.substr(start, end - start);
    start = end + 1;
  }
}

// Compose's default network: the services reach each other by name (`db:5432`). Each serves its
// first TCP port under its compose name through Service Connect in the stack's namespace; one
// without a port only calls (a client), and the TODO says how to serve it.
TEST(ImportCompose, ServicesReachEachOtherByNameThroughServiceConnect) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: x\n    ports: [\"80:80\"]\n"
                                "  DB.main:\n    image: postgres\n    expose: [\"5432\"]\n"
                                "  worker:\n    image: busybox\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "namespace app {}")) << r.program;
  EXPECT_TRUE(contains(r.program, "service_connect_namespace = app"));
  EXPECT_TRUE(contains(r.program, "ports = [{ container = 5432, name = \"db-main\" }]"));
  EXPECT_TRUE(contains(r.program, "port_name = \"db-main\", client_aliases = [{ port = 5432, "
                                  "dns_name = \"db.main\" }]"));
  EXPECT_TRUE(contains(r.program, "service_connect {}")); // the worker, a client
  EXPECT_EQ(r.codes(), std::vector<std::string>{"W0017"});
  EXPECT_TRUE(contains(r.program, "for `worker`, which declares no port"));
}

TEST(ImportCompose, BytesThatAreNotUtf8AreMalformed) {
  auto r = run(Source::Compose, std::string("services:\n  w\xff: 1\n"));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.codes(), std::vector<std::string>{"E0030"});
  EXPECT_EQ(r.where(), "2:4");
}

TEST(ImportCompose, VolumesByKind) {
  auto r = run(Source::Compose, "services:\n  db:\n    image: x\n    volumes:\n"
                                "      - data:/var/lib/db\n      - ./conf:/etc/conf:ro\n"
                                "      - /var/run/docker.sock:/var/run/docker.sock:ro\n"
                                "      - /scratch\nvolumes:\n  data:\n");
  ASSERT_TRUE(r.ok);
  // named: a task volume and a TODO (its data does not last); relative bind: TODO only;
  // absolute bind: a host path (E3115 on Fargate); anonymous: a task volume.
  EXPECT_EQ(r.codes(), (std::vector<std::string>{"W0017", "W0017"}));
  EXPECT_TRUE(contains(r.program, "host_path = \"/var/run/docker.sock\""));
  EXPECT_TRUE(contains(r.program, "{ volume = \"data\", path = \"/var/lib/db\" }"));
  EXPECT_TRUE(contains(r.program, "{ name = \"db_scratch\" }"));
  EXPECT_FALSE(contains(r.program, "\"/etc/conf\" }"));
}

// A port compose publishes on the loopback (or on one address) is not opened to the world: the
// security group lets in the imported tasks, and a TODO says so (found by a new-user run: it
// wrote `from = "0.0.0.0/0"`). Every address (`0.0.0.0`) is compose's default: the world.
TEST(ImportCompose, PortOnOneHostAddressIsNotOpenedToTheWorld) {
  auto r = run(Source::Compose, "services:\n  admin:\n    image: nginx\n    ports:\n"
                                "      - \"127.0.0.1:9090:80\"\n"
                                "      - {target: 81, host_ip: 10.1.2.3}\n");
  ASSERT_TRUE(r.ok);
  EXPECT_FALSE(contains(r.program, "from = \"0.0.0.0/0\"")) << r.program;
  EXPECT_TRUE(contains(r.program, "port = 80\n      from = tasks")) << r.program;
  EXPECT_TRUE(contains(r.program, "port = 81\n      from = tasks")) << r.program;
  EXPECT_EQ(r.codes(), (std::vector<std::string>{"W0017", "W0017"}));
  EXPECT_EQ(r.where(), "5:9");
  EXPECT_TRUE(contains(r.program, "the loopback address, which only the machine running"))
      << r.program;
  auto all =
      run(Source::Compose, "services:\n  web:\n    image: nginx\n    ports: [\"0.0.0.0:80:80\"]\n");
  ASSERT_TRUE(all.ok);
  EXPECT_TRUE(all.codes().empty()) << all.program;
  EXPECT_TRUE(contains(all.program, "port = 80\n      from = \"0.0.0.0/0\"")) << all.program;
}

// A port that is no number says so, not that it is a range (found by a new-user run); compose's
// default volume driver is no TODO.
TEST(ImportCompose, PortThatIsNoNumberAndTheDefaultVolumeDriver) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: nginx\n    ports:\n"
                                "      - {target: abc}\n      - \"6000-6005:6000-6005\"\n"
                                "      - \"80/sctp\"\n    volumes: [data:/data, logs:/logs]\n"
                                "volumes:\n  data:\n    driver: local\n  logs:\n"
                                "    driver: local\n    driver_opts: {type: nfs}\n");
  ASSERT_TRUE(r.ok);
  std::vector<std::string> messages;
  for (const auto& d : r.diags.items()) {
    messages.push_back(d.message);
  }
  auto said = [&](const std::string& text) {
    return std::any_of(messages.begin(), messages.end(),
                       [&](const std::string& m) { return contains(m, text); });
  };
  EXPECT_TRUE(said("port `{target: abc}` is not carried over: `abc` is not a port number"));
  EXPECT_TRUE(said("port `6000-6005:6000-6005` is not carried over: ECS maps single TCP"));
  EXPECT_TRUE(said("ECS maps TCP or UDP ports, not `sctp`"));
  EXPECT_TRUE(said("the settings of volume `logs` (driver_opts: {type: nfs})"));
  EXPECT_FALSE(said("volume `data` ("));
  // Three ports, two named volumes' lasting data, and `logs`'s driver options.
  EXPECT_EQ(r.codes().size(), 6u) << r.program;
}

TEST(ImportCompose, SizesAndReplicas) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: x\n    deploy:\n      replicas: 3\n"
                                "      resources:\n        limits: {cpus: '0.5', memory: 1.5G}\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "desired         = 3")) << r.program;
  EXPECT_TRUE(contains(r.program, "memory = 1536MiB"));
  EXPECT_TRUE(contains(r.program, "cpu    = 512"));
}

TEST(ImportCompose, MergeKeysAreExpanded) {
  auto r = run(Source::Compose, "x-base: &base\n  image: x\n  user: \"1000\"\nservices:\n"
                                "  web:\n    <<: *base\n    user: \"2000\"\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "image = \"x\"")) << r.program;
  EXPECT_TRUE(contains(r.program, "user  = \"2000\""));
  EXPECT_TRUE(r.diags.empty());
}

TEST(ImportCompose, NameThatIsNotAnIdentifierKeepsItsEcsName) {
  auto r = run(Source::Compose, "services:\n  my-web:\n    image: x\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.codes().empty()) << r.program;
  EXPECT_TRUE(contains(r.program, "task my_web {"));
  // The container's and the service's ECS names stay the compose name.
  EXPECT_TRUE(contains(r.program, "container my_web {\n    name  = \"my-web\"")) << r.program;
  EXPECT_TRUE(contains(r.program, "service my_web {\n    name            = \"my-web\""));
}

// awslogs options are the `log` block's own attributes, and the group is declared so that the
// program creates it; the region is the stack's.
TEST(ImportCompose, AwslogsOptionsAreTheLogsAttributes) {
  auto r = run(Source::Compose,
               "services:\n  web:\n    image: x\n    logging:\n      driver: awslogs\n"
               "      options:\n        awslogs-group: /acme/web\n"
               "        awslogs-region: eu-west-1\n        awslogs-stream-prefix: web\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.codes().empty()) << r.program;
  EXPECT_TRUE(contains(r.program, "log_group acme_web {\n  name = \"/acme/web\"\n}")) << r.program;
  EXPECT_TRUE(contains(r.program, "group         = acme_web"));
  EXPECT_TRUE(contains(r.program, "stream_prefix = \"web\""));
  EXPECT_TRUE(contains(r.program, "region = \"eu-west-1\""));
  EXPECT_FALSE(contains(r.program, "options"));
}

// A service `main` would hide the VPC `main` that the services name (`main.public_a`).
TEST(ImportCompose, ServiceNamedLikeTheVpcIsRenamed) {
  auto r = run(Source::Compose, "services:\n  main:\n    image: x\n");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "service main_2 {\n    name            = \"main\"")) << r.program;
  EXPECT_TRUE(r.codes().empty());
}

// Capabilities and /dev/shm are ECL's `capabilities` and `shared_memory` (found by a new-user run:
// they were TODOs saying ECL had none).
TEST(ImportCompose, CapabilitiesAndSharedMemory) {
  auto r = run(Source::Compose, "services:\n  api:\n    image: x\n    cap_add: [NET_ADMIN, "
                                "CAP_SYS_PTRACE]\n    cap_drop: [ALL]\n    shm_size: 256m\n");
  ASSERT_TRUE(r.ok);
  std::string program = std::regex_replace(r.program, std::regex(" +="), " =");
  EXPECT_TRUE(contains(program, "capabilities = { add = [net_admin, sys_ptrace], drop = [all] }"))
      << r.program;
  EXPECT_TRUE(contains(program, "shared_memory = 256MiB")) << r.program;
  EXPECT_TRUE(r.codes().empty()) << r.program;
}

TEST(ImportCompose, UnknownKeysAreTodosNeverDropped) {
  auto r = run(Source::Compose, "services:\n  web:\n    image: x\n    domainname: x.test\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.codes(), std::vector<std::string>{"W0017"});
  EXPECT_EQ(r.where(), "4:17");
  EXPECT_TRUE(contains(r.program, "// TODO: `domainname: x.test` is not carried over"));
}

TEST(ImportCompose, HostileInputIsAnErrorWithAPosition) {
  auto bad = run(Source::Compose, "services:\n  web: [\n");
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.codes(), std::vector<std::string>{"E0030"});
  EXPECT_FALSE(bad.where().empty());
  auto shape = run(Source::Compose, "services: 3\n");
  EXPECT_FALSE(shape.ok);
  EXPECT_EQ(shape.codes(), std::vector<std::string>{"E0031"});
  auto empty = run(Source::Compose, "");
  EXPECT_FALSE(empty.ok);
  auto deep = run(Source::Compose, "services: " + std::string(100000, '{'));
  EXPECT_FALSE(deep.ok);
  auto memory = run(Source::Compose, "services:\n  w:\n    image: x\n    mem_limit: lots\n");
  EXPECT_FALSE(memory.ok);
  EXPECT_EQ(memory.where(), "4:16");
}

TEST(ImportTaskDefinition, RegisterInputWithApiDefaults) {
  auto r = run(Source::TaskDefinition,
               R"({"family": "web-app", "containerDefinitions": [{"name": "app", "image": "x",
                   "memory": 256, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]})");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "family          = \"web-app\"")) << r.program;
  EXPECT_TRUE(contains(r.program, "network_mode    = bridge")); // the API's default
  EXPECT_TRUE(contains(r.program, "compatibilities = [ec2]"));
  EXPECT_TRUE(contains(r.program, "{ container = 80, host = 0 }"));
  EXPECT_TRUE(r.codes().empty()); // `family` keeps the name the block cannot
}

TEST(ImportTaskDefinition, DescribeOutputIsUnwrapped) {
  auto r = run(Source::TaskDefinition,
               R"({"taskDefinition": {"family": "f", "revision": 8, "requiresCompatibilities":
                   ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
                   "containerDefinitions": [{"name": "a", "image": "x", "essential": true,
                   "environment": [{"name": "K", "value": "v"}], "links": ["b"],
                   "logConfiguration": {"logDriver": "awslogs", "options":
                   {"awslogs-region": "eu-west-1", "awslogs-group": "g"}}}]}})");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "// As described: revision 8")) << r.program;
  EXPECT_TRUE(contains(r.program, "region = \"eu-west-1\""));
  // The group it logs to is declared, so that the program creates it.
  EXPECT_TRUE(contains(r.program, "log_group g {\n  name = \"g\"\n}")) << r.program;
  EXPECT_TRUE(contains(r.program, "group = g"));
  EXPECT_TRUE(contains(r.program, "service f {"));
  EXPECT_TRUE(contains(r.program, "// TODO: `links: [\"b\"]` is not carried over"));
  EXPECT_EQ(r.codes(), std::vector<std::string>{"W0017"});
}

// Settings ECL has are carried over, not left as TODOs that "ECL has no such setting" (found by a
// new-user run: the output of a valid task definition then failed `eclc check`).
TEST(ImportTaskDefinition, ContainerSettingsEclHas) {
  auto r = run(Source::TaskDefinition,
               R"({"family": "f", "cpu": "1 vCPU", "memory": "2 GB", "containerDefinitions": [
                   {"name": "app", "image": "x", "memory": 256,
                    "restartPolicy": {"enabled": true, "ignoredExitCodes": [0],
                                      "restartAttemptPeriod": 120},
                    "volumesFrom": [{"sourceContainer": "log-router", "readOnly": true}],
                    "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE"], "drop": ["ALL"]},
                      "sharedMemorySize": 256,
                      "tmpfs": [{"containerPath": "/run", "size": 64, "mountOptions": ["noexec"]}],
                      "devices": [{"hostPath": "/dev/fuse", "permissions": ["read"]}]}},
                   {"name": "log-router", "image": "y", "memory": 128,
                    "firelensConfiguration": {"type": "fluentbit",
                      "options": {"enable-ecs-log-metadata": "true"}}}]})");
  ASSERT_TRUE(r.ok);
  // The formatter aligns the `=` of a block: compared with single spaces.
  std::string program = std::regex_replace(r.program, std::regex(" +="), " =");
  for (const char* line :
       {"cpu = 1024", "memory = 2GiB",
        "restart = { enabled = true, ignored_exit_codes = [0], attempt_period = 120s }",
        "volumes_from = [{ container = log_router, read_only = true }]",
        "capabilities = { add = [sys_ptrace], drop = [all] }", "shared_memory = 256MiB",
        "tmpfs = [{ path = \"/run\", size = 64MiB, options = [\"noexec\"] }]",
        "devices = [{ host_path = \"/dev/fuse\", permissions = [read] }]",
        "firelens = { type = fluentbit, options = { \"enable-ecs-log-metadata\" = \"true\" } }"}) {
    EXPECT_TRUE(contains(program, line)) << line << "\n" << r.program;
  }
  EXPECT_TRUE(r.codes().empty()) << r.program;
}

TEST(ImportTaskDefinition, HostileInputIsAnErrorWithAPosition) {
  auto bad = run(Source::TaskDefinition, "{\"family\": \"x\",\n\"cpu\": }");
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.codes(), std::vector<std::string>{"E0030"});
  EXPECT_EQ(bad.where(), "2:8");
  auto shape = run(Source::TaskDefinition, R"({"containerDefinitions": [3]})");
  EXPECT_FALSE(shape.ok);
  EXPECT_EQ(shape.codes(), std::vector<std::string>{"E0031"});
  auto types = run(Source::TaskDefinition,
                   R"({"containerDefinitions": [{"name": "a", "image": "x", "ulimits": [3]}]})");
  EXPECT_FALSE(types.ok);
  EXPECT_EQ(types.codes(), std::vector<std::string>{"E0031"});
  auto deep = run(Source::TaskDefinition, std::string(100000, '['));
  EXPECT_FALSE(deep.ok);
}

// A value the program spells without quotes is checked to be one: the source's text never becomes
// program code (a string port that closes the block and declares a role).
TEST(ImportTaskDefinition, UnquotedValuesAreCheckedNeverPasted) {
  const std::string injected =
      R"(80 }] } } role pwn { assumed_by = [\"123456789012\"] } task t2 {)";
  for (const std::string& member : std::vector<std::string>{
           R"("portMappings": [{"containerPort": ")" + injected + R"("}])",
           R"("portMappings": [{"containerPort": 80, "hostPort": "eighty"}])",
           R"("portMappings": [{"containerPort": 80, "protocol": "udp } role x {"}])",
           R"("ulimits": [{"name": "nofile", "softLimit": "s", "hardLimit": 1}])",
           R"("healthCheck": {"command": ["CMD", "true"], "retries": "3 }"})",
           R"("healthCheck": {"command": ["CMD", "true"], "interval": "i"})",
           R"("privileged": "true } role x {")",
           R"("dependsOn": [{"containerName": "b", "condition": "START }"}])"}) {
    auto r = run(Source::TaskDefinition,
                 R"({"family": "f", "containerDefinitions": [{"name": "a", "image": "x", )" +
                     member + "}]}");
    EXPECT_FALSE(r.ok) << member << "\n" << r.program;
    EXPECT_EQ(r.codes(), std::vector<std::string>{"E0031"}) << member;
    EXPECT_FALSE(contains(r.program, "role")) << r.program;
  }
  auto mode = run(Source::TaskDefinition,
                  R"({"networkMode": "awsvpc } role x {", "containerDefinitions": [{"name": "a",
                      "image": "x"}]})");
  EXPECT_FALSE(mode.ok);
  EXPECT_EQ(mode.codes(), std::vector<std::string>{"E0031"});
}

// A container registered without a logConfiguration logs nowhere, as registered: `driver = none`,
// not ECL's default group, which is the `/ecs/FAMILY` another container's awslogs group may be
// (E3122 on a valid source, found by a new-user run). A UDP port is a UDP ingress.
TEST(ImportTaskDefinition, NoLogConfigurationIsNoLogAndUdpPortsAreUdp) {
  auto r = run(Source::TaskDefinition,
               R"({"family":"t","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],
                   "cpu":"256","memory":"512","containerDefinitions":[
                   {"name":"app","image":"nginx","logConfiguration":{"logDriver":"awslogs",
                    "options":{"awslogs-group":"/ecs/t","awslogs-stream-prefix":"app"}}},
                   {"name":"xray","image":"x","essential":false,
                    "portMappings":[{"containerPort":2000,"protocol":"udp"}]}]})");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.codes().empty()) << r.program;
  EXPECT_TRUE(contains(r.program, "log {\n      group         = ecs_t")) << r.program;
  EXPECT_TRUE(contains(r.program, "ports     = [{ container = 2000, protocol = udp }]\n    log {\n"
                                  "      driver = none\n    }"))
      << r.program;
  EXPECT_TRUE(contains(r.program, "protocol = udp\n      port     = 2000\n      from     = tasks"))
      << r.program;
}

// describe-task-definition's answer: the tags beside the task definition are the task's, another
// member there a TODO; the read-only members are a comment wrapped whole, not cut; a value of the
// wrong type says so (all found by a new-user run).
TEST(ImportTaskDefinition, DescribedTagsCommentAndValuesOfTheWrongType) {
  auto r = run(Source::TaskDefinition,
               R"({"taskDefinition": {"family": "f", "requiresCompatibilities": ["FARGATE"],
                   "networkMode": "awsvpc", "cpu": "lots", "memory": "512",
                   "containerDefinitions": [{"name": "a", "image": "x", "cpu": "lots",
                     "logConfiguration": {"logDriver": "awslogs"}}],
                   "compatibilities": ["EC2", "FARGATE"],
                   "requiresAttributes": [{"name": "ecs.capability.execution-role-awslogs"}],
                   "registeredAt": "2026-11-02T10:11:12.123000+01:00",
                   "registeredBy": "arn:aws:sts::111122223333:assumed-role/Admin/alice",
                   "taskDefinitionArn": "arn:aws:ecs:us-west-2:111122223333:task-definition/f:7",
                   "revision": 7, "status": "ACTIVE"},
                   "tags": [{"key": "team", "value": "billing"}], "ResponseMetadata": {"a": 1}})");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "tags            = { team = \"billing\" }")) << r.program;
  std::string comment;
  for (std::size_t at = r.program.find("// As described:"); at < r.program.find("task f {");
       at = r.program.find('\n', at) + 1) {
    comment += r.program.substr(at + 3, r.program.find('\n', at) - at - 3) + " ";
  }
  EXPECT_TRUE(contains(comment, "As described: taskDefinitionArn "
                                "arn:aws:ecs:us-west-2:111122223333:task-definition/f:7, "
                                "revision 7, status ACTIVE, requiresAttributes "
                                "[ecs.capability.execution-role-awslogs], compatibilities [EC2, "
                                "FARGATE], registeredAt 2026-11-02T10:11:12.123000+01:00, "
                                "registeredBy arn:aws:sts::111122223333:assumed-role/Admin/alice"))
      << r.program;
  EXPECT_EQ(r.codes(), (std::vector<std::string>{"W0017", "W0017", "W0017"}));
  EXPECT_TRUE(contains(r.program, "`cpu: \"lots\"` is not carried over: its value is not a whole "
                                  "number (of CPU units)"))
      << r.program;
  EXPECT_TRUE(
      contains(r.program, "`cpu: \"lots\"` is not carried over: its value is not a number of"))
      << r.program;
  EXPECT_TRUE(contains(r.program, "TODO: `ResponseMetadata: {\"a\":1}` is not carried over"))
      << r.program;
}

// Two ECS names of one identifier get two blocks; `dependsOn` finds the right one.
TEST(ImportTaskDefinition, ContainersOfOneIdentifierGetTwoBlocks) {
  auto r = run(Source::TaskDefinition,
               R"({"family": "f", "containerDefinitions": [
                   {"name": "web-app", "image": "x", "memory": 256},
                   {"name": "web_app", "image": "y", "memory": 256, "essential": false,
                    "dependsOn": [{"containerName": "web-app", "condition": "START"}]}]})");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.program, "container web_app {\n    name   = \"web-app\"")) << r.program;
  EXPECT_TRUE(contains(r.program, "container web_app_2 {\n    name       = \"web_app\""))
      << r.program;
  EXPECT_TRUE(contains(r.program, "{ container = web_app, condition = start }")) << r.program;
}

// A task definition's EFS volume names its file system and access point by their IDs, and keeps
// the source's transit encryption (ECS's default is off, ECL's on); the port is a TODO.
TEST(ImportTaskDefinition, EfsVolumesByTheirIds) {
  auto r = run(Source::TaskDefinition,
               R"({"family": "web", "containerDefinitions": [{"name": "app", "image": "x"}],
                   "volumes": [{"name": "data", "efsVolumeConfiguration": {
                     "fileSystemId": "fs-1", "transitEncryption": "ENABLED",
                     "transitEncryptionPort": 2999,
                     "authorizationConfig": {"accessPointId": "fsap-1", "iam": "ENABLED"}}},
                   {"name": "plain", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}}]})");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.codes(), (std::vector<std::string>{"W0017"})) << r.program;
  EXPECT_TRUE(contains(r.program, "efs  = { file_system = \"fs-1\", access_point = \"fsap-1\", "
                                  "iam = true, transit_encryption = true },"))
      << r.program;
  EXPECT_TRUE(contains(r.program, "efs = { file_system = \"fs-1\", transit_encryption = false }"))
      << r.program;
}

} // namespace
} // namespace ecl::import
