#pragma once

#include <string>
#include <string_view>

#include "migration/host/syntax_tree.hpp"

namespace migsafe::migration::host {

// JavaScript, TypeScript or TSX, by the file's extension.
HostLanguage js_language(std::string_view path);

// What a module exports under `name`: `exports.name = …`, `module.exports.name = …`,
// `module.exports = { name … }`, `export function name`, `export const name = …`. The function
// or value node, or a null node.
TSNode js_export(TSNode program, std::string_view name, std::string_view text);

// The name of a function's first parameter ("knex", "pgm"), or `fallback`.
std::string first_parameter(TSNode function, std::string_view text, std::string_view fallback);

// Calls `object.method(…)` in `body` where object's text is one of `objects`; calls `on_call`
// with each call node. Does not look inside a matched call.
template <typename OnCall>
void for_each_method_call(TSNode body, std::string_view text,
                          std::initializer_list<std::string_view> objects, std::string_view method,
                          OnCall&& on_call) {
    walk(body, [&](TSNode node) {
        if (kind(node) != "call_expression") return true;
        const TSNode function = field(node, "function");
        if (kind(function) != "member_expression" ||
            text_of(field(function, "property"), text) != method)
            return true;
        const std::string_view object = text_of(field(function, "object"), text);
        for (const std::string_view candidate : objects) {
            if (object == candidate) {
                on_call(node);
                return false;
            }
        }
        return true;
    });
}

// The first argument of a call expression, or a null node.
TSNode first_argument(TSNode call);

}  // namespace migsafe::migration::host
