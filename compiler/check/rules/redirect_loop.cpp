// A redirect changes the request (E3317). A listener or rule that redirects to its own protocol and
// port while keeping the host, path and query (`#{host}`, `/#{path}`, `#{query}`, the defaults)
// sends the client back to itself forever; Elastic Load Balancing refuses it: a redirect "must
// change at least one of protocol, port, host, path, query".
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace redirect_loop_rule {
namespace {

// Whether the redirect's `field` is absent or keeps the request's own (`placeholder`).
bool keeps(const model::Value& redirect, std::string_view field, std::string_view placeholder) {
  const model::Value* v = redirect.field(field);
  if (!v || v->is_null()) {
    return true;
  }
  const std::string* s = v->string();
  return s && *s == placeholder;
}

void check(RuleContext& c, const model::Block& block, const model::Block& listener) {
  const model::Value* redirect = block.get("redirect");
  const std::string* protocol = listener.get_enum("protocol");
  auto port = listener.get_int("port");
  if (!redirect || !protocol || !port) {
    return;
  }
  const model::Value* to = redirect->field("protocol");
  const std::string* to_protocol = to ? to->enum_member() : nullptr;
  if (!to_protocol || *to_protocol != *protocol) {
    return;
  }
  const model::Value* to_port = redirect->field("port");
  std::int64_t target_port = *to_protocol == "https" ? 443 : 80; // the backends' default
  if (to_port && !to_port->is_null()) {
    auto n = to_port->number();
    if (!n) {
      return;
    }
    target_port = static_cast<std::int64_t>(*n);
  }
  if (target_port != *port || !keeps(*redirect, "host", "#{host}") ||
      !keeps(*redirect, "path", "/#{path}") || !keeps(*redirect, "query", "#{query}")) {
    return;
  }
  std::string_view other = *protocol == "http" ? "https" : "http";
  c.diags.report(Diag::RedirectLoop, attribute_range(block, "redirect"), block.display(),
                 fmt::format("{}:{}", *protocol, *port), other);
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
} // namespace redirect_loop_rule

extern const Rule kRedirectLoopRule;
const Rule kRedirectLoopRule{
    "redirect-loop",
    "a listener's or rule's redirect changes the protocol, port, host, path or query",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "load-balancer-listeners.html#redirect-actions",
    {Diag::RedirectLoop},
    redirect_loop_rule::run};

} // namespace ecl::check
