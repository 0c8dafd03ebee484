#include "apply/credentials.h"

#include "apply/network_libraries.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace ecl::apply {

namespace {

using Section = std::map<std::string, std::string>;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The `key = value` lines of one section of an INI file (the AWS shared files' format).
Section ini_section(const std::string& path, const std::string& section) {
  Section out;
  std::istringstream in(read_file(path));
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') {
      continue;
    }
    if (line.front() == '[' && line.back() == ']') {
      inside = trim(line.substr(1, line.size() - 2)) == section;
      continue;
    }
    auto eq = line.find('=');
    if (inside && eq != std::string::npos) {
      out[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
    }
  }
  return out;
}

std::string home_file(const char* variable, const char* name) {
  std::string set = env(variable);
  return !set.empty() ? set : env("HOME") + "/.aws/" + name;
}

std::string profile_name(const std::string& profile) {
  return !profile.empty() ? profile : !env("AWS_PROFILE").empty() ? env("AWS_PROFILE") : "default";
}

Section config_section(const std::string& profile) {
  return ini_section(home_file("AWS_CONFIG_FILE", "config"),
                     profile == "default" ? "default" : "profile " + profile);
}

// A profile's settings: the config file's, with the credentials file's over them.
Section profile_section(const std::string& profile) {
  Section out = config_section(profile);
  for (auto& [key, value] :
       ini_section(home_file("AWS_SHARED_CREDENTIALS_FILE", "credentials"), profile)) {
    out[key] = value;
  }
  return out;
}

std::string get(const Section& s, const char* key) {
  auto it = s.find(key);
  return it == s.end() ? std::string() : it->second;
}

// ---- HTTP for the metadata endpoints and the SSO portal ---------------------------------------

struct HttpAnswer {
  bool ok = false; // an HTTP answer came
  long status = 0;
  std::string body;
  std::string error;
};

// One request with no retry: the metadata endpoints answer at once or are not there.
HttpAnswer http(const std::string& method, const std::string& url,
                const std::vector<std::string>& header_lines, long timeout_seconds) {
  HttpAnswer answer;
  CURL* curl = libcurl().easy_init();
  curl_slist* headers = nullptr;
  for (const auto& h : header_lines) {
    headers = libcurl().slist_append(headers, h.c_str());
  }
  libcurl().easy_setopt(curl, CURLOPT_URL, url.c_str());
  libcurl().easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  libcurl().easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  libcurl().easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  libcurl().easy_setopt(curl, CURLOPT_WRITEDATA, &answer.body);
  libcurl().easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  libcurl().easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, timeout_seconds);
  libcurl().easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds * 5);
  CURLcode rc = libcurl().easy_perform(curl);
  if (rc == CURLE_OK) {
    answer.ok = true;
    libcurl().easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
  } else {
    answer.error = libcurl().easy_strerror(rc);
  }
  libcurl().slist_free_all(headers);
  libcurl().easy_cleanup(curl);
  return answer;
}

// Credentials from a JSON document with the given member names; false when keys are missing.
bool credentials_from_json(const json& doc, const char* key, const char* secret, const char* token,
                           const char* expiration, TimedCredentials& out) {
  if (!doc.is_object() || !doc.contains(key) || !doc.contains(secret) || !doc[key].is_string() ||
      !doc[secret].is_string()) {
    return false;
  }
  out.credentials = {doc[key].get<std::string>(), doc[secret].get<std::string>(),
                     doc.value(token, std::string())};
  out.expires.reset();
  if (doc.contains(expiration) && doc[expiration].is_string()) {
    out.expires = parse_time(doc[expiration].get<std::string>());
  } else if (doc.contains(expiration) && doc[expiration].is_number()) { // SSO: epoch milliseconds
    out.expires = Clock::time_point(std::chrono::milliseconds(doc[expiration].get<long long>()));
  }
  return true;
}

// ---- STS --------------------------------------------------------------------------------------

std::string sts_endpoint(const ChainOptions& options) {
  for (const char* name : {"AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"}) {
    if (!env(name).empty()) {
      return env(name);
    }
  }
  return options.endpoint_url;
}

bool sts_credentials(const Client& sts, const std::string& operation, const json& params,
                     TimedCredentials& out, std::string& error) {
  Result r = sts.call("sts", operation, params);
  if (!r.ok) {
    error = "sts:" + operation + " failed: " + r.code + ": " + r.message;
    return false;
  }
  if (!credentials_from_json(response_value(r.response, "Credentials"), "AccessKeyId",
                             "SecretAccessKey", "SessionToken", "Expiration", out)) {
    error = "sts:" + operation + " answered without credentials";
    return false;
  }
  return true;
}

std::string session_name(const std::string& configured) {
  return !configured.empty() ? configured
                             : "eclc-" + std::to_string(Clock::to_time_t(Clock::now()));
}

// AssumeRoleWithWebIdentity: unsigned, the token read again at each fetch (it is rotated).
CredentialSource::Fetch web_identity(const ChainOptions& options, std::string role_arn,
                                     std::string token_file, std::string session) {
  return [=](TimedCredentials& out, std::string& error) {
    std::string token = trim(read_file(token_file));
    if (token.empty()) {
      error = "cannot read the web identity token file `" + token_file + "`";
      return false;
    }
    AwsConfig config;
    config.region = "us-east-1";
    config.endpoint_url = sts_endpoint(options);
    Client sts(config);
    json params = {{"RoleArn", role_arn},
                   {"RoleSessionName", session_name(session)},
                   {"WebIdentityToken", token}};
    return sts_credentials(sts, "AssumeRoleWithWebIdentity", params, out, error);
  };
}

// ---- credential_process -----------------------------------------------------------------------

CredentialSource::Fetch credential_process(std::string command) {
  return [command](TimedCredentials& out, std::string& error) {
    // The command line as the shared config file writes it, run by the shell as the CLI does.
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
      error = "cannot run credential_process";
      return false;
    }
    std::string text;
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
      text.append(buffer.data(), n);
    }
    int status = ::pclose(pipe);
    if (status != 0) {
      error = "credential_process exited with status " +
              std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : status);
      return false;
    }
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object() || doc.value("Version", 0) != 1 ||
        !credentials_from_json(doc, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration",
                               out)) {
      error = "credential_process printed no Version 1 credentials (AccessKeyId, "
              "SecretAccessKey)";
      return false;
    }
    return true;
  };
}

// ---- IAM Identity Center (SSO) ----------------------------------------------------------------

bool sso_settings(const Section& profile, Section& out, std::string& error) {
  out = profile;
  std::string session = get(profile, "sso_session");
  if (!session.empty()) {
    Section s = ini_section(home_file("AWS_CONFIG_FILE", "config"), "sso-session " + session);
    if (s.empty()) {
      error = "sso_session `" + session + "` has no [sso-session " + session + "] section";
      return false;
    }
    for (auto& [k, v] : s) {
      out.emplace(k, v);
    }
  }
  for (const char* key : {"sso_start_url", "sso_region", "sso_account_id", "sso_role_name"}) {
    if (get(out, key).empty()) {
      error = std::string("the profile's IAM Identity Center settings lack `") + key + "`";
      return false;
    }
  }
  return true;
}

CredentialSource::Fetch sso(Section settings, std::string profile) {
  return [settings, profile](TimedCredentials& out, std::string& error) {
    std::string session = get(settings, "sso_session");
    std::string key = sha1_hex(!session.empty() ? session : get(settings, "sso_start_url"));
    std::string cache = env("HOME") + "/.aws/sso/cache/" + key + ".json";
    json token = json::parse(read_file(cache), nullptr, /*allow_exceptions=*/false);
    std::string login = "; run `aws sso login --profile " + profile + "`";
    if (token.is_discarded() || !token.is_object() || !token.contains("accessToken")) {
      error = "no IAM Identity Center token in the AWS CLI's cache" + login;
      return false;
    }
    auto expires = parse_time(token.value("expiresAt", ""));
    if (!expires || *expires <= Clock::now()) {
      error = "the IAM Identity Center token has expired" + login;
      return false;
    }
    std::string endpoint =
        !env("AWS_ENDPOINT_URL_SSO").empty() ? env("AWS_ENDPOINT_URL_SSO")
        : !env("AWS_ENDPOINT_URL").empty()
            ? env("AWS_ENDPOINT_URL")
            : "https://portal.sso." + get(settings, "sso_region") + ".amazonaws.com";
    while (!endpoint.empty() && endpoint.back() == '/') {
      endpoint.pop_back();
    }
    HttpAnswer a =
        http("GET",
             endpoint + "/federation/credentials?account_id=" + get(settings, "sso_account_id") +
                 "&role_name=" + get(settings, "sso_role_name"),
             {"x-amz-sso_bearer_token: " + token["accessToken"].get<std::string>()}, 5);
    if (!a.ok || a.status != 200) {
      error = "IAM Identity Center GetRoleCredentials failed: " +
              (a.ok ? "HTTP " + std::to_string(a.status) : a.error) + login;
      return false;
    }
    json doc = json::parse(a.body, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() ||
        !credentials_from_json(doc.value("roleCredentials", json::object()), "accessKeyId",
                               "secretAccessKey", "sessionToken", "expiration", out)) {
      error = "IAM Identity Center answered without credentials";
      return false;
    }
    return true;
  };
}

// ---- ECS container and EC2 instance metadata --------------------------------------------------

bool container_configured() {
  return !env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").empty() ||
         !env("AWS_CONTAINER_CREDENTIALS_FULL_URI").empty();
}

// The SDKs accept a full URI over plain HTTP only to loopback or the ECS and EKS agents.
bool allowed_container_uri(const std::string& uri) {
  if (uri.rfind("https://", 0) == 0) {
    return true;
  }
  for (const char* host : {"http://127.0.0.1", "http://localhost", "http://[::1]",
                           "http://169.254.170.2", "http://169.254.170.23"}) {
    std::string h = host;
    if (uri.rfind(h, 0) == 0 &&
        (uri.size() == h.size() || uri[h.size()] == ':' || uri[h.size()] == '/')) {
      return true;
    }
  }
  return false;
}

CredentialSource::Fetch container() {
  return [](TimedCredentials& out, std::string& error) {
    std::string relative = env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    std::string uri = !relative.empty() ? "http://169.254.170.2" + relative
                                        : env("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    if (relative.empty() && !allowed_container_uri(uri)) {
      error = "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address "
              "or the ECS agent";
      return false;
    }
    std::vector<std::string> headers;
    std::string token = env("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    if (!env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE").empty()) {
      token = trim(read_file(env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")));
    }
    if (!token.empty()) {
      headers.push_back("Authorization: " + token);
    }
    HttpAnswer a = http("GET", uri, headers, 2);
    json doc = json::parse(a.body, nullptr, /*allow_exceptions=*/false);
    if (!a.ok || a.status != 200 || doc.is_discarded() ||
        !credentials_from_json(doc, "AccessKeyId", "SecretAccessKey", "Token", "Expiration", out)) {
      error = "the ECS container credentials endpoint gave no credentials (" +
              (a.ok ? "HTTP " + std::to_string(a.status) : a.error) + ")";
      return false;
    }
    return true;
  };
}

std::string imds_endpoint() {
  std::string e = env("AWS_EC2_METADATA_SERVICE_ENDPOINT");
  if (e.empty()) {
    e = "http://169.254.169.254";
  }
  while (!e.empty() && e.back() == '/') {
    e.pop_back();
  }
  return e;
}

bool imds_disabled() {
  std::string v = env("AWS_EC2_METADATA_DISABLED");
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
  return v == "true";
}

// IMDSv2: a session token (PUT), the role name, then the role's credentials.
CredentialSource::Fetch instance_metadata() {
  return [](TimedCredentials& out, std::string& error) {
    std::string base = imds_endpoint();
    HttpAnswer t =
        http("PUT", base + "/latest/api/token", {"X-aws-ec2-metadata-token-ttl-seconds: 21600"}, 1);
    if (!t.ok || t.status != 200 || t.body.empty()) {
      error = "no EC2 instance metadata service answered at " + base;
      return false;
    }
    std::string header = "X-aws-ec2-metadata-token: " + t.body;
    std::string path = base + "/latest/meta-data/iam/security-credentials/";
    HttpAnswer role = http("GET", path, {header}, 1);
    std::string name = trim(role.body.substr(0, role.body.find('\n')));
    if (!role.ok || role.status != 200 || name.empty()) {
      error = "the EC2 instance has no IAM role (instance profile)";
      return false;
    }
    HttpAnswer c = http("GET", path + name, {header}, 1);
    json doc = json::parse(c.body, nullptr, /*allow_exceptions=*/false);
    if (!c.ok || c.status != 200 || doc.is_discarded() || doc.value("Code", "") != "Success" ||
        !credentials_from_json(doc, "AccessKeyId", "SecretAccessKey", "Token", "Expiration", out)) {
      error = "the EC2 instance metadata service gave no credentials for role `" + name + "`";
      return false;
    }
    return true;
  };
}

// ---- Profiles ---------------------------------------------------------------------------------

CredentialSource::Fetch static_keys(Credentials keys) {
  return [keys](TimedCredentials& out, std::string&) {
    out = {keys, std::nullopt};
    return true;
  };
}

bool has_keys(const Section& s) {
  return !get(s, "aws_access_key_id").empty() && !get(s, "aws_secret_access_key").empty();
}

// An MFA code for AssumeRole, asked on the terminal.
bool mfa_code(const std::string& serial, std::string& code, std::string& error) {
  if (!::isatty(STDIN_FILENO)) {
    error =
        "the role needs an MFA code (mfa_serial " + serial + "); run eclc on a terminal to type it";
    return false;
  }
  std::cerr << "Enter MFA code for " << serial << ": " << std::flush;
  std::getline(std::cin, code);
  code = trim(code);
  if (code.empty()) {
    error = "no MFA code given";
    return false;
  }
  return true;
}

// The profile's source of credentials, following `source_profile` (at most kMaxChain hops).
bool profile_source(const ChainOptions& options, const std::string& profile, int depth,
                    std::string& name, CredentialSource::Fetch& fetch, std::string& error) {
  constexpr int kMaxChain = 8; // role chains longer than this are a loop in the config
  Section s = profile_section(profile);
  std::string role = get(s, "role_arn");
  if (!role.empty() && depth < kMaxChain) {
    std::string source_name;
    CredentialSource::Fetch source;
    std::string source_profile = get(s, "source_profile");
    std::string credential_source = get(s, "credential_source");
    if (!source_profile.empty()) {
      // A profile that names itself as source uses its own keys (the CLI's rule).
      if (source_profile == profile && has_keys(s)) {
        source = static_keys({get(s, "aws_access_key_id"), get(s, "aws_secret_access_key"),
                              get(s, "aws_session_token")});
      } else if (!profile_source(options, source_profile, depth + 1, source_name, source, error)) {
        return false;
      }
    } else if (credential_source == "Environment") {
      source = static_keys(
          {env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY"), env("AWS_SESSION_TOKEN")});
    } else if (credential_source == "EcsContainer") {
      source = container();
    } else if (credential_source == "Ec2InstanceMetadata") {
      source = instance_metadata();
    } else {
      error = "profile `" + profile + "` has role_arn but no source_profile or credential_source" +
              (credential_source.empty() ? "" : " eclc knows (`" + credential_source + "`)");
      return false;
    }
    std::string external_id = get(s, "external_id");
    std::string mfa_serial = get(s, "mfa_serial");
    std::string session = get(s, "role_session_name");
    std::string duration = get(s, "duration_seconds");
    auto base = std::make_shared<CredentialSource>("source", source);
    // The MFA code is asked once: a refresh without it would need the terminal mid-apply.
    auto asked = std::make_shared<bool>(false);
    fetch = [=](TimedCredentials& out, std::string& err) {
      Credentials from;
      if (!base->get(from, err)) {
        return false;
      }
      json params = {{"RoleArn", role}, {"RoleSessionName", session_name(session)}};
      if (!external_id.empty()) {
        params["ExternalId"] = external_id;
      }
      if (!duration.empty()) {
        params["DurationSeconds"] = std::atoi(duration.c_str());
      }
      if (!mfa_serial.empty()) {
        std::string code;
        if (*asked) {
          err = "the role's credentials expired and need a new MFA code; run eclc again";
          return false;
        }
        if (!mfa_code(mfa_serial, code, err)) {
          return false;
        }
        *asked = true;
        params["SerialNumber"] = mfa_serial;
        params["TokenCode"] = code;
      }
      AwsConfig config;
      config.region = "us-east-1";
      config.endpoint_url = sts_endpoint(options);
      config.credentials = from;
      Client sts(config);
      return sts_credentials(sts, "AssumeRole", params, out, err);
    };
    name = "profile `" + profile + "` (assume role " + role + ")";
    return true;
  }
  if (!role.empty()) {
    error = "profile `" + profile + "`: source_profile chain longer than 8 or a loop";
    return false;
  }
  if (!get(s, "web_identity_token_file").empty()) {
    error = "profile `" + profile + "` has web_identity_token_file but no role_arn";
    return false;
  }
  if (!get(s, "sso_session").empty() || !get(s, "sso_start_url").empty()) {
    Section settings;
    if (!sso_settings(s, settings, error)) {
      error = "profile `" + profile + "`: " + error;
      return false;
    }
    fetch = sso(settings, profile);
    name = "profile `" + profile + "` (IAM Identity Center)";
    return true;
  }
  if (has_keys(s)) {
    fetch = static_keys({get(s, "aws_access_key_id"), get(s, "aws_secret_access_key"),
                         get(s, "aws_session_token")});
    name = "profile `" + profile + "`";
    return true;
  }
  if (!get(s, "credential_process").empty()) {
    fetch = credential_process(get(s, "credential_process"));
    name = "profile `" + profile + "` (credential_process)";
    return true;
  }
  return false; // nothing here: the chain goes on
}

} // namespace

CredentialSource::CredentialSource(std::string name, Fetch fetch)
    : name_(std::move(name)), fetch_(std::move(fetch)) {}

bool CredentialSource::get(Credentials& out, std::string& error) {
  std::lock_guard lock(mutex_);
  bool fresh =
      current_ && (!current_->expires || Clock::now() + kRefreshMargin < *current_->expires);
  if (!fresh) {
    TimedCredentials next;
    std::string why;
    ++fetches_;
    if (!fetch_(next, why)) {
      // Still-valid credentials outlive a failed refresh; the next call tries again.
      if (current_ && current_->expires && Clock::now() < *current_->expires) {
        out = current_->credentials;
        return true;
      }
      error = name_ + ": " + why;
      return false;
    }
    current_ = std::move(next);
  }
  out = current_->credentials;
  return true;
}

int CredentialSource::fetches() const {
  std::lock_guard lock(mutex_);
  return fetches_;
}

std::shared_ptr<CredentialSource> resolve_credentials(const ChainOptions& options,
                                                      std::string& error) {
  auto found = [&](std::string name, CredentialSource::Fetch fetch) {
    auto source = std::make_shared<CredentialSource>(std::move(name), std::move(fetch));
    Credentials first;
    return source->get(first, error) ? source : nullptr;
  };
  // 1. The environment's keys (an explicit --profile wins over them, as in the AWS CLI).
  if (options.profile.empty() && !env("AWS_ACCESS_KEY_ID").empty() &&
      !env("AWS_SECRET_ACCESS_KEY").empty()) {
    return found("environment", static_keys({env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY"),
                                             env("AWS_SESSION_TOKEN")}));
  }
  // 2. Web identity from the environment.
  if (options.profile.empty() && !env("AWS_WEB_IDENTITY_TOKEN_FILE").empty() &&
      !env("AWS_ROLE_ARN").empty()) {
    return found("web identity (" + env("AWS_ROLE_ARN") + ")",
                 web_identity(options, env("AWS_ROLE_ARN"), env("AWS_WEB_IDENTITY_TOKEN_FILE"),
                              env("AWS_ROLE_SESSION_NAME")));
  }
  // 3. The profile.
  std::string profile = profile_name(options.profile);
  Section s = profile_section(profile);
  if (!get(s, "web_identity_token_file").empty() && !get(s, "role_arn").empty() &&
      get(s, "source_profile").empty() && get(s, "credential_source").empty()) {
    return found("profile `" + profile + "` (web identity)",
                 web_identity(options, get(s, "role_arn"), get(s, "web_identity_token_file"),
                              get(s, "role_session_name")));
  }
  std::string name;
  CredentialSource::Fetch fetch;
  if (profile_source(options, profile, 0, name, fetch, error)) {
    return found(name, fetch);
  }
  if (!error.empty()) {
    return nullptr;
  }
  if (!options.profile.empty()) {
    error = "profile `" + profile + "` has no credentials in " +
            home_file("AWS_SHARED_CREDENTIALS_FILE", "credentials") + " or " +
            home_file("AWS_CONFIG_FILE", "config");
    return nullptr;
  }
  // 4. ECS container credentials.
  if (container_configured()) {
    return found("ECS container", container());
  }
  // 5. EC2 instance metadata.
  if (!imds_disabled()) {
    std::string why;
    auto source = std::make_shared<CredentialSource>("EC2 instance metadata", instance_metadata());
    Credentials first;
    if (source->get(first, why)) {
      return source;
    }
  }
  error = "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give profile `" +
          profile + "` keys, a role, SSO or a credential_process in " +
          home_file("AWS_SHARED_CREDENTIALS_FILE", "credentials") + " or " +
          home_file("AWS_CONFIG_FILE", "config") + " (docs/credentials.md lists every source)";
  return nullptr;
}

std::string configured_region(const std::string& profile) {
  if (!env("AWS_REGION").empty()) {
    return env("AWS_REGION");
  }
  if (!env("AWS_DEFAULT_REGION").empty()) {
    return env("AWS_DEFAULT_REGION");
  }
  return get(config_section(profile_name(profile)), "region");
}

bool load_config(const ChainOptions& options, AwsConfig& out, std::string& error) {
  out.profile = profile_name(options.profile);
  out.region = configured_region(options.profile);
  std::string attempts = env("AWS_MAX_ATTEMPTS");
  if (attempts.empty()) {
    attempts = get(config_section(out.profile), "max_attempts");
  }
  if (!attempts.empty()) {
    char* end = nullptr;
    long n = std::strtol(attempts.c_str(), &end, 10);
    if (*end != '\0' || n < 1 || n > 100) {
      error = "max attempts `" + attempts + "` (AWS_MAX_ATTEMPTS or the profile's " +
              "max_attempts): a whole number from 1 to 100";
      return false;
    }
    out.max_attempts = static_cast<int>(n);
  }
  std::shared_ptr<CredentialSource> source = resolve_credentials(options, error);
  if (!source) {
    return false;
  }
  out.credentials_source = [source](Credentials& c, std::string& e) { return source->get(c, e); };
  return true;
}

std::optional<Clock::time_point> parse_time(const std::string& text) {
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6) {
    return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::string rest = text.substr(static_cast<std::size_t>(consumed));
  if (!rest.empty() && rest[0] == '.') { // fractions of a second: dropped
    std::size_t end = rest.find_first_not_of("0123456789", 1);
    rest = end == std::string::npos ? "" : rest.substr(end);
  }
  long offset = 0;
  if (rest == "Z" || rest == "z" || rest.empty() || rest == "UTC") {
  } else if ((rest[0] == '+' || rest[0] == '-') && rest.size() == 6 && rest[3] == ':') {
    offset = (std::atol(rest.substr(1, 2).c_str()) * 60 + std::atol(rest.substr(4, 2).c_str())) *
             60 * (rest[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  return Clock::from_time_t(::timegm(&tm) - offset);
}

std::string sha1_hex(const std::string& text) {
  // FIPS 180-4, section 6.1: only for naming the SSO cache file, as the AWS CLI does.
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string m = text;
  std::uint64_t bits = static_cast<std::uint64_t>(text.size()) * 8;
  m += static_cast<char>(0x80);
  while (m.size() % 64 != 56) {
    m += '\0';
  }
  for (int i = 7; i >= 0; --i) {
    m += static_cast<char>((bits >> (i * 8)) & 0xff);
  }
  auto rotl = [](std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
  for (std::size_t chunk = 0; chunk < m.size(); chunk += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int j = 0; j < 4; ++j) {
        w[i] = (w[i] << 8) | static_cast<unsigned char>(m[chunk + i * 4 + j]);
      }
    }
    for (int i = 16; i < 80; ++i) {
      w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d), k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d, k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d, k = 0xCA62C1D6;
      }
      std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
      e = d, d = c, c = rotl(b, 30), b = a, a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
  }
  char out[41];
  for (int i = 0; i < 5; ++i) {
    std::snprintf(out + i * 8, 9, "%08x", h[i]);
  }
  return std::string(out, 40);
}

} // namespace ecl::apply
