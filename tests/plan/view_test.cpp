// The plan a reviewer reads (apply/plan_view.h), pinned by golden files: tests/plan/view/base.ecl,
// edited per case, planned against the state an apply of another edit would leave (built here from
// that edit's plan, with made-up AWS values) and compared with view/NAME.txt.
// ECL_UPDATE_GOLDEN=1 rewrites the files (then review the diff).
#include "apply/command.h"
#include "apply/plan_view.h"
#include "apply/refresh.h"
#include "apply/target.h"
#include "backends/plan/plan.h"
#include "backends/resources/registry.h"
#include "compiler/driver/driver.h"
#include "tests/test_util.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <optional>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;
namespace plan = ecl::backend::plan;
using ecl::apply::State;

namespace {

const fs::path kDir = fs::path(ECL_SOURCE_DIR) / "tests" / "plan" / "view";

using Edits = std::vector<std::pair<std::string, std::string>>;

// base.ecl with each edit (old text -> new text, each found once) made.
std::string edited(const Edits& edits) {
  std::string text = ecl::test::read_file(kDir / "base.ecl");
  for (const auto& [from, to] : edits) {
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

struct Built {
  ecl::driver::Compilation c;
  plan::Plan plan;
};

std::unique_ptr<Built> build(const std::string& text) {
  fs::path dir = fs::temp_directory_path() / ("eclc_view_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ecl::test::write_file(dir / "main.ecl", text);
  auto out = std::make_unique<Built>();
  out->c = ecl::driver::compile((dir / "main.ecl").string(), {});
  fs::remove_all(dir);
  EXPECT_FALSE(out->c.diags.has_errors());
  EXPECT_TRUE(out->c.program);
  if (!out->c.program) {
    return nullptr;
  }
  ecl::Diagnostics diags;
  EXPECT_TRUE(plan::build_plan(*out->c.program, diags, out->plan));
  out->plan.resources = plan::resources_of(*out->c.program, out->plan);
  return out;
}

// The state a complete apply of `p` leaves: every step recorded with made-up values for what AWS
// answers, the blocks as written (unless `blocks` is false: a state of an older eclc), the outputs.
State applied(const plan::Plan& p, bool blocks = true) {
  State s;
  s.stack = p.stack;
  s.region = p.region;
  for (const plan::Step& step : p.steps) {
    ecl::apply::Entry e;
    e.id = step.id;
    e.block = step.block;
    e.service = step.service;
    e.operation = step.operation;
    e.params = step.params;
    e.request = step.params;
    e.depends_on = step.depends_on;
    for (const auto& [name, path] : step.produces.items()) {
      e.outputs[path.get<std::string>()] = name + "-of-" + step.id;
    }
    s.entries.push_back(std::move(e));
  }
  // What was sent: the placeholders filled from the state.
  plan::Plan sent = p;
  for (ecl::apply::Entry& e : s.entries) {
    sent.outputs = e.params;
    e.request = ecl::apply::filled_outputs(sent, s);
  }
  if (blocks) {
    for (const plan::Resource& r : p.resources) {
      s.blocks[r.key] = {{"kind", r.kind}, {"attributes", r.attributes}};
    }
  }
  s.outputs = ecl::apply::filled_outputs(p, s);
  return s;
}

struct Case {
  const char* name;
  std::optional<Edits> before; // the program applied into the state; none: an empty state
  Edits after;                 // the program planned
  std::vector<std::string> targets = {};
  bool destroying = false;
  bool blocks = true; // the state records the blocks
};

const Edits kNone = {};
const Edits kUpdate = {
    {"desired   = 2", "desired   = 3"},
    {"subnets   = [main.public_a, main.public_b]", "subnets   = [main.public_a, main.public_c]"},
    {"port  = 8080", "port  = 8081"}};
const Edits kReplace = {{"\"10.0.1.0/24\"", "\"10.0.9.0/24\""}};
// Every changed attribute of a task definition forces its new revision.
const Edits kReplaceTask = {{"cpu    = 0.25vcpu", "cpu    = 0.5vcpu"},
                            {"memory = 512MiB", "memory = 1GiB"}};
const Edits kDelete = {{"  service api {\n    task      = api\n    desired   = 2\n    subnets   = "
                        "[main.public_a, main.public_b]\n    public_ip = true\n  }\n",
                        ""},
                       {"output service_arn = prod.api.arn\n", ""}};
const Edits kOutputs = {{"output service_arn = prod.api.arn\n", ""},
                        {"output subnet_cidr = main.public_b.cidr",
                         "output subnet_cidr = main.public_a.cidr\noutput family = api.family"}};
const Edits kTags = {{"tags   = { team = \"web\" }", "tags   = { team = \"shop\" }"}};

const Case kCases[] = {
    {"create", std::nullopt, kNone},
    {"no_changes", kNone, kNone},
    {"update", kNone, kUpdate},
    {"replace", kNone, kReplace},
    {"replace_task", kNone, kReplaceTask},
    {"delete", kNone, kDelete},
    {"outputs", kNone, kOutputs},
    {"tags", kNone, kTags},
    {"older_state", kNone, kUpdate, {}, false, /*blocks=*/false},
    {"destroy", kNone, kNone, {}, /*destroying=*/true},
    {"target", kNone, kUpdate, {"prod"}},
    {"target_replace", kNone, kReplace, {"main.public_b"}},
    {"destroy_target", kNone, kNone, {"main.public_b"}, /*destroying=*/true},
};

class PlanView : public ::testing::TestWithParam<Case> {};

TEST_P(PlanView, MatchesGolden) {
  const Case& c = GetParam();
  auto after = build(edited(c.after));
  ASSERT_TRUE(after);
  State state;
  std::unique_ptr<Built> before;
  if (c.before) {
    before = build(edited(*c.before));
    ASSERT_TRUE(before);
    state = applied(before->plan, c.blocks);
  }
  ecl::apply::CommandOptions options;
  options.targets = c.targets;
  std::string text, error;
  ASSERT_TRUE(ecl::apply::render_plan(after->plan, state, options, c.destroying, text, error))
      << error;
  fs::path golden = kDir / (std::string(c.name) + ".txt");
  if (ecl::test::update_golden()) {
    ecl::test::write_file(golden, text);
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << "missing " << golden << "; run with ECL_UPDATE_GOLDEN=1";
  EXPECT_EQ(text, ecl::test::read_file(golden)) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Cases, PlanView, ::testing::ValuesIn(kCases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// Counted in resources: a plan from nothing adds one resource a block with calls, and applying
// it leaves nothing to change.
TEST(PlanViewCounts, OneResourceABlock) {
  auto built = build(edited(kNone));
  ASSERT_TRUE(built);
  State empty;
  auto changes = ecl::apply::diff(built->plan, empty);
  auto resources = ecl::apply::by_resource(&built->plan, empty, changes);
  EXPECT_EQ(ecl::apply::count(resources),
            (ecl::apply::Counts{built->plan.resources.size(), 0, 0, 0}));
  State state = applied(built->plan);
  EXPECT_TRUE(ecl::apply::diff(built->plan, state).empty());
  auto destroy = ecl::apply::by_resource(nullptr, state, ecl::apply::destroy_changes(state));
  EXPECT_EQ(ecl::apply::count(destroy),
            (ecl::apply::Counts{0, 0, 0, built->plan.resources.size()}));
}

// Under auto scaling the scaler owns the service's count: no call sends `desired` (the step's
// `unmanaged`), and the view does not show it changing either, alone or beside another change.
TEST(PlanViewScaling, DesiredBelongsToTheScaler) {
  const Edits scaled = {{"    public_ip = true\n  }",
                         "    public_ip = true\n    scaling {\n      min = 1\n      max = 4\n"
                         "      cpu = 60\n    }\n  }"}};
  auto before = build(edited(scaled));
  ASSERT_TRUE(before);
  State state = applied(before->plan);
  Edits desired = scaled;
  desired.emplace_back("desired   = 2", "desired   = 3");
  Edits both = desired;
  both.emplace_back("subnets   = [main.public_a, main.public_b]",
                    "subnets   = [main.public_a, main.public_c]");
  ecl::apply::CommandOptions options;
  std::string text, error;
  auto only = build(edited(desired));
  ASSERT_TRUE(only);
  ASSERT_TRUE(ecl::apply::render_plan(only->plan, state, options, false, text, error)) << error;
  EXPECT_EQ(text, "No changes.\n");
  auto with_subnets = build(edited(both));
  ASSERT_TRUE(with_subnets);
  text.clear();
  ASSERT_TRUE(ecl::apply::render_plan(with_subnets->plan, state, options, false, text, error))
      << error;
  EXPECT_NE(text.find("~ subnets: [main.public_a, main.public_b] -> [main.public_a, "
                      "main.public_c]"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("desired"), std::string::npos) << text;
  // A new task definition renews the service, whose update does not send the count either.
  Edits image = desired;
  image.emplace_back("nginx:1.27", "nginx:1.28");
  auto renewed = build(edited(image));
  ASSERT_TRUE(renewed);
  text.clear();
  ASSERT_TRUE(ecl::apply::render_plan(renewed->plan, state, options, false, text, error)) << error;
  EXPECT_NE(text.find("  ~ service prod.api\n      ~ `api` is renewed\n"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("desired"), std::string::npos) << text;
}

TEST(PlanViewTargets, UnknownBlockSaysDidYouMean) {
  auto built = build(edited(kNone));
  ASSERT_TRUE(built);
  std::string error;
  EXPECT_FALSE(ecl::apply::check_targets({"main.publc_a"}, built->plan, {}, error));
  EXPECT_EQ(error, "--target `main.publc_a`: no block of the program or of the state makes AWS "
                   "calls by that name; did you mean `main.public_a`?");
  EXPECT_TRUE(ecl::apply::check_targets({"main", "prod.api"}, built->plan, {}, error));
}

TEST(PlanViewTargets, LimitKeepsDependenciesAndNestedBlocks) {
  auto built = build(edited(kNone));
  ASSERT_TRUE(built);
  plan::Plan limited = ecl::apply::limit_plan(built->plan, {"main.public"});
  std::set<std::string> blocks;
  for (const auto& s : limited.steps) {
    blocks.insert(s.block);
  }
  // The route table, its route (nested), what they name (the VPC, the subnets, the gateway).
  EXPECT_EQ(blocks,
            (std::set<std::string>{"main", "main.public_a", "main.public_b", "main.public_c",
                                   "main.igw", "main.public", "main.public.route[0]"}));
  EXPECT_EQ(limited.resources.size(), blocks.size());
  // Only the outputs whose values name kept steps.
  EXPECT_TRUE(limited.outputs.contains("vpc_id"));
  EXPECT_TRUE(limited.outputs.contains("subnet_cidr"));
  EXPECT_FALSE(limited.outputs.contains("service_arn"));
}

// Blocks of two kinds may share a path (`repository api`, `task api`): they are two resources to
// the view, the counts and --target, told apart by their steps' ids (`api@task`). Found by a
// new-user run: the view showed one resource, and `--target migrate` (a task whose image is in the
// repository) also registered the task `api`.
TEST(PlanViewSharedPaths, TwoKindsOneNameAreTwoResources) {
  const std::string text = R"(stack s { region = "us-east-1" }
repository api {}
task api {
  cpu    = 256
  memory = 512
  container web { image = "${api.uri}:1.0" }
}
task migrate {
  cpu    = 256
  memory = 512
  container main { image = "${api.uri}:1.0" }
}
)";
  auto built = build(text);
  ASSERT_TRUE(built);
  State empty;
  auto changes = ecl::apply::diff(built->plan, empty);
  auto resources = ecl::apply::by_resource(&built->plan, empty, changes);
  std::set<std::string> named;
  for (const auto& r : resources) {
    named.insert(r.kind + " " + r.block);
  }
  EXPECT_EQ(named,
            (std::set<std::string>{"repository api@repository", "task api@task", "task migrate"}));
  ecl::apply::CommandOptions options;
  std::string view, error;
  ASSERT_TRUE(ecl::apply::render_plan(built->plan, empty, options, false, view, error)) << error;
  EXPECT_NE(view.find("  + repository api\n"), std::string::npos) << view;
  EXPECT_NE(view.find("  + task api\n"), std::string::npos) << view;
  EXPECT_NE(view.find("Plan: 3 to add"), std::string::npos) << view;

  // --target migrate: the task and the repository it pulls from, not the other task.
  plan::Plan limited = ecl::apply::limit_plan(built->plan, {"migrate"});
  std::set<std::string> kept;
  for (const auto& s : limited.steps) {
    kept.insert(plan::resource_key(s.id));
  }
  EXPECT_EQ(kept, (std::set<std::string>{"api@repository", "migrate"}));
  std::string ignored;
  EXPECT_TRUE(ecl::apply::check_targets({"api@task"}, built->plan, {}, ignored));
  EXPECT_EQ(ecl::apply::limit_plan(built->plan, {"api"}).resources.size(), 2u);

  // A changed task is a change of the task alone (a new revision).
  State state = applied(built->plan);
  std::string changed = text;
  const std::string from = "web { image = \"${api.uri}:1.0";
  changed.replace(changed.find(from), from.size(), "web { image = \"${api.uri}:2.0");
  auto edited_task = build(changed);
  ASSERT_TRUE(edited_task);
  view.clear();
  ASSERT_TRUE(ecl::apply::render_plan(edited_task->plan, state, options, false, view, error))
      << error;
  EXPECT_NE(view.find("  +/- task api  ("), std::string::npos) << view;
  EXPECT_EQ(view.find("repository"), std::string::npos) << view;
}

} // namespace

// Refresh (apply/refresh.h): only what the program sets is compared, and drift is planned back
// and said so.
TEST(Refresh, HoldsOnlyWhatTheProgramSets) {
  using ecl::apply::holds;
  using json = ecl::apply::json;
  EXPECT_TRUE(holds(json("false"), json(false))); // the query protocol's text
  EXPECT_FALSE(holds(json("false"), json(true)));
  EXPECT_TRUE(holds(json(2), json(2)));
  EXPECT_FALSE(holds(json(1), json(2)));
  EXPECT_FALSE(holds(json(), json("vpc-1")));
  EXPECT_TRUE(holds(json(), json(""))); // not set: not compared
  // AWS's defaults and other rules beside what the program sets are not drift.
  json live = json::parse(R"([{"IpProtocol": "tcp", "FromPort": "80", "ToPort": "80",
      "Groups": [], "IpRanges": [{"CidrIp": "10.0.0.0/8"}, {"CidrIp": "0.0.0.0/0"}]},
      {"IpProtocol": "tcp", "FromPort": "443", "ToPort": "443", "IpRanges": []}])");
  json rule = json::parse(
      R"([{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])");
  EXPECT_TRUE(holds(live, rule));
  rule[0]["FromPort"] = 8080;
  EXPECT_FALSE(holds(live, rule));
  // Botocore's names read EC2's wire names (UserIdGroupPairs is `groups` on the wire).
  json pair = json::parse(R"([{"IpProtocol": "tcp", "UserIdGroupPairs": [{"GroupId": "sg-1"}]}])");
  EXPECT_FALSE(holds(live, pair));
  live[1]["Groups"] = json::parse(R"([{"GroupId": "sg-1", "UserId": "123"}])");
  EXPECT_TRUE(holds(live, pair));
}

TEST(Refresh, DriftIsPlannedBack) {
  auto built = build(edited(kNone));
  ASSERT_TRUE(built);
  State state = applied(built->plan);
  auto refresh_of = [&](const std::string& id) {
    const ecl::apply::Entry* e = state.find(id);
    const auto* op = e ? ecl::resources::find_operation(e->service, e->operation) : nullptr;
    EXPECT_TRUE(op && op->refresh) << id;
    return op && op->refresh ? &*op->refresh : nullptr;
  };
  ecl::apply::Drift drift;
  // What AWS holds as the program set it: no drift.
  using json = ecl::apply::json;
  json service = {{"serviceArn", "arn-of-prod.api"}, {"status", "ACTIVE"}, {"desiredCount", 2}};
  ASSERT_TRUE(refresh_of("prod.api"));
  EXPECT_FALSE(
      ecl::apply::drift_of(*refresh_of("prod.api"), *state.find("prod.api"), &service, {}));
  EXPECT_TRUE(ecl::apply::diff(built->plan, state).empty());
  // Scaled to 1 outside eclc: updated back (unless another owner sets the count).
  service["desiredCount"] = 1;
  EXPECT_FALSE(ecl::apply::drift_of(*refresh_of("prod.api"), *state.find("prod.api"), &service,
                                    {"desiredCount"}));
  auto why = ecl::apply::drift_of(*refresh_of("prod.api"), *state.find("prod.api"), &service, {});
  ASSERT_TRUE(why);
  EXPECT_EQ(*why, "changed outside eclc: desiredCount 2 -> 1");
  drift["prod.api"] = *why;
  // A subnet's public IPs turned off.
  json subnet = {{"SubnetId", "id-of-main.public_a"}, {"MapPublicIpOnLaunch", "false"}};
  ASSERT_TRUE(refresh_of("main.public_a#public-ip"));
  why = ecl::apply::drift_of(*refresh_of("main.public_a#public-ip"),
                             *state.find("main.public_a#public-ip"), &subnet, {});
  ASSERT_TRUE(why);
  drift["main.public_a#public-ip"] = *why;
  // A subnet deleted: its read found nothing.
  why =
      ecl::apply::drift_of(*refresh_of("main.public_b"), *state.find("main.public_b"), nullptr, {});
  ASSERT_TRUE(why);
  EXPECT_EQ(*why, "deleted outside eclc");
  drift["main.public_b"] = *why;
  // Its attribute's read (of the same subnet) found nothing either: the block is created again.
  drift["main.public_b#public-ip"] = *why;
  state.erase("main.public_b");
  state.erase("main.public_b#public-ip");
  auto changes = ecl::apply::diff(built->plan, state, drift);
  auto update = std::find_if(changes.begin(), changes.end(),
                             [](const auto& c) { return c.id == "prod.api"; });
  ASSERT_NE(update, changes.end());
  EXPECT_EQ(update->action, ecl::apply::Action::Update);
  EXPECT_EQ(update->call, "ecs:UpdateService");
  ecl::apply::CommandOptions options;
  std::string text, error;
  ASSERT_TRUE(ecl::apply::render_plan(built->plan, state, options, false, text, error, drift))
      << error;
  fs::path golden = kDir / "drift.txt";
  if (ecl::test::update_golden()) {
    ecl::test::write_file(golden, text);
    return;
  }
  EXPECT_EQ(text, ecl::test::read_file(golden));
}

// What a replacement made first deposed, left by an apply that stopped before deleting it, is a
// resource of its own in the view, deleted (`- task api~old`), not a change of its block.
TEST(PlanViewDeposed, TheOldOneIsDeletedOnItsOwn) {
  auto built = build(edited(kNone));
  ASSERT_TRUE(built);
  State state = applied(built->plan);
  ecl::apply::Entry old = *state.find("api");
  old.id = "api~old";
  old.deposed = true;
  state.entries.push_back(old);
  auto changes = ecl::apply::diff(built->plan, state);
  auto resources = ecl::apply::by_resource(&built->plan, state, changes);
  ASSERT_EQ(resources.size(), 1u);
  EXPECT_EQ(resources[0].action, ecl::apply::Action::Delete);
  EXPECT_EQ(resources[0].block, "api~old");
  EXPECT_EQ(resources[0].kind, "task");
  EXPECT_EQ(resources[0].reason, "replaced: the old one, made before this apply");
  EXPECT_EQ(ecl::apply::count(resources), (ecl::apply::Counts{0, 0, 0, 1}));
}
