from freezegun import freeze_time
from lxml import etree

from odoo.tests import Form, tagged

from .common import TODAY, DonationCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestDonationForm(DonationCase):
    """The donation form as a Treasurer records a gift, in French (issue 12)."""

    def test_a_new_donation_is_dated_today_and_numbered_on_save(self):
        env = self.env(user=self.treasurer, context={"lang": "fr_FR"})
        form = Form(env["donation.donation"])
        self.assertEqual(form.donation_date.isoformat(), TODAY)
        self.assertEqual(form.number, "Nouveau")
        form.partner_id = self.claire
        form.payment_method_line_id = self.method["transfer"]
        with form.line_ids.new() as line:
            line.product_id = self.cash
            line.unit_price = 40.0
        donation = form.save()
        self.assertEqual(donation.donation_date.isoformat(), TODAY)
        self.assertRegex(donation.number, r"^DON-2026-\d+$")

    def test_a_donor_is_created_with_the_address_a_receipt_prints(self):
        arch = self.env["donation.donation"].get_view(view_type="form")["arch"]
        [donor] = etree.fromstring(arch).xpath("//group[@name='manual']/field[@name='partner_id']")
        self.assertIn("'no_quick_create': True", donor.get("options"))

    def test_one_cash_gift_product_to_choose(self):
        cash = self.env["product.product"].search(
            [("donation_type", "=", "donation"), ("donation_nature", "=", "cash")]
        )
        self.assertEqual(cash, self.cash)
        self.assertEqual(cash.with_context(lang="fr_FR").name, "Don en numéraire")

    def test_oca_labels_are_french(self):
        """OCA's fr.po leaves most donation labels empty: i18n_extra/fr.po fills them."""
        english = {}
        for table, column, model in (
            ("ir_model_fields", "field_description", "ir.model.fields"),
            ("ir_act_window", "name", "ir.actions.act_window"),
            ("ir_ui_menu", "name", "ir.ui.menu"),
        ):
            self.env.cr.execute(
                f"""SELECT d.module || '.' || d.name, t.{column}->>'en_US'
                      FROM {table} t
                      JOIN ir_model_data d ON d.model = %s AND d.res_id = t.id
                     WHERE d.module IN ('donation', 'donation_base')
                       AND NOT t.{column} ? 'fr_FR'""",  # noqa: S608 (constant names)
                [model],
            )
            english.update(self.env.cr.fetchall())
        self.assertFalse(english, "OCA donation labels without French")
        fr = self.env(context={"lang": "fr_FR"})
        self.assertEqual(fr.ref("donation_base.res_partner_action_donor").name, "Donateurs")
        labels = fr["donation.donation"].fields_get(["tax_receipt_option", "thanks_printed"])
        self.assertEqual(labels["tax_receipt_option"]["string"], "Option de reçu fiscal")
        self.assertEqual(labels["thanks_printed"]["string"], "Remerciement imprimé")
