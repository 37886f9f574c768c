#include "engine/settings.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "sql/ast.hpp"

namespace migsafe {

using sql::is;
using sql::list;
using sql::str;

std::optional<int64_t> parse_duration_ms(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc()) return std::nullopt;
    std::string_view unit(end, static_cast<size_t>(text.data() + text.size() - end));
    while (!unit.empty() && unit.front() == ' ')
        unit.remove_prefix(1);
    double factor = 0;
    if (unit.empty() || unit == "ms") {
        factor = 1;
    } else if (unit == "us") {
        factor = 0.001;
    } else if (unit == "s") {
        factor = 1000;
    } else if (unit == "min") {
        factor = 60'000;
    } else if (unit == "h") {
        factor = 3'600'000;
    } else if (unit == "d") {
        factor = 86'400'000;
    } else {
        return std::nullopt;
    }
    return static_cast<int64_t>(std::llround(value * factor));
}

namespace {

std::string constant_text(const PgQuery__Node* node) {
    if (is(node, PG_QUERY__NODE__NODE_TYPE_CAST)) return constant_text(node->type_cast->arg);
    if (!is(node, PG_QUERY__NODE__NODE_A_CONST)) return {};
    const PgQuery__AConst& c = *node->a_const;
    switch (c.val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL:
            return std::to_string(c.ival != nullptr ? c.ival->ival : 0);
        case PG_QUERY__A__CONST__VAL_SVAL:
            return std::string(str(c.sval != nullptr ? c.sval->sval : nullptr));
        case PG_QUERY__A__CONST__VAL_FVAL:
            return std::string(str(c.fval != nullptr ? c.fval->fval : nullptr));
        default:
            return {};
    }
}

bool tracked(std::string_view name) {
    return name == "lock_timeout" || name == "statement_timeout";
}

std::optional<SettingChange> from_set(const PgQuery__VariableSetStmt& set) {
    SettingChange change;
    change.name = str(set.name);
    change.local = set.is_local != 0;
    switch (set.kind) {
        case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL:
            change.reset_all = true;
            return change;
        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE: {
            if (!tracked(change.name)) return std::nullopt;
            const auto args = list(set.args, set.n_args);
            const std::string text = args.empty() ? std::string() : constant_text(args.front());
            change.value_ms = parse_duration_ms(text);
            // An unreadable value counts as no timeout: PostgreSQL would have rejected it.
            if (!change.value_ms) change.value_ms = 0;
            return change;
        }
        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
        case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
            if (!tracked(change.name)) return std::nullopt;
            return change;
        default:
            return std::nullopt;
    }
}

// SELECT set_config('lock_timeout', '5s', false)
std::optional<SettingChange> from_set_config(const PgQuery__SelectStmt& select) {
    for (const PgQuery__Node* target : list(select.target_list, select.n_target_list)) {
        if (!is(target, PG_QUERY__NODE__NODE_RES_TARGET)) continue;
        const PgQuery__Node* value = target->res_target->val;
        if (!is(value, PG_QUERY__NODE__NODE_FUNC_CALL)) continue;
        const auto& call = *value->func_call;
        if (sql::last_name(list(call.funcname, call.n_funcname)) != "set_config" ||
            call.n_args != 3)
            continue;
        static_cast<void>(0);
        const std::string name = constant_text(call.args[0]);
        if (!tracked(name)) continue;
        SettingChange change;
        change.name = name == "lock_timeout" ? "lock_timeout" : "statement_timeout";
        change.value_ms = parse_duration_ms(constant_text(call.args[1])).value_or(0);
        const std::string local = constant_text(call.args[2]);
        const PgQuery__Node* flag = call.args[2];
        change.local = local == "true" || local == "t" || local == "on" ||
                       (is(flag, PG_QUERY__NODE__NODE_A_CONST) &&
                        flag->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL &&
                        flag->a_const->boolval != nullptr && flag->a_const->boolval->boolval != 0);
        return change;
    }
    return std::nullopt;
}

}  // namespace

std::optional<SettingChange> setting_change(const PgQuery__Node* stmt) {
    if (is(stmt, PG_QUERY__NODE__NODE_VARIABLE_SET_STMT)) return from_set(*stmt->variable_set_stmt);
    if (is(stmt, PG_QUERY__NODE__NODE_SELECT_STMT)) return from_set_config(*stmt->select_stmt);
    return std::nullopt;
}

}  // namespace migsafe
