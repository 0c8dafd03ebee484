#include "backends/common/ecs_requests.h"

#include "backends/common/efs_requests.h"
#include "backends/common/elbv2_requests.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <span>

namespace ecl::backend::common {

namespace {

// An empty object with room for `members` members. ordered_json keeps an object's members in a
// vector of pairs whose key is const: when the vector grows, they are copied, values and all, not
// moved. Room for every member a request may have (and the tags the backends add) saves that.
json object(std::size_t members) {
  json o = json::object();
  o.get_ref<json::object_t&>().reserve(members);
  return o;
}

// {key: value}, built directly: nlohmann's initializer lists build each member as an array first
// (a service's and a container's requests hold several of these).
json one(std::string_view key, json value) {
  json o = object(1);
  o.get_ref<json::object_t&>().emplace_back(std::string(key), std::move(value));
  return o;
}

// `fargate` -> "FARGATE", `fargate_spot` -> "FARGATE_SPOT", an ec2_capacity -> its provider.
json provider(Spelling& s, const model::Value& v) {
  if (const model::Block* capacity = v.block()) {
    return s.ref(*capacity);
  }
  const std::string* member = v.enum_member();
  return member ? json(upper(*member)) : json(nullptr);
}

// The member `key`: the attribute's value, when it is set.
void copy(Spelling& s, Request& out, const model::Block& b, std::string_view attribute,
          const char* key) {
  if (const model::Value* v = s.get(b, attribute)) {
    out.member(key, *v);
  }
}

// An integer attribute (quantities in their unit), when it is set.
void copy_int(Spelling& s, Request& out, const model::Block& b, std::string_view attribute,
              const char* key) {
  if (auto v = s.get_int(b, attribute)) {
    out.member(key, *v);
  }
}

// An enum attribute in upper case, when it is set.
void copy_upper(Spelling& s, Request& out, const model::Block& b, std::string_view attribute,
                const char* key) {
  if (const std::string* v = s.get_enum(b, attribute)) {
    out.member(key, upper(*v));
  }
}

// A boolean that is false unless set: written only when true.
void copy_flag(Spelling& s, Request& out, const model::Block& b, std::string_view attribute,
               const char* key) {
  if (s.get_bool(b, attribute)) {
    out.member(key, true);
  }
}

using Fields = std::initializer_list<std::pair<std::string_view, const char*>>;

// The fields of `item`, an object of the list attribute `attribute`, that are set, each as a
// member: {{"container", "containerPort"}, ...} -> "containerPort": 80, ...
void copy_fields(Spelling& s, Request& out, const model::Block& b, std::string_view attribute,
                 const model::Value& item, Fields fields) {
  for (const auto& [field, member] : fields) {
    if (const model::Value* v = s.field(b, attribute, item, field)) {
      out.member(member, *v);
    }
  }
}

// The objects of a list attribute as the member `key`, each written by copy_fields.
void copy_objects(Spelling& s, Request& out, const model::Block& b, std::string_view attribute,
                  const char* key, Fields fields) {
  out.objects(key, s.get_list(b, attribute),
              [&](const model::Value& item) { copy_fields(s, out, b, attribute, item, fields); });
}

// A map attribute as [{name, VALUE_KEY}].
void copy_name_values(Spelling& s, Request& out, const model::Block& c, std::string_view attribute,
                      const char* key, const char* value_key) {
  const model::Value* v = s.get(c, attribute);
  const model::Map* map = v ? v->as<model::Map>() : nullptr;
  if (map) {
    out.objects(key, *map, [&](const model::MapEntry& e) {
      out.member("name", e.first).member(value_key, e.second);
    });
  }
}

// A container's logConfiguration; none when its driver is `none`.
void log_configuration(Spelling& s, Request& out, const model::Block& log,
                       const TaskResources& resources) {
  const std::string& driver = *s.get_enum(log, "driver");
  const model::Value* options = s.get(log, "options");
  const model::Value* group = s.get(log, "group"); // a name or a `log_group` block
  const model::Value* prefix = s.get(log, "stream_prefix");
  // `none` turns logging off: ECS has no such driver, so the container gets no configuration.
  if (driver == "none") {
    return;
  }
  // ECL's members but `json_file` are the drivers' names.
  out.key("logConfiguration").begin_object();
  out.member("logDriver", driver == "json_file" ? "json-file" : driver);
  const model::Map* extra = options ? options->as<model::Map>() : nullptr;
  const bool awslogs = driver == "awslogs";
  if (!awslogs && (!extra || extra->empty())) {
    out.end_object();
    return;
  }
  // The awslogs settings, then the block's `options` (the checker refuses options named like the
  // settings, E3123).
  out.key("options").begin_object();
  if (awslogs) {
    out.key("awslogs-group");
    group ? out.value(*group) : out.value(resources.log_group);
    out.member("awslogs-region", resources.region);
    if (prefix) {
      out.member("awslogs-stream-prefix", *prefix);
    }
  }
  for (const model::MapEntry& e : extra ? *extra : std::span<const model::MapEntry>()) {
    out.member(e.first, e.second);
  }
  out.end_object().end_object();
}

void container_definition(Spelling& s, Request& out, const model::Block& c,
                          const TaskResources& resources) {
  out.begin_object();
  const std::string* name = s.get_string(c, "name");
  out.member("name", name ? *name : c.name);
  copy(s, out, c, "image", "image");
  copy_int(s, out, c, "cpu", "cpu");
  copy_int(s, out, c, "memory", "memory");
  copy_int(s, out, c, "memory_reservation", "memoryReservation");
  out.member("essential", s.get_bool(c, "essential"));
  s.get(c, "port"); // merged into `ports` by the checker
  copy_objects(s, out, c, "ports", "portMappings",
               {{"container", "containerPort"},
                {"host", "hostPort"},
                {"protocol", "protocol"},
                {"name", "name"},
                {"app_protocol", "appProtocol"}});
  copy_name_values(s, out, c, "environment", "environment", "value");
  copy_name_values(s, out, c, "secrets", "secrets", "valueFrom");
  copy(s, out, c, "command", "command");
  copy(s, out, c, "entrypoint", "entryPoint");
  copy(s, out, c, "working_dir", "workingDirectory");
  copy(s, out, c, "user", "user");
  out.objects("dependsOn", s.get_list(c, "depends_on"), [&](const model::Value& dep) {
    copy_fields(s, out, c, "depends_on", dep, {{"container", "containerName"}});
    out.member("condition", upper(*s.field(c, "depends_on", dep, "condition")->enum_member()));
  });
  copy_flag(s, out, c, "readonly_root_filesystem", "readonlyRootFilesystem");
  copy_flag(s, out, c, "privileged", "privileged");
  // linuxParameters, when any of its members is set.
  const bool init = s.get_bool(c, "init_process");
  const model::Value* capabilities = s.get(c, "capabilities");
  const model::List& tmpfs = s.get_list(c, "tmpfs");
  const model::List& devices = s.get_list(c, "devices");
  const model::Value* shm = s.get(c, "shared_memory");
  const model::Value* swap = s.get(c, "swap");
  const auto swappiness = s.get_int(c, "swappiness");
  if (init || capabilities || !tmpfs.empty() || !devices.empty() || shm || swap || swappiness) {
    out.key("linuxParameters").begin_object();
    copy_flag(s, out, c, "init_process", "initProcessEnabled");
    if (capabilities) {
      out.key("capabilities").begin_object();
      for (const char* which : {"add", "drop"}) {
        out.array(which, s.list_of(s.field(c, "capabilities", *capabilities, which)),
                  [&](const model::Value& v) { out.value(upper(*v.enum_member())); });
      }
      out.end_object();
    }
    out.objects("tmpfs", tmpfs, [&](const model::Value& mount) {
      copy_fields(s, out, c, "tmpfs", mount, {{"path", "containerPath"}, {"size", "size"}}); // MiB
      const model::Value* options = s.field(c, "tmpfs", mount, "options");
      if (!s.list_of(options).empty()) {
        out.member("mountOptions", *options);
      }
    });
    out.objects("devices", devices, [&](const model::Value& device) {
      copy_fields(s, out, c, "devices", device,
                  {{"host_path", "hostPath"}, {"container_path", "containerPath"}});
      out.array("permissions", s.list_of(s.field(c, "devices", device, "permissions")),
                [&](const model::Value& p) {
                  out.value(*p.enum_member()); // lower case, as ECS spells them
                });
    });
    copy_int(s, out, c, "shared_memory", "sharedMemorySize"); // MiB
    copy_int(s, out, c, "swap", "maxSwap");                   // MiB
    copy_int(s, out, c, "swappiness", "swappiness");
    out.end_object();
  }
  copy_objects(s, out, c, "ulimits", "ulimits",
               {{"name", "name"}, {"soft", "softLimit"}, {"hard", "hardLimit"}});
  copy_objects(s, out, c, "mount_points", "mountPoints",
               {{"volume", "sourceVolume"}, {"path", "containerPath"}, {"read_only", "readOnly"}});
  out.objects("volumesFrom", s.get_list(c, "volumes_from"), [&](const model::Value& from) {
    copy_fields(s, out, c, "volumes_from", from, {{"container", "sourceContainer"}});
    const model::Value* read_only = s.field(c, "volumes_from", from, "read_only");
    out.member("readOnly", read_only && read_only->boolean().value_or(false));
  });
  if (const model::Value* restart = s.get(c, "restart")) {
    out.key("restartPolicy").begin_object();
    const model::Value* enabled = s.field(c, "restart", *restart, "enabled");
    out.member("enabled", enabled && enabled->boolean().value_or(false));
    const model::Value* codes = s.field(c, "restart", *restart, "ignored_exit_codes");
    if (!s.list_of(codes).empty()) {
      out.member("ignoredExitCodes", *codes);
    }
    if (const model::Value* period = s.field(c, "restart", *restart, "attempt_period")) {
      out.member("restartAttemptPeriod", whole(*period)); // seconds
    }
    out.end_object();
  }
  copy_int(s, out, c, "stop_timeout", "stopTimeout");
  copy_int(s, out, c, "start_timeout", "startTimeout");
  if (const model::Value* v = s.get(c, "docker_labels");
      v && v->as<model::Map>() && !v->as<model::Map>()->empty()) {
    out.member("dockerLabels", *v);
  }
  copy_flag(s, out, c, "interactive", "interactive");
  copy_flag(s, out, c, "pseudo_terminal", "pseudoTerminal");
  if (const model::Value* firelens = s.get(c, "firelens")) {
    out.key("firelensConfiguration").begin_object();
    copy_fields(s, out, c, "firelens", *firelens, {{"type", "type"}});
    const model::Value* options = s.field(c, "firelens", *firelens, "options");
    if (options && options->as<model::Map>() && !options->as<model::Map>()->empty()) {
      out.member("options", *options);
    }
    out.end_object();
  }
  if (const model::Block* h = s.child(c, "health_check")) {
    out.key("healthCheck").begin_object();
    copy(s, out, *h, "command", "command");
    copy_int(s, out, *h, "interval", "interval");
    copy_int(s, out, *h, "timeout", "timeout");
    copy_int(s, out, *h, "retries", "retries");
    copy_int(s, out, *h, "start_period", "startPeriod");
    out.end_object();
  }
  if (const model::Block* log = s.child(c, "log")) {
    log_configuration(s, out, *log, resources);
  }
  out.end_object();
}

// What a service's CreateService and a job's RunTask say alike of where the tasks run: the launch
// type or capacity provider strategy, the platform version, and an awsvpc task's network.
// `daemon`: a daemon service without a launch type of its own, which goes without its cluster's
// capacity provider strategy (service()).
void placement_members(Spelling& s, const model::Block& b, const model::Block* task, Request& out,
                       bool daemon = false) {
  copy_upper(s, out, b, "launch_type", "launchType");
  if (!daemon) {
    out.objects(
        "capacityProviderStrategy", s.get_list(b, "capacity"), [&](const model::Value& item) {
          if (const model::Value* v = s.field(b, "capacity", item, "provider")) {
            out.member("capacityProvider", provider(s, *v));
          }
          copy_fields(s, out, b, "capacity", item, {{"weight", "weight"}, {"base", "base"}});
        });
  }
  copy(s, out, b, "platform_version", "platformVersion");
  auto subnets = s.get_refs(b, "subnets");
  auto groups = s.get_refs(b, "security_groups");
  const bool public_ip = s.get_bool(b, "public_ip");
  const std::string* mode = task ? task->get_enum("network_mode") : nullptr;
  if (!mode || *mode != "awsvpc") {
    return;
  }
  out.key("networkConfiguration").begin_object().key("awsvpcConfiguration").begin_object();
  out.key("subnets").begin_array();
  for (const model::Block* subnet : subnets) {
    out.ref(*subnet);
  }
  out.end_array();
  if (!groups.empty()) {
    out.array("securityGroups", groups, [&](const model::Block* group) { out.ref(*group); });
  } else if (!subnets.empty() && subnets.front()->parent) {
    // Without security groups of its own a task gets the VPC's default group, as ECS does;
    // it is named here because moto answers 500 to an awsvpc configuration without groups.
    json id = s.deferred_value(model::Deferred{subnets.front()->parent, "default_security_group"});
    if (!id.is_null()) {
      out.key("securityGroups").begin_array().value(id).end_array();
    }
  }
  out.member("assignPublicIp", public_ip ? "ENABLED" : "DISABLED");
  out.end_object().end_object();
}

} // namespace

void task_definition(Spelling& s, Request& out, const model::Block& task, const TaskNeeds& needs,
                     const TaskResources& resources) {
  copy(s, out, task, "family", "family");
  // ECS takes the task's CPU units and MiB as strings.
  for (const char* size : {"cpu", "memory"}) {
    if (auto v = s.get_int(task, size)) {
      out.member(size, std::to_string(*v));
    }
  }
  copy(s, out, task, "network_mode", "networkMode");
  out.key("requiresCompatibilities").begin_array();
  for (const model::Value& v : s.get_list(task, "compatibilities")) {
    if (const std::string* m = v.enum_member()) {
      out.value(upper(*m));
    }
  }
  out.end_array();
  if (const model::Value* role = s.get(task, "execution_role")) {
    out.member("executionRoleArn", *role);
  } else if (needs.execution_role) {
    out.member("executionRoleArn", resources.execution_role_arn);
  }
  copy(s, out, task, "task_role", "taskRoleArn");
  if (const std::string* arch = s.get_enum(task, "cpu_architecture")) {
    out.key("runtimePlatform").begin_object().member("cpuArchitecture", upper(*arch));
    out.member("operatingSystemFamily", "LINUX").end_object();
  }
  copy(s, out, task, "pid_mode", "pidMode");
  copy(s, out, task, "ipc_mode", "ipcMode");
  if (auto storage = s.get_int(task, "ephemeral_storage")) {
    out.key("ephemeralStorage").begin_object();
    out.member("sizeInGiB", (*storage + 1023) / 1024).end_object(); // whole GiB, rounded up
  }
  out.objects("volumes", s.get_list(task, "volumes"), [&](const model::Value& v) {
    copy_fields(s, out, task, "volumes", v, {{"name", "name"}});
    if (const model::Value* host = s.field(task, "volumes", v, "host_path")) {
      out.key("host").begin_object().member("sourcePath", *host).end_object();
    }
    if (const model::Value* efs = s.field(task, "volumes", v, "efs"); efs && !efs->is_null()) {
      out.member("efsVolumeConfiguration", efs_volume(s, *efs));
    }
  });
  out.key("containerDefinitions").begin_array();
  for (const model::Block* c : task.children_of("container")) {
    container_definition(s, out, *c, resources);
  }
  out.end_array();
}

namespace {

// The service's serviceConnectConfiguration (its `service_connect` block), if it has one.
void service_connect(Spelling& s, Request& out, const model::Block& b, const json& region) {
  const model::Block* connect = s.child(b, "service_connect");
  if (!connect) {
    return;
  }
  out.key("serviceConnectConfiguration").begin_object().member("enabled", true);
  copy(s, out, *connect, "namespace", "namespace");
  out.objects("services", s.get_list(*connect, "services"), [&](const model::Value& item) {
    copy_fields(s, out, *connect, "services", item,
                {{"port_name", "portName"}, {"discovery_name", "discoveryName"}});
    out.objects("clientAliases", s.list_of(s.field(*connect, "services", item, "client_aliases")),
                [&](const model::Value& alias) {
                  if (const model::Value* port = alias.field("port")) {
                    out.member("port", *port);
                  }
                  if (const model::Value* dns = alias.field("dns_name"); dns && !dns->is_null()) {
                    out.member("dnsName", *dns);
                  }
                });
    copy_fields(s, out, *connect, "services", item, {{"ingress_port", "ingressPortOverride"}});
  });
  if (const model::Block* group = s.get_ref(*connect, "log_group")) {
    out.key("logConfiguration").begin_object().member("logDriver", "awslogs");
    out.key("options").begin_object().key("awslogs-group").ref(*group);
    out.member("awslogs-region", region).member("awslogs-stream-prefix", "service-connect");
    out.end_object().end_object();
  }
  out.end_object();
}

// The namespace of a service's `service_connect`: its own, else its cluster's default; null
// without a service connect.
const model::Block* connect_namespace(Spelling& s, const model::Block& service) {
  const model::Block* connect = s.child(service, "service_connect");
  if (!connect) {
    return nullptr;
  }
  if (const model::Block* ns = s.get_ref(*connect, "namespace")) {
    return ns;
  }
  const model::Block* cluster = service.ancestor("cluster");
  return cluster ? s.get_ref(*cluster, "service_connect_namespace") : nullptr;
}

} // namespace

std::vector<const model::Block*> service_connect_servers(Spelling& s, const model::Program& program,
                                                         const model::Block& service) {
  std::vector<const model::Block*> out;
  const model::Block* connect = s.child(service, "service_connect");
  const model::Block* ns = connect_namespace(s, service);
  if (!ns || !s.get_list(*connect, "services").empty()) {
    return out;
  }
  for (const model::Block* other : program.of_kind("service")) {
    const model::Block* other_connect = other->first_child("service_connect");
    if (other != &service && other_connect && connect_namespace(s, *other) == ns &&
        !s.get_list(*other_connect, "services").empty()) {
      out.push_back(other);
    }
  }
  return out;
}

void service(Spelling& s, Request& out, const model::Block& b, const json& region,
             bool desired_count) {
  const model::Block* cluster = b.ancestor("cluster");
  const model::Block* task = s.get_ref(b, "task");
  copy(s, out, b, "name", "serviceName");
  if (cluster) {
    out.key("cluster").ref(*cluster);
  }
  if (task) {
    out.key("taskDefinition").ref(*task);
  }
  const bool daemon = *s.get_enum(b, "scheduling") == "daemon";
  out.member("schedulingStrategy", daemon ? "DAEMON" : "REPLICA");
  if (auto desired = s.get_int(b, "desired"); desired && !daemon && desired_count) {
    out.member("desiredCount", *desired); // a daemon service runs one task per instance
  }
  // ECS refuses a capacity provider strategy with DAEMON: a daemon runs one task on each container
  // instance, so one without a launch type of its own runs with EC2's, not its cluster's default
  // provider (the checker refuses one on Fargate and a written `capacity`).
  const bool ec2_daemon = daemon && !s.get_enum(b, "launch_type");
  placement_members(s, b, task, out, ec2_daemon);
  if (ec2_daemon) {
    out.member("launchType", "EC2");
  }
  out.objects("loadBalancers", s.get_list(b, "load_balancers"), [&](const model::Value& item) {
    copy_fields(s, out, b, "load_balancers", item, {{"target_group", "targetGroupArn"}});
    if (const model::Value* v = s.field(b, "load_balancers", item, "container")) {
      // An item names its container by its ECS name or its block's; ECS takes the ECS name.
      json name = s.value(*v);
      const model::Block* c = task && name.is_string()
                                  ? model::container_named(*task, name.get<std::string>())
                                  : nullptr;
      c ? out.key("containerName").ref(*c) : out.member("containerName", name);
    }
    copy_fields(s, out, b, "load_balancers", item, {{"port", "containerPort"}});
  });
  copy_int(s, out, b, "health_check_grace_period", "healthCheckGracePeriodSeconds");
  copy_flag(s, out, b, "enable_execute_command", "enableExecuteCommand");
  copy_upper(s, out, b, "propagate_tags", "propagateTags");
  if (const model::Block* d = s.child(b, "deployment")) {
    out.key("deploymentConfiguration").begin_object();
    copy_int(s, out, *d, "min_healthy_percent", "minimumHealthyPercent");
    if (auto v = s.get_int(*d, "max_percent"); v && !daemon) {
      out.member("maximumPercent", *v);
    }
    out.key("deploymentCircuitBreaker").begin_object();
    out.member("enable", s.get_bool(*d, "circuit_breaker"));
    out.member("rollback", s.get_bool(*d, "rollback")).end_object().end_object();
  }
  service_connect(s, out, b, region);
  if (const model::Block* d = s.child(b, "discovery")) {
    out.key("serviceRegistries").begin_array().begin_object();
    out.member("registryArn", s.deferred_value(model::Deferred{d, "arn"}));
    if (const std::string* name = s.get_string(*d, "container"); name && task) {
      const model::Block* c = model::container_named(*task, *name);
      c ? out.key("containerName").ref(*c) : out.member("containerName", *name);
    }
    copy_int(s, out, *d, "port", "containerPort");
    out.end_object().end_array();
  }
  if (const model::Block* placement = s.child(b, "placement")) {
    copy_objects(s, out, *placement, "strategy", "placementStrategy",
                 {{"type", "type"}, {"field", "field"}});
    out.objects("placementConstraints", s.get_list(*placement, "constraint"),
                [&](const model::Value& c) {
                  if (const model::Value* v = s.field(*placement, "constraint", c, "type")) {
                    out.member("type", camel(*v->enum_member())); // `member_of`: "memberOf"
                  }
                  copy_fields(s, out, *placement, "constraint", c, {{"expression", "expression"}});
                });
  }
}

json cloud_map_namespace(Spelling& s, const model::Block& ns) {
  json out = object(5);
  JsonRequest r(s, out);
  copy(s, r, ns, "name", "Name");
  copy(s, r, ns, "description", "Description");
  if (ns.parent && ns.parent->kind_name == "vpc") {
    out["Vpc"] = s.ref(*ns.parent);
  }
  return out;
}

json discovery_service(Spelling& s, const model::Block& d) {
  json out = object(6);
  const std::string* name = s.get_string(d, "name");
  const std::string* service_name = d.parent ? s.get_string(*d.parent, "name") : nullptr;
  out["Name"] = name ? *name : service_name ? *service_name : d.parent ? d.parent->name : "";
  if (const model::Block* ns = s.get_ref(d, "namespace")) {
    out["NamespaceId"] = s.deferred_value(model::Deferred{ns, "id"});
  }
  const std::string* record = s.get_enum(d, "record");
  json dns = object(2);
  dns["RoutingPolicy"] = "MULTIVALUE";
  dns["DnsRecords"] = json::array(
      {{{"Type", record ? upper(*record) : "A"}, {"TTL", s.get_int(d, "ttl").value_or(60)}}});
  out["DnsConfig"] = std::move(dns);
  // ECS reports the tasks' health to Cloud Map itself.
  out["HealthCheckCustomConfig"] = one("FailureThreshold", 1);
  return out;
}

json cluster(Spelling& s, const model::Block& b) {
  json out = object(3);
  JsonRequest r(s, out);
  copy(s, r, b, "name", "clusterName");
  if (const model::Block* ns = s.get_ref(b, "service_connect_namespace")) {
    out["serviceConnectDefaults"] = one("namespace", s.ref(*ns));
  }
  out["settings"] =
      json::array({{{"name", "containerInsights"},
                    {"value", s.get_bool(b, "container_insights") ? "enabled" : "disabled"}}});
  return out;
}

json cluster_capacity_providers(Spelling& s, const model::Block& b) {
  const model::List& capacity = s.get_list(b, "capacity");
  if (capacity.empty()) {
    return nullptr;
  }
  JsonRequest out(s);
  out.key("cluster").ref(b);
  out.array("capacityProviders", capacity,
            [&](const model::Value& v) { out.value(provider(s, v)); });
  // The first provider is the default for services that choose none.
  out.key("defaultCapacityProviderStrategy").begin_array().begin_object();
  out.member("capacityProvider", provider(s, capacity.front()));
  out.member("weight", 1).member("base", 0).end_object().end_array();
  return out.take();
}

json capacity_provider(Spelling& s, const model::Block& b, json group_arn) {
  JsonRequest out(s);
  copy(s, out, b, "name", "name");
  const bool scaling = s.get_bool(b, "managed_scaling");
  out.key("autoScalingGroupProvider").begin_object().member("autoScalingGroupArn", group_arn);
  out.key("managedScaling").begin_object().member("status", scaling ? "ENABLED" : "DISABLED");
  if (auto target = s.get_int(b, "target_capacity"); target && scaling) {
    out.member("targetCapacity", *target);
  }
  out.end_object().member("managedTerminationProtection", "DISABLED").end_object();
  return out.take();
}

json launch_template_data(Spelling& s, const model::Block& b, LaunchTemplateParts parts) {
  JsonRequest out(s);
  out.member("ImageId", parts.image_id);
  copy(s, out, b, "instance_type", "InstanceType");
  out.key("IamInstanceProfile").begin_object().member("Arn", parts.instance_profile_arn);
  out.end_object();
  out.array("SecurityGroupIds", s.get_refs(b, "security_groups"),
            [&](const model::Block* group) { out.ref(*group); });
  copy(s, out, b, "key_name", "KeyName");
  // The ECS-optimized Amazon Linux 2023 AMI's root device.
  out.key("BlockDeviceMappings").begin_array().begin_object().member("DeviceName", kRootDevice);
  out.key("Ebs").begin_object().member("VolumeType", "gp3").member("Encrypted", true);
  copy_int(s, out, b, "volume_size", "VolumeSize");
  out.end_object().end_object().end_array();
  out.key("MetadataOptions").begin_object().member("HttpTokens", "required").end_object();
  out.member("UserData", parts.user_data);
  // The instances and their volumes carry the block's tags and `ecl:path`.
  out.objects("TagSpecifications", std::array{"instance", "volume"}, [&](const char* type) {
    out.member("ResourceType", type).key("Tags").begin_array();
    for (const auto& [key, v] : s.merged_tags(b)) {
      out.begin_object().member("Key", key).member("Value", *v).end_object();
    }
    out.begin_object().member("Key", "ecl:path").member("Value", b.path).end_object().end_array();
  });
  return out.take();
}

json read_secrets_policy(const TaskNeeds& needs,
                         const std::function<json(const std::string& name)>& parameter_arn) {
  json statements = json::array();
  if (!needs.secret_arns.empty()) {
    statements.push_back({{"Effect", "Allow"},
                          {"Action", "secretsmanager:GetSecretValue"},
                          {"Resource", needs.secret_arns}});
  }
  if (!needs.parameters.empty()) {
    json resources = json::array();
    for (const SecretSource& source : needs.parameters) {
      resources.push_back(source.arn ? json(source.text) : parameter_arn(source.text));
    }
    statements.push_back(
        {{"Effect", "Allow"}, {"Action", "ssm:GetParameters"}, {"Resource", resources}});
  }
  if (statements.empty()) {
    return nullptr;
  }
  return {{"Version", "2012-10-17"}, {"Statement", std::move(statements)}};
}

json trust_policy(Spelling& s, const model::Block& role) {
  json services = json::array(), accounts = json::array();
  for (const model::Value& principal : s.get_list(role, "assumed_by")) {
    const std::string* text = principal.string();
    bool service =
        text && text->find(".amazonaws.com") != std::string::npos && text->rfind("arn:", 0) != 0;
    (service ? services : accounts).push_back(s.value(principal));
  }
  json who = json::object();
  if (!services.empty()) {
    who["Service"] = services.size() == 1 ? services[0] : services;
  }
  if (!accounts.empty()) {
    who["AWS"] = accounts.size() == 1 ? accounts[0] : accounts;
  }
  return {{"Version", "2012-10-17"},
          {"Statement", json::array({{{"Effect", "Allow"},
                                      {"Principal", std::move(who)},
                                      {"Action", "sts:AssumeRole"}}})}};
}

json policy_document(Spelling& s, const model::Block& block, std::string_view attribute) {
  json statements = json::array();
  for (const model::Value& statement : s.get_list(block, attribute)) {
    json out = json::object();
    const model::Value* effect = s.field(block, attribute, statement, "effect");
    const std::string* member = effect ? effect->enum_member() : nullptr;
    out["Effect"] = member && *member == "deny" ? "Deny" : "Allow";
    for (auto [field, key] : {std::pair{"actions", "Action"}, std::pair{"resources", "Resource"}}) {
      if (const model::Value* v = s.field(block, attribute, statement, field)) {
        out[key] = s.value(*v);
      }
    }
    const model::Value* conditions = s.field(block, attribute, statement, "conditions");
    const model::List* list = conditions ? conditions->as<model::List>() : nullptr;
    if (list && !list->empty()) {
      json condition = json::object();
      for (const model::Value& c : *list) {
        const model::Value* test = c.field("test");
        const model::Value* variable = c.field("variable");
        const model::Value* values = c.field("values");
        if (test && test->string() && variable && variable->string() && values) {
          condition[*test->string()][*variable->string()] = s.value(*values);
        }
      }
      out["Condition"] = std::move(condition);
    }
    statements.push_back(std::move(out));
  }
  if (statements.empty()) {
    return nullptr;
  }
  return {{"Version", "2012-10-17"}, {"Statement", std::move(statements)}};
}

const json& assume_role_policy(std::string_view principal) {
  // Built once a principal (and thread): every task's execution role asks.
  thread_local std::map<std::string, json, std::less<>> built;
  auto it = built.find(principal);
  if (it == built.end()) {
    json policy = {{"Version", "2012-10-17"},
                   {"Statement", json::array({{{"Effect", "Allow"},
                                               {"Principal", {{"Service", std::string(principal)}}},
                                               {"Action", "sts:AssumeRole"}}})}};
    it = built.emplace(std::string(principal), std::move(policy)).first;
  }
  return it->second;
}

namespace {

// ServiceNamespace, ResourceId (`service/CLUSTER/SERVICE`, by their names) and ScalableDimension.
json scaling_subject(Spelling& s, const model::Block& service) {
  const model::Block* cluster = service.ancestor("cluster");
  const std::string* cluster_name = cluster ? s.get_string(*cluster, "name") : nullptr;
  const std::string* service_name = s.get_string(service, "name");
  json out = json::object();
  out["ServiceNamespace"] = "ecs";
  if (cluster_name && service_name) {
    out["ResourceId"] = s.string_value("service/" + *cluster_name + "/" + *service_name);
  }
  out["ScalableDimension"] = "ecs:service:DesiredCount";
  return out;
}

} // namespace

json scalable_target(Spelling& s, const model::Block& service) {
  const model::Block* scaling = s.child(service, "scaling");
  if (!scaling) {
    return nullptr;
  }
  json out = scaling_subject(s, service);
  JsonRequest r(s, out);
  copy_int(s, r, *scaling, "min", "MinCapacity");
  copy_int(s, r, *scaling, "max", "MaxCapacity");
  return out;
}

json scheduled_action(Spelling& s, const model::Block& service, const model::Block& schedule) {
  json out = scaling_subject(s, service);
  out["ScheduledActionName"] = s.string_value(schedule.name);
  JsonRequest r(s, out);
  copy(s, r, schedule, "expression", "Schedule");
  copy(s, r, schedule, "timezone", "Timezone");
  json action = json::object();
  JsonRequest into_action(s, action);
  copy_int(s, into_action, schedule, "min", "MinCapacity");
  copy_int(s, into_action, schedule, "max", "MaxCapacity");
  out["ScalableTargetAction"] = std::move(action);
  return out;
}

namespace {

// A CloudWatch enum member as the API spells it: `sample_count` is `SampleCount`,
// `bytes_per_second` is `Bytes/Second`.
std::string cloudwatch_name(std::string_view member) {
  std::string out;
  for (std::size_t start = 0; start <= member.size();) {
    const std::size_t end = std::min(member.find('_', start), member.size());
    const std::string_view word = member.substr(start, end - start);
    if (word == "per") {
      out += '/';
    } else if (!word.empty()) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
      out += word.substr(1);
    }
    start = end + 1;
  }
  return out;
}

// The CustomizedMetricSpecification of a `metric` block (its TargetValue aside).
json customized_metric(Spelling& s, const model::Block& metric) {
  json out = json::object();
  JsonRequest r(s, out);
  copy(s, r, metric, "name", "MetricName");
  copy(s, r, metric, "namespace", "Namespace");
  const model::Value* dimensions = s.get(metric, "dimensions");
  const model::Map* map = dimensions ? dimensions->as<model::Map>() : nullptr;
  if (map && !map->empty()) {
    json& list = out["Dimensions"] = json::array();
    for (const model::MapEntry& d : *map) {
      list.push_back({{"Name", d.first}, {"Value", s.value(d.second)}});
    }
  }
  if (const std::string* statistic = s.get_enum(metric, "statistic")) {
    out["Statistic"] = cloudwatch_name(*statistic);
  }
  if (const std::string* unit = s.get_enum(metric, "unit")) {
    out["Unit"] = cloudwatch_name(*unit);
  }
  return out;
}

} // namespace

std::vector<std::pair<std::string, json>>
scaling_policies(Spelling& s, const model::Program& program, const model::Block& service) {
  std::vector<std::pair<std::string, json>> out;
  const model::Block* scaling = s.child(service, "scaling");
  if (!scaling) {
    return out;
  }
  const std::string* service_name = s.get_string(service, "name");
  // One policy: `suffix` names it after the service, `key` its step or resource.
  auto add = [&](const std::string& key, const std::string& suffix, json config) {
    JsonRequest r(s, config);
    copy_int(s, r, *scaling, "scale_in_cooldown", "ScaleInCooldown");
    copy_int(s, r, *scaling, "scale_out_cooldown", "ScaleOutCooldown");
    json policy = json::object();
    policy["PolicyName"] =
        s.string_value((service_name ? *service_name : service.name) + "-" + suffix);
    const json subject = scaling_subject(s, service);
    for (const auto& [member, value] : subject.items()) {
      policy[member] = value;
    }
    policy["PolicyType"] = "TargetTrackingScaling";
    policy["TargetTrackingScalingPolicyConfiguration"] = std::move(config);
    out.emplace_back(key, std::move(policy));
  };
  for (auto [attribute, metric] : {std::pair{"cpu", "ECSServiceAverageCPUUtilization"},
                                   {"memory", "ECSServiceAverageMemoryUtilization"},
                                   {"requests", "ALBRequestCountPerTarget"}}) {
    auto target = s.get_int(*scaling, attribute);
    if (!target) {
      continue;
    }
    json config = json::object();
    config["TargetValue"] = static_cast<double>(*target);
    config["PredefinedMetricSpecification"] = {{"PredefinedMetricType", metric}};
    if (std::string_view(attribute) == "requests") {
      json label = request_count_label(s, program, service);
      if (label.is_null()) {
        continue; // E3215: no application load balancer in front of the service
      }
      config["PredefinedMetricSpecification"]["ResourceLabel"] = std::move(label);
    }
    add(attribute, attribute, std::move(config));
  }
  for (const model::Block* metric : scaling->children_of("metric")) {
    json config = json::object();
    const model::Value* target = s.get(*metric, "target");
    if (auto value = target ? target->number() : std::nullopt) {
      config["TargetValue"] = *value;
    }
    config["CustomizedMetricSpecification"] = customized_metric(s, *metric);
    add("metric-" + metric->name, metric->name, std::move(config));
  }
  return out;
}

json run_task(Spelling& s, const model::Block& job) {
  const model::Block* cluster = job.ancestor("cluster");
  const model::Block* task = s.get_ref(job, "task");
  JsonRequest out(s);
  if (cluster) {
    out.member("cluster", s.deferred_value(model::Deferred{cluster, "arn"}));
  }
  if (task) {
    out.key("taskDefinition").ref(*task);
  }
  copy_int(s, out, job, "count", "count");
  placement_members(s, job, task, out);
  out.member("enableECSManagedTags", true).member("propagateTags", "TASK_DEFINITION");
  return out.take();
}

json schedule(Spelling& s, const model::Block& job, json role_arn) {
  // The scheduler's EcsParameters are RunTask's members capitalised, but for the awsvpc
  // configuration's wrapper and the strategy items' members, which keep RunTask's spelling.
  json run = run_task(s, job);
  json ecs = object(8);
  ecs["TaskDefinitionArn"] = run["taskDefinition"];
  ecs["TaskCount"] = run["count"];
  for (auto [from, to] : {std::pair{"launchType", "LaunchType"},
                          std::pair{"capacityProviderStrategy", "CapacityProviderStrategy"},
                          std::pair{"platformVersion", "PlatformVersion"}}) {
    if (run.contains(from)) {
      ecs[to] = run[from];
    }
  }
  if (run.contains("networkConfiguration")) {
    json awsvpc = object(3);
    for (const auto& [member, value] : run["networkConfiguration"]["awsvpcConfiguration"].items()) {
      awsvpc[std::string(1, static_cast<char>(std::toupper(member[0]))) + member.substr(1)] = value;
    }
    ecs["NetworkConfiguration"] = one("awsvpcConfiguration", std::move(awsvpc));
  }
  ecs["EnableECSManagedTags"] = true;
  ecs["PropagateTags"] = "TASK_DEFINITION";

  json out = object(7);
  JsonRequest r(s, out);
  copy(s, r, job, "name", "Name");
  copy(s, r, job, "schedule", "ScheduleExpression");
  copy(s, r, job, "timezone", "ScheduleExpressionTimezone");
  out["FlexibleTimeWindow"] = one("Mode", "OFF");
  out["State"] = s.get_bool(job, "enabled") ? "ENABLED" : "DISABLED";
  json target = object(4);
  target["Arn"] = run.contains("cluster") ? run["cluster"] : json();
  target["RoleArn"] = std::move(role_arn);
  target["EcsParameters"] = std::move(ecs);
  out["Target"] = std::move(target);
  return out;
}

json scheduler_policy(Spelling& s, const model::Block& job) {
  const model::Block* cluster = job.ancestor("cluster");
  const model::Block* task = s.get_ref(job, "task");
  json run = object(4);
  run["Effect"] = "Allow";
  run["Action"] = "ecs:RunTask";
  run["Resource"] = task ? s.ref(*task) : json("*");
  if (cluster) {
    run["Condition"] =
        one("ArnEquals", one("ecs:cluster", s.deferred_value(model::Deferred{cluster, "arn"})));
  }
  json pass = object(4);
  pass["Effect"] = "Allow";
  pass["Action"] = "iam:PassRole";
  pass["Resource"] = "*";
  pass["Condition"] = one("StringLike", one("iam:PassedToService", kEcsTasksPrincipal));
  json tag = object(4);
  tag["Effect"] = "Allow";
  tag["Action"] = "ecs:TagResource";
  tag["Resource"] = "*";
  tag["Condition"] = one("StringEquals", one("ecs:CreateAction", "RunTask"));
  json document = object(2);
  document["Version"] = "2012-10-17";
  document["Statement"] = json::array({std::move(run), std::move(pass), std::move(tag)});
  return document;
}

} // namespace ecl::backend::common
