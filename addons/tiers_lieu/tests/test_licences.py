from odoo.tests import TransactionCase, tagged

# Only free licences may run here: no Enterprise (OEEL-1) or proprietary module.
ALLOWED = {"LGPL-3", "AGPL-3", "GPL-3", "GPL-3 or any later version", "GPL-2"}


@tagged("post_install", "-at_install")
class TestLicences(TransactionCase):
    def test_every_installed_module_is_free_software(self):
        modules = self.env["ir.module.module"].search([("state", "=", "installed")])
        self.assertIn("tiers_lieu", modules.mapped("name"))
        offending = modules.filtered(lambda m: m.license not in ALLOWED)
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
