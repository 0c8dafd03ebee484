// Where a container image is pulled from, as its reference says: a private ECR registry (reached
// through the ECR and S3 VPC endpoints, and needing the execution role), or any other registry
// (Docker Hub, `public.ecr.aws`, quay.io…), reached only through the internet.
#pragma once

#include "compiler/model/value.h"

#include <string>
#include <string_view>

namespace ecl::model {

enum class ImageSource {
  PrivateEcr, // `123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:tag`, or `"${app.uri}:1.4"`
  Internet,   // any other registry
  Unknown,    // a reference built from a deferred value or parameter that does not say
};

ImageSource image_source(const Value& image);

// The registry a reference names, for messages: its host (`public.ecr.aws`, `quay.io`), or
// "Docker Hub" when the first path component is not a host (`nginx:1.27`, `library/redis`).
std::string registry_of(std::string_view image);

} // namespace ecl::model
