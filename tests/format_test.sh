#!/usr/bin/env bash
# Every C++ source in the repository is clang-format clean (config: .clang-format).
set -uo pipefail
root=${MIGSAFE_SOURCE_DIR:?set MIGSAFE_SOURCE_DIR to the repository root}
cd "$root" || exit 1
if ! command -v clang-format >/dev/null; then
    echo "clang-format is not installed (scripts/setup.sh installs it)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
passed=0
failed=0
while IFS= read -r file; do
    if clang-format --dry-run --Werror "$file" >/dev/null 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "not clang-format clean: $file (run clang-format -i $file)" >&2
    fi
done < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src rules tests -name '*.[ch]pp')
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
