#!/usr/bin/env bash
# Runs a benchmark script on a fresh copy of the installed database (no demo data):
#   tools/bench.sh bench/<name>.py [script options]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -gt 0 ] || { echo "usage: tools/bench.sh bench/<name>.py [options]" >&2; exit 2; }
"$ROOT/tools/bootstrap.sh"
. "$ROOT/.run/env"
. "$ROOT/tools/db.sh"

template=$(ensure_template)
db="tl_bench_$$"
trap 'drop_db "$db"' EXIT
copy_db "$template" "$db"
script="$1"
shift
cd "$ROOT"
PYTHONPATH="$ROOT/bench${PYTHONPATH:+:$PYTHONPATH}" \
    "$VENV/bin/python" "$script" --config="$ODOO_CONF" --database="$db" "$@"
