#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "code/reference.hpp"
#include "engine/diagnostic.hpp"
#include "pg/names.hpp"
#include "util/source_text.hpp"

namespace migsafe::code {

// The application code of a repository, with the references to tables and columns found in
// each file. Built by the caller that reads the files; rules only look things up.
class CodeIndex {
  public:
    struct File {
        std::string path;  // as reports show it
        SourceText source;
        std::vector<Reference> references;
        bool changed = false;  // part of the change set being checked
    };

    // Finds the references in one file (by its extension) and keeps them. `relative` is the
    // path inside the repository (for Django app labels and ignore globs). Returns false for a
    // file that is not application code of a known language or matches an ignore glob.
    bool add(std::string path, std::string_view relative, std::string text, bool changed,
             const std::vector<std::string>& ignore_globs);

    const std::vector<File>& files() const { return files_; }

    struct Hit {
        const File* file;
        const Reference* reference;
    };
    // References to the table (column empty: the table itself or any column of it) or to one
    // column of it. A column reference counts only when the code says which table it is on:
    // a bare `email` in unknown context is too weak to call a dependency.
    std::vector<Hit> find(const pg::QualifiedName& table, std::string_view column,
                          bool changed_only) const;

    // A reference as a related location for reports.
    static RelatedLocation location(const Hit& hit, std::string message);

  private:
    std::vector<File> files_;
};

}  // namespace migsafe::code
