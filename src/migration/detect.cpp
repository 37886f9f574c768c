// detect_runner: which runner a directory belongs to, from its layout and markers. Specific
// evidence (goose annotations, sqitch.plan, Flyway names, …) wins over generic evidence
// (`.up.sql` files); plain SQL when nothing matches.

#include <array>
#include <map>

#include "migration/discover.hpp"
#include "migration/file_tree.hpp"
#include "migration/layouts.hpp"
#include "migration/script_text.hpp"

namespace migsafe::migration {

namespace fs = std::filesystem;

namespace {

// Strongest evidence first.
constexpr std::array<Runner, 13> kPriority{
    Runner::Sqitch,        Runner::Prisma, Runner::Goose,         Runner::Dbmate,  Runner::Flyway,
    Runner::Diesel,        Runner::Sqlx,   Runner::Rails,         Runner::Alembic, Runner::Django,
    Runner::NodePgMigrate, Runner::Knex,   Runner::GolangMigrate,
};

bool contains(std::string_view text, std::string_view needle) {
    return text.find(needle) != std::string_view::npos;
}

class Evidence {
  public:
    // The first file found for a runner is its evidence; a marker file (migration_lock.toml,
    // diesel.toml) replaces a layout shape.
    void note(Runner runner, std::string reason) { found_.try_emplace(runner, std::move(reason)); }
    void note_marker_file(Runner runner, std::string reason) {
        found_.insert_or_assign(runner, std::move(reason));
    }
    bool has(Runner runner) const { return found_.count(runner) != 0; }

    std::pair<Runner, std::string> verdict() const {
        for (const Runner runner : kPriority) {
            auto it = found_.find(runner);
            if (it == found_.end()) continue;
            std::string reason = it->second;
            std::string others;
            for (const Runner other : kPriority) {
                if (other == runner || !has(other)) continue;
                others += (others.empty() ? "" : ", ") + std::string(runner_name(other));
            }
            if (!others.empty()) reason += " (weaker evidence also seen for: " + others + ")";
            return {runner, reason};
        }
        return {Runner::Plain, "no runner markers found: plain SQL, run as written"};
    }

  private:
    std::map<Runner, std::string> found_;
};

// Some line, leading blanks aside, starts with the `--` comment `lower_prefix` (compared
// case-insensitively when asked). Jumps from one "--" to the next instead of walking every line:
// detection scans every SQL file of a directory, data dumps included.
bool has_comment_line_starting_with(std::string_view text, std::string_view lower_prefix,
                                    bool ignore_case) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    for (size_t at = text.find("--"); at != std::string_view::npos; at = text.find("--", at)) {
        size_t line = at;
        while (line > 0 && blank(text[line - 1]))
            --line;
        const bool starts_line = line == 0 || text[line - 1] == '\n';
        if (starts_line && text.size() - at >= lower_prefix.size()) {
            bool same = true;
            for (size_t i = 0; i < lower_prefix.size() && same; ++i) {
                const char c = text[at + i];
                same = (ignore_case ? lower(c) : c) == lower_prefix[i];
            }
            if (same) return true;
        }
        // The rest of the line is a comment: no other line starts in it.
        const size_t newline = text.find('\n', at);
        if (newline == std::string_view::npos) return false;
        at = newline + 1;
    }
    return false;
}

bool has_goose_annotation(std::string_view text) {
    return has_comment_line_starting_with(text, "-- +goose up", true);
}

bool has_dbmate_marker(std::string_view text) {
    return has_comment_line_starting_with(text, "-- migrate:up", false);
}

bool is_flyway_versioned_name(std::string_view name) {
    if (name.size() < 7 || name[0] != 'V' || !ends_with(name, ".sql")) {
        return false;
    }
    const size_t separator = name.find("__");
    if (separator == std::string_view::npos || separator < 2) return false;
    for (const char c : name.substr(1, separator - 1)) {
        if ((c < '0' || c > '9') && c != '.' && c != '_') return false;
    }
    return true;
}

std::string_view directory_name(std::string_view relative) {
    return file_name(parent_dir(relative));
}

// Project files that live next to (or above) a migrations directory: Cargo.toml, diesel.toml,
// alembic.ini. Looks at the root and two levels up.
void note_project_files(const fs::path& root, bool has_versioned_sql, Evidence& evidence) {
    std::error_code error;
    fs::path directory = fs::absolute(root, error);
    if (fs::is_regular_file(directory, error)) directory = directory.parent_path();
    for (int level = 0; level < 3 && !directory.empty(); ++level) {
        // Inside the root the file name says enough; above it, where it is.
        const auto where = [&](const char* name) {
            return level == 0 ? std::string(name) : (directory / name).string();
        };
        if (fs::exists(directory / "diesel.toml", error)) {
            evidence.note_marker_file(Runner::Diesel, "diesel.toml at " + where("diesel.toml"));
        }
        if (fs::exists(directory / "alembic.ini", error)) {
            evidence.note_marker_file(Runner::Alembic, "alembic.ini at " + where("alembic.ini"));
        }
        const fs::path cargo = directory / "Cargo.toml";
        if (has_versioned_sql && fs::exists(cargo, error)) {
            const std::string text = read_text(cargo).value_or("");
            if (contains(text, "sqlx")) {
                evidence.note(Runner::Sqlx, "sqlx in " + where("Cargo.toml") +
                                                " and <version>_<name>.sql migrations");
            }
        }
        const fs::path parent = directory.parent_path();
        if (parent == directory) break;
        directory = parent;
    }
}

// Evidence in a file's name and place.
void note_file_name(const FileTree& tree, const std::string& relative, Evidence& evidence) {
    const std::string_view name = file_name(relative);
    if (name == "sqitch.plan") evidence.note(Runner::Sqitch, "sqitch.plan at " + relative);
    if (name == "migration_lock.toml") {
        evidence.note_marker_file(Runner::Prisma, "Prisma migration_lock.toml at " + relative);
    }
    if (name == "migration.sql" && split_version(directory_name(relative))) {
        evidence.note(Runner::Prisma,
                      "Prisma layout <timestamp>_<name>/migration.sql: " + relative);
    }
    if (name == "up.sql" && directory_name(relative).find('_') != std::string_view::npos &&
        tree.contains(join_path(parent_dir(relative), "down.sql"))) {
        evidence.note(Runner::Diesel,
                      "Diesel layout <version>_<name>/up.sql + down.sql: " + relative);
    }
    if (is_flyway_versioned_name(name)) {
        evidence.note(Runner::Flyway, "Flyway versioned name " + relative);
    }
    if (ends_with(name, ".rb") && split_version(name) &&
        tree.in_directory_named(relative, "migrate")) {
        evidence.note(Runner::Rails, "Rails migration " + relative);
    }
    if (ends_with(name, ".up.sql") && split_version(name)) {
        evidence.note(Runner::GolangMigrate, "{version}_{title}.up.sql files: " + relative);
    }
}

// Evidence in what a SQL, Python or JavaScript/TypeScript file says.
void note_file_content(const FileTree& tree, const std::string& relative, Evidence& evidence) {
    const std::string_view name = file_name(relative);
    const bool is_sql = ends_with(name, ".sql");
    const bool is_python = ends_with(name, ".py");
    const bool is_script =
        !ends_with(name, ".d.ts") && (ends_with(name, ".js") || ends_with(name, ".ts") ||
                                      ends_with(name, ".cjs") || ends_with(name, ".mjs"));
    if (!is_sql && !is_python && !is_script) return;
    // Runner markers head a SQL file: a data dump need not be read to its end here.
    constexpr size_t kSqlHead = size_t{64} << 10;
    const std::string text = is_sql ? read_head(tree.absolute(relative), kSqlHead)
                                    : read_text(tree.absolute(relative)).value_or("");
    if (is_sql && has_goose_annotation(text)) {
        evidence.note(Runner::Goose, "goose annotations in " + relative);
    }
    if (is_sql && has_dbmate_marker(text)) {
        evidence.note(Runner::Dbmate, "dbmate -- migrate:up marker in " + relative);
    }
    if (is_sql && starts_with(text, "-- no-transaction")) {
        evidence.note(Runner::Sqlx, "sqlx -- no-transaction marker in " + relative);
    }
    if (is_python && tree.in_directory_named(relative, "versions") &&
        contains(text, "revision =") &&
        tree.contains(join_path(parent_dir(parent_dir(relative)), "env.py"))) {
        evidence.note(Runner::Alembic, "Alembic revision with env.py: " + relative);
    }
    if (is_python && tree.in_directory_named(relative, "migrations") &&
        contains(text, "django.db") && contains(text, "migrations")) {
        evidence.note(Runner::Django, "Django migration " + relative);
    }
    if (is_script && (contains(text, "pgm.") || contains(text, "(pgm"))) {
        evidence.note(Runner::NodePgMigrate, "node-pg-migrate pgm calls in " + relative);
    } else if (is_script && (contains(text, "exports.up") || contains(text, "function up(knex"))) {
        evidence.note(Runner::Knex, "knex migration " + relative);
    }
}

}  // namespace

std::pair<Runner, std::string> detect_runner(const fs::path& root) {
    const FileTree tree = list_files(root);
    Evidence evidence;
    bool has_versioned_sql = false;
    for (const std::string& relative : tree.files) {
        note_file_name(tree, relative, evidence);
        note_file_content(tree, relative, evidence);
        const std::string_view name = file_name(relative);
        if (ends_with(name, ".sql") && split_version(name)) has_versioned_sql = true;
    }
    note_project_files(root, has_versioned_sql, evidence);
    return evidence.verdict();
}

}  // namespace migsafe::migration
