from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCoreUsers(TransactionCase):
    """An administrator without any Tiers-Lieu role opens and edits the company and user
    forms that the Tiers-Lieu addons extend (issue 21)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env, login="settings_no_role", groups="base.group_system,base.group_partner_manager"
        )
        cls.colleague = new_test_user(cls.env, login="colleague_no_role")

    def test_administrator_holds_no_tiers_lieu_role(self):
        xmlids = self.admin.groups_id.get_external_id().values()
        self.assertFalse([x for x in xmlids if x.startswith("tiers_lieu")])

    def test_administrator_opens_and_edits_the_company(self):
        company = self.env.company
        with Form(company.with_user(self.admin)) as form:
            form.email = "contact@bobines.example"
        self.assertEqual(company.email, "contact@bobines.example")

    def test_administrator_opens_and_edits_a_user(self):
        with Form(self.colleague.with_user(self.admin)) as form:
            form.name = "Collègue renommé"
        self.assertEqual(self.colleague.name, "Collègue renommé")
