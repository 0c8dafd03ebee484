// Unit tests of the CloudFormation backend: the schema is lowered in full (every attribute and
// object field is read by some lowering, every deferred attribute has a Ref / Fn::GetAtt form),
// logical IDs are derived and collision-checked (E4001), and the output is deterministic. What
// the templates contain is pinned by the golden `.cfn.json` sidecars; that they lint and deploy,
// by the scripts beside this file.
#include "backends/cloudformation/cloudformation.h"
#include "backends/cloudformation/lowering.h"
#include "backends/resources/registry.h"
#include "compiler/diagnostics/render.h"
#include "compiler/driver/driver.h"
#include "compiler/schema/schema.h"
#include "tests/backend_test_util.h"
#include "tests/test_util.h"

#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace {

using ecl::test::clean_programs;
using ecl::test::schema_keys;

using ecl::backend::cfn::json;

struct Compiled {
  ecl::driver::Compilation c;
  const ecl::model::Program& program() const { return *c.program; }
};

std::unique_ptr<Compiled> compile_text(const std::string& text) {
  auto out = std::make_unique<Compiled>();
  ecl::FileId id = out->c.sources.add("test.ecl", text);
  ecl::driver::compile_sources(out->c, {id}, {});
  return out;
}

TEST(CfnCoverage, EverySchemaAttributeIsLowered) {
  std::set<std::string> read;
  std::size_t lowered = 0;
  for (const fs::path& p : clean_programs()) {
    ecl::test::ScopedCwd cwd(p.parent_path());
    auto c = ecl::driver::compile(p.filename().string(), {});
    if (c.diags.has_errors() || !c.program) {
      continue;
    }
    std::string out;
    ecl::Diagnostics diags;
    ASSERT_TRUE(ecl::backend::cfn::lower_template(*c.program, diags, out, &read))
        << p << ":\n"
        << ecl::render_text(diags, c.sources);
    ++lowered;
  }
  ASSERT_GT(lowered, 0u);
  std::set<std::string> schema = schema_keys();
  for (const std::string& key : schema) {
    // The checker merges a container's `port` into `ports`: its fields are lowered there.
    const std::string port = "container.port.";
    if (key.rfind(port, 0) == 0) {
      EXPECT_TRUE(read.count("container.ports." + key.substr(port.size()))) << key;
      continue;
    }
    EXPECT_TRUE(read.count(key)) << "`" << key
                                 << "` is in the schema but no CloudFormation lowering reads it "
                                    "(or no clean program uses its kind; see tests/cfn/*.ecl)";
  }
  for (const std::string& key : read) {
    EXPECT_TRUE(schema.count(key))
        << "the CloudFormation lowering reads `" << key << "`, which the schema does not have";
  }
}

TEST(CfnCoverage, EveryDeferredAttributeHasATemplateForm) {
  for (const ecl::schema::Kind& kind : ecl::schema::kinds()) {
    for (const ecl::schema::DeferredAttribute& d : kind.deferred) {
      // A descriptor's attribute: Ref, or Fn::GetAtt when it names one.
      EXPECT_NE(ecl::resources::find_attribute(kind.name, d.name), nullptr)
          << kind.name << "." << d.name << " has no Ref / Fn::GetAtt form";
    }
  }
}

constexpr const char* kSmall = R"(
stack demo {
  region = "us-east-1"
  tags   = { team = "core" }
}
vpc main {
  cidr = "10.0.0.0/16"
  subnet private_a { cidr = "10.0.1.0/24"  zone = "us-east-1a"  tags = { team = "net" } }
  security_group app {
    ingress { port = 8080  from = app }
  }
}
cluster prod {}
output vpc_id = main.id
output group  = "${main.app.id}/x"
)";

TEST(CfnLowering, LogicalIdsComeFromPathAndKind) {
  auto c = compile_text(kSmall);
  ASSERT_FALSE(c->c.diags.has_errors()) << ecl::render_text(c->c.diags, c->c.sources);
  const auto& p = c->program();
  EXPECT_EQ(ecl::backend::cfn::logical_id(*p.find("main")), "MainVpc");
  EXPECT_EQ(ecl::backend::cfn::logical_id(*p.find("main.private_a")), "MainPrivateASubnet");
  EXPECT_EQ(ecl::backend::cfn::logical_id(*p.find("main.app.ingress[0]")), "MainAppIngress0");
  EXPECT_EQ(ecl::backend::cfn::logical_id(*p.find("prod")), "ProdCluster");
}

TEST(CfnLowering, TemplateShape) {
  auto c = compile_text(kSmall);
  ASSERT_FALSE(c->c.diags.has_errors());
  std::string out;
  ecl::Diagnostics diags;
  ASSERT_TRUE(ecl::backend::cfn::lower_template(c->program(), diags, out));
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  json t = json::parse(out);
  EXPECT_EQ(t["AWSTemplateFormatVersion"], "2010-09-09");
  const json& subnet = t["Resources"]["MainPrivateASubnet"];
  EXPECT_EQ(subnet["Properties"]["AvailabilityZone"], json({{"Fn::Sub", "${AWS::Region}a"}}));
  // Stack tags, then the resource's own (overriding), then the block path.
  EXPECT_EQ(
      subnet["Properties"]["Tags"],
      json::parse(R"([{"Key":"team","Value":"net"},{"Key":"ecl:path","Value":"main.private_a"}])"));
  // A rule to a group is its own resource.
  const json& rule = t["Resources"]["MainAppIngress0"];
  EXPECT_EQ(rule["Type"], "AWS::EC2::SecurityGroupIngress");
  EXPECT_EQ(rule["Properties"]["SourceSecurityGroupId"],
            json::parse(R"({"Fn::GetAtt":["MainAppSecurityGroup","GroupId"]})"));
  EXPECT_EQ(t["Resources"]["ProdApiService"], nullptr);
  EXPECT_EQ(t["Outputs"]["VpcId"]["Value"], json::parse(R"({"Ref":"MainVpc"})"));
  EXPECT_EQ(t["Outputs"]["Group"]["Value"],
            json::parse(R"({"Fn::Sub":"${MainAppSecurityGroup.GroupId}/x"})"));
}

TEST(CfnLowering, OutputIsDeterministic) {
  std::string first, second;
  for (std::string* out : {&first, &second}) {
    auto c = compile_text(kSmall);
    ecl::Diagnostics diags;
    ASSERT_TRUE(ecl::backend::cfn::lower_template(c->program(), diags, *out));
  }
  EXPECT_EQ(first, second);
}

TEST(CfnLowering, CollidingLogicalIdsAreE4001) {
  // `a_b` and `aB` are distinct names with the same Pascal-case form.
  auto c = compile_text(R"(vpc a_b { cidr = "10.0.0.0/16" }
vpc aB { cidr = "10.1.0.0/16" }
)");
  ASSERT_FALSE(c->c.diags.has_errors()) << ecl::render_text(c->c.diags, c->c.sources);
  std::string out;
  ecl::Diagnostics diags;
  EXPECT_FALSE(ecl::backend::cfn::lower_template(c->program(), diags, out));
  EXPECT_EQ(ecl::render_text(diags, c->c.sources),
            "test.ecl:2:1: error[E4001]: vpc `a_b` and vpc `aB` both lower to the logical ID "
            "`ABVpc`\n"
            "    2 | vpc aB { cidr = \"10.1.0.0/16\" }\n"
            "      | ^^^^^^\n"
            "note: vpc `a_b` is declared here: test.ecl:1:1\n");
}

TEST(CfnLowering, LogicalIdsOver255AreE4002) {
  // A 250-character name (its path fits a tag value) with its kind is a 253-character ID, in
  // range; its subnet's, the name and `SubSubnet`, is not.
  const std::string name(250, 'v');
  auto c = compile_text(fmt::format(R"(vpc {0} {{
  cidr = "10.0.0.0/16"
  subnet sub {{ cidr = "10.0.1.0/24"  zone = "us-east-1a" }}
}}
)",
                                    name));
  ASSERT_FALSE(c->c.diags.has_errors()) << ecl::render_text(c->c.diags, c->c.sources);
  std::string out;
  ecl::Diagnostics diags;
  EXPECT_FALSE(ecl::backend::cfn::lower_template(c->program(), diags, out));
  ASSERT_EQ(diags.items().size(), 1u) << ecl::render_text(diags, c->c.sources);
  EXPECT_EQ(diags.items()[0].code(), "E4002");
  EXPECT_NE(diags.items()[0].message.find("259 characters long"), std::string::npos)
      << diags.items()[0].message;
}

TEST(CfnLowering, TemplatesOver500ResourcesAreW0022) {
  // 501 security groups, one resource each.
  std::string text = "vpc main {\n  cidr = \"10.0.0.0/16\"\n";
  for (int i = 0; i < 501; ++i) {
    text += fmt::format("  security_group g{} {{}}\n", i);
  }
  auto c = compile_text(text + "}\n");
  ASSERT_FALSE(c->c.diags.has_errors()) << ecl::render_text(c->c.diags, c->c.sources);
  std::string out;
  ecl::Diagnostics diags;
  EXPECT_TRUE(ecl::backend::cfn::lower_template(c->program(), diags, out));
  ASSERT_EQ(diags.items().size(), 1u) << ecl::render_text(diags, c->c.sources);
  EXPECT_EQ(diags.items()[0].code(), "W0022");
  EXPECT_NE(diags.items()[0].message.find("502 resources"), std::string::npos)
      << diags.items()[0].message;
}

TEST(CfnLowering, CollidingOutputsAreE4001) {
  auto c = compile_text(R"(vpc main { cidr = "10.0.0.0/16" }
output vpc_id = main.id
output vpcId = main.id
)");
  ASSERT_FALSE(c->c.diags.has_errors()) << ecl::render_text(c->c.diags, c->c.sources);
  std::string out;
  ecl::Diagnostics diags;
  EXPECT_FALSE(ecl::backend::cfn::lower_template(c->program(), diags, out));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code(), "E4001");
}

} // namespace
