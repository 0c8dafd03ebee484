#include "compiler/model/image.h"

#include "compiler/model/model.h"

#include <variant>

namespace ecl::model {
namespace {

// Whether `text` starts with a private ECR registry: what the regular expression
// `^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/` matches, by hand (every
// container of every task is asked; a std::regex search costs more than the rest of its lowering).
bool private_ecr_prefix(std::string_view text) {
  auto take = [&](std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) {
      return false;
    }
    text.remove_prefix(prefix.size());
    return true;
  };
  for (int i = 0; i < 12; ++i) {
    if (text.empty() || text[0] < '0' || text[0] > '9') {
      return false;
    }
    text.remove_prefix(1);
  }
  if (!take(".dkr.ecr")) {
    return false;
  }
  take("-fips");
  if (!take(".")) {
    return false;
  }
  // The region: [a-z0-9-]+ up to the `.amazonaws.com` that ends the host (a region has no dot).
  std::size_t region = 0;
  while (region < text.size() &&
         ((text[region] >= 'a' && text[region] <= 'z') ||
          (text[region] >= '0' && text[region] <= '9') || text[region] == '-')) {
    ++region;
  }
  text.remove_prefix(region);
  if (region == 0 || !take(".amazonaws.com")) {
    return false;
  }
  take(".cn");
  return take("/");
}

// Whether `d` is the URI of a repository of the program (`"${app.uri}:1.4"`): in the private ECR
// registry of the account and region the program is deployed to.
bool repository_uri(const Deferred& d) {
  return d.block && d.block->kind_name == "repository" && d.attribute == "uri";
}

} // namespace

ImageSource image_source(const Value& image) {
  if (const std::string* s = image.string()) {
    return private_ecr_prefix(*s) ? ImageSource::PrivateEcr : ImageSource::Internet;
  }
  if (auto* d = image.as<Deferred>(); d && repository_uri(*d)) {
    return ImageSource::PrivateEcr;
  }
  if (auto* t = image.as<Template>()) {
    auto* first = t->parts.empty() ? nullptr : std::get_if<std::string>(&t->parts.front());
    if (first && private_ecr_prefix(*first)) {
      return ImageSource::PrivateEcr;
    }
    auto* deferred = t->parts.empty() ? nullptr : std::get_if<Deferred>(&t->parts.front());
    if (deferred && repository_uri(*deferred)) {
      return ImageSource::PrivateEcr;
    }
    // A literal registry host before the first deferred part says where it comes from.
    if (first && first->find('/') != std::string::npos) {
      return ImageSource::Internet;
    }
  }
  return ImageSource::Unknown;
}

std::string registry_of(std::string_view image) {
  // As Docker reads a reference: the first component is a registry host when it has a `.` or a
  // `:` (a port), or is `localhost`.
  std::size_t slash = image.find('/');
  if (slash != std::string_view::npos) {
    std::string_view first = image.substr(0, slash);
    if (first.find_first_of(".:") != std::string_view::npos || first == "localhost") {
      return std::string(first);
    }
  }
  return "Docker Hub";
}

} // namespace ecl::model
