// A backend's spelling of model values as JSON. Both backends turn folded model values into the
// JSON of a request (a plan step's params, a template resource's properties) the same way, except
// for what only the backend can name: another block, a deferred attribute AWS assigns, a string
// with such parts. Spelling walks the value once; each backend implements those few hooks (the
// plan as `${step.Response.Path}` placeholders, CloudFormation as Ref / Fn::GetAtt / Fn::Sub).
#pragma once

#include "backends/common/model_reader.h"
#include "compiler/model/model.h"

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecl::backend::common {

using json = nlohmann::ordered_json;

// `text` with each `${` written `escaped`, so that it is not read as a reference (CloudFormation's
// Fn::Sub takes `${!`, a plan `$${`).
std::string escape_placeholders(std::string_view text, std::string_view escaped);

class Spelling : public ModelReader {
public:
  // `stack`: the program's stack block, or null.
  Spelling(const model::Block* stack, std::set<std::string>* read)
      : ModelReader(read), stack_tags_(stack ? get(*stack, "tags") : nullptr) {}
  virtual ~Spelling() = default;

  // The request value of a folded model value: strings (string_value), numbers, booleans and
  // lists as they are, quantities as whole numbers, enum members by name, maps as objects,
  // references and deferred attributes through the hooks below.
  json value(const model::Value& v);
  // References to blocks (ref), as a list: subnets, security groups.
  json refs(const std::vector<const model::Block*>& blocks);

  // ---- what each backend spells its own way -----------------------------------------------------
  // A reference to a block: what other requests take for it (a VPC id, a group id, a task
  // definition ARN, a capacity provider name; a container's name).
  virtual json ref(const model::Block& block) = 0;
  // A deferred attribute (`prod.arn`), or null.
  virtual json deferred_value(const model::Deferred& d) = 0;
  // A literal string.
  virtual json string_value(const std::string& text) = 0;
  // A string with deferred parts (`"${prod.arn}/x"`): the text of each part, then the whole.
  virtual std::string template_text(std::string_view literal) = 0;
  virtual std::string template_reference(const model::Deferred& d) = 0;
  virtual json template_value(std::string text) = 0;

  // The tags of every resource a block lowers to, but `ecl:path` (which each backend adds last):
  // the stack's `tags`, overridden and extended by the block's own, in order. Valid until the next
  // call.
  const std::vector<std::pair<std::string_view, const model::Value*>>&
  merged_tags(const model::Block& block);

private:
  // The stack's `tags`, read once (every resource carries them).
  const model::Value* stack_tags_;
  std::vector<std::pair<std::string_view, const model::Value*>> merged_tags_;
};

} // namespace ecl::backend::common
