// Credentials as the AWS SDKs find them (their default chain), and kept fresh during a long apply.
//
// The chain, first match wins (docs/credentials.md):
//   1. the environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (not when
//      --profile names a profile);
//   2. web identity: AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN (+ AWS_ROLE_SESSION_NAME), through
//      STS AssumeRoleWithWebIdentity;
//   3. the profile (--profile, AWS_PROFILE, "default") of the shared config and credentials files:
//      `role_arn` with `source_profile` or `credential_source` (+ `external_id`, `mfa_serial`,
//      `role_session_name`, `duration_seconds`) through STS AssumeRole; `web_identity_token_file`;
//      IAM Identity Center (`sso_session` or `sso_start_url`, `sso_account_id`, `sso_role_name`)
//      from the AWS CLI's token cache; static keys; `credential_process`;
//   4. ECS container credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI (with
//      AWS_CONTAINER_AUTHORIZATION_TOKEN or _TOKEN_FILE);
//   5. EC2 instance metadata, IMDSv2 (AWS_EC2_METADATA_SERVICE_ENDPOINT; off with
//      AWS_EC2_METADATA_DISABLED=true).
// Endpoints: STS at AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL, else the command's
// --endpoint-url, else AWS; the SSO portal at AWS_ENDPOINT_URL_SSO, else AWS_ENDPOINT_URL.
// Secrets are never printed, logged or stored; errors name the source, never a key.
#pragma once

#include "apply/aws.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace ecl::apply {

using Clock = std::chrono::system_clock;

// Credentials and when they stop working (nullopt: long-term keys).
struct TimedCredentials {
  Credentials credentials;
  std::optional<Clock::time_point> expires;
};

// Where credentials come from: fetches them, and again when they are about to expire.
class CredentialSource {
public:
  using Fetch = std::function<bool(TimedCredentials&, std::string& error)>;
  // Credentials that expire within this margin are fetched again before a call (the SDKs' 5 to
  // 15 minutes): an AWS call started with them still finishes well before they expire.
  static constexpr std::chrono::minutes kRefreshMargin{5};

  CredentialSource(std::string name, Fetch fetch);
  // The credentials to sign the next call with, fetched again first when they expire within
  // kRefreshMargin. Thread-safe. False with `error` when a needed fetch fails.
  bool get(Credentials& out, std::string& error);
  // "environment", "profile `ci` (assume role arn:aws:iam::...)", "ECS container" ...
  const std::string& name() const { return name_; }
  // How many times the credentials were fetched (the first time included).
  int fetches() const;

private:
  std::string name_;
  Fetch fetch_;
  mutable std::mutex mutex_;
  std::optional<TimedCredentials> current_;
  int fetches_ = 0;
};

struct ChainOptions {
  std::string profile;      // --profile, or "" for AWS_PROFILE / "default"
  std::string endpoint_url; // --endpoint-url: also STS's when no AWS_ENDPOINT_URL(_STS) is set
};

// Walks the chain and returns the first source that yields credentials (already fetched once),
// or nullptr with `error` naming what was tried.
std::shared_ptr<CredentialSource> resolve_credentials(const ChainOptions& options,
                                                      std::string& error);

// What `apply` and `destroy` talk to AWS with: the region (see configured_region) and the chain's
// credential source (in `out.credentials_source`). False with `error` when no source yields any.
bool load_config(const ChainOptions& options, AwsConfig& out, std::string& error);
// The region, as the AWS CLI finds it: AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`; ""
// when none is configured. Needs no credentials: `plan --state` is offline.
std::string configured_region(const std::string& profile);

// An ISO 8601 time (`2026-12-04T19:00:00Z`, fractions and `+00:00` allowed) as a time point.
std::optional<Clock::time_point> parse_time(const std::string& text);
// The SHA-1 of `text` in lower-case hex: the AWS CLI names its SSO token cache files so.
std::string sha1_hex(const std::string& text);

} // namespace ecl::apply
