// Facts shared by the EFS rules: a task's EFS volumes (`volumes = [{ name = "data", efs = { ... }
// }]`) with their fields' values, and the services whose tasks mount a file system.
#pragma once

#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <vector>

namespace ecl::check::efs {

// An item of a task's `volumes` with an `efs` configuration; the fields' values (null when absent
// or in error) for ranges.
struct Volume {
  const model::Block* task = nullptr;
  const model::Value* item = nullptr;
  const model::Value* efs = nullptr;
  const model::Block* file_system = nullptr; // null for an ID (of a file system made elsewhere)
  const model::Value* file_system_value = nullptr;
  const model::Block* access_point = nullptr;
  const model::Value* access_point_value = nullptr;
  const model::Value* root_directory = nullptr;
  const model::Value* transit_encryption = nullptr;
  const model::Value* iam = nullptr;
};

inline std::vector<Volume> volumes_of(const model::Block& task) {
  std::vector<Volume> out;
  const model::Value* v = task.get("volumes");
  const model::List* list = v ? v->as<model::List>() : nullptr;
  if (!list) {
    return out;
  }
  for (const model::Value& item : *list) {
    const model::Value* efs = item.field("efs");
    if (!efs || efs->is_null()) {
      continue;
    }
    Volume volume{&task, &item, efs};
    volume.file_system_value = efs->field("file_system");
    if (volume.file_system_value && volume.file_system_value->is_null()) {
      volume.file_system_value = nullptr; // reported already
    }
    if (volume.file_system_value) {
      volume.file_system = volume.file_system_value->block();
    }
    volume.access_point_value = efs->field("access_point");
    if (volume.access_point_value && volume.access_point_value->is_null()) {
      volume.access_point_value = nullptr;
    }
    if (volume.access_point_value) {
      volume.access_point = volume.access_point_value->block();
    }
    volume.root_directory = efs->field("root_directory");
    volume.transit_encryption = efs->field("transit_encryption");
    volume.iam = efs->field("iam");
    out.push_back(volume);
  }
  return out;
}

// The file systems a service's task mounts, each once, in the order its volumes name them.
inline std::vector<const model::Block*> mounted_by(const model::Block& service) {
  std::vector<const model::Block*> out;
  const model::Block* task = service.get_ref("task");
  if (!task) {
    return out;
  }
  for (const Volume& v : volumes_of(*task)) {
    if (v.file_system && std::find(out.begin(), out.end(), v.file_system) == out.end()) {
      out.push_back(v.file_system);
    }
  }
  return out;
}

} // namespace ecl::check::efs
