// A redirect or fixed response is one Elastic Load Balancing takes (E3323). CreateListener and
// CreateRule refuse a `RedirectActionConfig` whose `Path` is not absolute ("The absolute path,
// starting with the leading /") and a redirect of an HTTPS listener to HTTP ("You cannot redirect
// HTTPS to HTTP"), and a `FixedResponseActionConfig` whose `MessageBody` is over 1024 characters.
// A path or body built from a deferred value is not judged.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RedirectActionConfig.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_FixedResponseActionConfig.html
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::check {
namespace listener_action_config_rule {
namespace {

constexpr std::size_t kMaxBody = 1024;

// Characters (code points) of UTF-8 text: what the API's length counts.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void check(RuleContext& c, const model::Block& block, const model::Block& listener) {
  if (const model::Value* redirect = block.get("redirect"); redirect && !redirect->is_null()) {
    const model::Value* path = redirect->field("path");
    const std::string* text = path ? path->string() : nullptr;
    if (text && !text->starts_with("/")) {
      c.diags
          .report(Diag::ActionConfig, path->range,
                  fmt::format("{} redirects to the path `{}`, which does not start with `/`; "
                              "Elastic Load Balancing takes an absolute path: `/{}`",
                              block.display(), *text, *text))
          .fix(path->range, fmt::format("\"/{}\"", *text));
    }
    const model::Value* to = redirect->field("protocol");
    const std::string* to_protocol = to ? to->enum_member() : nullptr;
    const std::string* from = listener.get_enum("protocol");
    if (to_protocol && from && *from == "https" && *to_protocol == "http") {
      c.diags
          .report(Diag::ActionConfig, to->range,
                  fmt::format("{} redirects HTTPS requests to `http`; Elastic Load Balancing "
                              "redirects HTTP to HTTP or HTTPS, and HTTPS only to HTTPS",
                              block.display()))
          .note(attribute_range(listener, "protocol"),
                fmt::format("listener `{}` uses `https`", listener.path));
    }
  }
  if (const model::Value* response = block.get("fixed_response");
      response && !response->is_null()) {
    const model::Value* body = response->field("body");
    const std::string* text = body ? body->string() : nullptr;
    if (text && characters(*text) > kMaxBody) {
      c.diags.report(Diag::ActionConfig, body->range,
                     fmt::format("the fixed response of {} has a body of {} characters; Elastic "
                                 "Load Balancing takes at most {}",
                                 block.display(), characters(*text), kMaxBody));
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* listener : c.program.of_kind("listener")) {
    check(c, *listener, *listener);
    for (const model::Block* rule : listener->each_child("rule")) {
      check(c, *rule, *listener);
    }
  }
}

} // namespace
} // namespace listener_action_config_rule

extern const Rule kListenerActionConfigRule;
const Rule kListenerActionConfigRule{
    "listener-action-config",
    "a redirect has an absolute path and does not take HTTPS to HTTP; a fixed response's body "
    "is at most 1024 characters",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/"
    "API_RedirectActionConfig.html",
    {Diag::ActionConfig},
    listener_action_config_rule::run};

} // namespace ecl::check
