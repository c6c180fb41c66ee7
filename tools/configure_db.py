# Run through `odoo shell` on a database that has only `base`: makes the main company
# French (so account picks the French chart and l10n_fr comes in) and the admin French.
# ruff: noqa: F821  (`env` is provided by odoo shell)
import os

env.ref("base.main_company").write(
    {"country_id": env.ref("base.fr").id, "currency_id": env.ref("base.EUR").id}
)
env.ref("base.user_admin").write(
    {
        "lang": os.environ.get("TL_ADMIN_LANG", "fr_FR"),
        "tz": "Europe/Paris",
        "password": os.environ.get("TL_ADMIN_PASSWORD", "admin"),
    }
)
# The association writes its messages and documents in French (tiers_lieu/lang.py).
env.ref("base.main_company").partner_id.lang = "fr_FR"
# New contacts and visitors of public pages (e.g. the parts request form) speak French.
env["ir.default"].set("res.partner", "lang", "fr_FR")
env.cr.commit()
