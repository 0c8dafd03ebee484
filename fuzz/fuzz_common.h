// Shared by the fuzz targets: compile one input as a one-file program, and the invariants every
// compilation must keep whatever the input. A broken invariant aborts, which libFuzzer reports as a
// crash with the input that caused it.
#pragma once

#include "compiler/diagnostics/render.h"
#include "compiler/driver/driver.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

namespace ecl::fuzz {

// Prints what went wrong and aborts: libFuzzer saves the input as a crash.
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// Every diagnostic points into a file of the program (or nowhere), with begin <= end <= size.
inline void check_ranges(const driver::Compilation& c) {
  auto in_bounds = [&](const Range& r) {
    if (!r.valid()) {
      return true;
    }
    if (r.file >= c.sources.size() || r.begin > r.end) {
      return false;
    }
    return r.end <= c.sources.file(r.file).text().size();
  };
  for (const Diagnostic& d : c.diags.items()) {
    if (!in_bounds(d.range)) {
      fail("a diagnostic range lies outside its file");
    }
    for (const auto& note : d.notes) {
      if (!in_bounds(note.range)) {
        fail("a note's range lies outside its file");
      }
    }
  }
}

// True when the language server's output (`Content-Length` framed JSON) holds an error response
// with the JSON-RPC "internal error" code: a request handler threw. Parsed, not searched for:
// the server may quote the document's text, which may say anything.
inline bool has_internal_error(const std::string& output) {
  constexpr int kInternalError = -32603; // JSON-RPC 2.0
  const std::string header = "Content-Length: ";
  std::size_t at = 0;
  while ((at = output.find(header, at)) != std::string::npos) {
    std::size_t length = std::strtoul(output.c_str() + at + header.size(), nullptr, 10);
    std::size_t body = output.find("\r\n\r\n", at);
    if (body == std::string::npos) {
      break;
    }
    body += 4;
    auto message = nlohmann::json::parse(output.substr(body, length), nullptr, false);
    if (message.is_object() && message.contains("error") && message["error"].is_object() &&
        message["error"].value("code", 0) == kInternalError) {
      return true;
    }
    at = body + length;
  }
  return false;
}

// Parses and checks `data` as the program `fuzz.ecl`, then renders its diagnostics both ways (the
// renderers compute lines, columns and carets from the ranges).
inline driver::Compilation compile_bytes(const std::uint8_t* data, std::size_t size) {
  driver::Compilation c;
  FileId id = c.sources.add("fuzz.ecl", std::string(reinterpret_cast<const char*>(data), size));
  driver::compile_sources(c, {id}, check::Options{});
  if (!c.program) {
    fail("compile_sources returned no program for text in memory");
  }
  check_ranges(c);
  (void)render_text(c.diags, c.sources);
  (void)render_json(c.diags, c.sources).dump();
  return c;
}

} // namespace ecl::fuzz
