#!/usr/bin/env bash
# The test command (`make test`): a fresh database with every addon of addons/ installed,
# then the whole suite with pytest-odoo (tours in headless Chromium).
# Extra arguments go to pytest, e.g. `tools/test.sh -k receipt addons/tiers_lieu`.
#
# The installed database is built once per state of the addons, Odoo and requirements
# (template tl_tmpl_<hash>, see tools/db.sh); each run works on a fresh copy of it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/tools/bootstrap.sh"
. "$ROOT/.run/env"
. "$ROOT/tools/db.sh"

template=$(ensure_template)
db="tl_test_${template#tl_tmpl_}_$$"
cleanup() {
    if [ -n "${TL_KEEP_DB:-}" ]; then
        echo "[test] kept database $db" >&2
    else
        drop_db "$db"
    fi
}
trap cleanup EXIT
copy_db "$template" "$db"

cd "$ROOT"
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(addons tests)
"$VENV/bin/python" -m pytest --odoo-config="$ODOO_CONF" --odoo-database="$db" --odoo-http \
    --odoo-log-level="${TL_TEST_LOG_LEVEL:-warn}" "${args[@]}"
