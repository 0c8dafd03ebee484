// A Cloud Map service of a private DNS namespace, where ECS registers the tasks of a service with
// a `discovery` block (its serviceRegistries), deleted once the ECS service is gone. The TTL of
// its records changes in place (UpdateService); nothing else of it can.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html
// https://docs.aws.amazon.com/cloud-map/latest/api/API_UpdateService.html
// https://docs.aws.amazon.com/cloud-map/latest/api/API_DeleteService.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& servicediscovery_service() {
  static const Descriptor d{
      "servicediscovery/service",
      "AWS::ServiceDiscovery::Service",
      {{.service = "servicediscovery",
        .name = "CreateService",
        .outputs = {{"id", "Service.Id"}, {"arn", "Service.Arn"}},
        // Its records' TTL changes in place: replaced, it would be deleted first, which Cloud
        // Map refuses while the ECS service's tasks are registered in it.
        .on_change = OnChange::Update,
        .update = Request{"servicediscovery",
                          "UpdateService",
                          {{"Id", "$output.id"},
                           {"Service",
                            {{"DnsConfig", {{"DnsRecords", "$request.DnsConfig.DnsRecords"}}}}}}},
        .updatable = {"DnsConfig.DnsRecords.TTL"},
        .replace_reasons = {{"", "a Cloud Map service's name, namespace and record type are set "
                                 "when it is made ({})"}},
        .remove = {{{"servicediscovery",
                     "DeleteService",
                     {{"Id", "$output.id"}},
                     {"ServiceNotFound", "NamespaceNotFound"}}}},
        .deleted_first = "its name is taken in its namespace until it is deleted",
        // The namespace's services (moto ignores the filter; the name and the lineage tag tell).
        .lookup = cloud_map_lookup(
            {"servicediscovery",
             "ListServices",
             {{"Filters", json::array({{{"Name", "NAMESPACE_ID"},
                                        {"Values", json::array({"$request.NamespaceId"})},
                                        {"Condition", "EQ"}}})}}},
            "Services", "Service", "Cloud Map service `{}`"),
        .tags = {TagStyle::CloudMap, "$output.arn"},
        .client_token = "CreatorRequestId",
        .refresh = Refresh{.read = {"servicediscovery", "ListServices"},
                           .subject = "$output.id",
                           .items = "Services",
                           .id = "Id",
                           .next_token = "NextToken"}}},
      {{"discovery", "arn", "", "CreateService", "arn", "", "Arn", true}}};
  return d;
}

} // namespace ecl::resources
