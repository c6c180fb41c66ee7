import base64

from odoo import api, fields, models

from odoo.addons.tiers_lieu.csv_export import write_rows

from ..access import check_treasurer
from ..french import format_amount
from ..pdf.declaration import render_declaration

FORM_LABELS = {
    "individual": "Particuliers (art. 200 et 978 CGI, Cerfa 11580)",
    "company": "Entreprises (art. 238 bis CGI, 2041-MEC-SD)",
}


class DonationDeclaration(models.TransientModel):
    """The figures of the yearly declaration of art. 222 bis CGI: total of the gifts stated
    on the receipts issued for a year and number of these receipts (cancelled receipts
    excluded), with the split the forms and the treasurer need, and the donor summary."""

    _name = "tiers_lieu.donation.declaration"
    _description = "Yearly Declaration of Receipted Gifts (art. 222 bis CGI)"

    @api.model
    def _default_year(self):
        return fields.Date.context_today(self).year - 1

    year = fields.Integer(required=True, default=_default_year)
    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    computed = fields.Boolean(readonly=True)
    amount_total = fields.Monetary(string="Total of Receipted Gifts", readonly=True)
    receipt_count = fields.Integer(string="Receipts Issued", readonly=True)
    individual_amount = fields.Monetary(string="Individuals: Amount", readonly=True)
    individual_count = fields.Integer(string="Individuals: Receipts", readonly=True)
    company_amount = fields.Monetary(string="Companies: Amount", readonly=True)
    company_count = fields.Integer(string="Companies: Receipts", readonly=True)
    cash_amount = fields.Monetary(string="Gifts in Cash", readonly=True)
    in_kind_amount = fields.Monetary(string="Gifts in Kind", readonly=True)
    expense_waiver_amount = fields.Monetary(string="Expense Waivers", readonly=True)
    cancelled_count = fields.Integer(string="Cancelled Receipts (excluded)", readonly=True)
    pdf_file = fields.Binary(string="Declaration (PDF)", readonly=True)
    pdf_filename = fields.Char()
    csv_file = fields.Binary(string="Declaration (CSV)", readonly=True)
    csv_filename = fields.Char()
    donors_file = fields.Binary(string="Donor Summary (CSV)", readonly=True)
    donors_filename = fields.Char()

    def _receipt_domain(self, state="issued"):
        return [
            ("company_id", "=", self.company_id.id),
            ("fiscal_year", "=", self.year),
            ("state", "=", state),
        ]

    def _figures(self):
        """{receipt form: (amount, count, cash, in kind, waivers)} for the year."""
        groups = self.env["donation.tax.receipt"]._read_group(
            self._receipt_domain(),
            groupby=["receipt_form"],
            aggregates=[
                "amount:sum",
                "__count",
                "amount_cash:sum",
                "amount_in_kind:sum",
                "amount_expense_waiver:sum",
            ],
        )
        return {form: tuple(values) for form, *values in groups}

    def action_compute(self):
        self.ensure_one()
        check_treasurer(self.env, self.env._("Only Treasurers may prepare the declaration."))
        figures = self._figures()
        empty = (0.0, 0, 0.0, 0.0, 0.0)
        individual = figures.get("individual", empty)
        company = figures.get("company", empty)
        cancelled = self.env["donation.tax.receipt"].search_count(self._receipt_domain("cancelled"))
        self.write(
            {
                "computed": True,
                "individual_amount": individual[0],
                "individual_count": individual[1],
                "company_amount": company[0],
                "company_count": company[1],
                "amount_total": individual[0] + company[0],
                "receipt_count": individual[1] + company[1],
                "cash_amount": individual[2] + company[2],
                "in_kind_amount": individual[3] + company[3],
                "expense_waiver_amount": individual[4] + company[4],
                "cancelled_count": cancelled,
            }
        )
        rows = self._declaration_rows()
        stem = f"declaration_dons_222bis_{self.year}"
        self.write(
            {
                "pdf_file": base64.b64encode(
                    self.env["ir.actions.report"]._render_qweb_pdf(
                        "tiers_lieu_donation.action_report_declaration", self.ids
                    )[0]
                ),
                "pdf_filename": f"{stem}.pdf",
                "csv_file": base64.b64encode(self._csv(["Rubrique", "Valeur"], rows)),
                "csv_filename": f"{stem}.csv",
                "donors_file": base64.b64encode(self._donor_summary()),
                "donors_filename": f"recapitulatif_donateurs_{self.year}.csv",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _render_declaration_pdf(self, data=None):
        """Renderer of the report action_report_declaration."""
        check_treasurer(self.env, self.env._("Only Treasurers may prepare the declaration."))
        today = fields.Date.context_today(self)
        return {
            wizard.id: render_declaration(
                wizard.company_id,
                wizard.year,
                wizard._declaration_rows(),
                wizard.cancelled_count,
                today,
            )
            for wizard in self
        }

    def _declaration_rows(self):
        """(label, value) rows of the declaration, in French as filed."""
        return [
            ("Année des dons", str(self.year)),
            (
                "Montant global des dons mentionnés sur les reçus délivrés (€)",
                format_amount(self.amount_total),
            ),
            ("Nombre de reçus délivrés", str(self.receipt_count)),
            (f"{FORM_LABELS['individual']} : montant (€)", format_amount(self.individual_amount)),
            (f"{FORM_LABELS['individual']} : nombre de reçus", str(self.individual_count)),
            (f"{FORM_LABELS['company']} : montant (€)", format_amount(self.company_amount)),
            (f"{FORM_LABELS['company']} : nombre de reçus", str(self.company_count)),
            ("Dont dons en numéraire (€)", format_amount(self.cash_amount)),
            ("Dont dons en nature (€)", format_amount(self.in_kind_amount)),
            ("Dont abandons de frais des bénévoles (€)", format_amount(self.expense_waiver_amount)),
        ]

    def _donor_summary(self):
        groups = self.env["donation.tax.receipt"]._read_group(
            self._receipt_domain(),
            groupby=["partner_id", "receipt_form"],
            aggregates=[
                "number:array_agg",
                "amount:sum",
                "amount_cash:sum",
                "amount_in_kind:sum",
                "amount_expense_waiver:sum",
            ],
            order="partner_id",
        )
        rows = [
            (
                partner.display_name,
                "Entreprise" if form == "company" else "Particulier",
                partner.email or "",
                str(len(numbers)),
                " ".join(sorted(numbers)),
                format_amount(total),
                format_amount(cash),
                format_amount(in_kind),
                format_amount(waivers),
            )
            for partner, form, numbers, total, cash, in_kind, waivers in groups
        ]
        header = [
            "Donateur",
            "Type",
            "E-mail",
            "Nombre de reçus",
            "Numéros des reçus",
            "Montant total (€)",
            "Numéraire (€)",
            "Nature (€)",
            "Abandons de frais (€)",
        ]
        return self._csv(header, rows)

    @api.model
    def _csv(self, header, rows):
        # Cells neutralised against formula injection (a donor named "=HYPERLINK(…)");
        # with a byte order mark, spreadsheets open it as UTF-8.
        return write_rows(rows, header=header).encode("utf-8-sig")
