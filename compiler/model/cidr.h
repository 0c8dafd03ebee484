// An IPv4 CIDR block as a value type: parsing, containment, overlap and the arithmetic of
// cidrsubnet()/cidrhost(). Rules use this, never string work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecl {

class Cidr {
public:
  Cidr() = default;
  Cidr(std::uint32_t network, int prefix) : network_(network), prefix_(prefix) {}

  // Parses "a.b.c.d/n". On failure returns nullopt and sets `error` to the reason (for E2006);
  // host bits set is a failure ("host bits are set; did you mean 10.0.0.0/16?"), and so are
  // leading zeros: a text parsed is the str() of its CIDR.
  static std::optional<Cidr> parse(std::string_view text, std::string* error = nullptr);

  std::uint32_t network() const { return network_; }
  int prefix() const { return prefix_; }
  std::uint32_t mask() const { return prefix_ == 0 ? 0 : 0xffffffffu << (32 - prefix_); }
  std::uint32_t last() const { return network_ | ~mask(); }
  std::uint64_t size() const { return std::uint64_t{1} << (32 - prefix_); }

  bool contains(const Cidr& other) const {
    return other.prefix_ >= prefix_ && (other.network_ & mask()) == network_;
  }
  bool overlaps(const Cidr& other) const { return contains(other) || other.contains(*this); }

  // cidrsubnet(prefix, newbits, netnum); nullopt when out of range, with the reason in `error`.
  std::optional<Cidr> subnet(int newbits, std::int64_t netnum, std::string* error = nullptr) const;
  // cidrhost(prefix, n): negative n counts from the end; nullopt when out of range.
  std::optional<std::uint32_t> host(std::int64_t n, std::string* error = nullptr) const;

  std::string str() const;
  static std::string address_str(std::uint32_t address);

  friend bool operator==(const Cidr&, const Cidr&) = default;

private:
  std::uint32_t network_ = 0;
  int prefix_ = 0;
};

} // namespace ecl
