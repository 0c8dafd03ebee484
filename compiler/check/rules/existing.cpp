// A block with `existing` stands for a resource made elsewhere: its value has the form of that
// resource's identifier, in the stack's region (E3412), and the block holds only the facts the
// rules read and the kinds that may be made inside it (E3413).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Vpc.html
#include "compiler/check/rules/rule.h"
#include "compiler/schema/schema.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <regex>

namespace ecl::check {
namespace existing_rule {
namespace {

// The identifier's form per kind; an ARN's region is the first group when it has one.
struct Form {
  std::string_view kind;
  std::regex pattern;
};

const std::vector<Form>& forms() {
  static const std::vector<Form> all = {
      {"vpc", std::regex("vpc-([0-9a-f]{8}|[0-9a-f]{17})")},
      {"subnet", std::regex("subnet-([0-9a-f]{8}|[0-9a-f]{17})")},
      {"security_group", std::regex("sg-([0-9a-f]{8}|[0-9a-f]{17})")},
      {"target_group", std::regex("arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):[0-9]{12}:"
                                  "targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}")},
      {"cluster",
       std::regex("arn:aws[a-z-]*:ecs:([a-z0-9-]+):[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255}")},
      // IAM has no region; a path (`service-role/`, `teams/orders/`) comes before the name.
      {"role", std::regex("arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[\\x21-\\x7e]*/)?"
                          "[A-Za-z0-9+=,.@_-]{1,64}")},
  };
  return all;
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
  for (const Form& form : forms()) {
    if (form.kind != block.kind_name) {
      continue;
    }
    std::smatch m;
    if (!std::regex_match(*id, m, form.pattern)) {
      c.diags.report(Diag::ExistingId, given->value.range, block.display(),
                     fmt::format("`{}` is not {}", *id, existing.what));
      return;
    }
    const std::string region = c.program.region();
    if (existing.as == "arn" && m.size() > 1 && m[1].matched && !m.str(1).empty() &&
        !region.empty() && m.str(1) != region) {
      c.diags.report(
          Diag::ExistingId, given->value.range, block.display(),
          fmt::format("`{}` is in region `{}`, not the stack's `{}`", *id, m.str(1), region));
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
