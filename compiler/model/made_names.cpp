#include "compiler/model/made_names.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fmt/format.h>

namespace ecl::model {
namespace {

// FNV-1a: a short, stable hash for names that must be shortened.
std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (char c : text) {
    h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  return h;
}

} // namespace

std::string made_name(const Program& program, const Block& block, std::string_view role,
                      std::size_t max) {
  std::string name = program.stack ? program.stack->name + "-" : "";
  for (char c : block.path) {
    name += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '-';
  }
  if (!role.empty()) {
    name += "-" + std::string(role);
  }
  if (name.size() > max) {
    // Names are unique because paths are: keep that when shortening.
    std::string hash = fmt::format("-{:08x}", fnv1a(name));
    name = name.substr(0, max - hash.size()) + hash;
  }
  return name;
}

std::string made_elb_name(const Program& program, const Block& block, bool load_balancer) {
  constexpr std::size_t kMax = 32;
  // Letters, digits and `-` only: the stack's name as well as the path (a stack `my_shop`).
  std::string name;
  for (char c : (program.stack ? program.stack->name + "-" : "") + block.path) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  }
  // `-` stands for both `.` and `_`: only a path without `_` maps to a name no other path has.
  bool hashed = block.path.find('_') != std::string::npos;
  while (!name.empty() && name.front() == '-') {
    name.erase(0, 1);
  }
  while (!name.empty() && name.back() == '-') {
    name.pop_back();
  }
  constexpr std::string_view kInternal = "internal-"; // what AWS names internal balancers' DNS
  if (load_balancer && name.size() >= kInternal.size() &&
      std::equal(kInternal.begin(), kInternal.end(), name.begin(),
                 [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
    name.erase(kInternal.size() - 1, 1); // `internalmain-edge-…`
    hashed = true;
  }
  const std::string hash = fmt::format("-{:08x}", fnv1a(block.path));
  if (hashed || name.size() > kMax) {
    name = name.substr(0, std::min(name.size(), kMax - hash.size()));
    while (!name.empty() && name.back() == '-') {
      name.pop_back();
    }
    name += hash;
  }
  return name;
}

std::string made_name_of(const Program& program, const Block& block) {
  if (block.kind_name == "security_group") {
    return made_name(program, block, "", 255);
  }
  if (block.kind_name == "load_balancer" || block.kind_name == "target_group") {
    return made_elb_name(program, block, block.kind_name == "load_balancer");
  }
  if (block.kind_name == "role") {
    return made_name(program, block, "", 64);
  }
  return "";
}

std::string made_role_name(const Program& program, const Block& owner) {
  std::string_view role = owner.kind_name == "task"  ? "execution"
                          : owner.kind_name == "job" ? "scheduler"
                                                     : "instance";
  return made_name(program, owner, role, 64);
}

} // namespace ecl::model
