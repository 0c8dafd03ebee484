// The VPC kinds: vpc, subnet, internet_gateway, nat_gateway, route_table and route, endpoint,
// security_group with its ingress and egress rules.
#include "backends/cloudformation/lowering.h"
#include "backends/common/aws.h"
#include "backends/resources/registry.h"

namespace ecl::backend::cfn {

namespace {

using common::JsonWriter;

// A rule to a CIDR, which its group lists inline (rules to a group are resources of their own).
// An ingress of every protocol is one too: inline it would need the ports EC2 ignores (-1), which
// cfn-lint flags (W3687), and without them moto's create-stack fails; alone it needs neither.
bool is_inline_rule(Lowering& l, const model::Block& rule) {
  const std::string* protocol = l.get_enum(rule, "protocol");
  bool all_ingress = is_kind(rule, "ingress") && protocol && *protocol == "all";
  return !l.get(rule, common::rule_peer(rule))->block() && !all_ingress;
}

// A rule's protocol, ports, peer and description, as both its group's SecurityGroupIngress and
// SecurityGroupEgress items and the AWS::EC2::SecurityGroupIngress/Egress resources name them.
void write_rule(Lowering& l, const model::Block& rule, JsonWriter& w) {
  common::RulePorts ports =
      common::rule_ports(l.get_enum(rule, "protocol"), l.get_int(rule, "port"),
                         l.get_int(rule, "from_port"), l.get_int(rule, "to_port"));
  w.member("IpProtocol", ports.protocol);
  if (ports.from) {
    w.member("FromPort", *ports.from);
    w.member("ToPort", *ports.to);
  }
  const model::Value& peer = *l.get(rule, common::rule_peer(rule));
  if (const model::Block* group = peer.block()) {
    bool in = is_kind(rule, "ingress");
    l.write_ref(w.key(in ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"), *group);
  } else {
    l.write_value(w.key("CidrIp"), peer);
  }
  if (const std::string* d = l.get_string(rule, "description")) {
    w.member("Description", *d);
  }
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
  l.write_ref(w.key("VpcId"), *b.parent);
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
  l.begin_resource(b, l.attachment_id(*b.parent), resources::ec2_gateway_attachment());
  l.write_ref(w.key("VpcId"), *b.parent);
  Lowering::write_ref_to(w.key("InternetGatewayId"), l.id(b));
  l.end_resource();
}

void lower_nat_gateway(Lowering& l, const model::Block& b) {
  // The Elastic IP and the gateway wait for the internet gateway's attachment: a NAT gateway in a
  // subnet without a working route to the internet fails to start.
  std::string attachment = l.attachment_id(*b.parent);
  std::string eip_id = Lowering::resource_id(b, "public_ip");
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ec2_nat_gateway());
  // Both resources end alike: their tags, then the wait for the attachment.
  auto end_resource = [&] {
    l.write_tags(w.key("Tags"), b);
    if (!attachment.empty()) {
      l.end_properties().member("DependsOn", attachment);
    }
    l.end_resource();
  };
  Lowering::write_getatt(w.key("AllocationId"), eip_id, "AllocationId");
  l.write_ref(w.key("SubnetId"), *l.get_ref(b, "subnet"));
  end_resource();
  l.begin_resource(b, eip_id, resources::ec2_eip());
  w.member("Domain", "vpc");
  end_resource();
}

void lower_route_table(Lowering& l, const model::Block& b) {
  const std::string id = l.id(b);
  JsonWriter& w = l.begin_resource(b, id, resources::ec2_route_table());
  l.write_ref(w.key("VpcId"), *b.parent);
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
  const model::Block& target = *l.get_ref(b, "target");
  const bool to_gateway = is_kind(target, "internet_gateway");
  Lowering::write_ref_to(w.key("RouteTableId"), l.id(*b.parent));
  l.write_value(w.key("DestinationCidrBlock"), *l.get(b, "destination"));
  l.write_ref(w.key(to_gateway ? "GatewayId" : "NatGatewayId"), target);
  if (to_gateway) {
    // A route to an internet gateway fails until the gateway is attached to the VPC.
    l.end_properties().member("DependsOn", l.attachment_id(*target.parent));
  }
  l.end_resource();
}

void lower_endpoint(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ec2_vpc_endpoint());
  l.write_ref(w.key("VpcId"), *b.parent);
  if (const std::string* service = l.get_string(b, "service")) {
    // A short name gets the region of the stack the template is deployed in.
    if (service->rfind("com.amazonaws.", 0) == 0) {
      w.member("ServiceName", *service);
    } else {
      w.member("ServiceName",
               l.template_value("com.amazonaws.${AWS::Region}." + Lowering::sub_literal(*service)));
    }
  }
  const std::string* type = l.get_enum(b, "type");
  bool gateway = type && *type == "gateway";
  w.member("VpcEndpointType", gateway ? "Gateway" : "Interface");
  if (gateway) {
    w.member("RouteTableIds", l.refs(l.get_refs(b, "route_tables")));
  } else {
    w.member("SubnetIds", l.refs(l.get_refs(b, "subnets")));
    if (auto groups = l.get_refs(b, "security_groups"); !groups.empty()) {
      w.member("SecurityGroupIds", l.refs(groups));
    }
    w.member("PrivateDnsEnabled", l.get_bool(b, "private_dns"));
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
  l.write_ref(w.key("VpcId"), *b.parent);
  // Rules to a CIDR are inline; rules to a group are separate resources (lower_rule), so that two
  // groups that name each other do not form a dependency cycle.
  std::vector<const model::Block*> ingress, egress; // the inline rules
  for (const model::Block* rule : b.children) {
    if (is_inline_rule(l, *rule)) {
      (is_kind(*rule, "ingress") ? ingress : egress).push_back(rule);
    }
  }
  auto write_rules = [&](std::string_view property, const std::vector<const model::Block*>& rules) {
    w.key(property).begin_array();
    for (const model::Block* rule : rules) {
      w.begin_object();
      write_rule(l, *rule, w);
      w.end_object();
    }
  };
  if (!ingress.empty()) {
    write_rules("SecurityGroupIngress", ingress);
    w.end_array();
  }
  if (b.first_child("egress")) {
    write_rules("SecurityGroupEgress", egress);
    if (egress.empty()) {
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
  JsonWriter& w = l.begin_resource(b, l.id(b),
                                   is_kind(b, "ingress") ? resources::ec2_security_group_ingress()
                                                         : resources::ec2_security_group_egress());
  l.write_ref(w.key("GroupId"), *b.parent);
  write_rule(l, b, w);
  l.end_resource();
}

} // namespace ecl::backend::cfn
