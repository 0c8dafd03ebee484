// The EFS kinds: file_system (+ its lifecycle policy and a mount target a subnet) and
// access_point.
#include "backends/common/efs_requests.h"
#include "backends/plan/planner.h"
#include "compiler/model/made_names.h"

#include <fmt/format.h>

namespace ecl::backend::plan {

std::string mount_target_step(const Planner& p, const model::Block& fs,
                              const model::Block& subnet) {
  return p.step_id(fs, "mount-" + subnet.path);
}

void lower_file_system(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "efs", "CreateFileSystem");
  // The token apply sends is new for each state (resources::Operation::client_token); the plan
  // shows one made from the block's path.
  s.params["CreationToken"] = model::made_name(p.program(), b, "", 64);
  s.params.update(common::file_system(p, b));
  p.add_tags(s, b);
  s.summary = fmt::format("{}, {} throughput{}", text_of(s.params["PerformanceMode"]),
                          text_of(s.params["ThroughputMode"]),
                          s.params["Encrypted"] == true ? ", encrypted" : "");
  if (json policies = common::lifecycle_policies(p, b); !policies.is_null()) {
    Step& l = p.add(b, "lifecycle", "efs", "PutLifecycleConfiguration");
    l.params["FileSystemId"] = p.output(b, "", "id");
    std::string summary;
    for (const json& policy : policies) {
      for (const auto& [transition, when] : policy.items()) {
        summary += (summary.empty() ? "" : ", ") + transition + " " + text_of(when);
      }
    }
    l.params["LifecyclePolicies"] = std::move(policies);
    l.summary = summary;
  }
  for (const model::Block* subnet : p.get_refs(b, "subnets")) {
    json target = common::mount_target(p, b, *subnet, p.output(b, "", "id"));
    Step& m = p.add(b, "mount-" + subnet->path, "efs", "CreateMountTarget");
    m.params = std::move(target);
    m.summary = fmt::format("in subnet {}", subnet->path);
  }
}

void lower_access_point(Planner& p, const model::Block& b) {
  const model::Block* fs = b.ancestor("file_system");
  json request = common::access_point(p, b, fs ? p.ref(*fs) : json());
  Step& s = p.add(b, "", "efs", "CreateAccessPoint");
  s.params["ClientToken"] = model::made_name(p.program(), b, "", 64); // as CreationToken above
  s.params.update(request);
  p.add_tags(s, b);
  const json& root = s.params["RootDirectory"];
  s.summary = text_of(root.value("Path", json("/")));
  if (s.params.contains("PosixUser")) {
    const json& user = s.params["PosixUser"];
    s.summary += fmt::format(" as {}:{}", text_of(user.value("Uid", json())),
                             text_of(user.value("Gid", json())));
  }
}

} // namespace ecl::backend::plan
