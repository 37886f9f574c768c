# Shared helpers for the shell tests: source it, call the checks, end with `finish`.
# Each check counts a pass or prints why it failed.
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL: $*" >&2
}

# expect_exit CODE DESCRIPTION -- COMMAND...   (stdout in $work/out, stderr in $work/err)
expect_exit() {
    local want=$1 what=$2
    shift 3
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -eq "$want" ]; then
        pass
    else
        fail "$what: exit $got, expected $want"
        sed 's/^/  stdout: /' "$work/out" | head -n 5 >&2
        sed 's/^/  stderr: /' "$work/err" | head -n 5 >&2
    fi
}

# expect_grep PATTERN FILE DESCRIPTION
expect_grep() {
    if grep -qE -- "$1" "$2"; then
        pass
    else
        fail "$3: /$1/ not in $2"
        head -n 5 "$2" | sed 's/^/  /' >&2
    fi
}

# expect_no_grep PATTERN FILE DESCRIPTION
expect_no_grep() {
    if grep -qE -- "$1" "$2"; then
        fail "$3: /$1/ found in $2"
        grep -E -- "$1" "$2" | head -n 3 | sed 's/^/  /' >&2
    else
        pass
    fi
}

# expect_equal ACTUAL EXPECTED DESCRIPTION
expect_equal() {
    if [ "$1" = "$2" ]; then
        pass
    else
        fail "$3: got '$1', expected '$2'"
    fi
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
