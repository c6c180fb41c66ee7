#!/bin/sh
# Creates the production database inside the Docker image (see docker-compose.yml):
# French company and language, every Tiers-Lieu addon, no demo data.
#   docker compose run --rm init                 # database tiers_lieu (TL_DB_NAME)
# Runs after docker_entrypoint.sh, which refuses to start without the master password and
# writes the configuration (database password included: none goes on a command line).
# The administrator's password is required too (Docker secret odoo_admin_password): there
# is no default.
set -eu
db="${1:-${TL_DB_NAME:-tiers_lieu}}"
[ -n "${ODOO_RC:-}" ] && [ -f "$ODOO_RC" ] || {
    echo "[init] refusing to start: run through the image's entry point (docker compose run --rm init)." >&2
    exit 1
}
# The entry point stores the master password as a hash: anything else did not come from it.
grep -q '^admin_passwd = \$pbkdf2-sha512\$' "$ODOO_RC" || {
    echo "[init] refusing to start: no master password (secret odoo_master_password)." >&2
    exit 1
}
export TL_ADMIN_PASSWORD_FILE="${ODOO_ADMIN_PASSWORD_FILE:-/run/secrets/odoo_admin_password}"
[ "$(head -n 1 "$TL_ADMIN_PASSWORD_FILE" 2>/dev/null | tr -d '\r\n' | wc -c)" -ge 12 ] || {
    echo "[init] refusing to start: the administrator's password (secret odoo_admin_password," >&2
    echo "       $TL_ADMIN_PASSWORD_FILE) is missing or under 12 characters (README.md)." >&2
    exit 1
}
set -- -d "$db" --no-http
odoo "$@" -i base --load-language=fr_FR --without-demo=all --stop-after-init
odoo shell "$@" </opt/tiers-lieu/configure_db.py
odoo "$@" -i tiers_lieu_farm --without-demo=all --stop-after-init
echo "Database $db ready: docker compose up -d, then log in as admin with odoo_admin_password."
