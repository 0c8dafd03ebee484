#include "backends/common/efs_requests.h"

#include "backends/common/aws.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::backend::common {

namespace {

// 30 -> "AFTER_30_DAYS", 1 -> "AFTER_1_DAY".
std::string after_days(std::int64_t days) {
  return fmt::format("AFTER_{}_DAY{}", days, days == 1 ? "" : "S");
}

} // namespace

json file_system(Spelling& s, const model::Block& fs) {
  json out = json::object();
  const bool encrypted = s.get_bool(fs, "encrypted");
  out["Encrypted"] = encrypted;
  if (const model::Value* key = s.get(fs, "kms_key")) {
    out["KmsKeyId"] = s.value(*key);
  }
  if (const std::string* mode = s.get_enum(fs, "performance_mode")) {
    out["PerformanceMode"] = camel(*mode);
  }
  if (const std::string* mode = s.get_enum(fs, "throughput_mode")) {
    out["ThroughputMode"] = *mode;
  }
  if (auto throughput = s.get_int(fs, "provisioned_throughput")) {
    out["ProvisionedThroughputInMibps"] = *throughput;
  }
  return out;
}

json lifecycle_policies(Spelling& s, const model::Block& fs) {
  json out = json::array();
  if (auto days = s.get_int(fs, "transition_to_ia")) {
    out.push_back({{"TransitionToIA", after_days(*days)}});
  }
  if (s.get_bool(fs, "transition_to_primary")) {
    out.push_back({{"TransitionToPrimaryStorageClass", "AFTER_1_ACCESS"}});
  }
  return out.empty() ? json() : out;
}

json mount_target(Spelling& s, const model::Block& fs, const model::Block& subnet, json fs_id) {
  json out = json::object();
  out["FileSystemId"] = std::move(fs_id);
  out["SubnetId"] = s.ref(subnet);
  json& groups = out["SecurityGroups"] = s.refs(s.get_refs(fs, "security_groups"));
  if (groups.empty() && subnet.parent) {
    groups.push_back(s.deferred_value(model::Deferred{subnet.parent, "default_security_group"}));
  }
  return out;
}

json access_point(Spelling& s, const model::Block& ap, json fs_id) {
  json out = json::object();
  out["FileSystemId"] = std::move(fs_id);
  if (const model::Value* user = s.get(ap, "user"); user && !user->is_null()) {
    json& posix = out["PosixUser"] = json::object();
    for (auto [field, member] : {std::pair{"uid", "Uid"}, std::pair{"gid", "Gid"}}) {
      if (const model::Value* v = s.field(ap, "user", *user, field)) {
        posix[member] = s.value(*v);
      }
    }
    const model::Value* more = s.field(ap, "user", *user, "secondary_gids");
    const model::List* gids = more ? more->as<model::List>() : nullptr;
    if (gids && !gids->empty()) {
      posix["SecondaryGids"] = s.value(*more);
    }
  }
  json& root = out["RootDirectory"] = json::object();
  if (const model::Value* path = s.get(ap, "path")) {
    root["Path"] = s.value(*path);
  }
  if (const model::Value* creation = s.get(ap, "creation"); creation && !creation->is_null()) {
    json& info = root["CreationInfo"] = json::object();
    for (auto [field, member] : {std::pair{"uid", "OwnerUid"}, std::pair{"gid", "OwnerGid"},
                                 std::pair{"permissions", "Permissions"}}) {
      if (const model::Value* v = s.field(ap, "creation", *creation, field)) {
        info[member] = s.value(*v);
      }
    }
  }
  return out;
}

json efs_volume(Spelling& s, const model::Value& efs) {
  // The fields of `efs` are read as they are: the coverage tests follow an attribute's fields one
  // level down (`task.volumes.efs`), and the request reads them all.
  json out = json::object();
  // A block, or the ID of a file system made elsewhere.
  if (const model::Value* fs = efs.field("file_system")) {
    out["fileSystemId"] = s.value(*fs);
  }
  if (const model::Value* root = efs.field("root_directory")) {
    out["rootDirectory"] = s.value(*root);
  }
  const model::Value* encryption = efs.field("transit_encryption");
  out["transitEncryption"] = encryption && encryption->boolean() == false ? "DISABLED" : "ENABLED";
  const model::Value* ap = efs.field("access_point");
  const model::Value* iam = efs.field("iam");
  const bool with_iam = iam && iam->boolean() == true;
  if (ap || with_iam) {
    json& auth = out["authorizationConfig"] = json::object();
    if (ap) {
      auth["accessPointId"] = s.value(*ap);
    }
    auth["iam"] = with_iam ? "ENABLED" : "DISABLED";
  }
  return out;
}

std::vector<const model::Block*> mounted_file_systems(Spelling& s, const model::Block& task) {
  std::vector<const model::Block*> out;
  for (const model::Value& v : s.get_list(task, "volumes")) {
    const model::Value* efs = s.field(task, "volumes", v, "efs");
    const model::Value* fs = efs && !efs->is_null() ? efs->field("file_system") : nullptr;
    const model::Block* b = fs ? fs->block() : nullptr;
    if (b && std::find(out.begin(), out.end(), b) == out.end()) {
      out.push_back(b);
    }
  }
  return out;
}

} // namespace ecl::backend::common
