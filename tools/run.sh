#!/usr/bin/env bash
# The run command (`make run`): serves Odoo on http://localhost:8069 with every Tiers-Lieu
# addon installed on a French demo database (login admin / password admin).
# Re-running reuses the database and updates our addons when their files changed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/tools/bootstrap.sh"
. "$ROOT/.run/env"
. "$ROOT/tools/db.sh"

db="${TL_DB:-tiers_lieu_demo}"
stamp="$ROOT/.run/$db.addons-hash"
hash=$( (cd "$ROOT" && find addons -type f ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 |
    sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-12)

if ! db_exists "$db"; then
    echo "[run] creating the demo database $db" >&2
    create_db "$db" yes tiers_lieu_farm
    echo "$hash" >"$stamp"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$hash" ]; then
    installed=$(psql -X -w -d "$db" -tAc "select string_agg(name, ',') from ir_module_module
        where state = 'installed' and name = any(string_to_array('$(our_addons)', ','))")
    echo "[run] addons changed: updating $installed in $db" >&2
    # A new dependency of ours on an Odoo or OCA module comes without its demo data.
    [ "$(psql -X -w -d "$db" -tAc "SELECT demo FROM ir_module_module WHERE name = 'tiers_lieu'")" != t ] ||
        install_theirs "$db" tiers_lieu_farm
    odoo_step "$ROOT/.run/logs/$db.log" -d "$db" -i tiers_lieu_farm ${installed:+-u "$installed"} \
        --stop-after-init --no-http
    echo "$hash" >"$stamp"
fi

echo "[run] Odoo at http://localhost:${TL_HTTP_PORT:-8069} (database $db, login admin, password admin)" >&2
exec "$VENV/bin/python" -m odoo -c "$ODOO_CONF" -d "$db" --db-filter="^$db\$" \
    --http-port="${TL_HTTP_PORT:-8069}" "$@"
