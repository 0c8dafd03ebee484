// Units fold into canonical values: memory in MiB, CPU in units (1 vCPU = 1024), time in seconds.
#include "tests/unit/check_fixture.h"

#include <gtest/gtest.h>

namespace ecl {
namespace {

using test::check_text;

// A task on EC2, so that any cpu/memory pair is allowed by the rules.
std::string task_with(const std::string& attributes) {
  return "task t {\n  compatibilities = [ec2]\n  network_mode = bridge\n" + attributes +
         "\n  container c {\n    image = \"nginx\"\n    memory_reservation = 128\n  }\n}\n";
}

double amount(const test::Checked& c, std::string_view path, std::string_view attr) {
  const model::Value* v = c.value(path, attr);
  EXPECT_NE(v, nullptr) << path << "." << attr << "\n" << c.diagnostics();
  if (!v) {
    return -1;
  }
  auto* q = v->as<model::Quantity>();
  EXPECT_NE(q, nullptr) << path << "." << attr;
  return q ? q->amount : -1;
}

TEST(Units, MemoryIsMiB) {
  EXPECT_EQ(amount(check_text(task_with("memory = 512MiB")), "t", "memory"), 512);
  EXPECT_EQ(amount(check_text(task_with("memory = 2GiB")), "t", "memory"), 2048);
  EXPECT_EQ(amount(check_text(task_with("memory = 1.5GiB")), "t", "memory"), 1536);
  EXPECT_EQ(amount(check_text(task_with("memory = 1024")), "t", "memory"), 1024);
  EXPECT_EQ(amount(check_text(task_with("memory = 256MiB * 2")), "t", "memory"), 512);
  EXPECT_EQ(amount(check_text(task_with("memory = 1GiB + 512MiB")), "t", "memory"), 1536);
  EXPECT_EQ(amount(check_text(task_with("memory = max(512MiB, 1GiB)")), "t", "memory"), 1024);
}

TEST(Units, CpuIsUnits) {
  EXPECT_EQ(amount(check_text(task_with("cpu = 0.25vcpu")), "t", "cpu"), 256);
  EXPECT_EQ(amount(check_text(task_with("cpu = 1vcpu")), "t", "cpu"), 1024);
  EXPECT_EQ(amount(check_text(task_with("cpu = 2 * 0.5vcpu")), "t", "cpu"), 1024);
  EXPECT_EQ(amount(check_text(task_with("cpu = 512")), "t", "cpu"), 512);
}

TEST(Units, DurationIsSeconds) {
  auto hc = [](const std::string& interval) {
    return check_text("task t {\n  container c {\n    image = \"nginx\"\n    health_check {\n"
                      "      command = [\"CMD\", \"true\"]\n      interval = " +
                      interval + "\n    }\n  }\n  cpu = 256\n  memory = 512\n}\n");
  };
  EXPECT_EQ(amount(hc("30s"), "t.c.health_check[0]", "interval"), 30);
  EXPECT_EQ(amount(hc("5m"), "t.c.health_check[0]", "interval"), 300);
  EXPECT_EQ(amount(hc("45"), "t.c.health_check[0]", "interval"), 45);
  EXPECT_EQ(amount(hc("90000ms"), "t.c.health_check[0]", "interval"), 90);
  EXPECT_EQ(amount(hc("1m + 30s"), "t.c.health_check[0]", "interval"), 90);
  auto out_of_range = hc("1h");
  EXPECT_EQ(out_of_range.codes(), "E2009") << out_of_range.diagnostics();
}

TEST(Units, FractionalCpuUnitsAreRejected) {
  auto c = check_text(task_with("cpu = 0.3vcpu"));
  EXPECT_EQ(c.codes(), "E2010");
  EXPECT_NE(c.diagnostics().find("`0.3vcpu` (307.2 CPU units) is not a whole number of CPU units"),
            std::string::npos)
      << c.diagnostics();
}

TEST(Units, FractionalMiBAreRejected) {
  auto c = check_text(task_with("memory = 0.5MiB + 512MiB"));
  EXPECT_EQ(c.codes(), "E2010") << c.diagnostics();
}

// AWS takes durations in whole seconds: converting one for an attribute or field reports E2010 at
// the value, naming the attribute; a param (or an override of it) may hold half a second.
TEST(Units, DurationsGivenToAttributesAreWholeSeconds) {
  auto given = [](const std::string& stop, const std::string& interval) {
    return check_text("param half: duration = 500ms\ntask t {\n  container c {\n    image = "
                      "\"nginx\"\n    stop_timeout = " +
                          stop +
                          "\n    health_check {\n      command = [\"CMD\", \"true\"]\n"
                          "      interval = " +
                          interval + "\n    }\n  }\n  cpu = 256\n  memory = 512\n}\n",
                      {{"half", "1500ms"}});
  };
  EXPECT_EQ(amount(given("half * 4", "30s"), "t.c", "stop_timeout"), 6);
  auto stop = given("half", "30s");
  ASSERT_EQ(stop.codes(), "E2010") << stop.diagnostics();
  EXPECT_EQ(stop.compilation.diags.items()[0].message,
            "`half` (1.5s) is not a whole number of seconds; `stop_timeout` goes to AWS in whole "
            "seconds: write `1s` or `2s`");
  auto field = given("2s", "30500ms");
  ASSERT_EQ(field.codes(), "E2010") << field.diagnostics();
  EXPECT_NE(field.diagnostics().find("`interval` goes to AWS in whole seconds"), std::string::npos)
      << field.diagnostics();
}

TEST(Units, WrongDimensionIsATypeError) {
  auto c = check_text(task_with("memory = 2s"));
  EXPECT_EQ(c.codes(), "E2004");
  EXPECT_NE(c.diagnostics().find("expected `memory`, found `duration`"), std::string::npos)
      << c.diagnostics();
  auto d = check_text(task_with("cpu = 512MiB"));
  EXPECT_NE(d.diagnostics().find("expected `cpu`, found `memory`"), std::string::npos)
      << d.diagnostics();
}

// A plain number is in the stored unit, so a fraction must be the larger unit written out: the
// message says which, and the editor offers it.
TEST(Units, FractionWithoutUnitSuggestsTheUnit) {
  auto hint = [](const std::string& attributes) {
    auto c = check_text(task_with(attributes));
    const auto& items = c.compilation.diags.items();
    EXPECT_EQ(c.codes(), "E2004") << c.diagnostics();
    return items.size() == 1 && items[0].fixes.size() == 1
               ? items[0].message + " | " + items[0].fixes[0].text
               : c.diagnostics();
  };
  EXPECT_EQ(hint("cpu = 0.5"), "expected `cpu`, found `number`; write `0.5vcpu` | 0.5vcpu");
  EXPECT_EQ(hint("memory = 1.5"), "expected `memory`, found `number`; write `1.5GiB` | 1.5GiB");
  auto duration = check_text("task t {\n  container c {\n    image = \"nginx\"\n"
                             "    stop_timeout = 2.5\n  }\n  cpu = 256\n  memory = 512\n}\n");
  EXPECT_NE(duration.diagnostics().find("expected `duration`, found `number`; write `2.5s`"),
            std::string::npos)
      << duration.diagnostics();
  // Not for a computed number: no suffix makes `half * 2` a CPU amount.
  auto computed = check_text("let half = 0.5\n" + task_with("cpu = half * 2"));
  EXPECT_EQ(computed.diagnostics().find("write"), std::string::npos) << computed.diagnostics();
}

TEST(Units, MixingDimensionsInArithmeticIsAnError) {
  auto c = check_text(task_with("memory = 512MiB + 1vcpu"));
  EXPECT_EQ(c.codes(), "E2012") << c.diagnostics();
}

TEST(Units, ParamOverridesReadUnits) {
  std::string program = "param mem: memory = 512MiB\n" + task_with("memory = mem");
  EXPECT_EQ(amount(check_text(program, {{"mem", "2GiB"}}), "t", "memory"), 2048);
  EXPECT_EQ(amount(check_text(program, {{"mem", "1024"}}), "t", "memory"), 1024);
  auto bad = check_text(program, {{"mem", "lots"}});
  EXPECT_EQ(bad.codes(), "E2007") << bad.diagnostics();
}

} // namespace
} // namespace ecl
