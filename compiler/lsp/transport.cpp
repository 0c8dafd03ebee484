#include "compiler/lsp/transport.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace ecl::lsp {
namespace {

// A header line longer than this is garbage, not a header.
constexpr std::size_t kMaxHeaderLine = 8192;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

} // namespace

Transport::Read Transport::read(std::string& body, std::string& error) {
  bool have_length = false;
  bool bad_length = false;
  bool any_header = false;
  std::size_t length = 0;
  // Header lines up to an empty line.
  while (true) {
    std::string line;
    int c = 0;
    bool too_long = false;
    while ((c = in_.get()) != std::char_traits<char>::eof() && c != '\n') {
      if (line.size() < kMaxHeaderLine) {
        line.push_back(static_cast<char>(c));
      } else {
        too_long = true;
      }
    }
    if (c == std::char_traits<char>::eof()) {
      return Read::End;
    }
    std::string_view text = trim(line);
    if (text.empty()) {
      if (!any_header) {
        continue; // stray blank lines between messages
      }
      break;
    }
    any_header = true;
    if (too_long) {
      bad_length = true;
      continue;
    }
    auto colon = text.find(':');
    if (colon == std::string_view::npos) {
      bad_length = true; // not a header at all
      continue;
    }
    if (lower(trim(text.substr(0, colon))) == "content-length") {
      std::string_view value = trim(text.substr(colon + 1));
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
      have_length = ec == std::errc() && ptr == value.data() + value.size();
      bad_length = bad_length || !have_length;
    }
  }
  if (!have_length || bad_length) {
    error = "a message header without a valid Content-Length";
    return Read::Malformed;
  }
  if (length > kMaxMessageBytes) {
    // Skip the body without holding it.
    in_.ignore(static_cast<std::streamsize>(length));
    if (static_cast<std::size_t>(in_.gcount()) < length) {
      return Read::End;
    }
    error = "a message of " + std::to_string(length) + " bytes; the limit is " +
            std::to_string(kMaxMessageBytes);
    return Read::Malformed;
  }
  body.resize(length);
  in_.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in_.gcount()) < length) {
    return Read::End;
  }
  return Read::Message;
}

bool Transport::write(const nlohmann::json& message) {
  // Invalid UTF-8 in a string (from a client's own bytes) is replaced rather than thrown.
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
  return static_cast<bool>(out_);
}

} // namespace ecl::lsp
