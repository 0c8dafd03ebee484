#include "compiler/model/arn.h"

#include <algorithm>

namespace ecl::model {
namespace {

bool lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

} // namespace

std::optional<Arn> Arn::parse(std::string_view text) {
  if (!text.starts_with("arn:")) {
    return std::nullopt;
  }
  text.remove_prefix(4);
  Arn arn;
  for (std::string_view* part : {&arn.partition, &arn.service, &arn.region, &arn.account}) {
    const std::size_t colon = text.find(':');
    *part = text.substr(0, colon);
    text = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  }
  arn.resource = text;
  return arn;
}

bool Arn::well_formed() const {
  // `aws`, or `aws-` and words: aws-cn, aws-us-gov, aws-iso-b.
  const bool aws_partition =
      partition == "aws" || (partition.starts_with("aws-") && partition.size() > 4 &&
                             std::all_of(partition.begin(), partition.end(),
                                         [](char c) { return lower(c) || c == '-'; }));
  return aws_partition && !service.empty() && !resource.empty();
}

bool Arn::has_account_id() const {
  return account.size() == 12 && std::all_of(account.begin(), account.end(), digit);
}

std::string_view Arn::resource_type() const {
  return resource.substr(0, resource.find_first_of("/:"));
}

std::string_view Arn::resource_id() const {
  const std::size_t separator = resource.find_first_of("/:");
  return separator == std::string_view::npos ? std::string_view() : resource.substr(separator + 1);
}

bool is_region(std::string_view text) {
  // [a-z]{2}(-[a-z]+)+-[0-9]+
  if (text.size() < 3 || !lower(text[0]) || !lower(text[1]) || text[2] != '-') {
    return false;
  }
  text.remove_prefix(3);
  int words = 0;
  while (!text.empty() && lower(text[0])) {
    const std::size_t dash = text.find('-');
    if (dash == std::string_view::npos ||
        !std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(dash), lower)) {
      return false;
    }
    text.remove_prefix(dash + 1);
    ++words;
  }
  return words > 0 && !text.empty() && std::all_of(text.begin(), text.end(), digit);
}

} // namespace ecl::model
