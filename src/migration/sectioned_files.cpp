// Runners that keep both directions in one file, split by annotation comments: goose
// (`-- +goose Up` / `-- +goose Down`) and dbmate (`-- migrate:up` / `-- migrate:down`).

#include "migration/layouts.hpp"
#include "migration/script_text.hpp"

namespace migsafe::migration {

namespace {

// A direction's body: from the line after its marker to the next direction marker.
struct Section {
    Direction direction = Direction::Up;
    TextRange body;
    std::string marker_options;  // what follows the marker on its line, lower-cased
};

// What one annotation line says, for one runner's syntax.
struct Annotation {
    enum Kind { None, Up, Down, NoTransaction } kind = None;
    std::string options;
};

using AnnotationReader = Annotation (*)(std::string_view line);

std::string_view after_comment_dashes(std::string_view line) {
    line = trim(line);
    if (!starts_with(line, "--")) return {};
    line.remove_prefix(2);
    return trim(line);
}

Annotation read_goose_annotation(std::string_view line) {
    const std::string comment = lowercase(after_comment_dashes(line));
    if (!starts_with(comment, "+goose ")) return {};
    const std::string_view word = trim(std::string_view(comment).substr(7));
    if (word == "up") return {Annotation::Up, {}};
    if (word == "down") return {Annotation::Down, {}};
    if (word == "no transaction") return {Annotation::NoTransaction, {}};
    return {};
}

Annotation read_dbmate_annotation(std::string_view line) {
    const std::string comment = lowercase(after_comment_dashes(line));
    for (const auto& [marker, kind] :
         {std::pair{std::string_view("migrate:up"), Annotation::Up},
          std::pair{std::string_view("migrate:down"), Annotation::Down}}) {
        if (!starts_with(comment, marker)) continue;
        const std::string_view rest = std::string_view(comment).substr(marker.size());
        if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') continue;
        return {kind, std::string(trim(rest))};
    }
    return {};
}

struct SectionedFile {
    std::vector<Section> sections;
    bool no_transaction = false;  // goose's file-wide annotation
};

SectionedFile split_sections(std::string_view text, AnnotationReader read) {
    SectionedFile file;
    for (const Line& line : split_lines(text)) {
        const Annotation annotation = read(text.substr(line.begin, line.end - line.begin));
        if (annotation.kind == Annotation::NoTransaction) file.no_transaction = true;
        if (annotation.kind != Annotation::Up && annotation.kind != Annotation::Down) continue;
        if (!file.sections.empty()) file.sections.back().body.end = line.begin;
        const Direction direction =
            annotation.kind == Annotation::Up ? Direction::Up : Direction::Down;
        file.sections.push_back({direction, {line.next, text.size()}, annotation.options});
    }
    return file;
}

// The file with the bodies of the other direction blanked; markers and any preamble stay, so a
// file-wide suppression comment applies to both directions.
std::string keep_direction(std::string_view text, const SectionedFile& file, Direction direction) {
    std::vector<TextRange> blanked;
    for (const Section& section : file.sections) {
        if (section.direction != direction) blanked.push_back(section.body);
    }
    return blank_ranges(text, blanked);
}

const Section* first_section(const SectionedFile& file, Direction direction) {
    for (const Section& section : file.sections) {
        if (section.direction == direction) return &section;
    }
    return nullptr;
}

struct SectionedRunner {
    AnnotationReader read;
    std::string_view missing_up;     // why a .sql file without an up section is skipped
    std::string_view file_pattern;   // the file names the runner accepts
    bool has_go_migrations = false;  // goose also runs *.go migrations, which hold no SQL file
    // The transaction model of one direction, with its reason.
    std::pair<TransactionModel, std::string> (*transaction)(const SectionedFile&, const Section&);
};

std::pair<TransactionModel, std::string> goose_transaction(const SectionedFile& file,
                                                           const Section&) {
    if (file.no_transaction) return {TransactionModel::AsWritten, "-- +goose NO TRANSACTION"};
    return {TransactionModel::Wrapped, "goose default: each direction in a transaction"};
}

std::pair<TransactionModel, std::string> dbmate_transaction(const SectionedFile&,
                                                            const Section& section) {
    const bool off = section.marker_options.find("transaction:false") != std::string::npos;
    const char* marker = section.direction == Direction::Up ? "-- migrate:up" : "-- migrate:down";
    if (off) return {TransactionModel::AsWritten, std::string(marker) + " transaction:false"};
    return {TransactionModel::Wrapped, "dbmate default: each direction in a transaction"};
}

void place_sectioned_files(const FileTree& tree, MigrationSet& set, const SectionedRunner& runner) {
    for (const std::string& relative : tree.files) {
        const std::string_view name = file_name(relative);
        if (runner.has_go_migrations && ends_with(name, ".go")) {
            if (!ends_with(name, "_test.go")) {
                set.skipped.emplace_back(tree.display(relative),
                                         "a Go migration: its SQL is built by Go code");
            }
            continue;
        }
        if (!ends_with(name, ".sql")) continue;
        const auto parts = split_version(name.substr(0, name.size() - 4));
        if (!parts) {
            set.skipped.emplace_back(tree.display(relative),
                                     "not named " + std::string(runner.file_pattern));
            continue;
        }
        auto text = read_or_skip(tree, relative, set);
        if (!text) continue;
        const SectionedFile file = split_sections(*text, runner.read);
        const Section* up = first_section(file, Direction::Up);
        if (up == nullptr) {
            set.skipped.emplace_back(tree.display(relative), std::string(runner.missing_up));
            continue;
        }
        Migration migration;
        migration.id = parts->version;
        migration.name = parts->name;
        auto [up_model, up_reason] = runner.transaction(file, *up);
        migration.up =
            make_script(tree.display(relative), Direction::Up,
                        keep_direction(*text, file, Direction::Up), up_model, std::move(up_reason));
        if (const Section* down = first_section(file, Direction::Down)) {
            auto [down_model, down_reason] = runner.transaction(file, *down);
            migration.down = make_script(tree.display(relative), Direction::Down,
                                         keep_direction(*text, file, Direction::Down), down_model,
                                         std::move(down_reason));
        }
        finish_migration(migration);
        set.migrations.push_back(std::move(migration));
    }
    sort_by_id(set.migrations);
}

}  // namespace

void discover_goose(const FileTree& tree, MigrationSet& set) {
    place_sectioned_files(tree, set,
                          {read_goose_annotation, "no -- +goose Up annotation",
                           "{version}_{name}.sql", true, goose_transaction});
}

void discover_dbmate(const FileTree& tree, MigrationSet& set) {
    place_sectioned_files(tree, set,
                          {read_dbmate_annotation, "no -- migrate:up marker",
                           "{version}_{name}.sql", false, dbmate_transaction});
}

}  // namespace migsafe::migration
