// Unit tests of the syntax layer: text in, AST and diagnostics out. Messages, codes and positions
// are asserted exactly; every parse also checks that no ANTLR wording leaks into a message.
#include "compiler/syntax/limits.h"
#include "compiler/syntax/syntax.h"
#include "tests/unit/ast_dump.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace ecl::syntax {
namespace {

// ---- helpers ------------------------------------------------------------------------------------

// Words that must never reach a user: ANTLR's default wording and its token names.
constexpr const char* kForbidden[] = {
    "no viable alternative",
    "extraneous input",
    "mismatched input",
    "missing ",
    "token recognition",
    "<EOF>",
    "EOF",
    "IDENT",
    "NUMBER",
    "LBRACE",
    "RBRACE",
    "LBRACKET",
    "RBRACKET",
    "LPAREN",
    "RPAREN",
    "STRING_",
    "UNTERMINATED_",
    "KW_",
    "COMMA",
    "ASSIGN",
    "QUESTION",
    "COLON",
    "ERROR_CHAR",
    "NEWLINE",
    "at '",
};

struct Parsed {
  SourceManager sources;
  FileId id = 0;
  Diagnostics diags;
  ast::File file;

  // "line:col CODE message" for every diagnostic, in position order.
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.items()) {
      LineCol at = sources.file(id).position(d.range.begin);
      out.push_back(fmt::format("{}:{} {} {}", at.line, at.column, d.code(), d.message));
    }
    return out;
  }
  std::string at(Range r) const {
    LineCol b = sources.file(id).position(r.begin);
    LineCol e = sources.file(id).position(r.end);
    return fmt::format("{}:{}-{}:{}", b.line, b.column, e.line, e.column);
  }
  std::string text(Range r) const {
    return sources.file(id).text().substr(r.begin, r.end - r.begin);
  }
};

std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>();
  p->id = p->sources.add("test.ecl", std::move(text));
  p->file = parse_file(p->sources, p->id, p->diags);
  p->diags.sort();
  for (const Diagnostic& d : p->diags.items()) {
    for (const char* word : kForbidden) {
      EXPECT_EQ(d.message.find(word), std::string::npos) << "`" << word << "` in: " << d.message;
    }
    EXPECT_EQ(d.range.file, p->id);
  }
  return p;
}

using Lines = std::vector<std::string>;

// An S-expression of an expression tree, to check shapes: `(+ 1 (* 2 3))`.
std::string dump(const ast::Expr& e);

std::string dump_string(const ast::String& s) {
  std::string out = "(str";
  for (const ast::StringPart& part : s.parts) {
    out += part.expr ? " ${" + dump(*part.expr) + "}" : " \"" + std::string(part.text()) + "\"";
  }
  return out + ")";
}

std::string dump(const ast::Expr& e) {
  return std::visit(
      [](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::Number>) {
          return n.is_integer ? fmt::format("{}{}", n.integer, n.unit())
                              : fmt::format("{}{}", n.value, n.unit());
        } else if constexpr (std::is_same_v<T, ast::Bool>) {
          return n.value ? "true" : "false";
        } else if constexpr (std::is_same_v<T, ast::String>) {
          return dump_string(n);
        } else if constexpr (std::is_same_v<T, ast::Name>) {
          return std::string(n.name);
        } else if constexpr (std::is_same_v<T, ast::Member>) {
          return "(. " + dump(*n.object) + " " + std::string(n.name()) + ")";
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          return "([] " + dump(*n.object) + " " + dump(*n.index) + ")";
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          std::string out = "(call " + std::string(n.name());
          for (const auto& a : n.args()) {
            out += " " + dump(*a);
          }
          return out + ")";
        } else if constexpr (std::is_same_v<T, ast::List>) {
          std::string out = "[";
          for (const auto& item : n.items) {
            out += (out.size() > 1 ? " " : "") + dump(*item);
          }
          return out + "]";
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          std::string out = "{";
          for (const auto& entry : n.entries) {
            out += (out.size() > 1 ? " " : "") + std::string(entry.key) + "=" + dump(*entry.value);
          }
          return out + "}";
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          return std::string("(") + (n.op == ast::UnaryOp::Negate ? "-" : "!") + " " +
                 dump(*n.operand) + ")";
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          return std::string("(") + ast::binary_op_text(n.op) + " " + dump(*n.lhs) + " " +
                 dump(*n.rhs) + ")";
        } else if constexpr (std::is_same_v<T, ast::Conditional>) {
          return "(? " + dump(*n.condition) + " " + dump(*n.then_value) + " " +
                 dump(*n.else_value) + ")";
        } else {
          return "<error>";
        }
      },
      e.node);
}

// Parses `let x = <expr>` and returns the dump of the value ("" if there is none).
std::string expr(const std::string& source, Lines expected_diags = {}) {
  auto p = parse("let x = " + source);
  EXPECT_EQ(p->lines(), expected_diags) << source;
  if (p->file.lets.size() != 1 || !p->file.lets[0].value) {
    return "";
  }
  return dump(*p->file.lets[0].value);
}

const ast::Attribute* attribute(const ast::Block& block, const std::string& name) {
  for (const auto& a : block.attributes) {
    if (a.name() == name) {
      return &a;
    }
  }
  return nullptr;
}

const ast::Block* child(const ast::Block& block, const std::string& kind, const std::string& name) {
  for (const auto& b : block.blocks) {
    if (b->kind == kind && b->name() == name) {
      return b.get();
    }
  }
  return nullptr;
}

// Runs `source` through the parser and returns the CPU milliseconds it took.
std::unique_ptr<Parsed> timed(std::string source, double& cpu_ms) {
  std::clock_t start = std::clock();
  auto p = parse(std::move(source));
  cpu_ms = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  return p;
}

// Generous for a loaded machine; all of these take well under a second. Sanitized builds
// (ECL_SANITIZE, scripts/test-hardened) run about ten times slower.
#ifdef ECL_SANITIZED
constexpr double kHostileCpuBudgetMs = 30000;
#else
constexpr double kHostileCpuBudgetMs = 3000;
#endif

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

// ---- the spec's whole program -------------------------------------------------------------------

constexpr const char* kWebapp = R"(// webapp.ecl
stack webapp {
  region      = "us-east-1"
  description = "Public web API on Fargate"
  tags        = { team = "platform", env = env }
}

param env: string = "prod"
param api_image: string = "public.ecr.aws/nginx/nginx:1.27"
let   zones = ["us-east-1a", "us-east-1b"]

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = cidrsubnet(main.cidr, 8, 0)  zone = zones[0]  public = true }
  subnet public_b  { cidr = cidrsubnet(main.cidr, 8, 1)  zone = zones[1]  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = zones[0] }
  subnet private_b { cidr = "10.0.11.0/24"  zone = zones[1] }

  internet_gateway igw {}
  nat_gateway nat { subnet = public_a }

  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private {
    subnets = [private_a, private_b]
    route { destination = "0.0.0.0/0"  target = nat }
  }

  endpoint s3 { service = "s3"  route_tables = [private] }   // gateway endpoint

  security_group api {
    description = "API tasks"
    ingress { protocol = tcp  port = 8080  from = "10.0.0.0/16" }
  }
}

task api {
  cpu    = 0.25vcpu          // = 256 CPU units
  memory = 512MiB
  container app {
    image       = api_image
    port        = 8080
    environment = { LOG_LEVEL = env == "prod" ? "warn" : "debug" }
    health_check { command = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]  interval = 30s }
  }
}

cluster prod {
  capacity = [fargate, fargate_spot]
  service api {
    task            = api      // resolves to `task api`: references are typed
    desired         = env == "prod" ? 3 : 1
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.api]
  }
}

output cluster_arn = prod.arn
)";

TEST(SyntaxArena, ReleasesChunksFilledBeforeAPointer) {
  // 64-byte nodes: 1024 fill a chunk of 64 KiB, so node i is in chunk i / 1024 + 1.
  constexpr std::size_t kChunk = 64 * 1024;
  ast::Arena arena;
  std::vector<void*> nodes;
  for (int i = 0; i < 5000; ++i) {
    nodes.push_back(arena.allocate(64, 8));
  }
  void* big = arena.allocate(4 * kChunk, 8); // a chunk of its own, made while chunk 5 is filled
  for (int i = 5000; i < 10000; ++i) {
    nodes.push_back(arena.allocate(64, 8));
  }
  const std::size_t all = arena.reserved();
  EXPECT_EQ(all, 10 * kChunk + 4 * kChunk + 8);
  arena.release_before(nodes[2000]); // chunk 1
  EXPECT_EQ(arena.reserved(), all - kChunk);
  arena.release_before(nodes[1500]); // nothing more
  EXPECT_EQ(arena.reserved(), all - kChunk);
  arena.release_before(big); // chunks 2 to 4; not 5, during which `big` was made, nor `big`
  EXPECT_EQ(arena.reserved(), all - 4 * kChunk);
  arena.keep_from(nodes[6500]);      // chunk 7
  arena.release_before(nodes[9000]); // chunks 5, `big` and 6
  EXPECT_EQ(arena.reserved(), all - 6 * kChunk - (4 * kChunk + 8));
  int outside = 0;
  arena.release_before(&outside);
  EXPECT_EQ(arena.reserved(), 4 * kChunk);
}

TEST(SyntaxSpecExample, ParsesCleanly) {
  auto p = parse(kWebapp);
  EXPECT_EQ(p->lines(), Lines{});
  const ast::File& f = p->file;
  EXPECT_EQ(f.file, p->id);

  ASSERT_EQ(f.params.size(), 2u);
  EXPECT_EQ(f.params[0].name, "env");
  EXPECT_EQ(ast::type_text(f.params[0].type), "string");
  EXPECT_EQ(dump(*f.params[0].default_value), "(str \"prod\")");
  EXPECT_EQ(p->at(f.params[0].range), "8:1-8:27");
  EXPECT_EQ(p->at(f.params[0].name_range), "8:7-8:10");
  EXPECT_EQ(p->at(f.params[0].type.range), "8:12-8:18");
  EXPECT_EQ(f.params[1].name, "api_image");

  ASSERT_EQ(f.lets.size(), 1u);
  EXPECT_EQ(f.lets[0].name, "zones");
  EXPECT_EQ(dump(*f.lets[0].value), "[(str \"us-east-1a\") (str \"us-east-1b\")]");
  EXPECT_EQ(p->at(f.lets[0].value->range), "10:15-10:43");

  ASSERT_EQ(f.outputs.size(), 1u);
  EXPECT_EQ(f.outputs[0].name, "cluster_arn");
  EXPECT_EQ(dump(*f.outputs[0].value), "(. prod arn)");
  EXPECT_EQ(p->at(f.outputs[0].range), "61:1-61:30");
  EXPECT_EQ(p->text(f.outputs[0].value->range), "prod.arn");

  ASSERT_EQ(f.blocks.size(), 4u);
  const ast::Block& stack = *f.blocks[0];
  EXPECT_EQ(stack.kind, "stack");
  EXPECT_EQ(stack.name(), "webapp");
  EXPECT_EQ(p->at(stack.range), "2:1-6:2");
  ASSERT_NE(attribute(stack, "tags"), nullptr);
  EXPECT_EQ(dump(*attribute(stack, "tags")->value), "{team=(str \"platform\") env=env}");

  const ast::Block& vpc = *f.blocks[1];
  EXPECT_EQ(vpc.kind, "vpc");
  EXPECT_EQ(vpc.name(), "main");
  EXPECT_EQ(p->at(vpc.kind_range()), "12:1-12:4");
  EXPECT_EQ(p->at(vpc.name_range()), "12:5-12:9");
  EXPECT_EQ(p->at(vpc.range), "12:1-38:2");
  ASSERT_EQ(vpc.attributes.size(), 1u);
  EXPECT_EQ(p->at(vpc.attributes[0].range), "13:3-13:23");
  ASSERT_EQ(vpc.blocks.size(), 10u);
  std::vector<std::string> kinds;
  for (const auto& b : vpc.blocks) {
    kinds.push_back(std::string(b->kind) + " " + std::string(b->name().value_or("-")));
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{
                       "subnet public_a", "subnet public_b", "subnet private_a", "subnet private_b",
                       "internet_gateway igw", "nat_gateway nat", "route_table public",
                       "route_table private", "endpoint s3", "security_group api"}));

  const ast::Block* public_a = child(vpc, "subnet", "public_a");
  ASSERT_NE(public_a, nullptr);
  const ast::Attribute* cidr = attribute(*public_a, "cidr");
  ASSERT_NE(cidr, nullptr);
  EXPECT_EQ(dump(*cidr->value), "(call cidrsubnet (. main cidr) 8 0)");
  EXPECT_EQ(p->at(cidr->name_range()), "15:22-15:26");
  EXPECT_EQ(p->text(cidr->value->range), "cidrsubnet(main.cidr, 8, 0)");
  const auto& call = std::get<ast::Call>(cidr->value->node);
  EXPECT_EQ(p->at(call.name_range), "15:29-15:39");
  const auto& member = std::get<ast::Member>(call.args()[0]->node);
  EXPECT_EQ(p->text(member.name_range), "cidr");
  EXPECT_EQ(dump(*attribute(*public_a, "zone")->value), "([] zones 0)");
  EXPECT_EQ(dump(*attribute(*public_a, "public")->value), "true");

  const ast::Block* route_table = child(vpc, "route_table", "public");
  ASSERT_NE(route_table, nullptr);
  ASSERT_EQ(route_table->blocks.size(), 1u);
  EXPECT_EQ(route_table->blocks[0]->kind, "route");
  EXPECT_FALSE(route_table->blocks[0]->name().has_value());
  EXPECT_FALSE(route_table->blocks[0]->name_range().valid());
  EXPECT_EQ(p->at(route_table->blocks[0]->range), "25:5-25:54");

  const ast::Block* igw = child(vpc, "internet_gateway", "igw");
  ASSERT_NE(igw, nullptr);
  EXPECT_TRUE(igw->attributes.empty());
  EXPECT_TRUE(igw->blocks.empty());

  const ast::Block& task = *f.blocks[2];
  EXPECT_EQ(std::string(task.kind) + " " + std::string(*task.name()), "task api");
  const auto& cpu = std::get<ast::Number>(attribute(task, "cpu")->value->node);
  EXPECT_FALSE(cpu.is_integer);
  EXPECT_DOUBLE_EQ(cpu.value, 0.25);
  EXPECT_EQ(cpu.unit(), "vcpu");
  const auto& memory = std::get<ast::Number>(attribute(task, "memory")->value->node);
  EXPECT_TRUE(memory.is_integer);
  EXPECT_EQ(memory.integer, 512);
  EXPECT_EQ(memory.unit(), "MiB");
  const ast::Block* container = child(task, "container", "app");
  ASSERT_NE(container, nullptr);
  EXPECT_EQ(dump(*attribute(*container, "environment")->value),
            "{LOG_LEVEL=(? (== env (str \"prod\")) (str \"warn\") (str \"debug\"))}");
  ASSERT_EQ(container->blocks.size(), 1u);
  EXPECT_EQ(dump(*attribute(*container->blocks[0], "interval")->value), "30s");

  const ast::Block& cluster = *f.blocks[3];
  const ast::Block* service = child(cluster, "service", "api");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(dump(*attribute(*service, "desired")->value), "(? (== env (str \"prod\")) 3 1)");
  EXPECT_EQ(dump(*attribute(*service, "subnets")->value),
            "[(. main private_a) (. main private_b)]");
}

TEST(SyntaxSpecExample, EmptyFileAndCommentsOnly) {
  auto empty = parse("");
  EXPECT_EQ(empty->lines(), Lines{});
  EXPECT_TRUE(empty->file.blocks.empty() && empty->file.params.empty() &&
              empty->file.lets.empty() && empty->file.outputs.empty());
  auto comments = parse("// one\n/* two\n three */\n   // four");
  EXPECT_EQ(comments->lines(), Lines{});
  EXPECT_TRUE(comments->file.blocks.empty() && comments->file.lets.empty());
  auto bom = parse("\xEF\xBB\xBFlet a = 1\r\nlet b = 2\r\n");
  EXPECT_EQ(bom->lines(), Lines{});
  EXPECT_EQ(bom->file.lets.size(), 2u);
}

// ---- literals -----------------------------------------------------------------------------------

TEST(SyntaxNumbers, UnitsAndPlainNumbers) {
  EXPECT_EQ(expr("[3, 0.5, 512MiB, 2GiB, 0.25vcpu, 10ms, 30s, 5m, 1h, 007]"),
            "[3 0.5 512MiB 2GiB 0.25vcpu 10ms 30s 5m 1h 7]");
  auto p = parse("let x = 1.5GiB");
  const auto& n = std::get<ast::Number>(p->file.lets[0].value->node);
  EXPECT_FALSE(n.is_integer);
  EXPECT_DOUBLE_EQ(n.value, 1.5);
  EXPECT_EQ(n.unit(), "GiB");
  EXPECT_EQ(p->at(p->file.lets[0].value->range), "1:9-1:15");
  auto big = parse("let x = 9223372036854775807");
  EXPECT_EQ(big->lines(), Lines{});
  EXPECT_EQ(std::get<ast::Number>(big->file.lets[0].value->node).integer, INT64_MAX);
}

TEST(SyntaxNumbers, UnknownUnits) {
  EXPECT_EQ(expr("512kb", {"1:12 E0011 unknown unit `kb`; units are MiB, GiB, vcpu, ms, s, m, h"}),
            "<error>");
  EXPECT_EQ(parse("let x = 512kb")->lines(),
            Lines{"1:12 E0011 unknown unit `kb`; units are MiB, GiB, vcpu, ms, s, m, h"});
  EXPECT_EQ(parse("let x = 512mib")->lines(),
            Lines{"1:12 E0011 unknown unit `mib` (did you mean `MiB`?); units are MiB, GiB, "
                  "vcpu, ms, s, m, h"});
  EXPECT_EQ(parse("let x = 2Gib")->lines(),
            Lines{"1:10 E0011 unknown unit `Gib` (did you mean `GiB`?); units are MiB, GiB, "
                  "vcpu, ms, s, m, h"});
  EXPECT_EQ(parse("let x = 0x10")->lines(),
            Lines{"1:10 E0011 unknown unit `x10`; units are MiB, GiB, vcpu, ms, s, m, h"});
}

TEST(SyntaxNumbers, OutOfRange) {
  EXPECT_EQ(parse("let x = 9223372036854775808")->lines(),
            Lines{"1:9 E0018 number `9223372036854775808` is too large"});
  EXPECT_EQ(parse("let x = 99999999999999999999MiB")->lines(),
            Lines{"1:9 E0018 number `99999999999999999999` is too large"});
  EXPECT_EQ(parse("let x = 1." + std::string(400, '0') + "1")->lines(), Lines{});
  EXPECT_EQ(parse("let x = 1" + std::string(400, '0') + ".5")->lines(),
            Lines{"1:9 E0018 number `1" + std::string(400, '0') + ".5` is too large"});
}

TEST(SyntaxStrings, Escapes) {
  EXPECT_EQ(expr(R"("a\"b\\c\nd\te\rf\$g")"), "(str \"a\"b\\c\nd\te\rf$g\")");
  EXPECT_EQ(expr(R"("cost: $5, $ and $$ {}")"), "(str \"cost: $5, $ and $$ {}\")");
  EXPECT_EQ(expr(R"("\${not} interpolated")"), "(str \"${not} interpolated\")");
  EXPECT_EQ(expr(R"("")"), "(str)");
  EXPECT_EQ(expr(R"("é ✓ 😀")"), "(str \"é ✓ 😀\")");
}

TEST(SyntaxStrings, InvalidEscapes) {
  auto p = parse(R"(let x = "a\qb\u00e9")");
  EXPECT_EQ(
      p->lines(),
      (Lines{R"(1:11 E0010 unknown escape `\q` in string; the escapes are \" \\ \n \t \r \$)",
             R"(1:14 E0010 unknown escape `\u` in string; the escapes are \" \\ \n \t \r \$)"}));
  // Reported, but the string is still there, written as it was.
  EXPECT_EQ(dump(*p->file.lets[0].value), "(str \"a\\qb\\u00e9\")");
  EXPECT_EQ(
      parse("let x = \"\\\t\"")->lines(),
      Lines{R"(1:10 E0010 unknown escape `\U+0009` in string; the escapes are \" \\ \n \t \r \$)"});
}

TEST(SyntaxStrings, Interpolation) {
  EXPECT_EQ(expr(R"("${env}-api")"), "(str ${env} \"-api\")");
  EXPECT_EQ(expr(R"("a${b}c${d + 1}e")"), "(str \"a\" ${b} \"c\" ${(+ d 1)} \"e\")");
  EXPECT_EQ(expr(R"("${"a${b}"}")"), "(str ${(str \"a\" ${b})})");
  EXPECT_EQ(expr(R"("${ {k = 1}.k }")"), "(str ${(. {k=1} k)})");
  EXPECT_EQ(expr(R"("${ "${ "${x}" }" }!")"), "(str ${(str ${(str ${x})})} \"!\")");

  auto p = parse(R"(let x = "a${b}c")");
  const auto& s = std::get<ast::String>(p->file.lets[0].value->node);
  ASSERT_EQ(s.parts.size(), 3u);
  EXPECT_EQ(p->text(s.parts[0].range), "a");
  EXPECT_EQ(p->text(s.parts[1].range), "${b}");
  EXPECT_EQ(p->text(s.parts[1].expr->range), "b");
  EXPECT_EQ(p->text(s.parts[2].range), "c");
  EXPECT_EQ(p->text(p->file.lets[0].value->range), R"("a${b}c")");
}

TEST(SyntaxStrings, ErrorsInInterpolations) {
  EXPECT_EQ(parse(R"(let x = "${}")")->lines(),
            Lines{"1:12 E0009 expected an expression, found `}`"});
  EXPECT_EQ(parse(R"(let x = "a ${ 1 + } b")")->lines(),
            Lines{"1:19 E0009 expected an expression, found `}`"});
  EXPECT_EQ(parse(R"(let x = { "${k}" = 1 })")->lines(),
            Lines{"1:11 E0009 an object key cannot use interpolation; write it as plain text"});
}

// ---- expressions --------------------------------------------------------------------------------

TEST(SyntaxExpressions, Precedence) {
  EXPECT_EQ(expr("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(expr("1 * 2 + 3"), "(+ (* 1 2) 3)");
  EXPECT_EQ(expr("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(expr("a % b / c * d"), "(* (/ (% a b) c) d)");
  EXPECT_EQ(expr("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  EXPECT_EQ(expr("a || b && c"), "(|| a (&& b c))");
  EXPECT_EQ(expr("a && b || c"), "(|| (&& a b) c)");
  EXPECT_EQ(expr("a == b < c"), "(== a (< b c))");
  EXPECT_EQ(expr("a != b >= c + 1"), "(!= a (>= b (+ c 1)))");
  EXPECT_EQ(expr("a <= b && c > d"), "(&& (<= a b) (> c d))");
  EXPECT_EQ(expr("-a.b[0] * 2"), "(* (- ([] (. a b) 0)) 2)");
  EXPECT_EQ(expr("!a && - - b"), "(&& (! a) (- (- b)))");
  EXPECT_EQ(expr("a - -1"), "(- a (- 1))");
  EXPECT_EQ(expr("f(x)[1].y"), "(. ([] (call f x) 1) y)");
  EXPECT_EQ(expr("f()"), "(call f)");
}

TEST(SyntaxExpressions, ConditionalIsRightAssociative) {
  EXPECT_EQ(expr("a ? b : c ? d : e"), "(? a b (? c d e))");
  EXPECT_EQ(expr("a ? b ? c : d : e"), "(? a (? b c d) e)");
  EXPECT_EQ(expr("a || b ? c + 1 : d"), "(? (|| a b) (+ c 1) d)");
  EXPECT_EQ(expr("a ? b : c ? d : e ? f : g"), "(? a b (? c d (? e f g)))");
  auto p = parse("let x = a ? b : c ? d : e");
  const auto& outer = std::get<ast::Conditional>(p->file.lets[0].value->node);
  EXPECT_EQ(p->text(p->file.lets[0].value->range), "a ? b : c ? d : e");
  EXPECT_EQ(p->text(outer.else_value->range), "c ? d : e");
}

TEST(SyntaxExpressions, Ranges) {
  auto p = parse("let x = (1 + 2) * f(a, b)[0]");
  const ast::Expr& value = *p->file.lets[0].value;
  const auto& mul = std::get<ast::Binary>(value.node);
  EXPECT_EQ(p->text(value.range), "(1 + 2) * f(a, b)[0]");
  EXPECT_EQ(p->text(mul.op_range), "*");
  EXPECT_EQ(p->text(mul.lhs->range), "(1 + 2)");
  EXPECT_EQ(p->text(mul.rhs->range), "f(a, b)[0]");
  const auto& add = std::get<ast::Binary>(mul.lhs->node);
  EXPECT_EQ(p->text(add.lhs->range), "1");
  EXPECT_EQ(p->at(add.op_range), "1:12-1:13");
  auto u = parse("let x = -!y");
  EXPECT_EQ(u->text(u->file.lets[0].value->range), "-!y");
}

TEST(SyntaxExpressions, ObjectsAndTrailingCommas) {
  auto p = parse(R"(let x = { team = "platform", "Name" = "web", "with space" = 1, })");
  EXPECT_EQ(p->lines(), Lines{});
  const auto& object = std::get<ast::Object>(p->file.lets[0].value->node);
  ASSERT_EQ(object.entries.size(), 3u);
  EXPECT_EQ(object.entries[0].key, "team");
  EXPECT_EQ(object.entries[1].key, "Name");
  EXPECT_EQ(object.entries[2].key, "with space");
  EXPECT_EQ(p->text(object.entries[0].key_range), "team");
  EXPECT_EQ(p->text(object.entries[1].key_range), "\"Name\"");
  EXPECT_EQ(expr("[1, 2,]"), "[1 2]");
  EXPECT_EQ(expr("[]"), "[]");
  EXPECT_EQ(expr("{}"), "{}");
  EXPECT_EQ(expr("{ a = 1, }"), "{a=1}");
  EXPECT_EQ(expr("f(1, 2,)"), "(call f 1 2)");
  EXPECT_EQ(expr("[\n  1,\n  2,\n]"), "[1 2]");
}

TEST(SyntaxItems, ParamsAndTypes) {
  auto p = parse("param a: list<cidr>\nparam b: map<list<int>> = {}\nparam c: duration = 30s\n"
                 "param d: bool\nparam e: number\nparam f: memory\nparam g: cpu\n");
  EXPECT_EQ(p->lines(), Lines{});
  ASSERT_EQ(p->file.params.size(), 7u);
  EXPECT_EQ(ast::type_text(p->file.params[0].type), "list<cidr>");
  EXPECT_EQ(p->at(p->file.params[0].type.range), "1:10-1:20");
  EXPECT_EQ(ast::type_text(p->file.params[1].type), "map<list<int>>");
  EXPECT_EQ(dump(*p->file.params[1].default_value), "{}");
  EXPECT_EQ(p->file.params[0].default_value, nullptr);
  EXPECT_EQ(ast::type_text(p->file.params[2].type), "duration");
  EXPECT_EQ(ast::type_text(p->file.params[6].type), "cpu");
}

TEST(SyntaxItems, BinaryOpText) {
  EXPECT_STREQ(ast::binary_op_text(ast::BinaryOp::Or), "||");
  EXPECT_STREQ(ast::binary_op_text(ast::BinaryOp::Ge), ">=");
  EXPECT_STREQ(ast::binary_op_text(ast::BinaryOp::Mod), "%");
}

// ---- diagnostics, one code at a time ------------------------------------------------------------

TEST(SyntaxDiagnostics, E0001InvalidUtf8) {
  EXPECT_EQ(parse("let x = \"\xff\"")->lines(),
            Lines{"1:10 E0001 invalid UTF-8 byte 0xff; ECL source must be UTF-8"});
  // Overlong, surrogate, above U+10FFFF, stray continuation, truncated at the end.
  EXPECT_EQ(parse("a\xC0\xAF b\xED\xA0\x80 c\xF4\x90\x80\x80 d\x80 e\xE2\x82")->lines(),
            (Lines{"1:2 E0001 invalid UTF-8 byte 0xc0; ECL source must be UTF-8",
                   "1:5 E0001 invalid UTF-8 byte 0xed; ECL source must be UTF-8",
                   "1:8 E0001 invalid UTF-8 byte 0xf4; ECL source must be UTF-8",
                   "1:11 E0001 invalid UTF-8 byte 0x80; ECL source must be UTF-8",
                   "1:13 E0001 invalid UTF-8 byte 0xe2; ECL source must be UTF-8"}));
  auto p = parse("let é = 1\nlet x = \"ok\" \xE2\x28");
  ASSERT_EQ(p->diags.items().size(), 1u);
  EXPECT_EQ(p->lines()[0], "2:14 E0001 invalid UTF-8 byte 0xe2; ECL source must be UTF-8");
  EXPECT_EQ(p->diags.items()[0].range.end - p->diags.items()[0].range.begin, 1u);
  // Nothing is lexed from a file that is not UTF-8.
  EXPECT_TRUE(p->file.lets.empty());
  EXPECT_EQ(parse(std::string(50, '\xff'))->diags.items().size(), 10u);
}

TEST(SyntaxDiagnostics, E0002UnexpectedCharacter) {
  EXPECT_EQ(parse("let x = 1 # note")->lines(),
            Lines{"1:11 E0002 unexpected character `#`; comments start with `//`"});
  EXPECT_EQ(parse("let x = a & b")->lines(),
            Lines{"1:11 E0002 unexpected character `&`; did you mean `&&`?"});
  // A single-quoted string on one line is one error, with the string in double quotes as its fix.
  auto quoted = parse("let x = 'a b'\nlet y = ['c', 'd']");
  EXPECT_EQ(quoted->lines(),
            (Lines{"1:9 E0002 unexpected character `'`; strings use double quotes: `\"a b\"`",
                   "2:10 E0002 unexpected character `'`; strings use double quotes: `\"c\"`",
                   "2:15 E0002 unexpected character `'`; strings use double quotes: `\"d\"`"}));
  ASSERT_EQ(quoted->diags.items()[0].fixes.size(), 1u);
  EXPECT_EQ(quoted->diags.items()[0].fixes[0].text, "\"a b\"");
  EXPECT_EQ(quoted->diags.items()[0].range.end - quoted->diags.items()[0].range.begin, 5u);
  // Unclosed on its line, or holding what a double-quoted string would have to escape: the quote
  // alone, as any unexpected character.
  EXPECT_EQ(parse("let x = 'a\nlet y = 1")->lines(),
            Lines{"1:9 E0002 unexpected character `'`; strings use double quotes `\"`"});
  EXPECT_EQ(parse("let x = 'a\"b'")->lines(),
            (Lines{"1:9 E0002 unexpected character `'`; strings use double quotes `\"`",
                   "1:11 E0003 unterminated string; a string ends with `\"` on the same line"}));
  EXPECT_EQ(parse("let x = 1;")->lines(),
            Lines{"1:10 E0002 unexpected character `;`; items need no separator"});
  EXPECT_EQ(parse("let x = é")->lines(), Lines{"1:9 E0002 unexpected character `é` (U+00E9)"});
  EXPECT_EQ(parse("let x = \x01")->lines(), Lines{"1:9 E0002 unexpected character U+0001"});
  EXPECT_EQ(parse("let x = \xE2\x80\x8B 1")->lines(),
            Lines{"1:9 E0002 unexpected character U+200B"});
  // A run of one character is one error, covering the run.
  auto nul = parse(std::string("let x = 1\n") + std::string(1000, '\0'));
  EXPECT_EQ(nul->lines(), Lines{"2:1 E0002 unexpected character U+0000"});
  EXPECT_EQ(nul->diags.items()[0].range.end - nul->diags.items()[0].range.begin, 1000u);
  EXPECT_EQ(nul->file.lets.size(), 1u);
}

TEST(SyntaxDiagnostics, E0003UnterminatedString) {
  auto p = parse("let x = \"abc\nlet y = 2");
  EXPECT_EQ(p->lines(),
            Lines{"1:9 E0003 unterminated string; a string ends with `\"` on the same line"});
  // The string still counts, and lexing goes on with the next line.
  EXPECT_EQ(p->file.lets.size(), 2u);
  EXPECT_EQ(dump(*p->file.lets[0].value), "(str \"abc\")");
  // After an interpolation: points at the string's opening quote.
  auto tail = parse("vpc a {\n  name = \"${b}-c\n}");
  EXPECT_EQ(tail->lines(),
            Lines{"2:10 E0003 unterminated string; a string ends with `\"` on the same line"});
  EXPECT_EQ(dump(*tail->file.blocks[0]->attributes[0].value), "(str ${b} \"-c\")");
  EXPECT_EQ(parse("let x = \"abc\\")->lines(),
            Lines{"1:9 E0003 unterminated string; a string ends with `\"` on the same line"});
}

TEST(SyntaxDiagnostics, E0004UnterminatedComment) {
  EXPECT_EQ(parse("let x = 1\n  /* never\n closed")->lines(),
            Lines{"2:3 E0004 unterminated block comment; `/*` needs a matching `*/`"});
}

TEST(SyntaxDiagnostics, E0005UnterminatedInterpolation) {
  const char* message = "E0005 unterminated interpolation; `${` needs a matching `}` before the "
                        "string ends";
  EXPECT_EQ(parse("let x = \"a${b\nlet y = 1")->lines(), Lines{std::string("1:11 ") + message});
  EXPECT_EQ(parse("let x = \"a${b")->lines(), Lines{std::string("1:11 ") + message});
  // The interpolation ends with its line, so the block's braces still match.
  EXPECT_EQ(parse("vpc a {\n  x = \"${ (b\n}\n")->lines(), Lines{std::string("2:8 ") + message});
}

TEST(SyntaxDiagnostics, E0006UnclosedBracket) {
  EXPECT_EQ(parse("let x = (1 + 2")->lines(),
            Lines{"1:9 E0006 unclosed `(`; expected `)` before end of file"});
  EXPECT_EQ(parse("vpc a {\n  subnet b {\n}\n")->lines(),
            Lines{"1:7 E0006 unclosed `{`; expected `}` before end of file"});
  EXPECT_EQ(parse("let x = [ (1 ]")->lines(),
            Lines{"1:11 E0006 unclosed `(`; expected `)` before `]`"});
  EXPECT_EQ(parse("let x = \"${ (1 }\"")->lines(),
            Lines{"1:13 E0006 unclosed `(`; expected `)` before `}`"});
  // No AST from a file whose brackets do not balance.
  EXPECT_TRUE(parse("let x = [1\nlet y = 2")->file.lets.empty());
}

TEST(SyntaxDiagnostics, E0007UnexpectedClosingBracket) {
  EXPECT_EQ(parse("let x = 1)")->lines(), Lines{"1:10 E0007 unexpected `)`; there is no open `(`"});
  EXPECT_EQ(parse("vpc a { }\n}")->lines(),
            Lines{"2:1 E0007 unexpected `}`; there is no open `{`"});
  auto p = parse("let x = (1 ]\n)");
  EXPECT_EQ(p->lines(), Lines{"1:12 E0007 unexpected `]`; expected `)` to close `(`"});
  ASSERT_EQ(p->diags.items()[0].notes.size(), 1u);
  EXPECT_EQ(p->diags.items()[0].notes[0].message, "`(` is opened here");
  EXPECT_EQ(p->at(p->diags.items()[0].notes[0].range), "1:9-1:10");
  EXPECT_EQ(parse("let x = \"${ ) }\"")->lines(),
            Lines{"1:13 E0007 unexpected `)`; expected `}` to close `${`"});
}

TEST(SyntaxDiagnostics, E0008NestingTooDeep) {
  const std::string message = "E0008 nesting is deeper than 256 levels; split the expression or "
                              "use `let`";
  std::size_t n = limits::kMaxNesting;
  // At the limit everything parses; one more level is an error at the token that crosses it.
  EXPECT_EQ(parse("let x = " + repeat("[", n) + repeat("]", n))->lines(), Lines{});
  EXPECT_EQ(parse("let x = " + repeat("[", n + 1) + repeat("]", n + 1))->lines(),
            Lines{"1:265 " + message});
  EXPECT_EQ(parse("let x = " + repeat("(", n) + "1" + repeat(")", n))->lines(), Lines{});
  EXPECT_EQ(parse(repeat("a {", n) + repeat("}", n))->lines(), Lines{});
  EXPECT_EQ(parse(repeat("a {", n + 1) + repeat("}", n + 1))->lines(), Lines{"1:771 " + message});
  EXPECT_EQ(parse("let x = " + repeat("\"${", n) + "1" + repeat("}\"", n))->lines(), Lines{});
  EXPECT_EQ(parse("let x = " + repeat("a ? ", n) + "a" + repeat(" : a", n))->lines(), Lines{});
  EXPECT_EQ(parse("let x = " + repeat("a ? ", n + 1) + "a" + repeat(" : a", n + 1))->lines(),
            Lines{"1:1035 " + message});
  EXPECT_EQ(parse("param p: " + repeat("list<", n) + "int" + repeat(">", n))->lines(), Lines{});
  EXPECT_EQ(parse("param p: " + repeat("list<", n + 1) + "int" + repeat(">", n + 1))->lines(),
            Lines{"1:1294 " + message});
}

TEST(SyntaxDiagnostics, E0009SyntaxErrors) {
  EXPECT_EQ(parse("vpc main { cidr \"10.0.0.0/16\" }")->lines(),
            Lines{"1:17 E0009 expected `=` after attribute name `cidr`, found `\"10.0.0.0/16\"`"});
  EXPECT_EQ(parse("vpc main {\n  cidr =\n}")->lines(),
            Lines{"3:1 E0009 expected an expression, found `}`"});
  EXPECT_EQ(parse("vpc main { 42 }")->lines(),
            Lines{"1:12 E0009 unexpected `42` in block `vpc main`; expected an attribute, a "
                  "nested block or `}`"});
  EXPECT_EQ(parse("vpc main { subnet a b { } }")->lines(),
            Lines{"1:21 E0009 expected `{` after `subnet a`, found `b`"});
  EXPECT_EQ(parse("vpc main cidr")->lines(),
            Lines{"1:10 E0009 expected `{` after `vpc main`, found `cidr`"});
  EXPECT_EQ(parse("region = \"us-east-1\"")->lines(),
            Lines{"1:8 E0009 expected a name or `{` after `region`, found `=`; attributes belong "
                  "inside a block, and top-level values use `let`"});
  EXPECT_EQ(parse("42")->lines(),
            Lines{"1:1 E0009 unexpected `42`; expected `param`, `let`, `output` or a block"});
  EXPECT_EQ(parse("param env string")->lines(),
            Lines{"1:11 E0009 expected `:` and a type after param name `env`, found `string`"});
  EXPECT_EQ(parse("param env: 5")->lines(), Lines{"1:12 E0009 expected a type, found `5`"});
  EXPECT_EQ(parse("param p: map<int")->lines(),
            Lines{"1:17 E0009 expected `>`, found end of file"});
  EXPECT_EQ(parse("param p: list")->lines(),
            Lines{"1:10 E0009 `list` needs an element type: `list<string>`"});
  EXPECT_EQ(parse("param p: int<string>")->lines(),
            Lines{"1:13 E0009 type `int` takes no element type; only `list` and `map` do"});
  EXPECT_EQ(parse("let = 5")->lines(), Lines{"1:5 E0009 expected a name after `let`, found `=`"});
  EXPECT_EQ(parse("let x 5")->lines(), Lines{"1:7 E0009 expected `=` after `let x`, found `5`"});
  EXPECT_EQ(parse("output o =")->lines(),
            Lines{"1:11 E0009 expected an expression, found end of file"});
  EXPECT_EQ(parse("let x = [1 2]")->lines(),
            Lines{"1:12 E0009 unexpected `2`; expected `,` or `]`; separate list items with `,`"});
  EXPECT_EQ(parse("let x = [1,,2]")->lines(),
            Lines{"1:12 E0009 expected an expression or `]` after `,`, found `,`"});
  EXPECT_EQ(parse("let x = f(1 2)")->lines(),
            Lines{"1:13 E0009 unexpected `2`; expected `,` or `)`; separate arguments with `,`"});
  EXPECT_EQ(parse("let x = f(,)")->lines(),
            Lines{"1:11 E0009 unexpected `,`; expected an expression or `)`"});
  EXPECT_EQ(parse("let x = { a = 1 b = 2 }")->lines(),
            Lines{"1:17 E0009 expected `,` or `}`, found `b`; separate object entries with `,`"});
  EXPECT_EQ(parse("let x = { a 1 }")->lines(),
            Lines{"1:13 E0009 expected `=` after key `a`, found `1`"});
  EXPECT_EQ(parse("let x = { 1 = 2 }")->lines(),
            Lines{"1:11 E0009 expected an object entry (`key = value`) or `}`, found `1`"});
  EXPECT_EQ(parse("let x = a.")->lines(),
            Lines{"1:11 E0009 expected a name after `.`, found end of file"});
  EXPECT_EQ(parse("let x = a ? b")->lines(), Lines{"1:14 E0009 expected `:`, found end of file"});
  EXPECT_EQ(parse("vpc main {\n  cidr = 10.0.0.0/16\n}")->lines(),
            Lines{"2:15 E0009 expected a name after `.`, found `0.0`; write addresses and CIDRs as "
                  "strings: `\"10.0.0.0/16\"`"});
  // One mistake, one error: what follows it closely is not reported again.
  EXPECT_EQ(parse("let x = [1 2 3 4 5]")->lines(),
            Lines{"1:12 E0009 expected `,` or `]`, found `2`; separate list items with `,`"});
  EXPECT_EQ(parse("let x = 1 2 3 4 5")->lines(),
            Lines{"1:11 E0009 unexpected `2`; expected `param`, `let`, `output` or a block"});
  EXPECT_EQ(parse("let x = !")->lines(),
            Lines{"1:10 E0009 expected an expression, found end of file"});
  EXPECT_EQ(parse("let x = a[]")->lines(), Lines{"1:11 E0009 expected an expression, found `]`"});
  EXPECT_EQ(parse("let true = 1")->lines(),
            Lines{"1:5 E0009 expected a name after `let`, found `true`"});
  EXPECT_EQ(parse("let x = \"a\" \"b\"")->lines(),
            Lines{"1:13 E0009 unexpected `\"b\"`; expected `param`, `let`, `output` or a block"});
  EXPECT_EQ(parse("let x = [1 " + std::string(40, 'a') + "]")->lines(),
            Lines{"1:12 E0009 unexpected `" + std::string(31, 'a') +
                  "…`; expected `,` or `]`; separate list items with `,`"});
  EXPECT_EQ(
      parse("let x = 1 " + std::string(40, 'b') + " = 2")->lines(),
      Lines{"1:52 E0009 expected a name or `{` after `bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb`, "
            "found `=`; attributes belong inside a block, and top-level values use `let`"});
  EXPECT_EQ(parse("let x = \"" + std::string(40, 'c') + "\" 1")->lines(),
            Lines{"1:52 E0009 unexpected `1`; expected `param`, `let`, `output` or a block"});
  EXPECT_EQ(parse("let x = 1 \"" + std::string(40, 'c') + "\"")->lines(),
            Lines{"1:11 E0009 unexpected `\"" + std::string(30, 'c') +
                  "…`; expected `param`, `let`, `output` or a block"});
}

TEST(SyntaxDiagnostics, E0009EveryErrorOfAFileIsReported) {
  auto p = parse(R"(vpc main {
  cidr "10.0.0.0/16"
  subnet a { cidr = }
  subnet b { zone = zones[0] public = true }
  dns_support = tru e
}
let x = 1 +
let y = [1, 2
]
output o = x
param p: strng
)");
  EXPECT_EQ(p->lines(),
            (Lines{"2:8 E0009 expected `=` after attribute name `cidr`, found `\"10.0.0.0/16\"`",
                   "3:21 E0009 expected an expression, found `}`",
                   "6:1 E0009 expected `=` after attribute name `e`, found `}`",
                   "8:1 E0009 expected an expression, found `let`",
                   "11:10 E0012 unknown type `strng`; did you mean `string`?"}));
  // Recovery keeps what parsed: the blocks, and every item but the broken ones.
  ASSERT_EQ(p->file.blocks.size(), 1u);
  const ast::Block& vpc = *p->file.blocks[0];
  EXPECT_EQ(vpc.blocks.size(), 2u);
  EXPECT_EQ(dump(*vpc.blocks[0]->attributes[0].value), "<error>");
  EXPECT_EQ(dump(*attribute(*vpc.blocks[1], "public")->value), "true");
  ASSERT_EQ(p->file.lets.size(), 2u);
  EXPECT_EQ(dump(*p->file.lets[1].value), "[1 2]");
  EXPECT_EQ(p->file.outputs.size(), 1u);
  EXPECT_TRUE(p->file.params.empty());
}

TEST(SyntaxDiagnostics, E0012UnknownType) {
  EXPECT_EQ(parse("param p: strng")->lines(),
            Lines{"1:10 E0012 unknown type `strng`; did you mean `string`?"});
  EXPECT_EQ(parse("param p: list<integer>")->lines(), Lines{"1:15 E0012 unknown type `integer`"});
  EXPECT_EQ(parse("param p: port = 80")->lines(), Lines{"1:10 E0012 unknown type `port`"});
}

TEST(SyntaxDiagnostics, E0013FileTooLarge) {
  auto p = parse(std::string(limits::kMaxFileBytes + 1, ' '));
  EXPECT_EQ(p->lines(),
            Lines{"1:1 E0013 file is 67108865 bytes; the limit is 67108864 bytes per file"});
}

TEST(SyntaxDiagnostics, E0014ExpressionTooComplex) {
  const std::string message =
      "E0014 expression is too complex (more than 512 operators deep); split it with `let`";
  std::size_t n = limits::kMaxExpressionDepth;
  // n - 1 operators make a tree n deep: the limit. One more is too many.
  EXPECT_EQ(parse("let x = " + repeat("1+", n - 1) + "1")->lines(), Lines{});
  auto p = parse("let x = " + repeat("1+", n) + "1");
  EXPECT_EQ(p->lines(), Lines{"1:1032 " + message});
  EXPECT_EQ(dump(*p->file.lets[0].value), "<error>");
  EXPECT_EQ(p->text(p->file.lets[0].value->range).size(), 2 * n + 1);
  EXPECT_EQ(parse("let x = " + repeat("-", n) + "1")->lines(), Lines{"1:9 " + message});
  EXPECT_EQ(parse("let x = a" + repeat(".b", n))->lines(), Lines{"1:1032 " + message});
  EXPECT_EQ(parse("let x = " + repeat("a ? b : ", n) + "c")->lines(), Lines{"1:11 " + message});
  // Depth adds up through brackets too.
  EXPECT_EQ(parse("let x = " + repeat("[", 200) + "1" + repeat("+1+1+1]", 200))->lines(),
            Lines{"1:81 " + message});
  // Each value is checked on its own; the next one is fine.
  auto two = parse("let x = " + repeat("1+", n) + "1\nlet y = 1 + 2");
  EXPECT_EQ(two->diags.items().size(), 1u);
  EXPECT_EQ(dump(*two->file.lets[1].value), "(+ 1 2)");
}

TEST(SyntaxDiagnostics, E0017TooManyErrors) {
  auto p = parse("vpc a {\n" + repeat("  x = = 1\n", 150) + "}\n");
  ASSERT_EQ(p->diags.items().size(), limits::kMaxErrorsPerFile + 1);
  EXPECT_EQ(p->lines().front(), "2:7 E0009 unexpected `=`; expected an expression");
  EXPECT_EQ(p->lines().back(), "102:7 E0017 too many errors in this file (100); stopping here");
  auto q = parse(repeat(")", 1000));
  ASSERT_EQ(q->diags.items().size(), limits::kMaxErrorsPerFile + 1);
  EXPECT_EQ(q->lines().back(), "1:101 E0017 too many errors in this file (100); stopping here");
}

// ---- hostile input ------------------------------------------------------------------------------

TEST(SyntaxHostile, DeepNesting) {
  const std::string deep =
      "E0008 nesting is deeper than 256 levels; split the expression or use `let`";
  std::size_t n = 100000;
  double ms = 0;
  EXPECT_EQ(timed("let x = " + repeat("[", n) + repeat("]", n), ms)->lines(),
            Lines{"1:265 " + deep});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
  EXPECT_EQ(timed("let x = " + repeat("(", n) + "1" + repeat(")", n), ms)->lines(),
            Lines{"1:265 " + deep});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
  EXPECT_EQ(timed(repeat("a {", n) + repeat("}", n), ms)->lines(), Lines{"1:771 " + deep});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
  EXPECT_EQ(timed("let x = " + repeat("\"${", n) + "1" + repeat("}\"", n), ms)->lines(),
            Lines{"1:777 " + deep});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
  EXPECT_EQ(timed("let x = " + repeat("a ? ", n) + "a" + repeat(" : a", n), ms)->lines(),
            Lines{"1:1035 " + deep});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
  // Unclosed: one error at the crossing, none for each unclosed level.
  EXPECT_EQ(timed("let x = " + repeat("{", n), ms)->lines(), Lines{"1:265 " + deep});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
}

TEST(SyntaxHostile, LongChains) {
  const std::string complex =
      "E0014 expression is too complex (more than 512 operators deep); split it with `let`";
  std::size_t n = 100000;
  double ms = 0;
  EXPECT_EQ(timed("let x = " + repeat("-", n) + "1", ms)->lines(), Lines{"1:99497 " + complex});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
  EXPECT_EQ(timed("let x = " + repeat("1+", n - 1) + "1", ms)->lines(), Lines{"1:1032 " + complex});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
  EXPECT_EQ(timed("let x = " + repeat("a ? b : ", n) + "c", ms)->lines(),
            Lines{"1:795915 " + complex});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
  EXPECT_EQ(timed("let x = a" + repeat("[0]", n), ms)->lines(), Lines{"1:1543 " + complex});
  EXPECT_LT(ms, kHostileCpuBudgetMs);
}

TEST(SyntaxHostile, BinaryJunk) {
  std::mt19937 random(42); // fixed seed: the same junk every run
  std::string junk(1 << 20, '\0');
  for (char& c : junk) {
    c = static_cast<char>(random() & 0xFF);
  }
  double ms = 0;
  auto p = timed(junk, ms);
  EXPECT_EQ(p->diags.items().size(), 10u); // at most ten E0001, then the file is not lexed
  for (const Diagnostic& d : p->diags.items()) {
    EXPECT_EQ(d.code(), "E0001");
  }
  EXPECT_LT(ms, kHostileCpuBudgetMs);

  // Valid UTF-8 but nonsense: the error budget ends it.
  std::string ascii(1 << 20, ' ');
  const std::string alphabet = "abc xyz={}[]()\"+-*/,.:?!<>=\n0123456789$#";
  for (char& c : ascii) {
    c = alphabet[random() % alphabet.size()];
  }
  auto q = timed(ascii, ms);
  EXPECT_EQ(q->diags.items().size(), limits::kMaxErrorsPerFile + 1);
  EXPECT_EQ(std::count_if(q->diags.items().begin(), q->diags.items().end(),
                          [](const Diagnostic& d) { return d.code() == "E0017"; }),
            1);
  EXPECT_LT(ms, kHostileCpuBudgetMs);
}

TEST(SyntaxHostile, UnbalancedAndStrayBraces) {
  EXPECT_EQ(parse("}}}")->lines(), (Lines{"1:1 E0007 unexpected `}`; there is no open `{`",
                                          "1:2 E0007 unexpected `}`; there is no open `{`",
                                          "1:3 E0007 unexpected `}`; there is no open `{`"}));
  EXPECT_EQ(parse("vpc a { subnet b { ")->lines(),
            (Lines{"1:7 E0006 unclosed `{`; expected `}` before end of file",
                   "1:18 E0006 unclosed `{`; expected `}` before end of file"}));
  EXPECT_EQ(parse("let x = \"${\"${\"")->lines(),
            (Lines{"1:10 E0005 unterminated interpolation; `${` needs a matching `}` before the "
                   "string ends",
                   "1:13 E0005 unterminated interpolation; `${` needs a matching `}` before the "
                   "string ends",
                   "1:15 E0003 unterminated string; a string ends with `\"` on the same line"}));
  EXPECT_EQ(parse("/*")->lines(),
            Lines{"1:1 E0004 unterminated block comment; `/*` needs a matching `*/`"});
  EXPECT_EQ(parse("\"")->lines(),
            Lines{"1:1 E0003 unterminated string; a string ends with `\"` on the same line"});
  EXPECT_EQ(parse("${")->lines(),
            (Lines{"1:1 E0002 unexpected character `$`",
                   "1:2 E0006 unclosed `{`; expected `}` before end of file"}));
}

TEST(SyntaxHostile, LargeValidProgram) {
  std::string program;
  for (int i = 0; i < 5000; ++i) {
    program += fmt::format(
        "vpc v{} {{ cidr = \"10.0.0.0/16\"  tags = {{ a = {}, b = [1, 2] }} }}\n", i, i);
  }
  double ms = 0;
  auto p = timed(program, ms);
  EXPECT_EQ(p->lines(), Lines{});
  EXPECT_EQ(p->file.blocks.size(), 5000u);
  EXPECT_LT(ms, kHostileCpuBudgetMs);
}

// ---- the two parsing paths ---------------------------------------------------------------------
// parse_file parses item by item with SLL and no recovery (the fast path), and parses the whole
// file again with LL and recovery (the careful path, the grammar's full behaviour) when that fails.
// These show that the fast path builds exactly the AST and diagnostics the careful one does, and
// that parse_file's result is always the careful path's.

// Every diagnostic in report order, notes included.
std::string describe(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) {
    out += fmt::format("{} {}:{}-{} {}\n", d.code(), d.range.file, d.range.begin, d.range.end,
                       d.message);
    for (const Note& n : d.notes) {
      out += fmt::format("  note {}-{} {}\n", n.range.begin, n.range.end, n.message);
    }
  }
  return out;
}

struct PathResults {
  std::string careful;             // dump and diagnostics of the careful path
  std::string careful_diags;       // its diagnostics alone
  std::string both;                // of parse_file
  std::optional<std::string> fast; // of the fast path, when it could parse the file
  bool careful_has_e0009 = false;
};

PathResults parse_both_ways(const std::string& text) {
  PathResults r;
  // The AST's names are views of the source text: `sources` outlives each file.
  auto run = [&](SourceManager& sources, auto parse) {
    FileId id = sources.add("test.ecl", text);
    Diagnostics diags;
    auto file = parse(sources, id, diags);
    return std::make_pair(std::move(file), std::move(diags));
  };
  {
    SourceManager sources;
    auto [file, diags] = run(sources, parse_file_careful_path);
    r.careful_diags = describe(diags);
    r.careful = ast::debug_dump(file) + r.careful_diags;
    for (const Diagnostic& d : diags.items()) {
      r.careful_has_e0009 |= d.code() == "E0009";
    }
  }
  {
    SourceManager sources;
    auto [file, diags] = run(sources, parse_file);
    r.both = ast::debug_dump(file) + describe(diags);
  }
  {
    SourceManager sources;
    auto [file, diags] = run(sources, parse_file_fast_path);
    if (file) {
      r.fast = ast::debug_dump(*file) + describe(diags);
    } else {
      EXPECT_TRUE(r.careful_diags.starts_with(describe(diags)))
          << "the fast path reports nothing of its own when it gives up, only the lexer's errors";
    }
  }
  return r;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(SyntaxPaths, FastPathEqualsCarefulPathOnEveryFileOfTheRepository) {
  namespace fs = std::filesystem;
  std::size_t files = 0;
  std::size_t fast = 0;
  for (const char* dir : {"tests", "examples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(ECL_SOURCE_DIR) / dir)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".ecl") {
        continue;
      }
      ++files;
      PathResults r = parse_both_ways(read_text(entry.path()));
      EXPECT_EQ(r.both, r.careful) << entry.path();
      if (r.fast) {
        ++fast;
        EXPECT_EQ(*r.fast, r.careful) << entry.path();
      } else {
        // Only a syntax error (which the careful path reports) stops the fast path.
        EXPECT_TRUE(r.careful_has_e0009) << entry.path();
      }
    }
  }
  EXPECT_GT(files, 50u);
  EXPECT_GT(fast, files / 2) << "the fast path should parse most files";
}

TEST(SyntaxPaths, NestedBlocksPieceByPiece) {
  // Blocks inside blocks inside blocks, with and without names, attributes before and after
  // nested blocks, empty blocks, comments and every kind of item between them.
  std::string text = R"(// top
param env: string = "prod"
vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24" }
  tags = { team = "x", "Name" = "y${env}z" }
  security_group web {
    ingress { port = 443  from = ["0.0.0.0/0"] }
    ingress {}
    /* between */ description = env == "prod" ? "p" : "d"
  }
  empty {}
}
let n = -1 + 2 * (3 - 4) % 5
cluster c { service s { task t { container app { image = "nginx" } } count = n } }
output o = main.a.cidr
)";
  PathResults r = parse_both_ways(text);
  ASSERT_TRUE(r.fast.has_value());
  EXPECT_EQ(*r.fast, r.careful);
  EXPECT_EQ(r.both, r.careful);
  EXPECT_NE(r.careful.find("block container"), std::string::npos) << r.careful;
}

TEST(SyntaxPaths, SimpleAttributes) {
  // The fast path builds `name = <simple value>` itself (one-token values, `a.b.c` paths and
  // lists of them) when the next token cannot continue the expression; everything else goes
  // through the grammar. Both must give the careful path's AST and diagnostics.
  std::string text = R"(vpc v {
  a = 1  b = 2.5  c = 512MiB  d = "s\t$ x"  e = "x"  f = true  g = false  h = name
  i = call(1)  j = k.l  m = n[0]  o = p ? q : r  s = -1  t = !u  w = 1 + 2  x = "a" y = []
  z = 3xyz  aa = 99999999999999999999  bb = ""  cc = "${v}"
  nested { a = 1 } dd = 1 empty {} ee = 2
  l1 = [a, b.c, "d".e, 1, true,]  l2 = [
    main.private_a, // a comment
    main.private_b
  ]
  l3 = [a.b.c] l4 = [a, b] + [c]  l5 = [a b]  l6 = [f(1).b]  l7 = [[a]]  l8 = [a.0]
  p1 = a.b.c.d  p2 = 1.5.x  p3 = a.b.c == d  p4 = [fargate]
  ff = gg
})";
  PathResults r = parse_both_ways(text);
  EXPECT_FALSE(r.fast.has_value()) << "`[a b]` and `[a.0]` are syntax errors";
  EXPECT_EQ(r.both, r.careful);
  std::string valid = text;
  valid.replace(valid.find("l5 = [a b]"), 10, "l5 = [a,b]");
  valid.replace(valid.find("l8 = [a.0]"), 10, "l8 = [a.o]");
  r = parse_both_ways(valid);
  ASSERT_TRUE(r.fast.has_value()) << r.careful;
  EXPECT_EQ(*r.fast, r.careful);
  EXPECT_EQ(r.both, r.careful);
  EXPECT_NE(r.careful.find("E0011"), std::string::npos) << r.careful; // unknown unit `xyz`
  EXPECT_NE(r.careful.find("E0018"), std::string::npos) << r.careful; // out of range
}

TEST(SyntaxPaths, SimpleLetsAndOutputs) {
  // `let` and `output` items with a simple value skip the parser too (simple_assignment), when
  // what follows can only start the next item; the rest go through the grammar.
  std::string text = R"(let a = 1 let b = 2.5 let c = 512MiB let d = "s\t$ x" let e = true
let f = name.x.y output g = [a, b.c, "d".e, 1, true,] param p: int = 3
let h = call(1) let i = j[0] let k = a ? b : c let l = -1 let m = 1 + 2 let n = [a] + [b]
output o = "${a}" let q = 3xyz let r = 99999999999999999999 let s = [a b]
vpc v { x = a }
let t = a.b
output u = [])";
  PathResults r = parse_both_ways(text);
  EXPECT_FALSE(r.fast.has_value()) << "`[a b]` is a syntax error";
  EXPECT_EQ(r.both, r.careful);
  std::string valid = text;
  valid.replace(valid.find("let s = [a b]"), 13, "let s = [a,b]");
  r = parse_both_ways(valid);
  ASSERT_TRUE(r.fast.has_value()) << r.careful;
  EXPECT_EQ(*r.fast, r.careful);
  EXPECT_EQ(r.both, r.careful);
  EXPECT_NE(r.careful.find("E0011"), std::string::npos) << r.careful; // unknown unit `xyz`
  EXPECT_NE(r.careful.find("E0018"), std::string::npos) << r.careful; // out of range
  std::string path = "let x = a";
  for (std::size_t i = 0; i <= limits::kMaxExpressionDepth; ++i) {
    path += ".b";
  }
  r = parse_both_ways(path + "\nlet y = 1\n");
  ASSERT_TRUE(r.fast.has_value());
  EXPECT_EQ(*r.fast, r.careful);
  EXPECT_NE(r.careful.find("E0014"), std::string::npos) << r.careful;
}

TEST(SyntaxPaths, LongSimplePathIsTooComplex) {
  // E0014 on a path built by the fast path, exactly as the careful path reports it.
  std::string path = "a";
  for (std::size_t i = 0; i <= limits::kMaxExpressionDepth; ++i) {
    path += ".b";
  }
  for (const std::string& value : {path, "[" + path + "]", "[x, " + path + ", y]"}) {
    PathResults r = parse_both_ways("vpc v {\n  x = " + value + "\n  y = 1\n}\n");
    ASSERT_TRUE(r.fast.has_value());
    EXPECT_EQ(*r.fast, r.careful);
    EXPECT_NE(r.careful.find("E0014"), std::string::npos);
  }
}

TEST(SyntaxPaths, AnErrorLateInTheFileUndoesWhatTheFastPathReported) {
  // The first items are transformed, with diagnostics of their own (E0012 unknown type, E0019,
  // E0023 is out of reach here), before the syntax error in the last block stops the fast path:
  // parse_file must report each exactly once, as the careful path does.
  std::string text = "param p: strin\n"
                     "let s = \"" +
                     repeat("x", limits::kMaxStringBytes + 1) +
                     "\"\n"
                     "vpc main {\n  cidr = \"10.0.0.0/16\"\n  subnet a { cidr = }\n}\n";
  PathResults r = parse_both_ways(text);
  EXPECT_FALSE(r.fast.has_value());
  EXPECT_EQ(r.both, r.careful);
  auto p = parse(text);
  EXPECT_EQ(p->lines(), (Lines{"1:10 E0012 unknown type `strin`; did you mean `string`?",
                               "2:9 E0019 string is 65537 bytes long; the limit is 65536 bytes",
                               "5:21 E0009 expected an expression, found `}`"}));
}

TEST(SyntaxPaths, BrokenProgramsAgree) {
  // Each breaks the fast path somewhere else: at the top level, in a block head, in a body, in
  // an expression, after the last item.
  const char* programs[] = {
      "= 3\n",
      "vpc main cidr = 1 }\n",
      "vpc main { cidr }\n",
      "vpc main { a b c { } }\n",
      "vpc main { cidr = [1, 2 }\n",
      "let a = 1\nlet b = \nlet c = 3\n",
      "vpc a {}\nvpc b {}\n)\n",
      "param p: list<>\n",
      "vpc main { subnet a { x = 1 } y { z = 2 } 3 }\n",
  };
  for (const char* program : programs) {
    PathResults r = parse_both_ways(program);
    EXPECT_EQ(r.both, r.careful) << program;
    if (r.fast) {
      EXPECT_EQ(*r.fast, r.careful) << program;
    }
  }
}

} // namespace
} // namespace ecl::syntax
