from pathlib import Path

import odoo
from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged

# Only free licences may run here: no Enterprise (OEEL-1) or proprietary module.
ALLOWED = {"LGPL-3", "AGPL-3", "GPL-3", "GPL-3 or any later version", "GPL-2"}
# Community modules whose manifest says OEEL-1 by mistake (odoo/odoo#205134, fixed to LGPL-3
# by odoo/odoo#273597). `certificate` comes with account: account_peppol (auto-installed
# for French companies) -> account_edi_proxy_client -> certificate.
MISLABELLED_COMMUNITY = {"certificate"}
COMMUNITY_ADDONS = Path(odoo.__file__).parent / "addons"


@tagged("post_install", "-at_install")
class TestLicences(TransactionCase):
    def test_every_installed_module_is_free_software(self):
        modules = self.env["ir.module.module"].search([("state", "=", "installed")])
        self.assertIn("tiers_lieu", modules.mapped("name"))
        for name in MISLABELLED_COMMUNITY & set(modules.mapped("name")):
            # Tolerated only as the Community module shipped with Odoo's own source.
            self.assertEqual(Path(get_module_path(name)).parent, COMMUNITY_ADDONS, name)
        offending = modules.filtered(
            lambda m: m.license not in ALLOWED and m.name not in MISLABELLED_COMMUNITY
        )
        self.assertFalse(
            offending,
            "Modules with a licence other than LGPL/AGPL/GPL: "
            + ", ".join(f"{m.name} ({m.license})" for m in offending),
        )

    def test_our_addons_are_agpl(self):
        ours = self.env["ir.module.module"].search([("name", "=like", "tiers\\_lieu%")])
        self.assertTrue(ours)
        self.assertEqual(set(ours.mapped("license")), {"AGPL-3"})
        self.assertEqual(set(ours.mapped("author")), {"Tiers-Lieu ERP contributors"})
