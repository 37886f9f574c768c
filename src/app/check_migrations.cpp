#include "app/check_migrations.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "app/parse_ahead.hpp"
#include "util/paths.hpp"

namespace migsafe {

namespace {

bool selected(const migration::Migration& m, const MigrationSelection& selection) {
    if (!selection.files) return true;
    for (const auto* script : {&m.up, &m.down}) {
        if (*script && selection.files->contains(canonical_path((*script)->path))) return true;
    }
    return false;
}

Options script_options(const MigrationCheckOptions& check, const migration::Script& script) {
    Options options = check.options;
    if (check.forced_transaction) {
        options.transaction = *check.forced_transaction;
    } else {
        options.transaction = script.transaction;
        options.transaction_reason = script.transaction_reason;
    }
    return options;
}

ScriptInfo script_info(const migration::MigrationSet& set, const migration::Migration& m,
                       const migration::Script& script, const Options& options) {
    return {m.id, std::string(migration::runner_name(set.runner)),
            script.direction == migration::Direction::Up ? "up" : "down",
            std::string(migration::transaction_model_name(options.transaction)),
            options.transaction_reason};
}

// Tables and columns that exist in `after` but not in `before`, by unqualified name.
std::set<std::string> created_between(const catalog::Catalog& before,
                                      const catalog::Catalog& after) {
    std::set<std::string> created;
    for (const catalog::Table* table : after.tables()) {
        const catalog::Table* old = before.table(table->name);
        if (old == nullptr) {
            created.insert(table->name.name);
            continue;
        }
        for (const catalog::Column& column : table->columns) {
            if (old->column(column.name) == nullptr)
                created.insert(table->name.name + "." + column.name);
        }
    }
    return created;
}

void record_added(const migration::Migration& m, const migration::Script& script,
                  const catalog::Catalog& before, const catalog::Catalog& after,
                  std::vector<AddedObject>& out) {
    for (const std::string& name : created_between(before, after)) {
        const size_t dot = name.find('.');
        out.push_back({m.id,
                       script.path,
                       {"", name.substr(0, dot)},
                       dot == std::string::npos ? std::string() : name.substr(dot + 1)});
    }
}

// One script: parsing runs ahead on worker threads, checking follows in order.
struct Pending {
    const migration::Migration* migration;
    const migration::Script* script;
    bool check;
};

}  // namespace

std::vector<FileResult> check_migration_set(const migration::MigrationSet& set,
                                            const MigrationCheckOptions& check,
                                            const MigrationSelection& selection,
                                            catalog::Catalog history) {
    // Which migrations are checked.
    size_t first_checked = 0;
    if (selection.start_after) {
        const auto it = std::find_if(
            set.migrations.begin(), set.migrations.end(),
            [&](const migration::Migration& m) { return m.id == *selection.start_after; });
        if (it == set.migrations.end()) {
            throw std::runtime_error("start_after: no migration " + *selection.start_after +
                                     " in " + set.root);
        }
        first_checked = static_cast<size_t>(it - set.migrations.begin()) + 1;
    }
    std::vector<Pending> work;
    for (size_t i = 0; i < set.migrations.size(); ++i) {
        const migration::Migration& m = set.migrations[i];
        const auto skip = [&](const std::optional<migration::Script>& s) {
            return !s || (selection.excluded && selection.excluded(s->path));
        };
        const bool checked = i >= first_checked && selected(m, selection);
        if (!skip(m.up)) work.push_back({&m, &*m.up, checked});
        if (checked && !skip(m.down)) work.push_back({&m, &*m.down, true});
    }

    std::vector<const std::string*> texts;
    texts.reserve(work.size());
    for (const Pending& p : work)
        texts.push_back(&p.script->sql);
    ParseAhead parsing(std::move(texts), check.jobs != 0
                                             ? check.jobs
                                             : std::max(1U, std::thread::hardware_concurrency()));

    std::vector<FileResult> results;
    catalog::Catalog& catalog = history;
    // Only a change set says which migrations ship together; without one every migration may
    // have been deployed on its own, and its tables are taken as existing for later ones.
    const bool change_set = selection.files.has_value();
    std::set<std::string> created_in_change_set;
    for (size_t i = 0; i < work.size();) {
        const migration::Migration& m = *work[i].migration;
        const bool checked = work[i].check;
        // The schema before the up is kept only when a down will be compared with it.
        // A migration's work is [up], [up, down] or [down].
        const auto is_down_of_m = [&](size_t j) {
            return j < work.size() && work[j].migration == &m &&
                   work[j].script->direction == migration::Direction::Down;
        };
        const bool has_down = is_down_of_m(i) || is_down_of_m(i + 1);
        std::optional<catalog::Catalog> before_up;
        if (has_down || (checked && (check.added != nullptr || change_set))) before_up = catalog;
        std::optional<FileResult> up;
        std::optional<FileResult> down;
        if (work[i].script->direction == migration::Direction::Up) {
            const migration::Script& script = *work[i].script;
            std::unique_ptr<sql::ParsedFile> parsed = parsing.take(i);
            if (checked) {
                Options options = script_options(check, script);
                options.created_in_change_set = created_in_change_set;
                up = check_parsed(script.path, std::move(parsed), options, catalog, check.code);
                if (check.added != nullptr)
                    record_added(m, script, *before_up, catalog, *check.added);
                if (change_set) {
                    for (const std::string& name : created_between(*before_up, catalog)) {
                        if (name.find('.') == std::string::npos) created_in_change_set.insert(name);
                    }
                }
                up->script = script_info(set, m, script, options);
                add_script_problems(script.problems, *up);
            } else {
                replay(*parsed, catalog);
            }
            ++i;
        }
        std::optional<catalog::Catalog> after_down;
        if (is_down_of_m(i)) {
            const migration::Script& script = *work[i].script;
            after_down = catalog;
            Options options = script_options(check, script);
            options.created_by_up = created_between(*before_up, catalog);
            options.created_in_change_set = created_in_change_set;
            down = check_parsed(script.path, parsing.take(i), options, *after_down, check.code);
            down->script = script_info(set, m, script, options);
            add_script_problems(script.problems, *down);
            ++i;
        }
        if (!checked) continue;
        MigrationContext context{
            m,  set.runner,   up ? up->file.get() : nullptr, down ? down->file.get() : nullptr,
            {}, check.options};
        if (after_down) context.restore_differences = catalog::differences(*before_up, *after_down);
        check_migration(context, up ? &*up : nullptr, down ? &*down : nullptr);
        for (auto* result : {&up, &down}) {
            if (!*result) continue;
            finalize(**result, check.options);
            results.push_back(std::move(**result));
        }
    }
    return results;
}

}  // namespace migsafe
