// A task definition's JSON → ECL: the input of `aws ecs register-task-definition
// --cli-input-json` or the output of `aws ecs describe-task-definition` (the same object under
// `taskDefinition`). Members are those of the ECS API's TaskDefinition and ContainerDefinition:
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
#include "compiler/import/importers.h"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

namespace ecl::import {
namespace {

using nlohmann::json;

// What describe-task-definition reports that nobody sets: kept as a comment, in this order, not
// warned about.
const std::vector<std::string> kReadOnly = {"taskDefinitionArn",  "revision",        "status",
                                            "requiresAttributes", "compatibilities", "registeredAt",
                                            "registeredBy",       "deregisteredAt"};

// What a member ECL has takes, where the source's value is of another type (`"cpu": "lots"`):
// the TODO says so rather than that ECL has no such setting.
const std::map<std::string, std::string> kContainerTypes = {
    {"cpu", "a whole number (of CPU units)"},
    {"memory", "a whole number (of MiB)"},
    {"memoryReservation", "a whole number (of MiB)"},
    {"essential", "true or false"},
    {"stopTimeout", "a whole number (of seconds)"},
    {"startTimeout", "a whole number (of seconds)"},
    {"portMappings", "a list"},
    {"environment", "a list"},
    {"secrets", "a list"},
    {"dependsOn", "a list"},
    {"ulimits", "a list"},
    {"mountPoints", "a list"},
    {"volumesFrom", "a list"},
    {"linuxParameters", "an object"},
    {"dockerLabels", "an object"},
    {"healthCheck", "an object"},
    {"logConfiguration", "an object"},
    {"restartPolicy", "an object"},
    {"firelensConfiguration", "an object"}};
const std::map<std::string, std::string> kTaskTypes = {
    {"cpu", "a number of CPU units (`1024`) or of vCPU (`\"1 vCPU\"`)"},
    {"memory", "a number of MiB (`2048`) or of GB (`\"2 GB\"`)"},
    {"executionRoleArn", "an ARN"},
    {"taskRoleArn", "an ARN"},
    {"requiresCompatibilities", "a list"},
    {"runtimePlatform", "an object"},
    {"ephemeralStorage", "an object with `sizeInGiB`"},
    {"volumes", "a list"},
    {"tags", "a list"}};

struct Reader {
  const SourceFile& file;
  FileId id;
  Diagnostics& diags;

  // nlohmann keeps no positions: the first `"key"` at or after `from`, which is where the member
  // is in any file a person or the CLI wrote.
  Range find(const std::string& key, std::uint32_t from = 0) const {
    std::string needle = json(key).dump();
    auto at = file.text().find(needle, std::min<std::size_t>(from, file.text().size()));
    if (at == std::string::npos) {
      return {id, from, from};
    }
    return {id, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
  }
  bool wrong(Range where, const std::string& message) {
    diags.report(Diag::ImportWrongShape, where, message);
    return false;
  }
};

bool empty(const json& v) {
  return v.is_null() || ((v.is_array() || v.is_object() || v.is_string()) && v.empty());
}

std::string text(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

std::optional<std::int64_t> integer(const json& v) {
  if (v.is_number_integer()) {
    return v.get<std::int64_t>();
  }
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (!s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), ::isdigit)) {
      return std::stoll(s);
    }
  }
  return std::nullopt;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A task's cpu (units) or memory (MiB), as ECS takes them: a number, or text with the unit
// (`"1 vCPU"`, `"0.25 vcpu"`; `"2 GB"`, which ECS reads as GiB). nullopt for anything else.
std::optional<std::int64_t> task_size(const json& v, std::string_view unit) {
  if (auto n = integer(v)) {
    return n;
  }
  if (!v.is_string()) {
    return std::nullopt;
  }
  std::string s = lower(v.get<std::string>());
  std::erase(s, ' ');
  if (!s.ends_with(unit)) {
    return std::nullopt;
  }
  s.resize(s.size() - unit.size());
  char* end = nullptr;
  double amount = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || amount <= 0 || amount > 1024) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(amount * 1024 + 0.5);
}

// A member describe-task-definition reports, for the comment: words a comment can wrap (`[EC2,
// FARGATE]`), an attribute by its name.
std::string described_text(const json& v) {
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      out += (out.empty() ? "" : ", ") + described_text(item);
    }
    return "[" + out + "]";
  }
  if (v.is_object() && v.contains("name")) {
    return text(v["name"]);
  }
  return excerpt(text(v));
}

std::string strings(const json& v) {
  std::vector<std::string> items;
  for (const auto& item : v) {
    items.push_back(quote(text(item)));
  }
  return list(items);
}

// Values that the program spells without quotes (numbers, enum members, booleans) are checked to
// be one before they are written: the source's text is never pasted into the program as code.
// nullopt after reporting E0031 at `key` (the first at or after `from`).
std::optional<std::string> number(Reader& r, const json& v, const std::string& key,
                                  std::uint32_t from) {
  if (auto n = integer(v)) {
    return std::to_string(*n);
  }
  r.wrong(r.find(key, from), fmt::format("`{}` is a whole number, not {}", key, excerpt(v.dump())));
  return std::nullopt;
}

// An enum member (`udp`, `awsvpc`, `arm64`, `nofile`): the source's word in lower case.
std::optional<std::string> word(Reader& r, const json& v, const std::string& key,
                                std::uint32_t from) {
  std::string w = v.is_string() ? lower(v.get<std::string>()) : "";
  if (is_identifier(w)) {
    return w;
  }
  r.wrong(r.find(key, from), fmt::format("`{}` is one word of letters, digits and `_`, not {}", key,
                                         excerpt(v.dump())));
  return std::nullopt;
}

std::optional<std::string> boolean(Reader& r, const json& v, const std::string& key,
                                   std::uint32_t from) {
  if (v.is_boolean()) {
    return v.dump();
  }
  r.wrong(r.find(key, from), fmt::format("`{}` is true or false, not {}", key, excerpt(v.dump())));
  return std::nullopt;
}

struct Importer {
  Reader r;
  Program program;
  std::string region;
  // Each container's block name by its ECS name, for `dependsOn` (filled before the containers).
  std::map<std::string, std::string> blocks;

  void name_blocks(const json& containers);
  bool container(const json& c, Block& task);
};

// Two ECS names can make one identifier (`web-app`, `web_app`): the second block is `web_app_2`.
void Importer::name_blocks(const json& containers) {
  std::set<std::string> taken;
  for (const auto& c : containers) {
    if (!c.is_object() || !c.contains("name") || !c["name"].is_string()) {
      continue; // container() reports it
    }
    std::string source = c["name"].get<std::string>();
    std::string name = identifier(source);
    for (int n = 2; taken.contains(name); ++n) {
      name = identifier(source) + "_" + std::to_string(n);
    }
    taken.insert(name);
    blocks.emplace(source, name);
  }
}

bool Importer::container(const json& c, Block& task) {
  if (!c.is_object() || !c.contains("name") || !c["name"].is_string()) {
    return r.wrong(r.find("containerDefinitions"),
                   "each of `containerDefinitions` must be an object with a `name`");
  }
  std::string source_name = c["name"].get<std::string>();
  std::uint32_t here = r.find(source_name, r.find("containerDefinitions").begin).begin;
  std::string name = blocks.contains(source_name) ? blocks[source_name] : identifier(source_name);
  Block b{"container", name, {}, {}, {}, {}};
  if (name != source_name) {
    b.set("name", quote(source_name)); // the ECS name, which an identifier cannot spell
  }
  auto todo = [&](const std::string& key, const json& value, const std::string& why) {
    not_carried(r.diags, r.find(key, here), b.todos,
                fmt::format("`{}: {}`", key, excerpt(value.dump())), why);
  };
  for (const auto& [key, value] : c.items()) {
    if (key == "name" || empty(value)) {
      continue;
    }
    if (key == "image") {
      b.set("image", quote(text(value)));
    } else if (key == "cpu" && integer(value)) {
      b.set("cpu", std::to_string(*integer(value)));
    } else if ((key == "memory" || key == "memoryReservation") && integer(value)) {
      b.set(key == "memory" ? "memory" : "memory_reservation", memory_mib(*integer(value)));
    } else if (key == "essential" && value.is_boolean()) {
      if (!value.get<bool>()) {
        b.set("essential", "false");
      }
    } else if (key == "portMappings" && value.is_array()) {
      std::vector<std::string> ports;
      for (const auto& p : value) {
        std::vector<std::pair<std::string, std::string>> fields;
        std::optional<std::int64_t> container_port;
        std::string protocol = "tcp"; // ECS's default
        for (const auto& [k, v] : p.items()) {
          if (k == "containerPort" || k == "hostPort") {
            auto port = number(r, v, k, here);
            if (!port) {
              return false;
            }
            if (k == "hostPort") {
              fields.emplace_back("host", *port);
            } else {
              fields.insert(fields.begin(), {"container", *port});
              container_port = integer(v);
            }
          } else if (k == "protocol" || k == "appProtocol") {
            auto member = word(r, v, k, here);
            if (!member) {
              return false;
            }
            if (k == "protocol") {
              protocol = *member;
            }
            if (*member != "tcp") {
              fields.emplace_back(k == "protocol" ? "protocol" : "app_protocol", *member);
            }
          } else if (k == "name") {
            fields.emplace_back("name", quote(text(v)));
          } else {
            todo("portMappings", p, fmt::format("ECL port mappings have no `{}`", k));
          }
        }
        if (container_port) {
          // The other tasks reach the port over its own protocol (a UDP daemon's 2000/udp).
          program.ingress.push_back({*container_port, protocol, false});
        }
        ports.push_back(object(fields));
      }
      b.set("ports", list(ports));
    } else if ((key == "environment" || key == "secrets") && value.is_array()) {
      std::vector<std::pair<std::string, std::string>> env;
      for (const auto& e : value) {
        const char* field = key == "environment" ? "value" : "valueFrom";
        if (!e.is_object() || !e.contains("name") || !e.contains(field)) {
          return r.wrong(r.find(key, here),
                         fmt::format("each of `{}` needs `name` and `{}`", key, field));
        }
        env.emplace_back(text(e["name"]), quote(text(e[field])));
      }
      b.set(key, object(env));
    } else if (key == "command" || key == "entryPoint") {
      b.set(key == "command" ? "command" : "entrypoint", strings(value));
    } else if (key == "workingDirectory" || key == "user") {
      b.set(key == "user" ? "user" : "working_dir", quote(text(value)));
    } else if (key == "dependsOn" && value.is_array()) {
      std::vector<std::string> deps;
      for (const auto& d : value) {
        auto condition = d.is_object()
                             ? word(r, d.value("condition", json("START")), "condition", here)
                             : std::nullopt;
        if (!condition) {
          return d.is_object() || r.wrong(r.find(key, here), "each of `dependsOn` is an object");
        }
        std::string other = text(d.value("containerName", json()));
        deps.push_back(
            object({{"container", blocks.contains(other) ? blocks[other] : identifier(other)},
                    {"condition", *condition}}));
      }
      b.set("depends_on", list(deps));
    } else if (key == "readonlyRootFilesystem" || key == "privileged" || key == "interactive" ||
               key == "pseudoTerminal") {
      const char* attr = key == "readonlyRootFilesystem" ? "readonly_root_filesystem"
                         : key == "pseudoTerminal"       ? "pseudo_terminal"
                                                         : key.c_str();
      auto flag = boolean(r, value, key, here);
      if (!flag) {
        return false;
      }
      b.set(attr, *flag);
    } else if (key == "linuxParameters" && value.is_object()) {
      for (const auto& [k, v] : value.items()) {
        if (k == "initProcessEnabled") {
          auto flag = boolean(r, v, k, here);
          if (!flag) {
            return false;
          }
          b.set("init_process", *flag);
        } else if (k == "capabilities" && v.is_object()) {
          std::vector<std::pair<std::string, std::string>> fields;
          for (const char* side : {"add", "drop"}) {
            std::vector<std::string> names;
            for (const auto& cap : v.value(side, json::array())) {
              auto member = word(r, cap, side, here);
              if (!member) {
                return false;
              }
              names.push_back(*member);
            }
            if (!names.empty()) {
              fields.emplace_back(side, list(names));
            }
          }
          b.set("capabilities", object(fields));
        } else if (k == "sharedMemorySize" && integer(v)) {
          b.set("shared_memory", memory_mib(*integer(v)));
        } else if (k == "tmpfs" && v.is_array()) {
          std::vector<std::string> mounts;
          for (const auto& t : v) {
            auto size = number(r, t.value("size", json(0)), "size", here);
            if (!size) {
              return false;
            }
            std::vector<std::pair<std::string, std::string>> fields{
                {"path", quote(text(t.value("containerPath", json(""))))},
                {"size", memory_mib(std::stoll(*size))}};
            if (!empty(t.value("mountOptions", json()))) {
              fields.emplace_back("options", strings(t["mountOptions"]));
            }
            mounts.push_back(object(fields));
          }
          b.set("tmpfs", list(mounts));
        } else if (k == "devices" && v.is_array()) {
          std::vector<std::string> devices;
          for (const auto& d : v) {
            std::vector<std::pair<std::string, std::string>> fields{
                {"host_path", quote(text(d.value("hostPath", json(""))))}};
            if (d.contains("containerPath")) {
              fields.emplace_back("container_path", quote(text(d["containerPath"])));
            }
            std::vector<std::string> permissions;
            for (const auto& perm : d.value("permissions", json::array())) {
              auto member = word(r, perm, "permissions", here);
              if (!member) {
                return false;
              }
              permissions.push_back(*member);
            }
            if (!permissions.empty()) {
              fields.emplace_back("permissions", list(permissions));
            }
            devices.push_back(object(fields));
          }
          b.set("devices", list(devices));
        } else if (!empty(v)) {
          todo("linuxParameters", json{{k, v}}, "ECL has no such Linux parameter");
        }
      }
    } else if (key == "ulimits" && value.is_array()) {
      std::vector<std::string> limits;
      for (const auto& u : value) {
        if (!u.is_object()) {
          return r.wrong(r.find(key, here), "each of `ulimits` is an object");
        }
        auto limit = word(r, u.value("name", json("")), "name", r.find(key, here).begin);
        auto soft = limit ? number(r, u.value("softLimit", json(0)), "softLimit", here) : name;
        auto hard = soft ? number(r, u.value("hardLimit", json(0)), "hardLimit", here) : soft;
        if (!hard) {
          return false;
        }
        limits.push_back(object({{"name", *limit}, {"soft", *soft}, {"hard", *hard}}));
      }
      b.set("ulimits", list(limits));
    } else if (key == "mountPoints" && value.is_array()) {
      std::vector<std::string> mounts;
      for (const auto& m : value) {
        std::vector<std::pair<std::string, std::string>> fields{
            {"volume", quote(text(m.value("sourceVolume", json(""))))},
            {"path", quote(text(m.value("containerPath", json(""))))}};
        if (m.value("readOnly", false)) {
          fields.emplace_back("read_only", "true");
        }
        mounts.push_back(object(fields));
      }
      b.set("mount_points", list(mounts));
    } else if ((key == "stopTimeout" || key == "startTimeout") && integer(value)) {
      b.set(key == "stopTimeout" ? "stop_timeout" : "start_timeout",
            fmt::format("{}s", *integer(value)));
    } else if (key == "dockerLabels" && value.is_object()) {
      std::vector<std::pair<std::string, std::string>> labels;
      for (const auto& [k, v] : value.items()) {
        labels.emplace_back(k, quote(text(v)));
      }
      b.set("docker_labels", object(labels));
    } else if (key == "healthCheck" && value.is_object()) {
      Block check{"health_check", "", {}, {}, {}, {}};
      for (const auto& [k, v] : value.items()) {
        if (k == "command") {
          check.set("command", strings(v));
        } else if (k == "interval" || k == "timeout" || k == "startPeriod" || k == "retries") {
          auto n = number(r, v, k, here);
          if (!n) {
            return false;
          }
          check.set(k == "startPeriod" ? "start_period" : k, k == "retries" ? *n : *n + "s");
        } else {
          todo("healthCheck", json{{k, v}}, "ECL's health check has no such setting");
        }
      }
      b.children.push_back(std::move(check));
    } else if (key == "logConfiguration" && value.is_object()) {
      Block log{"log", "", {}, {}, {}, {}};
      std::string driver = lower(text(value.value("logDriver", json("awslogs"))));
      std::replace(driver.begin(), driver.end(), '-', '_');
      if (driver != "awslogs") {
        log.set("driver", identifier(driver));
      }
      std::vector<std::pair<std::string, std::string>> options;
      const json options_in = value.value("options", json::object());
      for (const auto& [k, v] : options_in.items()) {
        if (driver == "awslogs" && k == "awslogs-group") {
          log.set("group", log_group_block(program, text(v)));
        } else if (driver == "awslogs" && k == "awslogs-stream-prefix") {
          log.set("stream_prefix", quote(text(v)));
        } else if (driver == "awslogs" && k == "awslogs-region") {
          if (region.empty()) {
            region = text(v); // the program's region: the log group's
          } else if (region != text(v)) {
            todo("awslogs-region", v, "a program has one region; the log group is in the stack's");
          }
        } else {
          options.emplace_back(k, quote(text(v)));
        }
      }
      if (!options.empty()) {
        log.set("options", object(options));
      }
      if (value.contains("secretOptions") && !empty(value["secretOptions"])) {
        todo("secretOptions", value["secretOptions"], "ECL's `log` has no secret options");
      }
      b.children.push_back(std::move(log));
    } else if (key == "restartPolicy" && value.is_object()) {
      auto enabled = boolean(r, value.value("enabled", json(false)), "enabled", here);
      if (!enabled) {
        return false;
      }
      std::vector<std::pair<std::string, std::string>> fields{{"enabled", *enabled}};
      std::vector<std::string> codes;
      for (const auto& code : value.value("ignoredExitCodes", json::array())) {
        auto n = number(r, code, "ignoredExitCodes", here);
        if (!n) {
          return false;
        }
        codes.push_back(*n);
      }
      if (!codes.empty()) {
        fields.emplace_back("ignored_exit_codes", list(codes));
      }
      if (auto period = integer(value.value("restartAttemptPeriod", json()))) {
        fields.emplace_back("attempt_period", fmt::format("{}s", *period));
      }
      b.set("restart", object(fields));
    } else if (key == "volumesFrom" && value.is_array()) {
      std::vector<std::string> from;
      for (const auto& v : value) {
        std::string other = text(v.value("sourceContainer", json("")));
        std::vector<std::pair<std::string, std::string>> fields{
            {"container", blocks.contains(other) ? blocks[other] : identifier(other)}};
        if (v.value("readOnly", false)) {
          fields.emplace_back("read_only", "true");
        }
        from.push_back(object(fields));
      }
      b.set("volumes_from", list(from));
    } else if (key == "firelensConfiguration" && value.is_object()) {
      auto type = word(r, value.value("type", json("")), "type", here);
      if (!type) {
        return false;
      }
      std::vector<std::pair<std::string, std::string>> fields{{"type", *type}};
      std::vector<std::pair<std::string, std::string>> options;
      const json given = value.value("options", json::object());
      for (const auto& [k, v] : given.items()) {
        options.emplace_back(k, quote(text(v)));
      }
      if (!options.empty()) {
        fields.emplace_back("options", object(options));
      }
      b.set("firelens", object(fields));
    } else if (auto expected = kContainerTypes.find(key); expected != kContainerTypes.end()) {
      todo(key, value, fmt::format("its value is not {}", expected->second));
    } else {
      todo(key, value,
           key == "links" ? "ECL has no `links`; the containers of a task reach each other on "
                            "localhost under `awsvpc`, and through their host ports under `bridge`"
                          : "ECL has no such container setting");
    }
  }
  if (!c.contains("logConfiguration") || empty(c["logConfiguration"])) {
    // Registered without one, the container's output goes to no log ECS configures; ECL's default
    // would be awslogs to the task's generated group (E3122 beside a declared group of that name).
    Block none{"log", "", {}, {}, {}, {}};
    none.set("driver", "none");
    b.children.push_back(std::move(none));
  }
  task.children.push_back(std::move(b));
  return true;
}

} // namespace

bool import_task_definition(const SourceFile& file, FileId id, Diagnostics& diags,
                            Program& program) {
  json doc;
  try {
    doc = json::parse(file.text());
  } catch (const json::parse_error& e) {
    auto at = static_cast<std::uint32_t>(
        std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, file.text().size()));
    std::string message = e.what();
    if (auto colon = message.find("syntax error"); colon != std::string::npos) {
      message = message.substr(colon);
    }
    diags.report(Diag::ImportMalformed, Range{id, at, at}, "JSON", message);
    return false;
  }
  Importer im{{file, id, diags}, {}, {}, {}};
  bool described = doc.is_object() && doc.contains("taskDefinition");
  const json& td = described ? doc["taskDefinition"] : doc;
  if (!td.is_object() || !td.contains("containerDefinitions") ||
      !td["containerDefinitions"].is_array()) {
    return im.r.wrong({id, 0, 0}, "not a task definition: it has no `containerDefinitions` list");
  }
  std::string family =
      td.value("family", json("")).is_string() ? td.value("family", std::string()) : std::string();
  Program& p = im.program;
  p.header.push_back(fmt::format("Imported by `eclc import task-definition` from {}{}.",
                                 file.path(), described ? " (describe-task-definition)" : ""));
  std::string name = identifier(family.empty() ? "task" : family); // `family` keeps the source's
  p.stack = name;
  Block task{"task", name, {}, {}, {}, {}};
  if (!family.empty()) {
    task.set("family", quote(family));
  }
  // The API's defaults, which are not ECL's: without `requiresCompatibilities` a task definition
  // is for EC2, and without `networkMode` it uses `bridge` (on Linux).
  std::vector<std::string> compat{"ec2"};
  std::string mode = "bridge";
  // ECS's tags, `[{"key": "team", "value": "billing"}]`: false for anything else.
  std::vector<std::pair<std::string, std::string>> tags;
  auto add_tags = [&](const json& value) {
    if (!value.is_array() ||
        !std::all_of(value.begin(), value.end(), [](const json& t) { return t.is_object(); })) {
      return false;
    }
    for (const auto& t : value) {
      tags.emplace_back(text(t.value("key", json(""))), quote(text(t.value("value", json("")))));
    }
    return true;
  };
  // describe-task-definition's answer holds the task definition's tags (`--include TAGS`) beside
  // it; anything else there is no part of a task.
  if (described) {
    for (const auto& [key, value] : doc.items()) {
      if (key == "taskDefinition" || empty(value) || (key == "tags" && add_tags(value))) {
        continue;
      }
      not_carried(diags, im.r.find(key), p.todos,
                  fmt::format("`{}: {}`", key, excerpt(value.dump())),
                  key == "tags" ? "ECS's tags are a list of `key` and `value` objects"
                                : "describe-task-definition answers it beside the task definition, "
                                  "and it is no setting of one");
    }
  }
  for (const auto& [key, value] : td.items()) {
    if (std::find(kReadOnly.begin(), kReadOnly.end(), key) != kReadOnly.end()) {
      continue;
    }
    if (key == "family" || key == "containerDefinitions" || empty(value)) {
      continue;
    }
    // By init-capture: clang before 16 cannot capture a structured binding.
    auto todo = [&, &key = key, &value = value](const std::string& why) {
      not_carried(diags, im.r.find(key), task.todos,
                  fmt::format("`{}: {}`", key, excerpt(value.dump())), why);
    };
    if (key == "cpu" && task_size(value, "vcpu")) {
      task.set("cpu", std::to_string(*task_size(value, "vcpu")));
    } else if (key == "memory" && task_size(value, "gb")) {
      task.set("memory", memory_mib(*task_size(value, "gb")));
    } else if (key == "networkMode") {
      auto member = word(im.r, value, key, 0);
      if (!member) {
        return false;
      }
      mode = *member;
      task.set("network_mode", mode);
    } else if (key == "requiresCompatibilities" && value.is_array()) {
      compat.clear();
      for (const auto& c : value) {
        auto member = word(im.r, c, key, 0);
        if (!member) {
          return false;
        }
        compat.push_back(*member);
      }
      task.set("compatibilities", list(compat));
    } else if ((key == "executionRoleArn" || key == "taskRoleArn") && value.is_string()) {
      task.set(key == "taskRoleArn" ? "task_role" : "execution_role", quote(text(value)));
    } else if (key == "runtimePlatform" && value.is_object()) {
      for (const auto& [k, v] : value.items()) {
        if (k == "cpuArchitecture") {
          auto member = word(im.r, v, k, 0);
          if (!member) {
            return false;
          }
          task.set("cpu_architecture", *member);
        } else if (k != "operatingSystemFamily" || text(v) != "LINUX") {
          todo("ECL tasks run Linux, on x86_64 or arm64");
        }
      }
    } else if (key == "pidMode" || key == "ipcMode") {
      auto member = word(im.r, value, key, 0);
      if (!member) {
        return false;
      }
      task.set(key == "pidMode" ? "pid_mode" : "ipc_mode", *member);
    } else if (key == "ephemeralStorage" && value.is_object() && value.contains("sizeInGiB")) {
      auto size = number(im.r, value["sizeInGiB"], "sizeInGiB", 0);
      if (!size) {
        return false;
      }
      task.set("ephemeral_storage", *size + "GiB");
    } else if (key == "volumes" && value.is_array()) {
      std::vector<std::string> volumes;
      for (const auto& v : value) {
        std::vector<std::pair<std::string, std::string>> fields{
            {"name", quote(text(v.value("name", json(""))))}};
        for (const auto& [k, setting] : v.items()) {
          if (k == "host" && setting.contains("sourcePath")) {
            fields.emplace_back("host_path", quote(text(setting["sourcePath"])));
          } else if (k == "efsVolumeConfiguration" && setting.is_object()) {
            // The file system and access point made elsewhere, by their IDs. ECS encrypts in
            // transit only when asked, ECL unless told not to: the source's choice is written.
            std::string file_system, access_point, root, iam;
            bool encrypted = false;
            for (const auto& [member, field] : setting.items()) {
              if (member == "fileSystemId") {
                file_system = quote(text(field));
              } else if (member == "rootDirectory") {
                root = quote(text(field));
              } else if (member == "transitEncryption") {
                encrypted = text(field) == "ENABLED";
              } else if (member == "authorizationConfig" && field.is_object()) {
                if (field.contains("accessPointId")) {
                  access_point = quote(text(field["accessPointId"]));
                }
                if (field.value("iam", "") == "ENABLED") {
                  iam = "true";
                }
              } else if (!empty(field)) {
                not_carried(diags, im.r.find(k), task.todos,
                            fmt::format("the `{}` of volume `{}`'s EFS configuration", member,
                                        text(v.value("name", json("")))),
                            "ECL sends the default port");
              }
            }
            std::vector<std::pair<std::string, std::string>> efs;
            for (auto [field, written] :
                 {std::pair{"file_system", &file_system}, std::pair{"access_point", &access_point},
                  std::pair{"root_directory", &root}, std::pair{"iam", &iam}}) {
              if (!written->empty()) {
                efs.emplace_back(field, *written);
              }
            }
            efs.emplace_back("transit_encryption", encrypted ? "true" : "false");
            fields.emplace_back("efs", object(efs));
          } else if (k != "name" && !empty(setting)) {
            not_carried(diags, im.r.find(k), task.todos,
                        fmt::format("the `{}` of volume `{}`", k, text(v.value("name", json("")))),
                        "ECL volumes are task-scoped, host paths or EFS file systems; FSx and "
                        "Docker volume drivers are not in the language yet");
          }
        }
        volumes.push_back(object(fields));
      }
      task.set("volumes", list(volumes));
    } else if (key == "tags" && add_tags(value)) {
      // written after the loop, with those beside a described task definition
    } else if (auto expected = kTaskTypes.find(key); expected != kTaskTypes.end()) {
      todo(fmt::format("its value is not {}", expected->second));
    } else {
      todo("ECL has no such task setting");
    }
  }
  if (!td.contains("networkMode") || empty(td["networkMode"])) {
    task.set("network_mode", mode);
  }
  if (!td.contains("requiresCompatibilities") || empty(td["requiresCompatibilities"])) {
    task.set("compatibilities", list(compat));
  }
  if (!tags.empty()) {
    task.set("tags", object(tags));
  }
  std::string read_only;
  for (const std::string& key : kReadOnly) {
    if (td.contains(key) && !empty(td[key])) {
      read_only += (read_only.empty() ? "" : ", ") + key + " " + described_text(td[key]);
    }
  }
  if (!read_only.empty()) {
    task.comments.push_back("As described: " + read_only); // wrapped by write_block
  }
  im.name_blocks(td["containerDefinitions"]);
  for (const auto& c : td["containerDefinitions"]) {
    if (!im.container(c, task)) {
      return false;
    }
  }
  if (!im.region.empty()) {
    p.region = im.region;
  }
  // Which launch type can run it, as registered: a Fargate (awsvpc) task gets a service in the
  // generated cluster; an EC2 task needs instances (an `ec2_capacity`), which is left to you.
  bool fargate = std::find(compat.begin(), compat.end(), "fargate") != compat.end();
  if (fargate && mode == "awsvpc") {
    Block service{"service", name, {}, {}, {}, {}};
    service.set("task", name);
    p.services.push_back(std::move(service));
  } else {
    p.todos.push_back(fmt::format(
        "Task `{}` is for EC2 (network mode `{}`, compatibilities {}): to run it, add an "
        "`ec2_capacity` to the cluster and a service.",
        name, mode, list(compat)));
  }
  p.tasks.push_back(std::move(task));
  program = std::move(p);
  return true;
}

} // namespace ecl::import
