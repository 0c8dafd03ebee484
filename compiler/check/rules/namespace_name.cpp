// A Cloud Map namespace's name follows Cloud Map's rule (E3330): printable ASCII without spaces,
// not starting with `arn:`, at most 1024 characters for an HTTP namespace; a private DNS namespace
// (in a `vpc`) names a Route 53 private hosted zone as well: at most 253 characters, in labels of
// at most 63.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateHttpNamespace.html
// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace namespace_name_rule {
namespace {

// What is wrong with `name`, "" when nothing is.
std::string problem_of(std::string_view name, bool dns) {
  if (name.empty()) {
    return "is empty";
  }
  if (name.starts_with("arn:")) {
    return "starts with `arn:`, which Cloud Map takes for an ARN";
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < '!' || c > '~') {
      std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      return fmt::format("has `{}`; only printable ASCII without spaces is allowed",
                         name.substr(i, length));
    }
  }
  const std::size_t max = dns ? 253 : 1024;
  if (name.size() > max) {
    return fmt::format("has {} characters; at most {} are allowed", name.size(), max);
  }
  if (dns) {
    std::size_t start = 0;
    while (start <= name.size()) {
      std::size_t dot = std::min(name.find('.', start), name.size());
      std::size_t label = dot - start;
      if (label == 0 && dot != name.size()) {
        return "has an empty label; a DNS name's labels are separated by single dots";
      }
      if (label > 63) {
        return fmt::format("has a label of {} characters; a DNS label has at most 63", label);
      }
      start = dot + 1;
    }
  }
  return "";
}

void run(RuleContext& c) {
  for (const model::Block* ns : c.program.of_kind("namespace")) {
    const std::string* name = ns->get_string("name");
    if (!name) {
      continue;
    }
    const bool dns = ns->parent && ns->parent->kind_name == "vpc";
    std::string problem = problem_of(*name, dns);
    if (problem.empty()) {
      continue;
    }
    const model::Attribute* written = ns->attribute("name");
    c.diags.report(Diag::NamespaceNameFormat, attribute_range(*ns, "name"),
                   dns ? "private DNS namespace" : "HTTP namespace", *name, problem,
                   written && !written->defaulted
                       ? std::string("choose another `name`")
                       : std::string("it is the block's name by default; give the block a `name`"));
  }
}

} // namespace
} // namespace namespace_name_rule

extern const Rule kNamespaceNameRule;
const Rule kNamespaceNameRule{
    "namespace-name",
    "a Cloud Map namespace's name follows Cloud Map's rule for its type",
    "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html",
    {Diag::NamespaceNameFormat},
    namespace_name_rule::run};

} // namespace ecl::check
