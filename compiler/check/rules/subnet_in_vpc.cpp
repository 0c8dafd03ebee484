// A subnet's CIDR block lies inside its VPC's CIDR block, and the subnets of one VPC do not
// overlap.
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <unordered_map>
#include <utility>

namespace ecl::check {
namespace subnet_in_vpc_rule {
namespace {

// For each subnet, the earlier subnets (indices into `cidrs`) its block overlaps, in order. Two
// CIDR blocks overlap exactly when one contains the other, so instead of comparing every pair
// (quadratic in a VPC of thousands of subnets) each subnet looks up its at most 33 enclosing
// prefixes in a hash map, and finds the blocks inside it as a range of the blocks sorted by
// address. A block lies inside at most 32 larger ones, so the range walks add up to 32 n.
std::vector<std::vector<std::size_t>> earlier_overlaps(const std::vector<Cidr>& cidrs) {
  auto key = [](std::uint32_t network, int prefix) {
    return (std::uint64_t{network} << 6) | static_cast<std::uint64_t>(prefix);
  };
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_block;
  for (std::size_t i = 0; i < cidrs.size(); ++i) {
    by_block[key(cidrs[i].network(), cidrs[i].prefix())].push_back(i);
  }
  std::vector<std::size_t> by_address(cidrs.size());
  for (std::size_t i = 0; i < cidrs.size(); ++i) {
    by_address[i] = i;
  }
  std::sort(by_address.begin(), by_address.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(cidrs[a].network(), cidrs[a].prefix()) <
           std::pair(cidrs[b].network(), cidrs[b].prefix());
  });
  std::vector<std::vector<std::size_t>> out(cidrs.size());
  for (std::size_t i = 0; i < cidrs.size(); ++i) {
    const Cidr& cidr = cidrs[i];
    std::vector<std::size_t>& found = out[i];
    // Blocks containing this one, itself and equal ones included.
    for (int prefix = 0; prefix <= cidr.prefix(); ++prefix) {
      const Cidr outer(cidr.network() & Cidr(0, prefix).mask(), prefix);
      auto it = by_block.find(key(outer.network(), outer.prefix()));
      if (it == by_block.end()) {
        continue;
      }
      for (std::size_t j : it->second) {
        if (j < i) {
          found.push_back(j);
        }
      }
    }
    // Blocks strictly inside this one: addresses from its first to its last, longer prefixes.
    auto first = std::lower_bound(
        by_address.begin(), by_address.end(), cidr.network(),
        [&](std::size_t a, std::uint32_t address) { return cidrs[a].network() < address; });
    for (auto it = first; it != by_address.end() && cidrs[*it].network() <= cidr.last(); ++it) {
      if (*it < i && cidrs[*it].prefix() > cidr.prefix()) {
        found.push_back(*it);
      }
    }
    std::sort(found.begin(), found.end());
  }
  return out;
}

void run(RuleContext& c) {
  for (const model::Block* vpc : c.program.of_kind("vpc")) {
    auto vpc_cidr = cidr_of(*vpc, "cidr");
    std::vector<const model::Block*> subnets;
    std::vector<Cidr> cidrs;
    for (const model::Block* subnet : vpc->each_child("subnet")) {
      if (auto cidr = cidr_of(*subnet, "cidr")) {
        subnets.push_back(subnet);
        cidrs.push_back(*cidr);
      }
    }
    const auto overlaps = earlier_overlaps(cidrs);
    for (std::size_t i = 0; i < subnets.size(); ++i) {
      const model::Block* subnet = subnets[i];
      const Cidr& cidr = cidrs[i];
      Range at = attribute_range(*subnet, "cidr");
      if (vpc_cidr && !vpc_cidr->contains(cidr)) {
        c.diags
            .report(Diag::SubnetOutsideVpc, at, subnet->name, cidr.str(), vpc->name,
                    vpc_cidr->str())
            .note(vpc->header_range, fmt::format("vpc `{}` is declared here", vpc->name));
      }
      for (std::size_t j : overlaps[i]) {
        const model::Block* other = subnets[j];
        const Cidr& other_cidr = cidrs[j];
        c.diags
            .report(Diag::SubnetOverlap, at, subnet->name, cidr.str(), other->name,
                    other_cidr.str())
            .note(attribute_range(*other, "cidr"),
                  fmt::format("subnet `{}` takes {} here", other->name, other_cidr.str()));
      }
    }
  }
}

} // namespace
} // namespace subnet_in_vpc_rule

extern const Rule kSubnetInVpcRule;
const Rule kSubnetInVpcRule{
    "subnet-in-vpc",
    "A subnet's CIDR block lies inside its VPC's, and sibling subnets do not overlap",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html",
    {Diag::SubnetOutsideVpc, Diag::SubnetOverlap},
    subnet_in_vpc_rule::run};

} // namespace ecl::check
