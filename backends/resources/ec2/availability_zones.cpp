// The availability zones of the region, read for `availability_zones(n)`: nothing is made, so
// nothing is deleted, found again or tagged. The plan filters out Local and Wavelength Zones
// (`zone-type`) and zones that are not available, as Fn::GetAZs does; EC2 lists them by name.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAvailabilityZones.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_availability_zones() {
  static const Descriptor d{"ec2/availability_zones",
                            "",
                            {{.service = "ec2",
                              .name = "DescribeAvailabilityZones",
                              .outputs = {{"zone0", "AvailabilityZones[0].ZoneName"},
                                          {"zone1", "AvailabilityZones[1].ZoneName"},
                                          {"zone2", "AvailabilityZones[2].ZoneName"},
                                          {"zone3", "AvailabilityZones[3].ZoneName"},
                                          {"zone4", "AvailabilityZones[4].ZoneName"},
                                          {"zone5", "AvailabilityZones[5].ZoneName"}}}}};
  return d;
}

} // namespace ecl::resources
