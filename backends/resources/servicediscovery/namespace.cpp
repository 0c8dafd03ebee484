// A Cloud Map namespace: an HTTP namespace, or a private DNS namespace of a VPC (with its Route 53
// private hosted zone). Its create call only starts the work (answers_handle); DeleteNamespace
// is asynchronous too, waited for until GetNamespace no longer finds it.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateHttpNamespace.html
// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html
// https://docs.aws.amazon.com/cloud-map/latest/api/API_GetOperation.html
// https://docs.aws.amazon.com/cloud-map/latest/api/API_DeleteNamespace.html
#include "backends/resources/resource.h"

namespace ecl::resources {

namespace {

Operation create_namespace(std::string_view name, std::string_view update,
                           std::string_view replace_reason) {
  static const Codes gone = {"NamespaceNotFound"};
  static const Request probe = {"servicediscovery", "GetNamespace", {{"Id", "$output.id"}}, gone};
  return {.service = "servicediscovery",
          .name = name,
          .outputs = {{"id", "Namespace.Id"}, {"arn", "Namespace.Arn"}},
          .on_change = OnChange::Update,
          .update = Request{"servicediscovery",
                            update,
                            {{"Id", "$output.id"},
                             {"Namespace", {{"Description", "$request.Description"}}}}},
          .updatable = {"Description"},
          .replace_reasons = {{"", replace_reason}},
          .remove = {{{"servicediscovery", "DeleteNamespace", {{"Id", "$output.id"}}, gone},
                      Waiter{.what = "namespace {} to be deleted",
                             .subject = "$output.id",
                             .probe = probe,
                             .status = "Namespace.Type",
                             .done = {"gone"}}}},
          .deleted_first = "its name is taken until it is deleted",
          .lookup = cloud_map_lookup({"servicediscovery", "ListNamespaces"}, "Namespaces",
                                     "Namespace", "namespace `{}`"),
          .wait = Waiter{.what = "namespace {} to be created",
                         .subject = "$request.Name",
                         .probe = {"servicediscovery",
                                   "GetOperation",
                                   {{"OperationId", "$answer.OperationId"}}},
                         .status = "Operation.Status",
                         .done = {"SUCCESS"},
                         .failed = {"FAIL"},
                         .reason = "Operation.ErrorMessage"},
          .tags = {TagStyle::CloudMap, "$output.arn"},
          .client_token = "CreatorRequestId",
          .answers_handle = true,
          .refresh = Refresh{.read = {"servicediscovery", "ListNamespaces"},
                             .subject = "$output.id",
                             .items = "Namespaces",
                             .id = "Id",
                             .compare = {{"Description"}},
                             .next_token = "NextToken"}};
}

} // namespace

const Descriptor& servicediscovery_http_namespace() {
  static const Descriptor d{
      "servicediscovery/http_namespace",
      "AWS::ServiceDiscovery::HttpNamespace",
      {create_namespace("CreateHttpNamespace", "UpdateHttpNamespace",
                        "a namespace's name is set when it is made ({})")},
      {{"namespace", "arn", "", "CreateHttpNamespace", "arn", "", "Arn", true},
       {"namespace", "id", "", "CreateHttpNamespace", "id", "", "Id"}}};
  return d;
}

const Descriptor& servicediscovery_private_dns_namespace() {
  static const Descriptor d{
      "servicediscovery/private_dns_namespace",
      "AWS::ServiceDiscovery::PrivateDnsNamespace",
      {create_namespace("CreatePrivateDnsNamespace", "UpdatePrivateDnsNamespace",
                        "a namespace's name and VPC are set when it is made ({})")}};
  return d;
}

} // namespace ecl::resources
