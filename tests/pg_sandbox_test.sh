#!/usr/bin/env bash
# Tests for tools/pg-sandbox.sh: socket-only start, stop, and run.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
sandbox=$root/tools/pg-sandbox.sh
# shellcheck source=tools/pg-sandbox.sh
. "$sandbox"
psql=$(pg_sandbox_bindir)/psql

passed=0
failed=0
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok - $name"
    else
        failed=$((failed + 1))
        echo "not ok - $name"
    fi
}

dir=$(mktemp -d)
work=$(mktemp -d)
cleanup() {
    "$sandbox" stop "$dir" >/dev/null 2>&1 || true
    rm -rf -- "$dir" "$work"
}
trap cleanup EXIT

# Number of TCP sockets in LISTEN state held by process PID.
tcp_listeners() {
    local pid=$1 fd link ino state count=0 sockets=0
    local -A inodes=()
    for fd in /proc/"$pid"/fd/*; do
        link=$(readlink "$fd" 2>/dev/null) || continue
        if [[ $link =~ ^socket:\[([0-9]+)\]$ ]]; then
            inodes[${BASH_REMATCH[1]}]=1
            sockets=$((sockets + 1))
        fi
    done
    # The postmaster always holds its Unix socket; none seen means /proc was unreadable.
    ((sockets > 0)) || { echo unknown; return; }
    # /proc/net/tcp{,6}: 4th column is the state (0A = LISTEN), 10th the inode.
    while read -r _ _ _ state _ _ _ _ _ ino _; do
        if [[ $state == 0A && -n ${inodes[$ino]:-} ]]; then
            count=$((count + 1))
        fi
    done < <(cat /proc/net/tcp /proc/net/tcp6 2>/dev/null)
    echo "$count"
}

start_ok() {
    "$sandbox" start "$dir" >"$work/env" 2>"$work/start.err" || { cat "$work/start.err"; return 1; }
    # shellcheck source=/dev/null
    . "$work/env"
    [[ $PGHOST == "$(cd -- "$dir" && pwd -P)" && $PGPORT == 5432 && $PGUSER == postgres && $PGDATABASE == postgres ]]
}
check "start prints the connection environment" start_ok

check "psql select 1 over the socket" \
    test "$("$psql" -X -Atc 'select 1' 2>&1)" = 1
check "socket file lives in DIR" test -S "$dir/.s.PGSQL.5432"
check "listen_addresses is empty" \
    test "$("$psql" -X -Atc 'show listen_addresses' 2>&1)" = ""

pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || echo 0)
check "postmaster pid known" test "$pid" -gt 0
check "postmaster listens on no TCP port" test "$(tcp_listeners "$pid")" = 0

check "stop succeeds" "$sandbox" stop "$dir"
# A zombie counts as gone: where PID 1 does not reap orphans (some
# containers), the exited postmaster lingers in state Z.
process_running() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}
postmaster_gone() {
    ! process_running "$pid" && [[ ! -e $dir/data/postmaster.pid && ! -S $dir/.s.PGSQL.5432 ]]
}
check "postmaster is gone after stop" postmaster_gone
check "second stop is a no-op" "$sandbox" stop "$dir"

run_keeps_status_and_cleans_up() {
    local rc=0 host
    # shellcheck disable=SC2016 # expanded by the inner shell
    "$sandbox" run -- bash -c 'printf "%s\n" "$PGHOST" >"$1"; [[ $("$2" -X -Atc "select 1") == 1 ]] && exit 7' \
        _ "$work/run-host" "$psql" || rc=$?
    host=$(cat "$work/run-host" 2>/dev/null) || return 1
    [[ $rc == 7 && -n $host && ! -e $host ]]
}
check "run returns CMD's status and removes the cluster" run_keeps_status_and_cleans_up

echo "$passed passed, $failed failed"
((failed == 0))
