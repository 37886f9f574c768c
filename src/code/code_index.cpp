#include "code/code_index.hpp"

#include "code/find_references.hpp"
#include "code/language.hpp"
#include "code/path_filter.hpp"

namespace migsafe::code {

bool CodeIndex::add(std::string path, std::string_view relative, std::string text, bool changed,
                    const std::vector<std::string>& ignore_globs) {
    const std::optional<Language> language = language_for_path(relative);
    if (!language || is_ignored_path(relative, ignore_globs)) return false;
    std::vector<Reference> references = find_references(*language, text, relative);
    if (references.empty()) return true;
    files_.push_back(
        {std::move(path), SourceText(std::move(text)), std::move(references), changed});
    return true;
}

std::vector<CodeIndex::Hit> CodeIndex::find(const pg::QualifiedName& table, std::string_view column,
                                            bool changed_only) const {
    std::vector<Hit> hits;
    for (const File& file : files_) {
        if (changed_only && !file.changed) continue;
        for (const Reference& ref : file.references) {
            if (!ref.schema.empty() && !table.schema.empty() && ref.schema != table.schema)
                continue;
            const bool match = column.empty()
                                   ? ref.refers_to_table(table.name)
                                   : !ref.table.empty() && ref.refers_to_column(table.name, column);
            if (match) hits.push_back({&file, &ref});
        }
    }
    return hits;
}

RelatedLocation CodeIndex::location(const Hit& hit, std::string message) {
    const Position at = hit.file->source.position(hit.reference->span.begin);
    const Position utf16 = hit.file->source.position(hit.reference->span.begin, ColumnUnit::Utf16);
    return {hit.file->path, at.line, at.column, utf16.column, std::move(message)};
}

}  // namespace migsafe::code
