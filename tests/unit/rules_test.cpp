// AWS rules added from a new user's stacks: each program below is what ECS or Elastic Load
// Balancing refuses (or silently changes), and must be reported at the attribute that is wrong.
#include "compiler/model/execution_needs.h"
#include "tests/unit/check_fixture.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

namespace ecl::test {
namespace {

// "line:col CODE" of every diagnostic, in report order.
std::string where(const Checked& c) {
  std::string out;
  for (const auto& d : c.compilation.diags.items()) {
    LineCol at = c.compilation.sources.file(d.range.file).position(d.range.begin);
    out += fmt::format("{}{}:{} {}", out.empty() ? "" : " ", at.line, at.column, d.code());
  }
  return out;
}

const std::string kNetwork = R"(stack s { region = "us-east-1" }
vpc net {
  cidr = "10.0.0.0/16"
  internet_gateway igw {}
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  route_table rt {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  security_group lb  { ingress { port = 443  from = "0.0.0.0/0" } }
  security_group app { ingress { port = 8080  from = lb } }
  target_group tg { port = 8080 }
)";
// Line 14 of every program is the listener's line, LISTENER below.
const std::string kService = R"(
}
task web {
  cpu = 256  memory = 512
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  port = 8080  CONTAINER }
}
cluster c {
  service web {
    task = web  subnets = [net.a, net.b]  security_groups = [net.app]  public_ip = true
    load_balancers = [{ target_group = net.tg, container = "app", port = 8080 }]
    SERVICE
  }
}
)";
const std::string kCert =
    R"("arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666")";

std::string program(std::string listener, std::string container = "", std::string service = "") {
  std::string tail = kService;
  tail.replace(tail.find("CONTAINER"), 9, container);
  tail.replace(tail.find("SERVICE"), 7, service);
  return kNetwork + "  load_balancer alb {\n    subnets = [a, b]  security_groups = [lb]\n" +
         listener + "\n  }" + tail;
}

std::string https(std::string extra = "") {
  return "    listener https { port = 443  protocol = https  certificates = [" + kCert +
         "]  forward = tg " + extra + " }";
}

TEST(Rules, RepairedProgramIsClean) {
  EXPECT_EQ(where(check_text(program(https()))), "");
}

TEST(Rules, SubSecondDurationsAreErrors) {
  auto c = check_text(program(https(), "", "health_check_grace_period = 60ms"));
  EXPECT_EQ(where(c), "27:33 E2010");
  EXPECT_NE(c.diagnostics().find("write `0s` or `1s`"), std::string::npos) << c.diagnostics();
  EXPECT_EQ(where(check_text(program(https(), "stop_timeout = 1500ms"))), "21:90 E2010");
  EXPECT_EQ(where(check_text(program(https(), "stop_timeout = 2000ms"))), "");
}

TEST(Rules, CertificatesAreArns) {
  auto c = check_text(program(
      R"(    listener https { port = 443  protocol = https  certificates = ["my-cert"]  forward = tg })"));
  EXPECT_EQ(where(c), "16:68 E3316");
}

TEST(Rules, SecretArnsHaveAccount) {
  EXPECT_EQ(where(check_text(program(
                https(), R"(secrets = { K = "arn:aws:ssm:us-east-1:parameter/app/key" })"))),
            "21:91 E3130");
  EXPECT_EQ(where(check_text(program(https(), R"(secrets = { K = "/app/key" })"))), "");
}

// The rules read ARNs with one parser (model/arn.h): every partition, a region only where the
// service has one, the secret's JSON key after its name.
TEST(Rules, ArnsOfEveryPartition) {
  auto certificate = [](const std::string& arn) {
    return check_text(program("    listener https { port = 443  protocol = https  certificates = "
                              "[\"" +
                              arn + "\"]  forward = tg }"))
        .codes();
  };
  EXPECT_EQ(certificate("arn:aws-cn:acm:us-east-1:123456789012:certificate/0b1c"), "");
  EXPECT_EQ(certificate("arn:aws-us-gov:iam::123456789012:server-certificate/prod/shop"), "");
  EXPECT_EQ(certificate("arn:aws:acm::123456789012:certificate/0b1c"), "E3316");
  EXPECT_EQ(certificate("arn:aws:iam:us-east-1:123456789012:server-certificate/shop"), "E3316");
  EXPECT_EQ(certificate("arn:aws:acm:us-east-1:123456789012:certificate/"), "E3316");
  auto secret = [](const std::string& arn) {
    return check_text(program(https(), "secrets = { K = \"" + arn + "\" }")).codes();
  };
  EXPECT_EQ(secret("arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db-AbCdEf"),
            "");
  EXPECT_EQ(secret("arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db:user:AWSCURRENT:"),
            "");
  EXPECT_EQ(secret("arn:aws:secretsmanager:us-east-1:123456789012:secret:db:user"), "E3130");
  EXPECT_EQ(secret("arn:aws:ssm:us-east-1:123456789012:parameter/app/key"), "");
  EXPECT_EQ(secret("arn:aws:ssm:us-east-1:123456789012:param/app/key"), "E3130");
  auto existing = [](const std::string& block) {
    return check_text("stack s { region = \"us-east-1\" }\n" + block + "\n").codes();
  };
  EXPECT_EQ(
      existing(R"(cluster c { existing = "arn:aws-cn:ecs:us-east-1:123456789012:cluster/a" })"),
      "");
  EXPECT_EQ(existing(R"(cluster c { existing = "arn:aws:ecs:eu-west-1:123456789012:cluster/a" })"),
            "E3412");
  EXPECT_EQ(existing(R"(role r { existing = "arn:aws:iam::123456789012:role/service-role/app" })"),
            "");
  EXPECT_EQ(existing(R"(role r { existing = "arn:aws:iam:us-east-1:123456789012:role/app" })"),
            "E3412");
  EXPECT_EQ(existing(R"(vpc v { existing = "vpc-0abc1234"  cidr = "10.0.0.0/16" })"), "");
  EXPECT_EQ(existing(R"(vpc v { existing = "vpc-0abc12345"  cidr = "10.0.0.0/16" })"), "E3412");
}

TEST(Rules, FargateStopTimeoutAtMost120s) {
  EXPECT_EQ(where(check_text(program(https(), "stop_timeout = 5m"))), "21:90 E3131");
  EXPECT_EQ(where(check_text(program(https(), "stop_timeout = 2m"))), "");
}

TEST(Rules, RedirectLoopAndSslPolicy) {
  EXPECT_EQ(where(check_text(program(
                https() +
                "\n    listener http { port = 80  redirect = { protocol = http, port = 80 } }"))),
            "17:43 E3317");
  EXPECT_EQ(where(check_text(
                program(https() + "\n    listener http { port = 80  ssl_policy = "
                                  "\"ELBSecurityPolicy-TLS13-1-2-2021-06\"  redirect = https }"))),
            "17:45 E3318");
  EXPECT_EQ(
      where(check_text(program(https("ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-6\"")))),
      "16:182 E3319");
  // Far from every known name but of AWS's form: maybe a policy AWS added since, not reported.
  EXPECT_EQ(where(check_text(
                program(https("ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-RFC9151-2099-01\"")))),
            "");
}

// A bridge service's dynamic host ports are reached on its instances, whose security group must
// let the load balancer in on 32768-65535 (W0009, at the attachment's port).
const std::string kBridge = R"(stack s { region = "us-east-1" }
vpc main {
  cidr = "10.0.0.0/16"
  internet_gateway igw {}
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  route_table rt {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  security_group lb    { ingress { port = 80  from = "0.0.0.0/0" } }
  security_group hosts { ingress { port = 8001  from = lb } }   // dynamic host ports are 32768-65535
  target_group tg { port = 80 }
  load_balancer alb {
    subnets = [a, b]  security_groups = [lb]
    listener http { port = 80  forward = tg }
  }
}
task api {
  compatibilities = [ec2]
  network_mode    = bridge
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  memory = 128MiB  port = 8001 }
}
cluster ecs {
  capacity = [hosts]
  ec2_capacity hosts {
    instance_type = "t3.small"  min = 1  max = 2
    subnets = [main.a, main.b]  security_groups = [main.hosts]
  }
  service api {
    task = api
    load_balancers = [{ target_group = main.tg, container = "app", port = 8001 }]
  }
}
)";

TEST(Rules, BridgeDynamicPortsNeedTheEphemeralRange) {
  EXPECT_EQ(where(check_text(kBridge)), "32:75 W0009");
  std::string fixed = kBridge;
  const std::string narrow = "ingress { port = 8001  from = lb }";
  fixed.replace(fixed.find(narrow), narrow.size(),
                "ingress { from_port = 32768  to_port = 65535  from = lb }");
  EXPECT_EQ(where(check_text(fixed)), "");
}

// What a task's execution role must allow, read once (model/execution_needs.h) for E3429 and for
// the generated role: per container its image, its secrets, its log; Secrets Manager told from SSM.
TEST(Rules, ExecutionNeedsInContainerOrder) {
  auto c = check_text(R"(task t {
  cpu = 256  memory = 512
  container a {
    image   = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
    secrets = {
      DB  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:user::",
      KEY = "/app/key",
    }
    log { driver = awslogs  group = "mine" }
  }
  container b {
    image = "public.ecr.aws/nginx/nginx:1.27"
    essential = false
  }
}
)");
  const model::Block* task = c.block("t");
  ASSERT_NE(task, nullptr) << c.diagnostics();
  std::string seen;
  for (const model::ExecutionNeed& need : model::execution_needs(*task)) {
    seen += fmt::format("{} {} {}{}{} {};", need.container->name, static_cast<int>(need.kind),
                        need.variable, need.secrets_manager ? " manager" : "",
                        need.generated_group ? " generated" : "", fmt::join(need.actions(), ","));
  }
  EXPECT_EQ(seen, "a 0 "
                  " ecr:GetAuthorizationToken,ecr:BatchGetImage,ecr:GetDownloadUrlForLayer;"
                  "a 1 DB manager secretsmanager:GetSecretValue;"
                  "a 1 KEY ssm:GetParameters;"
                  "a 2  logs:CreateLogStream,logs:PutLogEvents;"
                  "b 2  generated logs:CreateLogStream,logs:PutLogEvents;");
}

// A daemon runs one task on each instance: it takes no `desired` count and no deployment
// `max_percent` (E3213 when written), so neither gets a default the plan would list; a replica
// service gets both.
TEST(Rules, DaemonGetsNoCountNorMaxPercentDefault) {
  auto c = check_text(R"(task agent {
  network_mode    = bridge
  compatibilities = [ec2]
  container app {
    image  = "public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest"
    memory = 256MiB
  }
}
cluster batch {
  service agent {
    task        = agent
    launch_type = ec2
    scheduling  = daemon
  }
  service replica {
    task        = agent
    launch_type = ec2
  }
}
)");
  ASSERT_NE(c.block("batch.agent"), nullptr) << c.diagnostics();
  EXPECT_EQ(c.value("batch.agent", "desired"), nullptr);
  const model::Block* deployment = c.block("batch.agent")->first_child("deployment");
  ASSERT_NE(deployment, nullptr);
  EXPECT_EQ(deployment->get("max_percent"), nullptr);
  ASSERT_NE(c.value("batch.replica", "desired"), nullptr);
  EXPECT_EQ(c.value("batch.replica", "desired")->integer(), 1);
  const model::Block* replica = c.block("batch.replica")->first_child("deployment");
  ASSERT_NE(replica, nullptr);
  ASSERT_NE(replica->get("max_percent"), nullptr);
  EXPECT_EQ(replica->get("max_percent")->integer(), 200);
}

} // namespace
} // namespace ecl::test
