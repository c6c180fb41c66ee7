from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import TODAY, DonationCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestDonationSecurity(DonationCase):
    def test_staff_record_draft_donations_in_the_form(self):
        with Form(self.env["donation.donation"].with_user(self.staff)) as form:
            form.partner_id = self.claire
            form.donation_date = self.day("2026-03-18")
            form.payment_method_line_id = self.method["cheque"]
            form.cheque_number = "1234567"
            form.cheque_bank = "La Banque Postale"
            with form.line_ids.new() as line:
                line.product_id = self.cash
                line.unit_price = 35.0
        donation = form.record
        self.assertEqual(donation.state, "draft")
        self.assertEqual(donation.payment_mode, "cheque")
        self.assertEqual(donation.nature, "cash")
        self.assertEqual(donation.donor_kind, "individual")
        donation.with_user(self.staff).write({"cheque_bank": "Crédit Agricole"})

    def test_staff_open_a_donation_with_its_thanks_letter_template(self):
        """Issue 12: Staff opening a donation got an AccessError on OCA's thanks template."""
        template = self.env["donation.thanks.template"].create({"name": "Merci"})
        donation = self.make_donation(self.claire, 50.0, thanks_template_id=template.id)
        donation = donation.with_user(self.staff)
        views = donation.get_views([(False, "form")])
        spec = {
            name: {"fields": {"display_name": {}}} if field["type"] == "many2one" else {}
            for name, field in views["models"]["donation.donation"]["fields"].items()
            if field["type"] not in ("one2many", "many2many")
        }
        [values] = donation.web_read(spec)
        self.assertEqual(values["thanks_template_id"]["display_name"], "Merci")
        self.assertTrue(self.env["donation.thanks.template"].with_user(self.staff).name_search(""))

    def test_thanks_letter_needing_wkhtmltopdf_is_not_offered(self):
        """Issue 12: OCA's QWeb thanks letter showed a raw-HTML wkhtmltopdf error."""
        donation = self.validated(self.claire, 50.0).with_user(self.treasurer)
        arch = donation.get_views([(False, "form")])["views"]["form"]["arch"]
        [button] = etree.fromstring(arch).xpath("//button[@name='print_thanks']")
        self.assertEqual(button.get("invisible"), "1")
        toolbar = donation.get_views([(False, "form")], {"toolbar": True})["views"]["form"]
        prints = [action["id"] for action in toolbar.get("toolbar", {}).get("print", [])]
        self.assertNotIn(self.env.ref("donation.report_thanks").id, prints)

    def test_followers_who_cannot_read_receipts_are_not_notified(self):
        """Issue 11 point 7: a former Treasurer, or a portal user added as follower, does
        not receive the receipt's messages; the donor addressed by a message does."""
        former = new_test_user(self.env, "former_treasurer", groups="tiers_lieu.group_treasurer")
        portal = new_test_user(self.env, "follower_portal", groups="base.group_portal")
        receipt = self.validated(self.claire, 70.0).tax_receipt_id
        receipt.message_subscribe(partner_ids=(former | portal | self.staff).partner_id.ids)
        former.groups_id = [Command.set(self.env.ref("base.group_user").ids)]
        message = receipt.with_user(self.treasurer).message_post(
            body="Note", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        notified = message.notification_ids.res_partner_id
        self.assertNotIn(former.partner_id, notified)
        self.assertNotIn(portal.partner_id, notified)
        self.assertIn(self.staff.partner_id, notified)
        self.assertNotIn(former.partner_id, receipt.message_partner_ids)
        self.assertNotIn(portal.partner_id, receipt.message_partner_ids)
        addressed = receipt.with_user(self.treasurer).message_post(
            body="Votre reçu", partner_ids=self.claire.ids, message_type="comment"
        )
        self.assertIn(self.claire, addressed.notification_ids.res_partner_id)

    def test_staff_cannot_validate_nor_touch_validated_donations(self):
        draft = self.make_donation(self.claire, 50.0).with_user(self.staff)
        with self.assertRaises(AccessError):
            draft.validate()
        self.assertEqual(draft.state, "draft")
        done = self.validated(self.claire, 60.0).with_user(self.staff)
        with self.assertRaises(AccessError):
            done.write({"payment_ref": "changed"})
        with self.assertRaises(UserError):  # an AccessError, or OCA refusing done donations
            done.unlink()
        with self.assertRaises(AccessError):
            done.done2cancel()
        # they still see it
        self.assertEqual(done.amount_total, 60.0)

    def test_only_treasurers_issue_cancel_and_send_receipts(self):
        donation = self.validated(self.claire, 50.0, tax_receipt_option="annual")
        for user in (self.staff, self.manager, self.trainer):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["tax.receipt.annual.create"].with_user(user).create(
                        {"start_date": "2026-01-01", "end_date": "2026-12-31"}
                    ).generate_annual_receipts()
                with self.assertRaises(AccessError):
                    self.env["donation.tax.receipt"].with_user(user).create(
                        {
                            "partner_id": self.claire.id,
                            "type": "each",
                            "donation_ids": [Command.set(donation.ids)],
                        }
                    )
        receipt = self.validated(self.claire, 70.0).tax_receipt_id
        for user in (self.staff, self.manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    receipt.with_user(user)._tl_cancel("Erreur")
                with self.assertRaises(AccessError):
                    receipt.with_user(user).action_tl_send_by_email()
                with self.assertRaises(AccessError):
                    self.env["tiers_lieu.donation.receipt.cancel"].with_user(user).create(
                        {"receipt_ids": [Command.set(receipt.ids)], "reason": "Erreur"}
                    )
        self.assertEqual(receipt.state, "issued")

    def test_staff_read_receipts_but_nobody_writes_them(self):
        receipt = self.validated(self.claire, 70.0).tax_receipt_id
        self.assertEqual(receipt.with_user(self.staff).number, "RF-2026-00001")
        with self.assertRaises(AccessError):
            receipt.with_user(self.staff).write({"print_date": TODAY})
        with self.assertRaises(UserError):
            receipt.with_user(self.treasurer).write({"amount": 7.0})

    def test_trainers_and_managers_do_not_validate_donations(self):
        donation = self.make_donation(self.claire, 50.0)
        with self.assertRaises(AccessError):
            donation.with_user(self.trainer).read(["amount_total"])
        with self.assertRaises(AccessError):
            donation.with_user(self.manager).validate()

    def test_only_treasurers_import_and_validate_pools(self):
        wizard = self.env["tiers_lieu.donation.pool.import"]
        with self.assertRaises(AccessError):
            wizard.with_user(self.staff)._import_sample("Collecte")
        pool = wizard.with_user(self.treasurer)._import_sample("Collecte", validate=False)
        with self.assertRaises(AccessError):
            pool.with_user(self.staff).action_validate()
        with self.assertRaises(AccessError):
            pool.with_user(self.manager).read(["name"])

    def test_declaration_is_for_treasurers(self):
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.donation.declaration"].with_user(self.staff).create({"year": 2026})

    def test_receipts_of_another_company_are_invisible(self):
        receipt = self.validated(self.claire, 70.0).tax_receipt_id
        other = self.env["res.company"].create({"name": "Autre Tiers-Lieu"})
        outsider = new_test_user(
            self.env,
            "tl_other_treasurer",
            groups="tiers_lieu.group_treasurer",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        Receipt = self.env["donation.tax.receipt"].with_user(outsider)
        self.assertFalse(Receipt.search([("id", "=", receipt.id)]))
        with self.assertRaises(AccessError):
            receipt.with_user(outsider).read(["number"])
        with self.assertRaises(AccessError):
            receipt.line_ids.with_user(outsider).read(["amount"])
