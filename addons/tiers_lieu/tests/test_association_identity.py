from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import TiersLieuCase


@tagged("post_install", "-at_install")
class TestAssociationIdentity(TiersLieuCase):
    def test_manager_edits_the_identity_through_its_page(self):
        action = self.company.with_user(self.manager).action_open_association_identity()
        self.assertEqual(action["res_id"], self.company.id)
        view = self.env.ref("tiers_lieu.res_company_view_form_association")
        self.assertEqual(action["views"], [(view.id, "form")])
        company = self.company.with_user(self.manager)
        with Form(company, view=view) as form:
            form.association_legal_name = "Association Val Solidaire"
            form.association_rna = "w913004217"
            form.association_object = "Fabrication numérique solidaire"
            form.signatory_name = "Camille Martin"
            form.signatory_title = "Trésorière"
        self.assertEqual(self.company.association_rna, "W913004217")
        self.assertEqual(self.company.signatory_title, "Trésorière")

    def test_staff_cannot_edit_the_identity(self):
        for user in (self.staff, self.trainer, self.treasurer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.company.with_user(user).write({"association_rna": "W913004217"})

    def test_staff_can_read_the_identity_printed_on_documents(self):
        self.company.association_rna = "W913004217"
        self.assertEqual(self.company.with_user(self.staff).association_rna, "W913004217")

    def test_only_managers_reach_the_association_menu(self):
        menu = self.env.ref("tiers_lieu.menu_association")
        visible = self.env["ir.ui.menu"].with_user(self.staff)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)
        visible = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        self.assertIn(menu.id, visible)

    def test_rna_format(self):
        for rna in ("W913004217", "W2A1234567", "w 913 004 217"):
            with self.subTest(rna=rna):
                self.company.association_rna = rna
        for rna in ("W91300421", "X913004217", "913004217", "W9130042170", "WAB1234567"):
            with self.subTest(rna=rna), self.assertRaisesRegex(ValidationError, "RNA number"):
                self.company.association_rna = rna

    def test_company_siret_is_validated(self):
        with self.assertRaisesRegex(ValidationError, "SIRET"):
            self.company.siret = "88214531100017"
        self.company.siret = "88214531100016"
        self.assertEqual(self.company.siren, "882145311")
