#include "compiler/model/execution_needs.h"

#include "compiler/model/arn.h"
#include "compiler/model/image.h"

#include <array>
#include <optional>

namespace ecl::model {

std::span<const std::string_view> ExecutionNeed::actions() const {
  static constexpr std::array<std::string_view, 3> kPull = {
      "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"};
  static constexpr std::array<std::string_view, 1> kSecret = {"secretsmanager:GetSecretValue"};
  static constexpr std::array<std::string_view, 1> kParameter = {"ssm:GetParameters"};
  static constexpr std::array<std::string_view, 2> kLogs = {"logs:CreateLogStream",
                                                            "logs:PutLogEvents"};
  switch (kind) {
  case PullImage:
    return kPull;
  case ReadSecret:
    return secrets_manager ? std::span<const std::string_view>(kSecret) : kParameter;
  case WriteLogs:
    return kLogs;
  }
  return {};
}

std::vector<ExecutionNeed> execution_needs(const Block& task) {
  std::vector<ExecutionNeed> out;
  for (const Block* c : task.each_child("container")) {
    const Value* image = c->get("image");
    if (image && image_source(*image) == ImageSource::PrivateEcr) {
      out.push_back({ExecutionNeed::PullImage, c});
    }
    const Value* secrets = c->get("secrets");
    if (const Map* map = secrets ? secrets->as<Map>() : nullptr) {
      for (const auto& [variable, from] : *map) {
        const std::string* source = from.string();
        const std::optional<Arn> arn = source ? Arn::parse(*source) : std::nullopt;
        const bool manager = arn && arn->service == "secretsmanager";
        out.push_back({ExecutionNeed::ReadSecret, c, variable, source, manager});
      }
    }
    const Block* log = c->first_child("log");
    const std::string* driver = log ? log->get_enum("driver") : nullptr;
    if (log && (!driver || *driver == "awslogs")) {
      out.push_back({ExecutionNeed::WriteLogs, c, {}, nullptr, false, !log->get("group")});
    }
  }
  return out;
}

} // namespace ecl::model
