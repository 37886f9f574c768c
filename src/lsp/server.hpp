#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <thread>

namespace migsafe::lsp {

struct ServerSettings {
    // A document is checked only after no change arrived for this long.
    std::chrono::milliseconds debounce{150};
};

// The language server's state machine, independent of stdio: messages go in through
// handle_message, everything the server sends goes out through `send`. Documents are checked by
// a worker thread after the debounce delay; results for an outdated version are never published.
class Server {
  public:
    using Send = std::function<void(const nlohmann::json&)>;

    Server(Send send, std::ostream& log, ServerSettings settings = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // One JSON-RPC message body. Never throws: bad input is logged and answered with an error.
    void handle_message(std::string_view body);
    // A framing problem (bad header) found before any JSON could be read.
    void handle_framing_error(const std::string& problem);

    bool exit_requested() const;
    // 0 when `exit` followed `shutdown`, 1 otherwise (as the LSP specification asks).
    int exit_code() const;
    // Runs the checks still waiting for their delay, publishes them, and stops the worker.
    void finish();

  private:
    struct Document {
        std::string text;
        int64_t version = 0;
        std::optional<std::filesystem::path> path;
        bool pending = false;
        std::chrono::steady_clock::time_point due;
    };

    void dispatch(const nlohmann::json& message);
    nlohmann::json request(const std::string& method, const nlohmann::json& params);
    void notification(const std::string& method, const nlohmann::json& params);
    nlohmann::json initialize(const nlohmann::json& params);
    nlohmann::json hover(const nlohmann::json& params);
    nlohmann::json code_action(const nlohmann::json& params);
    void open(const nlohmann::json& params);
    void change(const nlohmann::json& params);
    void close(const nlohmann::json& params);
    void save(const nlohmann::json& params);

    // Copies of a document's state taken under the lock, for work done outside it.
    struct Snapshot {
        std::string uri;
        std::string text;
        int64_t version = 0;
        std::optional<std::filesystem::path> path;
    };
    Snapshot snapshot(const std::string& uri);
    void schedule(Document& document, std::chrono::steady_clock::time_point due);
    void worker_loop();
    void check_and_publish(const Snapshot& snap);
    std::filesystem::path root() const;
    void report_config_problem(const std::string& problem);
    void send_error(const nlohmann::json& id, int code, const std::string& message);

    Send send_;
    std::ostream& log_;
    ServerSettings settings_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::map<std::string, Document> documents_;
    std::set<std::string> reported_problems_;
    std::filesystem::path root_;
    bool initialized_ = false;
    bool shutdown_ = false;
    bool exit_ = false;
    bool stopping_ = false;
    std::thread worker_;
};

// Runs the server over a byte stream (Content-Length framing) until `exit` or end of input.
// `read` fills a buffer and returns the byte count, 0 at end of input.
int run_language_server(const std::function<size_t(char*, size_t)>& read, std::ostream& out,
                        std::ostream& log, ServerSettings settings = {});

// `migsafe lsp`: the server on standard input and output, logging to standard error.
int run_language_server_stdio();

}  // namespace migsafe::lsp
