// The EFS kinds: file_system (+ a mount target a subnet) and access_point. The requests are the
// API's (common/efs_requests.h), whose members the AWS::EFS resources name alike, but for the
// tags (FileSystemTags, AccessPointTags), the lifecycle policies (a property of the file system)
// and an access point's user and owner IDs (strings).
#include "backends/cloudformation/lowering.h"
#include "backends/common/efs_requests.h"
#include "backends/resources/registry.h"

namespace ecl::backend::cfn {

using common::JsonWriter;

namespace {

// A number as CloudFormation's AWS::EFS::AccessPoint takes IDs: its text.
void stringify(json& v) {
  if (v.is_number_integer()) {
    v = std::to_string(v.get<std::int64_t>());
  } else if (v.is_array()) {
    for (json& item : v) {
      stringify(item);
    }
  }
}

} // namespace

std::string mount_target_id(const model::Block& fs, const model::Block& subnet) {
  return path_id(fs) + "MountTarget" + path_id(subnet);
}

void lower_file_system(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::efs_file_system());
  w.members(common::file_system(l, b));
  if (json policies = common::lifecycle_policies(l, b); !policies.is_null()) {
    w.member("LifecyclePolicies", policies);
  }
  l.write_tags(w.key("FileSystemTags"), b);
  // Deleted with the stack, as `eclc destroy` deletes it (stated as cfn-lint asks for stateful
  // resources): keep a copy (AWS Backup) of what must outlive the stack.
  l.end_properties().member("DeletionPolicy", "Delete").member("UpdateReplacePolicy", "Delete");
  l.end_resource();
  for (const model::Block* subnet : l.get_refs(b, "subnets")) {
    json target = common::mount_target(l, b, *subnet, l.ref(b));
    l.begin_resource(b, mount_target_id(b, *subnet), resources::efs_mount_target());
    w.members(target);
    l.end_resource();
  }
}

void lower_access_point(Lowering& l, const model::Block& b) {
  const model::Block* fs = b.ancestor("file_system");
  json request = common::access_point(l, b, fs ? l.ref(*fs) : json());
  if (request.contains("PosixUser")) {
    for (json& value : request["PosixUser"]) {
      stringify(value);
    }
  }
  if (request["RootDirectory"].contains("CreationInfo")) {
    for (json& value : request["RootDirectory"]["CreationInfo"]) {
      stringify(value);
    }
  }
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::efs_access_point());
  w.members(request);
  l.write_tags(w.key("AccessPointTags"), b);
  l.end_resource();
}

} // namespace ecl::backend::cfn
