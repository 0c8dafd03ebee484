// The CloudFormation backend: the checked program -> one JSON template (AWSTemplateFormatVersion,
// Description, Parameters, Resources, Outputs) that cfn-lint accepts and CloudFormation deploys.
#pragma once

#include "backends/backend.h"

#include <memory>
#include <set>
#include <string>

namespace ecl::backend {

std::unique_ptr<Backend> make_cloudformation_backend();

namespace cfn {

// Lowers `program` to a template in `out` (2-space JSON, trailing newline). Returns false with
// E4xxx diagnostics when it cannot. When `read` is given, every schema attribute the lowering
// looked at is added to it as "kind.attribute" (and "kind.attribute.field" for object fields):
// the test that no attribute of the schema goes unlowered reads it.
bool lower_template(const model::Program& program, Diagnostics& diags, std::string& out,
                    std::set<std::string>* read = nullptr);

// `vpc main` -> "MainVpc", `subnet main.private_a` -> "MainPrivateASubnet", an unnamed
// `route main.public.route[0]` -> "MainPublicRoute0": the logical ID of a block's main resource.
std::string logical_id(const model::Block& block);

} // namespace cfn
} // namespace ecl::backend
