// JSON-RPC framing over a byte stream, as LSP defines it: `Content-Length: N\r\n\r\n` then N bytes
// of JSON. Reading never trusts the peer: oversized, truncated and garbled messages are reported,
// not fatal, and reading resynchronises on the next `Content-Length` header, even one that follows
// garbage on the same line (the rest of a body whose length was missing, wrong or duplicated).
#pragma once

#include <cstddef>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace ecl::lsp {

// A message larger than this is skipped and answered with an error: documents are at most
// limits::kMaxFileBytes (64 MiB), and JSON escaping can double that.
inline constexpr std::size_t kMaxMessageBytes = 160u << 20;

class Transport {
public:
  Transport(std::istream& in, std::ostream& out) : in_(in), out_(out) {}

  enum class Read {
    Message,   // `body` holds one message's bytes
    Malformed, // a header block without one usable Content-Length (missing, not a number, two that
               // disagree, a header line over 8 KiB), or a message too large
    End,       // the stream ended (the client is gone)
  };
  // Reads the next message. On Malformed, `error` says why and reading can go on.
  Read read(std::string& body, std::string& error);
  // Writes one message; false when the stream no longer accepts output.
  bool write(const nlohmann::json& message);

private:
  std::istream& in_;
  std::ostream& out_;
};

} // namespace ecl::lsp
