// The CIDR value type: parsing, containment, overlap, cidrsubnet and cidrhost arithmetic.
#include "compiler/model/cidr.h"
#include "tests/unit/check_fixture.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <set>
#include <vector>

namespace ecl {
namespace {

TEST(Cidr, ParsesAndPrints) {
  auto c = Cidr::parse("10.0.0.0/16");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->prefix(), 16);
  EXPECT_EQ(c->str(), "10.0.0.0/16");
  EXPECT_EQ(c->size(), 65536u);
  EXPECT_EQ(Cidr::parse("0.0.0.0/0")->str(), "0.0.0.0/0");
  EXPECT_EQ(Cidr::parse("192.168.1.7/32")->str(), "192.168.1.7/32");
}

TEST(Cidr, RejectsMalformedText) {
  std::string error;
  for (const char* bad :
       {"10.0.0/16", "10.0.0.0", "10.0.0.256/16", "10.0.0.0/33", "10.0.0.0/", "a.b.c.d/8",
        "10.0.0.0/16 ", " 10.0.0.0/16", "010.0.0.0/8", "10..0.0/8", "", "10.0.0.0/1a",
        "10.00.0.0/16", "10.0.0.0/08", "10.0.0.0/+8", "+10.0.0.0/8"}) {
    EXPECT_FALSE(Cidr::parse(bad, &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

// The checker keeps a CIDR as written once it parses: only the canonical text does.
TEST(Cidr, ParsesOnlyItsOwnText) {
  for (std::uint32_t address : {0u, 0x0a000000u, 0xc0a80107u, 0xffffffffu, 0x64400a0bu}) {
    for (int prefix = 0; prefix <= 32; ++prefix) {
      const Cidr cidr(address & Cidr(0, prefix).mask(), prefix);
      const std::string text = cidr.str();
      auto parsed = Cidr::parse(text);
      ASSERT_TRUE(parsed) << text;
      EXPECT_EQ(*parsed, cidr) << text;
      EXPECT_EQ(parsed->str(), text);
    }
  }
  EXPECT_EQ(Cidr::address_str(0xc0a8010au), "192.168.1.10");
}

TEST(Cidr, RejectsHostBitsWithASuggestion) {
  std::string error;
  EXPECT_FALSE(Cidr::parse("10.0.1.0/16", &error));
  EXPECT_EQ(error, "host bits are set; did you mean `10.0.0.0/16`?");
}

TEST(Cidr, ContainsAndOverlaps) {
  Cidr vpc = *Cidr::parse("10.0.0.0/16");
  Cidr a = *Cidr::parse("10.0.1.0/24");
  Cidr b = *Cidr::parse("10.0.1.128/25");
  Cidr outside = *Cidr::parse("10.1.0.0/24");
  EXPECT_TRUE(vpc.contains(a));
  EXPECT_TRUE(vpc.contains(vpc));
  EXPECT_FALSE(a.contains(vpc));
  EXPECT_FALSE(vpc.contains(outside));
  EXPECT_TRUE(a.overlaps(b));
  EXPECT_TRUE(b.overlaps(a));
  EXPECT_FALSE(a.overlaps(*Cidr::parse("10.0.2.0/24")));
  EXPECT_TRUE(Cidr::parse("0.0.0.0/0")->contains(outside));
}

TEST(Cidr, Subnet) {
  Cidr vpc = *Cidr::parse("10.0.0.0/16");
  EXPECT_EQ(vpc.subnet(8, 0)->str(), "10.0.0.0/24");
  EXPECT_EQ(vpc.subnet(8, 2)->str(), "10.0.2.0/24");
  EXPECT_EQ(vpc.subnet(8, 255)->str(), "10.0.255.0/24");
  EXPECT_EQ(vpc.subnet(4, 15)->str(), "10.0.240.0/20");
  EXPECT_EQ(vpc.subnet(0, 0)->str(), "10.0.0.0/16");
  std::string error;
  EXPECT_FALSE(vpc.subnet(8, 256, &error));
  EXPECT_EQ(error, "netnum 256 is out of range: /16 has 256 subnets of /24 (0 to 255)");
  EXPECT_FALSE(vpc.subnet(17, 0, &error));
  EXPECT_FALSE(vpc.subnet(8, -1, &error));
  EXPECT_FALSE(vpc.subnet(0, 1, &error));
  EXPECT_EQ(error, "netnum 1 is out of range: /16 has 1 subnet of /16 (0 to 0)");
}

TEST(Cidr, Host) {
  Cidr c = *Cidr::parse("10.0.1.0/24");
  EXPECT_EQ(Cidr::address_str(*c.host(5)), "10.0.1.5");
  EXPECT_EQ(Cidr::address_str(*c.host(-1)), "10.0.1.255");
  EXPECT_EQ(Cidr::address_str(*c.host(0)), "10.0.1.0");
  EXPECT_FALSE(c.host(256));
  EXPECT_FALSE(c.host(-257));
}

// The subnet-overlap rule (E3003) compares subnets through an index, not pairwise. Among many
// subnets of mixed sizes — disjoint ones, equal ones, blocks inside earlier and later ones — it
// must report exactly the pairs a pairwise comparison finds, each once, at the later subnet.
TEST(Cidr, OverlappingSubnetsAmongManyAreAllReported) {
  std::vector<Cidr> cidrs;
  std::uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
  };
  const std::uint32_t base = 10u << 24; // 10.0.0.0/16 holds every subnet
  for (int i = 0; i < 400; ++i) {
    // Mostly /24s and /28s spread over the VPC, with some /20s and /22s that cover them.
    static const int kPrefixes[] = {24, 24, 24, 28, 28, 28, 28, 20, 22, 26};
    int prefix = kPrefixes[next() % 10];
    std::uint32_t offset = (next() % 65536u) & Cidr(0, prefix).mask();
    cidrs.emplace_back(base | offset, prefix);
  }
  cidrs.push_back(cidrs[7]); // an exact duplicate

  std::string program = "vpc main {\n  cidr = \"10.0.0.0/16\"\n";
  for (std::size_t i = 0; i < cidrs.size(); ++i) {
    program += fmt::format("  subnet s{} {{\n    cidr = \"{}\"\n    zone = \"us-east-1a\"\n  }}\n",
                           i, cidrs[i].str());
  }
  program += "}\n";
  auto c = test::check_text(program);

  std::multiset<std::string> expected;
  for (std::size_t i = 0; i < cidrs.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (cidrs[i].overlaps(cidrs[j])) {
        expected.insert(fmt::format("subnet `s{}` ({}) overlaps subnet `s{}` ({})", i,
                                    cidrs[i].str(), j, cidrs[j].str()));
      }
    }
  }
  std::multiset<std::string> reported;
  for (const auto& d : c.compilation.diags.items()) {
    if (d.kind == Diag::SubnetOverlap) {
      reported.insert(d.message);
    }
  }
  EXPECT_GT(expected.size(), 50u); // the case is not vacuous
  EXPECT_EQ(reported, expected);
}

} // namespace
} // namespace ecl
