// `eclc lsp`: a Language Server Protocol server over a byte stream (stdio in eclc).
//
// Single-threaded: each message is handled to the end before the next is read, so responses and
// notifications come out in a deterministic order. Every change re-checks the document's program
// (the file, or every `.ecl` file of its directory when it has several; files not open are read
// from disk) and publishes the diagnostics of each of its files. So does a change on disk the
// client reports (workspace/didChangeWatchedFiles) to a file of the program or of a module it
// instantiates, or a `.ecl` file made or deleted in one of their directories; the server asks
// for these reports on `**/*.ecl` when the client can register them dynamically.
#pragma once

#include "compiler/lsp/analysis.h"
#include "compiler/lsp/transport.h"

#include <istream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <string>

namespace ecl::lsp {

class Server {
public:
  Server(std::istream& in, std::ostream& out) : transport_(in, out) {}

  // Serves until `exit` or the end of input. Returns the process exit status: 0 after
  // shutdown/exit, 1 when the client went away or sent `exit` without `shutdown`.
  int run();

private:
  struct Document {
    std::string text;
    std::int64_t version = 0;
  };
  // A program: the key is its directory (several files) or the document's URI (one file).
  struct Program {
    std::vector<std::string> uris; // in the program's file order
    std::shared_ptr<Analysis> analysis;
    std::shared_ptr<Analysis> parsed; // the last analysis without syntax errors, for completion
  };

  void handle(const std::string& body);
  void dispatch(const nlohmann::json& message);
  nlohmann::json request(const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params);

  void open(const std::string& uri, std::string text, std::int64_t version);
  void change(const std::string& uri, const nlohmann::json& changes, std::int64_t version);
  void close(const std::string& uri);
  // Re-checks the programs that read a file of `uris` (changed, made or deleted on disk).
  void files_changed(const std::vector<std::string>& uris);
  // Re-checks the program document `uri` belongs to and publishes its diagnostics.
  void refresh(const std::string& uri);
  std::string program_key(const std::string& uri, std::vector<SourceInput>& inputs) const;
  // The analysis holding `uri` and its file id; throws a RequestFailed error when unknown.
  std::pair<std::shared_ptr<Analysis>, FileId> analysis_for(const std::string& uri);
  nlohmann::json location(const Analysis& a, const Range& range) const;
  // SymbolInformation[] for the named blocks, lets and params of every program checked so far
  // whose name contains `query` (ignoring case).
  nlohmann::json workspace_symbols(const std::string& query) const;
  std::uint32_t offset_in(const Analysis& a, FileId file, const nlohmann::json& position) const;

  void send(const nlohmann::json& message);
  void respond(const nlohmann::json& id, nlohmann::json result);
  void respond_error(const nlohmann::json& id, int code, const std::string& message);
  void publish(const std::string& uri, nlohmann::json diagnostics);

  Transport transport_;
  enum class State { Uninitialized, Running, ShutDown } state_ = State::Uninitialized;
  bool exit_ = false;
  bool client_gone_ = false;
  bool register_watchers_ = false; // the client registers didChangeWatchedFiles dynamically
  std::map<std::string, Document> documents_;
  std::map<std::string, Program> programs_;
  std::map<std::string, std::string> program_of_; // document URI -> program key
  std::set<std::string> published_;               // URIs whose last diagnostics were not empty
};

// file:///a%20b/c.ecl <-> /a b/c.ecl; nullopt for other schemes.
std::optional<std::string> uri_to_path(const std::string& uri);
std::string path_to_uri(const std::string& path);

} // namespace ecl::lsp
