#pragma once

#include <span>
#include <string_view>

#include "sql/pg_ast.hpp"

// Null-safe accessors over the protobuf-c parse tree. libpg_query omits default-valued fields,
// so every accessor has a default.
namespace migsafe::sql {

inline std::string_view str(const char* s) {
    return s != nullptr ? std::string_view(s) : std::string_view();
}

inline std::span<PgQuery__Node* const> list(PgQuery__Node* const* items, size_t n) {
    return items != nullptr ? std::span<PgQuery__Node* const>(items, n)
                            : std::span<PgQuery__Node* const>();
}

inline bool is(const PgQuery__Node* node, PgQuery__Node__NodeCase kind) {
    return node != nullptr && node->node_case == kind;
}

// The text of a String node ("" for anything else).
std::string_view string_value(const PgQuery__Node* node);

// The DefElem named `name` among `options`, or null.
const PgQuery__DefElem* find_def_elem(std::span<PgQuery__Node* const> options,
                                      std::string_view name);

// The last element of a dotted name list (e.g. a function or type name), lower-cased by the parser.
std::string_view last_name(std::span<PgQuery__Node* const> names);

}  // namespace migsafe::sql

#include <functional>

namespace migsafe::sql {

// Calls `visit` for every Node below `message` (not for `message` itself), in field order,
// using the protobuf-c descriptors so no node type is forgotten.
void for_each_descendant(const ProtobufCMessage* message,
                         const std::function<void(const PgQuery__Node&)>& visit);

}  // namespace migsafe::sql
