// The VPC kinds: vpc, subnet, internet_gateway, nat_gateway, route_table and route, endpoint,
// security_group with its ingress and egress rules; all EC2 calls.
#include "backends/common/aws.h"
#include "backends/plan/planner.h"
#include "compiler/model/made_names.h"

#include <fmt/format.h>

namespace ecl::backend::plan {

namespace {

// "tcp 80", "tcp 32768-65535", "all traffic", "icmp": how a rule reads in the summary.
std::string ports_text(const common::RulePorts& ports) {
  if (ports.protocol == "-1") {
    return "all traffic";
  }
  if (!ports.from || (ports.protocol == "icmp" && *ports.from == -1)) {
    return ports.protocol;
  }
  if (*ports.from == *ports.to) {
    return fmt::format("{} {}", ports.protocol, *ports.from);
  }
  return fmt::format("{} {}-{}", ports.protocol, *ports.from, *ports.to);
}

} // namespace

void lower_vpc(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ec2", "CreateVpc");
  json cidr = p.value(*p.get(b, "cidr"));
  s.params["CidrBlock"] = cidr;
  if (const std::string* tenancy = p.get_enum(b, "instance_tenancy")) {
    s.params["InstanceTenancy"] = *tenancy;
  }
  p.add_tags(s, b);
  s.summary = text_of(cidr);
  // A new VPC resolves names (EnableDnsSupport) but gives no hostnames (EnableDnsHostnames);
  // one attribute a call, support before hostnames (hostnames need it).
  bool support = p.get_bool(b, "dns_support");
  bool hostnames = p.get_bool(b, "dns_hostnames");
  if (!support) {
    Step& m = p.add(b, "dns-support", "ec2", "ModifyVpcAttribute");
    m.params["VpcId"] = p.ref(b);
    m.params["EnableDnsSupport"] = {{"Value", false}};
    m.summary = "DNS support off";
  }
  if (hostnames) {
    Step& m = p.add(b, "dns-hostnames", "ec2", "ModifyVpcAttribute");
    m.params["VpcId"] = p.ref(b);
    m.params["EnableDnsHostnames"] = {{"Value", true}};
    m.summary = "DNS hostnames on";
    if (!support) {
      m.after.push_back(p.step_id(b, "dns-support"));
    }
  }
}

void lower_subnet(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ec2", "CreateSubnet");
  s.params["VpcId"] = p.ref(*b.parent);
  json cidr = p.value(*p.get(b, "cidr"));
  s.params["CidrBlock"] = cidr;
  const std::string* zone = model::zone_of(b);
  s.params["AvailabilityZone"] = p.value(*p.get(b, "zone"));
  p.add_tags(s, b);
  bool is_public = p.get_bool(b, "public");
  s.summary =
      fmt::format("{} in {}{}", text_of(cidr), zone ? *zone : "?", is_public ? ", public" : "");
  if (is_public) {
    Step& m = p.add(b, "public-ip", "ec2", "ModifySubnetAttribute");
    m.params["SubnetId"] = p.ref(b);
    m.params["MapPublicIpOnLaunch"] = {{"Value", true}};
    m.summary = "public IPs on launch";
  }
}

void lower_internet_gateway(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ec2", "CreateInternetGateway");
  p.add_tags(s, b);
  Step& a = p.add(b, "attach", "ec2", "AttachInternetGateway");
  a.params["InternetGatewayId"] = p.ref(b);
  a.params["VpcId"] = p.ref(*b.parent);
  a.summary = fmt::format("to vpc {}", b.parent->path);
}

void lower_nat_gateway(Planner& p, const model::Block& b) {
  // The Elastic IP and the gateway wait for the internet gateway's attachment: a NAT gateway in a
  // subnet without a working route to the internet fails to start.
  std::string attachment = p.attachment_step(*b.parent);
  Step& eip = p.add(b, "eip", "ec2", "AllocateAddress");
  eip.params["Domain"] = "vpc";
  p.add_tags(eip, b);
  eip.summary = "Elastic IP";
  Step& s = p.add(b, "", "ec2", "CreateNatGateway");
  const model::Block& subnet = *p.get_ref(b, "subnet");
  s.params["SubnetId"] = p.ref(subnet);
  s.params["AllocationId"] = p.output(b, "eip", "allocation_id");
  p.add_tags(s, b);
  s.summary = fmt::format("in subnet {}", subnet.path);
  if (!attachment.empty()) {
    eip.after.push_back(attachment);
    s.after.push_back(attachment);
  }
}

void lower_route_table(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ec2", "CreateRouteTable");
  s.params["VpcId"] = p.ref(*b.parent);
  p.add_tags(s, b);
  for (const model::Block* subnet : p.get_refs(b, "subnets")) {
    Step& a = p.add(b, "associate." + subnet->name, "ec2", "AssociateRouteTable");
    a.params["RouteTableId"] = p.ref(b);
    a.params["SubnetId"] = p.ref(*subnet);
    a.summary = fmt::format("subnet {}", subnet->path);
  }
}

void lower_route(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ec2", "CreateRoute");
  const model::Block& target = *p.get_ref(b, "target");
  s.params["RouteTableId"] = p.ref(*b.parent);
  json destination = p.value(*p.get(b, "destination"));
  s.params["DestinationCidrBlock"] = destination;
  bool igw = target.kind_name == "internet_gateway";
  s.params[igw ? "GatewayId" : "NatGatewayId"] = p.ref(target);
  if (igw) {
    // A route to an internet gateway fails until the gateway is attached to the VPC.
    s.after.push_back(p.attachment_step(*target.parent));
  }
  s.summary = fmt::format("{} via {} {}", text_of(destination), target.kind_name, target.path);
}

void lower_endpoint(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ec2", "CreateVpcEndpoint");
  const std::string* type = p.get_enum(b, "type");
  bool gateway = type && *type == "gateway";
  s.params["VpcEndpointType"] = gateway ? "Gateway" : "Interface";
  s.params["VpcId"] = p.ref(*b.parent);
  std::string service_name;
  if (const std::string* service = p.get_string(b, "service")) {
    // A short name gets the plan's region.
    service_name = service->rfind("com.amazonaws.", 0) == 0
                       ? *service
                       : fmt::format("com.amazonaws.{}.{}", p.region(), *service);
    s.params["ServiceName"] = Planner::literal(service_name);
  }
  if (gateway) {
    s.params["RouteTableIds"] = p.refs(p.get_refs(b, "route_tables"));
  } else {
    s.params["SubnetIds"] = p.refs(p.get_refs(b, "subnets"));
    if (auto groups = p.get_refs(b, "security_groups"); !groups.empty()) {
      s.params["SecurityGroupIds"] = p.refs(groups);
    }
    s.params["PrivateDnsEnabled"] = p.get_bool(b, "private_dns");
  }
  p.add_tags(s, b);
  s.summary = fmt::format("{} {}", gateway ? "gateway" : "interface", service_name);
}

void lower_security_group(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ec2", "CreateSecurityGroup");
  // EC2 wants a name unique in the VPC (at most 255 characters, not starting with `sg-`).
  const model::Value* name = p.get(b, "name");
  s.params["GroupName"] = name ? p.value(*name) : json(model::made_name_of(p.program(), b));
  s.made_name = name == nullptr;
  if (const std::string* description = p.get_string(b, "description")) {
    s.params["Description"] = Planner::literal(*description);
    s.summary = *description;
  }
  s.params["VpcId"] = p.ref(*b.parent);
  p.add_tags(s, b);
  // A new group allows all outbound traffic; a group with egress rules allows only those, as in
  // CloudFormation: the default rule goes first, before the group's own rules are added.
  if (b.first_child("egress")) {
    Step& r = p.add(b, "revoke-default-egress", "ec2", "RevokeSecurityGroupEgress");
    r.params["GroupId"] = p.ref(b);
    r.params["IpPermissions"] = json::array(
        {{{"IpProtocol", "-1"}, {"IpRanges", json::array({{{"CidrIp", "0.0.0.0/0"}}})}}});
    r.summary = "the default allow-all egress rule";
  }
}

void lower_rule(Planner& p, const model::Block& b) {
  bool in = b.kind_name == "ingress";
  const model::Block* group = b.parent;
  Step& s =
      p.add(b, "", "ec2", in ? "AuthorizeSecurityGroupIngress" : "AuthorizeSecurityGroupEgress");
  s.params["GroupId"] = p.ref(*group);
  common::RulePorts ports = common::rule_ports(p.get_enum(b, "protocol"), p.get_int(b, "port"),
                                               p.get_int(b, "from_port"), p.get_int(b, "to_port"));
  json permission = {{"IpProtocol", ports.protocol}};
  if (ports.from) {
    permission["FromPort"] = *ports.from;
    permission["ToPort"] = *ports.to;
  }
  // The peer: another group (a UserIdGroupPairs item) or a CIDR (an IpRanges item).
  const model::Value& peer = *p.get(b, common::rule_peer(b));
  const model::Block* other = peer.block();
  json item = other ? json{{"GroupId", p.ref(*other)}} : json{{"CidrIp", p.value(peer)}};
  if (const std::string* description = p.get_string(b, "description")) {
    item["Description"] = Planner::literal(*description);
  }
  std::string peer_text =
      other ? fmt::format("security group {}", other->path) : text_of(item["CidrIp"]);
  permission[other ? "UserIdGroupPairs" : "IpRanges"] = json::array({std::move(item)});
  s.params["IpPermissions"] = json::array({permission});
  p.add_tags(s, b);
  s.summary = fmt::format("{} {} {}", ports_text(ports), in ? "from" : "to", peer_text);
  if (!in) {
    s.after.push_back(p.step_id(*group, "revoke-default-egress"));
  }
}

} // namespace ecl::backend::plan
