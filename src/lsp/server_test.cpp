#include "lsp/server.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "lsp/framing.hpp"

using nlohmann::json;
using namespace migsafe::lsp;

namespace {

std::string request(int id, const std::string& method, const json& params) {
    return frame_message(
        json({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}).dump());
}

std::string notification(const std::string& method, const json& params) {
    return frame_message(json({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}).dump());
}

struct Session {
    std::vector<json> sent;
    std::string log;
    int exit_code = -1;

    // Feeds `input` in small pieces, as a pipe would deliver it, and collects what was sent.
    explicit Session(const std::string& input, size_t piece = 7) {
        std::istringstream in(input);
        std::ostringstream out;
        std::ostringstream err;
        const auto read = [&](char* data, size_t size) -> size_t {
            in.read(data, static_cast<std::streamsize>(std::min(size, piece)));
            return static_cast<size_t>(in.gcount());
        };
        exit_code = run_language_server(read, out, err, {std::chrono::milliseconds(150)});
        const Frames frames = split_frames(out.str());
        REQUIRE(frames.errors.empty());
        REQUIRE(frames.rest.empty());
        for (const std::string& body : frames.bodies)
            sent.push_back(json::parse(body));
        log = err.str();
    }

    const json* response(int id) const {
        for (const json& m : sent)
            if (m.contains("id") && m["id"] == id) return &m;
        return nullptr;
    }
    std::vector<json> notifications(const std::string& method) const {
        std::vector<json> out;
        for (const json& m : sent)
            if (m.value("method", "") == method) out.push_back(m);
        return out;
    }
};

const std::string kInit = request(1, "initialize", {{"capabilities", json::object()}}) +
                          notification("initialized", json::object());

}  // namespace

TEST_CASE("lsp server: initialize announces full sync, hover and code actions") {
    const Session s(kInit + request(2, "shutdown", nullptr) + notification("exit", nullptr));
    const json* init = s.response(1);
    REQUIRE(init != nullptr);
    const json& caps = (*init)["result"]["capabilities"];
    CHECK(caps["textDocumentSync"]["change"] == 1);
    CHECK(caps["textDocumentSync"]["openClose"] == true);
    CHECK(caps["hoverProvider"] == true);
    CHECK(caps["codeActionProvider"]["codeActionKinds"][0] == "quickfix");
    REQUIRE(s.response(2) != nullptr);
    CHECK(s.response(2)->contains("result"));
    CHECK(s.exit_code == 0);
}

TEST_CASE("lsp server: malformed input gets JSON-RPC errors and the server keeps going") {
    const std::string input = kInit + "Content-Length: nope\r\n\r\n" + frame_message("{not json") +
                              request(3, "no/such/method", {}) + frame_message("[1,2]") +
                              request(4, "textDocument/hover", {{"position", 1}}) +
                              request(5, "shutdown", nullptr) + notification("exit", nullptr);
    const Session s(input);
    int parse_errors = 0;
    int invalid_requests = 0;
    for (const json& m : s.sent) {
        if (!m.contains("error")) continue;
        if (m["error"]["code"] == -32700) ++parse_errors;
        if (m["error"]["code"] == -32600) ++invalid_requests;
    }
    CHECK(parse_errors == 2);  // the bad header and the invalid JSON
    CHECK(invalid_requests == 1);
    REQUIRE(s.response(3) != nullptr);
    CHECK((*s.response(3))["error"]["code"] == -32601);
    REQUIRE(s.response(4) != nullptr);
    CHECK((*s.response(4))["error"]["code"] == -32602);
    REQUIRE(s.response(5) != nullptr);
    CHECK(s.exit_code == 0);
    CHECK(s.log.find("invalid JSON") != std::string::npos);
}

TEST_CASE("lsp server: a 5 MB document and header junk leave the server answering") {
    std::string big = "CREATE INDEX idx_a ON accounts (email);\n";
    while (big.size() < (5u << 20))
        big += "INSERT INTO audit (id, note) VALUES (1, 'some text that is not short at all');\n";
    const std::string uri = "untitled:Big-1";
    const std::string junk(20000, 'x');  // no header end: skipped, not buffered forever
    const Session s(
        kInit + junk +
            notification("textDocument/didOpen",
                         {{"textDocument",
                           {{"uri", uri}, {"languageId", "sql"}, {"version", 1}, {"text", big}}}}) +
            request(
                7, "textDocument/hover",
                {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 3}}}}) +
            request(8, "shutdown", nullptr) + notification("exit", nullptr),
        65536);
    const auto published = s.notifications("textDocument/publishDiagnostics");
    REQUIRE(published.size() == 1);
    bool index_finding = false;
    for (const json& d : published[0]["params"]["diagnostics"])
        index_finding = index_finding || d["code"] == "index-not-concurrent";
    CHECK(index_finding);
    REQUIRE(s.response(7) != nullptr);
    CHECK((*s.response(7))["result"]["contents"]["value"].get<std::string>().find("SHARE") !=
          std::string::npos);
    REQUIRE(s.response(8) != nullptr);
    CHECK(s.exit_code == 0);
    CHECK(s.log.find("8 KiB") != std::string::npos);
}

TEST_CASE("lsp server: requests before initialize are refused") {
    const Session s(request(1, "textDocument/hover", json::object()));
    REQUIRE(s.response(1) != nullptr);
    CHECK((*s.response(1))["error"]["code"] == -32002);
    CHECK(s.exit_code == 1);  // end of input without shutdown/exit
}

TEST_CASE("lsp server: didOpen publishes diagnostics with UTF-16 ranges, code and docs link") {
    // "é" is one UTF-16 unit, "😀" two: the statement after them starts at character 3+2+... .
    const std::string text = "SELECT 1; -- é😀\n/* 😀 */ CREATE INDEX idx_a ON accounts (email);\n";
    const std::string uri = "untitled:Untitled-1";
    const Session s(
        kInit +
        notification("textDocument/didOpen",
                     {{"textDocument",
                       {{"uri", uri}, {"languageId", "sql"}, {"version", 1}, {"text", text}}}}));
    const auto published = s.notifications("textDocument/publishDiagnostics");
    REQUIRE(published.size() == 1);
    const json& params = published[0]["params"];
    CHECK(params["uri"] == uri);
    CHECK(params["version"] == 1);
    const json* found = nullptr;
    for (const json& d : params["diagnostics"])
        if (d["code"] == "index-not-concurrent") found = &d;
    REQUIRE(found != nullptr);
    CHECK((*found)["range"]["start"]["line"] == 1);
    // "/* 😀 */ " is 3 + 2 + 4 = 9 UTF-16 units (the emoji counts twice).
    CHECK((*found)["range"]["start"]["character"] == 9);
    CHECK((*found)["severity"] == 1);
    CHECK((*found)["source"] == "migsafe");
    CHECK((*found)["codeDescription"]["href"] ==
          "https://github.com/migsafe/migsafe/blob/main/rules/index-not-concurrent.md");
    CHECK((*found)["message"].get<std::string>().find("lock: SHARE on accounts") !=
          std::string::npos);
}

TEST_CASE("lsp server: rapid changes are debounced and only the latest version is published") {
    const std::string uri = "untitled:debounce";
    std::string input =
        kInit + notification("textDocument/didOpen", {{"textDocument",
                                                       {{"uri", uri},
                                                        {"languageId", "sql"},
                                                        {"version", 1},
                                                        {"text", "CREATE INDEX a ON t (x);\n"}}}});
    for (int version = 2; version <= 5; ++version) {
        input += notification(
            "textDocument/didChange",
            {{"textDocument", {{"uri", uri}, {"version", version}}},
             {"contentChanges", {{{"text", "SELECT " + std::to_string(version) + ";\n"}}}}});
    }
    const Session s(input);
    const auto published = s.notifications("textDocument/publishDiagnostics");
    REQUIRE(published.size() == 1);
    CHECK(published[0]["params"]["version"] == 5);
    CHECK(published[0]["params"]["diagnostics"].empty());
}

TEST_CASE("lsp server: hover shows the lock per relation; code actions offer fix and ignore") {
    const std::string uri = "untitled:hover";
    const std::string text =
        "ALTER TABLE orders ADD COLUMN total bigint NOT NULL DEFAULT random();\n"
        "CREATE INDEX idx_b ON orders (total);\n";
    const json doc = {{"uri", uri}};
    const std::string input =
        kInit +
        notification("textDocument/didOpen",
                     {{"textDocument",
                       {{"uri", uri}, {"languageId", "sql"}, {"version", 1}, {"text", text}}}}) +
        request(2, "textDocument/hover",
                {{"textDocument", doc}, {"position", {{"line", 0}, {"character", 3}}}}) +
        request(3, "textDocument/codeAction",
                {{"textDocument", doc},
                 {"range",
                  {{"start", {{"line", 1}, {"character", 0}}},
                   {"end", {{"line", 1}, {"character", 0}}}}},
                 {"context", {{"diagnostics", json::array()}}}}) +
        request(4, "textDocument/hover",
                {{"textDocument", doc}, {"position", {{"line", 9}, {"character", 0}}}});
    const Session s(input);
    REQUIRE(s.response(2) != nullptr);
    const std::string hover = (*s.response(2))["result"]["contents"]["value"];
    CHECK((*s.response(2))["result"]["contents"]["kind"] == "markdown");
    CHECK(hover.find("| `orders` | ACCESS EXCLUSIVE | blocks all reads and writes |") !=
          std::string::npos);
    CHECK(hover.find("Rewrites the table: **yes**") != std::string::npos);

    REQUIRE(s.response(3) != nullptr);
    const json& actions = (*s.response(3))["result"];
    const json* ignore = nullptr;
    for (const json& a : actions)
        if (a["title"] == "Ignore index-not-concurrent for this statement") ignore = &a;
    REQUIRE(ignore != nullptr);
    const json& edit = (*ignore)["edit"]["changes"][uri][0];
    CHECK(edit["newText"] == "-- migsafe: ignore index-not-concurrent\n");
    CHECK(edit["range"]["start"] == json({{"line", 1}, {"character", 0}}));
    bool has_fix = false;
    for (const json& a : actions)
        if (a["title"] != (*ignore)["title"] &&
            a["diagnostics"][0]["code"] == "index-not-concurrent")
            has_fix = true;
    CHECK(has_fix);

    REQUIRE(s.response(4) != nullptr);
    CHECK((*s.response(4))["result"].is_null());
}

TEST_CASE("lsp server: the document's migsafe.toml is honoured, a broken one is reported once") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "migsafe-lsp-server-config";
    fs::remove_all(dir);
    fs::create_directories(dir / "good" / "migrations");
    fs::create_directories(dir / "bad");
    std::ofstream(dir / "good" / "migsafe.toml") << "[severity]\nindex-not-concurrent = \"info\"\n";
    std::ofstream(dir / "bad" / "migsafe.toml") << "pg_version = \"fifteen\"\n";
    const std::string text = "CREATE INDEX a ON t (x);\n";
    const auto open = [&](const std::string& uri) {
        return notification(
            "textDocument/didOpen",
            {{"textDocument",
              {{"uri", uri}, {"languageId", "sql"}, {"version", 1}, {"text", text}}}});
    };
    const std::string good = "file://" + (dir / "good" / "migrations" / "0001.sql").string();
    const std::string bad1 = "file://" + (dir / "bad" / "0001.sql").string();
    const std::string bad2 = "file://" + (dir / "bad" / "0002.sql").string();
    const Session s(kInit + open(good) + open(bad1) + open(bad2));
    fs::remove_all(dir);

    std::map<std::string, int> severity_by_uri;
    for (const json& m : s.notifications("textDocument/publishDiagnostics")) {
        for (const json& d : m["params"]["diagnostics"])
            if (d["code"] == "index-not-concurrent")
                severity_by_uri[m["params"]["uri"]] = d["severity"];
    }
    CHECK(severity_by_uri[good] == 3);  // info, from the config
    CHECK(severity_by_uri[bad1] == 1);  // defaults: error
    CHECK(severity_by_uri[bad2] == 1);
    const auto messages = s.notifications("window/showMessage");
    REQUIRE(messages.size() == 1);
    CHECK(messages[0]["params"]["message"].get<std::string>().find("pg_version") !=
          std::string::npos);
}

TEST_CASE("lsp server: a document is checked once the debounce delay passes without changes") {
    const std::string uri = "untitled:quiet";
    const auto version = [&](int v, const std::string& text) {
        return notification(
            v == 1 ? "textDocument/didOpen" : "textDocument/didChange",
            v == 1 ? json{{"textDocument",
                           {{"uri", uri}, {"languageId", "sql"}, {"version", 1}, {"text", text}}}}
                   : json{{"textDocument", {{"uri", uri}, {"version", v}}},
                          {"contentChanges", {{{"text", text}}}}});
    };
    // The pipe stays open (no end of input) while the client pauses longer than the delay.
    std::vector<std::string> pieces = {kInit + version(1, "CREATE INDEX a ON t (x);\n"),
                                       version(2, "SELECT 1;\n")};
    std::vector<json> sent;
    std::ostringstream out;
    std::ostringstream err;
    size_t next = 0;
    const auto read = [&](char* data, size_t size) -> size_t {
        if (next == pieces.size()) return 0;
        if (next == 1) std::this_thread::sleep_for(std::chrono::milliseconds(800));
        const std::string& piece = pieces[next++];
        REQUIRE(piece.size() <= size);
        piece.copy(data, piece.size());
        return piece.size();
    };
    run_language_server(read, out, err, {std::chrono::milliseconds(150)});
    for (const std::string& body : split_frames(out.str()).bodies) {
        const json m = json::parse(body);
        if (m.value("method", "") == "textDocument/publishDiagnostics") sent.push_back(m);
    }
    // Version 1 can only be published if it was checked before version 2 arrived: a result for
    // a version that has been replaced is dropped, and end of input came after version 2.
    REQUIRE(sent.size() == 2);
    CHECK(sent[0]["params"]["version"] == 1);
    CHECK_FALSE(sent[0]["params"]["diagnostics"].empty());
    CHECK(sent[1]["params"]["version"] == 2);
    CHECK(sent[1]["params"]["diagnostics"].empty());
}
