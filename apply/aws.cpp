#include "apply/aws.h"

#include "apply/network_libraries.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

namespace ecl::apply {

namespace {

// ---- The wire -----------------------------------------------------------------------------------

struct ServiceInfo {
  const char* name;
  bool json;           // JSON 1.1 (else query + XML)
  const char* version; // the query protocol's Version, or the JSON target prefix
  const char* signing; // the SigV4 service name, and the endpoint's
  bool global;         // one endpoint (IAM), signed for us-east-1
  bool rest = false;   // REST-JSON: a method and path an operation, JSON answers (rest_routes.inc)
  const char* host = nullptr; // the endpoint's prefix when it is not `signing` (ECR's `api.ecr`)
};

constexpr ServiceInfo kServices[] = {
    {"ec2", false, "2016-11-15", "ec2", false},
    {"iam", false, "2010-05-08", "iam", true},
    {"autoscaling", false, "2011-01-01", "autoscaling", false},
    {"elbv2", false, "2015-12-01", "elasticloadbalancing", false},
    {"ecs", true, "AmazonEC2ContainerServiceV20141113", "ecs", false},
    {"logs", true, "Logs_20140328", "logs", false},
    {"application-autoscaling", true, "AnyScaleFrontendService", "application-autoscaling", false},
    {"efs", true, "", "elasticfilesystem", false, true},
    {"scheduler", true, "", "scheduler", false, true},
    {"ecr", true, "AmazonEC2ContainerRegistry_V20150921", "ecr", false, false, "api.ecr"},
    {"servicediscovery", true, "Route53AutoNaming_v20170314", "servicediscovery", false},
    {"sts", false, "2011-06-15", "sts", true}, // credentials: AssumeRole, AssumeRoleWithWebIdentity
};

const ServiceInfo* service_info(const std::string& name) {
  for (const auto& s : kServices) {
    if (name == s.name) {
      return &s;
    }
  }
  return nullptr;
}

// RFC 3986's encoding, as SigV4 canonicalizes paths and query strings (a space is `%20`); with
// `form`, a space is form encoding's `+` (the query protocol's bodies): AWS hashes the bytes sent;
// moto re-encodes the parsed form the way Python's urlencode does (spaces as `+`) before checking
// the signature.
std::string percent_encode(const std::string& text, bool form = false) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ' && form) {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// ---- REST-JSON (EFS): each operation a method and a path (generated from botocore's models) ---

struct RestOp {
  const char* service;
  const char* operation;
  const char* method;
  const char* uri; // `/2015-02-01/file-systems/{FileSystemId}`
};
struct RestMember {
  const char* service;
  const char* operation;
  const char* member;
  const char* location; // "uri" or "querystring"
  const char* wire;
};
#define ECL_REST_OP(service, operation, method, uri) RestOp{service, operation, method, uri},
#define ECL_REST_MEMBER(service, operation, member, location, wire)
constexpr RestOp kRestOps[] = {
#include "apply/rest_routes.inc"
};
#undef ECL_REST_OP
#undef ECL_REST_MEMBER
#define ECL_REST_OP(service, operation, method, uri)
#define ECL_REST_MEMBER(service, operation, member, location, wire)                                \
  RestMember{service, operation, member, location, wire},
constexpr RestMember kRestMembers[] = {
#include "apply/rest_routes.inc"
};
#undef ECL_REST_OP
#undef ECL_REST_MEMBER

std::string scalar_text(const json& v);

} // namespace

std::optional<RestRequest> rest_request(const std::string& service, const std::string& operation,
                                        const json& params) {
  const RestOp* op = nullptr;
  for (const RestOp& o : kRestOps) {
    if (service == o.service && operation == o.operation) {
      op = &o;
    }
  }
  if (!op) {
    return std::nullopt;
  }
  RestRequest out{op->method, op->uri, ""};
  json body = params.is_object() ? params : json::object();
  std::vector<std::pair<std::string, std::string>> query;
  for (const RestMember& m : kRestMembers) {
    if (service != m.service || operation != m.operation || !body.contains(m.member)) {
      continue;
    }
    const json& v = body[m.member];
    if (std::string_view(m.location) == "uri") {
      const std::string slot = std::string("{") + m.member + "}";
      if (auto at = out.path.find(slot); at != std::string::npos) {
        out.path.replace(at, slot.size(), percent_encode(scalar_text(v)));
      }
    } else {
      for (const json& item : v.is_array() ? v : json::array({v})) {
        query.emplace_back(percent_encode(m.wire), percent_encode(scalar_text(item)));
      }
    }
    body.erase(m.member);
  }
  // SigV4 signs the query sorted by name, then value.
  std::sort(query.begin(), query.end());
  for (std::size_t i = 0; i < query.size(); ++i) {
    out.path += (i ? "&" : "?") + query[i].first + "=" + query[i].second;
  }
  if (out.method != "GET" && out.method != "DELETE") {
    out.body = body.dump();
  }
  return out;
}

namespace {

// EC2 sends some members under other names (generated from botocore's model).
struct Ec2Top {
  const char* operation;
  const char* member;
  const char* wire;
};
struct Ec2Nested {
  const char* member;
  const char* wire;
};
#define ECL_EC2_OUT(member, wire)
#define ECL_EC2_TOP(op, member, wire) Ec2Top{op, member, wire},
#define ECL_EC2_NESTED(member, wire)
constexpr Ec2Top kEc2Top[] = {
#include "apply/ec2_names.inc"
};
#undef ECL_EC2_TOP
#undef ECL_EC2_NESTED
#define ECL_EC2_TOP(op, member, wire)
#define ECL_EC2_NESTED(member, wire) Ec2Nested{member, wire},
constexpr Ec2Nested kEc2Nested[] = {
#include "apply/ec2_names.inc"
};
#undef ECL_EC2_NESTED
#undef ECL_EC2_OUT
// An answer's members under EC2's wire names, for the botocore names a response path may use.
#define ECL_EC2_NESTED(member, wire)
#define ECL_EC2_OUT(member, wire) Ec2Nested{member, wire},
constexpr Ec2Nested kEc2Out[] = {
#include "apply/ec2_names.inc"
};
#undef ECL_EC2_TOP
#undef ECL_EC2_NESTED
#undef ECL_EC2_OUT

// The member `key` of an answer's object: by its name, else (EC2's XML) by its wire name.
const json* answer_member(const json& object, const std::string& key) {
  if (auto it = object.find(key); it != object.end()) {
    return &*it;
  }
  for (const auto& o : kEc2Out) {
    if (key == o.member) {
      if (auto it = object.find(o.wire); it != object.end()) {
        return &*it;
      }
    }
  }
  return nullptr;
}

std::string ec2_wire(const std::string& operation, const std::string& member, bool top) {
  if (top) {
    for (const auto& t : kEc2Top) {
      if (operation == t.operation && member == t.member) {
        return t.wire;
      }
    }
    return member;
  }
  for (const auto& n : kEc2Nested) {
    if (member == n.member) {
      return n.wire;
    }
  }
  return member;
}

std::string scalar_text(const json& v) {
  if (v.is_string()) {
    return v.get<std::string>();
  }
  if (v.is_boolean()) {
    return v.get<bool>() ? "true" : "false";
  }
  return v.dump();
}

void flatten(const std::string& operation, bool ec2, const std::string& prefix, const json& value,
             std::vector<std::pair<std::string, std::string>>& out) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      std::string name = ec2 ? ec2_wire(operation, key, prefix.empty()) : key;
      flatten(operation, ec2, prefix.empty() ? name : prefix + "." + name, member, out);
    }
  } else if (value.is_array()) {
    if (value.empty() && !ec2) {
      out.emplace_back(prefix, ""); // the query protocol's empty list
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      std::string index = std::to_string(i + 1);
      flatten(operation, ec2, ec2 ? prefix + "." + index : prefix + ".member." + index, value[i],
              out);
    }
  } else if (!value.is_null()) {
    out.emplace_back(prefix, scalar_text(value));
  }
}

// ---- XML ----------------------------------------------------------------------------------------

std::string element_name(const xmlNode* node) {
  std::string name = reinterpret_cast<const char*>(node->name);
  if (!name.empty()) {
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  }
  return name;
}

std::vector<const xmlNode*> child_elements(const xmlNode* node) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      out.push_back(c);
    }
  }
  return out;
}

json xml_value(const xmlNode* node) {
  auto children = child_elements(node);
  if (children.empty()) {
    xmlChar* text = libxml().node_get_content(node);
    std::string s = text ? reinterpret_cast<const char*>(text) : "";
    libxml().free(text);
    return s;
  }
  bool list = std::all_of(children.begin(), children.end(), [](const xmlNode* c) {
    std::string n = reinterpret_cast<const char*>(c->name);
    return n == "item" || n == "member";
  });
  if (list) {
    json out = json::array();
    for (const xmlNode* c : children) {
      out.push_back(xml_value(c));
    }
    return out;
  }
  json out = json::object();
  for (const xmlNode* c : children) {
    std::string name = element_name(c);
    if (name == "ResponseMetadata" || name == "RequestId") {
      continue;
    }
    out[name] = xml_value(c);
  }
  return out;
}

// ---- HTTP ---------------------------------------------------------------------------------------

// Keeps the value of an answer's `x-amzn-ErrorType` header, where REST-JSON services other than
// EFS (EventBridge Scheduler) name the error: `ResourceNotFoundException:http://...`.
std::size_t error_type_header(char* data, std::size_t size, std::size_t count, void* user) {
  std::string_view line(data, size * count);
  constexpr std::string_view kName = "x-amzn-errortype:";
  if (line.size() > kName.size() &&
      std::equal(kName.begin(), kName.end(), line.begin(),
                 [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
    std::string_view value = line.substr(kName.size());
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
      value.remove_prefix(1);
    }
    while (!value.empty() &&
           (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
      value.remove_suffix(1);
    }
    *static_cast<std::string*>(user) = value.substr(0, value.find(':'));
  }
  return size * count;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { libcurl().global_init(CURL_GLOBAL_DEFAULT); });
}

// Each thread keeps one handle, so connections are reused.
CURL* thread_handle() {
  struct Handle {
    CURL* curl = libcurl().easy_init();
    ~Handle() { libcurl().easy_cleanup(curl); }
  };
  thread_local Handle handle;
  libcurl().easy_reset(handle.curl);
  return handle.curl;
}

bool is_throttling(const std::string& code) {
  static const char* codes[] = {"Throttling",
                                "ThrottlingException",
                                "ThrottledException",
                                "RequestLimitExceeded",
                                "RequestThrottled",
                                "RequestThrottledException",
                                "TooManyRequestsException",
                                "SlowDown",
                                "ProvisionedThroughputExceededException",
                                "ServiceUnavailable",
                                "InternalError",
                                "InternalFailure"};
  return std::find(std::begin(codes), std::end(codes), code) != std::end(codes);
}

// The code of a JSON error's `__type` (`com.amazonaws.ecs#ClientException` -> ClientException).
std::string json_error_code(const json& body) {
  // JSON 1.1's `__type` (or `code`); REST-JSON's `ErrorCode` (EFS).
  std::string type =
      body.value("__type", body.value("code", body.value("ErrorCode", std::string())));
  auto hash = type.rfind('#');
  if (hash != std::string::npos) {
    type = type.substr(hash + 1);
  }
  auto colon = type.find(':');
  return colon == std::string::npos ? type : type.substr(0, colon);
}

} // namespace

bool Result::retryable() const {
  return code == "Transport" || http_status == 429 || http_status >= 500 || is_throttling(code);
}

bool Result::outcome_unknown() const {
  return code == "Transport" || http_status >= 500;
}

Client::Client(AwsConfig config, RetryPolicy retry) : config_(std::move(config)), retry_(retry) {
  if (config_.max_attempts > 0) {
    retry_.max_attempts = config_.max_attempts;
  }
  global_init();
}

Client::~Client() = default;

bool Client::credentials(Credentials& out, std::string& error) const {
  out = config_.credentials;
  if (config_.credentials_source && !config_.credentials_source(out, error)) {
    return false;
  }
  std::lock_guard lock(secrets_mutex_);
  for (const std::string* secret :
       {&out.secret_access_key, &out.session_token, &out.access_key_id}) {
    if (!secret->empty() &&
        std::find(secrets_.begin(), secrets_.end(), *secret) == secrets_.end()) {
      secrets_.push_back(*secret);
    }
  }
  return true;
}

std::string Client::redact(std::string text) const {
  std::vector<std::string> secrets;
  {
    std::lock_guard lock(secrets_mutex_);
    secrets = secrets_;
  }
  for (const std::string* secret :
       {&config_.credentials.secret_access_key, &config_.credentials.session_token,
        &config_.credentials.access_key_id}) {
    secrets.push_back(*secret);
  }
  for (const std::string& secret : secrets) {
    if (secret.empty()) {
      continue;
    }
    // As sent and as an echoing server may quote it: percent-encoded in either case of hex.
    std::string encoded = percent_encode(secret, true), lower = encoded;
    for (std::size_t i = 0; i < lower.size(); ++i) {
      if (lower[i] == '%' && i + 2 < lower.size()) {
        lower[i + 1] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[i + 1])));
        lower[i + 2] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[i + 2])));
      }
    }
    for (const std::string* form : {&secret, static_cast<const std::string*>(&encoded),
                                    static_cast<const std::string*>(&lower)}) {
      for (auto at = text.find(*form); at != std::string::npos; at = text.find(*form, at)) {
        text.replace(at, form->size(), "***");
      }
    }
  }
  return text;
}

std::string query_body(const std::string& service, const std::string& operation,
                       const json& params) {
  const ServiceInfo* info = service_info(service);
  std::vector<std::pair<std::string, std::string>> fields;
  flatten(operation, service == "ec2", "", params, fields);
  std::string body = "Action=" + percent_encode(operation, true) +
                     "&Version=" + percent_encode(info ? info->version : "", true);
  for (const auto& [key, value] : fields) {
    body += "&" + percent_encode(key, true) + "=" + percent_encode(value, true);
  }
  return body;
}

std::optional<json> xml_to_json(const std::string& xml) {
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      libxml().read_memory(xml.data(), static_cast<int>(xml.size()), "response.xml", nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      libxml().free_doc);
  if (!doc) {
    return std::nullopt;
  }
  const xmlNode* root = libxml().doc_get_root_element(doc.get());
  if (!root) {
    return std::nullopt;
  }
  // IAM and Auto Scaling wrap the answer in `<XResult>`; EC2 does not.
  for (const xmlNode* c : child_elements(root)) {
    std::string name = reinterpret_cast<const char*>(c->name);
    if (name.size() > 6 && name.ends_with("Result")) {
      json inner = xml_value(c);
      return inner.is_object() ? inner : json::object();
    }
  }
  json out = xml_value(root);
  return out.is_object() ? out : json::object();
}

json response_value(const json& response, const std::string& path_and_filter) {
  // `PATH|after:TEXT`: the string at PATH after the last TEXT in it.
  static constexpr std::string_view kAfter = "|after:";
  if (std::size_t bar = path_and_filter.find(kAfter); bar != std::string::npos) {
    json whole = response_value(response, path_and_filter.substr(0, bar));
    const std::string text = path_and_filter.substr(bar + kAfter.size());
    std::size_t at =
        whole.is_string() ? whole.get_ref<const std::string&>().rfind(text) : std::string::npos;
    return at == std::string::npos ? json()
                                   : json(whole.get<std::string>().substr(at + text.size()));
  }
  const std::string& path = path_and_filter;
  const json* value = &response;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t dot = path.find('.', start);
    std::string part =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    std::size_t bracket = part.find('[');
    std::string key = part.substr(0, bracket);
    const json* member = value->is_object() ? answer_member(*value, key) : nullptr;
    if (!member) {
      return nullptr;
    }
    value = member;
    while (bracket != std::string::npos) {
      std::size_t close = part.find(']', bracket);
      if (close == std::string::npos || !value->is_array()) {
        return nullptr;
      }
      std::size_t index = std::stoul(part.substr(bracket + 1, close - bracket - 1));
      if (index >= value->size()) {
        return nullptr;
      }
      value = &(*value)[index];
      bracket = part.find('[', close);
    }
    if (dot == std::string::npos) {
      break;
    }
    start = dot + 1;
  }
  return *value;
}

Result Client::call_once(const std::string& service, const std::string& operation,
                         const json& params) const {
  Result result;
  const ServiceInfo* info = service_info(service);
  if (!info) {
    result.code = "UnknownService";
    result.message = "eclc cannot call service `" + service + "`";
    return result;
  }
  Credentials credentials;
  std::string credentials_error;
  if (!this->credentials(credentials, credentials_error)) {
    result.code = "Credentials";
    result.message = redact(credentials_error);
    return result;
  }
  std::string region = info->global ? "us-east-1" : config_.region;
  std::string url = config_.endpoint_url;
  if (url.empty()) {
    // elbv2: elasticloadbalancing.REGION.amazonaws.com; ecr: api.ecr.REGION.amazonaws.com
    const std::string host = info->host ? info->host : info->signing;
    url = info->global ? "https://" + host + ".amazonaws.com/"
                       : "https://" + host + "." + region + ".amazonaws.com/";
  }
  std::string body;
  curl_slist* headers = nullptr;
  std::optional<RestRequest> rest;
  if (info->rest) {
    rest = rest_request(service, operation, params);
    if (!rest) {
      result.code = "UnknownOperation";
      result.message = "eclc cannot call " + service + ":" + operation;
      return result;
    }
    while (!url.empty() && url.back() == '/') {
      url.pop_back();
    }
    url += rest->path;
    body = rest->body;
    // A JSON body's type. Without a body none is signed: curl's `Content-Type:` (which would drop
    // its form type from a DELETE) would be signed empty and not sent.
    if (!body.empty()) {
      headers = libcurl().slist_append(headers, "Content-Type: application/json");
    }
  } else if (info->json) {
    body = params.dump();
    headers = libcurl().slist_append(headers, "Content-Type: application/x-amz-json-1.1");
    headers = libcurl().slist_append(
        headers, ("X-Amz-Target: " + std::string(info->version) + "." + operation).c_str());
  } else {
    body = query_body(service, operation, params);
    headers = libcurl().slist_append(
        headers, "Content-Type: application/x-www-form-urlencoded; charset=utf-8");
  }
  if (!credentials.session_token.empty()) {
    headers = libcurl().slist_append(
        headers, ("X-Amz-Security-Token: " + credentials.session_token).c_str());
  }
  // No `Expect:` override: curl 7.88 would sign the empty header it then leaves out.
  std::string sigv4 = "aws:amz:" + region + ":" + info->signing;
  std::string answer;
  CURL* curl = thread_handle();
  libcurl().easy_setopt(curl, CURLOPT_URL, url.c_str());
  if (rest && rest->method == "GET") {
    // No body, and none left from the handle's last call: SigV4 hashes the POSTFIELDS set.
    libcurl().easy_setopt(curl, CURLOPT_POSTFIELDS, "");
    libcurl().easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 0L);
    libcurl().easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  } else {
    libcurl().easy_setopt(curl, CURLOPT_POST, 1L);
    libcurl().easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    libcurl().easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  // The handle is the thread's: a method set for one call is cleared for the next.
  libcurl().easy_setopt(
      curl, CURLOPT_CUSTOMREQUEST,
      rest && rest->method != "GET" && rest->method != "POST" ? rest->method.c_str() : nullptr);
  libcurl().easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (!credentials.access_key_id.empty()) { // else unsigned: STS AssumeRoleWithWebIdentity
    libcurl().easy_setopt(curl, CURLOPT_AWS_SIGV4, sigv4.c_str());
    libcurl().easy_setopt(curl, CURLOPT_USERNAME, credentials.access_key_id.c_str());
    libcurl().easy_setopt(curl, CURLOPT_PASSWORD, credentials.secret_access_key.c_str());
  }
  libcurl().easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  libcurl().easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  std::string error_type;
  libcurl().easy_setopt(curl, CURLOPT_HEADERFUNCTION, error_type_header);
  libcurl().easy_setopt(curl, CURLOPT_HEADERDATA, &error_type);
  // HTTP(S) only: an endpoint URL such as file:///etc/passwd must not be read.
  libcurl().easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  libcurl().easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  libcurl().easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);        // threads: no SIGALRM for timeouts
  libcurl().easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L); // seconds: a dead endpoint fails fast
  libcurl().easy_setopt(curl, CURLOPT_TIMEOUT, config_.call_timeout_seconds);
  CURLcode rc = libcurl().easy_perform(curl);
  libcurl().slist_free_all(headers);
  if (rc != CURLE_OK) {
    result.code = "Transport";
    result.message = redact(libcurl().easy_strerror(rc));
    if (rc == CURLE_OPERATION_TIMEDOUT) {
      result.timed_out = true;
      result.message = fmt::format("no answer from {} in {} s", url, config_.call_timeout_seconds);
    }
    return result;
  }
  libcurl().easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.http_status);
  bool success = result.http_status >= 200 && result.http_status < 300;
  if (info->json) {
    json parsed = json::parse(answer, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
      parsed = json::object();
    }
    if (success) {
      result.ok = true;
      result.response = parsed.is_object() ? parsed : json::object();
      return result;
    }
    result.code = json_error_code(parsed);
    if (result.code.empty()) {
      result.code = error_type;
    }
    result.message = parsed.value("message", parsed.value("Message", std::string()));
  } else {
    std::optional<json> parsed = xml_to_json(answer);
    if (success && parsed) {
      result.ok = true;
      result.response = std::move(*parsed);
      return result;
    }
    if (parsed) {
      // EC2: <Response><Errors><Error>; IAM, Auto Scaling: <ErrorResponse><Error>.
      json error = parsed->contains("Errors") ? response_value(*parsed, "Errors.Error")
                                              : response_value(*parsed, "Error");
      if (error.is_object()) {
        result.code = error.value("Code", std::string());
        result.message = error.value("Message", std::string());
      }
    }
  }
  if (result.code.empty()) {
    result.code = "HTTP" + std::to_string(result.http_status);
    result.message = answer.substr(0, 200);
  }
  result.code = redact(result.code);
  result.message = redact(result.message);
  return result;
}

Result Client::call(const std::string& service, const std::string& operation, const json& params,
                    const std::function<bool(const Result&)>& on_retry) const {
  thread_local std::mt19937 random{std::random_device{}()};
  Result result;
  int silent = 0; // attempts that timed out: an endpoint that never answers fails in bounded time
  for (int attempt = 0;; ++attempt) {
    result = call_once(service, operation, params);
    result.attempts = attempt + 1;
    silent += result.timed_out ? 1 : 0;
    if (result.ok || !result.retryable() || attempt + 1 >= retry_.max_attempts ||
        silent >= kMaxTimeouts) {
      if (silent >= kMaxTimeouts) {
        result.message += fmt::format(" ({} attempts)", silent);
      }
      return result;
    }
    auto delay = std::min(retry_.max_delay, retry_.base * (1 << std::min(attempt, 10)));
    // Full jitter between half the delay and the delay: parallel callers spread out.
    std::uniform_int_distribution<long> pick(delay.count() / 2, delay.count());
    std::this_thread::sleep_for(std::chrono::milliseconds(pick(random)));
    if (on_retry && !on_retry(result)) {
      return result;
    }
  }
}

} // namespace ecl::apply
