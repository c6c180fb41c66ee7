"""Tax receipts laid out as the official forms, with every mention they require:
Cerfa n° 11580*05 for individuals (art. 200 and 978 CGI) and 2041-MEC-SD for companies
(art. 238 bis CGI). The texts are the forms' own, in French whatever the user's language."""

import base64
import io
from collections import OrderedDict

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from odoo.tools.pdf import PdfFileReader, PdfFileWriter

from ..french import amount_in_words, format_amount, format_date, framed_amount
from .sheet import BOLD, FONT, HEIGHT, INNER, ITALIC, MARGIN, WIDTH, Sheet, clean, jpeg_image

CATEGORIES = [
    ("public_utility", None),
    ("corporate_foundation", "Fondation d'entreprise"),
    ("general_interest", "Œuvre ou organisme d'intérêt général"),
    (
        "higher_education",
        "Établissement d'enseignement supérieur ou d'enseignement artistique public ou privé, "
        "d'intérêt général, à but non lucratif",
    ),
    (
        "research",
        "Établissement de recherche public ou privé, d'intérêt général, à but non lucratif",
    ),
    ("insertion_company", "Entreprise d'insertion ou entreprise de travail temporaire d'insertion"),
    ("intermediate_association", "Association intermédiaire"),
    ("insertion_workshop", "Atelier et chantier d'insertion"),
    ("adapted_company", "Entreprise adaptée"),
    ("other", None),
]
NATURES = {
    "cash": "Numéraire",
    "goods": "Don en nature (biens)",
    "service": "Don en nature (prestation de services)",
    "staff": "Mise à disposition de personnel (mécénat de compétences)",
    "expense_waiver": "Frais engagés par un bénévole, qui renonce à leur remboursement",
}
MODES = {
    "cash": "Remise d'espèces",
    "cheque": "Chèque",
    "transfer": "Virement",
    "direct_debit": "Prélèvement",
    "card": "Carte bancaire",
    "platform": "Carte bancaire (plateforme de dons en ligne)",
}
# Which date is the payment date, for each way of paying (BOI-IR-RICI-250-20 §20-30).
DATE_MEANINGS = {
    "cash": "date de remise des espèces",
    "cheque": "date de remise du chèque ou de réception du courrier",
    "transfer": "date du crédit sur le compte de l'organisme",
    "direct_debit": "date du crédit sur le compte de l'organisme",
    "card": "date du crédit sur le compte de l'organisme",
    "platform": "date du paiement en ligne",
    "goods": "date de remise du don",
    "service": "date de la prestation",
    "staff": "fin de la période de mise à disposition",
    "expense_waiver": "date de renonciation au remboursement",
}
BASES = {
    "stock_value": "valeur en stock dans les comptes du donateur",
    "cost_price": "coût de revient",
    "net_book_value": "valeur nette comptable",
    "purchase_price": "prix d'acquisition sur facture",
    "service_cost": "coût de revient de la prestation",
    "salary_cost": "coût salarial chargé",
}
CASH_BOX_MODES = {
    "cash": "Remise d'espèces",
    "cheque": "Chèque",
    "transfer": "Virement, prélèvement, carte bancaire",
    "direct_debit": "Virement, prélèvement, carte bancaire",
    "card": "Virement, prélèvement, carte bancaire",
    "platform": "Virement, prélèvement, carte bancaire",
}
FOOTNOTE_OTHERS = (
    "(1) notamment : abandon de revenus ou de produits ; frais engagés par les bénévoles, "
    "dont ils renoncent expressément au remboursement ; dons en nature."
)


def euros(amount):
    return f"{format_amount(amount)} €"


# Heights on the page (points) of the signature block and, at most, of the certification.
SIGNATURE_HEIGHT = 96
CERTIFICATION_HEIGHT = 200


class ReceiptRenderer:
    """Renders receipts. What is the same on every receipt of a company (its signature,
    the parts of the page its identity fills) is prepared once per database cursor, keyed
    by its content, so that receipts issued one by one in a batch reuse it."""

    def __init__(self, env):
        caches = env.cr.cache.setdefault("tiers_lieu_donation.receipt_pdf", ({}, {}))
        self._issuers, self._blocks = caches

    def render(self, receipt):
        issuer = self._issuer(receipt.company_id)
        company_form = receipt.receipt_form == "company"
        sheet = Sheet(
            title=f"Reçu fiscal n° {receipt.number}",
            author=issuer["name"],
            continuation=f"Reçu n° {receipt.number} (suite)",
            blocks=self._blocks,
            numbered=True,
        )
        lines = receipt.line_ids
        self._header(sheet, receipt, company_form)
        sheet.block(("beneficiary", issuer["key"]), lambda: self._beneficiary(sheet, issuer))
        if company_form:
            self._company_donor(sheet, receipt.partner_id)
            self._company_gifts(sheet, receipt, lines)
        else:
            self._individual_donor(sheet, receipt.partner_id)
            self._individual_gifts(sheet, receipt, lines)
        natures = frozenset(lines.mapped("nature"))
        modes = frozenset(CASH_BOX_MODES[m] for m in lines.mapped("payment_mode") if m)
        key = ("certification", company_form, natures, modes)
        # The certification and the signature stay together, never a signature alone on a
        # page of its own (heights: the recorded block's, else an upper bound).
        recorded = sheet.blocks.get(key)
        sheet.end_section()
        sheet.ensure((recorded[2] if recorded else CERTIFICATION_HEIGHT) + SIGNATURE_HEIGHT)
        sheet.block(key, lambda: self._certification(sheet, natures, modes, company_form))
        self._signature(sheet, receipt, issuer)
        return sheet.finish()

    # -- parts shared by both forms ------------------------------------------------------
    def _issuer(self, company):
        """What the receipts print about the association; its key is its content, so a
        change of the identity is never served from the cache."""
        options = []
        for code, label in CATEGORIES:
            if code == "public_utility":
                label = (
                    "Association ou fondation reconnue d'utilité publique par décret en "
                    f"date du {format_date(company.association_public_utility_date) or '…'} "
                    "publié au Journal officiel du "
                    f"{format_date(company.association_public_utility_journal_date) or '…'}"
                )
            elif code == "other":
                label = f"Autre organisme : {company.association_category_other or ''}"
            options.append((label, code == company.association_category))
        identifiers = []
        if company.siren:
            identifiers.append(f"SIREN {company.siren}")
        if company.association_rna:
            identifiers.append(f"RNA {company.association_rna}")
        signature = company.sudo().signatory_signature or b""  # Treasurer/Manager-only field
        issuer = {
            "name": company.association_legal_name or company.name,
            "identifiers": " – ".join(identifiers),
            "address": ", ".join(company.partner_id._tl_address_lines()),
            "object": company.association_object or "",
            "categories": tuple(options),
            "place": company.donation_receipt_place or company.city or "",
            "signatory": ", ".join(
                p for p in (company.signatory_name, company.signatory_title) if p
            ),
        }
        issuer["key"] = (tuple(issuer.values()), hash(signature))
        if signature and signature not in self._issuers:
            self._issuers[signature] = jpeg_image(base64.b64decode(signature))
        issuer["signature"] = self._issuers.get(signature)
        return issuer

    def _header(self, sheet, receipt, company_form):
        canvas = sheet.canvas
        if company_form:
            title = "Reçu des dons et versements effectués par les entreprises"
            subtitle = "au titre de l'article 238 bis du code général des impôts"
            form = "2041-MEC-SD"
        else:
            title = "Reçu au titre des dons à certains organismes d'intérêt général"
            subtitle = "Articles 200 et 978 du code général des impôts"
            form = "Cerfa"
        top = HEIGHT - MARGIN
        canvas.setLineWidth(1)
        canvas.rect(MARGIN, top - 62, INNER, 62)
        canvas.setFont(BOLD, 9)
        canvas.drawString(MARGIN + 6, top - 14, form)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(MARGIN + 6, top - 26, f"N° {clean(receipt.form_reference or '')}")
        canvas.setFont(BOLD, 12)
        canvas.drawCentredString(WIDTH / 2 + 20, top - 18, title)
        canvas.setFont(FONT, 9.5)
        canvas.drawCentredString(WIDTH / 2 + 20, top - 32, subtitle)
        canvas.setFont(BOLD, 10.5)
        canvas.drawCentredString(
            WIDTH / 2 + 20, top - 52, f"Numéro d'ordre du reçu : {receipt.number}"
        )
        sheet.y = top - 66
        replaced = receipt.replaces_id
        if replaced:
            # A replacement says which receipt it cancels, so that both are not used.
            sheet.text(
                f"Ce reçu annule et remplace le reçu N° {replaced.number} "
                f"du {replaced.date:%d/%m/%Y}.",
                font=BOLD,
            )

    def _beneficiary(self, sheet, issuer):
        sheet.section("Bénéficiaire des versements")
        sheet.field("Nom ou dénomination", issuer["name"])
        sheet.field("SIREN ou RNA", issuer["identifiers"])
        sheet.field("Adresse", issuer["address"])
        sheet.field("Objet", issuer["object"])
        sheet.text("Cochez la case concernée :", font=BOLD)
        sheet.check_list(issuer["categories"])

    def _individual_donor(self, sheet, partner):
        sheet.section("Donateur")
        sheet.field("Nom et prénoms", partner.name)
        sheet.field("Adresse", ", ".join(partner._tl_address_lines()))

    def _company_donor(self, sheet, partner):
        sheet.section("Entreprise donatrice")
        sheet.field("Dénomination", partner.name)
        sheet.field("Forme juridique", partner.legal_form or "")
        sheet.field("N° SIREN", partner.siren or "")
        sheet.field("Adresse", ", ".join(partner._tl_address_lines()))

    def _date_text(self, receipt, lines):
        # The period of the lines stated (e.g. the cash ones of a 2041-MEC-SD), not of the
        # whole receipt.
        dates = lines.mapped("date") or [receipt.period_start]
        start, end = min(dates), max(dates)
        if start == end:
            kinds = {line.payment_mode or line.nature for line in lines}
            meaning = "; ".join(sorted(DATE_MEANINGS[k] for k in kinds))
            return f"{format_date(start)} ({meaning})"
        return (
            f"période du {format_date(start)} au {format_date(end)} (dates détaillées "
            "ci-dessous)"
        )

    def _split_table(self, sheet, lines):
        """Totals by nature and way of paying, with the dates of each payment."""
        groups = OrderedDict()
        for line in lines:
            groups.setdefault((line.nature, line.payment_mode or ""), []).append(line)
        rows = []
        for (nature, mode), group in groups.items():
            dates = ", ".join(format_date(d) for d in sorted({line.date for line in group}))
            rows.append(
                [
                    NATURES[nature],
                    MODES.get(mode, "—"),
                    str(len(group)),
                    dates,
                    euros(sum(line.amount for line in group)),
                ]
            )
        sheet.table(
            ["Nature du don", "Mode de versement", "Nombre", "Date(s) du versement", "Montant"],
            rows,
            [0.27, 0.2, 0.08, 0.3, 0.15],
            align_right=(2, 4),
        )
        meanings = {line.payment_mode or line.nature for line in lines}
        notes = "; ".join(
            f"{MODES.get(k) or NATURES.get(k)} : {DATE_MEANINGS[k]}" for k in sorted(meanings)
        )
        sheet.text(f"Date retenue — {notes}.", size=7.5, font=ITALIC)

    def _in_kind_details(self, sheet, lines):
        for line in lines.filtered(lambda line: line.nature not in ("cash",)):
            parts = [NATURES[line.nature]]
            if line.description:
                parts.append(line.description)
            if line.quantity and line.nature in ("goods", "service"):
                parts.append(f"quantité : {line.quantity}")
            if line.nature == "staff":
                parts.append(
                    f"{line.staff_count} salarié(s), {format_amount(line.staff_hours)} heures"
                )
            if line.valuation_basis:
                parts.append(f"valorisation par le donateur : {BASES[line.valuation_basis]}")
            parts.append(
                f"valeur : {euros(line.amount)} ({amount_in_words(line.amount)}), "
                f"le {format_date(line.date)}"
            )
            sheet.text("- " + " — ".join(parts), size=8.5)

    # -- Cerfa 11580*05 -------------------------------------------------------------------
    def _individual_gifts(self, sheet, receipt, lines):
        sheet.section("Dons et versements reçus")
        sheet.text(
            "Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant "
            "droit à réduction d'impôt, la somme de :"
        )
        sheet.text(f"{framed_amount(receipt.amount)} euros", size=12, font=BOLD)
        sheet.field("Somme en toutes lettres", amount_in_words(receipt.amount))
        sheet.field("Date du versement ou du don", self._date_text(receipt, lines))
        if len(lines) > 1 or receipt.type == "annual":
            sheet.space(3)
            self._split_table(sheet, lines)
        if lines.filtered(lambda line: line.nature != "cash"):
            sheet.text("Description des dons autres qu'en numéraire :", font=BOLD, size=8.5)
            self._in_kind_details(sheet, lines)

    # -- 2041-MEC-SD -----------------------------------------------------------------------
    def _company_gifts(self, sheet, receipt, lines):
        sheet.section("Dons et versements reçus")
        sheet.text(
            "Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant "
            "droit à réduction d'impôt :"
        )
        cash = lines.filtered(lambda line: line.nature == "cash")
        in_kind = lines.filtered(lambda line: line.nature in ("goods", "service"))
        staff = lines.filtered(lambda line: line.nature == "staff")
        for title, group in (
            ("Dons en numéraire", cash),
            ("Dons en nature", in_kind),
            ("Mise à disposition de personnel (mécénat de compétences)", staff),
        ):
            total = sum(group.mapped("amount"))
            sheet.text(title, font=BOLD)
            if not group:
                sheet.text("Néant.", size=8.5)
                continue
            sheet.field(
                "Montant", f"{framed_amount(total)} euros — {amount_in_words(total)}", size=8.5
            )
            if group is cash:
                sheet.field(
                    "Date du versement ou période", self._date_text(receipt, group), size=8.5
                )
            else:
                self._in_kind_details(sheet, group)
        sheet.space(2)
        sheet.field(
            "Montant total des dons",
            f"{framed_amount(receipt.amount)} euros — {amount_in_words(receipt.amount)}",
        )
        sheet.field("Date du versement ou du don", self._date_text(receipt, lines))
        if len(lines) > 1 or receipt.type == "annual":
            self._split_table(sheet, lines)

    # -- boxes, certification, signature ----------------------------------------------------
    def _certification(self, sheet, natures, cash_boxes, company_form):
        sheet.section("Certification")
        if company_form:
            sheet.text(
                "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il "
                "reçoit ouvrent droit à la réduction d'impôt prévue à l'article 238 bis du "
                "code général des impôts."
            )
        else:
            sheet.text(
                "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il "
                "reçoit ouvrent droit à la réduction d'impôt prévue à l'article (cocher la "
                "case concernée) :"
            )
            sheet.checkboxes("", [("200 du CGI", True), ("978 du CGI", False)])
        manual = natures & {"cash", "goods", "service", "staff"}
        sheet.checkboxes(
            "Forme du don",
            [
                ("Acte authentique", False),
                ("Acte sous seing privé", False),
                ("Déclaration de don manuel", bool(manual)),
                ("Autres", "expense_waiver" in natures),
            ],
        )
        sheet.checkboxes(
            "Nature du don",
            [
                ("Numéraire", "cash" in natures),
                ("Titres de sociétés cotés", False),
                ("Autres (1)", bool(natures - {"cash"})),
            ],
        )
        sheet.checkboxes(
            "En cas de don en numéraire, mode de versement du don",
            [
                (label, label in cash_boxes)
                for label in (
                    "Remise d'espèces",
                    "Chèque",
                    "Virement, prélèvement, carte bancaire",
                )
            ],
        )
        sheet.text(FOOTNOTE_OTHERS, size=7.5, font=ITALIC)

    def _signature(self, sheet, receipt, issuer):
        sheet.end_section()
        sheet.ensure(SIGNATURE_HEIGHT)
        sheet.space(16)
        canvas = sheet.canvas
        canvas.setFont(FONT, 9.5)
        canvas.drawString(
            MARGIN + 6,
            sheet.y,
            clean(f"Fait à {issuer['place']}, le {format_date(receipt.date)}"),
        )
        x = MARGIN + INNER / 2 + 20
        canvas.setFont(BOLD, 9.5)
        canvas.drawString(x, sheet.y, "Date et signature")
        if issuer["signature"]:
            sheet.image(issuer["signature"], x, sheet.y - 62, 160, 56)
        canvas.setFont(FONT, 9)
        canvas.drawString(x, sheet.y - 74, clean(issuer["signatory"]))
        sheet.space(80)


def stamp_pdf(pdf, mark, subtitle=""):
    """The PDF with ``mark`` (DUPLICATA, ANNULÉ) across each page and ``subtitle`` on top;
    the original content is kept as issued, never rendered again."""
    reader = PdfFileReader(io.BytesIO(pdf))
    overlay_buffer = io.BytesIO()
    overlay = Canvas(overlay_buffer, pagesize=(WIDTH, HEIGHT), invariant=1)
    for _page in reader.pages:
        overlay.setFillColor(Color(0.75, 0.1, 0.1, alpha=0.9))
        overlay.setFont(BOLD, 10)
        overlay.drawString(MARGIN, HEIGHT - MARGIN + 8, clean(f"{mark} — {subtitle}"))
        overlay.saveState()
        overlay.translate(WIDTH / 2, HEIGHT / 2)
        overlay.rotate(35)
        overlay.setFillColor(Color(0.75, 0.1, 0.1, alpha=0.25))
        overlay.setFont(BOLD, 90)
        overlay.drawCentredString(0, 0, clean(mark))
        overlay.restoreState()
        overlay.showPage()
    overlay.save()
    marks = PdfFileReader(overlay_buffer)
    writer = PdfFileWriter()
    for page, mark_page in zip(reader.pages, marks.pages, strict=True):
        page.merge_page(mark_page)
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
