// The CIDR value type: parsing, containment, overlap, cidrsubnet and cidrhost arithmetic.
#include "compiler/model/cidr.h"

#include <gtest/gtest.h>

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
        "10.0.0.0/16 ", " 10.0.0.0/16", "010.0.0.0/8", "10..0.0/8", "", "10.0.0.0/1a"}) {
    EXPECT_FALSE(Cidr::parse(bad, &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
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
}

TEST(Cidr, Host) {
  Cidr c = *Cidr::parse("10.0.1.0/24");
  EXPECT_EQ(Cidr::address_str(*c.host(5)), "10.0.1.5");
  EXPECT_EQ(Cidr::address_str(*c.host(-1)), "10.0.1.255");
  EXPECT_EQ(Cidr::address_str(*c.host(0)), "10.0.1.0");
  EXPECT_FALSE(c.host(256));
  EXPECT_FALSE(c.host(-257));
}

} // namespace
} // namespace ecl
