#include "compiler/check/rules/iam.h"

#include "compiler/schema/schema.h"

#include <cctype>
#include <fmt/format.h>

namespace ecl::check::iam {

namespace {

void add_list(std::vector<Statement>& out, const model::Block& block, std::string_view attribute,
              const std::string& owner) {
  const model::Value* list = block.get(attribute);
  const model::List* items = list ? list->as<model::List>() : nullptr;
  if (!items) {
    return;
  }
  for (const model::Value& item : *items) {
    if (item.as<model::Map>()) {
      out.push_back({&block, &item, owner});
    }
  }
}

} // namespace

std::vector<Statement> statements(const model::Program& program) {
  std::vector<Statement> out;
  for (const model::Block* role : program.of_kind("role")) {
    add_list(out, *role, "statements", fmt::format("role `{}`", role->path));
  }
  for (const model::Block* task : program.of_kind("task")) {
    add_list(out, *task, "execution_statements",
             fmt::format("the execution role of task `{}`", task->path));
  }
  return out;
}

std::vector<const model::Value*> strings_of(const model::Value& statement, std::string_view field) {
  std::vector<const model::Value*> out;
  const model::Value* list = statement.field(field);
  const model::List* items = list ? list->as<model::List>() : nullptr;
  if (!items) {
    return out;
  }
  for (const model::Value& item : *items) {
    if (item.string()) {
      out.push_back(&item);
    }
  }
  return out;
}

bool wildcard_match(std::string_view pattern, std::string_view name) {
  // Iterative glob with one backtrack point: linear in practice, no recursion on hostile input.
  std::size_t p = 0, n = 0, star = std::string_view::npos, mark = 0;
  auto same = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  };
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || same(pattern[p], name[n]))) {
      ++p;
      ++n;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

bool allows(const model::Block& role, std::string_view action) {
  const model::Value* list = role.get("statements");
  const model::List* items = list ? list->as<model::List>() : nullptr;
  for (const model::Value& statement : items ? *items : model::List{}) {
    const model::Value* effect = statement.field("effect");
    const std::string* member = effect ? effect->enum_member() : nullptr;
    if (!member || *member != "allow") {
      continue;
    }
    for (const model::Value* pattern : strings_of(statement, "actions")) {
      if (wildcard_match(*pattern->string(), action)) {
        return true;
      }
    }
  }
  return false;
}

bool readable(const model::Block& role) {
  const model::Value* managed = role.get("managed_policies");
  const model::List* list = managed ? managed->as<model::List>() : nullptr;
  return list && list->empty() && !schema::existing(role);
}

} // namespace ecl::check::iam
