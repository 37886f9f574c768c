#!/usr/bin/env bash
# Every lock and rewrite fact in testdata/lockmodel/ is checked against a real PostgreSQL.
set -euo pipefail
oracle=${LOCKMODEL_ORACLE:?set LOCKMODEL_ORACLE to the lockmodel_oracle binary}
root=${MIGSAFE_SOURCE_DIR:-$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)}
exec "$root/tools/pg-sandbox.sh" run -- "$oracle" "$root/testdata/lockmodel"
