// The CloudFormation lowering's shared state: the writer the template is streamed into, the logical
// IDs claimed so far (checked for collisions once the lowering is done), and the helpers every area
// uses to write model values as template JSON (Ref, Fn::GetAtt, Fn::Sub, tags). network.cpp lowers
// the VPC kinds, ecs.cpp the ECS ones, load_balancing.cpp the load balancers.
#pragma once

#include "backends/common/aws.h"
#include "backends/common/ecs_requests.h"
#include "backends/common/json_writer.h"
#include "backends/common/lowerings.h"
#include "backends/common/request.h"
#include "backends/common/spelling.h"
#include "backends/resources/resource.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/model/model.h"

#include <cstdint>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecl::backend::cfn {

using json = nlohmann::ordered_json;

// Reads the model through ModelReader (every read recorded for the coverage test); spells model
// values as Ref / Fn::GetAtt / Fn::Sub (common::Spelling).
//
// The template is streamed, not built: each resource is written into the Resources text as its
// lowering runs (begin_resource ... end_resource), its properties in the order the lowering writes
// them. A 500 service template has ~2500 resources; building each as an ordered_json (a node and
// an allocation per value, a linear key search per member) cost several times the writing.
class Lowering : public common::Spelling {
public:
  Lowering(const model::Program& program, Diagnostics& diags, std::set<std::string>* read)
      : Spelling(program.stack, read), program_(program), diags_(diags), log_groups_(program),
        ids_(program.blocks.size()) {}

  // Appends the whole template (as `dump(2)` writes it, and a newline) to `out`, or returns
  // false when a logical ID collided (`out` then holds a partial template).
  bool run(std::string& out);

  // ---- writing the template --------------------------------------------------------------------
  // Starts a resource that `owner` lowers to: writes `"id": {"Type": ..., "Properties": {`, the
  // type the resource's descriptor names, and returns the writer (the same one for every
  // resource), inside Properties. E4001 when another
  // block took the ID too is reported once the resources are written (see check_ids); the
  // template is then dropped.
  common::JsonWriter& begin_resource(const model::Block& owner, std::string_view id,
                                     const resources::Descriptor& resource);
  // Closes Properties, for the resource's attributes that follow it (DependsOn, DeletionPolicy).
  common::JsonWriter& end_properties();
  // Closes the resource (and its Properties, unless end_properties did).
  void end_resource();
  // Records that `owner` takes a logical ID: a resource's (begin_resource claims it), or the
  // parameter's that add_image_parameter() gives the block (written in the template's head, before
  // the resources), for the collision check.
  void claim(const model::Block& owner, std::string_view id);

  // Writes the template value of a folded model value (value(), with the common scalars and
  // references written straight).
  void write_value(common::JsonWriter& w, const model::Value& v);
  // Writes the members of an ECS request built as JSON as the resource's properties (Properties).
  void write_request(common::JsonWriter& w, const json& request);
  // The logical ID of the block's main resource (logical_id()), computed once per block: blocks
  // are referred to many times (a cluster, a task, subnets and groups by each service).
  const std::string& id(const model::Block& block);
  // The logical ID of a resource made for `owner` (a task's `AppLogGroup`, `AppExecutionRole`, a
  // capacity's `WorkersInstanceRole`, a job's `NightlySchedulerRole`): its path and `suffix`,
  // unless a log group or role of the program already has that ID (a `log_group app` beside a
  // `task app`), then its own ID and `suffix` (`AppTaskLogGroup`).
  std::string made_id(const model::Block& owner, std::string_view suffix);
  // Writes a reference to the block's main resource (see ref()).
  void write_ref(common::JsonWriter& w, const model::Block& block);
  // {"Ref": id}
  static void write_ref_to(common::JsonWriter& w, std::string_view id);
  // {"Ref": id} and {"Fn::GetAtt": [id, attribute]} as JSON values, built member by member (an
  // initializer list costs twice as much, and every task and service names a few).
  static json ref_to(std::string id);
  static json getatt(std::string id, std::string_view attribute);
  // {"Fn::GetAtt": [id, attribute]}
  static void write_getatt(common::JsonWriter& w, std::string_view id, std::string_view attribute);
  // Writes the stack's tags, the block's `tags`, and `ecl:path`: [{Key, Value}...].
  void write_tags(common::JsonWriter& w, const model::Block& block,
                  bool propagate_at_launch = false);

  // A reference to the block's main resource ({"Ref": id}, or Fn::GetAtt GroupId for groups).
  json ref(const model::Block& block) override;
  // The logical ID of the resource that gives the block's deferred attribute `attribute`, as its
  // descriptor names it (`nat_gateway main.nat`, "public_ip" -> "MainNatEip").
  static std::string resource_id(const model::Block& block, std::string_view attribute);
  json deferred_value(const model::Deferred& d) override;
  json string_value(const std::string& text) override { return text; }
  std::string template_text(std::string_view literal) override { return sub_literal(literal); }
  std::string template_reference(const model::Deferred& d) override;
  // {"Fn::Sub": text}, or [text, variables] when a zone chosen at deployment is part of it.
  json template_value(std::string text) override;
  // A string as CloudFormation wants it in Fn::Sub: `${` escaped as `${!`.
  static std::string sub_literal(std::string_view text);
  // "us-east-1a" -> {"Fn::Sub": "${AWS::Region}a"}: the zone relative to the stack's region.
  json zone(const std::string& zone_name);
  // The logical ID of the gateway attachment of the vpc's internet gateway, or "".
  std::string attachment_id(const model::Block& vpc) const;
  // The logical ID of a cluster's capacity provider associations, or "". Every service of the
  // cluster asks: the last cluster's is kept (valid until the next call).
  const std::string& associations_id(const model::Block& cluster);

  const model::Program& program() const { return program_; }
  const common::LogGroupOwners& log_groups() const { return log_groups_; }
  // What lower_task names around a task's request: one set, rewritten for each task (building and
  // destroying three small JSON values a task cost more than streaming the request).
  common::TaskResources& task_resources() { return task_resources_; }

private:
  // The variables of the Fn::Sub being written ({"Zone0": Fn::Select...}): what template_reference
  // cannot name in its text.
  json sub_variables_ = json::object();
  void lower_block(const model::Block& block);
  // Reports E4001 for every ID taken twice, in the order they were taken.
  void check_ids();
  // Adds the template parameters of the block and its descendants in lowering order (only
  // ec2_capacity adds one).
  void collect_parameters(const model::Block& block, json& parameters);
  json outputs();
  json output_value(const model::Value& v);

  const model::Program& program_;
  Diagnostics& diags_;
  common::LogGroupOwners log_groups_;
  common::TaskResources task_resources_;
  // The template's writer (run() sets it); the resources are written straight into the output.
  common::JsonWriter* writer_ = nullptr;
  bool in_properties_ = false;
  // The logical IDs taken, in order: their text one after another in ids_text_, and who took
  // them. Checked once, at the end: a collision drops the template, so the check need not come
  // before the resource is written, and one flat table costs less than a map node per ID.
  struct Claim {
    std::uint32_t offset;
    std::uint32_t size;
    const model::Block* owner;
  };
  std::string ids_text_;
  std::vector<Claim> claims_;
  std::vector<std::string> ids_; // by Block::id; "" until asked for
  const model::Block* associations_of_ = nullptr;
  std::string associations_id_;
  std::deque<std::string> other_ids_;
  std::optional<std::vector<std::string>> taken_; // made_id()'s: the IDs of log groups and roles
  bool failed_ = false;
  std::size_t resources_ = 0; // written so far
  // CloudFormation's quotas:
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
  static constexpr std::size_t kMaxLogicalId = 255;
  static constexpr std::size_t kMaxResources = 500;
};

// An ECS request (common/ecs_requests.h) written as a resource's properties: member names
// capitalised (`containerPort` -> `ContainerPort`), a few renamed (`placementStrategy` ->
// `PlacementStrategies`), free-form maps (log options, docker labels) as they are.
class Properties final : public common::Request {
public:
  // Writes into the object `w` has open.
  Properties(Lowering& l, common::JsonWriter& w) : l_(l), w_(w) {}

  using Request::value;
  Request& begin_object() override { return open(false); }
  Request& end_object() override { return close(false); }
  Request& begin_array() override { return open(true); }
  Request& end_array() override { return close(true); }
  Request& key(std::string_view name) override;
  Request& value(const json& v) override;
  Request& value(std::string_view s) override { return scalar(s); }
  Request& value(std::int64_t i) override { return scalar(i); }
  Request& value(bool b) override { return scalar(b); }
  Request& value(const model::Value& v) override;
  Request& ref(const model::Block& block) override;

private:
  Request& open(bool array);
  Request& close(bool array);
  template <typename T>
  Request& scalar(T v) {
    free_next_ = false;
    w_.value(v);
    return *this;
  }
  // Whether what comes next is written as it is: inside a free-form map, or the value of its key.
  bool as_is() {
    const bool yes = free_at_ != 0 || free_next_;
    free_next_ = false;
    return yes;
  }

  Lowering& l_;
  common::JsonWriter& w_;
  unsigned depth_ = 0;     // of the containers opened here
  unsigned free_at_ = 0;   // the depth of the free-form map being written, or 0
  bool free_next_ = false; // the key just written names a free-form map
};

// Whether the block is of the kind. (std::string == const char* compares through memcmp even when
// the lengths differ; a string_view compares the lengths first.)
inline bool is_kind(const model::Block& block, std::string_view kind) {
  return std::string_view(block.kind_name) == kind;
}

// One function per kind (common/lowerings.h); each adds the block's resources.
#define ECL_DECLARE_LOWERING(kind, function) void function(Lowering& l, const model::Block& b);
ECL_LOWERINGS(ECL_DECLARE_LOWERING)
#undef ECL_DECLARE_LOWERING
// The logical ID of the file system's mount target in `subnet` (`DataMountTargetMainA`).
std::string mount_target_id(const model::Block& fs, const model::Block& subnet);
// Adds the template parameter that an ec2_capacity block needs (its AMI named by a public SSM
// parameter), if it does, to `parameters`; returns its ID, or "".
std::string add_image_parameter(Lowering& l, const model::Block& b, json& parameters);

// The Pascal-case form of a name: "private_a" -> "PrivateA", "ec2_capacity" -> "Ec2Capacity".
std::string pascal(std::string_view name);
// The Pascal-case path of a block without its kind: `subnet main.private_a` -> "MainPrivateA".
std::string path_id(const model::Block& block);

} // namespace ecl::backend::cfn
