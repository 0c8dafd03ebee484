// The launch template of an ec2_capacity's instances.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_launch_template() {
  static const Descriptor d{
      "ec2/launch_template",
      "AWS::EC2::LaunchTemplate",
      {{.service = "ec2",
        .name = "CreateLaunchTemplate",
        .outputs = {{"id", "LaunchTemplate.LaunchTemplateId"},
                    {"version", "LaunchTemplate.LatestVersionNumber"}},
        .remove = {{{"ec2",
                     "DeleteLaunchTemplate",
                     {{"LaunchTemplateId", "$output.id"}},
                     {"InvalidLaunchTemplateId.NotFound",
                      "InvalidLaunchTemplateName.NotFoundException"}}}},
        // Names are unique in the region: beside the old one, a made name takes another.
        .create_first = CreateFirst{{"LaunchTemplateName"}, "LaunchTemplateName", 128},
        .lookup = tagged("DescribeLaunchTemplates", "LaunchTemplates", "LaunchTemplate"),
        .tags = {TagStyle::Ec2, "$output.id", "launch-template"},
        .client_token = "ClientToken",
        .refresh = Refresh{.read = {"ec2",
                                    "DescribeLaunchTemplates",
                                    {{"LaunchTemplateIds", "$ids"}},
                                    {"InvalidLaunchTemplateId.NotFound"}},
                           .subject = "$output.id",
                           .items = "LaunchTemplates",
                           .id = "LaunchTemplateId",
                           .next_token = "NextToken",
                           .batch = 200}}},
      {{"ec2_capacity", "launch_template", "launch-template", "CreateLaunchTemplate", "id",
        "LaunchTemplate"}}};
  return d;
}

} // namespace ecl::resources
