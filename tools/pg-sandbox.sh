#!/usr/bin/env bash
# Throw-away PostgreSQL clusters for tests. A sandbox cluster listens only on
# a Unix socket inside its own directory, so it never clashes with another
# cluster and is never reachable over TCP.
#
#   pg-sandbox.sh start DIR      initdb + start a cluster in DIR, print PG* exports
#   pg-sandbox.sh stop DIR       stop it (fast mode); no-op when not running
#   pg-sandbox.sh run -- CMD...  run CMD against a temporary cluster, then remove it
#
# Typical use:  eval "$(tools/pg-sandbox.sh start "$dir")"
#
# The file can also be sourced; it then provides pg_sandbox_bindir,
# pg_sandbox_start, pg_sandbox_stop and pg_sandbox_run.
set -euo pipefail

PG_SANDBOX_PORT=5432
PG_SANDBOX_SUPERUSER=postgres

pg_sandbox__err() {
    printf 'pg-sandbox: %s\n' "$*" >&2
}

# Prints the directory holding initdb/pg_ctl/psql. PG_BINDIR overrides.
pg_sandbox_bindir() {
    local dir candidate
    if [[ -n ${PG_BINDIR:-} ]]; then
        [[ -x $PG_BINDIR/initdb ]] || { pg_sandbox__err "no initdb in PG_BINDIR=$PG_BINDIR"; return 1; }
        printf '%s\n' "$PG_BINDIR"
        return 0
    fi
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null) || dir=
        # On Debian pg_config can come from a libpq-dev newer than the server.
        if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]]; then
            printf '%s\n' "$dir"
            return 0
        fi
    fi
    dir=
    for candidate in /usr/lib/postgresql/*/bin; do
        [[ -x $candidate/initdb && -x $candidate/pg_ctl ]] && dir+=$candidate$'\n'
    done
    if [[ -z $dir ]]; then
        pg_sandbox__err "cannot find PostgreSQL server binaries (tried pg_config --bindir and /usr/lib/postgresql/*/bin)"
        return 1
    fi
    printf '%s' "$dir" | sort -V | tail -n 1
}

# Runs a server tool as USER. initdb and pg_ctl refuse to run as root, so root
# delegates to the cluster owner; cd / because the caller's cwd may be
# unreadable for that user.
pg_sandbox__as() {
    local user=$1
    shift
    if [[ $EUID -eq 0 ]]; then
        (cd / && runuser -u "$user" -- env LC_ALL=C "$@")
    else
        env LC_ALL=C "$@"
    fi
}

# Prints the environment for connecting to the cluster in DIR, as exports.
pg_sandbox_env() {
    local dir=$1
    printf 'export PGHOST=%q\n' "$dir"
    printf 'export PGPORT=%q\n' "$PG_SANDBOX_PORT"
    printf 'export PGUSER=%q\n' "$PG_SANDBOX_SUPERUSER"
    printf 'export PGDATABASE=%q\n' postgres
}

pg_sandbox_start() {
    local dir=${1:?usage: pg_sandbox_start DIR} bindir owner i
    bindir=$(pg_sandbox_bindir) || return 1
    mkdir -p -- "$dir" || return 1
    dir=$(cd -- "$dir" && pwd -P) || return 1

    # The path ends up quoted inside postgresql.conf; keep it boring.
    if [[ $dir == *[!A-Za-z0-9_./+@%:=~-]* ]]; then
        pg_sandbox__err "unsupported characters in directory name: $dir"
        return 1
    fi
    # sun_path is 108 bytes including the terminating NUL.
    if ((${#dir} + ${#PG_SANDBOX_PORT} + 10 > 107)); then
        pg_sandbox__err "directory path too long for a Unix socket: $dir"
        return 1
    fi
    if [[ -e $dir/data ]]; then
        pg_sandbox__err "$dir/data already exists; use a fresh directory"
        return 1
    fi

    # Trust auth makes anyone who reaches the socket a superuser: keep DIR private.
    chmod 0700 "$dir" || return 1
    : >"$dir/log"
    owner=$(id -un)
    if [[ $EUID -eq 0 ]]; then
        owner=postgres
        if ! id -u "$owner" >/dev/null 2>&1; then
            pg_sandbox__err "running as root requires a '$owner' system user"
            return 1
        fi
        chown "$owner:" "$dir" "$dir/log" || return 1
        if ! runuser -u "$owner" -- test -w "$dir" -a -x "$dir"; then
            pg_sandbox__err "user $owner cannot reach $dir; its parent directories must be searchable"
            return 1
        fi
    fi

    if ! pg_sandbox__as "$owner" "$bindir/initdb" -D "$dir/data" -U "$PG_SANDBOX_SUPERUSER" \
        -E UTF8 --locale=C --auth-local=trust --auth-host=reject --no-sync \
        >>"$dir/log" 2>&1; then
        pg_sandbox__err "initdb failed; last lines of $dir/log:"
        tail -n 20 "$dir/log" >&2
        return 1
    fi

    cat >>"$dir/data/postgresql.conf" <<EOF

# pg-sandbox: Unix socket only, durability off (throw-away test cluster)
listen_addresses = ''
unix_socket_directories = '$dir'
port = $PG_SANDBOX_PORT
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    # stdout must carry nothing but the exports.
    if ! pg_sandbox__as "$owner" "$bindir/pg_ctl" start -D "$dir/data" -l "$dir/log" -w -t 60 -s >&2; then
        pg_sandbox__err "server failed to start; last lines of $dir/log:"
        tail -n 20 "$dir/log" >&2
        pg_sandbox_stop "$dir" || true
        return 1
    fi

    for ((i = 0; i < 100; i++)); do
        if "$bindir/pg_isready" -q -h "$dir" -p "$PG_SANDBOX_PORT" \
            -U "$PG_SANDBOX_SUPERUSER" -d postgres; then
            pg_sandbox_env "$dir"
            return 0
        fi
        sleep 0.1
    done
    pg_sandbox__err "server in $dir did not accept connections within 10s; see $dir/log"
    pg_sandbox_stop "$dir" || true
    return 1
}

pg_sandbox_stop() {
    local dir=${1:?usage: pg_sandbox_stop DIR} bindir owner
    [[ -d $dir ]] || return 0
    dir=$(cd -- "$dir" && pwd -P) || return 1
    [[ -f $dir/data/postmaster.pid ]] || return 0
    bindir=$(pg_sandbox_bindir) || return 1
    owner=$(stat -c %U -- "$dir/data") || return 1

    if pg_sandbox__as "$owner" "$bindir/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 -s \
        >>"$dir/log" 2>&1; then
        return 0
    fi
    # pg_ctl stop also fails on a stale pid file; escalate only if the server is really up.
    if ! pg_sandbox__as "$owner" "$bindir/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; then
        return 0
    fi
    pg_sandbox__err "fast shutdown of $dir failed; trying immediate"
    pg_sandbox__as "$owner" "$bindir/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30 -s \
        >>"$dir/log" 2>&1
}

# EXIT trap of pg_sandbox_run; keeps the files for inspection if the server
# could not be stopped.
pg_sandbox__run_exit() {
    local rc=$? dir=$1
    if pg_sandbox_stop "$dir"; then
        rm -rf -- "$dir"
    else
        pg_sandbox__err "could not stop the cluster in $dir; left in place"
    fi
    exit "$rc"
}

# Runs CMD with PG* pointing at a fresh cluster; the cluster is always stopped
# and removed afterwards. Returns CMD's exit status. Runs in a subshell so the
# traps and exports do not leak into a sourcing script; shell functions defined
# by the caller can still be used as CMD.
pg_sandbox_run() (
    [[ ${1:-} == -- ]] && shift
    if (($# == 0)); then
        pg_sandbox__err "usage: pg-sandbox.sh run -- CMD [ARG...]"
        exit 2
    fi
    dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-sandbox.XXXXXX")
    trap 'pg_sandbox__run_exit "$dir"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    env_lines=$(pg_sandbox_start "$dir") || exit 1
    eval "$env_lines"
    "$@"
)

pg_sandbox_usage() {
    cat <<'EOF'
usage: pg-sandbox.sh start DIR       create and start a cluster in DIR, print PG* exports
       pg-sandbox.sh stop DIR        stop the cluster in DIR (no-op when not running)
       pg-sandbox.sh run -- CMD...   run CMD against a temporary cluster, then remove it
EOF
}

pg_sandbox_main() {
    case ${1:-} in
    start | stop)
        if (($# != 2)); then
            pg_sandbox_usage >&2
            return 2
        fi
        "pg_sandbox_$1" "$2"
        ;;
    run)
        shift
        pg_sandbox_run "$@"
        ;;
    -h | --help | help)
        pg_sandbox_usage
        ;;
    *)
        pg_sandbox_usage >&2
        return 2
        ;;
    esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    pg_sandbox_main "$@"
fi
