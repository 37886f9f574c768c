#include "lsp/server.hpp"

#include <unistd.h>

#include <csignal>
#include <iostream>

#include "app/check_buffer.hpp"
#include "engine/check.hpp"
#include "lsp/code_actions.hpp"
#include "lsp/convert.hpp"
#include "lsp/document_options.hpp"
#include "lsp/framing.hpp"
#include "lsp/hover.hpp"
#include "lsp/uri.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe::lsp {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// JSON-RPC 2.0 and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

struct RpcError : std::runtime_error {
    int code;
    RpcError(int error_code, const std::string& message)
        : std::runtime_error(message), code(error_code) {}
};

const json& require(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key))
        throw RpcError(kInvalidParams, std::string("missing `") + key + "`");
    return object.at(key);
}

std::string require_string(const json& object, const char* key) {
    const json& value = require(object, key);
    if (!value.is_string())
        throw RpcError(kInvalidParams, std::string("`") + key + "` must be a string");
    return value.get<std::string>();
}

std::string document_uri(const json& params) {
    return require_string(require(params, "textDocument"), "uri");
}

std::string display_name(const std::string& uri, const std::optional<std::filesystem::path>& path) {
    return path ? path->string() : uri;
}

bool is_config_file(const std::optional<std::filesystem::path>& path) {
    return path && (path->filename() == "migsafe.toml" || path->filename() == ".migsafe.toml");
}

// Applies one contentChanges entry: a whole-text replacement, or a ranged edit from clients
// that send them despite the full-sync capability.
void apply_change(std::string& text, const json& change) {
    const std::string replacement = require_string(change, "text");
    if (!change.contains("range")) {
        text = replacement;
        return;
    }
    const SourceText source(text);
    const json& range = change.at("range");
    const auto begin = from_lsp_position(source, require(range, "start"));
    const auto end = from_lsp_position(source, require(range, "end"));
    if (!begin || !end || *end < *begin) throw RpcError(kInvalidParams, "bad change range");
    text.replace(*begin, *end - *begin, replacement);
}

// Hover and code actions work on SQL text; a host-language migration only gets diagnostics.
bool host_language(const std::optional<std::filesystem::path>& path) {
    return path && is_host_language_migration(path->string());
}

}  // namespace

Server::Server(Send send, std::ostream& log, ServerSettings settings)
    : send_(std::move(send)), log_(log), settings_(settings) {
    std::error_code ec;
    root_ = std::filesystem::current_path(ec);
    worker_ = std::thread([this] { worker_loop(); });
}

Server::~Server() {
    finish();
}

std::filesystem::path Server::root() const {
    const std::lock_guard lock(mutex_);
    return root_;
}

bool Server::exit_requested() const {
    const std::lock_guard lock(mutex_);
    return exit_;
}

int Server::exit_code() const {
    const std::lock_guard lock(mutex_);
    return exit_ && shutdown_ ? 0 : 1;
}

void Server::finish() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void Server::send_error(const json& id, int code, const std::string& message) {
    send_({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::handle_framing_error(const std::string& problem) {
    log_ << "migsafe lsp: " << problem << '\n';
    send_error(nullptr, kParseError, problem);
}

void Server::handle_message(std::string_view body) {
    json message = json::parse(body, nullptr, false);
    if (message.is_discarded()) {
        log_ << "migsafe lsp: invalid JSON in message: " << body.substr(0, 120) << '\n';
        send_error(nullptr, kParseError, "invalid JSON");
        return;
    }
    try {
        dispatch(message);
    } catch (const std::exception& e) {
        // Last resort: dispatch answers requests itself; this keeps the server alive regardless.
        log_ << "migsafe lsp: internal error: " << e.what() << '\n';
    }
}

void Server::dispatch(const json& message) {
    const bool has_id = message.is_object() && message.contains("id");
    const json id = has_id ? message.at("id") : json(nullptr);
    if (!message.is_object() || !message.contains("method") || !message.at("method").is_string()) {
        // Responses to requests we never send are ignored; anything else is not JSON-RPC.
        if (message.is_object() && (message.contains("result") || message.contains("error")))
            return;
        log_ << "migsafe lsp: not a JSON-RPC request: " << message.dump().substr(0, 120) << '\n';
        send_error(id, kInvalidRequest, "not a JSON-RPC request");
        return;
    }
    const std::string method = message.at("method").get<std::string>();
    const json params = message.value("params", json::object());
    if (!has_id) {
        try {
            notification(method, params);
        } catch (const std::exception& e) {
            log_ << "migsafe lsp: " << method << ": " << e.what() << '\n';
        }
        return;
    }
    try {
        json result = request(method, params);
        send_({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
    } catch (const RpcError& e) {
        log_ << "migsafe lsp: " << method << ": " << e.what() << '\n';
        send_error(id, e.code, e.what());
    } catch (const json::exception& e) {
        log_ << "migsafe lsp: " << method << ": " << e.what() << '\n';
        send_error(id, kInvalidParams, e.what());
    } catch (const std::exception& e) {
        log_ << "migsafe lsp: " << method << ": internal error: " << e.what() << '\n';
        send_error(id, kInternalError, e.what());
    }
}

json Server::request(const std::string& method, const json& params) {
    {
        const std::lock_guard lock(mutex_);
        if (shutdown_) throw RpcError(kInvalidRequest, "the server is shutting down");
        if (!initialized_ && method != "initialize")
            throw RpcError(kServerNotInitialized, "initialize first");
    }
    if (method == "initialize") return initialize(params);
    if (method == "shutdown") {
        const std::lock_guard lock(mutex_);
        shutdown_ = true;
        return nullptr;
    }
    if (method == "textDocument/hover") return hover(params);
    if (method == "textDocument/codeAction") return code_action(params);
    throw RpcError(kMethodNotFound, "method not found: " + method);
}

void Server::notification(const std::string& method, const json& params) {
    if (method == "exit") {
        const std::lock_guard lock(mutex_);
        exit_ = true;
        return;
    }
    if (method == "textDocument/didOpen") return open(params);
    if (method == "textDocument/didChange") return change(params);
    if (method == "textDocument/didSave") return save(params);
    if (method == "textDocument/didClose") return close(params);
    // initialized, $/cancelRequest, workspace/didChangeConfiguration, …: nothing to do.
}

json Server::initialize(const json& params) {
    {
        const std::lock_guard lock(mutex_);
        initialized_ = true;
        if (params.is_object() && params.contains("rootUri") && params.at("rootUri").is_string()) {
            if (auto root = uri_to_path(params.at("rootUri").get<std::string>())) root_ = *root;
        }
    }
    return {{"capabilities",
             {{"textDocumentSync",
               {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
              {"hoverProvider", true},
              {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}}}},
            {"serverInfo", {{"name", "migsafe"}, {"version", MIGSAFE_VERSION}}}};
}

void Server::schedule(Document& document, Clock::time_point due) {
    document.pending = true;
    document.due = due;
    wake_.notify_all();
}

void Server::open(const json& params) {
    const json& item = require(params, "textDocument");
    const std::string uri = require_string(item, "uri");
    Document document;
    document.text = require_string(item, "text");
    document.version = item.value("version", int64_t{0});
    document.path = uri_to_path(uri);
    const std::lock_guard lock(mutex_);
    Document& stored = documents_[uri] = std::move(document);
    schedule(stored, Clock::now() + settings_.debounce);
}

void Server::change(const json& params) {
    const std::string uri = document_uri(params);
    const json& changes = require(params, "contentChanges");
    if (!changes.is_array()) throw RpcError(kInvalidParams, "contentChanges must be an array");
    const std::lock_guard lock(mutex_);
    const auto it = documents_.find(uri);
    if (it == documents_.end()) throw RpcError(kInvalidParams, "change to a document never opened");
    std::string text = it->second.text;
    for (const json& c : changes)
        apply_change(text, c);
    it->second.text = std::move(text);
    it->second.version = params.at("textDocument").value("version", it->second.version + 1);
    schedule(it->second, Clock::now() + settings_.debounce);
}

void Server::save(const json& params) {
    const std::string uri = document_uri(params);
    const std::lock_guard lock(mutex_);
    const auto it = documents_.find(uri);
    // Saving a migsafe.toml changes the options of every open document: check them all again.
    const bool config_saved = is_config_file(uri_to_path(uri));
    for (auto& [name, document] : documents_) {
        if (config_saved || name == uri) schedule(document, Clock::now());
    }
    if (it == documents_.end() && !config_saved)
        log_ << "migsafe lsp: didSave for a document never opened: " << uri << '\n';
}

void Server::close(const json& params) {
    const std::string uri = document_uri(params);
    {
        const std::lock_guard lock(mutex_);
        documents_.erase(uri);
    }
    send_({{"jsonrpc", "2.0"},
           {"method", "textDocument/publishDiagnostics"},
           {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

Server::Snapshot Server::snapshot(const std::string& uri) {
    const std::lock_guard lock(mutex_);
    const auto it = documents_.find(uri);
    if (it == documents_.end()) throw RpcError(kInvalidParams, "unknown document: " + uri);
    return {uri, it->second.text, it->second.version, it->second.path};
}

void Server::report_config_problem(const std::string& problem) {
    {
        const std::lock_guard lock(mutex_);
        if (!reported_problems_.insert(problem).second) return;
    }
    log_ << "migsafe lsp: " << problem << " (using default settings)\n";
    send_({{"jsonrpc", "2.0"},
           {"method", "window/showMessage"},
           {"params",
            {{"type", 2}, {"message", "migsafe: " + problem + " (using default settings)"}}}});
}

json Server::hover(const json& params) {
    const Snapshot snap = snapshot(document_uri(params));
    if (host_language(snap.path)) return nullptr;
    const DocumentOptions options = options_for_document(snap.path, root());
    const FileResult result =
        check_source(display_name(snap.uri, snap.path), snap.text, options.options);
    const auto file = sql::parse_file(snap.text);
    const auto offset = from_lsp_position(file->source, require(params, "position"));
    if (!offset) throw RpcError(kInvalidParams, "bad position");
    const auto found = hover_statement(*file, *offset, result.diagnostics);
    if (!found) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", found->markdown}}},
            {"range", to_lsp_range(file->source, found->span)}};
}

json Server::code_action(const json& params) {
    const Snapshot snap = snapshot(document_uri(params));
    if (host_language(snap.path)) return json::array();
    const DocumentOptions options = options_for_document(snap.path, root());
    const FileResult result =
        check_source(display_name(snap.uri, snap.path), snap.text, options.options);
    const json& range = require(params, "range");
    const auto begin = from_lsp_position(result.file->source, require(range, "start"));
    const auto end = from_lsp_position(result.file->source, require(range, "end"));
    if (!begin || !end) throw RpcError(kInvalidParams, "bad range");
    return code_actions(snap.uri, result, {*begin, std::max(*begin, *end)});
}

void Server::check_and_publish(const Snapshot& snap) {
    const DocumentOptions options = options_for_document(snap.path, root());
    if (options.problem) report_config_problem(*options.problem);
    // A Rails / Alembic / Django / knex / node-pg-migrate migration is checked through the SQL
    // it holds; positions are the buffer's.
    const FileResult result =
        snap.path ? check_buffer(snap.path->string(), snap.text, options.options)
                  : check_source(display_name(snap.uri, snap.path), snap.text, options.options);
    json diagnostics = json::array();
    for (const Diagnostic& d : result.diagnostics)
        diagnostics.push_back(to_lsp_diagnostic(result.file->source, d));
    const std::lock_guard lock(mutex_);
    const auto it = documents_.find(snap.uri);
    // Never publish stale results: the document changed (or closed) while it was being checked.
    if (it == documents_.end() || it->second.version != snap.version || it->second.pending) return;
    send_({{"jsonrpc", "2.0"},
           {"method", "textDocument/publishDiagnostics"},
           {"params",
            {{"uri", snap.uri},
             {"version", snap.version},
             {"diagnostics", std::move(diagnostics)}}}});
}

void Server::worker_loop() {
    std::unique_lock lock(mutex_);
    while (true) {
        Document* next = nullptr;
        std::string next_uri;
        for (auto& [uri, document] : documents_) {
            if (document.pending && (next == nullptr || document.due < next->due)) {
                next = &document;
                next_uri = uri;
            }
        }
        if (next == nullptr) {
            if (stopping_) return;
            wake_.wait(lock);
            continue;
        }
        if (!stopping_ && next->due > Clock::now()) {
            wake_.wait_until(lock, next->due);
            continue;
        }
        next->pending = false;
        const Snapshot snap{next_uri, next->text, next->version, next->path};
        lock.unlock();
        try {
            check_and_publish(snap);
        } catch (const std::exception& e) {
            log_ << "migsafe lsp: checking " << snap.uri << " failed: " << e.what() << '\n';
        }
        lock.lock();
    }
}

int run_language_server(const std::function<size_t(char*, size_t)>& read, std::ostream& out,
                        std::ostream& log, ServerSettings settings) {
    std::mutex out_mutex;
    const auto send = [&](const json& message) {
        const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
        const std::lock_guard lock(out_mutex);
        out << frame_message(body);
        out.flush();
    };
    Server server(send, log, settings);
    std::string buffer;
    std::string chunk(size_t{1} << 16, '\0');
    while (!server.exit_requested()) {
        const size_t got = read(chunk.data(), chunk.size());
        if (got == 0) break;
        buffer.append(chunk.data(), got);
        Frames frames = split_frames(buffer);
        for (const std::string& problem : frames.errors)
            server.handle_framing_error(problem);
        for (const std::string& body : frames.bodies) {
            server.handle_message(body);
            if (server.exit_requested()) break;
        }
        buffer = std::move(frames.rest);
    }
    server.finish();
    return server.exit_code();
}

int run_language_server_stdio() {
    // A client that goes away must not kill us mid-write; writes then simply fail.
    std::signal(SIGPIPE, SIG_IGN);
    const auto read_stdin = [](char* data, size_t size) -> size_t {
        while (true) {
            const ssize_t got = ::read(STDIN_FILENO, data, size);
            if (got >= 0) return static_cast<size_t>(got);
            if (errno != EINTR) return 0;
        }
    };
    return run_language_server(read_stdin, std::cout, std::cerr);
}

}  // namespace migsafe::lsp
