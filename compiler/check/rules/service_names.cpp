// ECS names a service by its `name`, unique among the cluster's services (E3250): two blocks that
// give one name would make the second CreateService fail (or, in a template, both resources fight
// over one service).
#include "compiler/check/rules/rule.h"

#include <string>
#include <unordered_map>

namespace ecl::check {
namespace service_names_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* cluster : c.program.of_kind("cluster")) {
    std::unordered_map<std::string, const model::Block*> seen;
    for (const model::Block* service : cluster->each_child("service")) {
      const std::string* name = service->get_string("name");
      if (!name) {
        continue;
      }
      auto [it, fresh] = seen.emplace(*name, service);
      if (!fresh) {
        c.diags
            .report(Diag::DuplicateServiceName, attribute_range(*service, "name"), service->path,
                    *name, cluster->path, it->second->path)
            .note(it->second->header_range, "the other service is declared here");
      }
    }
  }
}

} // namespace
} // namespace service_names_rule

extern const Rule kServiceNamesRule;
const Rule kServiceNamesRule{
    "service-names",
    "services of one cluster have distinct names",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
    {Diag::DuplicateServiceName},
    service_names_rule::run};

} // namespace ecl::check
