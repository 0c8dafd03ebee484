// The schema is data: these tests keep it consistent, and check that defaults fill the model.
#include "compiler/schema/schema.h"
#include "compiler/syntax/syntax.h"
#include "tests/unit/check_fixture.h"

#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <set>

namespace ecl {
namespace {

using test::check_text;

bool is_snake_case(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) {
    return false;
  }
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

void check_type(const schema::Type& t, const std::string& where) {
  switch (t.kind) {
  case schema::TypeKind::Enum:
    EXPECT_FALSE(t.members.empty()) << where;
    for (auto m : t.members) {
      EXPECT_TRUE(is_snake_case(m)) << where << ": enum member " << m;
    }
    break;
  case schema::TypeKind::Ref:
    for (auto k : t.kinds) {
      EXPECT_NE(schema::find_kind(k), nullptr) << where << ": ref to unknown kind " << k;
    }
    break;
  case schema::TypeKind::List:
  case schema::TypeKind::Map:
    ASSERT_NE(t.element, nullptr) << where;
    check_type(*t.element, where);
    break;
  case schema::TypeKind::Object:
    EXPECT_FALSE(t.name.empty()) << where;
    for (const auto& f : t.fields) {
      EXPECT_FALSE(f.doc.empty()) << where << "." << f.name;
      check_type(*f.type, where + "." + std::string(f.name));
    }
    break;
  case schema::TypeKind::OneOf:
    for (const auto* alt : t.alternatives) {
      check_type(*alt, where);
    }
    break;
  default:
    break;
  }
}

TEST(Schema, KindsAreConsistent) {
  std::set<std::string_view> names;
  for (const auto& kind : schema::kinds()) {
    EXPECT_TRUE(names.insert(kind.name).second) << "duplicate kind " << kind.name;
    EXPECT_TRUE(is_snake_case(kind.name)) << kind.name;
    EXPECT_FALSE(kind.doc.empty()) << kind.name;
    EXPECT_FALSE(kind.lowers_to.empty()) << kind.name;
    EXPECT_FALSE(kind.parents.empty()) << kind.name;
    for (auto p : kind.parents) {
      EXPECT_TRUE(p.empty() || schema::find_kind(p)) << kind.name << ": unknown parent " << p;
    }
    // The checker counts a block's deferred defaults in a byte (check::BlockInfo::deferred).
    EXPECT_LT(kind.attributes.size(), 255u) << kind.name;
    std::set<std::string_view> attrs;
    for (const auto& a : kind.attributes) {
      std::string where = std::string(kind.name) + "." + std::string(a.name);
      EXPECT_TRUE(attrs.insert(a.name).second) << "duplicate " << where;
      EXPECT_TRUE(is_snake_case(a.name)) << where;
      EXPECT_FALSE(a.doc.empty()) << where;
      EXPECT_FALSE(a.required && a.default_value.kind != schema::DefaultKind::None) << where;
      check_type(*a.type, where);
    }
    for (const auto& d : kind.deferred) {
      EXPECT_FALSE(attrs.count(d.name)) << kind.name << "." << d.name << " is both";
      EXPECT_FALSE(d.doc.empty()) << kind.name << "." << d.name;
    }
  }
  // The spec's kinds are all there.
  for (auto k :
       {"stack", "vpc", "subnet", "internet_gateway", "nat_gateway", "route_table", "endpoint",
        "security_group", "cluster", "ec2_capacity", "task", "container", "service"}) {
    EXPECT_NE(schema::find_kind(k), nullptr) << k;
  }
}

// Whether a default is in the canonical form the checker folds a value of `type` to.
bool fits(const model::Value& v, const schema::Type& type) {
  using schema::TypeKind;
  switch (type.kind) {
  case TypeKind::Bool:
    return v.as<bool>() != nullptr;
  case TypeKind::Int:
    return v.as<std::int64_t>() != nullptr;
  case TypeKind::String:
    return v.as<std::string>() != nullptr;
  case TypeKind::Duration: {
    const auto* q = v.as<model::Quantity>();
    return q && q->dimension == model::Dimension::Duration;
  }
  case TypeKind::Enum: {
    const std::string* m = v.enum_member();
    return m && std::find(type.members.begin(), type.members.end(), *m) != type.members.end();
  }
  case TypeKind::OneOf:
    return std::any_of(type.alternatives.begin(), type.alternatives.end(),
                       [&](const schema::Type* alt) { return fits(v, *alt); });
  case TypeKind::List: {
    const auto* list = v.as<model::List>();
    return list && std::all_of(list->begin(), list->end(),
                               [&](const model::Value& item) { return fits(item, *type.element); });
  }
  case TypeKind::Map: {
    const auto* map = v.as<model::Map>();
    return map && std::all_of(map->begin(), map->end(), [&](const model::MapEntry& e) {
             return fits(e.second, *type.element);
           });
  }
  default:
    return false; // no default of the schema has another type; add the case with one
  }
}

TEST(Schema, DefaultValuesFitTheirTypesAndReadBackAsECL) {
  auto each = [](const schema::Attribute& a, const std::string& where) {
    if (a.default_value.kind != schema::DefaultKind::Value) {
      EXPECT_TRUE(a.default_value.value.is_null()) << where;
      return;
    }
    EXPECT_TRUE(fits(a.default_value.value, *a.type)) << where;
    // The text the docs and hover show parses as ECL.
    SourceManager sources;
    Diagnostics diags;
    FileId id = sources.add("default", "let v = " + model::ecl_text(a.default_value.value));
    auto file = syntax::parse_file(sources, id, diags);
    EXPECT_TRUE(diags.empty()) << where;
    EXPECT_EQ(file.lets.size(), 1u) << where;
  };
  for (const auto& kind : schema::kinds()) {
    for (const auto& a : kind.attributes) {
      each(a, std::string(kind.name) + "." + std::string(a.name));
      for (const auto& f : a.type->element ? a.type->element->fields : a.type->fields) {
        each(f, std::string(kind.name) + "." + std::string(a.name) + "." + std::string(f.name));
      }
    }
  }
}

TEST(Schema, DefaultsAreFilledIn) {
  auto c = check_text(R"(stack web { region = "us-east-1" }
vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
  endpoint s3 { service = "s3" }
  endpoint logs { service = "logs"  subnets = [a] }
  security_group sg {}
}
task api {
  cpu = 256
  memory = 512
  container app { image = "nginx" }
}
cluster prod {
  capacity = [fargate_spot, fargate]
  service api {
    task = api
    subnets = [main.a]
  }
}
)");
  ASSERT_NE(c.compilation.program, nullptr);
  EXPECT_EQ(*c.block("main")->get_bool("dns_support"), true);
  EXPECT_EQ(*c.block("main.a")->get_bool("public"), false);
  EXPECT_EQ(*c.block("main.s3")->get_enum("type"), "gateway");
  EXPECT_EQ(*c.block("main.logs")->get_enum("type"), "interface");
  EXPECT_EQ(*c.block("main.sg")->get_string("description"), "Security group main.sg");
  EXPECT_EQ(*c.block("api")->get_enum("network_mode"), "awsvpc");
  EXPECT_EQ(*c.block("api")->get_string("family"), "web-api");
  EXPECT_EQ(*c.block("api.app")->get_bool("essential"), true);
  // Implicit blocks: the container's log and the service's deployment exist with defaults.
  const model::Block* log = c.block("api.app.log[0]");
  ASSERT_NE(log, nullptr);
  EXPECT_TRUE(log->implicit);
  EXPECT_EQ(*log->get_enum("driver"), "awslogs");
  const model::Block* deployment = c.block("prod.api.deployment[0]");
  ASSERT_NE(deployment, nullptr);
  EXPECT_EQ(*deployment->get_int("min_healthy_percent"), 100);
  EXPECT_EQ(*deployment->get_bool("circuit_breaker"), true);
  // A service without launch type takes its cluster's first capacity provider.
  const model::Value* capacity = c.value("prod.api", "capacity");
  ASSERT_NE(capacity, nullptr);
  const auto& items = *capacity->as<model::List>();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(*items[0].field("provider")->enum_member(), "fargate_spot");
  EXPECT_EQ(*items[0].field("weight")->integer(), 1);
  EXPECT_EQ(*c.block("prod")->get_string("name"), "web-prod");
  EXPECT_EQ(*c.block("prod.api")->get_string("name"), "api");
  EXPECT_TRUE(c.block("prod.api")->attribute("desired")->defaulted);
}

// A scaled service starts within its scaling's bounds: 1, raised to `min`, lowered to `max`.
TEST(Schema, DefaultsTakeTheirPlaceInEvaluationOrder) {
  // The model lists a block's attributes in the order evaluation took them (the plan shows them
  // so): `b.dns_hostnames` first, read by `a` before `b` is evaluated, then the rest in the
  // schema's order, the defaults (added once evaluation is over) among the written ones.
  auto c = check_text(R"(vpc a {
  cidr = "10.0.0.0/16"
  dns_support = b.dns_hostnames
}
vpc b { cidr = "10.1.0.0/16" }
)");
  ASSERT_NE(c.compilation.program, nullptr);
  auto names = [&](std::string_view path) {
    std::vector<std::string_view> out;
    for (const auto& [name, attr] : c.block(path)->attributes) {
      out.push_back(name);
    }
    return out;
  };
  using Names = std::vector<std::string_view>;
  EXPECT_EQ(names("a"), (Names{"cidr", "dns_support", "dns_hostnames", "instance_tenancy"}));
  EXPECT_EQ(names("b"), (Names{"dns_hostnames", "cidr", "dns_support", "instance_tenancy"}));
  EXPECT_TRUE(c.block("b")->attribute("dns_hostnames")->defaulted);
  EXPECT_EQ(c.block("b")->attribute("dns_hostnames")->range, c.block("b")->header_range);
}

TEST(Schema, ValuesSurviveTheSyntaxFreedAsBlocksAreEvaluated) {
  // Thousands of blocks (megabytes of syntax: the checker frees it as it goes, under ASan a read
  // of it afterwards fails), each reading the next one's attribute before it is evaluated; outputs
  // written first and read after every block.
  std::string text = "output first = main.g0.description\n"
                     "output last = main.g2999.description\n"
                     "vpc main {\n  cidr = \"10.0.0.0/16\"\n";
  for (int i = 0; i < 3000; ++i) {
    std::string description = fmt::format("g{}", i);
    if (i % 2 == 0) {
      description += fmt::format(" then ${{main.g{}.description}}", i + 1);
    }
    text +=
        fmt::format("  security_group g{} {{\n    description = \"{}\"\n    ingress {{ protocol = "
                    "tcp  port = {}  from = \"10.0.0.0/16\" }}\n  }}\n",
                    i, description, i + 1);
  }
  text += "}\n";
  auto c = check_text(text);
  ASSERT_TRUE(c.clean()) << c.diagnostics();
  EXPECT_EQ(*c.block("main.g0")->get_string("description"), "g0 then g1");
  EXPECT_EQ(*c.block("main.g2998")->get_string("description"), "g2998 then g2999");
  EXPECT_EQ(*c.block("main.g2999.ingress[0]")->get_int("port"), 3000);
  EXPECT_EQ(*c.block("main.g2999.ingress[0]")->get_enum("protocol"), "tcp");
  const auto& outputs = c.compilation.program->outputs;
  ASSERT_EQ(outputs.size(), 2u);
  EXPECT_EQ(*outputs[0].value.string(), "g0 then g1");
  EXPECT_EQ(*outputs[1].value.string(), "g2999");
}

TEST(Schema, ScaledServiceDesiredDefaultsWithinItsScaling) {
  auto desired = [](const std::string& scaling) {
    auto c = check_text("task api {\n  cpu = 256\n  memory = 512\n  container app { image = "
                        "\"nginx\" }\n}\ncluster prod {\n  service api {\n    task = api\n    "
                        "launch_type = fargate\n" +
                        scaling + "  }\n}\n");
    const model::Block* service = c.block("prod.api");
    return service ? service->get_int("desired").value_or(-1) : -1;
  };
  EXPECT_EQ(desired(""), 1);
  EXPECT_EQ(desired("    scaling {\n      min = 3\n      max = 8\n      cpu = 50\n    }\n"), 3);
  EXPECT_EQ(desired("    scaling {\n      min = 0\n      max = 8\n      cpu = 50\n    }\n"), 1);
  EXPECT_EQ(desired("    scaling {\n      min = 0\n      max = 0\n      cpu = 50\n    }\n"), 0);
}

TEST(Schema, PortsMergeAndShorthand) {
  auto c = check_text(R"(task api {
  cpu = 256
  memory = 512
  container app {
    image = "nginx"
    port  = 8080
    ports = [{ container = 9090, protocol = udp }]
  }
}
)");
  EXPECT_TRUE(c.clean()) << c.diagnostics();
  const model::Block* app = c.block("api.app");
  EXPECT_EQ(app->attribute("port"), nullptr);
  const auto& ports = *app->get("ports")->as<model::List>();
  ASSERT_EQ(ports.size(), 2u);
  EXPECT_EQ(*ports[0].field("container")->integer(), 8080);
  EXPECT_EQ(*ports[0].field("protocol")->enum_member(), "tcp");
  EXPECT_EQ(*ports[1].field("container")->integer(), 9090);
  EXPECT_EQ(*ports[1].field("protocol")->enum_member(), "udp");
}

TEST(Schema, UnknownAttributeSuggests) {
  auto c = check_text("vpc main {\n  cidr = \"10.0.0.0/16\"\n  dns_hostname = true\n}\n");
  EXPECT_EQ(c.codes(), "E2001");
  EXPECT_NE(c.diagnostics().find("unknown attribute `dns_hostname` in vpc `main`; did you mean "
                                 "`dns_hostnames`?"),
            std::string::npos)
      << c.diagnostics();
}

TEST(Schema, UnknownEnumMemberSuggests) {
  auto c = check_text("task t {\n  network_mode = awsvcp\n  cpu = 256\n  memory = 512\n"
                      "  container c { image = \"nginx\" }\n}\n");
  EXPECT_EQ(c.codes(), "E2005") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("did you mean `awsvpc`?"), std::string::npos) << c.diagnostics();
}

TEST(Schema, UnknownKindSuggests) {
  auto c = check_text("vpc main {\n  cidr = \"10.0.0.0/16\"\n  subnett a {}\n}\n");
  EXPECT_EQ(c.codes(), "E1001");
  EXPECT_NE(c.diagnostics().find("unknown kind `subnett`; did you mean `subnet`?"),
            std::string::npos)
      << c.diagnostics();
}

} // namespace
} // namespace ecl
