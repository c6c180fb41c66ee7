import hashlib
import io
import re

from freezegun import freeze_time
from pypdf import PdfReader

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TODAY, DonationCase, pdf_text

# Every mention of Cerfa n° 11580*05 (french-rules §1), as the PDF must print it.
CERFA_MENTIONS = [
    "Reçu au titre des dons à certains organismes d'intérêt général",
    "Articles 200 et 978 du code général des impôts",
    "Numéro d'ordre du reçu",
    "Bénéficiaire des versements",
    "Nom ou dénomination : Association Val Solidaire",
    "SIREN ou RNA : SIREN 732829320 – RNA W913004217",
    "Adresse : 12 rue des Makers, 91860 Épinay-sous-Sénart",
    "Objet : Fabrication numérique solidaire et insertion professionnelle.",
    "Œuvre ou organisme d'intérêt général",
    "Donateur",
    "Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à "
    "réduction d'impôt, la somme de",
    "Somme en toutes lettres",
    "Date du versement ou du don",
    "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent "
    "droit à la réduction d'impôt prévue à l'article",
    "200 du CGI",
    "978 du CGI",
    "Forme du don",
    "Acte authentique",
    "Acte sous seing privé",
    "Déclaration de don manuel",
    "Nature du don",
    "Numéraire",
    "Titres de sociétés cotés",
    "Autres (1)",
    "abandon de revenus ou de produits",
    "frais engagés par les bénévoles, dont ils renoncent expressément au remboursement",
    "En cas de don en numéraire, mode de versement du don",
    "Remise d'espèces",
    "Chèque",
    "Virement, prélèvement, carte bancaire",
    "Date et signature",
    "Camille Martin, Trésorière",
]
# Every mention of the company form 2041-MEC-SD (french-rules §2).
MEC_MENTIONS = [
    "2041-MEC-SD",
    "Reçu des dons et versements effectués par les entreprises",
    "au titre de l'article 238 bis du code général des impôts",
    "Numéro d'ordre du reçu",
    "Bénéficiaire des versements",
    "SIREN ou RNA : SIREN 732829320 – RNA W913004217",
    "Entreprise donatrice",
    "Dénomination : Atelier Normand Mécanique",
    "Forme juridique : SAS",
    "N° SIREN : 854330123",
    "Adresse : 4 rue Gutenberg, 91100 Corbeil-Essonnes",
    "Dons en numéraire",
    "Dons en nature",
    "Mise à disposition de personnel (mécénat de compétences)",
    "ouvrent droit à la réduction d'impôt prévue à l'article 238 bis du code général des impôts",
    "Forme du don",
    "Nature du don",
    "Date et signature",
    "Camille Martin, Trésorière",
]


def ticked(text, label):
    """True when the tick box printed before ``label`` holds an X."""
    return bool(re.search(r"X ?" + re.escape(label), text))


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestReceiptPdf(DonationCase):
    def test_cerfa_11580_for_a_cheque_states_every_mention(self):
        donation = self.validated(self.claire, 150.0, mode="cheque", when="2026-03-12")
        receipt = donation.tax_receipt_id
        self.assertEqual(receipt.number, "RF-2026-00001")
        self.assertEqual(receipt.receipt_form, "individual")
        self.assertEqual(receipt.form_reference, "11580*05")
        text = pdf_text(receipt._tl_original_pdf())
        for mention in CERFA_MENTIONS:
            with self.subTest(mention=mention):
                self.assertIn(mention, text)
        self.assertIn("Cerfa N° 11580*05", text)
        self.assertIn("Numéro d'ordre du reçu : RF-2026-00001", text)
        self.assertIn("***150,00*** euros", text)
        self.assertIn("Somme en toutes lettres : cent cinquante euros", text)
        self.assertIn("Nom et prénoms : Claire Dupont", text)
        self.assertIn("Adresse : 18 rue des Lilas, 75020 Paris", text)
        self.assertIn(
            "Date du versement ou du don : 12/03/2026 (date de remise du chèque ou de "
            "réception du courrier)",
            text,
        )
        self.assertIn("Fait à Épinay-sous-Sénart, le 20/03/2026", text)
        self.assertTrue(ticked(text, "Œuvre ou organisme d'intérêt général"))
        self.assertFalse(ticked(text, "Fondation d'entreprise"))
        self.assertTrue(ticked(text, "200 du CGI"))
        self.assertFalse(ticked(text, "978 du CGI"))
        self.assertTrue(ticked(text, "Déclaration de don manuel"))
        self.assertTrue(ticked(text, "Numéraire"))
        self.assertFalse(ticked(text, "Autres (1)"))
        self.assertTrue(ticked(text, "Chèque"))
        self.assertFalse(ticked(text, "Remise d'espèces"))
        self.assertFalse(ticked(text, "Virement, prélèvement, carte bancaire"))

    def test_download_is_a_report_of_the_print_menu(self):
        """Issue 14: receipts print through an ir.actions.report drawn with reportlab."""
        receipt = self.validated(self.claire, 80.0).tax_receipt_id.with_user(self.treasurer)
        action = receipt.action_tl_download()
        self.assertEqual(action["report_name"], "tiers_lieu_donation.tax_receipt")
        self.assertEqual(action["tl_renderer"], "_render_tax_receipt_pdf")
        toolbar = receipt.get_views([(False, "form")], {"toolbar": True})["views"]["form"]
        prints = [action["id"] for action in toolbar["toolbar"]["print"]]
        self.assertIn(self.env.ref("tiers_lieu_donation.action_report_tax_receipt").id, prints)
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_user(self.treasurer)
            ._render_qweb_pdf("tiers_lieu_donation.action_report_tax_receipt", receipt.ids)
        )
        self.assertEqual(pdf, receipt._tl_original_pdf())
        self.assertEqual(receipt.print_date, self.day(TODAY))
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.staff)._render_qweb_pdf(
                "tiers_lieu_donation.action_report_tax_receipt", receipt.ids
            )

    def test_pdf_is_stored_at_issuance_with_its_fingerprint(self):
        receipt = self.validated(self.claire, 80.0).tax_receipt_id
        attachment = self.stored_pdf_attachment(receipt)
        self.assertEqual(attachment.res_field, "pdf_file")
        self.assertEqual(attachment.res_model, "tiers_lieu.donation.receipt.original")
        self.assertEqual(receipt.sudo().pdf_original_id.receipt_id, receipt)
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertEqual(attachment.raw[:5], b"%PDF-")
        self.assertEqual(hashlib.sha256(attachment.raw).hexdigest(), receipt.pdf_sha256)
        # Virement: payment date is the day the account was credited.
        text = pdf_text(attachment.raw)
        self.assertIn("quatre-vingts euros", text)
        self.assertIn("date du crédit sur le compte de l'organisme", text)
        self.assertTrue(ticked(text, "Virement, prélèvement, carte bancaire"))

    def test_annual_summary_splits_natures_and_payment_modes_with_the_period(self):
        gifts = [
            self.validated(self.karim, 40.0, mode="transfer", when="2026-01-15"),
            self.validated(self.karim, 25.5, mode="cash", when="2026-02-03"),
            self.validated(self.karim, 40.0, mode="transfer", when="2026-03-02"),
            self.validated(
                self.karim,
                84.6,
                mode=None,
                when="2026-03-05",
                product=self.waiver,
                line={"in_kind_description": "180 km en voiture pour livrer des visières"},
            ),
        ]
        self.assertFalse(any(g.tax_receipt_id for g in gifts))
        # the run's jobs run at once (queue_job's test mode)
        wizard = self.env["tax.receipt.annual.create"].with_context(queue_job__no_delay=True)
        wizard = wizard.create({"start_date": "2026-01-01", "end_date": "2026-12-31"})
        wizard.with_user(self.treasurer).generate_annual_receipts()
        receipt = gifts[0].tax_receipt_id
        self.assertEqual(receipt.type, "annual")
        self.assertEqual(set(receipt.donation_ids.ids), {g.id for g in gifts})
        self.assertAlmostEqual(receipt.amount, 190.1)
        self.assertAlmostEqual(receipt.amount_cash, 105.5)
        self.assertAlmostEqual(receipt.amount_expense_waiver, 84.6)
        text = pdf_text(receipt._tl_original_pdf())
        self.assertIn("***190,10*** euros", text)
        self.assertIn("cent quatre-vingt-dix euros et dix centimes", text)
        self.assertIn("période du 15/01/2026 au 05/03/2026", text)
        self.assertIn("Virement 2 15/01/2026, 02/03/2026 80,00 €", text)
        self.assertIn("Remise d'espèces 1 03/02/2026 25,50 €", text)
        self.assertIn("180 km en voiture pour livrer des visières", text)
        self.assertTrue(ticked(text, "Numéraire"))
        self.assertTrue(ticked(text, "Autres (1)"))
        self.assertTrue(ticked(text, "Autres"))
        self.assertTrue(ticked(text, "Remise d'espèces"))
        self.assertTrue(ticked(text, "Virement, prélèvement, carte bancaire"))
        self.assertFalse(ticked(text, "Chèque"))

    def test_2041_mec_sd_for_a_company_with_cash_goods_and_staff(self):
        cash = self.validated(self.acme, 5000.0, when="2026-02-10", tax_receipt_option="annual")
        filament = self.validated(
            self.acme,
            12.5,
            mode=None,
            when="2026-02-20",
            product=self.goods,
            tax_receipt_option="annual",
            line={
                "quantity": 40,
                "valuation_basis": "stock_value",
                "in_kind_description": "40 bobines de filament PLA 1,75 mm de 1 kg",
            },
        )
        staff = self.validated(
            self.acme,
            1400.0,
            mode=None,
            when="2026-03-06",
            product=self.staff_lent,
            tax_receipt_option="annual",
            line={
                "valuation_basis": "salary_cost",
                "staff_count": 2,
                "staff_hours": 35,
                "in_kind_description": "Deux techniciens pour réviser les imprimantes",
            },
        )
        wizard = self.env["tiers_lieu.donation.receipt.issue"].create(
            {"donation_ids": [Command.set((cash | filament | staff).ids)], "grouping": "donor"}
        )
        wizard.with_user(self.treasurer).action_issue()
        receipt = cash.tax_receipt_id
        self.assertEqual(receipt.number, "MEC-2026-00001")
        self.assertEqual(receipt.receipt_form, "company")
        self.assertEqual(receipt.amount, 6900.0)
        text = pdf_text(receipt._tl_original_pdf())
        for mention in MEC_MENTIONS:
            with self.subTest(mention=mention):
                self.assertIn(mention, text)
        self.assertIn("N° 16216*01", text)
        self.assertIn("***5 000,00*** euros — cinq mille euros", text)
        self.assertIn("40 bobines de filament PLA 1,75 mm de 1 kg", text)
        self.assertIn("quantité : 40", text)
        self.assertIn("valorisation par le donateur : valeur en stock dans les comptes du", text)
        self.assertIn("valeur : 500,00 € (cinq cents euros)", text)
        self.assertIn("2 salarié(s), 35,00 heures", text)
        self.assertIn("coût salarial chargé", text)
        self.assertIn("***6 900,00*** euros — six mille neuf cents euros", text)
        self.assertTrue(ticked(text, "Numéraire"))
        self.assertTrue(ticked(text, "Autres (1)"))
        # issue 13: the cash section states the cash gift's date, not the in-kind period
        self.assertIn("Date du versement ou période : 10/02/2026", text)
        self.assertNotIn("Date du versement ou période : période du 10/02/2026", text)
        self.assertIn("période du 10/02/2026 au 06/03/2026", text)

    def test_duplicate_is_the_stored_pdf_stamped(self):
        receipt = self.validated(self.claire, 150.0).tax_receipt_id
        original = receipt._tl_original_pdf()
        name, data, is_original = receipt.with_user(self.treasurer)._tl_pdf_for_delivery("download")
        self.assertTrue(is_original)
        self.assertEqual(data, original)
        self.assertEqual(receipt.print_date, self.day(TODAY))
        name, data, is_original = receipt.with_user(self.treasurer)._tl_pdf_for_delivery("download")
        self.assertFalse(is_original)
        self.assertTrue(name.endswith("_DUPLICATA.pdf"))
        text = pdf_text(data)
        self.assertIn("DUPLICATA", text)
        self.assertIn("Copie délivrée le 20/03/2026", text)
        self.assertIn("Numéro d'ordre du reçu : RF-2026-00001", text)
        self.assertIn("***150,00*** euros", text)
        # the original stays as issued
        self.assertEqual(receipt._tl_original_pdf(), original)
        self.assertEqual(hashlib.sha256(original).hexdigest(), receipt.pdf_sha256)
        self.assertNotIn("DUPLICATA", pdf_text(original))

    def test_amount_in_words_is_french(self):
        cases = {
            1.0: "un euro",
            21.01: "vingt et un euros et un centime",
            80.0: "quatre-vingts euros",
            200.0: "deux cents euros",
            1234.56: "mille deux cent trente-quatre euros et cinquante-six centimes",
            1000000.0: "un million d'euros",
        }
        for amount, words in cases.items():
            with self.subTest(amount=amount):
                receipt = self.validated(self.claire, amount, confirm=True).tax_receipt_id
                text = pdf_text(receipt._tl_original_pdf())
                self.assertIn(f"Somme en toutes lettres : {words}", text)

    def test_parts_drawn_once_per_company_stay_right_on_every_receipt(self):
        """The beneficiary and certification parts are recorded on the first receipt and
        replayed on the next ones: each receipt still states them, and a change of the
        association's identity shows on the receipts issued after it."""
        first = self.validated(self.claire, 10.0, mode="cheque").tax_receipt_id
        second = self.validated(self.karim, 20.0, mode="cash", tax_receipt_option="each")
        self.company.association_object = "Objet modifié : ateliers de réparation."
        third = self.validated(self.claire, 30.0, mode="cheque").tax_receipt_id
        texts = [pdf_text(r._tl_original_pdf()) for r in (first, second.tax_receipt_id, third)]
        for text in texts:
            for mention in CERFA_MENTIONS[:7] + CERFA_MENTIONS[8:]:  # all but the object
                with self.subTest(mention=mention):
                    self.assertIn(mention, text)
        self.assertTrue(ticked(texts[0], "Chèque"))
        self.assertTrue(ticked(texts[1], "Remise d'espèces"))
        self.assertFalse(ticked(texts[1], "Chèque"))
        self.assertTrue(ticked(texts[2], "Chèque"))
        self.assertIn("Objet : Fabrication numérique solidaire", texts[1])
        self.assertIn("Objet : Objet modifié : ateliers de réparation.", texts[2])
        self.assertIn("Nom et prénoms : Karim Benali", texts[1])

    def test_multi_page_annual_receipt_keeps_its_signature_with_the_certification(self):
        """Issue 13: page 2 held only "(suite)" and the signature, page 1 unsigned."""
        for day in range(1, 9):
            self.validated(
                self.karim,
                10.0 + day,
                mode=None,
                when=f"2026-02-{day:02d}",
                product=self.goods,
                line={
                    "valuation_basis": "purchase_price",
                    "in_kind_description": f"Lot {day} : bobines de PLA, outils et pièces "
                    "détachées pour l'atelier, état neuf, remis en main propre " * 2,
                },
            )
        # the run's jobs run at once (queue_job's test mode)
        wizard = self.env["tax.receipt.annual.create"].with_context(queue_job__no_delay=True)
        wizard = wizard.create({"start_date": "2026-01-01", "end_date": "2026-12-31"})
        wizard.with_user(self.treasurer).generate_annual_receipts()
        receipt = self.env["donation.tax.receipt"].search([("partner_id", "=", self.karim.id)])
        reader = PdfReader(io.BytesIO(receipt._tl_original_pdf()))
        pages = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
        self.assertGreater(len(pages), 1)
        for number, text in enumerate(pages, 1):
            self.assertRegex(text, rf"Page {number}/ ?{len(pages)}\b")
        last = pages[-1]
        self.assertIn("Date et signature", last)
        self.assertIn("certifie sur l'honneur", last)
