#include "compiler/check/fargate_sizes.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace ecl::check {
namespace {

constexpr std::int64_t kGiB = 1024; // MiB

// 0.25 vCPU takes three memory sizes that are no arithmetic series.
constexpr std::array<std::int64_t, 3> kQuarterVcpuMemory{512, 1024, 2048};

// The table of the AWS page cited in the header, one row per CPU value.
const std::array<FargateCpu, 7> kFargateCpus{{
    {256, 512, 2 * kGiB, 0, kQuarterVcpuMemory},
    {512, 1 * kGiB, 4 * kGiB, 1 * kGiB, {}},
    {1024, 2 * kGiB, 8 * kGiB, 1 * kGiB, {}},
    {2048, 4 * kGiB, 16 * kGiB, 1 * kGiB, {}},
    {4096, 8 * kGiB, 30 * kGiB, 1 * kGiB, {}},
    {8192, 16 * kGiB, 60 * kGiB, 4 * kGiB, {}},
    {16384, 32 * kGiB, 120 * kGiB, 8 * kGiB, {}},
}};

// "a, b or c".
template <typename Range, typename Format>
std::string join_or(const Range& items, Format format) {
  std::string out;
  std::size_t n = std::size(items);
  std::size_t i = 0;
  for (const auto& item : items) {
    if (i > 0) {
      out += i + 1 == n ? " or " : ", ";
    }
    out += format(item);
    ++i;
  }
  return out;
}

} // namespace

std::span<const FargateCpu> fargate_cpus() {
  return kFargateCpus;
}

std::optional<FargateCpu> fargate_cpu(std::int64_t cpu) {
  for (const FargateCpu& row : kFargateCpus) {
    if (row.cpu == cpu) {
      return row;
    }
  }
  return std::nullopt;
}

bool is_valid_fargate_size(std::int64_t cpu, std::int64_t mib) {
  auto row = fargate_cpu(cpu);
  if (!row) {
    return false;
  }
  if (!row->listed.empty()) {
    for (std::int64_t v : row->listed) {
      if (v == mib) {
        return true;
      }
    }
    return false;
  }
  return mib >= row->min_mib && mib <= row->max_mib && (mib - row->min_mib) % row->step_mib == 0;
}

std::string describe_fargate_memory(std::int64_t cpu) {
  auto row = fargate_cpu(cpu);
  if (!row) {
    return "";
  }
  if (!row->listed.empty()) {
    return join_or(row->listed, [](std::int64_t v) { return fmt::to_string(v); }) + " MiB";
  }
  return fmt::format("{} GiB to {} GiB in {} GiB steps", row->min_mib / kGiB, row->max_mib / kGiB,
                     row->step_mib / kGiB);
}

std::vector<std::int64_t> nearest_fargate_memory(std::int64_t cpu, std::int64_t mib) {
  auto row = fargate_cpu(cpu);
  if (!row) {
    return {};
  }
  std::vector<std::int64_t> values(row->listed.begin(), row->listed.end());
  for (std::int64_t v = row->min_mib; row->listed.empty() && v <= row->max_mib;
       v += row->step_mib) {
    values.push_back(v);
  }
  std::vector<std::int64_t> out;
  auto above = std::upper_bound(values.begin(), values.end(), mib);
  if (above != values.begin()) {
    out.push_back(*(above - 1));
  }
  if (above != values.end()) {
    out.push_back(*above);
  }
  return out;
}

std::string describe_fargate_cpus() {
  return join_or(kFargateCpus, [](const FargateCpu& row) { return fmt::to_string(row.cpu); });
}

} // namespace ecl::check
