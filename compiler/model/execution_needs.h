// What ECS does with a task's execution role before the containers start: pull a private ECR
// image, create the awslogs stream and put its events, read the containers' secrets. Read once
// from the task's containers for the checker (E3429: a role of the program's own that does not
// allow it) and the backends (whether to generate the role, its log group and its read-secrets
// policy), so the two cannot disagree.
#pragma once

#include "compiler/model/model.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::model {

struct ExecutionNeed {
  enum Kind { PullImage, ReadSecret, WriteLogs };
  Kind kind;
  const Block* container;
  // ReadSecret: the environment variable, and its source as written (null when it is not text).
  std::string_view variable = {};
  const std::string* source = nullptr;
  bool secrets_manager = false; // ReadSecret: the source is a Secrets Manager ARN, not SSM's
  // WriteLogs: to the task's generated group (the `log` block names no `group` of its own).
  bool generated_group = false;

  // The IAM actions it takes, each of which the role must allow.
  std::span<const std::string_view> actions() const;
};

// In the order of the containers, and for each its image, its secrets, its log.
std::vector<ExecutionNeed> execution_needs(const Block& task);

} // namespace ecl::model
