// AWS Copilot → ECL. A Copilot workspace (the `copilot/` folder) holds an environment manifest per
// environment (`environments/NAME/manifest.yml`: the VPC, the load balancer's certificates) and a
// manifest per service or job (`NAME/manifest.yml`). One environment is imported: its network
// becomes the VPC, and each workload, with that environment's overrides merged in, a task and a
// service (or a job) in one cluster. Load Balanced Web Services share one application load
// balancer, as Copilot's services of an environment do.
// The keys are those of Copilot's manifest reference:
// https://aws.github.io/copilot-cli/docs/manifest/overview/
#include "compiler/import/importers.h"
#include "compiler/import/yaml.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <regex>
#include <set>

namespace ecl::import {
namespace {

// Copilot's environment overrides (`environments: { prod: { count: 3 } }`): maps merge key by
// key, anything else replaces. The result shares the files' nodes, so positions stay true.
// In `count`, a fixed Spot count and autoscaling exclude each other: the override's kind wins.
YAML::Node overlay(const YAML::Node& base, const YAML::Node& over, const std::string& at = "") {
  if (!base.IsMap() || !over.IsMap()) {
    return over;
  }
  static const std::set<std::string> autoscaling = {
      "range", "cpu_percentage", "memory_percentage", "requests", "response_time", "cooldown"};
  auto any_of = [&](const YAML::Node& map, const std::set<std::string>& keys) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return map[k]; });
  };
  const bool to_spot = at == "count" && over["spot"];
  const bool to_autoscaling = at == "count" && any_of(over, autoscaling);
  YAML::Node out(YAML::NodeType::Map);
  for (const auto& [key, value] : entries(base)) {
    if ((to_spot && autoscaling.count(key)) || (to_autoscaling && key == "spot")) {
      continue;
    }
    const YAML::Node replaced = over[key];
    out[key] = replaced ? overlay(value, replaced, key) : value;
  }
  for (const auto& [key, value] : entries(over)) {
    if (!base[key]) {
      out[key] = value;
    }
  }
  return out;
}

std::string text_of(const YAML::Node& node) {
  return node.IsScalar() ? node.Scalar() : raw(node);
}

std::optional<std::int64_t> integer(const YAML::Node& node) {
  if (!node.IsScalar()) {
    return std::nullopt;
  }
  const std::string& s = node.Scalar();
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    return std::nullopt;
  }
  return std::stoll(s);
}

// A Copilot duration in milliseconds: `10s`, `1m30s`, or a bare number of seconds
// (`deregistration_delay: 5`, as manifests in the wild write it: the unit of every such setting in
// AWS); nullopt if unreadable.
std::optional<std::int64_t> duration(const YAML::Node& node) {
  if (auto seconds = integer(node)) {
    return *seconds * 1000;
  }
  return parse_duration(text_of(node));
}

bool truthy(const YAML::Node& node) {
  std::string s = text_of(node);
  return s == "true" || s == "yes" || s == "on";
}

// A YAML boolean (`true`, `false`, `yes`, `no`, `on`, `off`); E0031 for anything else.
bool boolean(Reader& r, const YAML::Node& node) {
  static const std::set<std::string> words = {"true", "false", "yes",   "no",   "on",
                                              "off",  "True",  "False", "TRUE", "FALSE"};
  if (node.IsScalar() && words.count(node.Scalar())) {
    return true;
  }
  return r.wrong(node, fmt::format("`{}` is not true or false", excerpt(raw(node))));
}

std::string letter(std::size_t i) {
  return std::string(1, static_cast<char>('a' + i % 26)) + (i >= 26 ? std::to_string(i / 26) : "");
}

// Unix cron's day-of-week field as EventBridge counts: 0 to 7 (0 and 7 Sunday) become 1 to 7 (1
// Sunday), a range that wraps past Sunday (`5-7`, Friday to Sunday) two (`6-7,1`), names are
// upper case; `#` (the nth weekday of the month) and `/` steps stay. A number out of range is
// left as it is, for the check to report (E3217). nullopt: a stepped range that wraps.
std::optional<std::string> day_of_week(const std::string& field) {
  auto day = [](std::string t) -> std::string {
    if (t.size() == 1 && t[0] >= '0' && t[0] <= '7') {
      return std::to_string((t[0] - '0') % 7 + 1);
    }
    std::transform(t.begin(), t.end(), t.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return t;
  };
  std::vector<std::string> items;
  std::size_t from = 0;
  for (std::size_t comma = 0; comma != std::string::npos; from = comma + 1) {
    comma = field.find(',', from);
    std::string item = field.substr(from, comma == std::string::npos ? comma : comma - from);
    std::string tail; // `/step` or `#nth`
    if (std::size_t at = item.find_first_of("/#"); at != std::string::npos) {
      tail = item.substr(at);
      item = item.substr(0, at);
    }
    std::size_t dash = item.find('-');
    if (dash == std::string::npos) {
      items.push_back((item == "*" ? item : day(item)) + tail);
      continue;
    }
    std::string a = day(item.substr(0, dash)), b = day(item.substr(dash + 1));
    bool numbers = !a.empty() && !b.empty() && std::isdigit(static_cast<unsigned char>(a[0])) &&
                   std::isdigit(static_cast<unsigned char>(b[0]));
    if (numbers && std::stoi(a) > std::stoi(b)) {
      if (!tail.empty()) {
        return std::nullopt;
      }
      items.push_back(a == "7" ? a : a + "-7");
      items.push_back(b == "1" ? b : "1-" + b);
    } else {
      items.push_back(a + "-" + b + tail);
    }
  }
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ",") + item;
  }
  return out;
}

// Copilot's `on.schedule`: a keyword (`@daily`), `@every DURATION`, a Unix cron expression of
// five fields, or EventBridge's own `cron(…)`/`rate(…)`. EventBridge's cron has six fields, one
// of day-of-month and day-of-week must be `?`, and its days of the week count from 1 (Sunday).
// nullopt with `why` when EventBridge cannot say it.
std::optional<std::string> schedule_expression(const std::string& text, std::string& why) {
  static const std::map<std::string, std::string> keywords = {
      {"@yearly", "cron(0 0 1 1 ? *)"},  {"@annually", "cron(0 0 1 1 ? *)"},
      {"@monthly", "cron(0 0 1 * ? *)"}, {"@weekly", "cron(0 0 ? * 1 *)"},
      {"@daily", "cron(0 0 * * ? *)"},   {"@midnight", "cron(0 0 * * ? *)"},
      {"@hourly", "cron(0 * * * ? *)"}};
  if (auto k = keywords.find(text); k != keywords.end()) {
    return k->second;
  }
  if (text.starts_with("cron(") || text.starts_with("rate(")) {
    return text;
  }
  if (text.starts_with("@every ")) {
    auto ms = parse_duration(text.substr(7));
    if (!ms || *ms <= 0 || *ms % 60000 != 0) {
      why = "EventBridge runs a task at most once a minute, every whole number of minutes";
      return std::nullopt;
    }
    std::int64_t minutes = *ms / 60000;
    auto rate = [](std::int64_t n, const char* unit) {
      return fmt::format("rate({} {}{})", n, unit, n == 1 ? "" : "s");
    };
    return minutes % 1440 == 0 ? rate(minutes / 1440, "day")
           : minutes % 60 == 0 ? rate(minutes / 60, "hour")
                               : rate(minutes, "minute");
  }
  std::vector<std::string> fields = shell_words(text);
  if (fields.size() != 5) {
    why = "it is neither a keyword, `@every`, nor a cron expression of five fields";
    return std::nullopt;
  }
  std::string& dom = fields[2];
  std::string& dow = fields[4];
  if (dow == "*") {
    dow = "?";
  } else if (dom == "*") {
    dom = "?";
    std::optional<std::string> days = day_of_week(dow);
    if (!days) {
      why = "a stepped range of days that wraps past Sunday has no EventBridge spelling";
      return std::nullopt;
    }
    dow = *days;
  } else {
    why = "Unix cron runs on a day of the month or a day of the week, which EventBridge cannot "
          "say";
    return std::nullopt;
  }
  return fmt::format("cron({} {} {} {} {} *)", fields[0], fields[1], fields[2], fields[3],
                     fields[4]);
}

// `text` in the characters EC2 keeps in a security group's description (E3050): others become
// `-` (an application named `café`).
std::string ec2_text(std::string text) {
  static const std::string allowed = " ._-:/()#,@[]+=&;{}!$*";
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      c = allowed.find(c) == std::string::npos ? '-' : c;
    }
  }
  return text;
}

struct Subnet {
  std::string name;
  bool is_public = false;
};

// A Load Balanced Web Service's place on the environment's load balancer.
struct Route {
  std::string target_group;       // in the VPC
  std::string path;               // "" or "/": the default action, unless `hosts`
  std::vector<std::string> hosts; // Copilot's `alias`: the host headers routed to the service
};

struct Copilot {
  explicit Copilot(Diagnostics& d) : diags(d) {}

  Diagnostics& diags;
  Program program;
  std::string app = "app";
  std::string env;
  Block vpc{"vpc", kVpc, {}, {}, {}, {}};
  bool existing_vpc = false;
  std::vector<Subnet> subnets;
  std::size_t zones_needed = 0; // subnets placed in `zones[i]`
  bool private_placement = false;
  bool connect = false;
  bool container_insights = false;
  bool spot = false;             // a service runs on Fargate Spot: the cluster offers it
  std::string region_from_zones; // the region of the environment's subnets' zones, if it names any
  std::vector<std::string> certificates;
  std::vector<Route> routes;
  std::vector<Block> target_groups;
  std::vector<Ingress> lb_ingress; // task ports the load balancer reaches
  // Names taken at the top level, and in the VPC (subnets, groups, the load balancer's).
  std::set<std::string> top{kVpc, "zones"};
  std::set<std::string> in_vpc{kVpc,  kSecurityGroup,  "lb",   "public",
                               "igw", "public_routes", "local"};

  static std::string unique(const std::string& source, std::set<std::string>& taken) {
    std::string name = identifier(source);
    for (int n = 2; taken.count(name); ++n) {
      name = identifier(source) + "_" + std::to_string(n);
    }
    taken.insert(name);
    return name;
  }

  // A value that holds a variable of the shell that deploys (`${TAG}`), kept as it is.
  struct Unfilled {
    Range at;
    std::string path, text, variable;
    bool environment = false; // of the environment's manifest
  };
  std::vector<Unfilled> unfilled;
  bool reading_environment = false;
  std::set<std::string> interpolate(Reader& r, YAML::Node node, const std::string& path);
  void unfilled_todos();
  bool environment(Reader& r, const YAML::Node& root);
  void default_network();
  void default_subnets();
  bool workload(Reader& r, const YAML::Node& root, const std::string& folder);
  void container_settings(Reader& r, const std::string& key, const YAML::Node& value,
                          Block& container, const std::string& where);
  void write_network();
};

// Copilot's interpolation (https://aws.github.io/copilot-cli/docs/developing/manifest-env-var/):
// `${NAME}` in a string value is filled in when Copilot reads the manifest, its own
// `${COPILOT_APPLICATION_NAME}` and `${COPILOT_ENVIRONMENT_NAME}` with the application's and the
// environment's names, any other from the shell that deploys; `\${NAME}` is the text `${NAME}`.
// Copilot's two are filled in here, in place (the node keeps its position); a value holding
// another is kept as it is and noted in `unfilled`. Returns the paths (`image.location`) of those
// values. The other environments' overrides are not read: not interpolated either.
std::set<std::string> Copilot::interpolate(Reader& r, YAML::Node node, const std::string& path) {
  std::set<std::string> left;
  if (node.IsMap()) {
    for (const auto& [key, value] : entries(node)) {
      if (path.empty() && key == "environments") {
        continue;
      }
      left.merge(interpolate(r, value, path.empty() ? key : path + "." + key));
    }
  } else if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      left.merge(interpolate(r, node[i], fmt::format("{}[{}]", path, i)));
    }
  } else if (node.IsScalar() && node.Scalar().find("${") != std::string::npos) {
    static const std::regex variable(R"((\\?)\$\{([_a-zA-Z][_a-zA-Z0-9]*)\})");
    const std::string text = node.Scalar();
    std::string out, unknown;
    std::size_t from = 0;
    for (auto m = std::sregex_iterator(text.begin(), text.end(), variable);
         m != std::sregex_iterator(); ++m) {
      out += text.substr(from, m->position() - from);
      from = m->position() + m->length();
      const std::string name = (*m)[2];
      if ((*m)[1].length() > 0) {
        out += "${" + name + "}";
      } else if (name == "COPILOT_APPLICATION_NAME" || name == "COPILOT_ENVIRONMENT_NAME") {
        out += name == "COPILOT_APPLICATION_NAME" ? app : env;
      } else {
        out += m->str();
        unknown = unknown.empty() ? name : unknown;
      }
    }
    out += text.substr(from);
    if (out != text) {
      node = out;
    }
    if (!unknown.empty()) {
      left.insert(path);
      unfilled.push_back({r.at(node), path, out, unknown, reading_environment});
    }
  }
  return left;
}

namespace {

// The block of `b` (itself or a block inside) one of whose attributes holds `needle`, ECL text.
Block* holding(Block& b, const std::string& needle) {
  for (const auto& [attr, value] : b.attrs) {
    if (value.find(needle) != std::string::npos) {
      return &b;
    }
  }
  for (Block& child : b.children) {
    if (Block* found = holding(child, needle)) {
      return found;
    }
  }
  return nullptr;
}

} // namespace

// A TODO and W0017 for each value of `unfilled` the program holds, in the block holding it. One
// it does not hold was not carried over for a reason of its own, which its TODO says. The text
// alone says where a value went: two values of one text (an alias, and the same alias in a rule
// left as a TODO) claim one place once, a workload's before the environment's (its `cdn`), each
// in the order of its file.
void Copilot::unfilled_todos() {
  std::stable_partition(unfilled.begin(), unfilled.end(),
                        [](const Unfilled& u) { return !u.environment; });
  std::set<std::pair<const Block*, std::string>> claimed;
  std::vector<Block*> blocks;
  if (program.vpc) {
    blocks.push_back(&*program.vpc);
  }
  for (auto* kind : {&program.log_groups, &program.roles, &program.tasks, &program.services}) {
    for (Block& b : *kind) {
      blocks.push_back(&b);
    }
  }
  for (const Unfilled& u : unfilled) {
    // As `quote` spells it (`\${TAG}`), whole or, for a command split into words, a word of it.
    std::vector<std::string> needles{u.text};
    for (const std::string& word : shell_words(u.text)) {
      if (word != u.text && word.find("${") != std::string::npos) {
        needles.push_back(word);
      }
    }
    for (const std::string& needle : needles) {
      const std::string quoted = quote(needle);
      const std::string spelled = quoted.substr(1, quoted.size() - 2);
      Block* at = nullptr;
      for (Block* b : blocks) {
        if ((at = holding(*b, spelled))) {
          break;
        }
      }
      if (at && !claimed.insert({at, spelled}).second) {
        break; // its place is another value's
      }
      if (at) {
        not_carried(diags, u.at, at->todos, fmt::format("`{}: {}`", u.path, excerpt(u.text)),
                    fmt::format("Copilot fills in `${{{}}}` from the shell that deploys; write "
                                "its value over the text kept",
                                u.variable));
        break;
      }
    }
  }
}

bool Copilot::environment(Reader& r, const YAML::Node& root) {
  if (!root.IsMap()) {
    return r.wrong(root, "an environment manifest must be a mapping");
  }
  reading_environment = true;
  interpolate(r, root, "");
  reading_environment = false;
  bool network_read = false;
  for (const auto& [key, value] : entries(root)) {
    if (key == "name" || key == "type") {
      continue;
    }
    if (key == "network" && value.IsMap()) {
      for (const auto& [nkey, nvalue] : entries(value)) {
        if (nkey != "vpc" || !nvalue.IsMap()) {
          not_carried(diags, r.at(nvalue), program.todos,
                      fmt::format("the environment's `network.{}`", nkey),
                      "it is not a key eclc import reads");
          continue;
        }
        network_read = true;
        const YAML::Node id = nvalue["id"];
        existing_vpc = id && id.IsScalar();
        if (existing_vpc) {
          vpc.set("existing", quote(id.Scalar()));
          not_carried(diags, r.at(id), vpc.todos,
                      "the CIDRs and zones of the imported VPC and its subnets",
                      "the manifest does not say them, and ECL's rules check against them: "
                      "write each `cidr` and `zone` (`aws ec2 describe-subnets`)");
        } else {
          vpc.set("cidr", quote(nvalue["cidr"] ? text_of(nvalue["cidr"]) : "10.0.0.0/16"));
        }
        for (const auto& [vkey, vvalue] : entries(nvalue)) {
          if (vkey == "id" || vkey == "cidr") {
            continue;
          }
          if (vkey != "subnets" || !vvalue.IsMap()) {
            not_carried(
                diags, r.at(vvalue), program.todos,
                fmt::format("the environment's `network.vpc.{}: {}`", vkey, excerpt(raw(vvalue))),
                vkey == "flow_logs" ? "ECL has no VPC flow logs yet"
                                    : "it is not a key eclc import reads");
            continue;
          }
          for (const char* side : {"public", "private"}) {
            const YAML::Node list = vvalue[side];
            if (!list) {
              continue;
            }
            if (!list.IsSequence()) {
              return r.wrong(list, fmt::format("`subnets.{}` must be a list", side));
            }
            std::size_t i = 0;
            for (const auto& item : list) {
              Subnet s{fmt::format("{}_{}", side, letter(i)), std::string(side) == "public"};
              Block b{"subnet", s.name, {}, {}, {}, {}};
              if (item["id"]) {
                b.set("existing", quote(text_of(item["id"])));
              }
              if (item["cidr"]) {
                b.set("cidr", quote(text_of(item["cidr"])));
              }
              if (item["az"]) {
                b.set("zone", quote(text_of(item["az"])));
                // The region is the zone's name without its letter (`us-west-2a`).
                static const std::regex zone_name("([a-z]{2}(-[a-z]+)+-[0-9]+)[a-z]");
                std::smatch m;
                std::string zone = text_of(item["az"]);
                if (region_from_zones.empty() && std::regex_match(zone, m, zone_name)) {
                  region_from_zones = m[1];
                }
              } else if (!item["id"]) {
                b.set("zone", fmt::format("zones[{}]", i));
                zones_needed = std::max(zones_needed, i + 1);
              }
              if (s.is_public && !item["id"]) {
                b.set("public", "true");
              }
              if (!item["id"] && !item["cidr"]) {
                return r.wrong(item, "a subnet needs an `id` or a `cidr`");
              }
              vpc.children.push_back(std::move(b));
              in_vpc.insert(s.name);
              subnets.push_back(std::move(s));
              ++i;
            }
          }
        }
      }
    } else if (key == "http" && value.IsMap()) {
      for (const auto& [hkey, hvalue] : entries(value)) {
        if (hkey == "public" && hvalue.IsMap()) {
          for (const auto& [pkey, pvalue] : entries(hvalue)) {
            if (pkey == "certificates" && pvalue.IsSequence()) {
              for (const auto& c : pvalue) {
                certificates.push_back(text_of(c));
              }
            } else {
              not_carried(diags, r.at(pvalue), program.todos,
                          fmt::format("the load balancer's `http.public.{}: {}`", pkey,
                                      excerpt(raw(pvalue))),
                          "it is not a key eclc import reads; set it on `load_balancer public`");
            }
          }
        } else {
          not_carried(diags, r.at(hvalue), program.todos,
                      fmt::format("the environment's `http.{}`", hkey),
                      hkey == "private" ? "an internal load balancer is not imported; add a "
                                          "`load_balancer` with `scheme = internal`"
                                        : "it is not a key eclc import reads");
        }
      }
    } else if (key == "observability" && value.IsMap() && value["container_insights"]) {
      container_insights = truthy(value["container_insights"]);
    } else {
      not_carried(diags, r.at(value), program.todos,
                  fmt::format("the environment's `{}: {}`", key, excerpt(raw(value))),
                  key == "cdn" ? "ECL has no CloudFront distributions"
                               : "it is not a key eclc import reads");
    }
  }
  if (!network_read) {
    default_network();
  } else if (subnets.empty() && !existing_vpc) {
    default_subnets(); // a `network.vpc` of other settings (flow logs): Copilot's subnets
  }
  return true;
}

// Copilot's default network: a /16 with two public and two private /24s in two zones.
void Copilot::default_network() {
  vpc.set("cidr", quote("10.0.0.0/16"));
  default_subnets();
}

void Copilot::default_subnets() {
  for (int i = 0; i < 4; ++i) {
    bool is_public = i < 2;
    Subnet s{fmt::format("{}_{}", is_public ? "public" : "private", letter(i % 2)), is_public};
    Block b{"subnet", s.name, {}, {}, {}, {}};
    b.set("cidr", fmt::format("cidrsubnet({}.cidr, 8, {})", kVpc, i));
    b.set("zone", fmt::format("zones[{}]", i % 2));
    if (is_public) {
      b.set("public", "true");
    }
    vpc.children.push_back(std::move(b));
    in_vpc.insert(s.name);
    subnets.push_back(std::move(s));
  }
  zones_needed = 2;
}

std::vector<std::string> subnet_refs(const std::vector<Subnet>& subnets, bool is_public) {
  std::vector<std::string> refs;
  for (const Subnet& s : subnets) {
    if (s.is_public == is_public) {
      refs.push_back(fmt::format("{}.{}", kVpc, s.name));
    }
  }
  return refs;
}

// What the main container and a sidecar share: the keys that are a container's.
void Copilot::container_settings(Reader& r, const std::string& key, const YAML::Node& value,
                                 Block& container, const std::string& where) {
  if (key == "variables" && value.IsMap()) {
    std::vector<std::pair<std::string, std::string>> vars;
    for (const auto& [k, v] : entries(value)) {
      if (v.IsScalar() || v.IsNull()) {
        vars.emplace_back(k, quote(v.IsNull() ? "" : v.Scalar()));
      } else {
        not_carried(diags, r.at(v), container.todos,
                    fmt::format("{}'s variable `{}: {}`", where, k, excerpt(raw(v))),
                    "a value from another stack's output (`from_cfn`) is not known here; write "
                    "it");
      }
    }
    if (!vars.empty()) {
      container.set("environment", object(vars));
    }
  } else if (key == "secrets" && value.IsMap()) {
    std::vector<std::pair<std::string, std::string>> secrets;
    for (const auto& [k, v] : entries(value)) {
      if (v.IsScalar()) {
        // An SSM parameter's name (ECS takes it in the task's region) or an ARN.
        secrets.emplace_back(k, quote(v.Scalar()));
      } else if (v.IsMap() && v["secretsmanager"] &&
                 text_of(v["secretsmanager"]).starts_with("arn:")) {
        secrets.emplace_back(k, quote(text_of(v["secretsmanager"])));
      } else {
        not_carried(diags, r.at(v), container.todos,
                    fmt::format("{}'s secret `{}: {}`", where, k, excerpt(raw(v))),
                    "ECS needs the secret's ARN; write it");
      }
    }
    if (!secrets.empty()) {
      container.set("secrets", object(secrets));
    }
  } else if ((key == "command" || key == "entrypoint") &&
             (value.IsScalar() || value.IsSequence())) {
    std::vector<std::string> words;
    if (value.IsScalar()) {
      words = shell_words(value.Scalar());
    } else {
      for (const auto& w : value) {
        words.push_back(text_of(w));
      }
    }
    std::vector<std::string> quoted;
    for (const auto& w : words) {
      quoted.push_back(quote(w));
    }
    container.set(key, list(quoted));
  } else if (key == "labels" && value.IsMap()) {
    std::vector<std::pair<std::string, std::string>> labels;
    for (const auto& [k, v] : entries(value)) {
      labels.emplace_back(k, quote(text_of(v)));
    }
    container.set("docker_labels", object(labels));
  } else if (key == "depends_on" && value.IsMap()) {
    std::vector<std::string> deps;
    for (const auto& [k, v] : entries(value)) {
      std::string condition = text_of(v);
      deps.push_back(condition == "start"
                         ? identifier(k)
                         : object({{"container", identifier(k)}, {"condition", condition}}));
    }
    container.set("depends_on", list(deps));
  } else if (key == "healthcheck") {
    Block check{"health_check", "", {}, {}, {}, {}};
    const YAML::Node command = value.IsMap() ? value["command"] : value;
    std::vector<std::string> words;
    if (command.IsSequence()) {
      for (const auto& w : command) {
        words.push_back(quote(text_of(w)));
      }
    } else if (command.IsScalar()) {
      words = {quote("CMD-SHELL"), quote(command.Scalar())};
    }
    if (words.empty()) {
      not_carried(diags, r.at(value), container.todos,
                  fmt::format("{}'s `healthcheck: {}`", where, excerpt(raw(value))),
                  "it has no command");
      return;
    }
    check.set("command", list(words));
    if (value.IsMap()) {
      for (const char* field : {"interval", "timeout", "start_period", "retries"}) {
        const YAML::Node v = value[field];
        auto n = !v ? std::nullopt : std::string(field) == "retries" ? integer(v) : duration(v);
        if (n) {
          check.set(field, health_check_value(diags, r.at(v), field, raw(v), *n));
        }
      }
    }
    container.children.push_back(std::move(check));
  } else {
    not_carried(diags, r.at(value), container.todos,
                fmt::format("{}'s `{}: {}`", where, key, excerpt(raw(value))),
                key == "env_file"       ? "ECL has no environment files (from S3); set "
                                          "`environment` or `secrets`"
                : key == "credentials"  ? "ECL has no private registry credentials yet"
                : key == "mount_points" ? "volumes are not imported"
                                        : "it is not a key eclc import reads");
  }
}

bool Copilot::workload(Reader& r, const YAML::Node& file_root, const std::string& folder) {
  if (!file_root.IsMap()) {
    return r.wrong(file_root, "a manifest must be a mapping");
  }
  YAML::Node root = file_root;
  if (const YAML::Node envs = file_root["environments"]; envs && envs.IsMap() && envs[env]) {
    root = overlay(file_root, envs[env]);
  }
  const std::string source_name = root["name"] ? text_of(root["name"]) : folder;
  const std::string type = root["type"] ? text_of(root["type"]) : "";
  const std::string where = fmt::format("`{}`", source_name);
  if (type != "Load Balanced Web Service" && type != "Backend Service" &&
      type != "Worker Service" && type != "Scheduled Job") {
    not_carried(diags, r.at(root["type"] ? root["type"] : root), program.todos,
                fmt::format("{} (`type: {}`)", where, excerpt(type)),
                type == "Request-Driven Web Service" ? "it runs on AWS App Runner, not on ECS"
                : type == "Static Site"              ? "it is an S3 bucket behind CloudFront"
                                                     : "it is no Copilot type eclc knows");
    return true;
  }
  const bool is_job = type == "Scheduled Job";
  const std::string name = unique(source_name, top);
  std::set<std::string> containers{name};
  Block task{"task", name, {fmt::format("Copilot {} `{}`", type, source_name)}, {}, {}, {}};
  const std::set<std::string> uninterpolated = interpolate(r, root, "");
  Block container{"container", name, {}, {}, {}, {}};
  Block runner{is_job ? "job" : "service", name, {}, {}, {}, {}};
  if (name != source_name) {
    container.set("name", quote(source_name));
    if (!is_job) {
      runner.set("name", quote(source_name));
    }
  }
  runner.set("task", name);
  std::vector<Block> sidecars;
  std::map<std::string, std::int64_t> sidecar_ports; // by the manifest's names
  std::int64_t cpu = 256, memory = 512;              // Copilot's defaults
  std::optional<std::int64_t> port;
  bool is_public = true, wants_connect = false;
  std::string connect_alias = source_name; // Service Connect's DNS name for the service
  std::optional<YAML::Node> http;

  for (const auto& [key, value] : entries(root)) {
    if (key == "name" || key == "type" || key == "environments") {
      continue;
    }
    if (key == "image" && value.IsMap()) {
      for (const auto& [ikey, ivalue] : entries(value)) {
        if (ikey == "location" && uninterpolated.count("image.location")) {
          not_carried(diags, r.at(ivalue), container.todos,
                      fmt::format("{}'s `image.location: {}`", where, excerpt(text_of(ivalue))),
                      "Copilot fills in `${…}` from the shell that deploys; write the image");
        } else if (ikey == "location") {
          container.set("image", quote(text_of(ivalue)));
        } else if (ikey == "build") {
          not_carried(diags, r.at(ivalue), container.todos,
                      fmt::format("{}'s `image.build: {}`", where, excerpt(raw(ivalue))),
                      "ECS runs images from a registry; build and push the image (to ECR), then "
                      "set `image`");
        } else if (ikey == "port") {
          port = integer(ivalue);
          if (!port) {
            return r.wrong(ivalue, fmt::format("`{}` is not a port", excerpt(raw(ivalue))));
          }
        } else {
          container_settings(r, ikey, ivalue, container, where);
        }
      }
    } else if (key == "cpu" || key == "memory") {
      auto n = integer(value);
      if (!n) {
        return r.wrong(value, fmt::format("`{}` is not a number", excerpt(raw(value))));
      }
      (key == "cpu" ? cpu : memory) = *n;
    } else if (key == "platform" && text_of(value) == "linux/arm64") {
      task.set("cpu_architecture", "arm64");
    } else if (key == "platform" &&
               (text_of(value) == "linux/x86_64" || text_of(value) == "linux/amd64")) {
    } else if (key == "count" && !is_job) {
      if (auto n = integer(value)) {
        runner.put("desired", std::to_string(*n));
        continue;
      }
      if (!value.IsMap()) {
        return r.wrong(value, fmt::format("`count: {}` is not a number of tasks or a mapping",
                                          excerpt(raw(value))));
      }
      Block scaling{"scaling", "", {}, {}, {}, {}};
      std::vector<YAML::Node> cooldowns; // count-wide first, then the metrics' own
      for (const auto& [ckey, cvalue] : entries(value)) {
        if (ckey == "range") {
          std::string min, max;
          if (cvalue.IsMap()) {
            min = text_of(cvalue["min"]);
            max = text_of(cvalue["max"]);
            if (cvalue["spot_from"]) {
              not_carried(diags, r.at(cvalue["spot_from"]), runner.todos,
                          fmt::format("{}'s `count.range.spot_from`", where),
                          "write a `capacity` strategy of `fargate` and `fargate_spot`");
            }
          } else {
            std::string text = text_of(cvalue);
            auto dash = text.find('-');
            min = text.substr(0, dash);
            max = dash == std::string::npos ? "" : text.substr(dash + 1);
          }
          if (!integer(YAML::Node(min)) || !integer(YAML::Node(max))) {
            return r.wrong(cvalue,
                           fmt::format("`range: {}` is not `MIN-MAX`", excerpt(raw(cvalue))));
          }
          scaling.set("min", min);
          scaling.set("max", max);
          runner.put("desired", min);
        } else if (ckey == "cpu_percentage" || ckey == "memory_percentage" || ckey == "requests") {
          const YAML::Node target = cvalue.IsMap() ? cvalue["value"] : cvalue;
          if (cvalue.IsMap() && cvalue["cooldown"]) {
            cooldowns.push_back(cvalue["cooldown"]); // ECL's scaler has one pair for all metrics
          }
          auto n = integer(target);
          if (!n) {
            return r.wrong(cvalue,
                           fmt::format("`{}: {}` is not a number", ckey, excerpt(raw(cvalue))));
          }
          scaling.set(ckey == "cpu_percentage"      ? "cpu"
                      : ckey == "memory_percentage" ? "memory"
                                                    : "requests",
                      std::to_string(*n));
        } else if (ckey == "cooldown" && cvalue.IsMap()) {
          cooldowns.insert(cooldowns.begin(), cvalue);
        } else if (ckey == "spot") {
          if (auto n = integer(cvalue)) {
            runner.put("desired", std::to_string(*n));
            runner.set("capacity", "[fargate_spot]");
            spot = true;
          }
        } else {
          not_carried(diags, r.at(cvalue), runner.todos,
                      fmt::format("{}'s `count.{}: {}`", where, ckey, excerpt(raw(cvalue))),
                      ckey == "response_time" ? "ECL scales on cpu, memory and requests"
                                              : "it is not a key eclc import reads");
        }
      }
      if (scaling.has("min")) {
        // Copilot's cooldowns: 120s to scale in, 60s to scale out, unless the manifest says.
        std::map<std::string, std::string> cooldown = {{"in", "120s"}, {"out", "60s"}};
        for (const YAML::Node& c : cooldowns) {
          for (auto& [side, text] : cooldown) {
            if (!c.IsMap() || !c[side]) {
              continue;
            }
            auto ms = duration(c[side]);
            if (!ms) {
              return r.wrong(c[side], fmt::format("`{}` is not a duration", excerpt(raw(c[side]))));
            }
            text = duration_ms(*ms);
          }
        }
        scaling.set("scale_in_cooldown", cooldown["in"]);
        scaling.set("scale_out_cooldown", cooldown["out"]);
        runner.children.push_back(std::move(scaling));
      }
    } else if (key == "exec" && !is_job) {
      if (!boolean(r, value)) {
        return false;
      }
      if (truthy(value)) {
        // Copilot gives the task a role that may open ECS Exec's channels (E3406 without one).
        runner.set("enable_execute_command", "true");
        Block role{"role", unique(name + "_task", top), {}, {}, {}, {}};
        role.comments.push_back(fmt::format("The role `{}`'s containers run as: ECS Exec's "
                                            "channels, as Copilot's task role allows them",
                                            source_name));
        role.set("assumed_by", list({quote("ecs-tasks.amazonaws.com")}));
        role.set("statements",
                 list({object({{"actions", list({quote("ssmmessages:CreateControlChannel"),
                                                 quote("ssmmessages:CreateDataChannel"),
                                                 quote("ssmmessages:OpenControlChannel"),
                                                 quote("ssmmessages:OpenDataChannel")})},
                               {"resources", list({quote("*")})}})}));
        task.set("task_role", role.name);
        program.roles.push_back(std::move(role));
      }
    } else if (key == "storage" && value.IsMap()) {
      for (const auto& [skey, svalue] : entries(value)) {
        if (skey == "ephemeral" && integer(svalue)) {
          if (*integer(svalue) > 20) {
            task.set("ephemeral_storage", fmt::format("{}GiB", *integer(svalue)));
          }
        } else if (skey == "readonly_fs") {
          if (!boolean(r, svalue)) {
            return false;
          }
          if (truthy(svalue)) {
            container.set("readonly_root_filesystem", "true");
          }
        } else {
          not_carried(diags, r.at(svalue), task.todos,
                      fmt::format("{}'s `storage.{}: {}`", where, skey, excerpt(raw(svalue))),
                      skey == "volumes" ? "Copilot makes its EFS volumes; declare a "
                                          "`file_system` and the task's `volumes`"
                                        : "it is not a key eclc import reads");
        }
      }
    } else if (key == "logging" && value.IsMap()) {
      for (const auto& [lkey, lvalue] : entries(value)) {
        if (lkey == "retention" && integer(lvalue)) {
          task.set("log_retention", std::to_string(*integer(lvalue)));
        } else {
          not_carried(diags, r.at(lvalue), task.todos,
                      fmt::format("{}'s `logging.{}: {}`", where, lkey, excerpt(raw(lvalue))),
                      "Copilot's FireLens sidecar is not imported; add a `firelens` container");
        }
      }
    } else if (key == "network" && value.IsMap()) {
      for (const auto& [nkey, nvalue] : entries(value)) {
        if (nkey == "vpc" && nvalue.IsMap()) {
          for (const auto& [vkey, vvalue] : entries(nvalue)) {
            if (vkey == "placement" && vvalue.IsScalar()) {
              is_public = vvalue.Scalar() != "private";
            } else {
              not_carried(
                  diags, r.at(vvalue), runner.todos,
                  fmt::format("{}'s `network.vpc.{}: {}`", where, vkey, excerpt(raw(vvalue))),
                  vkey == "security_groups"
                      ? "name the groups in `security_groups` (a `security_group` with "
                        "`existing`)"
                      : "set `subnets` here");
            }
          }
        } else if (nkey == "connect" && !is_job) {
          if (nvalue.IsMap()) {
            connect = wants_connect = true;
            if (nvalue["alias"]) {
              connect_alias = text_of(nvalue["alias"]);
            }
          } else if (boolean(r, nvalue)) {
            connect = wants_connect = truthy(nvalue);
          } else {
            return false;
          }
        } else {
          not_carried(diags, r.at(nvalue), runner.todos,
                      fmt::format("{}'s `network.{}: {}`", where, nkey, excerpt(raw(nvalue))),
                      "only `vpc.placement` and `connect` are imported; set `subnets` and "
                      "`security_groups` here");
        }
      }
    } else if (key == "http" && type == "Load Balanced Web Service") {
      http = value;
    } else if (key == "deployment" && value.IsMap() && !is_job &&
               text_of(value["rolling"]) == "recreate" && value.size() == 1) {
      Block deployment{"deployment", "", {}, {}, {}, {}};
      deployment.set("min_healthy_percent", "0");
      deployment.set("max_percent", "100");
      runner.children.push_back(std::move(deployment));
    } else if (key == "on" && is_job && value.IsMap() && value["schedule"]) {
      std::string text = text_of(value["schedule"]);
      if (text == "none") {
        continue; // run only on demand: `eclc run`
      }
      std::string why;
      if (auto expression = schedule_expression(text, why)) {
        runner.set("schedule", quote(*expression));
      } else {
        not_carried(diags, r.at(value["schedule"]), runner.todos,
                    fmt::format("{}'s `schedule: {}`", where, excerpt(text)),
                    why + "; write a `cron(…)` or `rate(…)` (until then only `eclc run` starts "
                          "the job)");
      }
    } else if (key == "sidecars" && value.IsMap()) {
      for (const auto& [sname, svalue] : entries(value)) {
        Block sidecar{"container", unique(sname, containers), {}, {}, {}, {}};
        if (sidecar.name != sname) {
          sidecar.set("name", quote(sname));
        }
        const std::string side = fmt::format("sidecar `{}`", sname);
        for (const auto& [ckey, cvalue] : entries(svalue)) {
          if (ckey == "image") {
            if (cvalue.IsScalar()) {
              sidecar.set("image", quote(cvalue.Scalar()));
            } else {
              not_carried(diags, r.at(cvalue), sidecar.todos,
                          fmt::format("{}'s `image: {}`", side, excerpt(raw(cvalue))),
                          "build and push the image, then set `image`");
            }
          } else if (ckey == "port") {
            std::string text = text_of(cvalue);
            auto slash = text.find('/');
            auto n = integer(YAML::Node(text.substr(0, slash)));
            if (!n) {
              return r.wrong(cvalue, fmt::format("`{}` is not a port", excerpt(text)));
            }
            std::string protocol = slash == std::string::npos ? "tcp" : text.substr(slash + 1);
            sidecar_ports[sname] = *n;
            sidecar.set("port", protocol == "tcp" ? std::to_string(*n)
                                                  : object({{"container", std::to_string(*n)},
                                                            {"protocol", protocol}}));
          } else if (ckey == "essential") {
            if (!truthy(cvalue)) {
              sidecar.set("essential", "false");
            }
          } else {
            container_settings(r, ckey, cvalue, sidecar, side);
          }
        }
        sidecars.push_back(std::move(sidecar));
      }
    } else if (key == "variables" || key == "secrets" || key == "command" || key == "entrypoint" ||
               key == "env_file") {
      container_settings(r, key, value, container, where);
    } else {
      not_carried(diags, r.at(value), runner.todos,
                  fmt::format("{}'s `{}: {}`", where, key, excerpt(raw(value))),
                  key == "nlb"         ? "network load balancers are not imported; add a "
                                         "`load_balancer` of `type = network`"
                  : key == "subscribe" ? "ECL has no SNS topics or SQS queues"
                  : key == "publish"   ? "ECL has no SNS topics"
                  : key == "retries" || key == "timeout"
                      ? "EventBridge Scheduler's RunTask target neither retries a failed task "
                        "nor stops a late one"
                  : key == "taskdef_overrides" ? "write the setting on the task or container"
                  : key == "observability"     ? "ECL has no X-Ray sidecar"
                                               : "it is not a key eclc import reads");
    }
  }
  if (port) {
    std::vector<std::pair<std::string, std::string>> mapping = {
        {"container", std::to_string(*port)}};
    if (wants_connect) {
      mapping.emplace_back("name", quote(source_name));
    }
    container.set("port", mapping.size() == 1 ? std::to_string(*port) : object(mapping));
  }
  // A Load Balanced Web Service without `http` (nor `nlb`) is served on `/`, as Copilot's are.
  if (type == "Load Balanced Web Service" && !http && !root["nlb"]) {
    http = YAML::Node(YAML::NodeType::Map);
  }
  if (http && !(http->IsScalar() && !truthy(*http)) && port) {
    std::string path = "/";
    std::vector<std::string> hosts;
    std::string target = source_name; // the container the load balancer sends to, and its port
    std::int64_t target_port = *port;
    Block group{"target_group", unique(source_name, in_vpc), {}, {}, {}, {}};
    // Copilot's defaults where they are not AWS's: checks every 10s, a minute to drain, a minute
    // of grace after a task starts.
    std::vector<std::pair<std::string, std::string>> check = {{"interval", "10s"}};
    std::string deregistration = "60s", grace = "60s";
    auto duration_of = [&](const YAML::Node& v) {
      auto ms = duration(v);
      if (!ms) {
        r.wrong(v, fmt::format("`{}` is not a duration", excerpt(raw(v))));
      }
      return ms;
    };
    auto set = [](std::vector<std::pair<std::string, std::string>>& fields, const std::string& k,
                  std::string v) {
      std::erase_if(fields, [&](const auto& f) { return f.first == k; });
      fields.emplace_back(k, std::move(v));
    };
    for (const auto& [hkey, hvalue] : http->IsMap() ? entries(*http) : decltype(entries(*http)){}) {
      if (hkey == "path") {
        path = text_of(hvalue);
      } else if (hkey == "alias") {
        // The rule routes by these host headers; the DNS records are left to do.
        if (hvalue.IsSequence()) {
          for (const auto& h : hvalue) {
            hosts.push_back(text_of(h.IsMap() ? h["name"] : h));
          }
        } else {
          hosts.push_back(text_of(hvalue));
        }
        not_carried(diags, r.at(hvalue), group.todos,
                    fmt::format("{}'s `http.alias: {}`", where, excerpt(raw(hvalue))),
                    "ECL makes no Route 53 records; point the name at the load balancer's "
                    "`dns_name` (the rule routes it by host)");
      } else if (hkey == "healthcheck" && hvalue.IsScalar()) {
        set(check, "path", quote(hvalue.Scalar()));
      } else if (hkey == "healthcheck" && hvalue.IsMap()) {
        for (const auto& [ckey, cvalue] : entries(hvalue)) {
          if (ckey == "path") {
            set(check, "path", quote(text_of(cvalue)));
          } else if (ckey == "success_codes") {
            set(check, "matcher", quote(text_of(cvalue)));
          } else if (ckey == "healthy_threshold" || ckey == "unhealthy_threshold") {
            auto n = integer(cvalue);
            if (!n) {
              return r.wrong(cvalue, fmt::format("`{}` is not a number", excerpt(raw(cvalue))));
            }
            set(check, ckey, std::to_string(*n));
          } else if (ckey == "interval" || ckey == "timeout" || ckey == "grace_period") {
            auto ms = duration_of(cvalue);
            if (!ms) {
              return false;
            }
            if (ckey == "grace_period") {
              grace = duration_ms(*ms);
            } else {
              set(check, ckey, duration_ms(*ms));
            }
          } else {
            not_carried(
                diags, r.at(cvalue), group.todos,
                fmt::format("{}'s `http.healthcheck.{}: {}`", where, ckey, excerpt(raw(cvalue))),
                "it is not a key eclc import reads");
          }
        }
      } else if (hkey == "deregistration_delay") {
        auto ms = duration_of(hvalue);
        if (!ms) {
          return false;
        }
        deregistration = duration_ms(*ms);
      } else if (hkey == "stickiness") {
        if (!boolean(r, hvalue)) {
          return false;
        }
        if (truthy(hvalue)) {
          group.set("stickiness", "24h"); // Copilot's lb_cookie lasts a day
        }
      } else if (hkey == "target_container" && sidecar_ports.count(text_of(hvalue))) {
        target = text_of(hvalue);
        target_port = sidecar_ports[target];
      } else if (hkey == "target_port" && integer(hvalue)) {
        target_port = *integer(hvalue);
      } else {
        not_carried(diags, r.at(hvalue), group.todos,
                    fmt::format("{}'s `http.{}: {}`", where, hkey, excerpt(raw(hvalue))),
                    hkey == "hosted_zone" ? "ECL makes no Route 53 records"
                    : hkey == "target_container"
                        ? "no sidecar of that name has a `port`"
                        : "it is not a key eclc import reads; set it on the listener or rule");
      }
    }
    runner.set("health_check_grace_period", grace);
    group.attrs.insert(group.attrs.begin(), {"port", std::to_string(target_port)});
    group.set("deregistration_delay", deregistration);
    group.set("health_check", object(check));
    if (!path.empty() && path != "/" && !path.starts_with("/")) {
      path = "/" + path;
    }
    routes.push_back({group.name, path, hosts});
    runner.set("load_balancers",
               list({object({{"target_group", fmt::format("{}.{}", kVpc, group.name)},
                             {"container", quote(target)},
                             {"port", std::to_string(target_port)}})}));
    lb_ingress.push_back({target_port, "tcp", false});
    target_groups.push_back(std::move(group));
  }
  if (wants_connect) {
    Block sc{"service_connect", "", {}, {}, {}, {}};
    if (port) {
      sc.set("services", list({object({{"port_name", quote(source_name)},
                                       {"client_aliases",
                                        list({object({{"port", std::to_string(*port)},
                                                      {"dns_name", quote(connect_alias)}})})}})}));
    }
    runner.children.push_back(std::move(sc));
  }
  if (!is_public) {
    private_placement = true;
  }
  const std::vector<std::string> refs = subnet_refs(subnets, is_public);
  runner.set("subnets", list(refs.empty() ? subnet_refs(subnets, !is_public) : refs));
  runner.set("security_groups", fmt::format("[{}.{}]", kVpc, kSecurityGroup));
  if (is_public) {
    runner.set("public_ip", "true");
  }
  task.attrs.insert(task.attrs.begin(), {"memory", memory_mib(memory)});
  task.attrs.insert(task.attrs.begin(), {"cpu", std::to_string(cpu)});
  task.children.push_back(std::move(container));
  for (Block& s : sidecars) {
    task.children.push_back(std::move(s));
  }
  program.tasks.push_back(std::move(task));
  program.services.push_back(std::move(runner));
  return true;
}

// The VPC's gateways, routes, groups and load balancer, once every workload says what it needs.
void Copilot::write_network() {
  if (zones_needed > 0) {
    program.lets.emplace_back("zones", fmt::format("availability_zones({})", zones_needed));
  }
  std::vector<std::string> publics, privates;
  for (const Subnet& s : subnets) {
    (s.is_public ? publics : privates).push_back(s.name);
  }
  if (!existing_vpc && !publics.empty()) {
    vpc.children.push_back({"internet_gateway", "igw", {}, {}, {}, {}});
    Block table{"route_table", "public_routes", {}, {}, {}, {}};
    table.set("subnets", list(publics));
    Block route{"route", "", {}, {}, {}, {}};
    route.set("destination", quote("0.0.0.0/0"));
    route.set("target", "igw");
    table.children.push_back(std::move(route));
    vpc.children.push_back(std::move(table));
    // Copilot gives private subnets a NAT gateway per zone once a workload is placed in them.
    if (private_placement) {
      for (std::size_t i = 0; i < privates.size(); ++i) {
        std::string nat = unique(fmt::format("nat_{}", letter(i)), in_vpc);
        Block gateway{"nat_gateway", nat, {}, {}, {}, {}};
        gateway.set("subnet", publics[i % publics.size()]);
        vpc.children.push_back(std::move(gateway));
        Block private_table{"route_table", unique(privates[i] + "_routes", in_vpc), {}, {}, {}, {}};
        private_table.set("subnets", list({privates[i]}));
        Block out{"route", "", {}, {}, {}, {}};
        out.set("destination", quote("0.0.0.0/0"));
        out.set("target", nat);
        private_table.children.push_back(std::move(out));
        vpc.children.push_back(std::move(private_table));
      }
    }
  }
  // Copilot's environment security group: the environment's tasks reach each other on any port.
  Block group{"security_group", kSecurityGroup, {}, {}, {}, {}};
  group.set("description",
            quote(ec2_text(fmt::format("Copilot environment {}, application {}", env, app))));
  Block self{"ingress", "", {}, {}, {}, {}};
  self.set("protocol", "all");
  self.set("from", kSecurityGroup);
  group.children.push_back(std::move(self));
  std::sort(lb_ingress.begin(), lb_ingress.end());
  lb_ingress.erase(std::unique(lb_ingress.begin(), lb_ingress.end()), lb_ingress.end());
  for (const Ingress& in : lb_ingress) {
    Block rule{"ingress", "", {}, {}, {}, {}};
    rule.set("port", std::to_string(in.port));
    rule.set("from", "lb");
    group.children.push_back(std::move(rule));
  }
  if (!routes.empty()) {
    Block lb{"security_group", "lb", {}, {}, {}, {}};
    lb.set("description", quote("Public load balancer of the environment"));
    for (int p : certificates.empty() ? std::vector<int>{80} : std::vector<int>{80, 443}) {
      Block rule{"ingress", "", {}, {}, {}, {}};
      rule.set("port", std::to_string(p));
      rule.set("from", quote("0.0.0.0/0"));
      lb.children.push_back(std::move(rule));
    }
    vpc.children.push_back(std::move(lb));
  }
  vpc.children.push_back(std::move(group));
  if (routes.empty()) {
    return;
  }
  for (Block& g : target_groups) {
    vpc.children.push_back(std::move(g));
  }
  Block balancer{"load_balancer", "public", {}, {}, {}, {}};
  balancer.set("subnets", list(publics));
  balancer.set("security_groups", "[lb]");
  Block http{"listener", "http", {}, {}, {}, {}};
  http.set("port", "80");
  Block https{"listener", "https", {}, {}, {}, {}};
  https.set("port", "443");
  https.set("protocol", "https");
  Block& serving = certificates.empty() ? http : https;
  if (!certificates.empty()) {
    std::vector<std::string> quoted;
    for (const auto& c : certificates) {
      quoted.push_back(quote(c));
    }
    https.set("certificates", list(quoted));
    http.set("redirect", "https");
  }
  int priority = 0;
  std::string fallback;
  // The load balancer tries rules by priority: a longer path first (`/api/v2` before `/api`), then
  // host rules, in the order of the manifests.
  std::stable_sort(routes.begin(), routes.end(),
                   [](const Route& a, const Route& b) { return a.path.size() > b.path.size(); });
  for (const Route& route : routes) {
    const bool root_path = route.path.empty() || route.path == "/";
    if (root_path && route.hosts.empty() && fallback.empty()) {
      fallback = route.target_group;
      continue;
    }
    Block rule{"rule", route.target_group, {}, {}, {}, {}};
    rule.set("priority", std::to_string(++priority));
    if (!root_path) {
      std::string base =
          route.path.ends_with("/") ? route.path.substr(0, route.path.size() - 1) : route.path;
      rule.set("paths", list({quote(base), quote(base + "/*")}));
    }
    if (!route.hosts.empty()) {
      std::vector<std::string> quoted;
      for (const auto& h : route.hosts) {
        quoted.push_back(quote(h));
      }
      rule.set("hosts", list(quoted));
    }
    if (root_path && route.hosts.empty()) {
      rule.set("paths", list({quote("/*")})); // a second service on `/`: AWS takes the first
    }
    rule.set("forward", route.target_group);
    serving.children.push_back(std::move(rule));
  }
  if (fallback.empty()) {
    serving.set("fixed_response", "404");
  } else {
    serving.set("forward", fallback);
  }
  balancer.children.push_back(std::move(http));
  if (!certificates.empty()) {
    balancer.children.push_back(std::move(https));
  }
  vpc.children.push_back(std::move(balancer));
}

} // namespace

CopilotWorkspace copilot_workspace(const std::string& dir, std::string& error) {
  namespace fs = std::filesystem;
  CopilotWorkspace ws;
  std::error_code ec;
  fs::path root = dir;
  if (!fs::exists(root / ".workspace", ec) && fs::is_directory(root / "copilot", ec)) {
    root /= "copilot";
  }
  if (!fs::is_directory(root, ec)) {
    error = fmt::format("`{}` is not a directory", dir);
    return ws;
  }
  if (fs::is_regular_file(root / ".workspace", ec)) {
    ws.workspace = (root / ".workspace").string();
  }
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    if (entry.is_directory(ec)) {
      folders.push_back(entry.path());
    }
  }
  std::sort(folders.begin(), folders.end());
  for (const fs::path& folder : folders) {
    if (folder.filename() == "environments") {
      std::vector<fs::path> envs;
      for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (fs::exists(entry.path() / "manifest.yml", ec)) {
          envs.push_back(entry.path());
        }
      }
      std::sort(envs.begin(), envs.end());
      for (const fs::path& e : envs) {
        ws.environments.push_back((e / "manifest.yml").string());
      }
    } else if (fs::exists(folder / "manifest.yml", ec)) {
      ws.workloads.push_back((folder / "manifest.yml").string());
      if (fs::is_directory(folder / "addons", ec)) {
        ws.unread.push_back((folder / "addons").string());
      }
    } else if (folder.filename() == "pipelines") {
      ws.unread.push_back(folder.string());
    }
  }
  if (fs::exists(root / "pipeline.yml", ec)) {
    ws.unread.push_back((root / "pipeline.yml").string());
  }
  if (ws.workspace.empty() && ws.workloads.empty() && ws.environments.empty()) {
    error = fmt::format("`{}` is not a Copilot workspace: no `.workspace` and no "
                        "`*/manifest.yml`",
                        dir);
  }
  return ws;
}

bool import_copilot_program(const SourceManager& sources, const CopilotFiles& files,
                            const std::string& env, Diagnostics& diags, Program& program) {
  Copilot c(diags);
  c.env = env;
  if (files.workspace) {
    const SourceFile& file = sources.file(*files.workspace);
    YAML::Node root;
    if (!load_yaml(file, *files.workspace, diags, root)) {
      return false;
    }
    if (root.IsMap() && root["application"]) {
      c.app = text_of(root["application"]);
    }
  }
  c.program.stack = identifier(fmt::format("{}-{}", c.app, env));
  c.program.header.push_back(fmt::format(
      "Imported by `eclc import copilot` from the Copilot application `{}`, environment `{}`{}.",
      c.app, env, files.environment ? "" : " (Copilot's default network)"));
  const std::size_t region_note = c.program.header.size();
  c.program.header.push_back("Copilot's region comes from the AWS profile it ran with: set the "
                             "stack's `region`.");
  if (files.environment) {
    const SourceFile& file = sources.file(*files.environment);
    Reader r{file, *files.environment, diags};
    YAML::Node root;
    if (!load_yaml(file, *files.environment, diags, root) || !c.environment(r, root)) {
      return false;
    }
  } else {
    c.default_network();
  }
  for (const auto& [id, folder] : files.workloads) {
    const SourceFile& file = sources.file(id);
    Reader r{file, id, diags};
    YAML::Node root;
    if (!load_yaml(file, id, diags, root) || !c.workload(r, root, folder)) {
      return false;
    }
  }
  for (const auto& [id, what] : files.unread) {
    not_carried(diags, Range{id, 0, 0}, c.program.todos, what,
                what.find("addons") != std::string::npos
                    ? "addons are CloudFormation templates of their own; deploy them beside "
                      "the program"
                    : "ECL has no pipelines");
  }
  if (!c.region_from_zones.empty()) {
    c.program.region = c.region_from_zones;
    c.program.header[region_note] = "The region is that of the environment's zones.";
  }
  c.write_network();
  c.program.vpc = std::move(c.vpc);
  if (c.spot) {
    c.program.cluster_attrs.emplace_back("capacity", "[fargate, fargate_spot]");
  }
  if (c.container_insights) {
    c.program.cluster_attrs.emplace_back("container_insights", "true");
  }
  if (c.connect) {
    Block ns{"namespace", "local", {}, {}, {}, {}};
    ns.set("name", quote(fmt::format("{}.{}.local", env, c.app)));
    c.program.vpc->children.push_back(std::move(ns));
    c.program.cluster_attrs.emplace_back("service_connect_namespace",
                                         fmt::format("{}.local", kVpc));
  }
  c.unfilled_todos();
  program = std::move(c.program);
  return true;
}

} // namespace ecl::import
