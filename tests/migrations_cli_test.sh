#!/usr/bin/env bash
# Migration directories through the real CLI: change sets from git (--changed-since, --staged),
# history replayed before the checked migrations, --runner, config runner / start_after /
# schema_file, and a file named alone being checked as a migration of its directory.
set -uo pipefail
migsafe=${MIGSAFE:?set MIGSAFE to the migsafe binary}
root=${MIGSAFE_SOURCE_DIR:?set MIGSAFE_SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/lib/checks.sh
. "$root/tests/lib/checks.sh"
cd "$work" || exit 1

findings() {  # findings JSON-FILE -> "file:line:rule" per line, sorted
    jq -r '.diagnostics[] | "\(.path | split("/") | last):\(.line):\(.rule)"' "$1" | sort
}

export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t \
    GIT_COMMITTER_EMAIL=t@example.com
git init -q -b main repo
cd repo || exit 1
mkdir migrations
cat >migrations/00001_create_orders.sql <<'SQL'
-- +goose Up
CREATE TABLE orders (id bigint PRIMARY KEY, code varchar(20), note text);
CREATE INDEX orders_code_idx ON orders (code);
-- +goose Down
DROP TABLE orders;
SQL
cat >migrations/00002_legacy.sql <<'SQL'
-- +goose Up
CREATE INDEX legacy_idx ON legacy (a);
-- +goose Down
DROP INDEX legacy_idx;
SQL
git add -A && git commit -qm base

git checkout -qb feature
cat >migrations/00003_widen.sql <<'SQL'
-- +goose Up
ALTER TABLE orders ALTER COLUMN code TYPE varchar(50);
ALTER TABLE orders ALTER COLUMN note TYPE varchar(10);
-- +goose Down
ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);
ALTER TABLE orders ALTER COLUMN note TYPE text;
SQL
git add -A && git commit -qm widen

expect_exit 1 "--changed-since: the new migration is checked" -- \
    "$migsafe" check --changed-since main --format json --select column-type-change,index-not-concurrent migrations
findings "$work/out" >changed.txt
expect_equal "$(cat changed.txt)" "00003_widen.sql:3:column-type-change
00003_widen.sql:5:column-type-change" \
    "only 00003 is reported; its history (00001) tells that varchar(20) -> varchar(50) and, in the down, varchar(10) -> text are safe, text -> varchar(10) and varchar(50) -> varchar(20) are not"
expect_grep '"transaction": "wrapped"' "$work/out" "the JSON names the transaction model"

expect_exit 2 "--changed-since with an unknown ref" -- "$migsafe" check --changed-since no-such-ref migrations
expect_grep "fetch" "$work/err" "the message says how to fetch a missing ref"

cat >migrations/00004_index.sql <<'SQL'
-- +goose Up
CREATE INDEX orders_note_idx ON orders (note);
-- +goose Down
DROP INDEX orders_note_idx;
SQL
git add migrations/00004_index.sql
expect_exit 1 "--staged checks the staged migration" -- \
    "$migsafe" check --staged --format json --select index-not-concurrent migrations
expect_equal "$(findings "$work/out")" "00004_index.sql:2:index-not-concurrent" "only the staged file"

expect_exit 1 "a file named alone is checked as a goose migration of its directory" -- \
    "$migsafe" check --format json --select index-not-concurrent,concurrent-in-transaction migrations/00004_index.sql
expect_grep '"runner": "goose"' "$work/out" "goose semantics for a single file"

(cd migrations && "$migsafe" check --format sarif --fail-on never 00004_index.sql) >sarif.json
expect_equal "$(jq -r '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri' sarif.json)" \
    "migrations/00004_index.sql" "SARIF paths are relative to the repository root, not the working directory"
expect_equal "$(jq -r '.runs[0].properties.migrations[0].transaction' sarif.json)" "wrapped" \
    "SARIF run properties name the transaction model"

printf 'start_after = "00002"\n' >migsafe.toml
expect_exit 1 "start_after skips the old migrations" -- \
    "$migsafe" check --format json --select index-not-concurrent,column-type-change migrations
findings "$work/out" >after.txt
expect_no_grep "0000[12]_" after.txt "nothing reported up to 00002"
expect_grep "00004_index.sql:2:index-not-concurrent" after.txt "00004 still checked"
printf 'start_after = "99999"\n' >migsafe.toml
expect_exit 2 "an unknown start_after is a usage error" -- "$migsafe" check migrations
expect_grep "start_after" "$work/err" "the message names start_after"

printf 'runner = "not-a-runner"\n' >migsafe.toml
expect_exit 2 "an unknown config runner" -- "$migsafe" check migrations
rm migsafe.toml

# History across a change set: a table created by an earlier migration of the same change is not
# deployed yet (empty, unused), so a plain CREATE INDEX on it is fine; a table from before the
# change keeps its finding. Without a change set nothing says they ship together.
git checkout -q main && git checkout -qb new-table
mkdir -p newtable
printf 'CREATE TABLE orders (id bigint PRIMARY KEY, a int);\n' >newtable/1_orders.up.sql
printf 'DROP TABLE orders;\n' >newtable/1_orders.down.sql
git add newtable && git commit -qm orders
git checkout -qb feature-2
printf 'CREATE TABLE items (id bigint PRIMARY KEY, sku text);\n' >newtable/2_items.up.sql
printf 'DROP TABLE items;\n' >newtable/2_items.down.sql
printf 'CREATE INDEX items_sku_idx ON items (sku);\nCREATE INDEX orders_a_idx ON orders (a);\n' \
    >newtable/3_indexes.up.sql
printf 'DROP INDEX items_sku_idx;\nDROP INDEX orders_a_idx;\n' >newtable/3_indexes.down.sql
git add newtable && git commit -qm items
expect_exit 1 "change set: the index on the table from before the change is reported" -- \
    "$migsafe" check --changed-since new-table --format json --select index-not-concurrent newtable
expect_equal "$(findings "$work/out")" "3_indexes.up.sql:2:index-not-concurrent" \
    "the index on items (created earlier in the same change) is not reported"
expect_exit 1 "without a change set both indexes are reported" -- \
    "$migsafe" check --format json --select index-not-concurrent newtable
expect_equal "$(findings "$work/out")" "3_indexes.up.sql:1:index-not-concurrent
3_indexes.up.sql:2:index-not-concurrent" "each migration may have been deployed on its own"
git checkout -q feature

# --runner overrides detection: as golang-migrate files these would be plain up scripts.
mkdir plainish
printf 'CREATE INDEX CONCURRENTLY i ON t (a);\n' >plainish/1_index.up.sql
printf 'SET lock_timeout = 1;\nCREATE INDEX CONCURRENTLY i ON t (a);\n' >plainish/2_index.up.sql
expect_exit 1 "--runner golang-migrate: a two-statement file is one implicit transaction" -- \
    "$migsafe" check --runner golang-migrate --format json --select concurrent-in-transaction plainish
expect_equal "$(findings "$work/out")" "2_index.up.sql:2:concurrent-in-transaction" "only the two-statement file"
expect_exit 0 "--runner plain: the same files run as written" -- \
    "$migsafe" check --runner plain --select concurrent-in-transaction plainish

# schema_file seeds the history of a squashed repository.
mkdir squashed
printf -- '-- +goose Up\nALTER TABLE accounts ALTER COLUMN name TYPE varchar(200);\n' >squashed/00100_widen.sql
printf 'CREATE TABLE public.accounts (id bigint NOT NULL, name character varying(100));\n' >schema.sql
expect_exit 0 "without schema_file the old type is unknown (a warning)" -- \
    "$migsafe" check --select column-type-change squashed
expect_grep "warning\[column-type-change\]" "$work/out" "unknown old type is a warning"
printf 'schema_file = "schema.sql"\n' >migsafe.toml
expect_exit 0 "with schema_file varchar(100) -> varchar(200) is known to be safe" -- \
    "$migsafe" check --format json --select column-type-change squashed
expect_equal "$(findings "$work/out")" "" "no finding with the seeded history"
printf 'schema_file = "missing.sql"\n' >migsafe.toml
expect_exit 3 "an unreadable schema_file" -- "$migsafe" check squashed

finish
