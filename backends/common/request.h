// Where a request builder (ecs_requests.h) writes a request: member by member, in the API's
// spelling. The plan keeps the request as nlohmann JSON (JsonRequest: a step's params);
// CloudFormation writes it straight into the template, each member spelt as the resource's
// property (cfn::Properties). A 500 service template holds 500 task definitions and services:
// building each as a JSON tree and then writing it again, respelt, cost most of the lowering.
//
// A builder writes each member once and in order (a member cannot be replaced or dropped once
// written), and model values and references through value(model::Value) and ref(), which the
// backend spells (Spelling::value, Spelling::ref).
#pragma once

#include "backends/common/spelling.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::backend::common {

class Request {
public:
  virtual ~Request() = default;
  virtual Request& begin_object() = 0;
  virtual Request& end_object() = 0;
  virtual Request& begin_array() = 0;
  virtual Request& end_array() = 0;
  // The member whose value comes next, named as the API names it.
  virtual Request& key(std::string_view name) = 0;
  virtual Request& value(const json& v) = 0;
  virtual Request& value(std::string_view s) = 0;
  virtual Request& value(std::int64_t i) = 0;
  virtual Request& value(bool b) = 0;
  // A folded model value, as Spelling::value spells it.
  virtual Request& value(const model::Value& v) = 0;
  // A reference to a block, as Spelling::ref spells it.
  virtual Request& ref(const model::Block& block) = 0;

  // Without these a string literal would be a bool, and an int ambiguous.
  Request& value(const char* s) { return value(std::string_view(s)); }
  Request& value(const std::string& s) { return value(std::string_view(s)); }
  Request& value(int i) { return value(static_cast<std::int64_t>(i)); }
  template <typename T>
  Request& member(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  // The member `name`, an array of what `each` writes of each of `items`; none when there are none.
  template <typename Items, typename Each>
  Request& array(std::string_view name, const Items& items, Each each) {
    if (!items.empty()) {
      key(name).begin_array();
      for (const auto& item : items) {
        each(item);
      }
      end_array();
    }
    return *this;
  }
  // As array(), each item an object whose members `each` writes.
  template <typename Items, typename Each>
  Request& objects(std::string_view name, const Items& items, Each each) {
    return array(name, items, [&](const auto& item) {
      begin_object();
      each(item);
      end_object();
    });
  }
};

// A request built as an nlohmann JSON object.
class JsonRequest final : public Request {
public:
  // Members are written into a new object (take() gives it), with room for those of a request and
  // the tags a backend adds after them: an object that outgrows its room is copied, values and all,
  // when the backend adds them.
  explicit JsonRequest(Spelling& s) : s_(s), root_(json::object()), open_{&root_} {
    root_.get_ref<json::object_t&>().reserve(16);
  }
  // Members are appended to `object`, which must outlive the request.
  JsonRequest(Spelling& s, json& object) : s_(s), open_{&object} {}

  json take() { return std::move(root_); }

  using Request::value;
  Request& begin_object() override { return put(json::object(), true); }
  Request& end_object() override { return close(); }
  Request& begin_array() override { return put(json::array(), true); }
  Request& end_array() override { return close(); }
  Request& key(std::string_view name) override {
    key_.assign(name);
    return *this;
  }
  Request& value(const json& v) override { return put(v); }
  Request& value(std::string_view s) override { return put(std::string(s)); }
  Request& value(std::int64_t i) override { return put(i); }
  Request& value(bool b) override { return put(b); }
  Request& value(const model::Value& v) override { return put(s_.value(v)); }
  Request& ref(const model::Block& block) override { return put(s_.ref(block)); }

private:
  // Adds `v` to the innermost open container, and opens it when `opens`.
  Request& put(json v, bool opens = false);
  Request& open(json& container) {
    open_.push_back(&container);
    return *this;
  }
  Request& close() {
    open_.pop_back();
    return *this;
  }

  Spelling& s_;
  json root_;
  std::vector<json*> open_; // the containers being written, innermost last
  std::string key_;
};

} // namespace ecl::backend::common
