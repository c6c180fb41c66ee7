import base64
import csv
import io

from freezegun import freeze_time

from odoo.tests import tagged

from .common import TODAY, DonationCase, pdf_text


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestYearlyDeclaration(DonationCase):
    def test_222_bis_figures_exclude_cancelled_receipts(self):
        with freeze_time("2025-12-20"):
            self.validated(self.claire, 1000.0, when="2025-12-15")  # gifts of another year
        self.validated(self.claire, 150.0, when="2026-01-10")
        self.validated(self.claire, 50.0, when="2026-02-10")
        cancelled = self.validated(self.claire, 99.0, when="2026-02-11").tax_receipt_id
        cancelled.with_user(self.treasurer)._tl_cancel("Doublon", reissue=False)
        replaced = self.validated(self.karim, 30.0, when="2026-02-12", tax_receipt_option="each")
        replaced.tax_receipt_id.with_user(self.treasurer)._tl_cancel("Adresse")
        self.validated(self.acme, 5000.0, when="2026-03-01")
        self.validated(
            self.acme,
            12.5,
            mode=None,
            when="2026-03-02",
            product=self.goods,
            line={"quantity": 40, "valuation_basis": "stock_value", "in_kind_description": "PLA"},
        )
        self.validated(self.town, 3000.0, product=self.subsidy)  # never receipted

        wizard = (
            self.env["tiers_lieu.donation.declaration"]
            .with_user(self.treasurer)
            .create({"year": 2026})
        )
        with self.assertQueryCount(__system__=40, tl_treasurer=40):
            wizard.action_compute()
        self.assertEqual(wizard.receipt_count, 5)
        self.assertAlmostEqual(wizard.amount_total, 5730.0)
        self.assertEqual((wizard.individual_count, wizard.company_count), (3, 2))
        self.assertAlmostEqual(wizard.individual_amount, 230.0)
        self.assertAlmostEqual(wizard.company_amount, 5500.0)
        self.assertAlmostEqual(wizard.cash_amount, 5230.0)
        self.assertAlmostEqual(wizard.in_kind_amount, 500.0)
        self.assertEqual(wizard.cancelled_count, 2)

        text = pdf_text(base64.b64decode(wizard.pdf_file))
        self.assertIn("Article 222 bis du code général des impôts", text)
        self.assertIn(
            "Montant global des dons mentionnés sur les reçus délivrés (€) 5 730,00", text
        )
        self.assertIn("Nombre de reçus délivrés 5", text)
        self.assertIn("2065-bis-SD, cadre L", text)
        self.assertNotIn("Claire Dupont", text)

        csv_text = base64.b64decode(wizard.csv_file).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
        self.assertEqual(rows[0], ["Rubrique", "Valeur"])
        self.assertIn(["Nombre de reçus délivrés", "5"], rows)

        donors = list(
            csv.reader(
                io.StringIO(base64.b64decode(wizard.donors_file).decode("utf-8-sig")), delimiter=";"
            )
        )
        by_name = {row[0]: row for row in donors[1:]}
        self.assertEqual(by_name["Claire Dupont"][3], "2")
        self.assertEqual(by_name["Claire Dupont"][4], "RF-2026-00001 RF-2026-00002")
        self.assertEqual(by_name["Claire Dupont"][5], "200,00")
        self.assertEqual(by_name["Atelier Normand Mécanique"][1], "Entreprise")
        self.assertEqual(by_name["Atelier Normand Mécanique"][7], "500,00")

    def test_donor_summary_cells_cannot_inject_formulas(self):
        """Issue 11: CSV exports neutralise cells a spreadsheet would run as formulas."""
        donor = self.claire.copy({"name": '=HYPERLINK("http://evil.example","x")'})
        self.validated(donor, 40.0, when="2026-02-10")
        wizard = (
            self.env["tiers_lieu.donation.declaration"]
            .with_user(self.treasurer)
            .create({"year": 2026})
        )
        wizard.action_compute()
        text = base64.b64decode(wizard.donors_file).decode("utf-8-sig")
        donors = list(csv.reader(io.StringIO(text), delimiter=";"))
        self.assertIn('\'=HYPERLINK("http://evil.example","x")', [row[0] for row in donors])
