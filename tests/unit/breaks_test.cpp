// Every example broken in many single places: one token deleted, one name misspelt, one value
// swapped for one of another type. Each break must be reported, at the break, with at most a few
// other diagnostics: a diagnostic caused by an earlier error is not shown (no cascades).
#include "compiler/syntax/tokens.h"
#include "tests/test_util.h"
#include "tests/unit/check_fixture.h"

#include <filesystem>
#include <gtest/gtest.h>

namespace ecl {
namespace {

namespace fs = std::filesystem;

// How many diagnostics one break may cause. A misspelt declaration is reported at each use of the
// old name, so its bound counts uses; anything else may add a few consequences the checker cannot
// tell from new errors (a deleted `=` leaves two words).
constexpr std::size_t kBound = 4;
// Breaks per example and kind, spread evenly over the file: enough to reach every construct of the
// examples while the test stays within seconds.
constexpr std::size_t kPerKind = 60;

struct Break {
  std::string what; // for the failure message
  std::string text;
  std::uint32_t at = 0;      // where the break is: its diagnostic must be on this line...
  std::uint32_t at_end = 0;  // ...or, for a deletion, up to the next token's line
  std::size_t allowed = 0;   // diagnostics it may cause
  bool may_be_clean = false; // the break may leave a valid program (a deleted comma)
  // The diagnostic may be elsewhere: a misspelt declaration is reported where the old name is
  // used, a deleted bracket where the brackets stop matching.
  bool anywhere = false;
};

std::uint32_t line_of(std::string_view text, std::uint32_t offset) {
  return static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + offset, '\n')) + 1;
}

// Uses of `name` as a word in `text`, the declaration included.
std::size_t uses(const std::vector<syntax::Token>& tokens, std::string_view name) {
  return static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), [&](const auto& t) {
    // A container is named by a string where a service attaches it (`container = "proxy"`).
    return (t.kind == syntax::TokenKind::Identifier && t.text == name) ||
           (t.kind == syntax::TokenKind::String && t.text.size() == name.size() + 2 &&
            t.text.substr(1, name.size()) == name);
  }));
}

std::vector<Break> breaks_of(const std::string& text) {
  auto lexed = syntax::lex(text);
  EXPECT_TRUE(lexed.has_value());
  std::vector<syntax::Token> tokens;
  for (const auto& t : *lexed) {
    if (t.is_significant()) {
      tokens.push_back(t);
    }
  }
  std::vector<Break> out;
  auto edit = [&](const syntax::Token& t, std::string_view with) {
    return text.substr(0, t.begin) + std::string(with) + text.substr(t.end);
  };
  const std::size_t step = std::max<std::size_t>(1, tokens.size() / kPerKind);
  for (std::size_t i = 0; i < tokens.size(); i += step) {
    const syntax::Token& t = tokens[i];
    const std::uint32_t next = i + 1 < tokens.size() ? tokens[i + 1].begin : t.end;
    // A deleted bracket unbalances the file: it is reported where the brackets no longer match.
    const bool closer = t.is_punct("}") || t.is_punct("]") || t.is_punct(")") || t.is_punct("{") ||
                        t.is_punct("[") || t.is_punct("(");
    // A deleted list item leaves a valid program that lacks it: what that breaks is reported
    // where it matters (a subnet no route table makes public, a load balancer in it).
    const bool list_item = t.kind == syntax::TokenKind::Identifier && i > 0 &&
                           i + 1 < tokens.size() &&
                           (tokens[i - 1].is_punct("[") || tokens[i - 1].is_punct(",")) &&
                           (tokens[i + 1].is_punct("]") || tokens[i + 1].is_punct(","));
    out.push_back({"delete `" + std::string(t.text) + "`", edit(t, ""), t.begin, next, kBound, true,
                   closer || list_item});
  }
  std::vector<const syntax::Token*> names, values;
  for (const auto& t : tokens) {
    if (t.kind == syntax::TokenKind::Identifier && t.text.size() > 2) {
      names.push_back(&t);
    } else if (t.kind == syntax::TokenKind::String || t.kind == syntax::TokenKind::Number ||
               (t.kind == syntax::TokenKind::Keyword && (t.text == "true" || t.text == "false"))) {
      values.push_back(&t);
    }
  }
  const std::size_t name_step = std::max<std::size_t>(1, names.size() / kPerKind);
  for (std::size_t i = 0; i < names.size(); i += name_step) {
    const syntax::Token& t = *names[i];
    // Two letters swapped: `contianer`, `sbunet`.
    std::string misspelt(t.text);
    std::swap(misspelt[1], misspelt[2]);
    if (misspelt == t.text) {
      misspelt += "x";
    }
    const std::size_t declared = uses(tokens, t.text);
    out.push_back({"misspell `" + std::string(t.text) + "` as `" + misspelt + "`",
                   edit(t, misspelt), t.begin, t.end, kBound + declared, true, declared > 1});
  }
  const std::size_t value_step = std::max<std::size_t>(1, values.size() / kPerKind);
  for (std::size_t i = 0; i < values.size(); i += value_step) {
    const syntax::Token& t = *values[i];
    const char* other = t.kind == syntax::TokenKind::String ? "42" : "\"text\"";
    out.push_back({"swap `" + std::string(t.text) + "` for " + other, edit(t, other), t.begin,
                   t.end, kBound, true, false});
  }
  return out;
}

TEST(Breaks, EachBreakIsReportedFirstAndAlone) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(ECL_SOURCE_DIR) / "examples")) {
    if (entry.path().extension() == ".ecl") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  std::size_t tried = 0;
  for (const auto& file : files) {
    const std::string original = test::read_file(file);
    ASSERT_TRUE(test::check_text(original).clean()) << file;
    for (const Break& b : breaks_of(original)) {
      ++tried;
      auto checked = test::check_text(b.text);
      const auto& items = checked.compilation.diags.items();
      const std::string where = file.filename().string() + ": " + b.what + " at line " +
                                std::to_string(line_of(b.text, b.at)) + "\n" +
                                checked.diagnostics();
      if (items.empty()) {
        EXPECT_TRUE(b.may_be_clean) << where;
        continue;
      }
      EXPECT_LE(items.size(), b.allowed) << where;
      // The break's own diagnostic is among the first reported (sorted by position: an earlier
      // use of a misspelt name comes first) and on its line.
      const std::uint32_t first_line = line_of(b.text, b.at);
      const std::uint32_t last_line = line_of(
          b.text, std::min<std::uint32_t>(b.at_end, static_cast<std::uint32_t>(b.text.size())));
      bool reported = std::any_of(items.begin(), items.end(), [&](const Diagnostic& d) {
        const std::uint32_t line = line_of(b.text, d.range.begin);
        return d.range.valid() && line >= first_line && line <= last_line;
      });
      EXPECT_TRUE(reported || b.anywhere) << where;
      // A reference that did not resolve, or a block of a misspelt kind, leaves the AWS rules
      // nothing to judge: none reports
      // elsewhere because of it (a listener's lost `forward` is not "no listener forwards to the
      // target group", a lost ingress `from` not "the load balancer cannot reach the tasks").
      const bool unresolved = std::any_of(items.begin(), items.end(), [](const Diagnostic& d) {
        return d.code() == "E1001" || d.code() == "E1004" || d.code() == "E1005" ||
               d.code() == "E1006" || d.code() == "E1014";
      });
      for (const Diagnostic& d : items) {
        const bool rule = d.code().starts_with("E3") || d.code().starts_with("W");
        const std::uint32_t line = line_of(b.text, d.range.begin);
        EXPECT_FALSE(unresolved && rule && (line < first_line || line > last_line))
            << "a rule's diagnostic follows a name error: " << where;
      }
    }
  }
  EXPECT_GT(tried, 300u);
}

} // namespace
} // namespace ecl

namespace ecl {
namespace {

const char* kNetwork = R"(stack s { region = "us-east-1" }
vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.2.0/24"  zone = "us-east-1b"  public = true }
  security_group sg {}
  internet_gateway igw {}
  route_table rt {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
}
)";

// The newcomer's broken programs of issue 20, one mistake each: one diagnostic each.
TEST(Breaks, MisspeltContainerIsNotAlsoAMissingEssentialContainer) {
  auto c = test::check_text(std::string(kNetwork) + R"(task api {
  cpu = 256
  memory = 512
  contianer app { image = "nginx" }
}
)");
  EXPECT_EQ(c.codes(), "E1001") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("did you mean `container`?"), std::string::npos);
}

TEST(Breaks, UnterminatedStringIsNotAnUnclosedBraceAndTheNextErrorIsReported) {
  auto c = test::check_text(R"(stack s { region = "us-east-1" }
vpc main { cidr = "10.0.0.0/16 }
vpc other { cidr = }
)");
  EXPECT_EQ(c.codes(), "E0003 E0009") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("test.ecl:3:"), std::string::npos) << c.diagnostics();
}

TEST(Breaks, ReferenceOfTheWrongKindRaisesNoZoneWarnings) {
  auto c = test::check_text(std::string(kNetwork) + R"(task api {
  cpu = 256
  memory = 512
  container app { image = "nginx" }
}
cluster prod {
  service api { task = api  desired = 2  subnets = [main.sg]  public_ip = true }
}
)");
  EXPECT_EQ(c.codes(), "E1006") << c.diagnostics();
}

// A load balancer forwarding to a service's target group, reached by the service's security group;
// `%FORWARD%` and `%FROM%` are the references a newcomer broke.
const char* kBalanced = R"(stack s { region = "us-east-1" }
vpc net {
  cidr = "10.0.0.0/16"
  internet_gateway igw {}
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  route_table public {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  security_group lb { ingress { port = 80  from = "0.0.0.0/0" } }
  security_group app { ingress { port = 8080  from = %FROM% } }
  target_group tg { port = 8080  health_check = "/" }
  load_balancer public {
    subnets = [a, b]
    security_groups = [lb]
    listener http { port = 80  forward = %FORWARD% }
  }
}
task t {
  cpu = 256  memory = 512
  container c { image = "nginx"  port = 8080 }
}
cluster prod {
  service web {
    task = t
    subnets = [net.a, net.b]
    security_groups = [net.app]
    public_ip = true
    load_balancers = [{ target_group = net.tg, container = "c", port = 8080 }]
  }
}
)";

std::string balanced(std::string_view forward, std::string_view from) {
  std::string text = kBalanced;
  text.replace(text.find("%FORWARD%"), 9, forward);
  text.replace(text.find("%FROM%"), 6, from);
  return text;
}

TEST(Breaks, UnresolvedReferencesRaiseNoRuleDiagnostics) {
  EXPECT_TRUE(test::check_text(balanced("tg", "lb")).clean());
  // Not also E3314: "no listener forwards to target_group `net.tg`".
  auto forward = test::check_text(balanced("public", "lb"));
  EXPECT_EQ(forward.codes(), "E1006") << forward.diagnostics();
  // Not also W0009: "load_balancer `net.public` cannot reach the tasks".
  auto from = test::check_text(balanced("tg", "net.lbx"));
  EXPECT_EQ(from.codes(), "E1014") << from.diagnostics();
}

// A misspelt kind drops its block: the rules do not judge the kind it was meant to be (the group's
// ingress rules, the VPC's endpoints), so a missing ingress or endpoint is not also warned of.
TEST(Breaks, MisspeltKindRaisesNoRuleDiagnostics) {
  const std::string original =
      test::read_file(std::filesystem::path(ECL_SOURCE_DIR) / "examples/private_endpoints.ecl");
  // The first block of `kind`, written as `as`.
  auto misspell = [&](const std::string& kind, std::string_view as) {
    std::string text = original;
    const std::size_t at = text.find("  " + kind + " ");
    EXPECT_NE(at, std::string::npos) << kind;
    text.replace(at + 2, kind.size(), as);
    return test::check_text(text);
  };
  // Not also W0024: "the endpoint's groups do not let the tasks in on 443".
  auto ingress = misspell("ingress", "ignress");
  EXPECT_EQ(ingress.codes(), "E1001") << ingress.diagnostics();
  // Not also W0004: "the tasks' private subnets have no way to `logs`".
  auto endpoint = misspell("endpoint", "ednpoint");
  EXPECT_EQ(endpoint.codes(), "E1001") << endpoint.diagnostics();
}

TEST(Breaks, CapacityNameSuggestsTheCapacity) {
  auto c = test::check_text(std::string(kNetwork) + R"(cluster prod {
  ec2_capacity workers { instance_type = "t3.small"  max = 2  subnets = [main.a] }
  capacity = [worker]
}
)");
  EXPECT_EQ(c.codes(), "E2005") << c.diagnostics();
  EXPECT_NE(c.diagnostics().find("did you mean `workers`?"), std::string::npos);
}

} // namespace
} // namespace ecl
