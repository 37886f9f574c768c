// libFuzzer target: the language server's input path. The bytes are split into framed messages
// both at once and in two reads (the split point comes from the input), which must agree on a
// well-formed stream; then every message goes through the server, which must never throw.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/framing.hpp"
#include "lsp/server.hpp"

namespace {

// What a server reading the stream in two chunks sees: the bodies and errors of both reads.
migsafe::lsp::Frames split_in_two_reads(std::string_view input, size_t cut) {
    migsafe::lsp::Frames first = migsafe::lsp::split_frames(input.substr(0, cut));
    std::string buffer = std::move(first.rest);
    buffer.append(input.substr(cut));
    migsafe::lsp::Frames second = migsafe::lsp::split_frames(buffer);
    first.bodies.insert(first.bodies.end(), second.bodies.begin(), second.bodies.end());
    first.errors.insert(first.errors.end(), second.errors.begin(), second.errors.end());
    first.rest = std::move(second.rest);
    return first;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const migsafe::lsp::Frames whole = migsafe::lsp::split_frames(input);

    size_t consumed = whole.rest.size();
    for (const std::string& body : whole.bodies)
        consumed += body.size();
    if (consumed > size) std::abort();  // bodies and rest are pieces of the input

    if (whole.errors.empty() && size > 0) {
        const size_t cut = data[0] % (size + 1);
        const migsafe::lsp::Frames chunked = split_in_two_reads(input, cut);
        if (chunked.bodies != whole.bodies || chunked.rest != whole.rest || !chunked.errors.empty())
            std::abort();  // a read boundary changed what the server receives
    }

    // The worker thread sends too: the callback only serialises, as the real one does.
    const auto send = [](const nlohmann::json& message) {
        static_cast<void>(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    };
    std::ostringstream log;
    {
        migsafe::lsp::Server server(send, log, {.debounce = std::chrono::milliseconds(0)});
        for (const std::string& problem : whole.errors)
            server.handle_framing_error(problem);
        for (const std::string& body : whole.bodies) {
            server.handle_message(body);
            if (server.exit_requested()) break;
        }
        server.finish();
    }
    return 0;
}
