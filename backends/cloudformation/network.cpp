// The VPC kinds: vpc, subnet, internet_gateway, nat_gateway, route_table and route, endpoint,
// security_group with its ingress and egress rules.
#include "backends/cloudformation/cloudformation.h"
#include "backends/cloudformation/lowering.h"
#include "backends/common/aws.h"

namespace ecl::backend::cfn {

namespace {

json vpc_ref(const model::Block& b) {
  const model::Block* vpc = b.ancestor("vpc");
  return vpc ? json{{"Ref", logical_id(*vpc)}} : json(nullptr);
}

json refs(Lowering& l, const std::vector<const model::Block*>& blocks) {
  json out = json::array();
  for (const model::Block* b : blocks) {
    out.push_back(l.ref(*b));
  }
  return out;
}

// The protocol and ports of a security group rule, as SecurityGroupIngress/Egress want them.
void rule_ports(Lowering& l, const model::Block& rule, json& out) {
  common::RulePorts ports =
      common::rule_ports(l.get_enum(rule, "protocol"), l.get_int(rule, "port"),
                         l.get_int(rule, "from_port"), l.get_int(rule, "to_port"));
  out["IpProtocol"] = ports.protocol;
  if (ports.from) {
    out["FromPort"] = *ports.from;
    out["ToPort"] = *ports.to;
  }
}

const char* peer_attribute(const model::Block& rule) {
  return rule.kind_name == "ingress" ? "from" : "to";
}

} // namespace

void lower_vpc(Lowering& l, const model::Block& b) {
  json& r = l.add_resource(b, logical_id(b), "AWS::EC2::VPC");
  json& p = r["Properties"];
  p["CidrBlock"] = l.value(*l.get(b, "cidr"));
  p["EnableDnsSupport"] = l.get_bool(b, "dns_support", true);
  p["EnableDnsHostnames"] = l.get_bool(b, "dns_hostnames", true);
  if (const std::string* tenancy = l.get_enum(b, "instance_tenancy")) {
    p["InstanceTenancy"] = *tenancy;
  }
  p["Tags"] = l.tags(b);
}

void lower_subnet(Lowering& l, const model::Block& b) {
  json& r = l.add_resource(b, logical_id(b), "AWS::EC2::Subnet");
  json& p = r["Properties"];
  p["VpcId"] = vpc_ref(b);
  p["CidrBlock"] = l.value(*l.get(b, "cidr"));
  if (const std::string* zone = l.get_string(b, "zone")) {
    p["AvailabilityZone"] = l.zone(*zone);
  }
  if (l.get_bool(b, "public")) {
    p["MapPublicIpOnLaunch"] = true;
  }
  p["Tags"] = l.tags(b);
}

void lower_internet_gateway(Lowering& l, const model::Block& b) {
  json& igw = l.add_resource(b, logical_id(b), "AWS::EC2::InternetGateway");
  igw["Properties"]["Tags"] = l.tags(b);
  const model::Block* vpc = b.ancestor("vpc");
  json& attachment = l.add_resource(b, l.attachment_id(*vpc), "AWS::EC2::VPCGatewayAttachment");
  attachment["Properties"]["VpcId"] = vpc_ref(b);
  attachment["Properties"]["InternetGatewayId"] = json{{"Ref", logical_id(b)}};
}

void lower_nat_gateway(Lowering& l, const model::Block& b) {
  // The Elastic IP and the gateway wait for the internet gateway's attachment: a NAT gateway in a
  // subnet without a working route to the internet fails to start.
  std::string attachment = l.attachment_id(*b.ancestor("vpc"));
  std::string eip_id = path_id(b) + "Eip";
  json& nat = l.add_resource(b, logical_id(b), "AWS::EC2::NatGateway");
  if (!attachment.empty()) {
    nat["DependsOn"] = attachment;
  }
  nat["Properties"]["AllocationId"] = json{{"Fn::GetAtt", json::array({eip_id, "AllocationId"})}};
  if (const model::Block* subnet = l.get_ref(b, "subnet")) {
    nat["Properties"]["SubnetId"] = l.ref(*subnet);
  }
  nat["Properties"]["Tags"] = l.tags(b);
  json& eip = l.add_resource(b, eip_id, "AWS::EC2::EIP");
  if (!attachment.empty()) {
    eip["DependsOn"] = attachment;
  }
  eip["Properties"]["Domain"] = "vpc";
  eip["Properties"]["Tags"] = l.tags(b);
}

void lower_route_table(Lowering& l, const model::Block& b) {
  json& table = l.add_resource(b, logical_id(b), "AWS::EC2::RouteTable");
  table["Properties"]["VpcId"] = vpc_ref(b);
  table["Properties"]["Tags"] = l.tags(b);
  for (const model::Block* subnet : l.get_refs(b, "subnets")) {
    json& a = l.add_resource(b, path_id(b) + pascal(subnet->name) + "Association",
                             "AWS::EC2::SubnetRouteTableAssociation");
    a["Properties"]["RouteTableId"] = json{{"Ref", logical_id(b)}};
    a["Properties"]["SubnetId"] = l.ref(*subnet);
  }
}

void lower_route(Lowering& l, const model::Block& b) {
  json& r = l.add_resource(b, logical_id(b), "AWS::EC2::Route");
  const model::Block* target = l.get_ref(b, "target");
  if (target && target->kind_name == "internet_gateway") {
    // A route to an internet gateway fails until the gateway is attached to the VPC.
    r["DependsOn"] = l.attachment_id(*target->ancestor("vpc"));
  }
  json& p = r["Properties"];
  p["RouteTableId"] = json{{"Ref", logical_id(*b.parent)}};
  p["DestinationCidrBlock"] = l.value(*l.get(b, "destination"));
  if (target) {
    p[target->kind_name == "internet_gateway" ? "GatewayId" : "NatGatewayId"] = l.ref(*target);
  }
}

void lower_endpoint(Lowering& l, const model::Block& b) {
  json& r = l.add_resource(b, logical_id(b), "AWS::EC2::VPCEndpoint");
  json& p = r["Properties"];
  p["VpcId"] = vpc_ref(b);
  if (const std::string* service = l.get_string(b, "service")) {
    // A short name gets the region of the stack the template is deployed in.
    if (service->rfind("com.amazonaws.", 0) == 0) {
      p["ServiceName"] = *service;
    } else {
      p["ServiceName"] =
          json{{"Fn::Sub", "com.amazonaws.${AWS::Region}." + Lowering::sub_literal(*service)}};
    }
  }
  const std::string* type = l.get_enum(b, "type");
  bool gateway = type && *type == "gateway";
  p["VpcEndpointType"] = gateway ? "Gateway" : "Interface";
  auto tables = l.get_refs(b, "route_tables");
  auto subnets = l.get_refs(b, "subnets");
  auto groups = l.get_refs(b, "security_groups");
  bool private_dns = l.get_bool(b, "private_dns", true);
  if (gateway) {
    p["RouteTableIds"] = refs(l, tables);
  } else {
    p["SubnetIds"] = refs(l, subnets);
    if (!groups.empty()) {
      p["SecurityGroupIds"] = refs(l, groups);
    }
    p["PrivateDnsEnabled"] = private_dns;
  }
  p["Tags"] = l.tags(b);
}

void lower_security_group(Lowering& l, const model::Block& b) {
  json& r = l.add_resource(b, logical_id(b), "AWS::EC2::SecurityGroup");
  json& p = r["Properties"];
  if (const std::string* description = l.get_string(b, "description")) {
    p["GroupDescription"] = *description;
  }
  p["VpcId"] = vpc_ref(b);
  // Rules to a CIDR are inline; rules to a group are separate resources (lower_rule), so that two
  // groups that name each other do not form a dependency cycle.
  json ingress = json::array(), egress = json::array();
  bool any_egress = false;
  for (const model::Block* rule : b.children) {
    if (rule->kind_name != "ingress" && rule->kind_name != "egress") {
      continue;
    }
    bool in = rule->kind_name == "ingress";
    any_egress = any_egress || !in;
    const model::Value* peer = l.get(*rule, peer_attribute(*rule));
    if (!peer || peer->block()) {
      continue;
    }
    json item = json::object();
    rule_ports(l, *rule, item);
    item["CidrIp"] = l.value(*peer);
    if (const std::string* d = l.get_string(*rule, "description")) {
      item["Description"] = *d;
    }
    (in ? ingress : egress).push_back(std::move(item));
  }
  if (!ingress.empty()) {
    p["SecurityGroupIngress"] = std::move(ingress);
  }
  if (any_egress && egress.empty()) {
    // Only rules to groups: CloudFormation would keep the default allow-all egress rule next to
    // them. An inline rule that matches nothing (ICMP type 252 code 86 to one broadcast address,
    // as the AWS CDK writes it) replaces the default.
    egress.push_back({{"IpProtocol", "icmp"},
                      {"FromPort", 252},
                      {"ToPort", 86},
                      {"CidrIp", "255.255.255.255/32"},
                      {"Description", "Disallow all traffic"}});
  }
  if (!egress.empty()) {
    p["SecurityGroupEgress"] = std::move(egress);
  }
  p["Tags"] = l.tags(b);
}

void lower_rule(Lowering& l, const model::Block& b) {
  const model::Value* peer = l.get(b, peer_attribute(b));
  const model::Block* group = peer ? peer->block() : nullptr;
  if (!group) {
    return; // a CIDR rule: inline in its group (lower_security_group)
  }
  bool in = b.kind_name == "ingress";
  json& r = l.add_resource(b, logical_id(b),
                           in ? "AWS::EC2::SecurityGroupIngress" : "AWS::EC2::SecurityGroupEgress");
  json& p = r["Properties"];
  p["GroupId"] = l.ref(*b.parent);
  rule_ports(l, b, p);
  p[in ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"] = l.ref(*group);
  if (const std::string* d = l.get_string(b, "description")) {
    p["Description"] = *d;
  }
}

} // namespace ecl::backend::cfn
