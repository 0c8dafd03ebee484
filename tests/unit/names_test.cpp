// Name resolution: nearest declaration outward, typed references, paths, ambiguity, cycles.
#include "tests/test_util.h"
#include "tests/unit/check_fixture.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

namespace ecl {
namespace {

using test::check_text;

const char* kTwoVpcs = R"(vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
  subnet b { cidr = "10.0.2.0/24"  zone = "us-east-1b" }
  security_group api { description = "api" }
  route_table rt { subnets = [a, b] }
}
vpc other {
  cidr = "10.1.0.0/16"
  subnet a { cidr = "10.1.1.0/24"  zone = "us-east-1a" }
  route_table rt { subnets = [a] }
}
)";

TEST(Names, BareReferenceResolvesToTheNearestDeclaration) {
  auto c = check_text(kTwoVpcs);
  EXPECT_TRUE(c.clean()) << c.diagnostics();
  auto main_refs = c.block("main.rt")->get_refs("subnets");
  ASSERT_EQ(main_refs.size(), 2u);
  EXPECT_EQ(main_refs[0]->path, "main.a");
  EXPECT_EQ(main_refs[1]->path, "main.b");
  auto other_refs = c.block("other.rt")->get_refs("subnets");
  ASSERT_EQ(other_refs.size(), 1u);
  EXPECT_EQ(other_refs[0]->path, "other.a");
}

TEST(Names, PathsSelectChildrenAndAttributes) {
  auto c = check_text(std::string(kTwoVpcs) + R"(
let first = main.a
let cidr = main.b.cidr
output vpc_id = main.id
)");
  EXPECT_TRUE(c.clean()) << c.diagnostics();
  const auto& out = c.compilation.program->outputs;
  ASSERT_EQ(out.size(), 1u);
  auto* d = out[0].value.as<model::Deferred>();
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->block->path, "main");
  EXPECT_EQ(d->attribute, "id");
}

TEST(Names, WrongKindReference) {
  auto c = check_text(std::string(kTwoVpcs) + R"(
cluster prod {
  service s {
    task    = t
    subnets = [main.api]
  }
}
task t {
  cpu = 256
  memory = 512
  container c { image = "nginx" }
}
)");
  EXPECT_NE(
      c.diagnostics().find("error[E1006]: expected a `subnet`, `main.api` is a `security_group`"),
      std::string::npos)
      << c.diagnostics();
}

TEST(Names, UnresolvedNameSuggestsTheNearest) {
  auto c = check_text(R"(vpc main {
  cidr = "10.0.0.0/16"
  subnet public_a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
  route_table rt { subnets = [publc_a] }
}
)");
  EXPECT_EQ(c.codes(), "E1004") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("test.ecl:4:31: error[E1004]: cannot find subnet `publc_a`; did "
                                 "you mean `public_a`?"),
            std::string::npos)
      << c.diagnostics();
}

TEST(Names, SameNameDifferentKindsCoexist) {
  auto c = check_text(R"(task api {
  cpu = 256
  memory = 512
  container app { image = "nginx" }
}
cluster prod {
  service api {
    task = api
    subnets = [main.a]
  }
}
vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
}
)");
  EXPECT_EQ(c.codes().find("E1"), std::string::npos) << c.diagnostics();
  EXPECT_EQ(c.block("prod.api")->get_ref("task")->path, "api");
}

TEST(Names, AmbiguousNameIsAnError) {
  auto c = check_text(R"(vpc api { cidr = "10.0.0.0/16" }
task api {
  cpu = 256
  memory = 512
  container app { image = "nginx" }
}
let x = api
)");
  EXPECT_EQ(c.codes(), "E1005") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("`api` is ambiguous: it names vpc `api` and task `api`"),
            std::string::npos)
      << c.diagnostics();
}

TEST(Names, NextPathSegmentDisambiguates) {
  auto c = check_text(R"(vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
}
cluster main {}
let s = main.a
let arn = main.arn
)");
  EXPECT_TRUE(c.clean()) << c.diagnostics();
}

// Deeper in a path too: `net.public` names a route table and a load balancer, and only the load
// balancer has a `dns_name`, or a listener `http`. Without such a segment it stays ambiguous.
TEST(Names, NextPathSegmentDisambiguatesChildren) {
  const std::string program = R"(vpc net {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  load_balancer public {
    subnets = [a, b]
    listener http { port = 80  fixed_response = 404 }
  }
}
)";
  auto c = check_text(program + "output dns = net.public.dns_name\nlet l = net.public.http\n");
  EXPECT_TRUE(c.clean()) << c.diagnostics();
  auto ambiguous = check_text(program + "let x = net.public\n");
  EXPECT_EQ(ambiguous.codes(), "E1005") << ambiguous.diagnostics();
}

// A typed reference settles two children of one name by kind (the docs' "Ambiguity"): the one of
// the expected kind is taken, and when none is, the reference is of the wrong kind and the message
// lists what the name is, as for one child (not "no attribute or block `public`").
TEST(Names, ExpectedKindSettlesChildrenOfOneName) {
  const std::string program = R"(vpc net {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  load_balancer public { subnets = [a, b] }
  security_group app {
    ingress { port = 80  from = )";
  auto wrong = check_text(program + "net.public }\n  }\n}\n");
  EXPECT_EQ(wrong.codes(), "E1006") << wrong.diagnostics();
  EXPECT_NE(wrong.diagnostics().find("expected a `security_group`, `net.public` is either a "
                                     "`route_table` or a `load_balancer`"),
            std::string::npos)
      << wrong.diagnostics();
  // The same for a bare name: none of its declarations fits, so it is not ambiguous.
  auto bare = check_text(program + "public }\n  }\n}\n");
  EXPECT_EQ(bare.codes(), "E1006") << bare.diagnostics();
  EXPECT_NE(bare.diagnostics().find("expected a `security_group`, `public` is either a "
                                    "`route_table` or a `load_balancer`"),
            std::string::npos)
      << bare.diagnostics();
  auto fits = check_text(std::string(program) + R"("0.0.0.0/0" }
  }
  security_group public {}
  security_group db {
    ingress { port = 5432  from = net.public }
  }
}
)");
  EXPECT_TRUE(fits.clean()) << fits.diagnostics();
  EXPECT_EQ(fits.block("net.db")->children.front()->get_ref("from")->path, "net.public");
  EXPECT_EQ(fits.block("net.db")->children.front()->get_ref("from")->kind_name, "security_group");
}

// A top-level vpc and cluster named alike: the whole rest of a path, to a block of the expected
// kind, picks the head (both have a `web`, only the vpc's is a security group). No path can name
// one top-level block rather than another, so an ambiguity left says to rename one.
TEST(Names, RestOfPathAndExpectedKindSettleTheHead) {
  const std::string program = R"(vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a" }
  security_group web {}
}
task web {
  cpu = 256  memory = 512
  container app { image = "nginx" }
}
cluster main {
  service web {
    task = web
    subnets = [main.a]
    security_groups = [main.web]
  }
}
)";
  auto c = check_text(program);
  EXPECT_EQ(c.codes().find("E1"), std::string::npos) << c.diagnostics();
  auto services = c.compilation.program->of_kind("service");
  ASSERT_EQ(services.size(), 1u);
  auto groups = services.front()->get_refs("security_groups");
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups.front()->kind_name, "security_group");
  auto ambiguous = check_text(program + "let x = main.web\n");
  EXPECT_NE(ambiguous.diagnostics().find(
                "`main` is ambiguous: it names vpc `main` and cluster `main`; rename one of them"),
            std::string::npos)
      << ambiguous.diagnostics();
}

// A bare name that is an attribute of a block around it is read through the block's path: the
// message says which path, and not the attribute being evaluated (the subnet's own `cidr`).
TEST(Names, AttributeOfAnEnclosingBlockSuggestsItsPath) {
  auto c = check_text(R"(vpc net {
  cidr = "10.0.0.0/16"
  subnet a { cidr = cidrsubnet(cidr, 8, 0)  zone = "us-east-1a" }
}
)");
  EXPECT_EQ(c.codes(), "E1004") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("cannot find `cidr`; did you mean `net.cidr`?"), std::string::npos)
      << c.diagnostics();
  ASSERT_EQ(c.compilation.diags.items().front().fixes.size(), 1u);
  EXPECT_EQ(c.compilation.diags.items().front().fixes[0].text, "net.cidr");
  auto fixed = check_text(R"(vpc net {
  cidr = "10.0.0.0/16"
  subnet a { cidr = cidrsubnet(net.cidr, 8, 0)  zone = "us-east-1a" }
}
)");
  EXPECT_TRUE(fixed.clean()) << fixed.diagnostics();
}

// A let and a block of one name: the message names the let (it read the let as a block).
TEST(Names, AmbiguousLetAndBlockAreNamed) {
  auto c = check_text(R"(let web = "nginx"
task web {
  cpu = 256  memory = 512
  container app { image = web }
}
)");
  EXPECT_NE(c.diagnostics().find("it names task `web` and let `web`; rename one of them"),
            std::string::npos)
      << c.diagnostics();
}

TEST(Names, DuplicateNamesPerKindAndScope) {
  auto c = check_text(R"(vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
  subnet a { cidr = "10.0.2.0/24"  zone = "us-east-1a" }
}
)");
  EXPECT_EQ(c.codes(), "E1003") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("subnet `a` is declared twice in vpc `main`"), std::string::npos)
      << c.diagnostics();
}

TEST(Names, LetCycleNamesTheWholeCycle) {
  auto c = check_text("let a = b\nlet b = c\nlet c = a\n");
  EXPECT_EQ(c.codes(), "E1007") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("`let` cycle: let a -> let b -> let c -> let a"),
            std::string::npos)
      << c.diagnostics();
}

TEST(Names, AttributeCycle) {
  auto c = check_text(R"(vpc a { cidr = b.cidr }
vpc b { cidr = a.cidr }
)");
  EXPECT_NE(c.codes().find("E1008"), std::string::npos) << c.diagnostics();
}

TEST(Names, ParamsAndLetsShareOneNamespace) {
  auto c = check_text("param env: string = \"prod\"\nlet env = \"x\"\n");
  EXPECT_EQ(c.codes(), "E1003") << c.diagnostics();
}

TEST(Names, UnknownParamOverride) {
  auto c = check_text("param env: string = \"prod\"\n", {{"evn", "x"}});
  EXPECT_EQ(c.codes(), "E1009") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("`-p evn` names no param of the program; did you mean `env`?"),
            std::string::npos)
      << c.diagnostics();
}

TEST(Names, MissingParamValue) {
  auto c = check_text("param env: string\n");
  EXPECT_EQ(c.codes(), "E2008") << c.diagnostics();
  auto given = check_text("param env: string\n", {{"env", "staging"}});
  EXPECT_TRUE(given.clean()) << given.diagnostics();
  EXPECT_EQ(*given.compilation.program->params.at("env").string(), "staging");
}

} // namespace
} // namespace ecl

namespace ecl {
namespace {

// The checker records what each name resolved to, for the language server: blocks, lets, params
// and `block.attribute` accesses, at the name as written.
TEST(Names, ReferencesAreRecordedAsResolved) {
  const std::string text = R"(param env: string = "prod"
let cidr = "10.0.0.0/16"
vpc main {
  cidr = cidr
  subnet a { cidr = cidrsubnet(main.cidr, 8, 0)  zone = "us-east-1a" }
  tags = { env = env }
}
output subnet = main.a.id
)";
  driver::Compilation c;
  FileId id = c.sources.add("test.ecl", text);
  check::Options options;
  options.record_references = true;
  driver::compile_sources(c, {id}, options);
  ASSERT_TRUE(c.diags.empty()) << render_text(c.diags, c.sources);
  std::vector<std::string> seen;
  for (const model::Reference& r : c.program->references) {
    std::string_view written =
        std::string_view(text).substr(r.range.begin, r.range.end - r.range.begin);
    switch (r.what) {
    case model::Reference::ToBlock:
      seen.push_back(fmt::format("{} -> block {}", written, r.block->path));
      break;
    case model::Reference::ToLet:
    case model::Reference::ToParam:
      seen.push_back(fmt::format("{} -> {} at {}", written,
                                 r.what == model::Reference::ToLet ? "let" : "param",
                                 r.declaration.begin));
      break;
    case model::Reference::ToAttribute:
      seen.push_back(fmt::format("{} -> {}.{}", written, r.block->path, r.name));
      break;
    case model::Reference::ToModule:
    case model::Reference::ToOutput:
      seen.push_back(fmt::format("{} -> module", written));
      break;
    }
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen,
            (std::vector<std::string>{"a -> block main.a", "cidr -> let at 31", "cidr -> main.cidr",
                                      "env -> param at 6", "id -> main.a.id", "main -> block main",
                                      "main -> block main"}));
  // Not recorded unless asked for: `eclc check` does not pay for it.
  auto plain = test::check_text(text);
  EXPECT_TRUE(plain.compilation.program->references.empty());
}

} // namespace
} // namespace ecl

namespace ecl {
namespace {

// E0028: modules nest at most 16 levels deep. A chain of 18 directories, each instantiating the
// next, stops at the 17th with the error at its `module` block.
TEST(Modules, NestingIsBounded) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / fmt::format("ecl_modules_{}", ::getpid());
  fs::remove_all(root);
  for (int i = 0; i < 18; ++i) {
    fs::create_directories(root / fmt::format("m{}", i));
    test::write_file(root / fmt::format("m{}", i) / "m.ecl",
                     i == 17 ? "let x = 1\n"
                             : fmt::format("module next {{ source = \"../m{}\" }}\n", i + 1));
  }
  test::write_file(root / "main.ecl", "module first { source = \"./m0\" }\n");
  driver::Compilation c = driver::compile((root / "main.ecl").string(), check::Options{});
  std::vector<std::string> codes;
  for (const Diagnostic& d : c.diags.items()) {
    codes.emplace_back(d.code());
  }
  EXPECT_EQ(codes, std::vector<std::string>{"E0028"}) << render_text(c.diags, c.sources);
  EXPECT_EQ(c.modules.instances.size(), 16u);
  fs::remove_all(root);
}

} // namespace
} // namespace ecl
