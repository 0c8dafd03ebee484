// FireLens: a task whose containers log with `awsfirelens` has a log router, a container with
// `firelens` (E3124), and a task with a log router has a container logging to it (E3125); ECS's
// RegisterTaskDefinition refuses either alone. The router's options are the three ECS knows, a
// config file is `file` or `s3`, and Fargate reads only a `file` (E3126).
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FirelensConfiguration.html
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::check {
namespace firelens_rule {
namespace {

constexpr std::string_view kOptions[] = {"enable-ecs-log-metadata", "config-file-type",
                                         "config-file-value"};

const model::Block* firelens_logger(const model::Block& container) {
  for (const model::Block* log : container.each_child("log")) {
    const std::string* driver = log->get_enum("driver");
    if (driver && *driver == "awsfirelens") {
      return log;
    }
  }
  return nullptr;
}

void check_options(RuleContext& c, const model::Block& task, const model::Block& router) {
  const model::Value* firelens = router.get("firelens");
  const model::Value* options = firelens ? firelens->field("options") : nullptr;
  const model::Map* map = options ? options->as<model::Map>() : nullptr;
  const Range at = attribute_range(router, "firelens");
  const std::string* file_type = nullptr;
  for (const model::MapEntry& e : map ? *map : model::Map{}) {
    if (std::find(std::begin(kOptions), std::end(kOptions), std::string_view(e.first)) ==
        std::end(kOptions)) {
      c.diags.report(Diag::FirelensOptions, at,
                     fmt::format("container `{}`'s `firelens` option `{}` is not one ECS knows "
                                 "(`enable-ecs-log-metadata`, `config-file-type`, "
                                 "`config-file-value`)",
                                 router.path, e.first));
      continue;
    }
    const std::string* text = e.second.string();
    if (e.first == "config-file-type") {
      file_type = text;
      if (text && *text != "file" && *text != "s3") {
        c.diags.report(Diag::FirelensOptions, at,
                       fmt::format("container `{}`'s `config-file-type` is `{}`; ECS takes "
                                   "`file` or `s3`",
                                   router.path, *text));
      } else if (text && *text == "s3" && fargate_compatibility(task)) {
        c.diags.report(Diag::FirelensOptions, at,
                       fmt::format("container `{}` reads its FireLens config from S3, which "
                                   "Fargate does not; use `config-file-type = \"file\"` (a file "
                                   "in the router's image), or run the task on EC2",
                                   router.path));
      }
    }
    if (e.first == "enable-ecs-log-metadata" && text && *text != "true" && *text != "false") {
      c.diags.report(Diag::FirelensOptions, at,
                     fmt::format("container `{}`'s `enable-ecs-log-metadata` is `{}`; ECS takes "
                                 "`\"true\"` or `\"false\"`",
                                 router.path, *text));
    }
  }
  bool has_value = map && std::any_of(map->begin(), map->end(), [](const model::MapEntry& e) {
                     return e.first == "config-file-value";
                   });
  if (file_type && !has_value) {
    c.diags.report(Diag::FirelensOptions, at,
                   fmt::format("container `{}` sets `config-file-type` without "
                               "`config-file-value`, the file's path or S3 ARN",
                               router.path));
  }
}

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    const model::Block* router = nullptr;
    const model::Block* logger = nullptr; // the first container's `log` with awsfirelens
    for (const model::Block* container : task->each_child("container")) {
      if (!router && container->get("firelens")) {
        router = container;
      }
      if (const model::Block* log = firelens_logger(*container); log && !logger) {
        logger = log;
      }
    }
    if (logger && !router) {
      c.diags.report(Diag::FirelensNoRouter, attribute_range(*logger, "driver"),
                     logger->parent ? logger->parent->path : logger->path, task->name);
    }
    if (router && !logger) {
      c.diags.report(Diag::FirelensNoLogger, attribute_range(*router, "firelens"), router->path,
                     task->name);
    }
    if (router) {
      check_options(c, *task, *router);
    }
  }
}

} // namespace
} // namespace firelens_rule

extern const Rule kFirelensRule;
const Rule kFirelensRule{
    "firelens",
    "a task's FireLens log router and the containers that log to it come together",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html",
    {Diag::FirelensNoRouter, Diag::FirelensNoLogger, Diag::FirelensOptions},
    firelens_rule::run};

} // namespace ecl::check
