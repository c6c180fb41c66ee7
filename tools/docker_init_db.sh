#!/bin/sh
# Creates a production database inside the Docker image (see docker-compose.yml):
# French company and language, every Tiers-Lieu addon, no demo data.
#   docker compose run --rm odoo /opt/tiers-lieu/docker_init_db.sh [DBNAME]
set -eu
db="${1:-tiers_lieu}"
set -- --db_host="${HOST:-db}" --db_port="${PORT:-5432}" --db_user="${USER:-odoo}" \
    --db_password="${PASSWORD:-odoo}" -d "$db" --no-http
odoo "$@" -i base --load-language=fr_FR --without-demo=all --stop-after-init
odoo shell "$@" </opt/tiers-lieu/configure_db.py
odoo "$@" -i tiers_lieu_farm --without-demo=all --stop-after-init
echo "Database $db ready: docker compose up -d, then log in as admin."
