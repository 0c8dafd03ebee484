#include "compiler/schema/schema.h"

#include "compiler/model/arn.h"

#include <deque>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <mutex>
#include <unordered_map>

namespace ecl::schema {
namespace {

// Keeps a type the tables below point to for the life of the program. Owned here rather than
// leaked with `new`: the ASan builds' leak check runs after static destructors (scripts/
// test-hardened). Only called during static initialization and under kinds()' static guard.
const Type& keep(Type type) {
  static std::deque<Type> kept;
  return kept.emplace_back(std::move(type));
}

// Keeps a text built at start-up (a documentation line) for the life of the program.
std::string_view keep_text(std::string text) {
  static std::deque<std::string> kept;
  return kept.emplace_back(std::move(text));
}

// ---- scalar and shared types -----------------------------------------------------------------
const Type kString{TypeKind::String};
const Type kInt{TypeKind::Int};
const Type kNumber{TypeKind::Number};
const Type kBool{TypeKind::Bool};
const Type kCidr{TypeKind::Cidr};
const Type kMemory{TypeKind::Memory};
const Type kCpu{TypeKind::Cpu};
const Type kDuration{TypeKind::Duration};
const Type kPort{TypeKind::Port};
const Type kStringList{TypeKind::List, &kString};
const Type kStringMap{TypeKind::Map, &kString};

Type ref(std::vector<std::string_view> to) {
  return Type{TypeKind::Ref, nullptr, {}, std::move(to)};
}
Type enumeration(std::vector<std::string_view> members) {
  return Type{TypeKind::Enum, nullptr, std::move(members)};
}
Type list(const Type& element) {
  return Type{TypeKind::List, &element};
}

// Attribute builders, so the tables below read as one line each.
Attribute required(std::string_view name, const Type& type, std::string_view doc) {
  return Attribute{name, &type, true, {}, doc};
}
Attribute optional(std::string_view name, const Type& type, std::string_view doc) {
  return Attribute{name, &type, false, {}, doc};
}
Attribute with_default(std::string_view name, const Type& type, model::Value value,
                       std::string_view doc) {
  return Attribute{name, &type, false, {DefaultKind::Value, std::move(value)}, doc};
}
Attribute computed(std::string_view name, const Type& type, DefaultKind kind,
                   std::string_view description, std::string_view doc) {
  return Attribute{name, &type, false, {kind, {}, description}, doc};
}
// Default values, in the canonical form the checker folds the same text to.
model::Value flag(bool b) {
  return model::Value{b, {}};
}
model::Value integer(std::int64_t n) {
  return model::Value{n, {}};
}
model::Value member(std::string name) {
  return model::Value{model::EnumMember{std::move(name)}, {}};
}
model::Value members(std::initializer_list<std::string_view> names) {
  model::List items;
  for (std::string_view name : names) {
    items.push_back(member(std::string(name)));
  }
  return model::Value{std::move(items), {}};
}
model::Value text(std::string s) {
  return model::Value{std::move(s), {}};
}
model::Value seconds(double s) {
  return model::Value{model::Quantity{s, model::Dimension::Duration}, {}};
}
model::Value empty_map() {
  return model::Value{model::Map{}, {}};
}

Attribute ranged(Attribute a, std::optional<double> min, std::optional<double> max) {
  a.min = min;
  a.max = max;
  return a;
}
Attribute tags() {
  return optional("tags", kStringMap,
                  "Tags for the resource, added to the stack's tags (CloudFormation `Tags`).");
}

// References and enums shared by several kinds.
const Type kSubnetRef = ref({"subnet"});
const Type kSubnetRefs = list(kSubnetRef);
const Type kSecurityGroupRef = ref({"security_group"});
const Type kSecurityGroupRefs = list(kSecurityGroupRef);
const Type kRouteTableRefs = list(keep(ref({"route_table"})));
const Type kRouteTarget = ref({"internet_gateway", "nat_gateway"});
const Type kProtocol = enumeration({"tcp", "udp", "icmp", "all"});
const Type kPeer{TypeKind::OneOf, nullptr, {}, {}, {}, {}, {&kCidr, &kSecurityGroupRef}};
const Type kNetworkMode = enumeration({"awsvpc", "bridge", "host", "none"});
const Type kCompatibility = enumeration({"fargate", "ec2", "external"});
const Type kCompatibilities = list(kCompatibility);
const Type kLaunchType = enumeration({"fargate", "ec2", "external"});
const Type kFargateProvider = enumeration({"fargate", "fargate_spot"});
const Type kEc2CapacityRef = ref({"ec2_capacity"});
const Type kProvider{
    TypeKind::OneOf, nullptr, {}, {}, {}, {}, {&kFargateProvider, &kEc2CapacityRef}};
const Type kProviders = list(kProvider);
// CloudWatch's units (StandardUnit), snake case: `bytes_per_second` is `Bytes/Second`.
const Type kMetricUnit = enumeration({"seconds",
                                      "microseconds",
                                      "milliseconds",
                                      "bytes",
                                      "kilobytes",
                                      "megabytes",
                                      "gigabytes",
                                      "terabytes",
                                      "bits",
                                      "kilobits",
                                      "megabits",
                                      "gigabits",
                                      "terabits",
                                      "percent",
                                      "count",
                                      "bytes_per_second",
                                      "kilobytes_per_second",
                                      "megabytes_per_second",
                                      "gigabytes_per_second",
                                      "terabytes_per_second",
                                      "bits_per_second",
                                      "kilobits_per_second",
                                      "megabits_per_second",
                                      "gigabits_per_second",
                                      "terabits_per_second",
                                      "count_per_second",
                                      "none"});

const Type kPortMapping{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("container", kPort, "The port the container listens on (`containerPort`)."),
     ranged(optional("host", kInt,
                     "The host port (`hostPort`): equal to the container port under `awsvpc` and "
                     "`host`; 0 or absent for a dynamic port under `bridge`."),
            0, 65535),
     with_default("protocol", keep(enumeration({"tcp", "udp"})), member("tcp"),
                  "The transport protocol."),
     optional("name", kString, "A name for the mapping (Service Connect)."),
     optional("app_protocol", keep(enumeration({"http", "http2", "grpc"})),
              "The application protocol (Service Connect).")},
    "container",
    {},
    "port mapping"};

const Type kDependency{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("container", keep(ref({"container"})),
              "A container of the same task this one waits for."),
     with_default("condition", keep(enumeration({"start", "complete", "success", "healthy"})),
                  member("start"),
                  "What to wait for: the container started, exited, exited with 0, or is "
                  "healthy (needs its health check).")},
    "container",
    {},
    "container dependency"};

// A container's restart policy (restartPolicy): `restart = true`, or with its exit codes and
// period.
const Type kRestartPolicy{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("enabled", kBool,
              "Restart the container in place when it exits, instead of stopping the task."),
     with_default("ignored_exit_codes", keep(list(kInt)), members({}),
                  "Exit codes after which it is not restarted (at most 50)."),
     ranged(optional("attempt_period", kDuration,
                     "How long it must have run before it is restarted again, 60s to 1800s "
                     "(AWS's default: 300s)."),
            60, 1800)},
    "enabled",
    {},
    "restart policy"};

// Another container of the task whose volumes a container mounts (volumesFrom).
const Type kVolumesFrom{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("container", keep(ref({"container"})), "A container of the same task."),
     with_default("read_only", kBool, flag(false), "Mount its volumes read-only.")},
    "container",
    {},
    "volumes from"};

// Linux capabilities a container adds to or drops from Docker's default set
// (linuxParameters.capabilities).
const Type kCapability =
    enumeration({"all",        "audit_control",   "audit_write",      "block_suspend",
                 "chown",      "dac_override",    "dac_read_search",  "fowner",
                 "fsetid",     "ipc_lock",        "ipc_owner",        "kill",
                 "lease",      "linux_immutable", "mac_admin",        "mac_override",
                 "mknod",      "net_admin",       "net_bind_service", "net_broadcast",
                 "net_raw",    "setfcap",         "setgid",           "setpcap",
                 "setuid",     "sys_admin",       "sys_boot",         "sys_chroot",
                 "sys_module", "sys_nice",        "sys_pacct",        "sys_ptrace",
                 "sys_rawio",  "sys_resource",    "sys_time",         "sys_tty_config",
                 "syslog",     "wake_alarm"});
const Type kCapabilities{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {with_default("add", keep(list(kCapability)), members({}),
                  "Capabilities added: `[sys_ptrace]` (on Fargate, only `sys_ptrace`)."),
     with_default("drop", keep(list(kCapability)), members({}),
                  "Capabilities dropped: `[all]`, `[net_raw]`.")},
    {},
    {},
    "capabilities"};

// A tmpfs mount of a container (linuxParameters.tmpfs): `{ path = "/run", size = 64MiB }`.
const Type kTmpfs{TypeKind::Object,
                  nullptr,
                  {},
                  {},
                  {required("path", kString, "Where it is mounted in the container: `/run`."),
                   ranged(required("size", kMemory, "Its size: `64MiB`."), 1, std::nullopt),
                   with_default("options", kStringList, members({}),
                                "Mount options: `[\"noexec\", \"nosuid\"]`.")},
                  {},
                  {},
                  "tmpfs mount"};

// A host device exposed to a container (linuxParameters.devices).
const Type kDevice{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("host_path", kString, "The device on the instance: `/dev/fuse`."),
     optional("container_path", kString, "Where it appears in the container (the same path)."),
     with_default("permissions", keep(list(keep(enumeration({"read", "write", "mknod"})))),
                  members({}), "What the container may do with it (all, when empty).")},
    {},
    {},
    "device"};

// A FireLens log router (firelensConfiguration): `firelens = fluentbit`, or with options.
const Type kFirelens{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("type", keep(enumeration({"fluentbit", "fluentd"})), "The log router."),
     with_default("options", kStringMap, empty_map(),
                  "`enable-ecs-log-metadata` (`\"true\"` or `\"false\"`), `config-file-type` "
                  "(`file`, or `s3` off Fargate) and `config-file-value` (the file's path or S3 "
                  "ARN).")},
    "type",
    {},
    "FireLens configuration"};

const Type kUlimit{TypeKind::Object,
                   nullptr,
                   {},
                   {},
                   {required("name",
                             keep(enumeration({"core", "cpu", "data", "fsize", "locks", "memlock",
                                               "msgqueue", "nice", "nofile", "nproc", "rss",
                                               "rtprio", "rttime", "sigpending", "stack"})),
                             "The resource limit."),
                    ranged(required("soft", kInt, "The soft limit."), 0, std::nullopt),
                    ranged(required("hard", kInt, "The hard limit."), 0, std::nullopt)},
                   {},
                   {},
                   "ulimit"};

const Type kMountPoint{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("volume", kString, "The name of a volume of the task (`sourceVolume`)."),
     required("path", kString, "Where it is mounted in the container (`containerPath`)."),
     with_default("read_only", kBool, flag(false), "Mount read-only.")},
    {},
    {},
    "mount point"};

// ---- EFS -------------------------------------------------------------------------------------
// A POSIX user or group ID (0 to 2^32 - 1).
Attribute posix_id(std::string_view name, std::string_view doc) {
  return ranged(required(name, kInt, doc), 0, 4294967295.0);
}

const Type kPosixUser{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {posix_id("uid", "The user ID."), posix_id("gid", "The group ID."),
     with_default("secondary_gids", keep(list(kInt)), members({}), "More group IDs (at most 16).")},
    {},
    {},
    "POSIX user"};

const Type kCreationInfo{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {posix_id("uid", "The directory's owner's user ID."),
     posix_id("gid", "The directory's owner's group ID."),
     required("permissions", kString, "The directory's mode, 3 or 4 octal digits: `\"755\"`.")},
    {},
    {},
    "root directory creation"};

// A task volume's EFS file system (efsVolumeConfiguration): `efs = data`, or with an access point;
// a file system or access point made elsewhere by its ID.
const Type kFileSystemRef = ref({"file_system"});
const Type kAccessPointRef = ref({"access_point"});
const Type kFileSystemId{TypeKind::OneOf, nullptr, {}, {}, {}, {}, {&kString, &kFileSystemRef}};
const Type kAccessPointId{TypeKind::OneOf, nullptr, {}, {}, {}, {}, {&kString, &kAccessPointRef}};
const Type kEfsVolume{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("file_system", kFileSystemId,
              "The `file_system` mounted, or the ID of one made elsewhere (`\"fs-…\"`)."),
     optional("access_point", kAccessPointId,
              "An `access_point` of that file system (`data.uploads`), or the ID of one made "
              "elsewhere (`\"fsap-…\"`): its user and root directory apply to every request."),
     optional("root_directory", kString,
              "The directory of the file system mounted as the volume's root (AWS's default: "
              "`/`); with an access point, its `path` is the root instead."),
     with_default("transit_encryption", kBool, flag(true),
                  "Encrypt the NFS traffic with TLS (needed with an access point or `iam`)."),
     with_default("iam", kBool, flag(false),
                  "Mount with the task role's identity, for the file system's policy "
                  "(`authorizationConfig.iam`); the task needs a `task_role`.")},
    "file_system",
    {},
    "EFS volume"};

const Type kVolume{TypeKind::Object,
                   nullptr,
                   {},
                   {},
                   {required("name", kString, "The volume's name, used by `mount_points`."),
                    optional("host_path", kString,
                             "A path on the EC2 host (bind mount); absent for a task-scoped "
                             "volume."),
                    optional("efs", kEfsVolume,
                             "An EFS file system: `efs = data`, or `{ file_system = data, "
                             "access_point = data.uploads }`.")},
                   {},
                   {},
                   "volume"};

const Type kStrategyItem{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("provider", kProvider,
              "`fargate`, `fargate_spot` or an `ec2_capacity` of the service's cluster."),
     ranged(
         with_default("weight", kInt, integer(1), "The relative share of tasks for this provider."),
         0, 1000),
     ranged(with_default("base", kInt, integer(0), "Tasks that run on this provider first."), 0,
            100000)},
    "provider",
    {},
    "capacity provider strategy item"};

const Type kPlacementStrategy{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("type", keep(enumeration({"spread", "binpack", "random"})), "How tasks are placed."),
     optional("field", kString,
              "For `spread`: `instanceId`, `host` or an attribute such as "
              "`attribute:ecs.availability-zone`; for `binpack`: `cpu` or `memory`.")},
    {},
    {},
    "placement strategy"};

const Type kPlacementConstraint{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("type", keep(enumeration({"distinct_instance", "member_of"})),
              "`distinct_instance`: one task per instance; `member_of`: instances matching "
              "`expression`."),
     optional("expression", kString, "A cluster query language expression, for `member_of`.")},
    {},
    {},
    "placement constraint"};

// ---- load balancing --------------------------------------------------------------------------
const Type kTargetGroupRef = ref({"target_group"});
const Type kLbProtocol = enumeration({"http", "https", "tcp", "tls", "udp", "tcp_udp"});

const Type kRedirect{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("protocol", keep(enumeration({"http", "https"})), "The protocol to redirect to."),
     optional("port", kPort, "The port to redirect to. Default: 443 for `https`, 80 for `http`."),
     optional("host", kString, "The host to redirect to. Default: the request's (`#{host}`)."),
     optional("path", kString, "The path, starting with `/`. Default: the request's (`/#{path}`)."),
     optional("query", kString, "The query, without `?`. Default: the request's (`#{query}`)."),
     with_default("permanent", kBool, flag(true),
                  "A permanent redirect (HTTP 301); `false` for a temporary one (HTTP 302).")},
    "protocol",
    {},
    "redirect"};

const Type kFixedResponse{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {ranged(required("status", kInt, "The HTTP status code, 200 to 599."), 200, 599),
     optional("content_type",
              keep(enumeration({"text_plain", "text_css", "text_html", "application_javascript",
                                "application_json"})),
              "The content type: `text_plain` (`text/plain`), `text_html`, `application_json`…"),
     optional("body", kString, "The response body, at most 1024 characters.")},
    "status",
    {},
    "fixed response"};

const Type kTargetHealthCheck{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {optional("path", kString,
              "The path of an HTTP or HTTPS check, starting with `/` (AWS's default: `/`)."),
     ranged(with_default("interval", kDuration, seconds(30), "Time between checks, 5s to 300s."), 5,
            300),
     ranged(optional("timeout", kDuration,
                     "Time without an answer that fails a check, 2s to 120s (AWS's default: 5s "
                     "for HTTP, 6s for HTTPS, 10s otherwise)."),
            2, 120),
     ranged(with_default("healthy_threshold", kInt, integer(5),
                         "Successful checks before an unhealthy target is healthy, 2 to 10."),
            2, 10),
     ranged(with_default("unhealthy_threshold", kInt, integer(2),
                         "Failed checks before a target is unhealthy, 2 to 10."),
            2, 10),
     optional("matcher", kString,
              "The HTTP codes of a healthy answer: `\"200\"`, `\"200,204\"`, `\"200-299\"` (AWS's "
              "default: 200).")},
    "path",
    {},
    "target health check"};

const Type kServiceLoadBalancer{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("target_group", kTargetGroupRef, "The target group the tasks are registered with."),
     required("container", kString,
              "A container of the service's task, by its `name` or its block's name."),
     required("port", kPort, "The container port the load balancer sends traffic to.")},
    {},
    {},
    "load balancer attachment"};

// ---- Service Connect -------------------------------------------------------------------------
const Type kClientAlias{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("port", kPort, "The port client tasks connect to (the proxy listens on it)."),
     optional("dns_name", kString,
              "The name client tasks connect to (AWS's default: the discovery name and the "
              "namespace's, `api.internal`).")},
    {},
    {},
    "client alias"};

const Type kServiceConnectService{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("port_name", kString,
              "The `name` of a port mapping of the service's task, served through the proxy."),
     optional("discovery_name", kString,
              "Its Cloud Map service's name, unique in the namespace (AWS's default: "
              "`port_name`)."),
     with_default("client_aliases", keep(list(kClientAlias)), members({}),
                  "How client tasks reach it, at most one: `[{ port = 80, dns_name = \"api\" }]`; "
                  "without one, only the discovery name is registered."),
     optional("ingress_port", kPort,
              "The port the proxy listens on for this service (`ingressPortOverride`).")},
    {},
    {},
    "Service Connect service"};

const Type kAccessLogs{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("bucket", kString,
              "The S3 bucket the logs go to (its policy must let Elastic Load Balancing write)."),
     optional("prefix", kString, "The key prefix of the log files in the bucket.")},
    {},
    {},
    "access logs"};

const Type kHeaderCondition{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("name", kString, "The HTTP header's name: `\"X-Env\"`."),
     required("values", kStringList, "Values, any of which matches (`*` and `?` as wildcards).")},
    {},
    {},
    "header condition"};

// ---- IAM ---------------------------------------------------------------------------------------
const Type kRoleRef = ref({"role"});
// A role's ARN, written or declared: `task_role`, `execution_role`.
const Type kRoleArn{TypeKind::OneOf, nullptr, {}, {}, {}, {}, {&kString, &kRoleRef}};

// ---- CloudWatch Logs -----------------------------------------------------------------------
const Type kLogGroupRef = ref({"log_group"});
// A log group, named or declared: a container log's `group`.
const Type kLogGroupName{TypeKind::OneOf, nullptr, {}, {}, {}, {}, {&kString, &kLogGroupRef}};

// ---- ECR -----------------------------------------------------------------------------------
const Type kLifecycleRule{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {ranged(required("priority", kInt,
                     "The order the rules are evaluated in, lowest first; one a rule."),
            1, std::nullopt),
     optional("description", kString, "What the rule is for."),
     required("tag_status", keep(enumeration({"tagged", "untagged", "any"})),
              "The images the rule selects: `tagged` ones (by `tag_prefixes` or "
              "`tag_patterns`), `untagged` ones, or `any` (the last rule only)."),
     with_default("tag_prefixes", kStringList, members({}),
                  "For `tagged`: tag prefixes, all of which an image's tags start with: "
                  "`[\"v\"]`."),
     with_default("tag_patterns", kStringList, members({}),
                  "For `tagged`, instead of prefixes: tag patterns with at most four `*` each: "
                  "`[\"prod-*\"]`."),
     required("count_type", keep(enumeration({"image_count_more_than", "since_image_pushed"})),
              "`image_count_more_than`: expire the selected images beyond the `count` newest; "
              "`since_image_pushed`: expire those pushed more than `count` days ago."),
     ranged(required("count", kInt, "The number of images, or of days."), 1, std::nullopt)},
    {},
    {},
    "lifecycle rule"};

const Type kPolicyCondition{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {required("test", kString,
              "The condition operator: `\"StringEquals\"`, `\"ArnLike\"`, `\"Bool\"`…"),
     required("variable", kString, "The condition key: `\"aws:SourceAccount\"`."),
     required("values", kStringList, "The values, any of which matches.")},
    {},
    {},
    "policy condition"};

const Type kStatement{
    TypeKind::Object,
    nullptr,
    {},
    {},
    {with_default("effect", keep(enumeration({"allow", "deny"})), member("allow"),
                  "`allow` or `deny` (`Effect`)."),
     required("actions", kStringList,
              "`service:Action` names, `*` as a wildcard: `[\"s3:GetObject\", \"s3:List*\"]`."),
     required("resources", kStringList,
              "ARNs the actions apply to, or `\"*\"`; may name other blocks' `arn`: "
              "`[\"${bucket_arn}/*\", app.arn]`."),
     with_default("conditions", keep(list(kPolicyCondition)), members({}),
                  "Conditions, all of which must hold: `[{ test = \"StringEquals\", variable = "
                  "\"aws:SourceAccount\", values = [\"123456789012\"] }]`.")},
    {},
    {},
    "policy statement"};
const Type kStatements = list(kStatement);

// The action of a listener or a listener rule: one of the three.
std::vector<Attribute> action_attributes() {
  return {optional("forward", kTargetGroupRef, "Forward requests to a target group."),
          optional("redirect", kRedirect,
                   "Redirect (application load balancers): `https`, or `{ protocol = https, port "
                   "= 8443, permanent = false }`; it changes the protocol, port, host, path or "
                   "query."),
          optional("fixed_response", kFixedResponse,
                   "Answer without a target (application load balancers): `404`, or `{ status = "
                   "503, content_type = text_plain, body = \"down\" }`.")};
}

// Where the tasks of a service or a job run: the launch type or capacity provider strategy, and an
// awsvpc task's network (CreateService's and RunTask's members alike).
std::vector<Attribute> placement_attributes() {
  return {
      optional("launch_type", kLaunchType,
               "`fargate`, `ec2` or `external`; or set `capacity` instead."),
      computed("capacity", keep(list(kStrategyItem)), DefaultKind::Derived,
               "the cluster's first capacity provider",
               "A capacity provider strategy: `[fargate_spot]`, or "
               "`[{ provider = fargate, base = 1 }, { provider = fargate_spot, weight = 3 }]`."),
      with_default("subnets", kSubnetRefs, members({}), "Subnets of an `awsvpc` task (one VPC)."),
      with_default("security_groups", kSecurityGroupRefs, members({}),
                   "Security groups of an `awsvpc` task (the VPC's default group when empty)."),
      with_default("public_ip", kBool, flag(false),
                   "Give `awsvpc` tasks a public IP (`assignPublicIp`, Fargate only)."),
      optional("platform_version", kString,
               "The Fargate platform version; AWS's `LATEST` if unset.")};
}

std::vector<Attribute> operator+(std::vector<Attribute> a, std::vector<Attribute> b) {
  a.insert(a.end(), std::make_move_iterator(b.begin()), std::make_move_iterator(b.end()));
  return a;
}

std::vector<Kind> build_kinds() {
  std::vector<Kind> k;

  k.push_back(
      Kind{"stack",
           "The deployment as a whole: its region, description and the tags put on every resource.",
           {""},
           Naming::Required,
           1,
           false,
           {optional("region", kString,
                     "The AWS region, e.g. `us-east-1`; subnet zones must belong to it."),
            optional("description", kString, "The template's `Description`."),
            optional("tags", kStringMap,
                     "Tags put on every taggable resource of the stack. With a block's own tags "
                     "and eclc's `ecl:path`, at most 50 a resource (E3061); keys of 1 to 128 "
                     "characters, not starting with `aws:`, values of at most 256 (E3060).")},
           {},
           "template Description and tags"});

  k.push_back(
      Kind{"vpc",
           "A virtual private cloud: an isolated IPv4 network.",
           {""},
           Naming::Required,
           0,
           false,
           {required("cidr", kCidr, "The VPC's IPv4 CIDR block, /16 to /28."),
            with_default("dns_support", kBool, flag(true),
                         "DNS resolution through the Amazon DNS server."),
            with_default("dns_hostnames", kBool, flag(true),
                         "Public DNS hostnames for instances with public addresses (needed for "
                         "interface endpoints' private DNS)."),
            with_default("instance_tenancy", keep(enumeration({"default", "dedicated"})),
                         member("default"), "Tenancy of instances launched into the VPC."),
            tags()},
           {{"id", "The VPC ID (`vpc-…`)."},
            {"default_security_group", "The ID of the VPC's default security group."}},
           "AWS::EC2::VPC"});

  k.push_back(
      Kind{"subnet",
           "A range of the VPC's addresses in one availability zone.",
           {"vpc"},
           Naming::Required,
           0,
           false,
           {required("cidr", kCidr, "The subnet's CIDR block, inside the VPC's, /16 to /28."),
            required("zone", kString,
                     "The availability zone, e.g. `us-east-1a`, or one chosen at deployment: "
                     "`availability_zones(2)[0]`."),
            with_default("public", kBool, flag(false),
                         "Give instances and tasks launched here a public IPv4 address "
                         "(`MapPublicIpOnLaunch`); a public subnet also needs a route to "
                         "an internet gateway."),
            tags()},
           {{"id", "The subnet ID (`subnet-…`)."},
            {"zone_id", "The availability zone ID (`use1-az1`)."}},
           "AWS::EC2::Subnet"});

  k.push_back(Kind{"internet_gateway",
                   "An internet gateway attached to the VPC.",
                   {"vpc"},
                   Naming::Required,
                   1,
                   false,
                   {tags()},
                   {{"id", "The internet gateway ID (`igw-…`)."}},
                   "AWS::EC2::InternetGateway + AWS::EC2::VPCGatewayAttachment"});

  k.push_back(Kind{
      "nat_gateway",
      "A NAT gateway in a public subnet, with an Elastic IP, for outbound traffic from private "
      "subnets.",
      {"vpc"},
      Naming::Required,
      0,
      false,
      {required("subnet", kSubnetRef, "The public subnet the gateway lives in."), tags()},
      {{"id", "The NAT gateway ID (`nat-…`)."},
       {"public_ip", "The Elastic IP address of the gateway."}},
      "AWS::EC2::EIP + AWS::EC2::NatGateway"});

  k.push_back(
      Kind{"route_table",
           "A route table and the subnets associated with it.",
           {"vpc"},
           Naming::Required,
           0,
           false,
           {with_default("subnets", kSubnetRefs, members({}),
                         "Subnets associated with this table; a subnet has at most one table."),
            tags()},
           {{"id", "The route table ID (`rtb-…`)."}},
           "AWS::EC2::RouteTable + AWS::EC2::SubnetRouteTableAssociation"});

  k.push_back(Kind{
      "route",
      "A route of its route table.",
      {"route_table"},
      Naming::None,
      0,
      false,
      {required("destination", kCidr,
                "The destination IPv4 CIDR, e.g. `0.0.0.0/0`; unique within the "
                "table."),
       required("target", kRouteTarget, "An `internet_gateway` or `nat_gateway` of the same VPC.")},
      {},
      "AWS::EC2::Route"});

  k.push_back(Kind{
      "endpoint",
      "A VPC endpoint: private access to an AWS service without internet.",
      {"vpc"},
      Naming::Required,
      0,
      false,
      {required("service", kString,
                "The service's short name: `s3`, `dynamodb`, `ecr.api`, `ecr.dkr`, `logs`, "
                "`secretsmanager`, `ssm`…, one AWS has endpoints for (E3013); the full name "
                "(`com.amazonaws.REGION.NAME`) adds the region and is taken as written."),
       computed("type", keep(enumeration({"gateway", "interface"})), DefaultKind::Derived,
                "`gateway` for `s3` and `dynamodb`, `interface` otherwise",
                "`gateway` (route tables; S3 and DynamoDB only) or `interface` (subnets and "
                "security groups). Default: `gateway` for `s3` and `dynamodb`, `interface` "
                "otherwise."),
       with_default("route_tables", kRouteTableRefs, members({}),
                    "Route tables of a gateway endpoint."),
       with_default("subnets", kSubnetRefs, members({}),
                    "Subnets of an interface endpoint (one network interface each)."),
       with_default("security_groups", kSecurityGroupRefs, members({}),
                    "Security groups of an interface endpoint's network interfaces."),
       with_default("private_dns", kBool, flag(true),
                    "Resolve the service's public name to the endpoint (interface endpoints)."),
       tags()},
      {{"id", "The endpoint ID (`vpce-…`)."}},
      "AWS::EC2::VPCEndpoint"});

  k.push_back(Kind{
      "security_group",
      "A security group: stateful firewall rules for network interfaces.",
      {"vpc"},
      Naming::Required,
      0,
      false,
      {computed("description", kString, DefaultKind::Derived,
                "`Security group ` and the block's path",
                "What the group is for (`GroupDescription`)."),
       computed("name", kString, DefaultKind::Generated, "the stack's name and the block's path",
                "The group's name (`GroupName`), unique in the VPC: at most 255 characters, "
                "not starting with `sg-`."),
       tags()},
      {{"id", "The security group ID (`sg-…`)."}},
      "AWS::EC2::SecurityGroup (+ ingress/egress resources for group-to-group rules)"});

  auto rule_attributes = [](std::string_view peer, std::string_view peer_doc) {
    return std::vector<Attribute>{
        with_default("protocol", kProtocol, member("tcp"), "`tcp`, `udp`, `icmp` or `all`."),
        optional("port", kPort, "A single port (tcp and udp)."),
        ranged(optional("from_port", kInt,
                        "The first port of a range (tcp, udp), or the ICMP type (-1: all)."),
               -1, 65535),
        ranged(optional("to_port", kInt,
                        "The last port of a range (tcp, udp), or the ICMP code (-1: all)."),
               -1, 65535),
        required(peer, kPeer, peer_doc),
        optional("description", kString, "What the rule is for.")};
  };
  k.push_back(
      Kind{"ingress",
           "An inbound rule of its security group.",
           {"security_group"},
           Naming::None,
           0,
           false,
           rule_attributes("from", "The source: a CIDR, or a security group of the same VPC."),
           {},
           "SecurityGroupIngress / AWS::EC2::SecurityGroupIngress"});
  k.push_back(
      Kind{"egress",
           "An outbound rule of its security group (without any, all outbound traffic is "
           "allowed).",
           {"security_group"},
           Naming::None,
           0,
           false,
           rule_attributes("to", "The destination: a CIDR, or a security group of the same VPC."),
           {},
           "SecurityGroupEgress / AWS::EC2::SecurityGroupEgress"});

  k.push_back(Kind{
      "load_balancer",
      "An Elastic Load Balancing v2 load balancer: application (HTTP, HTTPS) or network (TCP, "
      "TLS, UDP).",
      {"vpc"},
      Naming::Required,
      0,
      false,
      {with_default("type", keep(enumeration({"application", "network"})), member("application"),
                    "`application` (layer 7) or `network` (layer 4)."),
       with_default("scheme", keep(enumeration({"internet_facing", "internal"})),
                    member("internet_facing"),
                    "`internet_facing` (public addresses, in public subnets) or `internal`."),
       required("subnets", kSubnetRefs,
                "Subnets of the VPC, at most one per zone; an application load balancer needs two "
                "zones."),
       with_default("security_groups", kSecurityGroupRefs, members({}),
                    "Security groups of the load balancer (the VPC's default group when empty)."),
       ranged(computed("idle_timeout", kDuration, DefaultKind::Derived,
                       "`60s` for an application load balancer; none for a network one",
                       "How long an idle connection stays open, 1s to 4000s: an application load "
                       "balancer's only (a network one's TCP listeners keep idle flows 350s). "
                       "Default: `60s`."),
              1, 4000),
       with_default("deletion_protection", kBool, flag(false),
                    "Refuse to delete the load balancer until this is turned off."),
       computed("name", kString, DefaultKind::Generated,
                "the stack's name and the block's path (in a template, CloudFormation's)",
                "The load balancer's name: at most 32 letters, digits and `-`, not starting with "
                "`internal-`."),
       optional("access_logs", kAccessLogs,
                "Write access logs to S3: `{ bucket = \"my-logs\", prefix = \"web\" }`."),
       tags()},
      {{"arn", "The load balancer's ARN."},
       {"dns_name", "The load balancer's DNS name."},
       {"zone_id", "The ID of the Route 53 hosted zone of its DNS name (for alias records)."},
       {"full_name", "The end of its ARN, `app/NAME/ID`: CloudWatch's `LoadBalancer` dimension."}},
      "AWS::ElasticLoadBalancingV2::LoadBalancer"});

  {
    std::vector<Attribute> attributes = {
        required("port", kPort, "The port the load balancer listens on."),
        computed("protocol", kLbProtocol, DefaultKind::Derived,
                 "`http` on an application load balancer, `tcp` on a network one",
                 "`http` or `https` (application); `tcp`, `tls`, `udp` or `tcp_udp` (network)."),
        with_default("certificates", kStringList, members({}),
                     "The certificate ARN of an `https` or `tls` listener, in a list of one "
                     "(more, for SNI, are not supported yet: E3324): an ACM certificate of the "
                     "stack's region (`arn:aws:acm:REGION:ACCOUNT:certificate/ID`) or an IAM "
                     "server certificate (`arn:aws:iam::ACCOUNT:server-certificate/NAME`)."),
        optional("ssl_policy", kString,
                 "The security policy of an `https` or `tls` listener (no other takes one): a "
                 "predefined Elastic Load Balancing policy, e.g. "
                 "`ELBSecurityPolicy-TLS13-1-2-2021-06` (AWS's default when unset).")};
    for (Attribute& a : action_attributes()) {
      attributes.push_back(a);
    }
    k.push_back(Kind{"listener",
                     "A listener of its load balancer: a port, a protocol and the default action.",
                     {"load_balancer"},
                     Naming::Required,
                     0,
                     false,
                     std::move(attributes),
                     {{"arn", "The listener's ARN."}},
                     "AWS::ElasticLoadBalancingV2::Listener"});
  }

  {
    std::vector<Attribute> attributes = {
        required("priority", kInt,
                 "The rule's priority on its listener, 1 to 50000; lower is evaluated first."),
        with_default("paths", kStringList, members({}),
                     "Path patterns, any of which matches: `[\"/api/*\"]`."),
        with_default("hosts", kStringList, members({}),
                     "Host headers, any of which matches: `[\"api.example.com\"]`."),
        with_default("headers", keep(list(kHeaderCondition)), members({}),
                     "HTTP header conditions, all of which must match: `[{ name = \"X-Env\", "
                     "values = [\"beta\"] }]`.")};
    for (Attribute& a : action_attributes()) {
      attributes.push_back(a);
    }
    k.push_back(Kind{"rule",
                     "A rule of an application load balancer's listener: requests matching its "
                     "conditions (paths and hosts) take its action.",
                     {"listener"},
                     Naming::Required,
                     0,
                     false,
                     std::move(attributes),
                     {{"arn", "The rule's ARN."}},
                     "AWS::ElasticLoadBalancingV2::ListenerRule"});
  }

  k.push_back(Kind{
      "target_group",
      "A target group: the tasks a load balancer sends traffic to, and how their health is "
      "checked.",
      {"vpc"},
      Naming::Required,
      0,
      false,
      {computed("name", kString, DefaultKind::Generated,
                "the stack's name and the block's path (in a template, CloudFormation's)",
                "The target group's name: at most 32 letters, digits and `-`."),
       required("port", kPort,
                "The port targets receive traffic on (a service's attachment names its own)."),
       with_default("protocol", kLbProtocol, member("http"),
                    "`http` or `https` behind an application load balancer; `tcp`, `tls`, `udp` "
                    "or `tcp_udp` behind a network one."),
       computed("target_type", keep(enumeration({"ip", "instance"})), DefaultKind::Derived,
                "`ip` when the services attached run `awsvpc` tasks, `instance` under `bridge` or "
                "`host`",
                "`ip` (awsvpc tasks) or `instance` (bridge and host tasks)."),
       optional("health_check", kTargetHealthCheck,
                "How targets are checked: `\"/healthz\"`, or `{ path = \"/healthz\", interval = "
                "15s, matcher = \"200-299\" }`."),
       ranged(with_default("deregistration_delay", kDuration, seconds(300),
                           "How long a deregistering target keeps its connections, 0s to 3600s."),
              0, 3600),
       ranged(optional("stickiness", kDuration,
                       "Send a client's requests to the same target for this long (1s to 168h, "
                       "seven days): an "
                       "`lb_cookie` behind an application load balancer; behind a network one, "
                       "by source address (the duration does not apply)."),
              1, 604800),
       tags()},
      {{"arn", "The target group's ARN."},
       {"full_name",
        "The end of its ARN, `targetgroup/NAME/ID`: CloudWatch's `TargetGroup` dimension."}},
      "AWS::ElasticLoadBalancingV2::TargetGroup"});

  k.push_back(Kind{
      "cluster",
      "An ECS cluster and the capacity providers its services may use.",
      {""},
      Naming::Required,
      0,
      false,
      {with_default("capacity", kProviders, members({"fargate"}),
                    "Capacity providers: `fargate`, `fargate_spot`, and `ec2_capacity` blocks of "
                    "this cluster; the first is the default for services that choose none."),
       with_default("container_insights", kBool, flag(false), "CloudWatch Container Insights."),
       optional("service_connect_namespace", keep(ref({"namespace"})),
                "The namespace of its services' `service_connect` blocks that name none "
                "(`serviceConnectDefaults`)."),
       computed("name", kString, DefaultKind::StackName, "",
                "The cluster's name. Default: the stack's name and the block's, joined by `-`."),
       tags()},
      {{"arn", "The cluster's ARN."}},
      "AWS::ECS::Cluster + AWS::ECS::ClusterCapacityProviderAssociations"});

  k.push_back(Kind{
      "ec2_capacity",
      "EC2 instances that join the cluster through the ECS container agent, managed by an Auto "
      "Scaling group and a capacity provider.",
      {"cluster"},
      Naming::Required,
      0,
      false,
      {required("instance_type", kString,
                "The EC2 instance type, e.g. `t3.medium`: one EC2 has (E3225), with room on one "
                "instance for each task placed there (E3226)."),
       ranged(with_default("min", kInt, integer(0), "The Auto Scaling group's minimum size."), 0,
              std::nullopt),
       ranged(required("max", kInt, "The Auto Scaling group's maximum size."), 0, std::nullopt),
       ranged(computed("desired", kInt, DefaultKind::Derived, "`min`",
                       "The Auto Scaling group's desired capacity. Default: `min`."),
              0, std::nullopt),
       required("subnets", kSubnetRefs,
                "Subnets the instances are launched in (one VPC), from which their ECS agent "
                "reaches ECS: a NAT route, a `public` subnet, or the `ecs`, `ecs-agent` and "
                "`ecs-telemetry` endpoints (W0025)."),
       with_default("security_groups", kSecurityGroupRefs, members({}),
                    "Security groups of the instances."),
       computed("ami", kString, DefaultKind::Derived,
                "`\"/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id\"`, "
                "with `/arm64` before `/recommended` for a Graviton `instance_type`",
                "An AMI ID, or the name of a public SSM parameter holding one (starting with "
                "`/`): by default the ECS-optimized Amazon Linux 2023 image of the instance "
                "type's architecture."),
       optional("key_name", kString, "An EC2 key pair for SSH access."),
       ranged(with_default("volume_size", kInt, integer(30), "The root volume's size in GiB."), 30,
              16384),
       with_default("managed_scaling", kBool, flag(true),
                    "Let ECS scale the group to the tasks' needs (capacity provider managed "
                    "scaling)."),
       ranged(with_default("target_capacity", kInt, integer(100),
                           "The utilization managed scaling aims for, in percent."),
              1, 100),
       computed("name", kString, DefaultKind::StackName, "",
                "The capacity provider's name. Default: the stack's name and the block's."),
       tags()},
      {{"auto_scaling_group", "The Auto Scaling group's name."},
       {"launch_template", "The launch template's ID."}},
      "AWS::EC2::LaunchTemplate + AWS::AutoScaling::AutoScalingGroup + AWS::ECS::CapacityProvider "
      "+ AWS::IAM::Role + AWS::IAM::InstanceProfile"});

  k.push_back(Kind{
      "role",
      "An IAM role: who may assume it (its trust policy), the managed policies attached to it "
      "and the statements of its inline policy.",
      {""},
      Naming::Required,
      0,
      false,
      {required("assumed_by", kStringList,
                "Who may assume it: service principals (`\"ecs-tasks.amazonaws.com\"`), account "
                "IDs or IAM ARNs."),
       with_default("managed_policies", kStringList, members({}),
                    "Managed policy ARNs attached to the role (`ManagedPolicyArns`)."),
       with_default("statements", kStatements, members({}),
                    "The statements of the role's inline policy: `[{ actions = "
                    "[\"s3:GetObject\"], resources = [\"arn:aws:s3:::bucket/*\"] }]`."),
       optional("path", kString, "The role's path: `/` (AWS's default) or `/TEXT/`."),
       computed("name", kString, DefaultKind::Generated,
                "the stack's name and the block's path (in a template, CloudFormation's)",
                "The role's name, at most 64 characters of letters, digits and `+=,.@_-`."),
       optional("description", kString, "What the role is for."), tags()},
      {{"arn", "The role's ARN."}},
      "AWS::IAM::Role"});

  k.push_back(Kind{
      "log_group",
      "A CloudWatch Logs log group the program owns, which containers of any task can log to "
      "(`log { group = app_logs }`).",
      {""},
      Naming::Required,
      0,
      false,
      {computed("name", kString, DefaultKind::StackName, "",
                "The log group's name, 1 to 512 characters of letters, digits and `_-/.#`, not "
                "starting with `aws/`. Default: the stack's name and the block's."),
       ranged(optional("retention", kInt,
                       "Days the group keeps events (a CloudWatch Logs retention value: 1, 3, 5, "
                       "7, 14, 30, 60, 90, …); without it, events never expire."),
              1, 3653),
       optional("kms_key", kString,
                "The ARN of the symmetric KMS key that encrypts the group's events."),
       tags()},
      {},
      "AWS::Logs::LogGroup"});

  k.push_back(Kind{
      "repository",
      "An ECR repository the program owns: a private registry of images that tasks pull "
      "(`image = \"${app.uri}:1.4\"`).",
      {""},
      Naming::Required,
      0,
      false,
      {computed("name", kString, DefaultKind::StackName, "",
                "The repository's name, 2 to 256 lowercase letters, digits and `._-/` "
                "(`shop/api`). Default: the stack's name and the block's."),
       with_default("scan_on_push", kBool, flag(false),
                    "Scan each image for vulnerabilities when it is pushed."),
       with_default("tag_mutability", keep(enumeration({"mutable", "immutable"})),
                    member("mutable"),
                    "`immutable`: a tag, once pushed, cannot name another image."),
       with_default("encryption", keep(enumeration({"aes256", "kms"})), member("aes256"),
                    "How images are encrypted at rest: `aes256` (S3-managed keys) or `kms`."),
       optional("kms_key", kString,
                "With `encryption = kms`: the ARN of the KMS key (AWS's key for ECR when unset)."),
       with_default("lifecycle", keep(list(kLifecycleRule)), members({}),
                    "The lifecycle policy's rules, which expire images: `[{ priority = 1, "
                    "tag_status = untagged, count_type = since_image_pushed, count = 14 }]`."),
       tags()},
      {{"arn", "The repository's ARN."},
       {"uri", "The repository's URI (`ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME`), to which "
               "an image's tag is added: `\"${app.uri}:1.4\"`."}},
      "AWS::ECR::Repository"});

  k.push_back(Kind{
      "file_system",
      "An EFS file system: shared storage that tasks mount as a volume, through a mount target "
      "in each zone they run in.",
      {""},
      Naming::Required,
      0,
      false,
      {with_default("encrypted", kBool, flag(true),
                    "Encrypt the data at rest (with `kms_key`, or AWS's key for EFS)."),
       optional("kms_key", kString,
                "The ARN of the KMS key that encrypts the file system (AWS's key for EFS when "
                "unset)."),
       with_default("performance_mode", keep(enumeration({"general_purpose", "max_io"})),
                    member("general_purpose"),
                    "`general_purpose` (the lowest latency) or `max_io` (highly parallel use)."),
       with_default("throughput_mode", keep(enumeration({"bursting", "elastic", "provisioned"})),
                    member("bursting"),
                    "`bursting` (grows with the size), `elastic` (follows the load) or "
                    "`provisioned` (`provisioned_throughput`)."),
       ranged(optional("provisioned_throughput", kInt,
                       "The throughput of `throughput_mode = provisioned`, in MiB/s (1 to 3414)."),
              1, 3414),
       optional("transition_to_ia", kInt,
                "Days without access after which a file moves to Infrequent Access: 1, 7, 14, 30, "
                "60, 90, 180, 270 or 365 (the lifecycle policy); without it, files stay in "
                "Standard."),
       with_default("transition_to_primary", kBool, flag(false),
                    "Move a file back to Standard on its first access in Infrequent Access."),
       with_default("subnets", kSubnetRefs, members({}),
                    "Subnets with a mount target, at most one a zone: tasks mount the file "
                    "system through the mount target of their zone."),
       with_default("security_groups", kSecurityGroupRefs, members({}),
                    "Security groups of the mount targets (the VPC's default group when empty); "
                    "they let the tasks in on TCP 2049 (NFS)."),
       tags()},
      {{"id", "The file system ID (`fs-…`)."}, {"arn", "The file system's ARN."}},
      "AWS::EFS::FileSystem + AWS::EFS::MountTarget (one a subnet)"});

  k.push_back(Kind{
      "access_point",
      "An access point of its file system: the directory a task that mounts it sees as the root, "
      "and the POSIX user every request through it acts as.",
      {"file_system"},
      Naming::Required,
      0,
      false,
      {with_default("path", kString, text("/"),
                    "The directory exposed as the root: an absolute path of at most 100 "
                    "characters."),
       optional("user", kPosixUser,
                "The POSIX user and groups every request acts as, whatever the client's: `{ uid "
                "= 1000, gid = 1000 }`."),
       optional("creation", kCreationInfo,
                "The owner and permissions `path` is created with when it does not exist: `{ "
                "uid = 1000, gid = 1000, permissions = \"755\" }`; without it, EFS does not create "
                "it."),
       tags()},
      {{"id", "The access point ID (`fsap-…`)."}, {"arn", "The access point's ARN."}},
      "AWS::EFS::AccessPoint"});

  k.push_back(Kind{
      "namespace",
      "A Cloud Map namespace, where Service Connect registers services and client tasks find "
      "them: an HTTP namespace at the top level; in a `vpc`, a private DNS namespace (with a "
      "Route 53 private hosted zone of its name).",
      {"", "vpc"},
      Naming::Required,
      0,
      false,
      {computed("name", kString, DefaultKind::BlockName, "",
                "The namespace's name: printable ASCII, at most 1024 characters (253 in a "
                "`vpc`, a DNS name there), not starting with `arn:`. Default: the block's."),
       optional("description", kString, "What the namespace is for (at most 1024 characters)."),
       tags()},
      {{"arn", "The namespace's ARN."}, {"id", "The namespace ID (`ns-…`)."}},
      "AWS::ServiceDiscovery::HttpNamespace; in a vpc, "
      "AWS::ServiceDiscovery::PrivateDnsNamespace"});

  k.push_back(Kind{
      "task",
      "A task definition: the containers that run together and the resources they share.",
      {""},
      Naming::Required,
      0,
      false,
      {computed("family", kString, DefaultKind::StackName, "",
                "The task definition family. Default: the stack's name and the block's."),
       ranged(optional("cpu", kCpu,
                       "Task CPU: `0.25vcpu` or CPU units (1 vCPU = 1024); required on Fargate."),
              128, 196608),
       ranged(optional("memory", kMemory, "Task memory: `512MiB`, `2GiB`; required on Fargate."),
              128, std::nullopt),
       with_default("network_mode", kNetworkMode, member("awsvpc"),
                    "`awsvpc` (own network interface; required on Fargate), `bridge`, `host` or "
                    "`none`."),
       with_default("compatibilities", kCompatibilities, members({"fargate"}),
                    "Where the task can run: `fargate`, `ec2`, `external`."),
       computed("execution_role", kRoleArn, DefaultKind::Generated,
                "generated when the task pulls from ECR, logs with awslogs, reads secrets or "
                "sets `execution_policies` or `execution_statements`",
                "The role ECS uses to pull images, write logs and read secrets: a `role` block "
                "or an ARN."),
       with_default("execution_policies", kStringList, members({}),
                    "Managed policy ARNs attached to the generated execution role."),
       with_default("execution_statements", kStatements, members({}),
                    "More statements of the generated execution role's inline policy: "
                    "secrets or images of other accounts."),
       optional("task_role", kRoleArn, "The role the containers run as: a `role` block or an ARN."),
       with_default("cpu_architecture", keep(enumeration({"x86_64", "arm64"})), member("x86_64"),
                    "The CPU architecture (`runtimePlatform`)."),
       optional("pid_mode", keep(enumeration({"host", "task"})),
                "Process namespace shared with the host or the task."),
       optional("ipc_mode", keep(enumeration({"host", "task", "none"})),
                "IPC namespace shared with the host or the task."),
       ranged(optional("ephemeral_storage", kMemory,
                       "Fargate ephemeral storage, 21 to 200 GiB (default 20 GiB)."),
              21 * 1024, 200 * 1024),
       with_default("volumes", keep(list(kVolume)), members({}),
                    "Volumes the containers can mount."),
       ranged(with_default("log_retention", kInt, integer(30),
                           "Days the generated log group keeps events (a CloudWatch Logs retention "
                           "value: 1, 3, 5, 7, 14, 30, 60, 90, …); tasks of one family share "
                           "the group and the first task's value."),
              1, 3653),
       tags()},
      {{"arn", "The task definition's ARN (with its revision)."}},
      "AWS::ECS::TaskDefinition (+ execution role and log group when needed)"});

  k.push_back(Kind{
      "container",
      "A container of its task.",
      {"task"},
      Naming::Required,
      0,
      false,
      {computed("name", kString, DefaultKind::BlockName, "",
                "The container's name in its task definition (`tomcat-webserver`). Default: the "
                "block's."),
       required("image", kString,
                "The image: `[registry/]repository[:tag|@digest]`, e.g. "
                "`public.ecr.aws/nginx/nginx:1.27`."),
       ranged(optional("cpu", kCpu, "CPU units reserved for the container."), 0, std::nullopt),
       ranged(optional("memory", kMemory, "Hard memory limit; the container is killed above it."),
              6, std::nullopt),
       ranged(optional("memory_reservation", kMemory, "Soft memory limit (reservation)."), 6,
              std::nullopt),
       with_default("essential", kBool, flag(true),
                    "If this container stops, the whole task stops; a task needs at least one."),
       optional("port", kPortMapping,
                "A port mapping: `8080`, or `{ container = 8080, host = 80, protocol = udp }`."),
       with_default("ports", keep(list(kPortMapping)), members({}),
                    "More port mappings, written like `port`."),
       with_default("environment", kStringMap, empty_map(), "Environment variables."),
       with_default("secrets", kStringMap, empty_map(),
                    "Environment variables read from Secrets Manager or SSM Parameter Store: name "
                    "to ARN (`arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME`, "
                    "`arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`), or to the name of a parameter "
                    "of the stack's region (`/app/key`)."),
       optional("command", kStringList, "The command (overrides the image's `CMD`)."),
       optional("entrypoint", kStringList, "The entry point (overrides the image's `ENTRYPOINT`)."),
       optional("working_dir", kString, "The working directory."),
       optional("user", kString, "The user (and group) to run as: `1000`, `1000:1000`, `nginx`."),
       with_default("depends_on", keep(list(kDependency)), members({}),
                    "Containers of the same task to wait for: `[db]` or "
                    "`[{ container = db, condition = healthy }]`."),
       with_default("readonly_root_filesystem", kBool, flag(false),
                    "Mount the root file system read-only."),
       with_default("privileged", kBool, flag(false), "Extended privileges (EC2 only)."),
       with_default("init_process", kBool, flag(false), "Run an init process that reaps zombies."),
       optional("capabilities", kCapabilities,
                "Linux capabilities added to or dropped from Docker's default set: `{ add = "
                "[sys_ptrace], drop = [net_raw] }`."),
       with_default("tmpfs", keep(list(kTmpfs)), members({}),
                    "tmpfs mounts (EC2 only): `[{ path = \"/run\", size = 64MiB }]`."),
       ranged(optional("shared_memory", kMemory, "The size of `/dev/shm` (EC2 only): `256MiB`."), 1,
              std::nullopt),
       with_default("devices", keep(list(kDevice)), members({}),
                    "Host devices exposed to the container (EC2 only): `[{ host_path = "
                    "\"/dev/fuse\" }]`."),
       ranged(optional("swap", kMemory,
                       "The swap the container may use (EC2 only; `0MiB`: none): `maxSwap`."),
              0, std::nullopt),
       ranged(optional("swappiness", kInt,
                       "How readily its pages are swapped, 0 to 100 (EC2 only; with `swap`)."),
              0, 100),
       with_default("ulimits", keep(list(kUlimit)), members({}), "Resource limits."),
       with_default("mount_points", keep(list(kMountPoint)), members({}),
                    "Volumes of the task mounted in the container."),
       with_default("volumes_from", keep(list(kVolumesFrom)), members({}),
                    "Containers of the same task whose volumes this one mounts: `[data]` or "
                    "`[{ container = data, read_only = true }]`."),
       optional("restart", kRestartPolicy,
                "Restart the container in place when it exits: `true`, or `{ enabled = true, "
                "ignored_exit_codes = [0], attempt_period = 5m }`."),
       ranged(optional("stop_timeout", kDuration,
                       "Time to wait before the container is killed after SIGTERM (Fargate: at "
                       "most 120s)."),
              0, 3600),
       ranged(optional("start_timeout", kDuration,
                       "Time to wait for `depends_on` conditions before giving up."),
              0, 3600),
       with_default("docker_labels", kStringMap, empty_map(), "Docker labels."),
       optional("firelens", kFirelens,
                "Makes this container the task's FireLens log router, to which the containers "
                "whose `log` driver is `awsfirelens` send their output: `fluentbit` or "
                "`fluentd`, or `{ type = fluentbit, options = { ... } }`."),
       with_default("interactive", kBool, flag(false), "Keep stdin open (`docker run -i`)."),
       with_default("pseudo_terminal", kBool, flag(false), "Allocate a TTY (`docker run -t`).")},
      {},
      "an entry of ContainerDefinitions"});

  k.push_back(Kind{
      "health_check",
      "The container's health check.",
      {"container"},
      Naming::None,
      1,
      false,
      {required("command", kStringList,
                "`[\"CMD\", …]` or `[\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]`."),
       ranged(with_default("interval", kDuration, seconds(30), "Time between checks, 5s to 300s."),
              5, 300),
       ranged(with_default("timeout", kDuration, seconds(5), "Time a check may take, 2s to 120s."),
              2, 120),
       ranged(with_default("retries", kInt, integer(3), "Failures before unhealthy, 1 to 10."), 1,
              10),
       ranged(with_default("start_period", kDuration, seconds(0),
                           "Grace period after start, 0s to 300s."),
              0, 300)},
      {},
      "ContainerDefinitions[].HealthCheck"});

  k.push_back(Kind{
      "log",
      "Where the container's output goes. Without a `log` block: awslogs to the task's generated "
      "log group.",
      {"container"},
      Naming::None,
      1,
      true,
      {with_default("driver",
                    keep(enumeration({"awslogs", "splunk", "awsfirelens", "fluentd", "gelf",
                                      "json_file", "journald", "syslog", "none"})),
                    member("awslogs"), "The log driver; `none` turns logging off."),
       computed("group", kLogGroupName, DefaultKind::Generated, "`/ecs/` and the task's family",
                "The CloudWatch Logs group (awslogs): a `log_group` block or a group's name; by "
                "default one generated per task family."),
       with_default("stream_prefix", kString, text("ecs"), "The awslogs stream prefix."),
       with_default("options", kStringMap, empty_map(), "Further options of the log driver.")},
      {},
      "ContainerDefinitions[].LogConfiguration (+ AWS::Logs::LogGroup)"});

  k.push_back(Kind{
      "service",
      "An ECS service: keeps `desired` copies of a task running in its cluster.",
      {"cluster"},
      Naming::Required,
      0,
      false,
      std::vector<Attribute>{
          required("task", keep(ref({"task"})), "The task definition to run."),
          ranged(
              computed("desired", kInt, DefaultKind::Derived,
                       "`1`, kept between the `min` and `max` of its `scaling`; none for a daemon",
                       "How many tasks to keep running (to start with, under `scaling`). Default: "
                       "1, kept between the `min` and `max` of its `scaling`; a daemon service "
                       "takes none."),
              0, std::nullopt),
      } + placement_attributes() +
          std::vector<Attribute>{
              with_default(
                  "load_balancers", keep(list(kServiceLoadBalancer)), members({}),
                  "Target groups the tasks are registered with, at most 5: `[{ target_group = "
                  "main.api, container = \"app\", port = 8080 }]`."),
              ranged(optional(
                         "health_check_grace_period", kDuration,
                         "Time after a task starts during which failed load balancer health checks "
                         "are ignored (needs `load_balancers`)."),
                     0, 2147483647),
              with_default("enable_execute_command", kBool, flag(false),
                           "Allow ECS Exec into the tasks."),
              with_default(
                  "propagate_tags", keep(enumeration({"service", "task_definition", "none"})),
                  member("service"), "Copy tags to tasks from the service or the task definition."),
              with_default(
                  "scheduling", keep(enumeration({"replica", "daemon"})), member("replica"),
                  "`replica` keeps `desired` tasks; `daemon` runs one per instance (EC2), without "
                  "`desired` or a deployment `max_percent` (E3213)."),
              computed("name", kString, DefaultKind::BlockName, "",
                       "The service's name. Default: the block's."),
              tags()},
      {{"arn", "The service's ARN."}},
      "AWS::ECS::Service"});

  k.push_back(Kind{
      "job",
      "A task run to completion, on a schedule (an EventBridge Scheduler schedule that calls "
      "RunTask) or when `eclc run` starts it: the task, how many copies, and where they run, "
      "written as a service's.",
      {"cluster"},
      Naming::Required,
      0,
      false,
      std::vector<Attribute>{
          required("task", keep(ref({"task"})), "The task definition to run."),
          ranged(with_default("count", kInt, integer(1), "Copies of the task each run starts."), 1,
                 10),
      } + placement_attributes() +
          std::vector<Attribute>{
              optional(
                  "schedule", kString,
                  "When it runs: `\"cron(0 3 * * ? *)\"` (six fields: minutes hours day-of-month "
                  "month day-of-week year), `\"rate(1 hour)\"`, or once, "
                  "`\"at(2026-12-24T18:00:00)\"`. Without it, only `eclc run` starts the job."),
              optional(
                  "timezone", kString,
                  "The IANA time zone of `schedule`, e.g. `\"Europe/Paris\"` (UTC when unset)."),
              with_default(
                  "enabled", kBool, flag(true),
                  "The schedule starts the task; `false` keeps the schedule but pauses it."),
              computed(
                  "name", kString, DefaultKind::StackName, "",
                  "The schedule's name (EventBridge Scheduler's `default` group). Default: the "
                  "stack's name and the block's."),
              optional("tags", kStringMap,
                       "Tags for the schedule's role, added to the stack's tags (a schedule takes "
                       "none; the tasks it starts carry their task definition's).")},
      {{"arn", "The schedule's ARN (with `schedule`).", "schedule"}},
      "AWS::Scheduler::Schedule + AWS::IAM::Role (with a schedule); RunTask (eclc run)"});

  k.push_back(
      Kind{"placement",
           "Placement strategies and constraints of an EC2 service.",
           {"service"},
           Naming::None,
           1,
           false,
           {with_default("strategy", keep(list(kPlacementStrategy)), members({}),
                         "`[{ type = spread, field = \"attribute:ecs.availability-zone\" }, "
                         "{ type = binpack, field = \"memory\" }]`"),
            with_default("constraint", keep(list(kPlacementConstraint)), members({}),
                         "`[{ type = distinct_instance }]`")},
           {},
           "PlacementStrategies, PlacementConstraints"});

  k.push_back(Kind{
      "deployment",
      "How the service replaces tasks during a deployment.",
      {"service"},
      Naming::None,
      1,
      true,
      {with_default("min_healthy_percent", kInt, integer(100),
                    "Running tasks kept during a deployment, in percent of `desired` (0 to 100)."),
       computed("max_percent", kInt, DefaultKind::Derived, "`200`; none for a daemon",
                "Tasks allowed during a deployment, in percent of `desired` (at least 100). "
                "Default: 200; a daemon service takes none."),
       with_default("circuit_breaker", kBool, flag(true),
                    "Stop a deployment whose tasks keep failing."),
       with_default("rollback", kBool, flag(true),
                    "Roll back to the last good deployment when the circuit breaker trips.")},
      {},
      "DeploymentConfiguration"});

  k.push_back(Kind{
      "service_connect",
      "The service's Service Connect: a proxy beside each task by which it reaches the services "
      "of its namespace by name, and serves its own `services` to them.",
      {"service"},
      Naming::None,
      1,
      false,
      {optional("namespace", keep(ref({"namespace"})),
                "The Cloud Map namespace the service joins (an HTTP or a private DNS one); by "
                "default its cluster's `service_connect_namespace`."),
       with_default("services", keep(list(kServiceConnectService)), members({}),
                    "The ports it serves: `[{ port_name = \"http\", client_aliases = [{ port = "
                    "80 }] }]`; none for a client only."),
       optional("log_group", kLogGroupRef,
                "A `log_group` the proxy logs to (awslogs, stream prefix `service-connect`); "
                "without one, the proxy's output is not kept.")},
      {},
      "ServiceConnectConfiguration"});

  k.push_back(Kind{
      "discovery",
      "Service discovery by DNS (Cloud Map): each task of the service registered under `name` "
      "in a private DNS namespace, found by an A record (its IP, `awsvpc`) or an SRV record (its "
      "address and a container's port).",
      {"service"},
      Naming::None,
      1,
      false,
      {required("namespace", keep(ref({"namespace"})),
                "A private DNS namespace: a `namespace` of a `vpc`."),
       optional("name", kString,
                "The Cloud Map service's name: tasks are found at `NAME.NAMESPACE` (default: the "
                "service's name)."),
       with_default("record", keep(enumeration({"a", "srv"})), member("a"),
                    "`a` (each task's IP, `awsvpc` only) or `srv` (its address and `port`)."),
       ranged(with_default("ttl", kDuration, seconds(60),
                           "How long resolvers may cache the records, 0s to 2147483647s."),
              0, 2147483647),
       optional("container", kString,
                "For `srv`: the container, by its `name` or its block's, whose `port` is "
                "registered."),
       optional("port", kPort, "For `srv`: the container port registered."), tags()},
      {{"arn", "The Cloud Map service's ARN."}},
      "AWS::ServiceDiscovery::Service + ServiceRegistries"});

  k.push_back(Kind{
      "scaling",
      "Target tracking auto scaling of the service's task count (Application Auto Scaling): the "
      "scaler keeps the count between `min` and `max`, adding tasks above the targets and "
      "removing them below.",
      {"service"},
      Naming::None,
      1,
      false,
      {ranged(required("min", kInt, "The fewest tasks the scaler keeps."), 0, std::nullopt),
       ranged(required("max", kInt, "The most tasks the scaler starts."), 0, std::nullopt),
       ranged(optional("cpu", kInt,
                       "The average CPU utilization of the service to keep, in percent (1 to "
                       "100)."),
              1, 100),
       ranged(optional("memory", kInt,
                       "The average memory utilization of the service to keep, in percent (1 to "
                       "100)."),
              1, 100),
       ranged(optional("requests", kInt,
                       "The requests a minute each task should get from the load balancer of the "
                       "service's first target group (ALBRequestCountPerTarget)."),
              1, std::nullopt),
       ranged(with_default("scale_in_cooldown", kDuration, seconds(300),
                           "Time after a scale-in before the next scale-in, 0s to 3600s."),
              0, 3600),
       ranged(with_default("scale_out_cooldown", kDuration, seconds(300),
                           "Time after a scale-out before the next scale-out, 0s to 3600s."),
              0, 3600)},
      {},
      "AWS::ApplicationAutoScaling::ScalableTarget + AWS::ApplicationAutoScaling::ScalingPolicy"});

  k.push_back(Kind{
      "schedule",
      "A scheduled change of the scaling's bounds (a scheduled action): at the times of its "
      "expression, the scaler's `min` and `max` become the schedule's.",
      {"scaling"},
      Naming::Required,
      0,
      false,
      {required("expression", kString,
                "When: `\"cron(0 20 * * ? *)\"` (six fields: minutes hours day-of-month month "
                "day-of-week year), `\"rate(1 day)\"` or once, `\"at(2026-12-24T18:00:00)\"`."),
       optional("timezone", kString,
                "The IANA time zone of the expression, e.g. `\"Europe/Paris\"` (UTC when unset)."),
       ranged(optional("min", kInt, "The scaling's `min` from then on."), 0, std::nullopt),
       ranged(optional("max", kInt, "The scaling's `max` from then on."), 0, std::nullopt)},
      {},
      "ScheduledActions of AWS::ApplicationAutoScaling::ScalableTarget"});

  k.push_back(Kind{
      "metric",
      "Target tracking of a CloudWatch metric of your choosing (a customized metric "
      "specification), beside or instead of `cpu`, `memory` and `requests`: the scaler adds tasks "
      "while the metric's statistic is above `target` and removes them below. A policy named "
      "after the service and the block (`SERVICE-NAME`), with the scaling's cooldowns.",
      {"scaling"},
      Naming::Required,
      0,
      false,
      {required("namespace", kString,
                "The metric's namespace, 1 to 255 characters: `\"AWS/SQS\"`, or your own."),
       required(
           "name", kString,
           "The metric's name, 1 to 255 characters: `\"ApproximateNumberOfMessagesVisible\"`."),
       with_default("dimensions", kStringMap, empty_map(),
                    "The metric's dimensions, at most 30: `{ QueueName = \"jobs\" }`; those it "
                    "was published with."),
       with_default("statistic",
                    keep(enumeration({"average", "minimum", "maximum", "sample_count", "sum"})),
                    member("average"), "The statistic of the metric that is tracked."),
       optional("unit", kMetricUnit,
                "The metric's unit, when it was published with one: `count`, `seconds`, "
                "`bytes_per_second`..."),
       required("target", kNumber,
                "The value of the statistic to keep, above 0, in the metric's unit.")},
      {},
      "AWS::ApplicationAutoScaling::ScalingPolicy (CustomizedMetricSpecification)"});

  // The kinds a block may stand for a resource made elsewhere, and what is written about it.
  struct Made {
    std::string_view kind;
    Existing existing;
  };
  const Made kExisting[] = {
      {"vpc", {"id", "a VPC ID (`vpc-` and 8 or 17 hex digits)", {"cidr"}, {"*"}}},
      {"subnet",
       {"id", "a subnet ID (`subnet-` and 8 or 17 hex digits)", {"cidr", "zone", "public"}}},
      {"security_group", {"id", "a security group ID (`sg-` and 8 or 17 hex digits)"}},
      {"target_group",
       {"arn",
        "a target group ARN (`arn:aws:elasticloadbalancing:REGION:ACCOUNT:targetgroup/NAME/ID`)",
        {"port", "protocol", "target_type"}}},
      {"cluster",
       {"arn",
        "a cluster ARN (`arn:aws:ecs:REGION:ACCOUNT:cluster/NAME`)",
        {"capacity"},
        {"service", "job"}}},
      {"role", {"arn", "a role ARN (`arn:aws:iam::ACCOUNT:role/NAME`)"}},
  };
  for (const Made& made : kExisting) {
    for (Kind& kind : k) {
      if (kind.name == made.kind) {
        kind.existing = made.existing;
        kind.attributes.push_back(
            optional("existing", kString,
                     keep_text(fmt::format(
                         "Stands for a {} made elsewhere instead of making one: its {}, {}. eclc "
                         "neither creates nor changes it; {}.",
                         kind.name == "security_group" ? "security group"
                         : kind.name == "target_group" ? "target group"
                                                       : kind.name,
                         made.existing.as, made.existing.what,
                         made.existing.facts.empty()
                             ? std::string("nothing else is written about it")
                             : fmt::format("only `{}` may be written beside it, as it is",
                                           fmt::join(made.existing.facts, "`, `"))))));
      }
    }
  }
  return k;
}

std::mutex interned_mutex;
std::deque<Type>& interned() {
  static std::deque<Type> types;
  return types;
}

} // namespace

const Attribute* Kind::attribute(std::string_view attr) const {
  for (const auto& a : attributes) {
    if (a.name == attr) {
      return &a;
    }
  }
  return nullptr;
}

const DeferredAttribute* Kind::deferred_attribute(std::string_view attr) const {
  for (const auto& d : deferred) {
    if (d.name == attr) {
      return &d;
    }
  }
  return nullptr;
}

bool Kind::allowed_in(std::string_view parent) const {
  for (auto p : parents) {
    if (p == parent) {
      return true;
    }
  }
  return false;
}

const std::string* existing(const model::Block& block) {
  return block.kind && block.kind->existing ? block.get_string("existing") : nullptr;
}

std::optional<std::string> existing_attribute(const Kind& kind, const std::string& given,
                                              std::string_view attribute) {
  if (!kind.existing) {
    return std::nullopt;
  }
  if (attribute == kind.existing->as) {
    return given;
  }
  if (kind.name == "target_group" && attribute == "full_name") {
    const std::optional<model::Arn> arn = model::Arn::parse(given); // `targetgroup/NAME/ID`
    return arn ? std::string(arn->resource) : given;
  }
  return std::nullopt;
}

std::optional<std::string> existing_attribute(const model::Block& block,
                                              std::string_view attribute) {
  const std::string* given = existing(block);
  return given ? existing_attribute(*block.kind, *given, attribute) : std::nullopt;
}

std::span<const Kind> kinds() {
  static const std::vector<Kind> all = build_kinds();
  return all;
}

const Kind* find_kind(std::string_view name) {
  // Asked for every block the program declares: an index, not a scan of the kinds.
  static const auto* const index = [] {
    auto* by_name = new std::unordered_map<std::string_view, const Kind*>;
    for (const Kind& kind : kinds()) {
      by_name->emplace(kind.name, &kind);
    }
    return by_name;
  }();
  auto found = index->find(name);
  return found == index->end() ? nullptr : found->second;
}

std::vector<std::string_view> kind_names() {
  std::vector<std::string_view> names;
  for (const Kind& kind : kinds()) {
    names.push_back(kind.name);
  }
  return names;
}

std::string ref_expectation(const Type& type) {
  std::string out;
  for (std::size_t i = 0; i < type.kinds.size(); ++i) {
    if (i > 0) {
      out += " or ";
    }
    std::string_view kind = type.kinds[i];
    bool vowel = !kind.empty() && std::string_view("aeiou").find(kind[0]) != std::string_view::npos;
    out += fmt::format("{} `{}`", vowel ? "an" : "a", kind);
  }
  return out;
}

std::string type_name(const Type& type) {
  switch (type.kind) {
  case TypeKind::String:
    return "string";
  case TypeKind::Int:
    return "int";
  case TypeKind::Number:
    return "number";
  case TypeKind::Bool:
    return "bool";
  case TypeKind::Cidr:
    return "cidr";
  case TypeKind::Memory:
    return "memory";
  case TypeKind::Cpu:
    return "cpu";
  case TypeKind::Duration:
    return "duration";
  case TypeKind::Port:
    return "port";
  case TypeKind::Enum: {
    std::string out;
    for (std::size_t i = 0; i < type.members.size(); ++i) {
      out += (i ? " | " : "") + std::string(type.members[i]);
    }
    return out;
  }
  case TypeKind::Ref: {
    std::string out = "ref<";
    for (std::size_t i = 0; i < type.kinds.size(); ++i) {
      out += (i ? " | " : "") + std::string(type.kinds[i]);
    }
    return out + ">";
  }
  case TypeKind::List:
    return "list<" + type_name(*type.element) + ">";
  case TypeKind::Map:
    return "map<" + type_name(*type.element) + ">";
  case TypeKind::Object:
    return std::string(type.name);
  case TypeKind::OneOf: {
    std::string out;
    for (std::size_t i = 0; i < type.alternatives.size(); ++i) {
      out += (i ? " | " : "") + type_name(*type.alternatives[i]);
    }
    return out;
  }
  }
  return "?";
}

const Type& string_type() {
  return kString;
}
const Type& int_type() {
  return kInt;
}
const Type& number_type() {
  return kNumber;
}
const Type& bool_type() {
  return kBool;
}
const Type& cidr_type() {
  return kCidr;
}
const Type& memory_type() {
  return kMemory;
}
const Type& cpu_type() {
  return kCpu;
}
const Type& duration_type() {
  return kDuration;
}

const Type& list_of(const Type& element) {
  std::lock_guard lock(interned_mutex);
  for (const Type& t : interned()) {
    if (t.kind == TypeKind::List && t.element == &element) {
      return t;
    }
  }
  return interned().emplace_back(Type{TypeKind::List, &element});
}

const Type& map_of(const Type& element) {
  std::lock_guard lock(interned_mutex);
  for (const Type& t : interned()) {
    if (t.kind == TypeKind::Map && t.element == &element) {
      return t;
    }
  }
  return interned().emplace_back(Type{TypeKind::Map, &element});
}

const Type& ref_of(std::string_view kind) {
  const Kind* found = find_kind(kind);
  std::string_view name = found ? found->name : std::string_view("stack");
  std::lock_guard lock(interned_mutex);
  for (const Type& t : interned()) {
    if (t.kind == TypeKind::Ref && t.kinds.size() == 1 && t.kinds[0] == name) {
      return t;
    }
  }
  return interned().emplace_back(Type{TypeKind::Ref, nullptr, {}, {name}});
}

} // namespace ecl::schema
