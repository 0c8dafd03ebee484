#include "compiler/lsp/server.h"

#include "compiler/driver/driver.h"
#include "compiler/format/format.h"
#include "compiler/lsp/features.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ecl::lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestFailed = -32803;

// An error a handler raises to answer its request with a JSON-RPC error.
struct RequestError {
  int code;
  std::string message;
};

const std::string& uri_param(const json& params) {
  return params.at("textDocument").at("uri").get_ref<const std::string&>();
}

std::string read_file(const fs::path& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  ok = static_cast<bool>(in) || in.eof();
  return std::move(buffer).str();
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

json capabilities() {
  return {
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2 /* incremental */}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"documentSymbolProvider", true},
      {"documentFormattingProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"signatureHelpProvider", {{"triggerCharacters", {"(", ","}}}},
      {"workspaceSymbolProvider", true},
      {"foldingRangeProvider", true},
      {"inlayHintProvider", true},
      {"semanticTokensProvider", {{"legend", semantic_tokens_legend()}, {"full", true}}},
      {"completionProvider", {{"triggerCharacters", {".", "=", "/"}}}},
  };
}

} // namespace

std::optional<std::string> uri_to_path(const std::string& uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.compare(0, scheme.size(), scheme) != 0) {
    return std::nullopt;
  }
  std::string_view rest = std::string_view(uri).substr(scheme.size());
  auto slash = rest.find('/');
  if (slash == std::string_view::npos) {
    return std::nullopt;
  }
  rest = rest.substr(slash); // drop an authority (`file://localhost/…`)
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 &&
        hex_value(rest[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2])));
      i += 2;
    } else {
      path.push_back(rest[i]);
    }
  }
  return path;
}

std::string path_to_uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', hex[c >> 4], hex[c & 15]};
    }
  }
  return out;
}

int Server::run() {
  while (!exit_ && !client_gone_) {
    std::string body;
    std::string error;
    Transport::Read status = transport_.read(body, error);
    if (status == Transport::Read::End) {
      break;
    }
    if (status == Transport::Read::Malformed) {
      respond_error(nullptr, kParseError, error);
      continue;
    }
    handle(body);
  }
  return exit_ && state_ == State::ShutDown ? 0 : 1;
}

void Server::handle(const std::string& body) {
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    respond_error(nullptr, kParseError, "the message is not valid JSON");
    return;
  }
  try {
    dispatch(message);
  } catch (const std::exception& e) {
    // dispatch answers its own errors; this is the last line of defence.
    respond_error(nullptr, kInternalError, std::string("internal error: ") + e.what());
  }
}

void Server::dispatch(const json& message) {
  if (!message.is_object()) {
    respond_error(nullptr, kInvalidRequest, "a message must be a JSON object");
    return;
  }
  auto method_it = message.find("method");
  auto id_it = message.find("id");
  bool has_id = id_it != message.end();
  json id = has_id ? *id_it : json(nullptr);
  if (has_id && !id.is_string() && !id.is_number_integer() && !id.is_null()) {
    respond_error(nullptr, kInvalidRequest, "`id` must be a number or a string");
    return;
  }
  if (method_it == message.end()) {
    if (!has_id || message.contains("result") || message.contains("error")) {
      return; // a response to a request we never send, or noise: nothing to answer
    }
    respond_error(id, kInvalidRequest, "a request needs a `method`");
    return;
  }
  if (!method_it->is_string()) {
    if (has_id) {
      respond_error(id, kInvalidRequest, "`method` must be a string");
    }
    return;
  }
  const std::string& method = method_it->get_ref<const std::string&>();
  json params = message.value("params", json::object());

  if (!has_id) {
    try {
      notification(method, params);
    } catch (const std::exception&) {
      // A notification has no answer: a malformed one is dropped.
    }
    return;
  }
  if (state_ == State::Uninitialized && method != "initialize") {
    respond_error(id, kServerNotInitialized, "the server is not initialized yet");
    return;
  }
  if (state_ == State::ShutDown) {
    respond_error(id, kInvalidRequest, "the server is shut down; only `exit` is accepted");
    return;
  }
  try {
    respond(id, request(method, params));
  } catch (const RequestError& e) {
    respond_error(id, e.code, e.message);
  } catch (const json::exception& e) {
    respond_error(id, kInvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    respond_error(id, kInternalError, std::string("internal error: ") + e.what());
  }
}

json Server::request(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (state_ != State::Uninitialized) {
      throw RequestError{kInvalidRequest, "the server is already initialized"};
    }
    state_ = State::Running;
    register_watchers_ = params.value("capabilities", json::object())
                             .value("workspace", json::object())
                             .value("didChangeWatchedFiles", json::object())
                             .value("dynamicRegistration", false);
    return {{"capabilities", capabilities()},
            {"serverInfo", {{"name", "eclc"}, {"version", "0.1.0"}}}};
  }
  if (method == "shutdown") {
    state_ = State::ShutDown;
    return nullptr;
  }
  auto located = [&](auto&& feature) {
    auto [a, file] = analysis_for(uri_param(params));
    std::uint32_t offset = offset_in(*a, file, params.at("position"));
    LocationOf loc = [&, an = a.get()](const Range& r) { return location(*an, r); };
    return feature(*a, file, offset, loc);
  };
  if (method == "textDocument/hover") {
    return located([](auto& a, FileId f, std::uint32_t o, auto& loc) {
      json result = hover(a, f, o, loc);
      return result.is_null() ? builtin_hover(a, f, o) : result;
    });
  }
  if (method == "textDocument/signatureHelp") {
    return located(
        [](auto& a, FileId f, std::uint32_t o, auto&) { return signature_help(a, f, o); });
  }
  if (method == "textDocument/definition") {
    return located(
        [](auto& a, FileId f, std::uint32_t o, auto& loc) { return definition(a, f, o, loc); });
  }
  if (method == "textDocument/references") {
    bool include = params.value("context", json::object()).value("includeDeclaration", true);
    return located([&](auto& a, FileId f, std::uint32_t o, auto& loc) {
      return references(a, f, o, include, loc);
    });
  }
  if (method == "textDocument/prepareRename") {
    return located(
        [](auto& a, FileId f, std::uint32_t o, auto& loc) { return prepare_rename(a, f, o, loc); });
  }
  if (method == "textDocument/rename") {
    std::string new_name = params.at("newName").get<std::string>();
    return located([&](auto& a, FileId f, std::uint32_t o, auto& loc) {
      std::string error;
      json edit = rename(a, f, o, new_name, loc, error);
      if (!error.empty()) {
        throw RequestError{kRequestFailed, error};
      }
      return edit;
    });
  }
  if (method == "textDocument/completion") {
    const Analysis* parsed = nullptr;
    if (auto key = program_of_.find(uri_param(params)); key != program_of_.end()) {
      if (auto program = programs_.find(key->second); program != programs_.end()) {
        parsed = program->second.parsed.get();
      }
    }
    return located(
        [&](auto& a, FileId f, std::uint32_t o, auto&) { return completion(a, f, o, parsed); });
  }
  if (method == "textDocument/documentSymbol") {
    auto [a, file] = analysis_for(uri_param(params));
    return document_symbols(*a, file,
                            [&, an = a.get()](const Range& r) { return location(*an, r); });
  }
  if (method == "textDocument/semanticTokens/full") {
    auto [a, file] = analysis_for(uri_param(params));
    return semantic_tokens(*a, file);
  }
  if (method == "textDocument/foldingRange") {
    auto [a, file] = analysis_for(uri_param(params));
    return folding_ranges(*a, file);
  }
  if (method == "textDocument/inlayHint") {
    auto [a, file] = analysis_for(uri_param(params));
    const json& range = params.at("range");
    return inlay_hints(*a, file, offset_in(*a, file, range.at("start")),
                       offset_in(*a, file, range.at("end")));
  }
  if (method == "workspace/symbol") {
    return workspace_symbols(params.value("query", std::string()));
  }
  if (method == "textDocument/codeAction") {
    auto [a, file] = analysis_for(uri_param(params));
    const json& range = params.at("range");
    std::uint32_t begin = offset_in(*a, file, range.at("start"));
    std::uint32_t end = offset_in(*a, file, range.at("end"));
    return code_actions(*a, file, std::min(begin, end), std::max(begin, end),
                        [&, an = a.get()](const Range& r) { return location(*an, r); });
  }
  if (method == "textDocument/formatting") {
    auto [a, file] = analysis_for(uri_param(params));
    SourceManager sources;
    const std::string& text = a->sources().file(file).text();
    FileId id = sources.add(a->sources().file(file).path(), text);
    Diagnostics diags;
    std::string formatted;
    json edits = json::array();
    // A file with syntax errors is left alone: its diagnostics already say why.
    if (format::format_file(sources, id, diags, formatted) && formatted != text) {
      edits.push_back(
          {{"range", range_json(a->lines(file), 0, static_cast<std::uint32_t>(text.size()))},
           {"newText", formatted}});
    }
    return edits;
  }
  throw RequestError{kMethodNotFound, "unknown method `" + method + "`"};
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exit_ = true;
    return;
  }
  if (state_ != State::Running) {
    return; // before `initialize` and after `shutdown`, notifications are dropped
  }
  if (method == "textDocument/didOpen") {
    const json& doc = params.at("textDocument");
    open(doc.at("uri").get<std::string>(), doc.at("text").get<std::string>(),
         doc.value("version", std::int64_t{0}));
  } else if (method == "textDocument/didChange") {
    const json& doc = params.at("textDocument");
    change(doc.at("uri").get<std::string>(), params.at("contentChanges"),
           doc.value("version", std::int64_t{0}));
  } else if (method == "textDocument/didClose") {
    close(uri_param(params));
  } else if (method == "textDocument/didSave") {
    if (documents_.contains(uri_param(params))) {
      refresh(uri_param(params));
    }
  } else if (method == "initialized" && register_watchers_) {
    // Ask for the reports of `.ecl` files changed on disk: a sibling file or a module's file the
    // editor does not hold (a `git checkout`, another editor) changes the program.
    send({{"jsonrpc", "2.0"},
          {"id", "eclc-watch-ecl"},
          {"method", "client/registerCapability"},
          {"params",
           {{"registrations",
             {{{"id", "eclc-watch-ecl"},
               {"method", "workspace/didChangeWatchedFiles"},
               {"registerOptions", {{"watchers", {{{"globPattern", "**/*.ecl"}}}}}}}}}}}});
  } else if (method == "workspace/didChangeWatchedFiles") {
    std::vector<std::string> uris;
    for (const json& change : params.at("changes")) {
      uris.push_back(change.at("uri").get<std::string>());
    }
    files_changed(uris);
  }
  // Anything else (`initialized`, `$/cancelRequest`, `$/setTrace`, …) needs nothing from us.
}

void Server::open(const std::string& uri, std::string text, std::int64_t version) {
  documents_[uri] = Document{std::move(text), version};
  refresh(uri);
}

void Server::change(const std::string& uri, const json& changes, std::int64_t version) {
  auto it = documents_.find(uri);
  if (it == documents_.end() || !changes.is_array()) {
    return;
  }
  Document& doc = it->second;
  for (const json& c : changes) {
    const std::string& text = c.at("text").get_ref<const std::string&>();
    auto range = c.find("range");
    if (range == c.end() || range->is_null()) {
      doc.text = text;
      continue;
    }
    LineIndex lines(doc.text);
    std::uint32_t begin = lines.offset(position_from_json(range->at("start")));
    std::uint32_t end = lines.offset(position_from_json(range->at("end")));
    if (end < begin) {
      std::swap(begin, end); // a reversed range from a confused client
    }
    doc.text.replace(begin, end - begin, text);
  }
  doc.version = version;
  refresh(uri);
}

void Server::close(const std::string& uri) {
  if (documents_.erase(uri) == 0) {
    return;
  }
  auto key_it = program_of_.find(uri);
  if (key_it == program_of_.end()) {
    return;
  }
  std::string key = key_it->second;
  program_of_.erase(key_it);
  for (const auto& [other, other_key] : program_of_) {
    if (other_key == key) {
      refresh(other); // the program lives on, reading the closed file from disk
      return;
    }
  }
  auto program = programs_.find(key);
  if (program != programs_.end()) {
    for (const std::string& u : program->second.uris) {
      if (published_.contains(u)) {
        publish(u, json::array());
      }
    }
    programs_.erase(program);
  }
}

void Server::files_changed(const std::vector<std::string>& uris) {
  auto normal = [](const std::string& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    fs::path out = (ec ? fs::path(path) : absolute).lexically_normal();
    return out.has_filename() ? out : out.parent_path(); // `modules/web/` is `modules/web`
  };
  std::set<std::string> keys;
  for (const std::string& uri : uris) {
    std::optional<std::string> path = uri_to_path(uri);
    // An open document is its buffer, not the file: its changes come through didChange.
    if (documents_.contains(uri) || !path || fs::path(*path).extension() != ".ecl") {
      continue;
    }
    const fs::path dir = normal(*path).parent_path();
    for (const auto& [key, program] : programs_) {
      const Analysis& a = *program.analysis;
      bool reads = a.file_of(uri).has_value();
      for (const SourceInput& input : a.inputs()) {
        reads = reads || normal(input.path).parent_path() == dir;
      }
      for (const model::ModuleInstance& m : a.modules()) {
        reads = reads || normal(m.directory) == dir;
      }
      if (reads) {
        keys.insert(key);
      }
    }
  }
  // One open document of each program stands for it; a refresh may move documents to another
  // program, so they are chosen before any is refreshed.
  std::vector<std::string> documents;
  for (const std::string& key : keys) {
    for (const auto& [uri, uri_key] : program_of_) {
      if (uri_key == key) {
        documents.push_back(uri);
        break;
      }
    }
  }
  for (const std::string& uri : documents) {
    if (documents_.contains(uri)) {
      refresh(uri);
    }
  }
}

std::string Server::program_key(const std::string& uri, std::vector<SourceInput>& inputs) const {
  const Document& doc = documents_.at(uri);
  std::optional<std::string> path = uri_to_path(uri);
  // A file of a module that an analysed program instantiates is checked with that program (and
  // its instances' arguments), its buffer standing for the file on disk.
  for (const auto& [key, program] : programs_) {
    if (program.analysis && program.analysis->is_module_file(uri)) {
      for (const SourceInput& input : program.analysis->inputs()) {
        auto open = documents_.find(input.uri);
        inputs.push_back(
            {input.uri, input.path, open == documents_.end() ? input.text : open->second.text});
      }
      return key;
    }
  }
  if (path && fs::path(*path).extension() == ".ecl") {
    fs::path dir = fs::path(*path).parent_path().lexically_normal();
    // Every `.ecl` file of the directory: on disk, or open in the editor (maybe not saved yet).
    std::map<std::string, std::string> files; // path -> URI of the open document, or ""
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code entry_ec;
      if (it->path().extension() == ".ecl" && it->is_regular_file(entry_ec)) {
        files.emplace(it->path().lexically_normal().string(), "");
      }
    }
    for (const auto& [open_uri, open_doc] : documents_) {
      std::optional<std::string> p = uri_to_path(open_uri);
      if (p && fs::path(*p).extension() == ".ecl" &&
          fs::path(*p).parent_path().lexically_normal() == dir) {
        files[fs::path(*p).lexically_normal().string()] = open_uri;
      }
    }
    if (files.size() >= 2) {
      std::vector<SourceInput> all;
      for (const auto& [file_path, open_uri] : files) {
        if (!open_uri.empty()) {
          all.push_back({open_uri, file_path, documents_.at(open_uri).text});
          continue;
        }
        bool ok = false;
        std::string text = read_file(file_path, ok);
        if (ok) {
          all.push_back({path_to_uri(file_path), file_path, std::move(text)});
        }
      }
      // The folder rule of `eclc check DIR`: one program, or a folder of programs.
      std::vector<std::string_view> texts;
      for (const SourceInput& input : all) {
        texts.push_back(input.text);
      }
      auto programs = driver::split_programs(texts);
      if (programs.size() == 1 && all.size() >= 2) {
        inputs = std::move(all);
        return "dir:" + dir.string();
      }
    }
  }
  inputs.push_back({uri, path.value_or(uri), doc.text});
  return uri;
}

void Server::refresh(const std::string& uri) {
  std::vector<SourceInput> inputs;
  std::string key = program_key(uri, inputs);
  auto old = program_of_.find(uri);
  std::vector<std::string> left_behind; // open documents of the program `uri` left
  std::vector<std::string> previous;    // the files whose diagnostics this refresh replaces
  if (old != program_of_.end() && old->second != key) {
    // The document changed programs (a sibling file appeared, or a `stack` made the directory a
    // folder of programs): forget the old one if unused.
    std::string old_key = old->second;
    program_of_.erase(old);
    for (const auto& [other, other_key] : program_of_) {
      if (other_key == old_key) {
        left_behind.push_back(other);
      }
    }
    bool used = std::any_of(program_of_.begin(), program_of_.end(),
                            [&](const auto& p) { return p.second == old_key; });
    if (auto it = programs_.find(old_key); !used && it != programs_.end()) {
      previous = std::move(it->second.uris); // a file deleted from the directory among them
      programs_.erase(it);
    }
  }
  // The open buffers, for the modules the program reads.
  std::map<std::string, std::string> open;
  for (const auto& [open_uri, open_doc] : documents_) {
    if (std::optional<std::string> p = uri_to_path(open_uri)) {
      open.emplace(fs::path(*p).lexically_normal().string(), open_doc.text);
    }
  }
  auto analysis = std::make_shared<Analysis>(std::move(inputs), &open);
  Program& program = programs_[key];
  previous.insert(previous.end(), program.uris.begin(), program.uris.end());
  program.uris.clear();
  program.analysis = analysis;
  bool syntax_error =
      std::any_of(analysis->diagnostics().items().begin(), analysis->diagnostics().items().end(),
                  [](const Diagnostic& d) { return d.code().starts_with("E00"); });
  if (!syntax_error || program.parsed == nullptr ||
      program.parsed->inputs().size() != analysis->inputs().size()) {
    program.parsed = analysis;
  }
  for (const SourceInput& input : analysis->inputs()) {
    program.uris.push_back(input.uri);
    if (documents_.contains(input.uri)) {
      program_of_[input.uri] = key;
    }
  }
  for (std::size_t i = 0; i < analysis->inputs().size(); ++i) {
    auto file = static_cast<FileId>(i);
    publish(analysis->uri_of(file), diagnostics_json(*analysis, file, [&](const Range& r) {
              return location(*analysis, r);
            }));
  }
  // The files of module instances: one parse per instance, so one URI may have several files,
  // whose diagnostics are published together (each with its note at its instance).
  std::map<std::string, json> module_diagnostics;
  for (auto file = static_cast<FileId>(analysis->inputs().size());
       file < analysis->sources().size(); ++file) {
    json& all = module_diagnostics.try_emplace(analysis->uri_of(file), json::array()).first->second;
    for (json& d : diagnostics_json(*analysis, file,
                                    [&](const Range& r) { return location(*analysis, r); })) {
      all.push_back(std::move(d));
    }
  }
  for (auto& [module_uri, diagnostics] : module_diagnostics) {
    if (analysis->is_module_file(module_uri)) {
      program.uris.push_back(module_uri);
      if (documents_.contains(module_uri)) {
        program_of_[module_uri] = key; // an open module file is served by this program
      }
      publish(module_uri, std::move(diagnostics));
    }
  }
  for (const std::string& u : previous) {
    if (!analysis->file_of(u) && !module_diagnostics.contains(u) && published_.contains(u)) {
      publish(u, json::array()); // a file that left the program
    }
  }
  for (const std::string& other : left_behind) {
    if (program_of_.contains(other) && program_of_.at(other) != key) {
      refresh(other); // its program lost a file: check it again, maybe as a program of its own
    }
  }
}

std::pair<std::shared_ptr<Analysis>, FileId> Server::analysis_for(const std::string& uri) {
  auto key = program_of_.find(uri);
  if (key != program_of_.end()) {
    auto program = programs_.find(key->second);
    if (program != programs_.end()) {
      if (auto file = program->second.analysis->file_of(uri)) {
        return {program->second.analysis, *file};
      }
    }
  }
  // A file of a directory program that is not open in the editor.
  for (const auto& [k, program] : programs_) {
    if (auto file = program.analysis->file_of(uri)) {
      return {program.analysis, *file};
    }
  }
  throw RequestError{kRequestFailed, "unknown document `" + uri + "`; open it first"};
}

json Server::workspace_symbols(const std::string& query) const {
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  std::string wanted = lower(query);
  constexpr int kStruct = 23, kVariable = 13, kConstant = 14; // LSP SymbolKind
  json out = json::array();
  std::size_t limit = 1000; // a workspace symbol list is a picker, not an export
  for (const auto& [key, program] : programs_) {
    const Analysis& a = *program.analysis;
    if (a.program()) {
      for (const auto& b : a.program()->blocks) {
        if (b->implicit || b->name.empty() || !b->range.valid() ||
            lower(b->name).find(wanted) == std::string::npos || out.size() >= limit) {
          continue;
        }
        json symbol{{"name", b->name},
                    {"kind", kStruct},
                    {"location", location(a, Analysis::name_range(*b))},
                    {"containerName", b->parent ? b->parent->path : b->kind_name}};
        symbol["detail"] = b->kind_name;
        out.push_back(std::move(symbol));
      }
    }
    for (const ValueDecl& v : a.values()) {
      if (lower(v.name).find(wanted) != std::string::npos && out.size() < limit) {
        out.push_back({{"name", v.name},
                       {"kind", v.is_param ? kConstant : kVariable},
                       {"location", location(a, v.name_range)},
                       {"containerName", v.is_param ? "param" : "let"}});
      }
    }
  }
  return out;
}

json Server::location(const Analysis& a, const Range& range) const {
  FileId file = range.valid() && range.file < a.sources().size() ? range.file : 0;
  return {{"uri", a.uri_of(file)}, {"range", range_json(a.lines(file), range.begin, range.end)}};
}

std::uint32_t Server::offset_in(const Analysis& a, FileId file, const json& position) const {
  return a.lines(file).offset(position_from_json(position));
}

void Server::send(const json& message) {
  if (!client_gone_ && !transport_.write(message)) {
    client_gone_ = true; // the other end closed: stop serving, nobody reads us
  }
}

void Server::respond(const json& id, json result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::respond_error(const json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::publish(const std::string& uri, json diagnostics) {
  if (diagnostics.empty()) {
    published_.erase(uri);
  } else {
    published_.insert(uri);
  }
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/publishDiagnostics"},
        {"params", {{"uri", uri}, {"diagnostics", std::move(diagnostics)}}}});
}

} // namespace ecl::lsp
