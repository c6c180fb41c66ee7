# Run through `odoo shell` on a database that has only `base`: makes the main company
# French (so account picks the French chart and l10n_fr comes in) and the admin French.
# The admin's password is required: TL_ADMIN_PASSWORD_FILE (a Docker secret in production)
# or TL_ADMIN_PASSWORD (tools/db.sh sets `admin` for the local demo and test databases).
# ruff: noqa: F821  (`env` is provided by odoo shell)
import os
import sys

WEAK = {"admin", "change-me", "changeme", "odoo", "password"}

if os.environ.get("TL_ADMIN_PASSWORD_FILE"):
    with open(os.environ["TL_ADMIN_PASSWORD_FILE"], encoding="utf-8") as secret:
        password = secret.read().rstrip("\r\n")
    # Production path: no default and no well-known password.
    if len(password) < 12 or password.lower() in WEAK or "\n" in password:
        sys.exit("configure_db: the administrator's password must have 12 characters or more.")
else:
    password = os.environ.get("TL_ADMIN_PASSWORD")
if not password:
    sys.exit("configure_db: set TL_ADMIN_PASSWORD_FILE or TL_ADMIN_PASSWORD (no default).")

env.ref("base.main_company").write(
    {"country_id": env.ref("base.fr").id, "currency_id": env.ref("base.EUR").id}
)
env.ref("base.user_admin").write(
    {
        "lang": os.environ.get("TL_ADMIN_LANG", "fr_FR"),
        "tz": "Europe/Paris",
        "password": password,
    }
)
# The association writes its messages and documents in French (tiers_lieu/lang.py).
env.ref("base.main_company").partner_id.lang = "fr_FR"
# New contacts and visitors of public pages (e.g. the parts request form) speak French.
env["ir.default"].set("res.partner", "lang", "fr_FR")
env.cr.commit()
