from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import TODAY, DonationCase, pdf_text


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestReceiptMail(DonationCase):
    def test_batch_sends_the_original_then_duplicates_with_the_french_template(self):
        self.claire.lang = "fr_FR"
        receipts = (
            self.validated(self.claire, 150.0).tax_receipt_id
            | self.validated(self.acme, 900.0).tax_receipt_id
        )
        receipts.with_user(self.treasurer).action_tl_send_by_email()
        for receipt in receipts:
            message = receipt.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
            self.assertEqual(message.partner_ids, receipt.partner_id)
            self.assertEqual(message.attachment_ids.name, f"Recu_fiscal_{receipt.number}.pdf")
            self.assertEqual(message.attachment_ids.raw, receipt._tl_original_pdf())
            self.assertTrue(receipt.sent_date)
        claire = receipts[0].message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn("Reçu fiscal RF-2026-00001", claire.subject)
        self.assertIn("Merci", claire.body)
        mail = self.env["mail.mail"].search([("mail_message_id", "=", claire.id)])
        self.assertEqual(mail.recipient_ids, self.claire)
        self.assertEqual(mail.attachment_ids, claire.attachment_ids)
        # sent again: a DUPLICATA, the original untouched
        receipts[0].with_user(self.treasurer).action_tl_send_by_email()
        again = receipts[0].message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertNotEqual(again.attachment_ids.raw, receipts[0]._tl_original_pdf())
        self.assertIn("DUPLICATA", pdf_text(again.attachment_ids.raw))

    def test_donors_without_email_are_named_before_anything_is_sent(self):
        self.karim.email = False
        receipts = (
            self.validated(self.claire, 10.0).tax_receipt_id
            | self.validated(self.karim, 20.0, tax_receipt_option="each").tax_receipt_id
        )
        with self.assertRaises(UserError) as error:
            receipts.with_user(self.treasurer).action_tl_send_by_email()
        self.assertIn("Karim Benali", str(error.exception))
        self.assertFalse(receipts.filtered("sent_date"))

    def send_through_the_composer(self, receipt):
        action = receipt.with_user(self.treasurer).action_tl_open_email_composer()
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.treasurer)
            .with_context(**action["context"])
        )
        self.assertIn(receipt.number, composer.subject)
        self.assertEqual(len(composer.attachment_ids), 1)
        composer.save().action_send_mail()
        return receipt.message_ids.filtered(lambda m: m.message_type == "comment")[:1]

    def test_the_first_email_after_a_download_sends_the_original_through_the_composer(self):
        """Issue 12: after one download, the e-mail sent a DUPLICATA without composer and
        left the send date empty. A Treasurer's download is not a delivery to the donor."""
        self.claire.lang = "fr_FR"
        receipt = self.validated(self.claire, 150.0).tax_receipt_id
        _name, _data, downloaded = receipt.with_user(self.treasurer)._tl_pdf_for_delivery(
            "download"
        )
        self.assertTrue(downloaded)
        receipt.with_user(self.treasurer).action_tl_open_email_composer()
        self.assertFalse(receipt.sent_date, "opening the composer is not sending")
        message = self.send_through_the_composer(receipt)
        self.assertEqual(message.partner_ids, self.claire)
        self.assertIn("Reçu fiscal", message.subject)
        self.assertEqual(message.attachment_ids.name, f"Recu_fiscal_{receipt.number}.pdf")
        self.assertEqual(message.attachment_ids.raw, receipt._tl_original_pdf())
        self.assertTrue(receipt.sent_date)
        first_sent = receipt.sent_date
        # sent again: a DUPLICATA; the first send date stays
        again = self.send_through_the_composer(receipt)
        self.assertTrue(again.attachment_ids.name.endswith("_DUPLICATA.pdf"))
        self.assertIn("DUPLICATA", pdf_text(again.attachment_ids.raw))
        self.assertEqual(receipt.sent_date, first_sent)
        # and a download after the donor's copy is a DUPLICATA too
        _name, _data, original = receipt.with_user(self.treasurer)._tl_pdf_for_delivery("download")
        self.assertFalse(original)
        logged = receipt.message_ids.filtered(lambda m: "e-mail" in (m.body or ""))
        self.assertEqual(len(logged), 2)
