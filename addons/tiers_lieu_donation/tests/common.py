import base64
import io
import re
from datetime import date

from pypdf import PdfReader

from odoo import Command
from odoo.tools.misc import file_open

from odoo.addons.tiers_lieu.tests.common import TiersLieuCase

# The tests run "on" this day (freeze_time); gifts are dated before it.
TODAY = "2026-03-20"


# What the receipts print about the association (its signature is the base addon's demo one).
IDENTITY = {
    "association_legal_name": "Association Val Solidaire",
    "association_rna": "W913004217",
    "street": "12 rue des Makers",
    "zip": "91860",
    "city": "Épinay-sous-Sénart",
    "association_category": "general_interest",
    "association_object": "Fabrication numérique solidaire et insertion professionnelle.",
    "signatory_name": "Camille Martin",
    "signatory_title": "Trésorière",
}


def signature_png():
    with file_open("tiers_lieu/demo/signature.png", "rb") as image:
        return base64.b64encode(image.read())


def pdf_text(data):
    """The text of a PDF, whitespace collapsed to single spaces."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


class DonationCase(TiersLieuCase):
    """A French association with its identity and chart, donors and donation products."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {**IDENTITY, "siret": "73282932000074", "signatory_signature": signature_png()}
        )
        cls.cash = cls.env.ref("tiers_lieu_donation.product_donation_cash")
        cls.goods = cls.env.ref("tiers_lieu_donation.product_donation_goods")
        cls.service = cls.env.ref("tiers_lieu_donation.product_donation_service")
        cls.staff_lent = cls.env.ref("tiers_lieu_donation.product_donation_staff")
        cls.waiver = cls.env.ref("tiers_lieu_donation.product_donation_expense_waiver")
        cls.subsidy = cls.env.ref("tiers_lieu_donation.product_subsidy")
        Partner = cls.env["res.partner"]
        cls.claire = Partner.create(
            {
                "name": "Claire Dupont",
                "street": "18 rue des Lilas",
                "zip": "75020",
                "city": "Paris",
                "country_id": cls.env.ref("base.fr").id,
                "email": "claire.dupont@example.org",
                "tax_receipt_option": "each",
            }
        )
        cls.karim = Partner.create(
            {
                "name": "Karim Benali",
                "street": "5 avenue Henri Barbusse",
                "zip": "91860",
                "city": "Épinay-sous-Sénart",
                "email": "karim@example.net",
                "tax_receipt_option": "annual",
            }
        )
        cls.acme = Partner.create(
            {
                "name": "Atelier Normand Mécanique",
                "is_company": True,
                "legal_form": "SAS",
                "siren": "854330123",
                "street": "4 rue Gutenberg",
                "zip": "91100",
                "city": "Corbeil-Essonnes",
                "email": "mecenat@atelier-normand.example",
                "tax_receipt_option": "each",
            }
        )
        cls.no_address = Partner.create({"name": "Sans Adresse", "tax_receipt_option": "each"})
        cls.town = Partner.create(
            {"name": "Mairie d'Épinay", "is_company": True, "tax_receipt_option": "none"}
        )
        cls.method = {
            mode: cls.env["res.company"]._tl_payment_method_line(mode)
            for mode in ("cash", "cheque", "transfer", "card", "direct_debit", "platform")
        }

    @classmethod
    def make_donation(cls, partner, amount=150.0, mode="transfer", when="2026-03-12", **vals):
        product = vals.pop("product", cls.cash)
        line = {"product_id": product.id, "quantity": 1, "unit_price": amount}
        line.update(vals.pop("line", {}))
        values = {
            "partner_id": partner.id,
            "donation_date": when,
            "payment_method_line_id": cls.method[mode].id if mode else False,
            "line_ids": [Command.create(line)],
        }
        if mode == "cheque":
            values.update(cheque_number="4521873", cheque_bank="Crédit Mutuel")
        values.update(vals)
        return cls.env["donation.donation"].create(values)

    @classmethod
    def validated(cls, *args, confirm=False, **kwargs):
        """A donation validated by the Treasurer (``confirm``: unusual amounts confirmed)."""
        donation = cls.make_donation(*args, **kwargs)
        treasurer = donation.with_user(cls.treasurer)
        treasurer.with_context(tl_plausibility_confirmed=confirm).validate()
        return donation

    @classmethod
    def stored_pdf_attachment(cls, receipt):
        """The attachment holding the receipt's original PDF (its field pdf_file)."""
        return (
            cls.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "tiers_lieu.donation.receipt.original"),
                    ("res_id", "=", receipt.sudo().pdf_original_id.id),
                    ("res_field", "=", "pdf_file"),
                ]
            )
        )

    @staticmethod
    def day(text):
        return date.fromisoformat(text)
