#!/usr/bin/env bash
# The test command: installs dependencies, then builds and runs the whole suite twice,
#   build/       RelWithDebInfo
#   build-asan/  Debug with AddressSanitizer + UndefinedBehaviorSanitizer
# then fuzzes for a bounded time (tests/fuzz_test.sh, MIGSAFE_FUZZ_SECONDS per target):
#   build-fuzz/  clang, libFuzzer targets only
# and ends with one line "N passed, M failed" over all runs. Exits non-zero on any failure.
#   usage: scripts/test.sh
set -uo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root" || exit 1

JOBS=2
# Per-test limit: a hanging test fails instead of eating the CI budget.
TEST_TIMEOUT=900

if ! scripts/setup.sh; then
    echo "test: scripts/setup.sh failed" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

total_passed=0
total_failed=0
problems=()

# run_suite NAME DIR [CMAKE ARGS...]: configure, build, ctest; adds to the totals.
run_suite() {
    local name=$1 dir=$2 log summary passed failed total rc
    shift 2
    echo "=== $name: configure + build ($dir)"
    mkdir -p "$dir"
    if ! cmake -S . -B "$dir" -G Ninja "$@" >"$dir/configure.log" 2>&1; then
        cat "$dir/configure.log" >&2
        problems+=("$name: configure failed")
        total_failed=$((total_failed + 1))
        return
    fi
    if ! cmake --build "$dir" -j "$JOBS"; then
        problems+=("$name: build failed")
        total_failed=$((total_failed + 1))
        return
    fi
    echo "=== $name: ctest"
    log="$dir/ctest-output.log"
    rc=0
    # shellcheck disable=SC2086  # CTEST_EXTRA is a word list on purpose
    (cd "$dir" && ctest --output-on-failure -j "$JOBS" --timeout "$TEST_TIMEOUT" ${CTEST_EXTRA:-}) 2>&1 |
        tee "$log" || rc=$?
    # ctest closes with "NN% tests passed, F tests failed out of T".
    summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
    if [[ $summary =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
        failed=${BASH_REMATCH[1]}
        total=${BASH_REMATCH[2]}
        passed=$((total - failed))
    else
        problems+=("$name: ctest printed no summary (no tests found?)")
        passed=0
        failed=1
    fi
    if ((rc != 0 && failed == 0)); then
        problems+=("$name: ctest exited $rc")
        failed=1
    fi
    ((failed > 0)) && problems+=("$name: $failed of $((passed + failed)) tests failed")
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
}

run_suite release build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIGSAFE_SANITIZE=OFF

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Known third-party leaks (see the file). Full unwinding at malloc: libpg_query has no frame
# pointers, and the suppression must see the libpg_query function behind the leak.
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0:fast_unwind_on_malloc=0
# The corpus test (1,100 real files) runs in the release build only: under the sanitizers it
# takes 2.5 minutes of the 15-minute budget, and the fuzz targets below cover hostile input.
CTEST_EXTRA="-E ^corpus_test$" run_suite sanitizers build-asan -DCMAKE_BUILD_TYPE=Debug -DMIGSAFE_SANITIZE=ON
unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

# The fuzz build compiles everything with clang and the fuzzer instrumentation; only the fuzz
# targets are built and only the fuzz test runs (the suite itself ran twice above).
run_fuzz() {
    local dir=build-fuzz log
    echo "=== fuzz: configure + build ($dir)"
    mkdir -p "$dir"
    if ! CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DMIGSAFE_FUZZ=ON >"$dir/configure.log" 2>&1; then
        cat "$dir/configure.log" >&2
        problems+=("fuzz: configure failed")
        total_failed=$((total_failed + 1))
        return
    fi
    if ! cmake --build "$dir" -j "$JOBS" --target check_fuzzer host_fuzzer lsp_fuzzer; then
        problems+=("fuzz: build failed")
        total_failed=$((total_failed + 1))
        return
    fi
    echo "=== fuzz: ctest -R fuzz_test"
    log="$dir/ctest-output.log"
    if (cd "$dir" && ctest --output-on-failure -R '^fuzz_test$' --timeout "$TEST_TIMEOUT") 2>&1 |
        tee "$log" && grep -q '100% tests passed, 0 tests failed out of 1' "$log"; then
        total_passed=$((total_passed + 1))
    else
        problems+=("fuzz: tests/fuzz_test.sh failed (reproducers in $dir/fuzz-artifacts)")
        total_failed=$((total_failed + 1))
    fi
}
# 30 s per target in CI (override with MIGSAFE_FUZZ_SECONDS); longer runs are for fuzz/README.md.
export MIGSAFE_FUZZ_SECONDS=${MIGSAFE_FUZZ_SECONDS:-30}
run_fuzz

echo
for p in "${problems[@]}"; do
    echo "test: FAILED: $p"
done
echo "$total_passed passed, $total_failed failed"
((total_failed == 0))
