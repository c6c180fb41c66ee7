import base64
import hashlib

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TODAY, DonationCase, pdf_text


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestReceiptLifecycle(DonationCase):
    def test_numbers_are_sequential_per_form_and_year(self):
        individual = [self.validated(self.claire, 10.0 + i).tax_receipt_id for i in range(3)]
        company = [self.validated(self.acme, 500.0).tax_receipt_id for _i in range(2)]
        self.assertEqual(
            [r.number for r in individual], ["RF-2026-00001", "RF-2026-00002", "RF-2026-00003"]
        )
        self.assertEqual([r.number for r in company], ["MEC-2026-00001", "MEC-2026-00002"])
        sequence = self.company.donation_individual_sequence_id
        self.assertEqual(sequence.implementation, "no_gap")
        self.assertTrue(sequence.use_date_range)
        with freeze_time("2027-01-05"):
            later = self.validated(self.claire, 30.0, when="2027-01-04").tax_receipt_id
        self.assertEqual(later.number, "RF-2027-00001")

    def test_rolled_back_issuance_gives_its_number_back(self):
        first = self.validated(self.claire, 10.0).tax_receipt_id
        # One validation, two donors: Claire's receipt draws the next number, then the donor
        # without an address fails, so the whole issuance is rolled back after numbering.
        batch = self.make_donation(self.claire, 15.0) | self.make_donation(self.no_address, 20.0)
        drawn = []
        with self.assertRaisesRegex(UserError, "Sans Adresse"), self.env.cr.savepoint():
            try:
                batch.with_user(self.treasurer).validate()
            finally:
                drawn.append(batch[0].tax_receipt_id.number)
        self.assertEqual(drawn, ["RF-2026-00002"])
        self.assertEqual(batch.mapped("state"), ["draft", "draft"])
        self.assertFalse(batch.tax_receipt_id)
        second = self.validated(self.claire, 30.0).tax_receipt_id
        self.assertEqual((first.number, second.number), ("RF-2026-00001", "RF-2026-00002"))

    def test_nobody_edits_an_issued_receipt(self):
        receipt = self.validated(self.claire, 150.0).tax_receipt_id
        admin = self.env.ref("base.user_admin")
        for env in (self.env, receipt.with_user(admin).env, receipt.with_user(self.treasurer).env):
            with self.subTest(user=env.user.login, su=env.su):
                for vals in ({"amount": 1.0}, {"partner_id": self.karim.id}, {"number": "X"}):
                    with self.assertRaises(UserError):
                        receipt.with_env(env).write(vals)
                with self.assertRaises(UserError):
                    receipt.with_env(env).unlink()
                with self.assertRaises(UserError):
                    receipt.with_env(env).write({"pdf_sha256": "0" * 64})
                original = receipt.sudo().pdf_original_id.with_env(env)
                with self.assertRaises(UserError):
                    original.write({"pdf_file": base64.b64encode(b"%PDF-forged")})
                with self.assertRaises(UserError):
                    original.unlink()
                with self.assertRaises(UserError):
                    receipt.with_env(env).write({"state": "cancelled"})
        # a client context cannot open the internal write path
        with self.assertRaises(UserError):
            receipt.with_context(tl_receipt_write=True).write({"amount": 1.0})
        self.assertEqual(receipt.amount, 150.0)
        self.assertEqual(receipt.state, "issued")
        # its donation stays on it and cannot change
        donation = receipt.donation_ids
        with self.assertRaises(UserError):
            donation.write({"tax_receipt_id": False})
        with self.assertRaises(UserError):
            donation.line_ids.write({"unit_price": 1.0})
        with self.assertRaises(UserError):
            donation.write({"partner_id": self.karim.id})
        with self.assertRaises(UserError):
            donation.with_user(self.treasurer).done2cancel()
        # the stored original is handed over only through the receipt (then DUPLICATA)
        attachment = self.stored_pdf_attachment(receipt)
        for user in (self.treasurer, self.staff):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    receipt.sudo().pdf_original_id.with_user(user).read(["pdf_file"])
                for operation in (
                    lambda a: a.read(["raw"]),
                    lambda a: a.write({"raw": b"%PDF-forged"}),
                    lambda a: a.unlink(),
                ):
                    attachment.invalidate_recordset()
                    with self.assertRaises(AccessError):
                        operation(attachment.with_user(user))
                self.assertFalse(
                    self.env["ir.attachment"].with_user(user).search([("id", "=", attachment.id)])
                )
        # delivery and chatter stay possible
        receipt.with_user(self.treasurer).write({"print_date": TODAY})
        receipt.with_user(self.treasurer).message_post(body="Remis en main propre")

    def test_cancel_with_reason_issues_a_replacement_with_a_new_number(self):
        donation = self.validated(self.claire, 150.0)
        receipt = donation.tax_receipt_id
        self.claire.street = "20 rue des Lilas"
        with self.assertRaises(UserError):
            receipt.with_user(self.treasurer)._tl_cancel("  ")
        wizard = self.env["tiers_lieu.donation.receipt.cancel"].create(
            {"receipt_ids": [Command.set(receipt.ids)], "reason": "Adresse erronée"}
        )
        wizard.with_user(self.treasurer).action_cancel()
        replacement = donation.tax_receipt_id
        self.assertEqual(receipt.state, "cancelled")
        self.assertEqual(receipt.cancel_reason, "Adresse erronée")
        self.assertEqual(receipt.cancel_user_id, self.treasurer)
        self.assertEqual(receipt.replaced_by_id, replacement)
        self.assertEqual(replacement.replaces_id, receipt)
        self.assertEqual((receipt.number, replacement.number), ("RF-2026-00001", "RF-2026-00002"))
        self.assertEqual(replacement.state, "issued")
        self.assertEqual(replacement.amount, 150.0)
        # the cancelled receipt keeps what it said, and its PDF
        self.assertEqual(receipt.line_ids.donation_id, donation)
        self.assertEqual(hashlib.sha256(receipt._tl_original_pdf()).hexdigest(), receipt.pdf_sha256)
        self.assertIn("18 rue des Lilas", pdf_text(receipt._tl_original_pdf()))
        self.assertIn("20 rue des Lilas", pdf_text(replacement._tl_original_pdf()))
        # issue 13: the replacement says which receipt it cancels
        self.assertIn(
            "Ce reçu annule et remplace le reçu N° RF-2026-00001 du 20/03/2026.",
            pdf_text(replacement._tl_original_pdf()),
        )
        self.assertNotIn("annule et remplace", pdf_text(receipt._tl_original_pdf()))
        name, data, _original = receipt._tl_pdf_for_delivery("download")
        self.assertTrue(name.endswith("_ANNULE.pdf"))
        self.assertIn("ANNULÉ — Adresse erronée", pdf_text(data))
        with self.assertRaises(UserError):
            receipt.with_user(self.treasurer)._tl_cancel("encore")

    def test_cancel_without_replacement_frees_the_donation(self):
        donation = self.validated(self.claire, 150.0)
        receipt = donation.tax_receipt_id
        receipt.with_user(self.treasurer)._tl_cancel("Don remboursé", reissue=False)
        self.assertFalse(donation.tax_receipt_id)
        donation.with_user(self.treasurer).done2cancel()
        self.assertEqual(donation.state, "cancel")
        with self.assertRaises(UserError) as error:
            donation.unlink()  # still stated on the cancelled receipt, kept 6 years
        self.assertIn(receipt.number, str(error.exception))
        self.assertEqual(receipt.state, "cancelled")

    def test_altered_pdf_is_detected_never_regenerated(self):
        receipt = self.validated(self.claire, 150.0).tax_receipt_id
        attachment = self.stored_pdf_attachment(receipt)
        path = attachment._full_path(attachment.store_fname)
        with open(path, "rb") as stored:
            original = stored.read()
        try:
            with open(path, "wb") as stored:
                stored.write(original.replace(b"150,00", b"950,00"))
            attachment.invalidate_recordset()
            receipt.sudo().pdf_original_id.invalidate_recordset()
            with self.assertRaises(UserError):
                receipt._tl_pdf_for_delivery("download")
        finally:
            with open(path, "wb") as stored:
                stored.write(original)
        attachment.invalidate_recordset()
        self.assertEqual(receipt._tl_original_pdf(), original)

    def test_kept_six_years_then_deletable(self):
        receipt = self.validated(self.claire, 150.0).tax_receipt_id
        self.assertEqual(receipt.retention_end_date, self.day("2032-03-20"))
        with freeze_time("2032-03-19"), self.assertRaises(UserError):
            receipt.unlink()
        receipt.with_user(self.treasurer)._tl_cancel("Archivage", reissue=False)
        with freeze_time("2032-03-21"):
            attachment = self.stored_pdf_attachment(receipt)
            receipt.unlink()
        self.assertFalse(receipt.exists())
        self.assertFalse(attachment.exists())

    def test_delivery_dates_only_move_forward_and_every_delivery_is_logged(self):
        """Issue 13: clearing print_date made the next download a second original."""
        receipt = self.validated(self.claire, 150.0).tax_receipt_id.with_user(self.treasurer)
        _name, _data, original = receipt._tl_pdf_for_delivery("download")
        self.assertTrue(original)
        for vals in ({"print_date": False}, {"print_date": "2026-03-01"}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                receipt.write(vals)
        self.assertEqual(receipt.print_date, self.day(TODAY))
        receipt.write({"print_date": "2026-03-20"})  # same day or later: allowed
        name, data, original = receipt._tl_pdf_for_delivery("download")
        self.assertFalse(original)
        self.assertIn("DUPLICATA", name)
        notes = receipt.message_ids.filtered(lambda m: "handed over" in m.body or "remis" in m.body)
        self.assertEqual(len(notes), 2)
        self.assertEqual(notes.author_id, self.treasurer.partner_id)

    def test_annual_run_issues_complete_donors_and_lists_the_incomplete(self):
        """Issue 13: one donor without address made the annual run fail for all."""
        lost = self.no_address.copy({"name": "Donateur Perdu", "tax_receipt_option": "annual"})
        incomplete = self.make_donation(lost, 30.0, tax_receipt_option="annual")
        self.assertIn("full address", incomplete.donor_identity_warning)
        incomplete.with_user(self.treasurer).validate()  # warned, not refused
        self.assertIn("Donateur Perdu", incomplete.message_ids[:1].body)
        complete = self.validated(self.karim, 40.0)
        wizard = self.env["tax.receipt.annual.create"].with_user(self.treasurer)
        wizard = wizard.create({"start_date": "2026-01-01", "end_date": "2026-12-31"})
        action = wizard.with_context(queue_job__no_delay=True).generate_annual_receipts()
        run = self.env[action["res_model"]].browse(action["res_id"])
        self.assertTrue(complete.tax_receipt_id)
        self.assertFalse(incomplete.tax_receipt_id)
        self.assertEqual(run.failure_ids.partner_id, lost)
        self.assertEqual(run.receipt_ids, complete.tax_receipt_id)
        fix = run.action_open_failed_donors()
        self.assertEqual(fix["domain"], [("id", "in", lost.ids)])
        # fixed, then resumed (the complete donor is not receipted twice)
        lost.write({"street": "3 rue Neuve", "zip": "91000", "city": "Évry"})
        run.with_user(self.treasurer).with_context(queue_job__no_delay=True).action_resume()
        self.assertEqual(incomplete.tax_receipt_id.partner_id, lost)
        self.assertEqual(len(complete.tax_receipt_id), 1)
