// A log group's `kms_key` is a KMS key's ARN (E3121): CloudWatch Logs refuses a key ID or an alias.
#include "compiler/check/rules/rule.h"

#include <cctype>

namespace ecl::check {
namespace log_group_kms_rule {
namespace {

// `arn:PARTITION:kms:REGION:ACCOUNT:key/ID`, the account 12 digits.
bool key_arn(std::string_view arn) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    std::size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) {
      return false;
    }
    parts.push_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  std::string_view resource = arn.substr(start);
  bool account = parts[4].size() == 12;
  for (char ch : parts[4]) {
    account = account && std::isdigit(static_cast<unsigned char>(ch));
  }
  return parts[0] == "arn" && !parts[1].empty() && parts[2] == "kms" && !parts[3].empty() &&
         account && resource.rfind("key/", 0) == 0 && resource.size() > 4;
}

void run(RuleContext& c) {
  for (const model::Block* group : c.program.of_kind("log_group")) {
    const std::string* key = group->get_string("kms_key");
    if (key && !key_arn(*key)) {
      c.diags.report(Diag::LogGroupKmsKey, attribute_range(*group, "kms_key"), *key);
    }
  }
}

} // namespace
} // namespace log_group_kms_rule

extern const Rule kLogGroupKmsRule;
const Rule kLogGroupKmsRule{"log-group-kms",
                            "a log group's KMS key is named by its ARN",
                            "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/logs/"
                            "encrypt-log-data-kms.html",
                            {Diag::LogGroupKmsKey},
                            log_group_kms_rule::run};

} // namespace ecl::check
