#!/usr/bin/env bash
# Checks the run command end to end on a throw-away database: tools/run.sh creates it with
# demo data, serves it on a free port, /web/login must answer 200 and admin/admin must log
# in with a French interface and the Tiers-Lieu app. Used by CI after the tests.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/tools/bootstrap.sh"
. "$ROOT/.run/env"
. "$ROOT/tools/db.sh"

db="tl_smoke_$$"
port=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log="$ROOT/.run/logs/$db.server.log"
mkdir -p "$(dirname "$log")"
started=$(date +%s)
TL_DB="$db" TL_HTTP_PORT="$port" "$ROOT/tools/run.sh" >"$log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    drop_db "$db"
    rm -f "$ROOT/.run/$db.addons-hash"
}
trap cleanup EXIT

for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/web/login"; then break; fi
    kill -0 "$server" 2>/dev/null || { tail -n 60 "$log" >&2; echo "[smoke] run command died" >&2; exit 1; }
    sleep 1
done
echo "[smoke] /web/login answered after $(($(date +%s) - started)) s" >&2
"$VENV/bin/python" - "$port" "$db" <<'PY'
import sys
import xmlrpc.client

port, db = sys.argv[1], sys.argv[2]
url = f"http://127.0.0.1:{port}"
uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(db, "admin", "admin", {})
assert uid, "admin/admin cannot log in"
models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object")
user = models.execute_kw(db, uid, "admin", "res.users", "read", [[uid]], {"fields": ["lang"]})[0]
assert user["lang"] == "fr_FR", user
menu = models.execute_kw(
    db, uid, "admin", "ir.ui.menu", "search_read",
    [[("parent_id", "=", False), ("name", "=", "Tiers-Lieu")]], {"fields": ["name"]},
)
assert menu, "no Tiers-Lieu application menu"
farm = models.execute_kw(
    db, uid, "admin", "ir.module.module", "search_read",
    [[("name", "=", "tiers_lieu_farm")]], {"fields": ["state", "demo"]},
)
assert farm and farm[0]["state"] == "installed" and farm[0]["demo"], farm
# Our demo only: the association is the one company, Odoo's demo records are absent.
companies = models.execute_kw(db, uid, "admin", "res.company", "search_read", [[]], {"fields": ["name"]})
assert [c["name"] for c in companies] == ["Les Bobines Solidaires"], companies
odoo_demo = models.execute_kw(
    db, uid, "admin", "ir.model.data", "search_count",
    [[("module", "in", ["base", "sale", "stock", "donation"]), ("name", "in", [
        "res_partner_1", "sale_order_1", "res_company_1", "quest_origin"])]],
)
assert not odoo_demo, f"{odoo_demo} record(s) of Odoo's or OCA's demo data"
ours = models.execute_kw(
    db, uid, "admin", "ir.module.module", "search_read",
    [[("name", "like", "tiers_lieu%"), ("state", "=", "installed")]], {"fields": ["name", "demo"]},
)
assert ours and all(m["demo"] for m in ours), [m["name"] for m in ours if not m["demo"]]
# Each role's demo user logs in, in French.
for login in ("equipe", "responsable", "formateur", "tresoriere", "insertion"):
    role_uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(db, login, login, {})
    assert role_uid, f"{login}/{login} cannot log in"
print("[smoke] admin logs in, French interface, Tiers-Lieu app installed with our demo data only")
# Background jobs run: a weighing tapped by the team is posted to its bin by the job runner.
staff = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(db, "equipe", "equipe", {})
material = models.execute_kw(
    db, staff, "equipe", "tiers_lieu.material", "search", [[("recyclable", "=", True)]], {"limit": 1}
)
weighing = models.execute_kw(
    db, staff, "equipe", "tiers_lieu.offcut.weighing", "create",
    [{"material_id": material[0], "source": "support", "grams": 12.5}],
)
import time
for _ in range(120):
    state = models.execute_kw(
        db, staff, "equipe", "tiers_lieu.offcut.weighing", "read", [[weighing]],
        {"fields": ["state", "move_id"]},
    )[0]
    if state["state"] != "pending":
        break
    time.sleep(1)
assert state["state"] == "posted" and state["move_id"], f"weighing not posted by the job runner: {state}"
print("[smoke] a weighing is posted to its bin by the background job runner")
PY
# The public page beneficiaries use, without login, in French.
form=$(curl -fsS "http://127.0.0.1:$port/tiers-lieu/demande")
grep -q "Demander des pièces" <<<"$form" ||
    { echo "[smoke] the public request form does not answer in French" >&2; exit 1; }
echo "[smoke] the public request form answers, in French" >&2
