#include "compiler/lsp/transport.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace ecl::lsp {
namespace {

// A header line longer than this is garbage, not a header.
constexpr std::size_t kMaxHeaderLine = 8192;
constexpr std::string_view kLengthHeader = "content-length:";

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
  std::size_t length = 0;
  bool have_length = false;
  bool bad_length = false;
  bool any_header = false;
  // Header lines up to an empty line.
  while (true) {
    std::string line;
    int c = 0;
    while ((c = in_.get()) != std::char_traits<char>::eof() && c != '\n') {
      if (line.size() == 2 * kMaxHeaderLine) {
        // An overlong line is garbage; its tail is kept in case a header follows the garbage.
        line.erase(0, kMaxHeaderLine);
        bad_length = any_header = true;
      }
      line.push_back(static_cast<char>(c));
    }
    if (c == std::char_traits<char>::eof()) {
      return Read::End;
    }
    std::string_view text = trim(line);
    // Resynchronisation: a header after garbage on the same line (the rest of an unframed or
    // misframed body) starts a new header block; the garbage was answered as the error before.
    if (auto at = lower(text).find(kLengthHeader); at != 0 && at != std::string::npos) {
      text.remove_prefix(at);
      have_length = false;
      bad_length = false;
      any_header = false;
    }
    if (text.empty()) {
      if (!any_header) {
        continue; // stray blank lines between messages
      }
      break;
    }
    any_header = true;
    auto colon = text.find(':');
    if (colon == std::string_view::npos || text.size() > kMaxHeaderLine) {
      bad_length = true; // not a header at all
      continue;
    }
    if (lower(trim(text.substr(0, colon))) == kLengthHeader.substr(0, kLengthHeader.size() - 1)) {
      std::string_view value = trim(text.substr(colon + 1));
      std::size_t n = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      bool valid = ec == std::errc() && ptr == value.data() + value.size();
      // A second Content-Length is accepted only when it agrees with the first.
      bad_length = bad_length || !valid || (have_length && length != n);
      length = n;
      have_length = true;
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
