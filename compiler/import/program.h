// The importers' common output: the tasks and services of the source as ECL blocks (attributes as
// ECL expression text), and what the generated network must let in. `write_program` adds the
// stack, the VPC and the cluster a complete program needs, and formats the whole.
#pragma once

#include "compiler/diagnostics/diagnostic.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace ecl::import {

// ECL spellings of values.
std::string quote(std::string_view text); // a string literal, escaped ("a\"b", "\${x}")
bool is_identifier(std::string_view text);
// `text` as an identifier: other characters become `_`, a leading digit gets a `_`, a reserved
// word gets a trailing `_`; "" becomes "unnamed".
std::string identifier(std::string_view text);
std::string list(const std::vector<std::string>& items);
// An object or map literal: `{ key = value, … }`; keys that are not identifiers are quoted.
std::string object(const std::vector<std::pair<std::string, std::string>>& fields);
std::string memory_mib(std::int64_t mib); // "512MiB", "2GiB"
std::string duration_ms(std::int64_t ms); // "30s", "1500ms"
// A value of the source for a TODO comment: one line, at most 100 characters.
std::string excerpt(std::string text);

// A block of the program: `kind name { attrs; todos; children }` with comment lines above it.
struct Block {
  std::string kind;
  std::string name; // "" for unnamed blocks (health_check, log)
  std::vector<std::string> comments;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<std::string> todos; // comment lines inside the body, after the attributes
  std::vector<Block> children;

  void set(std::string attr, std::string value) {
    attrs.emplace_back(std::move(attr), std::move(value));
  }
  // Sets `attr`, replacing what was set before (an override of an earlier setting).
  void put(std::string attr, std::string value) {
    std::erase_if(attrs, [&](const auto& a) { return a.first == attr; });
    set(std::move(attr), std::move(value));
  }
  bool has(std::string_view attr) const;
};

// A port the generated security group opens: to the world (a published compose port) or to the
// group itself (a port other tasks reach).
struct Ingress {
  std::int64_t port = 0;
  std::string protocol = "tcp";
  bool world = false;
  friend bool operator<(const Ingress& a, const Ingress& b) {
    return std::tie(a.port, a.protocol, a.world) < std::tie(b.port, b.protocol, b.world);
  }
  friend bool operator==(const Ingress&, const Ingress&) = default;
};

struct Program {
  std::vector<std::string> header; // comment lines at the top: where the program comes from
  std::string stack = "imported";
  std::string region = "us-east-1";
  std::vector<std::string> todos; // TODOs of the whole source (top-level networks, secrets)
  std::vector<Ingress> ingress;
  std::vector<Block> log_groups; // awslogs groups the source names: the program creates them
  std::vector<Block> namespaces; // Cloud Map namespaces of the services' Service Connect
  std::vector<Block> roles;
  std::vector<Block> tasks;
  std::vector<Block> services; // inside the cluster; refs to the network are filled in here
                               // unless a service names its `subnets`
  // A source that describes its network (a Copilot environment) gives the VPC; the others get the
  // minimal one `write_program` makes.
  std::optional<Block> vpc;
  std::vector<std::pair<std::string, std::string>> lets; // `let NAME = EXPR`, after the stack
  std::vector<std::pair<std::string, std::string>> cluster_attrs;
};

// Names of the generated blocks, for the importers' references.
inline constexpr const char* kVpc = "main";
inline constexpr const char* kSecurityGroup = "tasks";

// The `log_group` block of the CloudWatch Logs group `name` (added to `p` the first time): what a
// container's awslogs `group` names, so that the program creates the group it logs to.
std::string log_group_block(Program& p, const std::string& name);

// Appends a TODO saying so to `todos` and reports W0017 at `where`: the one way a setting is
// left out. The TODO is one line here; `write_program` wraps it.
void not_carried(Diagnostics& diags, Range where, std::vector<std::string>& todos,
                 const std::string& what, const std::string& why);

// `text` in lines of at most `width` characters where its words allow; continuations start with
// `indent` (a TODO's are indented under its `TODO:`).
std::vector<std::string> wrap(std::string_view text, std::size_t width,
                              std::string_view indent = "  ");

// A container health check's `key` (interval, timeout, start_period: `value` in milliseconds;
// retries) as ECL text: the nearest value ECS accepts, with W0018 at `where` when that is not
// `value` (`written` as the source has it).
std::string health_check_value(Diagnostics& diags, Range where, const std::string& key,
                               const std::string& written, std::int64_t value);

// The smallest Fargate size holding `cpu` units and `mib` MiB: {cpu, memory}.
std::pair<std::int64_t, std::int64_t> fargate_size(std::int64_t cpu, std::int64_t mib);

// A block as ECL text (unformatted: `write_program` and `eclc import aws` format the whole),
// its comments above it and its TODOs, wrapped, after its attributes.
void write_block(const Block& b, std::string& out);

// The program as formatted ECL. Throws std::runtime_error when the formatter refuses it, which
// is a bug of the importer (the caller reports it at the source).
void write_program(const Program& program, std::string& out);

} // namespace ecl::import
