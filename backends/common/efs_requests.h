// The EFS requests both backends send, built once from the checked model in the EFS API's
// spelling (CreateFileSystem, PutLifecycleConfiguration, CreateMountTarget, CreateAccessPoint;
// docs.aws.amazon.com/efs/latest/ug/API_Operations_Amazon_Elastic_File_System.html). The API and
// the AWS::EFS resources name the members alike; CloudFormation takes the lifecycle policies on
// the file system, the tags under other names and an access point's IDs as strings
// (cloudformation/efs.cpp). Tags and idempotency tokens are left to the backends.
#pragma once

#include "backends/common/spelling.h"

#include <vector>

namespace ecl::backend::common {

// CreateFileSystem without its token and tags.
json file_system(Spelling& s, const model::Block& fs);
// The file system's LifecyclePolicies ([{TransitionToIA: AFTER_30_DAYS}, ...]), or null when it
// has none.
json lifecycle_policies(Spelling& s, const model::Block& fs);
// CreateMountTarget of the file system `fs_id` in `subnet`, with the file system's security
// groups (its VPC's default group when it names none: CloudFormation requires the member).
json mount_target(Spelling& s, const model::Block& fs, const model::Block& subnet, json fs_id);
// CreateAccessPoint without its token and tags, on the file system `fs_id`.
json access_point(Spelling& s, const model::Block& ap, json fs_id);
// A task volume's efsVolumeConfiguration (`efs = { ... }` of a `volumes` item), in ECS's spelling.
json efs_volume(Spelling& s, const model::Value& efs);
// The file systems the EFS volumes of a task mount, each once, in the order they are named: the
// services running it wait for their mount targets.
std::vector<const model::Block*> mounted_file_systems(Spelling& s, const model::Block& task);

} // namespace ecl::backend::common
