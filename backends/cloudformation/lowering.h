// The CloudFormation lowering's shared state: the template being built, the logical IDs taken so
// far (collision-checked), and the helpers every area uses to turn model values into template
// JSON (Ref, Fn::GetAtt, Fn::Sub, tags). network.cpp lowers the VPC kinds, ecs.cpp the ECS ones.
#pragma once

#include "backends/common/json_writer.h"
#include "backends/common/model_reader.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/model/model.h"

#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

namespace ecl::backend::cfn {

using json = nlohmann::ordered_json;

// Reads the model through ModelReader (every read recorded for the coverage test).
class Lowering : public ModelReader {
public:
  Lowering(const model::Program& program, Diagnostics& diags, std::set<std::string>* read)
      : ModelReader(read), program_(program), diags_(diags) {
    resources_writer_.begin_object();
  }

  // Appends the whole template (as `dump(2)` writes it, and a newline), or returns false when a
  // logical ID collided.
  bool run(std::string& out);

  // ---- building the template -------------------------------------------------------------------
  // Adds a resource that `owner` lowers to and returns it ({"Type", "Properties": {}}); reports
  // E4001 when another block already took the ID.
  json& add_resource(const model::Block& owner, const std::string& id, std::string_view type);
  json& add_parameter(const model::Block& owner, const std::string& id);

  // The template value of a folded model value: strings, numbers and lists as they are, enum
  // members by name, references as Ref / Fn::GetAtt, strings with deferred parts as Fn::Sub.
  json value(const model::Value& v) const;
  // A reference to the block's main resource ({"Ref": id}, or Fn::GetAtt GroupId for groups).
  json ref(const model::Block& block) const;
  json deferred(const model::Deferred& d) const;
  // The stack's tags, the block's `tags`, and `ecl:path`: [{Key, Value}...].
  json tags(const model::Block& block, bool propagate_at_launch = false);
  // A string as CloudFormation wants it in Fn::Sub: `${` escaped as `${!`.
  static std::string sub_literal(std::string_view text);
  // "us-east-1a" -> {"Fn::Sub": "${AWS::Region}a"}: the zone relative to the stack's region.
  json zone(const std::string& zone_name);
  // The logical ID of the gateway attachment of the vpc's internet gateway, or "".
  std::string attachment_id(const model::Block& vpc) const;
  // The logical ID of a cluster's capacity provider associations, or "".
  std::string associations_id(const model::Block& cluster);

  const model::Program& program() const { return program_; }

private:
  void lower_block(const model::Block& block);
  // Writes the resources added so far to resources_text_ and drops them.
  void write_resources();
  json outputs();
  json output_value(const model::Value& v) const;

  const model::Program& program_;
  Diagnostics& diags_;
  json parameters_ = json::object();
  // The resources of the block being lowered, in the order they were added; a deque so that the
  // references add_resource returns stay valid while the block's lowering fills them in.
  std::deque<std::pair<std::string, json>> resources_;
  // The Resources object as written so far: each block's resources are written once its lowering
  // is done, while they are still in the cache, rather than kept until the end. (Parameters come
  // first in the template, and any block may add one, so the object is spliced in at the end.)
  std::string resources_text_;
  common::JsonWriter resources_writer_{resources_text_, 2, 1};
  std::map<std::string, const model::Block*, std::less<>> owners_;
  json scratch_; // the target of a resource whose ID collided
  bool failed_ = false;
};

// One function per kind; each adds the block's resources (children are visited after it).
void lower_vpc(Lowering& l, const model::Block& b);
void lower_subnet(Lowering& l, const model::Block& b);
void lower_internet_gateway(Lowering& l, const model::Block& b);
void lower_nat_gateway(Lowering& l, const model::Block& b);
void lower_route_table(Lowering& l, const model::Block& b);
void lower_route(Lowering& l, const model::Block& b);
void lower_endpoint(Lowering& l, const model::Block& b);
void lower_security_group(Lowering& l, const model::Block& b);
void lower_rule(Lowering& l, const model::Block& b); // ingress and egress to a group
void lower_cluster(Lowering& l, const model::Block& b);
void lower_ec2_capacity(Lowering& l, const model::Block& b);
void lower_task(Lowering& l, const model::Block& b); // with its containers
void lower_service(Lowering& l, const model::Block& b);

// The Pascal-case form of a name: "private_a" -> "PrivateA", "ec2_capacity" -> "Ec2Capacity".
std::string pascal(std::string_view name);
// The Pascal-case path of a block without its kind: `subnet main.private_a` -> "MainPrivateA".
std::string path_id(const model::Block& block);
// Whether the deferred attribute `kind.attribute` has a template form (Ref / Fn::GetAtt).
bool has_deferred_form(std::string_view kind, std::string_view attribute);

} // namespace ecl::backend::cfn
