#!/usr/bin/env bash
# The language server driven by a real LSP client: Neovim, headless (tests/lsp/neovim_client.lua).
set -uo pipefail
migsafe=${MIGSAFE:?set MIGSAFE to the migsafe binary}
source_dir=${MIGSAFE_SOURCE_DIR:?set MIGSAFE_SOURCE_DIR to the source tree}
if ! command -v nvim >/dev/null; then
    echo "FAIL: nvim is not installed (Debian package neovim; scripts/setup.sh installs it)" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/db/migrations"

# The project's config lowers one rule to a warning; the client checks the server applied it.
cat >"$work/migsafe.toml" <<'TOML'
[severity]
index-not-concurrent = "warning"
TOML
printf -- '-- 0002: look users up by email\n/* café 😀 */ CREATE INDEX idx_users_email ON users (email);\nALTER TABLE users ALTER COLUMN email TYPE varchar(100);\n' \
    >"$work/db/migrations/0002_index_users.sql"

# A Rails migration (the runner wraps it in a transaction, so CONCURRENTLY fails).
mkdir -p "$work/db/migrate"
cat >"$work/db/migrate/20240101000000_add_index.rb" <<'RUBY'
class AddIndex < ActiveRecord::Migration[7.1]
  def up
    execute "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)"
  end
end
RUBY

# Neovim writes its LSP log and state under XDG_STATE_HOME / XDG_CACHE_HOME: keep them in $work.
export XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
export MIGSAFE="$migsafe" LSP_WORK="$work"
timeout 120 nvim --headless --clean -u NONE -i NONE \
    -c "luafile $source_dir/tests/lsp/neovim_client.lua" >"$work/nvim.out" 2>&1
status=$?
cat "$work/nvim.out" >&2
if [ "$status" -ne 0 ]; then
    echo "FAIL: the Neovim client exited with $status" >&2
    find "$work/state" "$work/cache" -name 'lsp.log' -exec tail -n 20 {} \; 2>/dev/null >&2
    exit 1
fi
echo "lsp_test: passed"
