// What the name of an EC2 instance type says about its processor, and the ECS-optimized images
// of each architecture: an instance boots only an image of its own architecture, so the default
// image of an `ec2_capacity` follows its instance type (the checker) and a written one must match
// it (E3222).
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace ecl::check {

// The ECS-optimized Amazon Linux 2023 images, as public SSM parameters
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html).
inline constexpr std::string_view kEcsAmiX86 =
    "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
inline constexpr std::string_view kEcsAmiArm =
    "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id";

// `arm64` for a Graviton instance type, `x86_64` for the others. The family (before the `.`) names
// the processor: `a1`, and a `g` right after the generation digits (`m6g`, `c7gn`, `t4g`, `x2gd`,
// `im4gn`, `is4gen`, `hpc7g`, `r8g`) are Graviton
// (https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html).
inline std::string_view instance_architecture(std::string_view type) {
  const std::string_view family = type.substr(0, type.find('.'));
  if (family == "a1") {
    return "arm64";
  }
  std::size_t i = 0;
  while (i < family.size() && std::islower(static_cast<unsigned char>(family[i]))) {
    ++i;
  }
  const std::size_t digits = i;
  while (i < family.size() && std::isdigit(static_cast<unsigned char>(family[i]))) {
    ++i;
  }
  const bool graviton = digits > 0 && i > digits && i < family.size() && family[i] == 'g';
  return graviton ? "arm64" : "x86_64";
}

// The architecture of an ECS-optimized image parameter (`/aws/service/ecs/optimized-ami/…`), or ""
// for any other image: an AMI ID or another parameter says nothing the checker can read.
inline std::string_view ecs_ami_architecture(std::string_view ami) {
  constexpr std::string_view prefix = "/aws/service/ecs/optimized-ami/";
  if (ami.substr(0, prefix.size()) != prefix) {
    return "";
  }
  return ami.find("/arm64/") != std::string_view::npos ? "arm64" : "x86_64";
}

// An EC2 instance type's size: what one instance offers the tasks ECS places on it, before what
// the operating system and the ECS agent keep (ECS registers a little less memory than this).
struct InstanceType {
  std::string_view name;
  std::int64_t vcpus;
  std::int64_t memory_mib;
};

// Every instance type EC2 lists, sorted by name
// (https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-type-specifications.html).
inline constexpr InstanceType kInstanceTypes[] = {
#define ECL_INSTANCE_TYPE(name, vcpus, memory) {name, vcpus, memory},
#include "compiler/check/instance_types.def"
#undef ECL_INSTANCE_TYPE
};

// The instance type of that name, or nullptr.
inline const InstanceType* find_instance_type(std::string_view name) {
  const auto* it =
      std::lower_bound(std::begin(kInstanceTypes), std::end(kInstanceTypes), name,
                       [](const InstanceType& t, std::string_view n) { return t.name < n; });
  return it != std::end(kInstanceTypes) && it->name == name ? it : nullptr;
}

} // namespace ecl::check
