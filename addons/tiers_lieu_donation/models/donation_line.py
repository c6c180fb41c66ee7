from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .donation_donation import nature_group

# How the donor valued a gift in kind (the donor values it, never at market price).
VALUATION_BASES = [
    ("stock_value", "Stock value in the donor's books"),
    ("cost_price", "Cost price (goods the donor produced)"),
    ("net_book_value", "Net book value (fixed asset)"),
    ("purchase_price", "Purchase price on invoice (individual donor)"),
    ("service_cost", "Cost price of the service"),
    ("salary_cost", "Salary cost with social charges"),
]
BASES_BY_NATURE = {
    "goods": {"stock_value", "cost_price", "net_book_value", "purchase_price"},
    "service": {"service_cost"},
    "staff": {"salary_cost"},
}


class DonationLine(models.Model):
    _inherit = "donation.line"

    nature = fields.Selection(related="product_id.donation_nature", store=True)
    in_kind_description = fields.Text(
        string="Description",
        help="Exhaustive description printed on the receipt: what was given, quantities and "
        "state; for staff made available, their roles and the period; for an expense "
        "waiver, the expenses (e.g. 420 km by car on 12 March).",
    )
    valuation_basis = fields.Selection(
        VALUATION_BASES,
        help="How the donor valued the gift in kind: stock value, cost price or net book "
        "value for goods, cost price for services, salary cost for staff.",
    )
    staff_count = fields.Integer(string="Employees", help="Employees made available.")
    staff_hours = fields.Float(string="Hours", help="Hours worked for the association.")

    @api.constrains("quantity", "unit_price")
    def _check_amount_positive(self):
        for line in self:
            if line.quantity <= 0 or line.currency_id.compare_amounts(line.unit_price, 0) <= 0:
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s, line %(product)s: the quantity and the unit "
                        "value must be greater than zero.",
                        donation=line.donation_id.display_name,
                        product=line.product_id.display_name,
                    )
                )

    @api.constrains("product_id", "donation_id")
    def _check_single_nature(self):
        for donation in self.donation_id:
            if donation.line_ids and not nature_group(donation.line_ids.mapped("nature")):
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s mixes gifts that cannot share a donation: an "
                        "expense waiver or a public subsidy is recorded as its own donation.",
                        donation=donation.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        donation_ids = {vals.get("donation_id") for vals in vals_list}
        self.env["donation.donation"].browse(donation_ids - {None, False})._tl_check_lines_open()
        return super().create(vals_list)

    def write(self, vals):
        self.donation_id._tl_check_lines_open()
        return super().write(vals)

    def unlink(self):
        self.donation_id._tl_check_lines_open()
        return super().unlink()

    def _get_account(self):
        self.ensure_one()
        company = self.donation_id.company_id
        if self.nature == "subsidy":
            account = company.donation_subsidy_account_id
        elif self.nature == "cash" and self.donation_id.donor_kind == "company":
            account = company.donation_sponsorship_account_id
        elif self.nature == "cash":
            account = company.donation_individual_account_id
        else:
            account = False
        return account or super()._get_account()

    def _tl_check_valuation(self, receipted=True):
        """A receipted gift in kind is validated only with the donor's valuation, its basis,
        the quantities and a description; staff made available with headcount and hours."""
        self.ensure_one()
        donation = self.donation_id
        # The receipt describes the gift and how the donor valued it (BOI-BIC-RICI-20-30-10-20,
        # 2041-MEC-SD): a gift without receipt needs neither.
        if self.nature in BASES_BY_NATURE and receipted:
            if not (self.valuation_basis and self.in_kind_description):
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s, line %(product)s: a gift in kind needs the "
                        "donor's valuation basis and a description with the quantities "
                        "before validation.",
                        donation=donation.display_name,
                        product=self.product_id.display_name,
                    )
                )
            if self.valuation_basis not in BASES_BY_NATURE[self.nature]:
                bases = dict(self._fields["valuation_basis"]._description_selection(self.env))
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s, line %(product)s: “%(basis)s” is not a "
                        "valuation basis for this kind of gift; use one of: %(allowed)s.",
                        donation=donation.display_name,
                        product=self.product_id.display_name,
                        basis=bases[self.valuation_basis],
                        allowed=", ".join(bases[b] for b in sorted(BASES_BY_NATURE[self.nature])),
                    )
                )
        if self.nature == "staff":
            if donation.donor_kind != "company":
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s: only a company can make its staff available "
                        "(skills sponsorship).",
                        donation=donation.display_name,
                    )
                )
            if self.staff_count <= 0 or self.staff_hours <= 0:
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s: give the number of employees made available "
                        "and the hours they worked.",
                        donation=donation.display_name,
                    )
                )
        if self.nature == "expense_waiver" and not self.in_kind_description:
            raise ValidationError(
                self.env._(
                    "Donation %(donation)s: describe the expenses the volunteer waives "
                    "(what, when, how much) before validation.",
                    donation=donation.display_name,
                )
            )

    def _tl_expense_account(self):
        self.ensure_one()
        company = self.donation_id.company_id
        product = self.product_id.with_company(company)
        return product.property_account_expense_id or company.donation_waiver_expense_account_id

    def _tl_cvn_accounts(self):
        """(use account in class 86, contribution account in class 87) of the line."""
        self.ensure_one()
        company = self.donation_id.company_id
        if self.nature == "service" and self.donation_id.donor_kind == "individual":
            # An individual's time is volunteering: 864 personnel bénévole / 875 bénévolat
            # (ANC 2018-06), never a receipted gift (BOI-IR-RICI-250-10-20-10).
            return (
                company.donation_cvn_staff_use_account_id,
                company.donation_cvn_staff_account_id,
            )
        return {
            "goods": (
                company.donation_cvn_goods_use_account_id,
                company.donation_cvn_goods_account_id,
            ),
            "service": (
                company.donation_cvn_service_use_account_id,
                company.donation_cvn_service_account_id,
            ),
            "staff": (
                company.donation_cvn_staff_use_account_id,
                company.donation_cvn_staff_account_id,
            ),
        }[self.nature]

    def _tl_receive_in_kind_goods(self):
        """Extension point: bring the donated goods of these validated lines into stock.

        Called once by ``donation.donation.validate()``, after the entries are posted and
        in the same transaction, with the lines of nature ``goods``. The consumables addon
        overrides it to receive each line as a valued lot (quantity, unit value = the
        donor's valuation). Returns the lines received into stock: here none.
        """
        return self.browse()
