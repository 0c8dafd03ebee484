// The ECR kind: repository, as AWS::ECR::Repository with its scanning configuration and lifecycle
// policy (common/ecr_requests.h, the API's members with a capital letter).
#include "backends/cloudformation/lowering.h"
#include "backends/common/ecr_requests.h"
#include "backends/resources/registry.h"

namespace ecl::backend::cfn {

using common::JsonWriter;

void lower_repository(Lowering& l, const model::Block& b) {
  const json request = common::repository(l, b);
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ecr_repository());
  w.member("RepositoryName", request["repositoryName"]);
  w.member("ImageTagMutability", request["imageTagMutability"]);
  w.key("ImageScanningConfiguration")
      .begin_object()
      .member("ScanOnPush", l.get_bool(b, "scan_on_push"))
      .end_object();
  const json& encryption = request["encryptionConfiguration"];
  w.key("EncryptionConfiguration").begin_object();
  w.member("EncryptionType", encryption["encryptionType"]);
  if (encryption.contains("kmsKey")) {
    w.member("KmsKey", encryption["kmsKey"]);
  }
  w.end_object();
  if (std::string policy = common::lifecycle_policy_text(l, b); !policy.empty()) {
    w.key("LifecyclePolicy").begin_object().member("LifecyclePolicyText", policy).end_object();
  }
  l.write_tags(w.key("Tags"), b);
  // Deleted with the stack, as `eclc destroy` deletes it (stated as cfn-lint asks for stateful
  // resources); a repository that still holds images is not (EmptyOnDelete is left false).
  l.end_properties().member("DeletionPolicy", "Delete").member("UpdateReplacePolicy", "Delete");
  l.end_resource();
}

} // namespace ecl::backend::cfn
