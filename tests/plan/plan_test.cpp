// Unit tests of the API plan backend: the schema is lowered in full (every attribute and object
// field is read, every deferred attribute has a source step), steps come after all they depend
// on, placeholders are read back the way the document describes, and the output is
// deterministic. What the plans contain is pinned by the golden `.plan.json` sidecars; that they
// are valid requests and run, by the scripts beside this file.
#include "backends/plan/plan.h"
#include "backends/plan/planner.h"
#include "backends/resources/registry.h"
#include "compiler/diagnostics/render.h"
#include "compiler/driver/driver.h"
#include "compiler/schema/schema.h"
#include "tests/backend_test_util.h"
#include "tests/test_util.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <regex>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;
namespace plan = ecl::backend::plan;
namespace resources = ecl::resources;

namespace {

using ecl::test::clean_programs;
using ecl::test::schema_keys;

struct Built {
  ecl::driver::Compilation c;
  plan::Plan plan;
};

std::unique_ptr<Built> build(const fs::path& p, std::set<std::string>* read = nullptr) {
  auto out = std::make_unique<Built>();
  ecl::test::ScopedCwd cwd(p.parent_path());
  out->c = ecl::driver::compile(p.filename().string(), {});
  if (out->c.diags.has_errors() || !out->c.program) {
    return nullptr;
  }
  ecl::Diagnostics diags;
  EXPECT_TRUE(plan::build_plan(*out->c.program, diags, out->plan, read)) << p;
  return out;
}

TEST(PlanCoverage, EverySchemaAttributeReachesThePlan) {
  std::set<std::string> read;
  std::size_t built = 0;
  for (const fs::path& p : clean_programs()) {
    if (build(p, &read)) {
      ++built;
    }
  }
  ASSERT_GT(built, 0u);
  for (const std::string& key : schema_keys()) {
    const std::string port = "container.port.";
    if (key.rfind(port, 0) == 0) { // merged into `ports` by the checker
      EXPECT_TRUE(read.count("container.ports." + key.substr(port.size()))) << key;
      continue;
    }
    EXPECT_TRUE(read.count(key)) << "`" << key << "` is in the schema but the plan never reads it";
  }
}

TEST(PlanCoverage, EveryDeferredAttributeHasASource) {
  for (const ecl::schema::Kind& kind : ecl::schema::kinds()) {
    for (const ecl::schema::DeferredAttribute& d : kind.deferred) {
      const resources::Attribute* a = resources::find_attribute(kind.name, d.name);
      ASSERT_NE(a, nullptr) << kind.name << "." << d.name << " has no resource descriptor";
      EXPECT_FALSE(resources::output_path(*a).empty())
          << kind.name << "." << d.name << " names no output of " << a->operation;
    }
  }
}

// Every call a plan makes has a descriptor (backends/resources), which apply/ runs it by, and
// the step produces what the descriptor's outputs say.
TEST(PlanCoverage, EveryStepHasADescriptor) {
  std::set<std::string> seen;
  for (const fs::path& p : clean_programs()) {
    auto b = build(p);
    if (!b) {
      continue;
    }
    for (const plan::Step& s : b->plan.steps) {
      const resources::Operation* op = resources::find_operation(s.service, s.operation);
      ASSERT_NE(op, nullptr) << p << ": " << s.service << ":" << s.operation << " of " << s.id;
      plan::json produces = plan::json::object();
      for (const resources::Output& o : op->outputs) {
        // A read produces what the program takes of its answer (the zones it asks for).
        if (!s.read || s.produces.contains(std::string(o.name))) {
          produces[std::string(o.name)] = std::string(o.path);
        }
      }
      EXPECT_EQ(s.produces, produces) << s.id;
      seen.insert(s.service + ":" + s.operation);
    }
  }
  // And the other way: every descriptor's operation is one the plans of the repository make.
  for (const resources::Descriptor* d : resources::descriptors()) {
    for (const resources::Operation& op : d->operations) {
      EXPECT_TRUE(seen.count(std::string(op.service) + ":" + std::string(op.name)))
          << d->name << ": no clean program makes " << op.service << ":" << op.name;
    }
  }
}

TEST(PlanOrder, EveryStepComesAfterAllItDependsOn) {
  for (const fs::path& p : clean_programs()) {
    auto b = build(p);
    if (!b) {
      continue;
    }
    std::set<std::string, std::less<>> ids, seen;
    for (const plan::Step& s : b->plan.steps) {
      EXPECT_TRUE(ids.insert(s.id).second) << p << ": step id " << s.id << " twice";
    }
    for (const plan::Step& s : b->plan.steps) {
      for (const std::string& d : s.depends_on) {
        EXPECT_TRUE(seen.count(d)) << p << ": " << s.id << " comes before " << d;
      }
      // Every placeholder names a step it depends on and a value that step produces.
      std::function<void(const plan::json&)> visit = [&](const plan::json& v) {
        if (v.is_string()) {
          for (const auto& [step, path] : plan::placeholders(v.get<std::string>(), ids)) {
            EXPECT_NE(std::find(s.depends_on.begin(), s.depends_on.end(), step), s.depends_on.end())
                << p << ": " << s.id << " uses " << step << " without depending on it";
          }
        } else if (v.is_structured()) {
          for (const auto& item : v) {
            visit(item);
          }
        }
      };
      visit(s.params);
      seen.insert(s.id);
    }
  }
}

TEST(PlanOrder, TiesFollowSourceOrder) {
  auto b = build(fs::path(ECL_SOURCE_DIR) / "examples" / "webapp.ecl");
  ASSERT_TRUE(b);
  std::vector<std::string> ids;
  for (const plan::Step& s : b->plan.steps) {
    ids.push_back(s.id);
  }
  auto at = [&](const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  EXPECT_EQ(ids.front(), "main");
  EXPECT_LT(at("main.public_a"), at("main.public_b"));
  EXPECT_LT(at("main.igw#attach"), at("main.nat_a#eip"));
  EXPECT_LT(at("main.web"), at("api#execution-role"));
  EXPECT_LT(at("api"), at("prod"));
  // The service's scaling follows it: the target names the service, the policy the target.
  EXPECT_LT(at("prod.api"), at("prod.api#scalable-target"));
  EXPECT_EQ(ids.back(), "prod.api#cpu-scaling");
}

TEST(PlanPlaceholders, LongestStepPrefixAndLiterals) {
  std::set<std::string, std::less<>> ids = {"main", "main.a", "main.a#eip"};
  auto found =
      plan::placeholders("x ${main.a.Subnet.SubnetId},${main.a#eip.PublicIp} $${main.Vpc}", ids);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], (std::pair<std::string, std::string>{"main.a", "Subnet.SubnetId"}));
  EXPECT_EQ(found[1], (std::pair<std::string, std::string>{"main.a#eip", "PublicIp"}));
}

TEST(PlanOutput, DeterministicTextAndDot) {
  const fs::path webapp = fs::path(ECL_SOURCE_DIR) / "examples" / "webapp.ecl";
  auto a = build(webapp);
  auto b = build(webapp);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(plan::to_json(a->plan), plan::to_json(b->plan));
  std::string text = plan::render_text(a->plan, false);
  EXPECT_NE(text.find("+  ec2:CreateVpc"), std::string::npos) << text;
  EXPECT_NE(text.find("10.0.0.0/16"), std::string::npos);
  EXPECT_NE(text.find(fmt::format("Calls: {} to create.\n", a->plan.steps.size())),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(plan::render_text(a->plan, true).find("\x1b[32m+"), std::string::npos);
  std::string dot = plan::render_dot(a->plan);
  EXPECT_NE(dot.find("digraph plan {"), std::string::npos);
  EXPECT_NE(dot.find("\"main\" -> \"main.public_a\";"), std::string::npos) << dot;
}

// A literal `${` in a rule's path is `$${` in the request (apply's placeholders) and `${` to
// people.
TEST(PlanOutput, LiteralPlaceholderShownAsWritten) {
  std::string text = ecl::test::read_file(fs::path(ECL_SOURCE_DIR) / "examples" / "webapp.ecl");
  const std::string paths = R"(paths    = ["/api/*"])";
  ASSERT_NE(text.find(paths), std::string::npos);
  text.replace(text.find(paths), paths.size(), R"(paths    = ["/api/\${v}/*"])");
  fs::path dir = fs::temp_directory_path() / ("eclc_literal_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ecl::test::write_file(dir / "webapp.ecl", text);
  auto built = build(dir / "webapp.ecl");
  fs::remove_all(dir);
  ASSERT_TRUE(built);
  EXPECT_NE(plan::to_json(built->plan).find("/api/$${v}/*"), std::string::npos);
  std::string view = plan::render_text(built->plan, false);
  EXPECT_NE(view.find("/api/${v}/*: forward to"), std::string::npos) << view;
  EXPECT_EQ(view.find("$${"), std::string::npos) << view;
}

// Load balancer and target group names: `-` stands for both `.` and `_`, so paths that would map
// to one name (`main.a_b`, `main_a.b`) must not; and a load balancer's name must not begin with
// `internal-` (here the stack's name), nor any name exceed 32 characters, begin or end with `-`.
TEST(PlanNames, LoadBalancerAndTargetGroupNamesAreValidAndDistinct) {
  std::string text = "stack internal {\n  region = \"us-east-1\"\n}\n";
  int vpc = 0;
  for (std::string name : {"main", "main_a", "a_very_long_network_name_"}) {
    text += fmt::format(R"(vpc {0} {{
  cidr = "10.{1}.0.0/16"
  subnet x {{ cidr = "10.{1}.0.0/24"  zone = "us-east-1a" }}
  subnet y {{ cidr = "10.{1}.1.0/24"  zone = "us-east-1b" }}
  load_balancer b {{ scheme = internal  subnets = [x, y] }}
  load_balancer a_b {{ scheme = internal  subnets = [x, y] }}
  target_group b {{ port = 80 }}
  target_group a_b {{ port = 80 }}
}}
)",
                        name, ++vpc);
  }
  fs::path dir = fs::temp_directory_path() / ("eclc_names_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ecl::test::write_file(dir / "names.ecl", text);
  auto built = build(dir / "names.ecl");
  fs::remove_all(dir);
  ASSERT_TRUE(built);
  const std::regex valid("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");
  std::map<std::string, std::set<std::string>> names; // by operation
  std::size_t count = 0;
  for (const plan::Step& s : built->plan.steps) {
    if (s.operation != "CreateLoadBalancer" && s.operation != "CreateTargetGroup") {
      continue;
    }
    ++count;
    std::string name = s.params.at("Name").get<std::string>();
    EXPECT_LE(name.size(), 32u) << name;
    EXPECT_TRUE(std::regex_match(name, valid)) << name;
    if (s.operation == "CreateLoadBalancer") {
      EXPECT_NE(name.rfind("internal-", 0), 0u) << name;
    }
    EXPECT_TRUE(names[s.operation].insert(name).second) << s.block << " reuses " << name;
  }
  EXPECT_EQ(count, 12u);
  // A path without `_` keeps its readable name.
  EXPECT_TRUE(names["CreateTargetGroup"].count("internal-main-b")) << text;
}

} // namespace
