// The Fargate task sizes as data: which task-level memory values go with each task-level CPU value.
// Source: https://docs.aws.amazon.com/AmazonECS/latest/userguide/task-cpu-memory-error.html
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ecl::check {

// One CPU value of the table and the memory values (MiB) it accepts: either the explicit `listed`
// values, or every value from `min_mib` to `max_mib` in steps of `step_mib`.
struct FargateCpu {
  std::int64_t cpu = 0; // CPU units (1 vCPU = 1024)
  std::int64_t min_mib = 0;
  std::int64_t max_mib = 0;
  std::int64_t step_mib = 0;
  std::span<const std::int64_t> listed; // non-empty: exactly these values
};

// Every Fargate CPU value, ascending.
std::span<const FargateCpu> fargate_cpus();
// The row for a CPU value, or nullopt when Fargate has no such CPU value.
std::optional<FargateCpu> fargate_cpu(std::int64_t cpu);
// Whether Fargate runs a task with this task-level CPU (units) and memory (MiB).
bool is_valid_fargate_size(std::int64_t cpu, std::int64_t mib);
// The memory values that go with a Fargate CPU value, for messages: "512, 1024 or 2048 MiB",
// "1 GiB to 4 GiB in 1 GiB steps"; "" for a CPU value Fargate does not have.
std::string describe_fargate_memory(std::int64_t cpu);
// The valid memory values (MiB) for a Fargate CPU value nearest to `mib`: the largest below and the
// smallest above (one when `mib` is beyond the row's ends; none for a CPU value Fargate lacks).
std::vector<std::int64_t> nearest_fargate_memory(std::int64_t cpu, std::int64_t mib);
// The Fargate CPU values, for messages: "256, 512, 1024, 2048, 4096, 8192 or 16384".
std::string describe_fargate_cpus();

} // namespace ecl::check
