// The VPC kinds: vpc, subnet, internet_gateway, nat_gateway, route_table and route, endpoint,
// security_group with its ingress and egress rules.
#include "backends/cloudformation/cloudformation.h"
#include "backends/cloudformation/lowering.h"
#include "backends/common/aws.h"
#include "backends/resources/registry.h"

namespace ecl::backend::cfn {

namespace {

using common::JsonWriter;

void write_vpc_ref(Lowering& l, JsonWriter& w, const model::Block& b) {
  const model::Block* vpc = b.ancestor("vpc");
  if (vpc) {
    l.write_ref(w, *vpc);
  } else {
    w.value(json(nullptr));
  }
}

void write_refs(Lowering& l, JsonWriter& w, const std::vector<const model::Block*>& blocks) {
  w.begin_array();
  for (const model::Block* b : blocks) {
    l.write_ref(w, *b);
  }
  w.end_array();
}

// The protocol and ports of a security group rule, as SecurityGroupIngress/Egress want them.
void write_rule_ports(Lowering& l, const model::Block& rule, JsonWriter& w) {
  common::RulePorts ports =
      common::rule_ports(l.get_enum(rule, "protocol"), l.get_int(rule, "port"),
                         l.get_int(rule, "from_port"), l.get_int(rule, "to_port"));
  w.member("IpProtocol", ports.protocol);
  if (ports.from) {
    w.member("FromPort", *ports.from);
    w.member("ToPort", *ports.to);
  }
}

// A rule to a CIDR, which its group lists inline (rules to a group are resources of their own).
// An ingress of every protocol is one too: inline it would need the ports EC2 ignores (-1), which
// cfn-lint flags (W3687), and without them moto's create-stack fails; alone it needs neither.
bool is_inline_rule(Lowering& l, const model::Block& rule) {
  if (!is_kind(rule, "ingress") && !is_kind(rule, "egress")) {
    return false;
  }
  const model::Value* peer = l.get(rule, common::rule_peer(rule));
  const std::string* protocol = l.get_enum(rule, "protocol");
  bool all_ingress = is_kind(rule, "ingress") && protocol && *protocol == "all";
  return peer && !peer->block() && !all_ingress;
}

void write_inline_rule(Lowering& l, const model::Block& rule, JsonWriter& w) {
  w.begin_object();
  write_rule_ports(l, rule, w);
  l.write_value(w.key("CidrIp"), *l.get(rule, common::rule_peer(rule)));
  if (const std::string* d = l.get_string(rule, "description")) {
    w.member("Description", *d);
  }
  w.end_object();
}

} // namespace

void lower_vpc(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ec2_vpc());
  l.write_value(w.key("CidrBlock"), *l.get(b, "cidr"));
  w.member("EnableDnsSupport", l.get_bool(b, "dns_support"));
  w.member("EnableDnsHostnames", l.get_bool(b, "dns_hostnames"));
  if (const std::string* tenancy = l.get_enum(b, "instance_tenancy")) {
    w.member("InstanceTenancy", *tenancy);
  }
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
}

void lower_subnet(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ec2_subnet());
  write_vpc_ref(l, w.key("VpcId"), b);
  l.write_value(w.key("CidrBlock"), *l.get(b, "cidr"));
  if (const std::string* zone = l.get_string(b, "zone")) {
    w.member("AvailabilityZone", l.zone(*zone));
  } else if (const model::Value* chosen = l.get(b, "zone")) {
    l.write_value(w.key("AvailabilityZone"), *chosen); // at deployment: availability_zones()
  }
  if (l.get_bool(b, "public")) {
    w.member("MapPublicIpOnLaunch", true);
  }
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
}

void lower_internet_gateway(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ec2_internet_gateway());
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
  const model::Block* vpc = b.ancestor("vpc");
  l.begin_resource(b, l.attachment_id(*vpc), resources::ec2_gateway_attachment());
  write_vpc_ref(l, w.key("VpcId"), b);
  Lowering::write_ref_to(w.key("InternetGatewayId"), l.id(b));
  l.end_resource();
}

void lower_nat_gateway(Lowering& l, const model::Block& b) {
  // The Elastic IP and the gateway wait for the internet gateway's attachment: a NAT gateway in a
  // subnet without a working route to the internet fails to start.
  std::string attachment = l.attachment_id(*b.ancestor("vpc"));
  std::string eip_id = Lowering::resource_id(b, "public_ip");
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ec2_nat_gateway());
  Lowering::write_getatt(w.key("AllocationId"), eip_id, "AllocationId");
  if (const model::Block* subnet = l.get_ref(b, "subnet")) {
    l.write_ref(w.key("SubnetId"), *subnet);
  }
  l.write_tags(w.key("Tags"), b);
  if (!attachment.empty()) {
    l.end_properties().member("DependsOn", attachment);
  }
  l.end_resource();

  l.begin_resource(b, eip_id, resources::ec2_eip());
  w.member("Domain", "vpc");
  l.write_tags(w.key("Tags"), b);
  if (!attachment.empty()) {
    l.end_properties().member("DependsOn", attachment);
  }
  l.end_resource();
}

void lower_route_table(Lowering& l, const model::Block& b) {
  const std::string id = l.id(b);
  JsonWriter& w = l.begin_resource(b, id, resources::ec2_route_table());
  write_vpc_ref(l, w.key("VpcId"), b);
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
  for (const model::Block* subnet : l.get_refs(b, "subnets")) {
    l.begin_resource(b, path_id(b) + pascal(subnet->name) + "Association",
                     resources::ec2_route_table_association());
    Lowering::write_ref_to(w.key("RouteTableId"), id);
    l.write_ref(w.key("SubnetId"), *subnet);
    l.end_resource();
  }
}

void lower_route(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ec2_route());
  const model::Block* target = l.get_ref(b, "target");
  const bool to_gateway = target && is_kind(*target, "internet_gateway");
  Lowering::write_ref_to(w.key("RouteTableId"), l.id(*b.parent));
  l.write_value(w.key("DestinationCidrBlock"), *l.get(b, "destination"));
  if (target) {
    l.write_ref(w.key(to_gateway ? "GatewayId" : "NatGatewayId"), *target);
  }
  if (to_gateway) {
    // A route to an internet gateway fails until the gateway is attached to the VPC.
    l.end_properties().member("DependsOn", l.attachment_id(*target->ancestor("vpc")));
  }
  l.end_resource();
}

void lower_endpoint(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ec2_vpc_endpoint());
  write_vpc_ref(l, w.key("VpcId"), b);
  if (const std::string* service = l.get_string(b, "service")) {
    // A short name gets the region of the stack the template is deployed in.
    if (service->rfind("com.amazonaws.", 0) == 0) {
      w.member("ServiceName", *service);
    } else {
      w.key("ServiceName").begin_object();
      w.member("Fn::Sub", "com.amazonaws.${AWS::Region}." + Lowering::sub_literal(*service));
      w.end_object();
    }
  }
  const std::string* type = l.get_enum(b, "type");
  bool gateway = type && *type == "gateway";
  w.member("VpcEndpointType", gateway ? "Gateway" : "Interface");
  auto tables = l.get_refs(b, "route_tables");
  auto subnets = l.get_refs(b, "subnets");
  auto groups = l.get_refs(b, "security_groups");
  bool private_dns = l.get_bool(b, "private_dns");
  if (gateway) {
    write_refs(l, w.key("RouteTableIds"), tables);
  } else {
    write_refs(l, w.key("SubnetIds"), subnets);
    if (!groups.empty()) {
      write_refs(l, w.key("SecurityGroupIds"), groups);
    }
    w.member("PrivateDnsEnabled", private_dns);
  }
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
}

void lower_security_group(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ec2_security_group());
  if (const std::string* description = l.get_string(b, "description")) {
    w.member("GroupDescription", *description);
  }
  if (const model::Value* name = l.get(b, "name")) {
    l.write_value(w.key("GroupName"), *name);
  }
  write_vpc_ref(l, w.key("VpcId"), b);
  // Rules to a CIDR are inline; rules to a group are separate resources (lower_rule), so that two
  // groups that name each other do not form a dependency cycle. Which lists to write is known
  // before they are written.
  bool inline_ingress = false, inline_egress = false, any_egress = false;
  for (const model::Block* rule : b.children) {
    bool in = is_kind(*rule, "ingress");
    any_egress = any_egress || is_kind(*rule, "egress");
    if (is_inline_rule(l, *rule)) {
      (in ? inline_ingress : inline_egress) = true;
    }
  }
  auto write_inline_rules = [&](std::string_view kind) {
    for (const model::Block* rule : b.children) {
      if (rule->kind_name == kind && is_inline_rule(l, *rule)) {
        write_inline_rule(l, *rule, w);
      }
    }
  };
  if (inline_ingress) {
    w.key("SecurityGroupIngress").begin_array();
    write_inline_rules("ingress");
    w.end_array();
  }
  if (any_egress) {
    w.key("SecurityGroupEgress").begin_array();
    if (inline_egress) {
      write_inline_rules("egress");
    } else {
      // Only rules to groups: CloudFormation would keep the default allow-all egress rule next to
      // them. An inline rule that matches nothing (ICMP type 252 code 86 to one broadcast address,
      // as the AWS CDK writes it) replaces the default.
      w.begin_object();
      w.member("IpProtocol", "icmp").member("FromPort", 252).member("ToPort", 86);
      w.member("CidrIp", "255.255.255.255/32").member("Description", "Disallow all traffic");
      w.end_object();
    }
    w.end_array();
  }
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
}

void lower_rule(Lowering& l, const model::Block& b) {
  if (is_inline_rule(l, b)) {
    return; // written in its group (lower_security_group)
  }
  const model::Value* peer = l.get(b, common::rule_peer(b));
  const model::Block* group = peer ? peer->block() : nullptr;
  bool in = is_kind(b, "ingress");
  JsonWriter& w = l.begin_resource(b, l.id(b),
                                   in ? resources::ec2_security_group_ingress()
                                      : resources::ec2_security_group_egress());
  l.write_ref(w.key("GroupId"), *b.parent);
  write_rule_ports(l, b, w);
  if (group) {
    l.write_ref(w.key(in ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"), *group);
  } else if (peer) {
    l.write_value(w.key("CidrIp"), *peer);
  }
  if (const std::string* d = l.get_string(b, "description")) {
    w.member("Description", *d);
  }
  l.end_resource();
}

} // namespace ecl::backend::cfn
