// Talking to AWS: one client that makes an API call of the services a plan uses (and STS,
// for credentials: apply/credentials.h), signed with SigV4 by libcurl (CURLOPT_AWS_SIGV4).
// ECS and CloudWatch Logs speak JSON 1.1; EC2, IAM and Auto Scaling the query protocol with XML
// answers, which the client turns into JSON with the API model's (PascalCase) member names, so a
// plan's response paths (`Vpc.VpcId`, `AutoScalingGroups[0].AutoScalingGroupARN`) read both; EFS
// speaks REST-JSON (a method and path an operation: rest_request).
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ecl::apply {

using json = nlohmann::ordered_json;

// Secrets: never printed, logged or written to a plan or the state (see `redact`).
struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token; // "" without one
};

struct AwsConfig {
  Credentials credentials;  // used when there is no credentials_source; "" keys: unsigned calls
  std::string region;       // from the environment or the profile; "" when neither names one
  std::string endpoint_url; // "" for AWS's own endpoints
  std::string profile;      // the profile read ("default" unless AWS_PROFILE or --profile)
  // Attempts per call, as the AWS CLI reads it: AWS_MAX_ATTEMPTS, else the profile's
  // `max_attempts`; 0 when neither sets it (RetryPolicy's default then).
  int max_attempts = 0;
  // An attempt without an answer in this many seconds fails (AWS answers in seconds; the AWS CLI
  // waits 60 s too): --call-timeout.
  long call_timeout_seconds = 60;
  // When set, asked before each call for the credentials to sign it with (temporary ones are
  // refreshed there: apply/credentials.h); false with an error fails the call.
  std::function<bool(Credentials&, std::string&)> credentials_source;
};

// An answer: `ok` with the response as JSON, or AWS's error code and message (`code` is
// "Transport" when no HTTP answer came).
struct Result {
  bool ok = false;
  long http_status = 0;
  json response = json::object();
  std::string code;
  std::string message;
  int attempts = 0;
  bool timed_out = false; // no answer within AwsConfig::call_timeout_seconds
  bool retryable() const;
  // Whether AWS may have done the work although the call failed: no answer came (the request may
  // have arrived), or a 5xx one.
  bool outcome_unknown() const;
};

// A call whose attempts time out (AwsConfig::call_timeout_seconds) this many times is not tried
// again: an endpoint that takes connections and never answers fails a call in bounded time.
constexpr int kMaxTimeouts = 3;

// How calls are retried: throttling errors, HTTP 429 and 5xx and transport failures are tried
// again after base * 2^attempt (with jitter, at most `max_delay`), up to `max_attempts` in all.
// 12 by default (about 25 s of pauses): a call that fails eight times in a row is rare but real
// when a third of the answers are lost or throttled (tests/apply/trust_test.py's `lost` part).
struct RetryPolicy {
  int max_attempts = 12;
  std::chrono::milliseconds base{100};
  std::chrono::milliseconds max_delay{5000};
};

class Client {
public:
  Client(AwsConfig config, RetryPolicy retry = {});
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // One call (`service`: ec2, ecs, iam, logs, autoscaling; `operation`: CreateVpc), with retries.
  // `on_retry` (may be empty) hears of each failure about to be retried, after the pause before
  // the retry; when it answers false the failure is returned instead (a create whose answer was
  // lost is looked for before it is sent again). Thread-safe: each thread gets its own handle.
  Result call(const std::string& service, const std::string& operation, const json& params,
              const std::function<bool(const Result&)>& on_retry = {}) const;
  // One attempt, no retry.
  Result call_once(const std::string& service, const std::string& operation,
                   const json& params) const;

  // `text` with every credential used so far replaced by `***` (AWS error messages may quote
  // them).
  std::string redact(std::string text) const;
  const std::string& region() const { return config_.region; }

private:
  // The credentials to sign with now (the source's, remembered for redact).
  bool credentials(Credentials& out, std::string& error) const;

  AwsConfig config_;
  RetryPolicy retry_;
  mutable std::mutex secrets_mutex_;
  mutable std::vector<std::string> secrets_; // every key, secret and token signed with
};

// The query-protocol body of a request (`Action=CreateVpc&Version=2016-11-15&CidrBlock=...`):
// EC2's flattening (`TagSpecification.1.Tag.1.Key`) or IAM's and Auto Scaling's
// (`Tags.member.1.Key`). Exposed for the unit tests.
std::string query_body(const std::string& service, const std::string& operation,
                       const json& params);
// A REST-JSON request (EFS): the method, the path with the members the model puts in it and in
// the query string, and the JSON body of the others ("" for GET and DELETE). Nullopt for an
// operation rest_routes.inc does not list. Exposed for the unit tests.
struct RestRequest {
  std::string method;
  std::string path;
  std::string body;
};
std::optional<RestRequest> rest_request(const std::string& service, const std::string& operation,
                                        const json& params);
// An XML answer as JSON: elements become members with the first letter upper-cased, `item` and
// `member` lists become arrays, text becomes strings; the `XResult` wrapper and the
// `ResponseMetadata`/`requestId` are dropped. Nullopt when `xml` does not parse.
std::optional<json> xml_to_json(const std::string& xml);

// The value at a response path (`AutoScalingGroups[0].AutoScalingGroupARN`), or null. Members
// are named as botocore names them; EC2's XML wire names (`SecurityGroupInfo`) work too.
// `PATH|after:TEXT` is the part of the string at PATH after the last TEXT in it (a load
// balancer's full name is its ARN after `loadbalancer/`).
json response_value(const json& response, const std::string& path);

} // namespace ecl::apply
