from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TODAY, AssociationCase, balances, pdf_text


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestMembership(AssociationCase):
    def test_due_is_invoiced_on_756_and_paid(self):
        invoice = self.record_due(self.karim, self.individual, 20.0)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(balances(invoice), {"756000": -20.0, "411100": 20.0})
        self.assertIn(invoice.payment_state, ("in_payment", "paid"))
        self.assertEqual(self.karim.membership_state, "paid")
        self.assertEqual(str(self.karim.membership_stop), "2026-12-31")
        self.assertEqual(self.karim.tl_membership_kind, "individual")
        self.assertRegex(self.karim.tl_member_number, r"^ADH-\d{5}$")
        # a due has a counterpart: no donation, no receipt
        self.assertFalse(self.env["donation.donation"].search([("partner_id", "=", self.karim.id)]))

    def test_gift_on_top_of_the_due_is_a_receipted_donation(self):
        invoice = self.record_due(self.claire, self.individual, 50.0)
        self.assertEqual(balances(invoice)["756000"], -20.0)
        donation = self.env["donation.donation"].search([("partner_id", "=", self.claire.id)])
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.amount_total, 30.0)
        self.assertEqual(balances(donation.move_id)["754100"], -30.0)
        # only the gift is receipted, never the due
        self.assertEqual(donation.tax_receipt_id.amount, 30.0)

    def test_member_number_is_kept_on_renewal(self):
        self.record_due(self.karim, self.individual_2025, 20.0, when="2025-03-01")
        number = self.karim.tl_member_number
        self.record_due(self.karim, self.individual, 20.0)
        self.assertEqual(self.karim.tl_member_number, number)
        other = self.record_due(self.acme, self.organisation, 100.0)
        self.assertNotEqual(other.partner_id.tl_member_number, number)

    def test_due_of_an_expired_membership_is_refused(self):
        moves = self.env["account.move"].search_count([])
        with self.refused(UserError, "ended on"):
            self.record_due(self.karim, self.individual_2025, 20.0)
        with self.refused(UserError, "less than the due"):
            self.record_due(self.karim, self.individual, 10.0)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertFalse(self.karim.tl_member_number)

    def test_only_treasurers_record_dues(self):
        for user in (self.staff, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.record_due(self.karim, self.individual, 20.0, user=user)

    @freeze_time("2026-12-10")
    def test_renewal_reminder_once_per_member(self):
        self.record_due(self.karim, self.individual, 20.0)
        self.record_due(self.acme, self.organisation, 100.0)
        Partner = self.env["res.partner"]
        Partner._cron_tl_membership_reminders()
        Partner._cron_tl_membership_reminders()
        renewal = self.env.ref("tiers_lieu_association.mail_activity_type_membership_renewal")
        activities = self.env["mail.activity"].search([("activity_type_id", "=", renewal.id)])
        self.assertEqual(sorted(activities.mapped("res_id")), sorted((self.karim | self.acme).ids))
        self.assertIn(activities.user_id, self.env.ref("tiers_lieu.group_treasurer").users)

    def test_members_list_for_the_general_assembly(self):
        self.record_due(self.karim, self.individual, 20.0)
        self.record_due(self.acme, self.organisation, 100.0)
        wizard = (
            self.env["tiers_lieu.association.yearly.report"]
            .with_user(self.treasurer)
            .create({"year": 2026})
        )
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.treasurer)
            ._render_qweb_pdf("tiers_lieu_association.action_report_members", wizard.ids)
        )
        text = pdf_text(pdf)
        self.assertIn("Liste des membres", text)
        self.assertIn(self.karim.tl_member_number, text)
        self.assertIn("Atelier Normand Mécanique", text)
        self.assertIn("Personne morale", text)
        self.assertNotIn("Claire Dupont", text)
