#include "compiler/import/program.h"

#include "compiler/check/fargate_sizes.h"
#include "compiler/format/format.h"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace ecl::import {

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    case '$':
      out += i + 1 < text.size() && text[i + 1] == '{' ? "\\$" : "$";
      break;
    default:
      // Other control characters have no escape in ECL: spell them as a visible \uXXXX text.
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        out += fmt::format("\\\\u{:04x}", static_cast<unsigned char>(c));
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

bool is_identifier(std::string_view text) {
  if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_')) {
    return false;
  }
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return text != "param" && text != "let" && text != "output" && text != "true" && text != "false";
}

std::string identifier(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  if (out.empty()) {
    return "unnamed";
  }
  if (std::isdigit(static_cast<unsigned char>(out[0]))) {
    out.insert(out.begin(), '_');
  }
  return is_identifier(out) ? out : out + "_";
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& item : items) {
    out += (out.size() > 1 ? ", " : "") + item;
  }
  return out + "]";
}

std::string object(const std::vector<std::pair<std::string, std::string>>& fields) {
  if (fields.empty()) {
    return "{}";
  }
  std::string out = "{ ";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& [key, value] = fields[i];
    out += (i ? ", " : "") + (is_identifier(key) ? key : quote(key)) + " = " + value;
  }
  return out + " }";
}

std::string memory_mib(std::int64_t mib) {
  return mib % 1024 == 0 && mib > 0 ? fmt::format("{}GiB", mib / 1024) : fmt::format("{}MiB", mib);
}

std::string duration_ms(std::int64_t ms) {
  return ms % 1000 == 0 ? fmt::format("{}s", ms / 1000) : fmt::format("{}ms", ms);
}

std::string excerpt(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  std::erase_if(text, [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (text.size() > 100) {
    std::size_t cut = 97;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) {
      --cut; // not inside a UTF-8 sequence
    }
    text = text.substr(0, cut) + "...";
  }
  return text;
}

bool Block::has(std::string_view attr) const {
  return std::any_of(attrs.begin(), attrs.end(), [&](const auto& a) { return a.first == attr; });
}

void not_carried(Diagnostics& diags, Range where, std::vector<std::string>& todos,
                 const std::string& what, const std::string& why) {
  // Whole, on one line: `write_block` wraps it. `what` quotes the source, already cut short.
  std::string todo = fmt::format("TODO: {} is not carried over: {}", what, why);
  std::replace(todo.begin(), todo.end(), '\n', ' ');
  std::erase_if(todo, [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  todos.push_back(std::move(todo));
  diags.report(Diag::ImportNotCarried, where, what, why);
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::vector<std::string> lines;
  std::string line;
  while (!text.empty()) {
    std::size_t space = text.find(' ');
    std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    bool fresh = line.empty() || line == indent;
    if (!fresh && line.size() + 1 + word.size() > width) {
      lines.push_back(std::move(line));
      line = indent;
    } else if (!fresh) {
      line += ' ';
    }
    line += word;
  }
  if (!line.empty() && line != indent) {
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string health_check_value(Diagnostics& diags, Range where, const std::string& key,
                               const std::string& written, std::int64_t value) {
  // What ECS accepts (docs/language.md, `health_check`).
  auto [low, high] = key == "interval"  ? std::pair<std::int64_t, std::int64_t>{5000, 300000}
                     : key == "timeout" ? std::pair<std::int64_t, std::int64_t>{2000, 120000}
                     : key == "retries" ? std::pair<std::int64_t, std::int64_t>{1, 10}
                                        : std::pair<std::int64_t, std::int64_t>{0, 300000};
  auto text = [&](std::int64_t v) { return key == "retries" ? std::to_string(v) : duration_ms(v); };
  std::int64_t kept = std::clamp(value, low, high);
  if (kept != value) {
    diags.report(Diag::ImportChanged, where, fmt::format("{}: {}", key, written),
                 fmt::format("{} = {}", key, text(kept)),
                 fmt::format("an ECS health check's `{}` is {} to {}", key, text(low), text(high)));
  }
  return text(kept);
}

std::pair<std::int64_t, std::int64_t> fargate_size(std::int64_t cpu, std::int64_t mib) {
  for (const check::FargateCpu& row : check::fargate_cpus()) {
    if (row.cpu < cpu) {
      continue;
    }
    for (std::int64_t m : check::nearest_fargate_memory(row.cpu, std::max<std::int64_t>(mib, 1))) {
      if (m >= mib) {
        return {row.cpu, m};
      }
    }
    if (check::is_valid_fargate_size(row.cpu, mib)) {
      return {row.cpu, mib};
    }
  }
  return {cpu, mib}; // beyond Fargate: the check says so
}

namespace {

// TODO comments are wrapped to this many characters after `// `: a container's fit in 100
// columns (STYLE.md's line length) at its indentation of 4.
constexpr std::size_t kCommentWidth = 90;

} // namespace

void write_block(const Block& b, std::string& out) {
  for (const auto& c : b.comments) {
    for (const auto& line : wrap(c, kCommentWidth, "")) {
      out += "// " + line + "\n";
    }
  }
  out += b.kind + (b.name.empty() ? "" : " " + b.name) + " {\n";
  for (const auto& [name, value] : b.attrs) {
    out += name + " = " + value + "\n";
  }
  for (const auto& t : b.todos) {
    for (const auto& line : wrap(t, kCommentWidth)) {
      out += "// " + line + "\n";
    }
  }
  for (const auto& child : b.children) {
    write_block(child, out);
  }
  out += "}\n";
}

std::string log_group_block(Program& p, const std::string& name) {
  for (const Block& g : p.log_groups) {
    if (g.attrs.front().second == quote(name)) {
      return g.name;
    }
  }
  const std::string base = identifier(name.starts_with("/") ? name.substr(1) : name);
  std::string block = base;
  auto taken = [&](const std::string& n) {
    return std::any_of(p.log_groups.begin(), p.log_groups.end(),
                       [&](const Block& g) { return g.name == n; });
  };
  for (int n = 2; taken(block); ++n) {
    block = base + "_" + std::to_string(n);
  }
  Block g{"log_group", block, {}, {}, {}, {}};
  g.set("name", quote(name));
  p.log_groups.push_back(std::move(g));
  return block;
}

// The network of a source that describes none: two public subnets in two zones, routed to an
// internet gateway, and one security group for every task.
Block minimal_vpc(const Program& p) {
  Block vpc{"vpc", kVpc, {}, {}, {}, {}};
  vpc.set("cidr", quote("10.0.0.0/16"));
  for (int i = 0; i < 2; ++i) {
    Block subnet{"subnet", i == 0 ? "public_a" : "public_b", {}, {}, {}, {}};
    subnet.set("cidr", fmt::format("cidrsubnet({}.cidr, 8, {})", kVpc, i));
    subnet.set("zone", quote(p.region + (i == 0 ? "a" : "b")));
    subnet.set("public", "true");
    vpc.children.push_back(std::move(subnet));
  }
  vpc.children.push_back({"internet_gateway", "igw", {}, {}, {}, {}});
  Block routes{"route_table", "public", {}, {}, {}, {}};
  routes.set("subnets", "[public_a, public_b]");
  Block route{"route", "", {}, {}, {}, {}};
  route.set("destination", quote("0.0.0.0/0"));
  route.set("target", "igw");
  routes.children.push_back(std::move(route));
  vpc.children.push_back(std::move(routes));
  Block group{"security_group", kSecurityGroup, {}, {}, {}, {}};
  group.set("description", quote("Imported tasks"));
  std::vector<Ingress> ingress = p.ingress;
  std::sort(ingress.begin(), ingress.end());
  ingress.erase(std::unique(ingress.begin(), ingress.end()), ingress.end());
  for (const Ingress& in : ingress) {
    Block rule{"ingress", "", {}, {}, {}, {}};
    if (in.protocol != "tcp") {
      rule.set("protocol", in.protocol);
    }
    rule.set("port", std::to_string(in.port));
    rule.set("from", in.world ? quote("0.0.0.0/0") : std::string(kSecurityGroup));
    group.children.push_back(std::move(rule));
  }
  vpc.children.push_back(std::move(group));
  return vpc;
}

void write_program(const Program& p, std::string& out) {
  std::string text;
  for (const auto& h : p.header) {
    for (const auto& line : wrap(h, kCommentWidth, "")) {
      text += "// " + line + "\n";
    }
  }
  if (!p.vpc) {
    text += "//\n// A program needs a stack, a network and a cluster, which the source does not "
            "describe:\n// `eclc import` added a minimal one (a VPC of two public subnets in two "
            "zones, one security\n// group for the tasks, a Fargate cluster). Change them to "
            "fit.\n";
  }
  for (const auto& t : p.todos) {
    for (const auto& line : wrap(t, kCommentWidth)) {
      text += "// " + line + "\n";
    }
  }
  text += "\n";

  Block stack{"stack", p.stack, {}, {}, {}, {}};
  stack.set("region", quote(p.region));
  write_block(stack, text);
  text += "\n";
  for (const auto& [name, value] : p.lets) {
    text += "let " + name + " = " + value + "\n";
  }
  if (!p.lets.empty()) {
    text += "\n";
  }
  if (p.vpc) {
    write_block(*p.vpc, text);
  } else {
    write_block(minimal_vpc(p), text);
  }

  for (const Block& declared : p.log_groups) {
    text += "\n";
    write_block(declared, text);
  }
  for (const Block& ns : p.namespaces) {
    text += "\n";
    write_block(ns, text);
  }
  for (const Block& role : p.roles) {
    text += "\n";
    write_block(role, text);
  }
  for (const Block& task : p.tasks) {
    text += "\n";
    write_block(task, text);
  }

  text += "\n";
  Block cluster{"cluster", p.stack, {}, {}, {}, {}};
  cluster.attrs = p.cluster_attrs;
  for (Block service : p.services) {
    if (service.has("subnets")) {
      cluster.children.push_back(std::move(service));
      continue;
    }
    service.set("subnets", fmt::format("[{0}.public_a, {0}.public_b]", kVpc));
    service.set("security_groups", fmt::format("[{}.{}]", kVpc, kSecurityGroup));
    service.set("public_ip", "true");
    cluster.children.push_back(std::move(service));
  }
  write_block(cluster, text);

  SourceManager generated;
  FileId id = generated.add("<imported>", std::move(text));
  // The formatter's diagnostics are about the generated text, a file of its own: said here, not
  // rendered against the source's files.
  Diagnostics generated_diags;
  if (!format::format_file(generated, id, generated_diags, out)) {
    std::string first = generated_diags.items().empty() ? std::string("no diagnostic")
                                                        : generated_diags.items().front().message;
    throw std::runtime_error(fmt::format(
        "the imported program does not parse ({}); this is a bug in eclc import", first));
  }
}

} // namespace ecl::import
