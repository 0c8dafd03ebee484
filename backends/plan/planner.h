// The plan lowering's shared state: the steps added so far and the helpers every area uses to
// turn model values into request parameters (placeholders for what AWS assigns, tags, names).
// network.cpp lowers the VPC kinds, ecs.cpp the ECS and IAM ones, efs.cpp the file systems,
// load_balancing.cpp the load balancers.
#pragma once

#include "backends/common/aws.h"
#include "backends/common/lowerings.h"
#include "backends/common/spelling.h"
#include "backends/plan/plan.h"
#include "backends/resources/registry.h"
#include "compiler/model/model.h"

#include <deque>
#include <set>
#include <string>
#include <string_view>

namespace ecl::backend::plan {

using resources::text_of;

// Reads the model through ModelReader (every read recorded for the coverage test); spells model
// values with placeholders for what AWS assigns (common::Spelling).
class Planner : public common::Spelling {
public:
  Planner(const model::Program& program, std::set<std::string>* read,
          std::string_view region_if_unset);

  // Every step, in dependency order; false when the steps cannot be ordered.
  bool run(Plan& out);

  // ---- building steps --------------------------------------------------------------------------
  // Adds the call `block` lowers to; `suffix` names a secondary call (`attach` ->
  // `main.igw#attach`).
  Step& add(const model::Block& block, std::string_view suffix, std::string_view service,
            std::string_view operation);

  // The id of a block's step, or of its secondary step `suffix`: the block's path (`main.igw`,
  // `main.igw#attach`); a path that blocks of several kinds share gets the kind
  // (`main.private_a@route_table`).
  std::string step_id(const model::Block& block, std::string_view suffix = "") const;

  // A placeholder for the value `name` of the block's step `id`: `${main.Vpc.VpcId}`.
  static std::string placeholder(std::string_view step, std::string_view path);
  // The placeholder of the output `name` of the block's step `suffix` (added before), as the
  // descriptor of its call names it: output(b, "eip", "allocation_id") ->
  // `${main.nat#eip.AllocationId}`.
  std::string output(const model::Block& block, std::string_view suffix,
                     std::string_view name) const;
  // The placeholder of a block's identity as other calls take it (a VPC id, a group id, a task
  // definition ARN, a capacity provider name; a container's name).
  json ref(const model::Block& block) override;
  // The placeholder of a deferred attribute (`prod.arn`), or null.
  json deferred_value(const model::Deferred& d) override;
  // The placeholder of the region's zone `index` (`availability_zones(n)`), read by a step the
  // plan adds on first use.
  std::string zone(std::int64_t index);
  // A literal string with `${` written `$${`, so that it is not read as a placeholder.
  static std::string literal(std::string_view text);
  json string_value(const std::string& text) override { return literal(text); }
  std::string template_text(std::string_view text) override { return literal(text); }
  std::string template_reference(const model::Deferred& d) override;
  json template_value(std::string text) override { return text; }

  // Adds the stack's tags, the block's `tags` and `ecl:path`, in order, to the step's request,
  // spelled as its call's descriptor says (the request's last member).
  void add_tags(Step& step, const model::Block& block);

  const std::string& region() const { return region_; }
  // "aws", "aws-cn", "aws-us-gov": the partition of the plan's region, for ARNs.
  std::string partition() const;
  // The id of the vpc's internet gateway attachment step, or "".
  std::string attachment_step(const model::Block& vpc) const;

  // Records a job's RunTask request (Plan::runs).
  void add_run(const model::Block& job, json request) { runs_[job.path] = std::move(request); }

  const model::Program& program() const { return program_; }
  const common::LogGroupOwners& log_groups() const { return log_groups_; }

private:
  void lower_block(const model::Block& block);

  const model::Program& program_;
  common::LogGroupOwners log_groups_;
  std::string region_;
  std::deque<Step> steps_; // in the order they were added: source order
  std::set<std::string, std::less<>> ids_;
  std::set<std::string, std::less<>> shared_paths_; // paths of more than one block
  json runs_ = json::object();
};

// One function per kind (common/lowerings.h); each adds the block's calls.
#define ECL_DECLARE_LOWERING(kind, function) void function(Planner& p, const model::Block& b);
ECL_LOWERINGS(ECL_DECLARE_LOWERING)
#undef ECL_DECLARE_LOWERING
// The id of the step of the file system's mount target in `subnet` (`data#mount-main.a`).
std::string mount_target_step(const Planner& p, const model::Block& fs, const model::Block& subnet);

// A JSON text as IAM takes policy documents (compact).
std::string policy_text(const json& document);

} // namespace ecl::backend::plan
