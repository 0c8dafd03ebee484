// An internet-facing load balancer that listens with HTTPS sends port 80 to it: a listener on port
// 80 that forwards or answers in plain HTTP leaves that traffic unencrypted.
#include "compiler/check/rules/load_balancing.h"

#include <fmt/format.h>

namespace ecl::check {
namespace https_redirect_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* lb : load_balancing::internet_facing(c.program)) {
    const model::Block* https = nullptr;
    for (const model::Block* listener : lb->each_child("listener")) {
      const std::string* protocol = listener->get_enum("protocol");
      if (protocol && *protocol == "https") {
        https = listener;
        break;
      }
    }
    if (!https) {
      continue;
    }
    for (const model::Block* listener : lb->each_child("listener")) {
      const std::string* protocol = listener->get_enum("protocol");
      auto port = listener->get_int("port");
      if (!protocol || *protocol != "http" || port != 80 || listener->get("redirect")) {
        continue;
      }
      c.diags
          .report(Diag::PlainHttpBesideHttps, listener->header_range, listener->path, lb->path,
                  https->path)
          .note(https->header_range,
                fmt::format("listener `{}` serves HTTPS on port {}", https->path,
                            https->get_int("port").value_or(443)));
    }
  }
}

} // namespace
} // namespace https_redirect_rule

extern const Rule kHttpsRedirectRule;
const Rule kHttpsRedirectRule{
    "https-redirect",
    "Warns when an internet-facing load balancer with an HTTPS listener serves port 80 in plain "
    "HTTP",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "load-balancer-listeners.html#redirect-actions",
    {Diag::PlainHttpBesideHttps},
    https_redirect_rule::run};

} // namespace ecl::check
