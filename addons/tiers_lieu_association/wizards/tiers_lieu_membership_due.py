from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tiers_lieu_donation.access import check_treasurer


class TiersLieuMembershipDue(models.TransientModel):
    """A member's payment of their yearly due: Odoo's membership invoice on 756 for the
    due (not receiptable: it has a counterpart, the membership), paid on the bank
    journal; what is paid on top is a gift without counterpart, a donation receipted as
    any other."""

    _name = "tiers_lieu.membership.due"
    _description = "Record a Membership Due"

    partner_id = fields.Many2one("res.partner", string="Member", required=True)
    product_id = fields.Many2one(
        "product.product",
        string="Membership",
        required=True,
        domain=[("membership", "=", True)],
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(string="Payment Date", required=True, default=fields.Date.context_today)
    due_amount = fields.Monetary(compute="_compute_due_amount", string="Due")
    amount_paid = fields.Monetary(required=True)
    gift_amount = fields.Monetary(compute="_compute_due_amount", string="Gift on Top")
    payment_mode = fields.Selection(
        [
            ("transfer", "Bank transfer"),
            ("cheque", "Cheque"),
            ("card", "Card"),
            ("cash", "Cash"),
            ("direct_debit", "Direct debit"),
        ],
        required=True,
        default="transfer",
    )

    @api.depends("product_id", "amount_paid")
    def _compute_due_amount(self):
        for wizard in self:
            wizard.due_amount = wizard.product_id.list_price
            wizard.gift_amount = max(wizard.amount_paid - wizard.due_amount, 0.0)

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id and not self.amount_paid:
            self.amount_paid = self.product_id.list_price

    def _tl_check(self):
        product = self.product_id
        if product.membership_date_to and product.membership_date_to < self.date:
            raise UserError(
                self.env._(
                    "The membership %(product)s ended on %(date)s: choose the current year's.",
                    product=product.display_name,
                    date=product.membership_date_to,
                )
            )
        if not product.active or not product.sale_ok:
            raise UserError(
                self.env._(
                    "The membership %(product)s is no longer offered.",
                    product=product.display_name,
                )
            )
        if self.currency_id.compare_amounts(self.amount_paid, self.due_amount) < 0:
            raise UserError(
                self.env._(
                    "%(paid)s paid is less than the due of %(product)s (%(due)s).",
                    paid=self.amount_paid,
                    product=product.display_name,
                    due=self.due_amount,
                )
            )

    def action_record(self):
        """Invoice and pay the due, record the gift on top; returns the invoice."""
        self.ensure_one()
        check_treasurer(self.env, self.env._("Only Treasurers may record dues."))
        self._tl_check()
        company = self.company_id
        partner = self.partner_id
        invoice = partner.with_company(company).create_membership_invoice(
            self.product_id, self.due_amount
        )
        income = (
            self.product_id.with_company(company).property_account_income_id
            or company.tl_dues_account_id
        )
        invoice.write(
            {
                "invoice_date": self.date,
                "invoice_line_ids": [
                    Command.update(line.id, {"account_id": income.id, "tax_ids": [Command.clear()]})
                    for line in invoice.invoice_line_ids
                ],
            }
        )
        invoice.action_post()
        method = (
            self.env["res.company"].with_company(company)._tl_payment_method_line(self.payment_mode)
        )
        if not method:
            raise UserError(
                self.env._("%(company)s has no payment method for dues.", company=company.name)
            )
        inbound = method.journal_id.inbound_payment_method_line_ids.filtered(
            lambda line: not line.donation
        )[:1]
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(
            {
                "payment_date": self.date,
                "journal_id": method.journal_id.id,
                "payment_method_line_id": inbound.id,
            }
        )._create_payments()
        partner._tl_assign_member_number()
        if not self.currency_id.is_zero(self.gift_amount):
            donation = self.env["donation.donation"].create(
                {
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "donation_date": self.date,
                    "payment_method_line_id": method.id,
                    "payment_ref": invoice.name,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.env.ref(
                                    "tiers_lieu_donation.product_donation_cash"
                                ).id,
                                "quantity": 1,
                                "unit_price": self.gift_amount,
                            }
                        )
                    ],
                }
            )
            donation.validate()
        return invoice

    @api.model
    def _tl_record(self, partner_id, product_id, amount_paid, when, mode="transfer"):
        """Record a due in one call (demo data, scripts)."""
        return self.create(
            {
                "partner_id": partner_id,
                "product_id": product_id,
                "amount_paid": amount_paid,
                "date": when,
                "payment_mode": mode,
            }
        ).action_record()
