// The AWS helpers the backends share (backends/common/aws.h).
#include "backends/common/aws.h"
#include "compiler/model/image.h"

#include <gtest/gtest.h>
#include <random>
#include <regex>
#include <string>

namespace ecl::backend::common {
namespace {

model::Value string_value(std::string s) {
  model::Value v;
  v.data = std::move(s);
  return v;
}

// The AWS documentation's form of a private repository's URI
// (https://docs.aws.amazon.com/AmazonECR/latest/userguide/Repositories.html), as a regular
// expression: model::image_source matches it by hand and must agree with it.
const std::regex kEcr(R"(^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/)");

// A private ECR image (`123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:tag`), whose pull needs
// the execution role (task_needs).
bool from_private_ecr(const model::Value& image) {
  return model::image_source(image) == model::ImageSource::PrivateEcr;
}

bool by_regex(const std::string& s) {
  return std::regex_search(s, kEcr);
}

TEST(Aws, PrivateEcrImages) {
  for (const char* yes : {"123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo:tag",
                          "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/r",
                          "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/r@sha256:00"}) {
    EXPECT_TRUE(from_private_ecr(string_value(yes))) << yes;
    EXPECT_TRUE(by_regex(yes)) << yes;
  }
  for (const char* no :
       {"public.ecr.aws/nginx/nginx:1.27", "nginx", "12345678901.dkr.ecr.eu-west-1.amazonaws.com/r",
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "123456789012.dkr.ecr..amazonaws.com/r",
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com.cnx/r",
        "x123456789012.dkr.ecr.a.amazonaws.com/", "123456789012.dkr.ecr-fipsx.a.amazonaws.com/",
        "123456789012.dkr.ecr.EU.amazonaws.com/r"}) {
    EXPECT_FALSE(from_private_ecr(string_value(no))) << no;
    EXPECT_FALSE(by_regex(no)) << no;
  }
}

// An image whose reference starts with the `uri` of a repository of the program
// (`"${app.uri}:1.4"`, or `app.uri` alone) is in private ECR, and so needs the execution role;
// another deferred start says nothing.
TEST(Aws, RepositoryUriImages) {
  model::Block repository, role;
  repository.kind_name = "repository";
  role.kind_name = "role";
  auto image = [](const model::Block& block, std::string_view attribute, bool tagged) {
    model::Value v;
    if (tagged) {
      v.data = model::Template{{model::Deferred{&block, attribute}, std::string(":1.4")}};
    } else {
      v.data = model::Deferred{&block, attribute};
    }
    return v;
  };
  EXPECT_TRUE(from_private_ecr(image(repository, "uri", true)));
  EXPECT_TRUE(from_private_ecr(image(repository, "uri", false)));
  EXPECT_FALSE(from_private_ecr(image(repository, "arn", true)));
  EXPECT_FALSE(from_private_ecr(image(role, "uri", false)));
}

// Random strings built from the pieces of the pattern, near misses included: the hand-written
// match and the regular expression agree on every one.
TEST(Aws, PrivateEcrAgreesWithTheRegularExpression) {
  const std::vector<std::string> pieces = {"123456789012",
                                           "12345678901",
                                           "1234567890123",
                                           "0",
                                           "9",
                                           ".dkr",
                                           ".ecr",
                                           "-fips",
                                           "-fip",
                                           ".",
                                           "eu-west-1",
                                           "a",
                                           "-",
                                           "A",
                                           "_",
                                           ".amazonaws",
                                           ".com",
                                           ".cn",
                                           ".c",
                                           "/",
                                           "repo",
                                           ":"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), count(0, 9);
  const std::string canonical = "123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com.cn/";
  std::size_t matches = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    if (i % 2 == 0) {
      // A mutation of a match: one piece replaced, dropped or inserted somewhere.
      s = canonical;
      std::size_t at = std::uniform_int_distribution<std::size_t>(0, s.size())(random);
      std::size_t cut = std::uniform_int_distribution<std::size_t>(0, 4)(random);
      s = s.substr(0, at) + (i % 4 == 0 ? pieces[piece(random)] : "") +
          s.substr(std::min(s.size(), at + cut));
    } else {
      for (std::size_t n = count(random); n > 0; --n) {
        s += pieces[piece(random)];
      }
    }
    bool expected = by_regex(s);
    matches += expected ? 1 : 0;
    ASSERT_EQ(from_private_ecr(string_value(s)), expected) << s;
  }
  EXPECT_GT(matches, 100u); // the inputs reach both answers
}

} // namespace
} // namespace ecl::backend::common
