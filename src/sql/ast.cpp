#include "sql/ast.hpp"

#include <cstring>

namespace migsafe::sql {

std::string_view string_value(const PgQuery__Node* node) {
    if (!is(node, PG_QUERY__NODE__NODE_STRING) || node->string == nullptr) return {};
    return str(node->string->sval);
}

const PgQuery__DefElem* find_def_elem(std::span<PgQuery__Node* const> options,
                                      std::string_view name) {
    for (const PgQuery__Node* option : options) {
        if (is(option, PG_QUERY__NODE__NODE_DEF_ELEM) && str(option->def_elem->defname) == name) {
            return option->def_elem;
        }
    }
    return nullptr;
}

std::string_view last_name(std::span<PgQuery__Node* const> names) {
    if (names.empty()) return {};
    return string_value(names.back());
}

}  // namespace migsafe::sql

namespace migsafe::sql {

namespace {

void visit_message(const ProtobufCMessage* message,
                   const std::function<void(const PgQuery__Node&)>& visit);

void visit_field(const char* base, const ProtobufCFieldDescriptor& field,
                 const std::function<void(const PgQuery__Node&)>& visit) {
    if (field.type != PROTOBUF_C_TYPE_MESSAGE) return;
    const auto child_of = [&](const ProtobufCMessage* child) {
        if (child == nullptr) return;
        if (child->descriptor == &pg_query__node__descriptor) {
            const auto* node = reinterpret_cast<const PgQuery__Node*>(child);
            visit(*node);
        }
        visit_message(child, visit);
    };
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
        size_t count = 0;
        std::memcpy(&count, base + field.quantifier_offset, sizeof(count));
        const ProtobufCMessage* const* items = nullptr;
        std::memcpy(&items, base + field.offset, sizeof(items));
        for (size_t k = 0; k < count && items != nullptr; ++k)
            child_of(items[k]);
    } else {
        const ProtobufCMessage* child = nullptr;
        // The field holds a pointer to a message; copy the pointer itself.
        std::memcpy(&child, base + field.offset,
                    sizeof(const ProtobufCMessage*));  // NOLINT(bugprone-sizeof-expression)
        child_of(child);
    }
}

void visit_message(const ProtobufCMessage* message,
                   const std::function<void(const PgQuery__Node&)>& visit) {
    if (message == nullptr || message->descriptor == nullptr) return;
    const auto* base = reinterpret_cast<const char*>(message);
    const ProtobufCMessageDescriptor* descriptor = message->descriptor;
    // A Node is a oneof over ~250 node types: look its one set field up by number instead of
    // scanning them all (this walk runs over every expression rules inspect).
    if (descriptor == &pg_query__node__descriptor) {
        const auto* node = reinterpret_cast<const PgQuery__Node*>(message);
        if (node->node_case == PG_QUERY__NODE__NODE__NOT_SET) return;
        const ProtobufCFieldDescriptor* field =
            protobuf_c_message_descriptor_get_field(descriptor, node->node_case);
        if (field != nullptr) visit_field(base, *field, visit);
        return;
    }
    for (unsigned i = 0; i < descriptor->n_fields; ++i) {
        const ProtobufCFieldDescriptor& field = descriptor->fields[i];
        if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0) {
            uint32_t which = 0;
            std::memcpy(&which, base + field.quantifier_offset, sizeof(which));
            if (which != field.id) continue;
        }
        visit_field(base, field, visit);
    }
}

}  // namespace

void for_each_descendant(const ProtobufCMessage* message,
                         const std::function<void(const PgQuery__Node&)>& visit) {
    visit_message(message, visit);
}

}  // namespace migsafe::sql
