#!/bin/sh
# Entry point of the production image (Dockerfile, docker-compose.yml). Odoo starts only
# with its secrets, and no password ever appears on a command line:
#   - the master password (Docker secret odoo_master_password) is stored as a PBKDF2 hash;
#   - the database password (Docker secret postgres_password) goes into the configuration;
#   - the running configuration = /etc/odoo/odoo.conf + those, in a file of mode 600 outside
#     any volume; ODOO_RC points Odoo (and `odoo shell`) to it.
# A secret is read from /run/secrets/NAME, or from the file named by $NAME_FILE (upper case).
#   docker compose up -d                          # odoo (default command)
#   docker compose run --rm init                  # docker_init_db.sh with the same configuration
set -eu

: "${TL_RUNTIME_DIR:=/tmp/tiers-lieu}"
umask 077
mkdir -p "$TL_RUNTIME_DIR"
export ODOO_RC="$TL_RUNTIME_DIR/odoo.conf"

python3 - "$ODOO_RC" <<'PY'
import configparser
import os
import sys

from passlib.context import CryptContext

WEAK = {"admin", "change-me", "changeme", "odoo", "password"}


def secret(name):
    path = os.environ.get(f"{name.upper()}_FILE", f"/run/secrets/{name}")
    try:
        with open(path, encoding="utf-8") as handle:
            value = handle.read().rstrip("\r\n")
    except OSError:
        value = ""
    if not value or "\n" in value:
        sys.exit(f"[entrypoint] refusing to start: the secret {name} is missing or not one line "
                 f"({path}; see README.md, 'Deploy with Docker').")
    return value


master = secret("odoo_master_password")
if len(master) < 16 or master.lower() in WEAK:
    sys.exit("[entrypoint] refusing to start: odoo_master_password must have 16 characters "
             "or more and not be a default (admin, change-me...).")
config = configparser.RawConfigParser()
config.read(os.environ.get("TL_BASE_CONF", "/etc/odoo/odoo.conf"))
options = config["options"]
for key in ("admin_passwd", "db_password"):
    if key in options:
        sys.exit(f"[entrypoint] refusing to start: {key} must come from a secret, "
                 "not from /etc/odoo/odoo.conf.")
db_name = os.environ.get("TL_DB_NAME", "tiers_lieu")
options.update(
    {
        "admin_passwd": CryptContext(["pbkdf2_sha512"]).hash(master),
        "db_host": os.environ.get("HOST", "db"),
        "db_port": os.environ.get("PORT", "5432"),
        "db_user": os.environ.get("USER", "odoo"),
        "db_password": secret("postgres_password"),
        # One database per deployment: no database selector, no other name served.
        "db_name": db_name,
        "dbfilter": f"^{db_name}$",
    }
)
with open(sys.argv[1], "w", encoding="utf-8") as handle:
    config.write(handle)
PY

case "${1:-odoo}" in
odoo | -*)
    [ "${1:-}" != odoo ] || shift
    exec odoo "$@"
    ;;
*)
    exec "$@"
    ;;
esac
