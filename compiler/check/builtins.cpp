#include "compiler/check/builtins.h"

#include "compiler/model/cidr.h"
#include "compiler/syntax/limits.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace ecl::check {
namespace {

using model::Value;

// Reports a wrong argument and returns null.
Value bad(BuiltinCall& c, const Range& where, std::string message) {
  c.diags.report(Diag::BadArguments, where, c.name, message);
  return null_at(c.range);
}

bool arity(BuiltinCall& c, std::size_t min, std::size_t max) {
  if (c.args.size() >= min && c.args.size() <= max) {
    return true;
  }
  std::string want = min == max        ? fmt::format("{}", min)
                     : max == SIZE_MAX ? fmt::format("at least {}", min)
                                       : fmt::format("{} to {}", min, max);
  c.diags.report(Diag::BadArguments, c.range, c.name,
                 fmt::format("expected {} argument{}, found {}", want,
                             min == 1 && (max == 1 || max == SIZE_MAX) ? "" : "s", c.args.size()));
  return false;
}

const std::string* string_arg(BuiltinCall& c, std::size_t i, std::string_view what) {
  const std::string* s = c.args[i].string();
  if (!s) {
    c.diags.report(
        Diag::BadArguments, c.args[i].range, c.name,
        fmt::format("{} must be a `string`, found {}", what, model::describe(c.args[i])));
  }
  return s;
}

std::optional<std::int64_t> int_arg(BuiltinCall& c, std::size_t i, std::string_view what) {
  auto v = c.args[i].integer();
  if (!v) {
    c.diags.report(Diag::BadArguments, c.args[i].range, c.name,
                   fmt::format("{} must be an `int`, found {}", what, model::describe(c.args[i])));
  }
  return v;
}

std::optional<Cidr> cidr_arg(BuiltinCall& c, std::size_t i) {
  const std::string* s = string_arg(c, i, "the prefix");
  if (!s) {
    return std::nullopt;
  }
  std::string error;
  auto cidr = Cidr::parse(*s, &error);
  if (!cidr) {
    c.diags.report(Diag::InvalidCidr, c.args[i].range, *s, error);
  }
  return cidr;
}

Value cidrsubnet(BuiltinCall& c) {
  if (!arity(c, 3, 3)) {
    return null_at(c.range);
  }
  auto prefix = cidr_arg(c, 0);
  auto newbits = int_arg(c, 1, "newbits");
  auto netnum = int_arg(c, 2, "netnum");
  if (!prefix || !newbits || !netnum) {
    return null_at(c.range);
  }
  if (*newbits < 0 || *newbits > 32) {
    return bad(c, c.args[1].range, fmt::format("newbits must be 0 to 32, found {}", *newbits));
  }
  std::string error;
  auto sub = prefix->subnet(static_cast<int>(*newbits), *netnum, &error);
  if (!sub) {
    return bad(c, c.range, error);
  }
  return Value{sub->str(), c.range};
}

Value cidrhost(BuiltinCall& c) {
  if (!arity(c, 2, 2)) {
    return null_at(c.range);
  }
  auto prefix = cidr_arg(c, 0);
  auto n = int_arg(c, 1, "the host number");
  if (!prefix || !n) {
    return null_at(c.range);
  }
  std::string error;
  auto host = prefix->host(*n, &error);
  if (!host) {
    return bad(c, c.args[1].range, error);
  }
  return Value{Cidr::address_str(*host), c.range};
}

Value length(BuiltinCall& c) {
  if (!arity(c, 1, 1)) {
    return null_at(c.range);
  }
  const Value& v = c.args[0];
  if (auto* l = v.as<model::List>()) {
    return Value{static_cast<std::int64_t>(l->size()), c.range};
  }
  if (auto* m = v.as<model::Map>()) {
    return Value{static_cast<std::int64_t>(m->size()), c.range};
  }
  if (auto* s = v.string()) {
    // Length in code points, as a person counts characters.
    auto n = std::count_if(s->begin(), s->end(),
                           [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; });
    return Value{static_cast<std::int64_t>(n), c.range};
  }
  return bad(c, v.range,
             fmt::format("expected a list, an object or a string, found {}", model::describe(v)));
}

Value concat(BuiltinCall& c) {
  if (!arity(c, 1, SIZE_MAX)) {
    return null_at(c.range);
  }
  model::List out;
  for (const Value& v : c.args) {
    auto* l = v.as<model::List>();
    if (!l) {
      return bad(c, v.range,
                 fmt::format("every argument must be a list, found {}", model::describe(v)));
    }
    out.insert(out.end(), l->begin(), l->end());
  }
  return Value{std::move(out), c.range};
}

Value join(BuiltinCall& c) {
  if (!arity(c, 2, 2)) {
    return null_at(c.range);
  }
  const std::string* sep = string_arg(c, 0, "the separator");
  auto* list = c.args[1].as<model::List>();
  if (!sep) {
    return null_at(c.range);
  }
  if (!list) {
    return bad(
        c, c.args[1].range,
        fmt::format("the second argument must be a list, found {}", model::describe(c.args[1])));
  }
  std::string out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string* s = (*list)[i].string();
    if (!s) {
      return bad(
          c, (*list)[i].range,
          fmt::format("list elements must be strings, found {}", model::describe((*list)[i])));
    }
    out += (i ? *sep : "") + *s;
    if (out.size() > limits::kMaxStringBytes) {
      break; // too long already (eval reports E0019); more separators could exhaust memory
    }
  }
  return Value{std::move(out), c.range};
}

template <bool Upper>
Value change_case(BuiltinCall& c) {
  if (!arity(c, 1, 1)) {
    return null_at(c.range);
  }
  const std::string* s = string_arg(c, 0, "the argument");
  if (!s) {
    return null_at(c.range);
  }
  std::string out = *s;
  for (char& ch : out) {
    // ASCII only: AWS names are ASCII, and this keeps UTF-8 intact.
    if (Upper && ch >= 'a' && ch <= 'z') {
      ch = static_cast<char>(ch - 'a' + 'A');
    } else if (!Upper && ch >= 'A' && ch <= 'Z') {
      ch = static_cast<char>(ch - 'A' + 'a');
    }
  }
  return Value{std::move(out), c.range};
}

template <bool Max>
Value extreme(BuiltinCall& c) {
  if (!arity(c, 1, SIZE_MAX)) {
    return null_at(c.range);
  }
  std::vector<Value> items = c.args;
  if (items.size() == 1) {
    if (auto* l = items[0].as<model::List>()) {
      model::List elements = *l; // *l lives inside items: copy it out before replacing them
      items = std::move(elements);
    }
  }
  if (items.empty()) {
    return bad(c, c.range, "needs at least one number");
  }
  const Value* best = nullptr;
  for (const Value& v : items) {
    if (!v.number()) {
      return bad(c, v.range, fmt::format("expected numbers, found {}", model::describe(v)));
    }
    if (best) {
      auto* bq = best->as<model::Quantity>();
      auto* vq = v.as<model::Quantity>();
      if ((bq == nullptr) != (vq == nullptr) || (bq && vq && bq->dimension != vq->dimension)) {
        return bad(
            c, v.range,
            fmt::format("cannot compare {} with {}", model::describe(*best), model::describe(v)));
      }
    }
    if (!best || (Max ? *v.number() > *best->number() : *v.number() < *best->number())) {
      best = &v;
    }
  }
  Value out = *best;
  out.range = c.range;
  return out;
}

// The first `n` availability zones of the region the program is deployed in, in the order AWS
// lists them (by name): what Fn::GetAZs gives a template and DescribeAvailabilityZones a plan.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getavailabilityzones.html
Value availability_zones(BuiltinCall& c) {
  if (!arity(c, 1, 1)) {
    return null_at(c.range);
  }
  auto n = int_arg(c, 0, "the number of zones");
  if (!n) {
    return null_at(c.range);
  }
  if (*n < 1 || *n > model::kMaxZones) {
    return bad(c, c.args[0].range,
               fmt::format("takes 1 to {} zones, found {}{}", model::kMaxZones, *n,
                           *n > model::kMaxZones ? "; no region has more" : ""));
  }
  model::List zones;
  for (std::int64_t i = 0; i < *n; ++i) {
    zones.push_back(Value{model::zone_at(i), c.range});
  }
  return Value{std::move(zones), c.range};
}

const std::array kBuiltins = {
    Builtin{"cidrsubnet", "cidrsubnet(prefix: cidr, newbits: int, netnum: int) -> cidr",
            "The `netnum`-th subnet of `prefix` with `newbits` more prefix bits: "
            "`cidrsubnet(\"10.0.0.0/16\", 8, 2)` is `\"10.0.2.0/24\"`.",
            cidrsubnet},
    Builtin{"cidrhost", "cidrhost(prefix: cidr, n: int) -> string",
            "The `n`-th address of `prefix` (negative counts from the end): "
            "`cidrhost(\"10.0.1.0/24\", 5)` is `\"10.0.1.5\"`.",
            cidrhost},
    Builtin{"length", "length(x: list | map | string) -> int",
            "The number of elements, entries or characters.", length},
    Builtin{"concat", "concat(lists: list...) -> list", "The lists joined into one.", concat},
    Builtin{"join", "join(separator: string, items: list<string>) -> string",
            "The strings joined with the separator: `join(\",\", [\"a\", \"b\"])` is `\"a,b\"`.",
            join},
    Builtin{"lower", "lower(s: string) -> string", "`s` in lower case (ASCII letters).",
            change_case<false>},
    Builtin{"upper", "upper(s: string) -> string", "`s` in upper case (ASCII letters).",
            change_case<true>},
    Builtin{"min", "min(x: number... | list<number>) -> number",
            "The smallest argument; quantities of one unit compare too: `min(512MiB, 1GiB)`.",
            extreme<false>},
    Builtin{"max", "max(x: number... | list<number>) -> number", "The largest argument.",
            extreme<true>},
    Builtin{"availability_zones", "availability_zones(n: int) -> list<string>",
            "The first `n` (1 to 6) availability zones of the region the program is deployed in, "
            "chosen at deployment (Fn::GetAZs, DescribeAvailabilityZones): "
            "`zone = availability_zones(2)[0]`.",
            availability_zones},
};

} // namespace

std::span<const Builtin> builtins() {
  return kBuiltins;
}

const Builtin* find_builtin(std::string_view name) {
  for (const Builtin& b : kBuiltins) {
    if (b.name == name) {
      return &b;
    }
  }
  return nullptr;
}

std::vector<std::string_view> builtin_names() {
  std::vector<std::string_view> out;
  for (const Builtin& b : kBuiltins) {
    out.push_back(b.name);
  }
  return out;
}

} // namespace ecl::check
