// eclc tags every resource it makes with its block's path (`ecl:path`, which apply's crash
// recovery and `eclc import aws` read back), and AWS keeps at most 256 characters in a tag value:
// a block nested deep in module instances with long names would have its create call refused
// half way through an apply.
#include "compiler/check/rules/rule.h"

namespace ecl::check {
namespace path_length_rule {
namespace {

constexpr std::size_t kMaxTagValue = 256;

void run(RuleContext& c) {
  for (const auto& block : c.program.blocks) {
    if (block->path.size() > kMaxTagValue) {
      c.diags.report(Diag::BlockPathTooLong, block->header_range, block->display(),
                     block->path.size(), kMaxTagValue);
    }
  }
}

} // namespace
} // namespace path_length_rule

extern const Rule kPathLengthRule;
const Rule kPathLengthRule{
    "path-length",
    "A block's path fits in a tag value (256 characters): eclc tags each resource with it",
    "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html",
    {Diag::BlockPathTooLong},
    path_length_rule::run};

} // namespace ecl::check
