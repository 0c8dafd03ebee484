// The credential chain's helpers (apply/credentials.h); the sources themselves are tested for real
// against moto and local stand-ins in tests/apply/credentials_test.py.
#include "apply/credentials.h"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>

namespace {

using ecl::apply::Clock;
using ecl::apply::parse_time;

TEST(Credentials, Sha1NamesTheSsoCacheAsTheAwsCliDoes) {
  EXPECT_EQ(ecl::apply::sha1_hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(ecl::apply::sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  // Two blocks: the padding crosses a 64-byte boundary.
  EXPECT_EQ(ecl::apply::sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(ecl::apply::sha1_hex("https://corp.awsapps.com/start").size(), 40u);
}

TEST(Credentials, ExpirationTimes) {
  auto at = [](const char* text) { return Clock::to_time_t(*parse_time(text)); };
  EXPECT_EQ(at("2026-12-04T19:00:00Z"), 1796410800);
  EXPECT_EQ(at("2026-12-04T19:00:00.123Z"), 1796410800);
  EXPECT_EQ(at("2026-12-04T20:00:00+01:00"), 1796410800);
  EXPECT_EQ(at("2026-12-04T18:30:00-00:30"), 1796410800);
  EXPECT_EQ(at("2026-12-04T19:00:00UTC"), 1796410800);
  EXPECT_FALSE(parse_time("tomorrow").has_value());
  EXPECT_FALSE(parse_time("2026-12-04T19:00:00 PST").has_value());
}

// Credentials are fetched again when they expire within CredentialSource::kRefreshMargin, and a
// failed refresh keeps credentials that still work.
TEST(Credentials, RefreshedWithinTheMarginOnly) {
  int fetches = 0;
  bool fail = false;
  Clock::duration lifetime = std::chrono::hours(1);
  ecl::apply::CredentialSource source(
      "test", [&](ecl::apply::TimedCredentials& out, std::string& why) {
        if (fail) {
          why = "endpoint down";
          return false;
        }
        ++fetches;
        out.credentials = {"AKID" + std::to_string(fetches), "secret", "token"};
        out.expires = Clock::now() + lifetime;
        return true;
      });
  ecl::apply::Credentials c;
  std::string error;
  ASSERT_TRUE(source.get(c, error));
  ASSERT_TRUE(source.get(c, error));
  EXPECT_EQ(fetches, 1);
  EXPECT_EQ(c.access_key_id, "AKID1");

  ecl::apply::CredentialSource expiring(
      "expiring", [&](ecl::apply::TimedCredentials& out, std::string& why) {
        if (fail) {
          why = "endpoint down";
          return false;
        }
        ++fetches;
        out.credentials = {"AKID" + std::to_string(fetches), "secret", "token"};
        out.expires = Clock::now() + std::chrono::minutes(4); // inside the 5-minute margin
        return true;
      });
  ASSERT_TRUE(expiring.get(c, error));
  ASSERT_TRUE(expiring.get(c, error));
  EXPECT_EQ(expiring.fetches(), 2);
  EXPECT_EQ(c.access_key_id, "AKID3");
  fail = true;
  ASSERT_TRUE(expiring.get(c, error)) << error; // not expired yet: kept
  EXPECT_EQ(c.access_key_id, "AKID3");

  ecl::apply::CredentialSource broken("broken",
                                      [&](ecl::apply::TimedCredentials&, std::string& why) {
                                        why = "endpoint down";
                                        return false;
                                      });
  EXPECT_FALSE(broken.get(c, error));
  EXPECT_EQ(error, "broken: endpoint down");
}

// Attempts a call: AWS_MAX_ATTEMPTS, else the profile's `max_attempts`, as the AWS CLI reads them.
TEST(Credentials, MaxAttemptsFromTheEnvironmentOrTheProfile) {
  std::string config = ::testing::TempDir() + "eclc_max_attempts_config";
  {
    std::ofstream out(config);
    out << "[default]\nmax_attempts = 5\n[profile bad]\nmax_attempts = many\n";
  }
  ::setenv("AWS_CONFIG_FILE", config.c_str(), 1);
  ::setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null", 1);
  ::setenv("AWS_ACCESS_KEY_ID", "testing", 1);
  ::setenv("AWS_SECRET_ACCESS_KEY", "testing", 1);
  ::unsetenv("AWS_PROFILE");
  ::unsetenv("AWS_MAX_ATTEMPTS");
  ecl::apply::AwsConfig got;
  std::string error;
  ASSERT_TRUE(ecl::apply::load_config({}, got, error)) << error;
  EXPECT_EQ(got.max_attempts, 5);
  ::setenv("AWS_MAX_ATTEMPTS", "2", 1);
  ASSERT_TRUE(ecl::apply::load_config({}, got, error)) << error;
  EXPECT_EQ(got.max_attempts, 2);
  ::unsetenv("AWS_MAX_ATTEMPTS");
  EXPECT_FALSE(ecl::apply::load_config({"bad", ""}, got, error));
  EXPECT_NE(error.find("max_attempts"), std::string::npos) << error;
  ::unsetenv("AWS_CONFIG_FILE");
  ::unsetenv("AWS_SHARED_CREDENTIALS_FILE");
  ::unsetenv("AWS_ACCESS_KEY_ID");
  ::unsetenv("AWS_SECRET_ACCESS_KEY");
}

} // namespace
