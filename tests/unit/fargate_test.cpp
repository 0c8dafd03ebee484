// The Fargate CPU/memory table: each CPU row's edges are accepted and their neighbours rejected.
#include "compiler/check/fargate_sizes.h"

#include <gtest/gtest.h>

namespace ecl::check {
namespace {

constexpr std::int64_t kGiB = 1024;

TEST(FargateSizes, QuarterVcpuTakesThreeSizes) {
  EXPECT_TRUE(is_valid_fargate_size(256, 512));
  EXPECT_TRUE(is_valid_fargate_size(256, 1024));
  EXPECT_TRUE(is_valid_fargate_size(256, 2048));
  EXPECT_FALSE(is_valid_fargate_size(256, 256));
  EXPECT_FALSE(is_valid_fargate_size(256, 1536)); // between the listed sizes
  EXPECT_FALSE(is_valid_fargate_size(256, 3072));
  EXPECT_FALSE(is_valid_fargate_size(256, 4096));
}

TEST(FargateSizes, HalfVcpu) {
  EXPECT_TRUE(is_valid_fargate_size(512, 1 * kGiB));
  EXPECT_TRUE(is_valid_fargate_size(512, 3 * kGiB));
  EXPECT_TRUE(is_valid_fargate_size(512, 4 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(512, 512));
  EXPECT_FALSE(is_valid_fargate_size(512, 5 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(512, 1536)); // not a whole GiB
}

TEST(FargateSizes, OneVcpu) {
  EXPECT_TRUE(is_valid_fargate_size(1024, 2 * kGiB));
  EXPECT_TRUE(is_valid_fargate_size(1024, 8 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(1024, 1 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(1024, 9 * kGiB));
}

TEST(FargateSizes, TwoVcpu) {
  EXPECT_TRUE(is_valid_fargate_size(2048, 4 * kGiB));
  EXPECT_TRUE(is_valid_fargate_size(2048, 16 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(2048, 3 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(2048, 17 * kGiB));
}

TEST(FargateSizes, FourVcpu) {
  EXPECT_TRUE(is_valid_fargate_size(4096, 8 * kGiB));
  EXPECT_TRUE(is_valid_fargate_size(4096, 30720));
  EXPECT_FALSE(is_valid_fargate_size(4096, 7 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(4096, 31744));
}

TEST(FargateSizes, EightVcpuInFourGibSteps) {
  EXPECT_TRUE(is_valid_fargate_size(8192, 16 * kGiB));
  EXPECT_TRUE(is_valid_fargate_size(8192, 20480));
  EXPECT_TRUE(is_valid_fargate_size(8192, 60 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(8192, 18432)); // 18 GiB: not a 4 GiB step
  EXPECT_FALSE(is_valid_fargate_size(8192, 12 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(8192, 64 * kGiB));
}

TEST(FargateSizes, SixteenVcpuInEightGibSteps) {
  EXPECT_TRUE(is_valid_fargate_size(16384, 32 * kGiB));
  EXPECT_TRUE(is_valid_fargate_size(16384, 40960));
  EXPECT_TRUE(is_valid_fargate_size(16384, 120 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(16384, 36864)); // 36 GiB: not an 8 GiB step
  EXPECT_FALSE(is_valid_fargate_size(16384, 24 * kGiB));
  EXPECT_FALSE(is_valid_fargate_size(16384, 128 * kGiB));
}

TEST(FargateSizes, UnknownCpu) {
  EXPECT_FALSE(is_valid_fargate_size(384, 1024));
  EXPECT_FALSE(is_valid_fargate_size(128, 512));
  EXPECT_FALSE(is_valid_fargate_size(32768, 64 * kGiB));
  EXPECT_FALSE(fargate_cpu(384).has_value());
  EXPECT_EQ(describe_fargate_memory(384), "");
}

TEST(FargateSizes, Descriptions) {
  EXPECT_EQ(describe_fargate_memory(256), "512, 1024 or 2048 MiB");
  EXPECT_EQ(describe_fargate_memory(512), "1 GiB to 4 GiB in 1 GiB steps");
  EXPECT_EQ(describe_fargate_memory(4096), "8 GiB to 30 GiB in 1 GiB steps");
  EXPECT_EQ(describe_fargate_memory(8192), "16 GiB to 60 GiB in 4 GiB steps");
  EXPECT_EQ(describe_fargate_memory(16384), "32 GiB to 120 GiB in 8 GiB steps");
  EXPECT_EQ(describe_fargate_cpus(), "256, 512, 1024, 2048, 4096, 8192 or 16384");
}

TEST(FargateSizes, TableIsAscendingAndConsistent) {
  std::int64_t previous = 0;
  for (const FargateCpu& row : fargate_cpus()) {
    EXPECT_GT(row.cpu, previous);
    previous = row.cpu;
    if (row.listed.empty()) {
      EXPECT_GT(row.step_mib, 0);
      EXPECT_EQ((row.max_mib - row.min_mib) % row.step_mib, 0) << row.cpu;
      EXPECT_TRUE(is_valid_fargate_size(row.cpu, row.min_mib));
      EXPECT_TRUE(is_valid_fargate_size(row.cpu, row.max_mib));
      EXPECT_FALSE(is_valid_fargate_size(row.cpu, row.min_mib - row.step_mib));
      EXPECT_FALSE(is_valid_fargate_size(row.cpu, row.max_mib + row.step_mib));
    }
  }
}

} // namespace
} // namespace ecl::check
