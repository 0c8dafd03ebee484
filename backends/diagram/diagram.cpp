#include "backends/diagram/diagram.h"

#include <fmt/format.h>
#include <map>
#include <set>

namespace ecl::backend::diagram {

namespace {

using model::Block;

// AWS's architecture diagram colours: the VPC group, public (green) and private (blue) subnets,
// and the service categories (networking purple, containers orange).
constexpr const char* kVpcColor = "#8C4FFF";
constexpr const char* kPublicFill = "#E9F3E6";
constexpr const char* kPublicLine = "#7AA116";
constexpr const char* kPrivateFill = "#E6F2F8";
constexpr const char* kPrivateLine = "#00A4A6";
constexpr const char* kNetworkColor = "#8C4FFF";
constexpr const char* kContainerColor = "#ED7100";

std::string id(const Block& b, std::string_view suffix = "") {
  return fmt::format("\"{}{}\"", b.path, suffix);
}

// Text inside Graphviz's HTML-like labels (`label=<...>`): markup characters as entities.
std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string text_of(const Block& b, std::string_view attr) {
  const std::string* s = b.get_string(attr);
  return s ? *s : std::string();
}

// A column's title: the zone's name, or which of the region's zones it is when chosen at
// deployment (zone_of()'s `availability_zones[0]`).
std::string zone_label(const std::string& zone) {
  if (zone.empty()) {
    return "(no zone)";
  }
  constexpr std::string_view kChosen = "availability_zones[";
  if (zone.starts_with(kChosen)) {
    return fmt::format("Availability Zone {} of the region",
                       std::stoi(zone.substr(kChosen.size())) + 1);
  }
  return "Availability Zone " + zone;
}

// The route table a subnet is associated with (the checker allows one), or null.
const Block* route_table_of(const model::Program& p, const Block& subnet) {
  for (const Block* table : p.of_kind("route_table")) {
    for (const Block* s : table->get_refs("subnets")) {
      if (s == &subnet) {
        return table;
      }
    }
  }
  return nullptr;
}

// Where a subnet's default route (0.0.0.0/0) goes: an internet or NAT gateway, or null.
const Block* default_target(const model::Program& p, const Block& subnet) {
  const Block* table = route_table_of(p, subnet);
  if (!table) {
    return nullptr;
  }
  for (const Block* route : table->each_child("route")) {
    const model::Value* destination = route->get("destination");
    const std::string* d = destination ? destination->as<std::string>() : nullptr;
    if (d && *d == "0.0.0.0/0") {
      return route->get_ref("target");
    }
  }
  return nullptr;
}

bool is_public(const model::Program& p, const Block& subnet) {
  const Block* target = default_target(p, subnet);
  return (target && target->kind_name == "internet_gateway") || subnet.get_bool("public") == true;
}

std::string service_label(const Block& service) {
  const std::string* launch = service.get_enum("launch_type");
  std::string runs = launch ? *launch : "capacity providers";
  std::string count = service.get_enum("scheduling") && *service.get_enum("scheduling") == "daemon"
                          ? "one task per instance"
                          : fmt::format("{} task{}", service.get_int("desired").value_or(1),
                                        service.get_int("desired").value_or(1) == 1 ? "" : "s");
  for (const Block* scaling : service.each_child("scaling")) {
    count = fmt::format("{} to {} tasks (auto scaling)", scaling->get_int("min").value_or(0),
                        scaling->get_int("max").value_or(0));
  }
  const Block* task = service.get_ref("task");
  return fmt::format("<<b>{}</b><br/><font point-size=\"9\">ECS service · {}<br/>{}{}</font>>",
                     escape(service.name), runs, count,
                     task ? fmt::format(" of task {}", escape(task->name)) : "");
}

struct Writer {
  const model::Program& program;
  std::string out;
  std::set<std::string> edges;

  void line(std::string_view indent, const std::string& text) {
    out += indent;
    out += text;
    out += "\n";
  }

  void edge(const std::string& from, const std::string& to, std::string_view style) {
    std::string e = fmt::format("{} -> {} [{}]", from, to, style);
    if (edges.insert(e).second) {
      line("  ", e);
    }
  }

  void gateway_node(std::string_view indent, const Block& b, std::string_view what) {
    line(indent, fmt::format("{} [label=<<b>{}</b><br/><font point-size=\"9\">{}</font>>, "
                             "shape=box, style=\"rounded,filled\", fillcolor=white, color=\"{}\", "
                             "penwidth=2]",
                             id(b), escape(b.name), what, kNetworkColor));
  }

  void vpc(const Block& v) {
    line("  ", fmt::format("subgraph \"cluster_{}\" {{", v.path));
    line("    ", fmt::format("label=<<b>VPC {}</b>  <font point-size=\"10\">{}</font>>; "
                             "color=\"{}\"; penwidth=2; style=solid; labeljust=l; fontsize=14",
                             escape(v.name), escape(text_of(v, "cidr")), kVpcColor));
    for (const Block* igw : v.each_child("internet_gateway")) {
      gateway_node("    ", *igw, "Internet gateway");
    }
    // Zones as columns, in the order their first subnet appears.
    std::vector<std::string> zones;
    std::map<std::string, std::vector<const Block*>> by_zone;
    for (const Block* s : v.each_child("subnet")) {
      const std::string* written = model::zone_of(*s);
      std::string zone = written ? *written : "";
      if (!by_zone.count(zone)) {
        zones.push_back(zone);
      }
      by_zone[zone].push_back(s);
    }
    for (const std::string& zone : zones) {
      line("    ", fmt::format("subgraph \"cluster_{}_{}\" {{", v.path, zone));
      line("      ", fmt::format("label=<{}>; style=dashed; color=\"#879196\"; fontsize=11; "
                                 "labeljust=l",
                                 escape(zone_label(zone))));
      // Public subnets first, so that they sit above the private ones.
      std::vector<const Block*> ordered;
      for (bool want_public : {true, false}) {
        for (const Block* s : by_zone[zone]) {
          if (is_public(program, *s) == want_public) {
            ordered.push_back(s);
          }
        }
      }
      for (const Block* s : ordered) {
        subnet(*s);
      }
      for (std::size_t i = 1; i < ordered.size(); ++i) {
        line("      ", fmt::format("{} -> {} [style=invis]", id(*ordered[i - 1], "#anchor"),
                                   id(*ordered[i], "#anchor")));
      }
      line("    ", "}");
    }
    for (const Block* lb : v.each_child("load_balancer")) {
      const std::string* type = lb->get_enum("type");
      const std::string* scheme = lb->get_enum("scheme");
      std::string ports;
      for (const Block* listener : lb->each_child("listener")) {
        ports +=
            fmt::format("{}{}", ports.empty() ? "" : ", ", listener->get_int("port").value_or(0));
      }
      gateway_node("    ", *lb,
                   fmt::format("{} load balancer · {}{}",
                               type && *type == "network" ? "Network" : "Application",
                               scheme && *scheme == "internal" ? "internal" : "internet-facing",
                               ports.empty() ? "" : "<br/>listens on " + ports));
    }
    std::vector<const Block*> endpoints;
    for (const Block* e : v.each_child("endpoint")) {
      endpoints.push_back(e);
    }
    if (!endpoints.empty()) {
      line("    ", fmt::format("subgraph \"cluster_{}_endpoints\" {{", v.path));
      line("      ", "label=\"VPC endpoints\"; style=dotted; color=\"#879196\"; fontsize=11");
      for (const Block* e : endpoints) {
        std::string type = e->get_enum("type") ? *e->get_enum("type") : "interface";
        gateway_node("      ", *e,
                     fmt::format("{} endpoint · {}", type, escape(text_of(*e, "service"))));
      }
      line("    ", "}");
    }
    line("  ", "}");
  }

  void subnet(const Block& s) {
    bool pub = is_public(program, s);
    line("      ", fmt::format("subgraph \"cluster_{}\" {{", s.path));
    line("        ",
         fmt::format("label=<<b>{} subnet {}</b>  <font point-size=\"9\">{}</font>>; "
                     "style=filled; fillcolor=\"{}\"; color=\"{}\"; fontsize=11; "
                     "labeljust=l",
                     pub ? "Public" : "Private", escape(s.name), escape(text_of(s, "cidr")),
                     pub ? kPublicFill : kPrivateFill, pub ? kPublicLine : kPrivateLine));
    // An invisible point keeps an empty subnet drawn and orders subnets within a zone.
    line("        ", fmt::format("{} [shape=point, style=invis, width=0.01]", id(s, "#anchor")));
    for (const Block* nat : program.of_kind("nat_gateway")) {
      if (nat->get_ref("subnet") == &s) {
        gateway_node("        ", *nat, "NAT gateway");
      }
    }
    for (const Block* service : program.of_kind("service")) {
      for (const Block* in : service->get_refs("subnets")) {
        if (in == &s) {
          line("        ",
               fmt::format("{} [label={}, shape=box, style=\"rounded,filled\", fillcolor=white, "
                           "color=\"{}\", penwidth=2]",
                           id(*service, "@" + s.path), service_label(*service), kContainerColor));
        }
      }
    }
    line("      ", "}");
  }

  // Traffic: internet -> internet gateway -> load balancers -> their services, and services with
  // public IPs in public subnets;
  // services -> their subnet's NAT gateway and the VPC's endpoints; NAT gateway -> internet
  // gateway. Services without subnets (bridge or host networking on EC2) appear in their cluster.
  void traffic() {
    const char* in = "color=\"#232F3E\", penwidth=1.5";
    // Outbound arrows do not rank their ends: the internet gateway stays on top, public subnets
    // above private ones.
    const char* out_style = "color=\"#545B64\", style=dashed, constraint=false";
    for (const Block* igw : program.of_kind("internet_gateway")) {
      edge("\"internet\"", id(*igw), in);
      for (const Block* s : igw->parent->each_child("subnet")) {
        if (is_public(program, *s)) {
          edge(id(*igw), id(*s, "#anchor"), "style=invis");
        }
      }
    }
    // Internet -> internet-facing load balancer -> the services attached to a target group it
    // forwards to.
    for (const Block* lb : program.of_kind("load_balancer")) {
      const std::string* scheme = lb->get_enum("scheme");
      const Block* vpc = lb->ancestor("vpc");
      if (scheme && *scheme == "internet_facing" && vpc) {
        for (const Block* igw : vpc->each_child("internet_gateway")) {
          edge(id(*igw), id(*lb), in);
        }
      }
      std::set<const Block*> groups;
      for (std::string_view kind : {"listener", "rule"}) {
        for (const Block* b : program.of_kind(kind)) {
          if (b->ancestor("load_balancer") == lb && b->get_ref("forward")) {
            groups.insert(b->get_ref("forward"));
          }
        }
      }
      for (const Block* service : program.of_kind("service")) {
        const model::Value* list = service->get("load_balancers");
        const model::List* items = list ? list->as<model::List>() : nullptr;
        bool attached = false;
        for (const model::Value& item : items ? *items : model::List{}) {
          const model::Value* group = item.field("target_group");
          attached = attached || (group && groups.count(group->block()));
        }
        if (!attached) {
          continue;
        }
        for (const Block* s : service->get_refs("subnets")) {
          edge(id(*lb), id(*service, "@" + s->path), in);
        }
        if (service->get_refs("subnets").empty()) {
          edge(id(*lb), id(*service), in);
        }
      }
    }
    for (const Block* service : program.of_kind("service")) {
      bool public_ip = service->get_bool("public_ip") == true;
      for (const Block* s : service->get_refs("subnets")) {
        std::string node = id(*service, "@" + s->path);
        const Block* target = default_target(program, *s);
        if (target && target->kind_name == "internet_gateway" && public_ip) {
          edge(id(*target), node, in);
        } else if (target && target->kind_name == "nat_gateway") {
          edge(node, id(*target), out_style);
        }
        const Block* vpc = s->ancestor("vpc");
        const Block* table = route_table_of(program, *s);
        for (const Block* e : program.of_kind("endpoint")) {
          if (e->ancestor("vpc") != vpc) {
            continue;
          }
          bool reaches = false;
          for (const Block* t : e->get_refs("route_tables")) {
            reaches = reaches || t == table;
          }
          for (const Block* es : e->get_refs("subnets")) {
            reaches = reaches || es == s;
          }
          if (reaches) {
            edge(node, id(*e), out_style);
          }
        }
      }
    }
    for (const Block* nat : program.of_kind("nat_gateway")) {
      if (const Block* s = nat->get_ref("subnet")) {
        const Block* target = default_target(program, *s);
        if (target && target->kind_name == "internet_gateway") {
          edge(id(*nat), id(*target), out_style);
        }
      }
    }
  }

  void clusters_without_network() {
    for (const Block* cluster : program.of_kind("cluster")) {
      std::vector<const Block*> loose;
      for (const Block* service : cluster->each_child("service")) {
        if (service->get_refs("subnets").empty()) {
          loose.push_back(service);
        }
      }
      if (loose.empty()) {
        continue;
      }
      line("  ", fmt::format("subgraph \"cluster_{}\" {{", cluster->path));
      line("    ", fmt::format("label=<<b>ECS cluster {}</b>>; style=dashed; color=\"{}\"",
                               escape(cluster->name), kContainerColor));
      for (const Block* service : loose) {
        line("    ", fmt::format("{} [label={}, shape=box, style=\"rounded,filled\", "
                                 "fillcolor=white, color=\"{}\", penwidth=2]",
                                 id(*service), service_label(*service), kContainerColor));
      }
      line("  ", "}");
    }
  }
};

} // namespace

std::string render_dot(const model::Program& program) {
  Writer w{program, {}, {}};
  std::string title = program.stack ? program.stack->name : "program";
  std::string region = program.region();
  w.line("", "digraph architecture {");
  w.line(
      "  ",
      fmt::format("label=<<b>{}</b>{}>; labelloc=t; fontsize=18", escape(title),
                  region.empty() ? "" : "  <font point-size=\"12\">" + escape(region) + "</font>"));
  w.line("  ", "graph [fontname=\"Helvetica\", rankdir=TB, newrank=true, nodesep=0.3, "
               "ranksep=0.5, compound=true]");
  w.line("  ", "node [fontname=\"Helvetica\", fontsize=11]");
  w.line("  ", "edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7]");
  if (!program.of_kind("internet_gateway").empty()) {
    w.line("  ", "\"internet\" [label=<<b>Internet</b>>, shape=ellipse, style=filled, "
                 "fillcolor=\"#F2F3F3\", color=\"#232F3E\"]");
  }
  for (const Block* v : program.of_kind("vpc")) {
    w.vpc(*v);
  }
  w.clusters_without_network();
  w.traffic();
  w.line("", "}");
  return w.out;
}

} // namespace ecl::backend::diagram
