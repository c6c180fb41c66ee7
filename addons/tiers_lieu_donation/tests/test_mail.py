from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

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
