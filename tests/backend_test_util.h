// Helpers shared by the backends' unit tests (tests/cfn/cfn_test.cpp, tests/plan/plan_test.cpp).
#pragma once

#include "compiler/schema/schema.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace ecl::test {

// Every clean program of the repository: examples, golden programs (not `fail_*`), and the
// CloudFormation tests' own.
inline std::vector<std::filesystem::path> clean_programs() {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  const fs::path root(ECL_SOURCE_DIR);
  for (const auto& e : fs::directory_iterator(root / "examples")) {
    if (e.is_directory() || e.path().extension() == ".ecl") {
      out.push_back(e.path());
    }
  }
  for (const char* dir : {"tests/golden", "tests/cfn"}) {
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      std::string name = e.path().filename().string();
      bool program = (e.is_regular_file() && e.path().extension() == ".ecl") ||
                     (e.is_directory() && e.path().extension() == ".d");
      if (program && name.rfind("fail_", 0) != 0) {
        out.push_back(e.path());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "kind.attribute" and "kind.attribute.field" for every attribute and object field of the schema:
// what a backend's coverage test expects it to read.
inline std::set<std::string> schema_keys() {
  std::set<std::string> keys;
  for (const schema::Kind& kind : schema::kinds()) {
    for (const schema::Attribute& a : kind.attributes) {
      std::string key = std::string(kind.name) + "." + std::string(a.name);
      keys.insert(key);
      const schema::Type* t = a.type;
      if (t->kind == schema::TypeKind::List) {
        t = t->element;
      }
      if (t->kind == schema::TypeKind::Object) {
        for (const schema::Attribute& f : t->fields) {
          keys.insert(key + "." + std::string(f.name));
        }
      }
    }
  }
  return keys;
}

} // namespace ecl::test
