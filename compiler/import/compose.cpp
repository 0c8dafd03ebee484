// docker compose → ECL. Each compose service becomes a task of one container and an ECS service
// running it (compose scales and restarts per service, and so does ECS); the file's published
// ports open the generated security group to the world, its `expose`d ports to the other tasks.
// The keys are those of the Compose Specification: https://docs.docker.com/reference/compose-file/
#include "compiler/import/importers.h"
#include "compiler/import/yaml.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>

namespace ecl::import {
namespace {

// Compose interpolation (https://docs.docker.com/reference/compose-file/interpolation/): `$$` is a
// `$`; `${NAME}`, `${NAME:-default}` and `$NAME` are filled in from the shell or `.env` when
// compose reads the file. The variable `text` interpolates first, or "" when it interpolates none.
std::string interpolated(const std::string& text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '$') {
      continue;
    }
    char next = text[i + 1];
    if (next == '$') {
      ++i;
    } else if (next == '{') {
      std::size_t end = text.find_first_of("}:-?+", i + 2);
      return text.substr(i + 2, (end == std::string::npos ? text.size() : end) - i - 2);
    } else if (std::isalpha(static_cast<unsigned char>(next)) || next == '_') {
      std::size_t end = i + 1;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
        ++end;
      }
      return text.substr(i + 1, end - i - 1);
    }
  }
  return "";
}

// A value as the container sees it: `$$` is a `$`.
std::string scalar(const YAML::Node& node) {
  std::string text = raw(node);
  for (std::size_t at = text.find("$$"); at != std::string::npos; at = text.find("$$", at + 1)) {
    text.erase(at, 1);
  }
  return text;
}

// Why ECS has no place for a service setting, where the general answer would not help.
std::string why_not(const std::string& key) {
  if (key == "secrets") {
    return "compose mounts secrets as files under /run/secrets; keep the value in Secrets "
           "Manager or SSM Parameter Store and name it in the container's `secrets` (ECS passes "
           "it as an environment variable)";
  }
  if (key == "configs") {
    return "compose mounts configs as files; bake them into the image, or read them from S3 or "
           "SSM when the container starts";
  }
  if (key == "networks") {
    return "the imported tasks share one VPC and security group; they reach each other by name "
           "through Service Connect, where a service declares its port";
  }
  if (key == "network_mode") {
    return "every imported task has its own network interface (`awsvpc`), as Fargate needs";
  }
  if (key == "links") {
    return "tasks reach each other by their compose names (Service Connect), not by link aliases";
  }
  if (key == "tmpfs") {
    return "an ECS tmpfs mount has a size (`tmpfs = [{ path = \"/run\", size = 64MiB }]`, EC2 "
           "only), which compose's does not say";
  }
  if (key == "env_file") {
    return "compose reads the variables from that file; copy them into `environment`, or the "
           "secret ones into `secrets`";
  }
  if (key == "stop_signal") {
    return "ECS stops a container with the image's STOPSIGNAL, else SIGTERM; set STOPSIGNAL in "
           "its Dockerfile";
  }
  if (key == "sysctls") {
    return "ECL has no `systemControls` yet";
  }
  return "ECL has no such container setting";
}

// "512m", "1g", "1.5GB", "50M", a number of bytes: MiB, rounded up; nullopt if unreadable.
std::optional<std::int64_t> parse_memory(const std::string& text) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (...) {
    return std::nullopt;
  }
  std::string unit = text.substr(used);
  std::transform(unit.begin(), unit.end(), unit.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!unit.empty() && unit.back() == 'b' && unit.size() > 1) {
    unit.pop_back();
  }
  double bytes = unit == "" || unit == "b" ? value
                 : unit == "k"             ? value * 1024
                 : unit == "m"             ? value * 1024 * 1024
                 : unit == "g"             ? value * 1024 * 1024 * 1024
                                           : -1;
  if (bytes < 0 || !std::isfinite(bytes) || bytes > 1e15) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(std::ceil(bytes / (1024 * 1024)));
}

std::string strings(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& i : items) {
    quoted.push_back(quote(i));
  }
  return list(quoted);
}

struct Importer {
  Reader r;
  Program program;
  std::set<std::string> named_volumes; // declared under the top-level `volumes`
  std::map<std::string, YAML::Node> volume_nodes;
  bool region_set = false; // by a service's awslogs-region: the program's region
  // Several services: each serves its first TCP port under its compose name through Service
  // Connect, as compose's default network does (`db:5432`). While a service is read: the name
  // its first port mapping takes ("" when it takes none), and that port once named.
  bool connect = false;
  std::string port_name;
  std::optional<std::int64_t> served_port;
  std::vector<std::string> unserved; // services without a port: not reachable by name

  // One service: the task, its container, and the ECS service.
  bool service(const std::string& name, const YAML::Node& node);
  bool ports(const YAML::Node& list, Block& container, bool published);
  void volumes(const YAML::Node& list, Block& task, Block& container, const std::string& service);
  void health(const YAML::Node& node, Block& container, const std::string& where);
  void logging(const YAML::Node& node, Block& container, const std::string& where);
};

bool Importer::ports(const YAML::Node& items, Block& container, bool published) {
  if (!items.IsSequence()) {
    return r.wrong(items, fmt::format("`{}` must be a list", published ? "ports" : "expose"));
  }
  std::vector<std::string> mappings;
  for (const auto& item : items) {
    std::string target, host, protocol = "tcp", host_ip;
    if (item.IsMap()) {
      for (const auto& [key, value] : entries(item)) {
        if (key == "target") {
          target = scalar(value);
        } else if (key == "published") {
          host = scalar(value);
        } else if (key == "protocol") {
          protocol = scalar(value);
        } else if (key == "host_ip") {
          host_ip = scalar(value);
        } else if (key != "mode") {
          not_carried(r.diags, r.at(value), container.todos, fmt::format("port `{}`", key),
                      "ECS port mappings have no such setting");
        }
      }
    } else if (item.IsScalar()) {
      std::string text = item.Scalar();
      if (auto slash = text.rfind('/'); slash != std::string::npos) {
        protocol = text.substr(slash + 1);
        text = text.substr(0, slash);
      }
      auto colon = text.rfind(':');
      target = colon == std::string::npos ? text : text.substr(colon + 1);
      if (colon != std::string::npos) {
        std::string front = text.substr(0, colon);
        auto ip = front.rfind(':');
        host = ip == std::string::npos ? front : front.substr(ip + 1);
        if (ip != std::string::npos) {
          host_ip = front.substr(0, ip);
        }
      }
    } else {
      return r.wrong(item, "a port must be a number, a string or a mapping");
    }
    auto number = [](const std::string& s) -> std::optional<std::int64_t> {
      if (s.empty() || s.size() > 5 || !std::all_of(s.begin(), s.end(), ::isdigit)) {
        return std::nullopt;
      }
      return std::stoll(s);
    };
    auto container_port = number(target);
    auto host_port = number(host);
    if (!container_port || (!host.empty() && !host_port) ||
        (protocol != "tcp" && protocol != "udp")) {
      // A range (`6000-6005`) is ports ECS cannot map at once; anything else is no port.
      auto range = [&](const std::string& s) {
        auto dash = s.find('-');
        return dash != std::string::npos && number(s.substr(0, dash)) && number(s.substr(dash + 1));
      };
      const std::string& wrong = !container_port ? target : host;
      not_carried(r.diags, r.at(item), container.todos,
                  fmt::format("port `{}`", excerpt(scalar(item))),
                  protocol != "tcp" && protocol != "udp"
                      ? fmt::format("ECS maps TCP or UDP ports, not `{}`", excerpt(protocol))
                  : range(wrong)  ? "ECS maps single TCP or UDP ports; write one mapping per port"
                  : wrong.empty() ? "it names no container port"
                                  : fmt::format("`{}` is not a port number", excerpt(wrong)));
      continue;
    }
    // Compose publishes a port on every address of the machine unless `host_ip` names one: the
    // loopback (`127.0.0.1`), which only that machine reaches, or an address of one network.
    // Neither is the world: such a port is opened to the imported tasks only.
    const bool every_address =
        host_ip.empty() || host_ip == "0.0.0.0" || host_ip == "::" || host_ip == "[::]";
    if (!every_address) {
      const bool loopback = host_ip.starts_with("127.") || host_ip == "::1" || host_ip == "[::1]" ||
                            host_ip == "localhost";
      not_carried(r.diags, r.at(item), container.todos,
                  fmt::format("the host address `{}` of port `{}`", host_ip, scalar(item)),
                  fmt::format("compose publishes it on {}; the security group lets in the "
                              "imported tasks (`from = {}`), not the world: add who else must "
                              "reach it",
                              loopback ? "the loopback address, which only the machine running "
                                         "compose reaches"
                                       : "that address of the machine running compose only",
                              kSecurityGroup));
    }
    std::vector<std::pair<std::string, std::string>> fields{
        {"container", std::to_string(*container_port)}};
    if (host_port) {
      fields.emplace_back("host", std::to_string(*host_port));
    }
    if (protocol != "tcp") {
      fields.emplace_back("protocol", protocol);
    } else if (!port_name.empty() && !served_port) {
      fields.emplace_back("name", quote(port_name));
      served_port = *container_port;
    }
    mappings.push_back(object(fields));
    // Published on every address, with a host port or an ephemeral one: reachable from outside,
    // as in compose.
    program.ingress.push_back({*container_port, protocol, published && every_address});
  }
  if (!mappings.empty()) {
    // `ports` and `expose` add to one list.
    for (auto& [attr, value] : container.attrs) {
      if (attr == "ports") {
        value.pop_back(); // "]"
        for (const auto& m : mappings) {
          value += ", " + m;
        }
        value += "]";
        return true;
      }
    }
    container.set("ports", list(mappings));
  }
  return true;
}

void Importer::volumes(const YAML::Node& items, Block& task, Block& container,
                       const std::string& service) {
  if (!items.IsSequence()) {
    r.wrong(items, "`volumes` of a service must be a list");
    return;
  }
  std::vector<std::string> task_volumes, mounts;
  for (const auto& item : items) {
    std::string type, source, target;
    bool read_only = false;
    if (item.IsScalar()) {
      std::string text = item.Scalar();
      auto first = text.find(':');
      if (first == std::string::npos) {
        target = text;
        type = "volume"; // anonymous
      } else {
        source = text.substr(0, first);
        std::string rest = text.substr(first + 1);
        auto second = rest.find(':');
        target = rest.substr(0, second);
        if (second != std::string::npos) {
          std::string mode = rest.substr(second + 1);
          read_only = mode.find("ro") != std::string::npos;
        }
        bool path = source.starts_with("/") || source.starts_with(".") || source.starts_with("~") ||
                    source.starts_with("$");
        type = path ? "bind" : "volume";
      }
    } else if (item.IsMap()) {
      for (const auto& [key, value] : entries(item)) {
        if (key == "type") {
          type = scalar(value);
        } else if (key == "source") {
          source = scalar(value);
        } else if (key == "target") {
          target = scalar(value);
        } else if (key == "read_only") {
          read_only = scalar(value) == "true";
        } else {
          not_carried(r.diags, r.at(value), container.todos,
                      fmt::format("the volume setting `{}: {}`", key, excerpt(flow(value))),
                      "ECS mount points have no such setting");
        }
      }
    } else {
      r.wrong(item, "a volume must be a string or a mapping");
      continue;
    }
    std::string volume;
    if (type == "volume" && source.empty()) {
      volume = identifier(service + (target.starts_with("/") ? "" : "_") + target); // anonymous
      task_volumes.push_back(object({{"name", quote(volume)}}));
    } else if (type == "volume") {
      volume = source;
      task_volumes.push_back(object({{"name", quote(volume)}}));
      not_carried(r.diags, r.at(item), container.todos,
                  fmt::format("the lasting data of named volume `{}`", source),
                  "an ECS task volume lives and dies with its task; keep data that must last on "
                  "EFS or a managed database");
    } else if (type == "bind" && source.starts_with("/")) {
      volume = identifier(service + source);
      task_volumes.push_back(object({{"name", quote(volume)}, {"host_path", quote(source)}}));
    } else {
      not_carried(
          r.diags, r.at(item), container.todos,
          fmt::format("{} mount `{}`", type.empty() ? "the" : "the " + type, excerpt(scalar(item))),
          type == "bind" ? "it reads files of the machine running compose; bake them "
                           "into the image or use EFS"
                         : "ECS has no such mount type");
      continue;
    }
    if (target.empty()) {
      r.wrong(item, "a volume needs a target path");
      continue;
    }
    std::vector<std::pair<std::string, std::string>> mount{{"volume", quote(volume)},
                                                           {"path", quote(target)}};
    if (read_only) {
      mount.emplace_back("read_only", "true");
    }
    mounts.push_back(object(mount));
  }
  if (!task_volumes.empty()) {
    task.set("volumes", list(task_volumes));
  }
  if (!mounts.empty()) {
    container.set("mount_points", list(mounts));
  }
}

void Importer::health(const YAML::Node& node, Block& container, const std::string& where) {
  if (!node.IsMap()) {
    r.wrong(node, "`healthcheck` must be a mapping");
    return;
  }
  Block check{"health_check", "", {}, {}, {}, {}};
  for (const auto& [key, value] : entries(node)) {
    if (key == "test") {
      std::vector<std::string> command;
      if (value.IsSequence()) {
        for (const auto& v : value) {
          command.push_back(scalar(v));
        }
      } else {
        command = {"CMD-SHELL", scalar(value)};
      }
      if (!command.empty() && command.front() == "NONE") {
        return; // the image's check turned off: ECS runs none unless told
      }
      check.set("command", strings(command));
    } else if (key == "interval" || key == "timeout" || key == "start_period") {
      auto ms = parse_duration(scalar(value));
      if (!ms) {
        r.wrong(value, fmt::format("`{}` is not a duration", excerpt(scalar(value))));
        continue;
      }
      check.set(key, health_check_value(r.diags, r.at(value), key, raw(value), *ms));
    } else if (key == "retries") {
      std::int64_t retries = 0;
      try {
        retries = std::stoll(scalar(value));
      } catch (...) {
        r.wrong(value, fmt::format("`{}` is not a number of retries", excerpt(scalar(value))));
        continue;
      }
      check.set("retries", health_check_value(r.diags, r.at(value), key, raw(value), retries));
    } else if (key == "disable") {
      if (scalar(value) == "true") {
        return;
      }
    } else {
      not_carried(r.diags, r.at(value), container.todos,
                  fmt::format("`healthcheck.{}` of {}", key, where),
                  "ECS health checks have no such setting");
    }
  }
  if (check.has("command")) {
    container.children.push_back(std::move(check));
  }
}

void Importer::logging(const YAML::Node& node, Block& container, const std::string& where) {
  Block log{"log", "", {}, {}, {}, {}};
  const bool awslogs = node["driver"] && scalar(node["driver"]) == "awslogs";
  for (const auto& [key, value] : entries(node)) {
    if (key == "driver") {
      std::string driver = scalar(value);
      std::replace(driver.begin(), driver.end(), '-', '_');
      log.set("driver", identifier(driver));
    } else if (key == "options" && value.IsMap()) {
      // awslogs' group and stream prefix are the `log` block's own attributes (the group one the
      // program creates unless it is declared elsewhere); the region is the stack's.
      std::vector<std::pair<std::string, std::string>> options;
      for (const auto& [k, v] : entries(value)) {
        if (awslogs && k == "awslogs-group") {
          log.set("group", log_group_block(program, scalar(v)));
        } else if (awslogs && k == "awslogs-stream-prefix") {
          log.set("stream_prefix", quote(scalar(v)));
        } else if (awslogs && k == "awslogs-region") {
          if (!region_set) {
            program.region = scalar(v);
            region_set = true;
          } else if (program.region != scalar(v)) {
            not_carried(r.diags, r.at(v), container.todos,
                        fmt::format("`awslogs-region: {}` of {}", scalar(v), where),
                        "a program has one region; the log group is in the stack's");
          }
        } else {
          options.emplace_back(k, quote(scalar(v)));
        }
      }
      if (!options.empty()) {
        log.set("options", object(options));
      }
    } else {
      not_carried(r.diags, r.at(value), container.todos,
                  fmt::format("`logging.{}` of {}", key, where), "ECS has no such log setting");
    }
  }
  container.children.push_back(std::move(log));
}

bool Importer::service(const std::string& source_name, const YAML::Node& node) {
  if (!node.IsMap()) {
    return r.wrong(node, fmt::format("service `{}` must be a mapping", source_name));
  }
  // A name no other service has (`web-app` and `web_app`), nor the VPC: a service `main` would
  // hide `vpc main` from the services' own `main.public_a` (their cluster is searched first).
  auto taken = [&](const std::string& n) {
    return n == kVpc || std::any_of(program.tasks.begin(), program.tasks.end(),
                                    [&](const Block& t) { return t.name == n; });
  };
  std::string name = identifier(source_name);
  for (int n = 2; taken(name); ++n) {
    name = identifier(source_name) + "_" + std::to_string(n);
  }
  std::string where = fmt::format("service `{}`", source_name);
  Block task{"task", name, {fmt::format("compose service `{}`", source_name)}, {}, {}, {}};
  Block container{"container", name, {}, {}, {}, {}};
  Block ecs{"service", name, {}, {}, {}, {}};
  if (name != source_name) {
    // The compose name, which an identifier cannot spell, stays the container's and the service's
    // ECS name.
    container.set("name", quote(source_name));
    ecs.set("name", quote(source_name));
  }
  ecs.set("task", name);
  // Service Connect's names: lowercase letters, digits, `_` and `-` (a port name, 64 at most), and
  // `.` in a client alias's DNS name (E3334).
  std::string dns_name = source_name;
  std::transform(dns_name.begin(), dns_name.end(), dns_name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  port_name = connect ? dns_name.substr(0, 64) : "";
  std::replace(port_name.begin(), port_name.end(), '.', '-');
  served_port.reset();
  std::optional<std::int64_t> cpu, memory, reservation;
  bool has_image = false;
  std::string build;

  auto memory_of = [&](const YAML::Node& value) {
    auto mib = parse_memory(scalar(value));
    if (!mib) {
      r.wrong(value, fmt::format("`{}` is not a memory size", excerpt(scalar(value))));
    }
    return mib;
  };
  auto cpu_of = [&](const YAML::Node& value) -> std::optional<std::int64_t> {
    try {
      double cpus = std::stod(scalar(value));
      if (cpus > 0 && cpus < 1000) {
        return static_cast<std::int64_t>(std::ceil(cpus * 1024));
      }
    } catch (...) {
    }
    r.wrong(value, fmt::format("`{}` is not a number of CPUs", excerpt(scalar(value))));
    return std::nullopt;
  };
  auto string_list = [&](const YAML::Node& value) {
    std::vector<std::string> words;
    if (value.IsSequence()) {
      for (const auto& v : value) {
        words.push_back(scalar(v));
      }
    } else {
      words = shell_words(scalar(value));
    }
    return strings(words);
  };

  for (const auto& [key, value] : entries(node)) {
    // A value compose fills in from the shell: the file does not say what it is. `environment`
    // is judged per variable; a bind mount's source is a TODO of its own.
    if (std::string variable = interpolated(raw(value));
        !variable.empty() && key != "environment" && key != "volumes") {
      not_carried(r.diags, r.at(value), container.todos,
                  fmt::format("`{}: {}`", key, excerpt(raw(value))),
                  fmt::format("compose fills in `${}` from the shell or `.env`; write its value "
                              "here",
                              variable));
      has_image = has_image || key == "image"; // named, if not known: no E0031
      continue;
    }
    if (key == "image") {
      container.set("image", quote(scalar(value)));
      has_image = true;
    } else if (key == "build") {
      build = excerpt(raw(value)); // all of it: a `target` or `args` matter to who builds it
      not_carried(r.diags, r.at(value), container.todos, fmt::format("`build: {}`", build),
                  "ECS runs images from a registry; build and push the image (to ECR), then "
                  "set `image`");
    } else if (key == "command") {
      container.set("command", string_list(value));
    } else if (key == "entrypoint") {
      container.set("entrypoint", string_list(value));
    } else if (key == "environment") {
      std::vector<std::pair<std::string, std::string>> env;
      // `v` as the file spells it; nullopt for a variable without a value (`- NAME`).
      auto add = [&](const std::string& k, const std::optional<std::string>& v,
                     const YAML::Node& at) {
        if (!v) {
          not_carried(r.diags, r.at(at), container.todos, fmt::format("`{}`", k),
                      "its value comes from the shell running compose; set it here or in "
                      "`secrets`");
          return;
        }
        if (std::string variable = interpolated(*v); !variable.empty()) {
          not_carried(r.diags, r.at(at), container.todos, fmt::format("`{}={}`", k, excerpt(*v)),
                      fmt::format("compose fills in `${}` from the shell or `.env`; set the "
                                  "value here or in `secrets`",
                                  variable));
          return;
        }
        std::string text = *v;
        for (std::size_t d = text.find("$$"); d != std::string::npos; d = text.find("$$", d + 1)) {
          text.erase(d, 1);
        }
        env.emplace_back(k, quote(text));
      };
      if (value.IsSequence()) {
        for (const auto& item : value) {
          std::string text = raw(item);
          auto eq = text.find('=');
          add(text.substr(0, eq),
              eq == std::string::npos ? std::nullopt : std::optional(text.substr(eq + 1)), item);
        }
      } else if (value.IsMap()) {
        for (const auto& [k, v] : entries(value)) {
          add(k, v.IsNull() ? std::nullopt : std::optional(raw(v)), v);
        }
      } else {
        return r.wrong(value, "`environment` must be a list or a mapping");
      }
      if (!env.empty()) {
        container.set("environment", object(env));
      }
    } else if (key == "ports" || key == "expose") {
      if (!ports(value, container, key == "ports")) {
        return false;
      }
    } else if (key == "volumes") {
      volumes(value, task, container, name);
    } else if (key == "healthcheck") {
      health(value, container, where);
    } else if (key == "logging" && value.IsMap()) {
      logging(value, container, where);
    } else if (key == "working_dir") {
      container.set("working_dir", quote(scalar(value)));
    } else if (key == "user") {
      container.set("user", quote(scalar(value)));
    } else if (key == "read_only" || key == "privileged" || key == "init" || key == "stdin_open" ||
               key == "tty") {
      const char* attr = key == "read_only"    ? "readonly_root_filesystem"
                         : key == "init"       ? "init_process"
                         : key == "stdin_open" ? "interactive"
                         : key == "tty"        ? "pseudo_terminal"
                                               : "privileged";
      container.set(attr, scalar(value) == "true" ? "true" : "false");
    } else if (key == "labels" && (value.IsMap() || value.IsSequence())) {
      std::vector<std::pair<std::string, std::string>> labels;
      if (value.IsMap()) {
        for (const auto& [k, v] : entries(value)) {
          labels.emplace_back(k, quote(scalar(v)));
        }
      } else {
        for (const auto& item : value) {
          std::string text = scalar(item);
          auto eq = text.find('=');
          labels.emplace_back(text.substr(0, eq),
                              quote(eq == std::string::npos ? "" : text.substr(eq + 1)));
        }
      }
      container.set("docker_labels", object(labels));
    } else if ((key == "cap_add" || key == "cap_drop") && value.IsSequence()) {
      // `SYS_PTRACE` or `CAP_SYS_PTRACE`: ECL's `sys_ptrace`. Both lists make one attribute, set
      // at the first of them.
      if (container.has("capabilities")) {
        continue;
      }
      std::vector<std::pair<std::string, std::string>> sides;
      for (const char* side : {"cap_add", "cap_drop"}) {
        std::vector<std::string> names;
        for (const auto& item : node[side] ? node[side] : YAML::Node()) {
          std::string cap = scalar(item);
          std::transform(cap.begin(), cap.end(), cap.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          if (cap.rfind("cap_", 0) == 0) {
            cap.erase(0, 4);
          }
          if (!is_identifier(cap)) {
            return r.wrong(item, fmt::format("`{}` is a Linux capability such as SYS_PTRACE, "
                                             "not {}",
                                             side, excerpt(raw(item))));
          }
          names.push_back(cap);
        }
        if (!names.empty()) {
          sides.emplace_back(side == std::string("cap_add") ? "add" : "drop", list(names));
        }
      }
      container.set("capabilities", object(sides));
    } else if (key == "shm_size") {
      if (auto mib = parse_memory(scalar(value))) {
        container.set("shared_memory", memory_mib(std::max<std::int64_t>(1, *mib)));
      } else {
        not_carried(r.diags, r.at(value), container.todos,
                    fmt::format("`shm_size: {}`", excerpt(raw(value))), "not a size");
      }
    } else if (key == "ulimits" && value.IsMap()) {
      // `nofile: 20000` (soft and hard) or `nofile: {soft: 20000, hard: 40000}`.
      std::vector<std::string> limits;
      for (const auto& [limit, amount] : entries(value)) {
        std::string soft = amount.IsMap() && amount["soft"] ? scalar(amount["soft"]) : raw(amount);
        std::string hard = amount.IsMap() && amount["hard"] ? scalar(amount["hard"]) : raw(amount);
        bool numbers = !soft.empty() && !hard.empty() &&
                       std::all_of(soft.begin(), soft.end(), ::isdigit) &&
                       std::all_of(hard.begin(), hard.end(), ::isdigit);
        if (!numbers || !is_identifier(limit)) {
          not_carried(r.diags, r.at(amount), container.todos,
                      fmt::format("`ulimits.{}: {}`", limit, excerpt(raw(amount))),
                      "an ECS ulimit is a name with a soft and a hard number");
          continue;
        }
        limits.push_back(object({{"name", limit}, {"soft", soft}, {"hard", hard}}));
      }
      if (!limits.empty()) {
        container.set("ulimits", list(limits));
      }
    } else if (key == "stop_grace_period") {
      if (auto ms = parse_duration(scalar(value))) {
        container.set("stop_timeout", duration_ms(*ms));
      } else {
        r.wrong(value, fmt::format("`{}` is not a duration", excerpt(scalar(value))));
      }
    } else if (key == "platform") {
      std::string platform = scalar(value);
      if (platform.find("arm64") != std::string::npos) {
        task.set("cpu_architecture", "arm64");
      } else if (platform.find("amd64") == std::string::npos) {
        not_carried(r.diags, r.at(value), task.todos, fmt::format("`platform: {}`", platform),
                    "ECS runs linux/amd64 (x86_64) or linux/arm64");
      }
    } else if (key == "cpus") {
      cpu = cpu_of(value);
    } else if (key == "mem_limit") {
      memory = memory_of(value);
    } else if (key == "mem_reservation") {
      reservation = memory_of(value);
    } else if (key == "deploy" && value.IsMap()) {
      for (const auto& [k, v] : entries(value)) {
        if (k == "replicas") {
          ecs.set("desired", scalar(v));
        } else if (k == "resources" && v.IsMap()) {
          for (const auto& [kind, limits] : entries(v)) {
            for (const auto& [what, amount] : entries(limits)) {
              if (what == "cpus" && kind == "limits") {
                cpu = cpu_of(amount);
              } else if (what == "memory") {
                (kind == "limits" ? memory : reservation) = memory_of(amount);
              } else {
                not_carried(r.diags, r.at(amount), container.todos,
                            fmt::format("`deploy.resources.{}.{}`", kind, what),
                            "ECS reserves CPU and memory, and GPUs on EC2 only");
              }
            }
          }
        } else {
          not_carried(r.diags, r.at(v), ecs.todos,
                      fmt::format("`deploy.{}: {}`", k, excerpt(flow(v))),
                      "set the ECS service's own deployment and placement");
        }
      }
    } else if (key == "restart") {
      std::string policy = scalar(value);
      if (policy == "no" || policy == "\"no\"") {
        not_carried(r.diags, r.at(value), ecs.todos, "`restart: no`",
                    "an ECS service always replaces stopped tasks; run a one-off task instead");
      } // always, unless-stopped, on-failure: what a service does
    } else if (key == "depends_on") {
      not_carried(r.diags, r.at(value), ecs.todos,
                  fmt::format("`depends_on: {}`", excerpt(flow(value))),
                  "each compose service is an ECS service of its own, and ECS starts services "
                  "independently; make the application retry until what it needs is up");
    } else if (key == "container_name") {
      not_carried(r.diags, r.at(value), container.todos,
                  fmt::format("`container_name: {}`", scalar(value)),
                  "the container is named after the block");
    } else {
      not_carried(r.diags, r.at(value), container.todos,
                  fmt::format("`{}: {}`", key, excerpt(flow(value))), why_not(key));
    }
  }
  if (!has_image && build.empty()) {
    return r.wrong(node, fmt::format("service `{}` has neither `image` nor `build`", source_name));
  }
  if (memory) {
    container.set("memory", memory_mib(*memory));
  }
  if (reservation) {
    container.set("memory_reservation", memory_mib(*reservation));
  }
  if (cpu) {
    container.set("cpu", std::to_string(*cpu));
  }
  // Fargate needs a task size; the smallest that holds the container (compose sets none
  // by default, and the smallest Fargate size is 0.25 vCPU with 512 MiB).
  auto [task_cpu, task_mib] =
      fargate_size(cpu.value_or(256), memory.value_or(reservation.value_or(512)));
  task.set("cpu", std::to_string(task_cpu));
  task.set("memory", memory_mib(task_mib));
  std::rotate(task.attrs.begin(), task.attrs.end() - 2, task.attrs.end()); // size first
  task.children.push_back(std::move(container));
  if (connect) {
    // A service without a port only calls the others (a client of the namespace).
    Block sc{"service_connect", "", {}, {}, {}, {}};
    if (served_port) {
      sc.set("services",
             list({object({{"port_name", quote(port_name)},
                           {"client_aliases", list({object({{"port", std::to_string(*served_port)},
                                                            {"dns_name", quote(dns_name)}})})}})}));
    } else {
      unserved.push_back(fmt::format("`{}`", source_name));
    }
    ecs.children.push_back(std::move(sc));
  }
  program.tasks.push_back(std::move(task));
  program.services.push_back(std::move(ecs));
  return true;
}

} // namespace

bool import_compose(const SourceFile& file, FileId id, Diagnostics& diags, Program& program) {
  YAML::Node root;
  if (!load_yaml(file, id, diags, root)) {
    return false;
  }
  Importer im{{file, id, diags}, {}, {}, {}, false, false, {}, {}, {}};
  im.connect = root["services"] && root["services"].IsMap() && root["services"].size() > 1;
  if (!root.IsMap() || !root["services"] || !root["services"].IsMap()) {
    return im.r.wrong(root, "not a compose file: it has no `services` mapping");
  }
  im.program.header.push_back(
      fmt::format("Imported by `eclc import compose` from {}.", file.path()));
  std::string stem = file.path();
  stem = stem.substr(stem.find_last_of('/') + 1);
  stem = stem.substr(0, stem.find('.'));
  im.program.stack = identifier(stem == "compose" || stem == "docker-compose" ? "app" : stem);
  for (const auto& [key, value] : entries(root)) {
    if (key == "name") {
      im.program.stack = identifier(scalar(value));
    } else if (key == "volumes" && value.IsMap()) {
      for (const auto& [volume, settings] : entries(value)) {
        // `driver: local` is compose's default, which a task volume is: nothing to say.
        if (!settings.IsMap()) {
          continue;
        }
        std::string said;
        for (const auto& [k, v] : entries(settings)) {
          if (k != "driver" || scalar(v) != "local") {
            said += (said.empty() ? "" : ", ") + k + ": " + flow(v);
          }
        }
        if (!said.empty()) {
          not_carried(diags, im.r.at(settings), im.program.todos,
                      fmt::format("the settings of volume `{}` ({})", volume, excerpt(said)),
                      "ECS task volumes take no driver options; use EFS");
        }
      }
    } else if (key == "networks" || key == "secrets" || key == "configs") {
      not_carried(diags, im.r.at(value), im.program.todos,
                  fmt::format("the top-level `{}: {}`", key, excerpt(flow(value))),
                  key == "networks"  ? why_not("networks")
                  : key == "configs" ? why_not("configs")
                                     : why_not("secrets"));
    } else if (key != "services" && key != "version" && !key.starts_with("x-")) {
      not_carried(diags, im.r.at(value), im.program.todos, fmt::format("the top-level `{}`", key),
                  "it is not part of the Compose Specification eclc reads");
    }
  }
  for (const auto& [name, node] : entries(root["services"])) {
    if (!im.service(name, node)) {
      return false;
    }
  }
  if (im.connect) {
    // Compose puts every service on a default network where the others reach it by name (`db`,
    // `db:5432`): Service Connect in an HTTP namespace of the stack's name, the cluster's.
    std::string ns = im.program.stack;
    while (std::any_of(im.program.tasks.begin(), im.program.tasks.end(),
                       [&](const Block& t) { return t.name == ns; })) {
      ns += "_ns";
    }
    Block block{"namespace", ns, {"Service Connect: the services reach each other by name"},
                {},          {}, {}};
    im.program.namespaces.push_back(std::move(block));
    im.program.cluster_attrs.emplace_back("service_connect_namespace", ns);
    // A service with no port declared is not served by name: compose reaches any port of it.
    if (!im.unserved.empty()) {
      std::string names;
      for (const std::string& n : im.unserved) {
        names += (names.empty() ? "" : ", ") + n;
      }
      not_carried(diags, im.r.at(root["services"]), im.program.todos,
                  fmt::format("compose's default network for {}, which declare{} no port,", names,
                              im.unserved.size() == 1 ? "s" : ""),
                  "Service Connect serves a service by name on a port it declares; if others call "
                  "it, add that port under `expose` (or to its container, with a `name`, and to "
                  "its `service_connect`)");
    }
  }
  program = std::move(im.program);
  return true;
}

} // namespace ecl::import
