// The ECR requests both backends send, built once from the checked model in the ECR API's
// spelling (CreateRepository, PutLifecyclePolicy;
// docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html). AWS::ECR::Repository
// names the same members with a capital letter (cloudformation/ecr.cpp). Tags are left to the
// backends.
#pragma once

#include "backends/common/spelling.h"

#include <string>

namespace ecl::backend::common {

// CreateRepository without its tags: repositoryName, imageTagMutability, encryptionConfiguration.
json repository(Spelling& s, const model::Block& repo);
// The repository's lifecycle policy as the JSON text ECR takes (`{"rules": [...]}`, the rules in
// the order written), or "" when it has no rule.
// docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html
std::string lifecycle_policy_text(Spelling& s, const model::Block& repo);

} // namespace ecl::backend::common
