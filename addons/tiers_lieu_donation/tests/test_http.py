import time
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import DonationCase, pdf_text


@tagged("post_install", "-at_install")
class TestReceiptsOverHttp(HttpCase, DonationCase):
    """Downloads served by the web server: the Treasurer's, the donor's portal, the tour.
    Gifts are dated a few days before the real day, since the browser runs unfrozen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.recently = fields.Date.today() - timedelta(days=3)
        cls.claire_portal = new_test_user(
            cls.env, "claire_portal", groups="base.group_portal", partner_id=cls.claire.id
        )

    def gift(self, partner, amount):
        return self.validated(partner, amount, when=self.recently).tax_receipt_id

    def wait_for(self, condition):
        for _attempt in range(50):
            self.env.invalidate_all()
            if condition():
                return True
            time.sleep(0.1)
        return False

    def test_donor_downloads_only_their_own_receipts(self):
        own = self.gift(self.claire, 150.0)
        other = self.gift(self.karim.copy({"tax_receipt_option": "each"}), 90.0)
        self.authenticate("claire_portal", "claire_portal")
        page = self.url_open("/my/tax-receipts")
        self.assertEqual(page.status_code, 200)
        self.assertIn(own.number, page.text)
        self.assertNotIn(other.number, page.text)
        response = self.url_open(f"/my/tax-receipts/{own.id}/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn(own.number, pdf_text(response.content))
        self.assertEqual(response.content, own._tl_original_pdf())
        again = self.url_open(f"/my/tax-receipts/{own.id}/pdf")
        self.assertIn("DUPLICATA", pdf_text(again.content))
        for url in (
            f"/my/tax-receipts/{other.id}/pdf",
            f"/report/pdf/tiers_lieu_donation.tax_receipt/{other.id}",
            f"/report/pdf/tiers_lieu_donation.tax_receipt/{own.id}",
            f"/web/content/{self.stored_pdf_attachment(other).id}",
            f"/web/content/tiers_lieu.donation.receipt.original/"
            f"{own.sudo().pdf_original_id.id}/pdf_file",
        ):
            with self.subTest(url=url):
                refused = self.url_open(url)
                self.assertIn(refused.status_code, (403, 404))
                self.assertNotIn(b"%PDF", refused.content[:10])

    def test_only_the_donor_contact_sees_a_company_receipt(self):
        """Issue 11: a company's other contacts with portal access do not see its gifts."""
        Partner = self.env["res.partner"]
        donor = Partner.create({"name": "Julie Mécène", "parent_id": self.acme.id})
        colleague = Partner.create({"name": "Paul Achats", "parent_id": self.acme.id})
        for partner in (donor, colleague):
            login = f"portal_{partner.id}"
            new_test_user(self.env, login, groups="base.group_portal", partner_id=partner.id)
        receipt = self.validated(donor, 500.0, when=self.recently).tax_receipt_id
        self.assertEqual(receipt.partner_id, self.acme)
        self.authenticate(f"portal_{colleague.id}", f"portal_{colleague.id}")
        self.assertNotIn(receipt.number, self.url_open("/my/tax-receipts").text)
        refused = self.url_open(f"/my/tax-receipts/{receipt.id}/pdf")
        self.assertEqual(refused.status_code, 404)
        self.assertNotIn(b"%PDF", refused.content[:10])
        self.authenticate(f"portal_{donor.id}", f"portal_{donor.id}")
        self.assertIn(receipt.number, self.url_open("/my/tax-receipts").text)
        response = self.url_open(f"/my/tax-receipts/{receipt.id}/pdf")
        self.assertEqual(response.content[:4], b"%PDF")

    def test_staff_cannot_download_from_the_treasurer_route(self):
        receipt = self.gift(self.claire, 150.0)
        self.authenticate("tl_staff", "tl_staff")
        response = self.url_open(f"/report/pdf/tiers_lieu_donation.tax_receipt/{receipt.id}")
        self.assertNotIn(b"%PDF", response.content[:10])
        self.assertFalse(receipt.print_date)

    def test_the_original_is_not_served_as_a_plain_attachment(self):
        receipt = self.gift(self.claire, 150.0)
        self.authenticate("tl_treasurer", "tl_treasurer")
        attachment = self.stored_pdf_attachment(receipt)
        for url in (
            f"/web/content/{attachment.id}?download=true",
            f"/web/content/tiers_lieu.donation.receipt.original/"
            f"{receipt.sudo().pdf_original_id.id}/pdf_file",
        ):
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), (url, response.content[:300]))
            self.assertNotIn(b"%PDF", response.content[:10])
        # through the report (Print menu, Download PDF): the original, then a DUPLICATA
        response = self.url_open(f"/report/pdf/tiers_lieu_donation.tax_receipt/{receipt.id}")
        self.assertEqual(response.content, receipt._tl_original_pdf())
        self.assertTrue(receipt.print_date)
        again = self.url_open(f"/report/pdf/tiers_lieu_donation.tax_receipt/{receipt.id}")
        self.assertIn("DUPLICATA", pdf_text(again.content))

    def test_treasurer_validates_a_donation_and_downloads_its_receipt(self):
        donor = self.claire.copy({"name": "Tour Donor", "tax_receipt_option": "each"})
        donation = self.make_donation(donor, 75.0, when=self.recently)
        self.start_tour("/odoo", "tiers_lieu_donation_receipt", login="tl_treasurer")
        self.assertEqual(donation.state, "done")
        receipt = donation.tax_receipt_id
        self.assertEqual(receipt.amount, 75.0)
        self.assertTrue(self.wait_for(lambda: receipt.print_date), "the PDF was not downloaded")
        self.assertEqual(receipt.print_date, fields.Date.today())
