// A block with `existing` stands for a resource made elsewhere: its value has the form of that
// resource's identifier, in the stack's region (E3412), and the block holds only the facts the
// rules read and the kinds that may be made inside it (E3413).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Vpc.html
#include "compiler/check/rules/rule.h"
#include "compiler/model/arn.h"
#include "compiler/schema/schema.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <optional>

namespace ecl::check {
namespace existing_rule {
namespace {

// The identifier's form per kind: an EC2 ID (`vpc-` and 8 or 17 hex digits), or an ARN of the
// service and resource type given, with an account ID and a region (none for IAM: a role's path,
// `service-role/`, comes before its name).
struct Form {
  std::string_view kind;
  std::string_view ec2_prefix; // "" for an ARN
  std::string_view service = {};
  std::string_view type = {};
};

constexpr Form kForms[] = {
    {"vpc", "vpc-"},
    {"subnet", "subnet-"},
    {"security_group", "sg-"},
    {"target_group", "", "elasticloadbalancing", "targetgroup"},
    {"cluster", "", "ecs", "cluster"},
    {"role", "", "iam", "role"},
};

bool ec2_id(std::string_view id, std::string_view prefix) {
  if (!id.starts_with(prefix)) {
    return false;
  }
  id.remove_prefix(prefix.size());
  return (id.size() == 8 || id.size() == 17) && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool fits(const Form& form, std::string_view id, const std::optional<model::Arn>& arn) {
  if (!form.ec2_prefix.empty()) {
    return ec2_id(id, form.ec2_prefix);
  }
  return arn && arn->well_formed() && arn->service == form.service && arn->has_account_id() &&
         (form.service == "iam" ? arn->region.empty() : model::is_region(arn->region)) &&
         arn->resource_type() == form.type && !arn->resource_id().empty();
}

bool listed(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void check_form(RuleContext& c, const model::Block& block, const schema::Existing& existing) {
  const model::Attribute* given = block.attribute("existing");
  const std::string* id = given ? given->value.string() : nullptr;
  if (!given || given->value.is_null()) {
    return;
  }
  if (!id) {
    c.diags.report(Diag::ExistingId, given->value.range, block.display(),
                   fmt::format("`existing` must be written as text, known at compile time: {}",
                               existing.what));
    return;
  }
  for (const Form& form : kForms) {
    if (form.kind != block.kind_name) {
      continue;
    }
    const std::optional<model::Arn> arn = model::Arn::parse(*id);
    if (!fits(form, *id, arn)) {
      c.diags.report(Diag::ExistingId, given->value.range, block.display(),
                     fmt::format("`{}` is not {}", *id, existing.what));
      return;
    }
    const std::string region = c.program.region();
    if (arn && !arn->region.empty() && !region.empty() && arn->region != region) {
      c.diags.report(
          Diag::ExistingId, given->value.range, block.display(),
          fmt::format("`{}` is in region `{}`, not the stack's `{}`", *id, arn->region, region));
    }
  }
}

void run(RuleContext& c) {
  for (const auto& owned : c.program.blocks) {
    const model::Block& block = *owned;
    const schema::Existing* existing =
        block.kind && block.kind->existing ? &*block.kind->existing : nullptr;
    if (!existing || !block.get("existing")) {
      continue;
    }
    check_form(c, block, *existing);
    if (block.parent && block.parent->kind && block.parent->kind->existing &&
        !schema::existing(*block.parent)) {
      c.diags.report(Diag::ExistingUnmanaged, block.header_range, block.display(),
                     fmt::format("it cannot be inside {}, which this program makes; give {} "
                                 "`existing` too",
                                 block.parent->display(), block.parent->display()));
    }
    for (const auto& [name, attribute] : block.attributes) {
      if (attribute.defaulted || name == "existing" || listed(existing->facts, name)) {
        continue;
      }
      c.diags.report(Diag::ExistingUnmanaged, attribute.range, block.display(),
                     fmt::format("eclc does not set its `{}`; {}", name,
                                 existing->facts.empty()
                                     ? std::string("nothing but `existing` is written about it")
                                     : fmt::format("only `{}` may be written, as it is",
                                                   fmt::join(existing->facts, "`, `"))));
    }
    for (const model::Block* child : block.children) {
      if (child->implicit || listed(existing->children, "*") ||
          listed(existing->children, child->kind_name)) {
        continue;
      }
      c.diags.report(Diag::ExistingUnmanaged, child->header_range, block.display(),
                     fmt::format("eclc cannot make {} inside it", child->display()));
    }
  }
}

} // namespace
} // namespace existing_rule

extern const Rule kExistingRule;
const Rule kExistingRule{"existing",
                         "A block made elsewhere is named by its identifier and holds only facts",
                         "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html",
                         {Diag::ExistingId, Diag::ExistingUnmanaged},
                         existing_rule::run};

} // namespace ecl::check
