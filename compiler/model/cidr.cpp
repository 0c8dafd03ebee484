#include "compiler/model/cidr.h"

#include <fmt/format.h>

namespace ecl {
namespace {

void set(std::string* error, std::string message) {
  if (error) {
    *error = std::move(message);
  }
}

// Parses a decimal number of at most `max_digits` digits from the front of `text`.
std::optional<std::uint32_t> take_number(std::string_view& text, std::size_t max_digits) {
  std::size_t i = 0;
  std::uint32_t value = 0;
  while (i < text.size() && i < max_digits && text[i] >= '0' && text[i] <= '9') {
    value = value * 10 + static_cast<std::uint32_t>(text[i] - '0');
    ++i;
  }
  if (i == 0 || (i < text.size() && text[i] >= '0' && text[i] <= '9')) {
    return std::nullopt;
  }
  if (i > 1 && text[0] == '0') {
    return std::nullopt; // leading zeros are ambiguous (octal in some tools)
  }
  text.remove_prefix(i);
  return value;
}

} // namespace

std::optional<Cidr> Cidr::parse(std::string_view text, std::string* error) {
  std::string_view rest = text;
  std::uint32_t address = 0;
  for (int i = 0; i < 4; ++i) {
    auto octet = take_number(rest, 3);
    if (!octet || *octet > 255) {
      set(error, "expected four numbers from 0 to 255 separated by dots, then `/` and a prefix");
      return std::nullopt;
    }
    address = (address << 8) | *octet;
    if (i < 3) {
      if (rest.empty() || rest.front() != '.') {
        set(error, "expected four numbers from 0 to 255 separated by dots, then `/` and a prefix");
        return std::nullopt;
      }
      rest.remove_prefix(1);
    }
  }
  if (rest.empty() || rest.front() != '/') {
    set(error, "missing the prefix length (`/16`, say)");
    return std::nullopt;
  }
  rest.remove_prefix(1);
  auto prefix = take_number(rest, 2);
  if (!prefix || *prefix > 32 || !rest.empty()) {
    set(error, "the prefix length must be a number from 0 to 32");
    return std::nullopt;
  }
  Cidr cidr(address, static_cast<int>(*prefix));
  if ((address & cidr.mask()) != address) {
    Cidr fixed(address & cidr.mask(), cidr.prefix());
    set(error, fmt::format("host bits are set; did you mean `{}`?", fixed.str()));
    return std::nullopt;
  }
  return cidr;
}

std::optional<Cidr> Cidr::subnet(int newbits, std::int64_t netnum, std::string* error) const {
  if (newbits < 0 || prefix_ + newbits > 32) {
    set(error,
        fmt::format("newbits {} would make a prefix longer than /32 from /{}", newbits, prefix_));
    return std::nullopt;
  }
  std::int64_t count = std::int64_t{1} << newbits;
  if (netnum < 0 || netnum >= count) {
    set(error,
        fmt::format("netnum {} is out of range: /{} has {} subnet{} of /{} (0 to {})", netnum,
                    prefix_, count, count == 1 ? "" : "s", prefix_ + newbits, count - 1));
    return std::nullopt;
  }
  int prefix = prefix_ + newbits;
  auto offset = static_cast<std::uint32_t>(netnum) << (32 - prefix);
  return Cidr(network_ | (prefix == 32 && newbits == 0 ? 0 : offset), prefix);
}

std::optional<std::uint32_t> Cidr::host(std::int64_t n, std::string* error) const {
  auto count = static_cast<std::int64_t>(size());
  std::int64_t index = n < 0 ? count + n : n;
  if (index < 0 || index >= count) {
    set(error,
        fmt::format("host number {} is out of range for {} ({} addresses)", n, str(), count));
    return std::nullopt;
  }
  return network_ + static_cast<std::uint32_t>(index);
}

namespace {

// Writes `a` dotted at `out`, digit by digit rather than formatted: the checker and the backends
// turn every CIDR into text, and fmt's parsing of the format string cost more than the rest.
// Returns the end; an address takes at most 15 characters.
char* write_address(char* out, std::uint32_t a) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    const unsigned octet = (a >> shift) & 0xff;
    if (octet >= 100) {
      *out++ = static_cast<char>('0' + octet / 100);
    }
    if (octet >= 10) {
      *out++ = static_cast<char>('0' + octet / 10 % 10);
    }
    *out++ = static_cast<char>('0' + octet % 10);
    if (shift) {
      *out++ = '.';
    }
  }
  return out;
}

} // namespace

std::string Cidr::address_str(std::uint32_t a) {
  char text[15];
  return std::string(text, write_address(text, a));
}

std::string Cidr::str() const {
  char text[18]; // the address, `/` and a prefix of at most two digits
  char* end = write_address(text, network_);
  *end++ = '/';
  if (prefix_ >= 10) {
    *end++ = static_cast<char>('0' + prefix_ / 10);
  }
  *end++ = static_cast<char>('0' + prefix_ % 10);
  return std::string(text, end);
}

} // namespace ecl
