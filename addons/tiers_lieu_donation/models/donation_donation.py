from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_amount, format_date

from ..access import check_treasurer
from .product_template import IN_KIND_NATURES

# The donation as a whole. Cash and in-kind lines may share a donation (Cerfa 11580*05 and
# 2041-MEC-SD state each nature with its own amount, as OCA's donation allows); an expense
# waiver or a subsidy stands alone (its own accounting; a subsidy is no gift at all).
NATURE_GROUPS = [
    ("cash", "In Cash"),
    ("in_kind", "In Kind"),
    ("mixed", "In Cash and In Kind"),
    ("expense_waiver", "Volunteer Expense Waiver"),
    ("subsidy", "Public Subsidy"),
]
LINE_NATURE_GROUP = {
    "cash": "cash",
    "goods": "in_kind",
    "service": "in_kind",
    "staff": "in_kind",
    "expense_waiver": "expense_waiver",
    "subsidy": "subsidy",
}


def nature_group(line_natures):
    """The donation's nature group from its lines' natures, False when they cannot mix."""
    groups = {LINE_NATURE_GROUP[n] for n in line_natures if n}
    if groups == {"cash", "in_kind"}:
        return "mixed"
    return groups.pop() if len(groups) == 1 else False


SUBSIDY_FUNDERS = [
    ("state", "State"),
    ("region", "Region"),
    ("department", "Département"),
    ("municipality", "Municipality"),
    ("intercommunality", "Intercommunality"),
    ("europe", "European Union"),
    ("other", "Other public body"),
]
# A validated donation is in the accounts and maybe on a receipt: these stay as validated.
LOCKED_WHEN_DONE = {
    "partner_id",
    "donation_date",
    "line_ids",
    "currency_id",
    "company_id",
    "payment_method_line_id",
    "check_total",
    "counterpart_value",
    "cheque_number",
    "cheque_bank",
    "cheque_credit_date",
    "is_anonymous",
    "pool_line_id",
}


class DonationDonation(models.Model):
    _inherit = "donation.donation"

    # OCA's default number: its "New" has no French translation, ours does (issue 12).
    number = fields.Char(default=lambda self: self.env._("New"))
    donation_date = fields.Date(
        string="Payment Date",
        default=fields.Date.context_today,
        help="Date of the gift as receipts print it: a cheque's is the day it was handed "
        "over or its letter received; a transfer's, direct debit's or card payment's is "
        "the day the account was credited; a gift in kind's is the day it was delivered.",
    )
    donor_kind = fields.Selection(
        [("individual", "Individual"), ("company", "Company")],
        compute="_compute_donor_kind",
        store=True,
        help="A company gets a 2041-MEC-SD receipt (art. 238 bis CGI), an individual a "
        "Cerfa 11580 receipt (art. 200 CGI).",
    )
    nature = fields.Selection(
        NATURE_GROUPS,
        compute="_compute_nature",
        store=True,
        index=True,
    )
    payment_mode = fields.Selection(
        related="payment_method_line_id.donation_payment_mode",
        store=True,
    )
    cheque_number = fields.Char(tracking=True)
    cheque_bank = fields.Char(tracking=True, help="Bank the cheque is drawn on.")
    cheque_credit_date = fields.Date(
        string="Cheque Credited On",
        tracking=True,
        help="Day the bank credited the cheque: the date of its accounting entry. The "
        "receipt states the day the donor handed it over (the payment date, BOI-IR-RICI-"
        "250-20).",
    )
    counterpart_value = fields.Monetary(
        currency_field="currency_id",
        tracking=True,
        help="Value of what the donor gets in return (goods, tickets, visibility…). For an "
        "individual, counterparts of low value (at most 25 % of the gift and 65 € a year, "
        "BOFiP BOI-IR-RICI-250-10-10) leave the whole gift receipted; above, only the gift "
        "minus the counterparts is receipted.",
    )
    counterpart_description = fields.Char()
    counterpart_warning = fields.Char(compute="_compute_counterpart_warning")
    donor_identity_warning = fields.Char(compute="_compute_donor_identity_warning")
    subsidy_funder = fields.Selection(SUBSIDY_FUNDERS, string="Funder Level")
    subsidy_reference = fields.Char(help="Reference of the grant decision or agreement.")
    subsidy_decision_date = fields.Date()
    pool_line_id = fields.Many2one(
        "tiers_lieu.donation.pool.line",
        string="Crowdfunding Line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    is_anonymous = fields.Boolean(
        readonly=True,
        copy=False,
        help="Collected without the donor's identity: never receipted.",
    )
    in_kind_move_id = fields.Many2one(
        "account.move",
        string="Waiver or In-Kind Entry",
        readonly=True,
        copy=False,
        check_company=True,
    )

    @api.depends("partner_id")
    def _compute_donor_kind(self):
        for donation in self:
            partner = donation.partner_id.commercial_partner_id
            donation.donor_kind = partner and ("company" if partner.is_company else "individual")

    @api.depends("line_ids.nature")
    def _compute_nature(self):
        for donation in self:
            donation.nature = nature_group(donation.line_ids.mapped("nature"))

    @api.depends("partner_id", "line_ids.product_id", "is_anonymous")
    def _compute_tax_receipt_option(self):
        res = super()._compute_tax_receipt_option()
        for donation in self:
            natures = donation.line_ids.product_id.mapped("donation_nature")
            if donation.is_anonymous or "subsidy" in natures:
                donation.tax_receipt_option = "none"
        return res

    @api.depends(
        "counterpart_value", "amount_total", "donor_kind", "donation_date", "tax_receipt_option"
    )
    def _compute_counterpart_warning(self):
        for donation in self:
            donation.counterpart_warning = donation._tl_counterpart_problem()

    @api.depends(
        "tax_receipt_option",
        "tax_receipt_id",
        "partner_id.street",
        "partner_id.zip",
        "partner_id.city",
        "partner_id.siren",
        "partner_id.legal_form",
    )
    def _compute_donor_identity_warning(self):
        """Annual receipts are issued later: say now what the donor lacks for one."""
        for donation in self:
            partner = donation.commercial_partner_id
            missing = (
                donation.tax_receipt_option == "annual"
                and not donation.tax_receipt_id
                and partner
                and partner._tl_missing_receipt_identity(
                    "company" if partner.is_company else "individual"
                )
            )
            donation.donor_identity_warning = missing and self.env._(
                "%(donor)s lacks what the annual tax receipt must state: %(missing)s. "
                "Complete the donor before the annual receipts are issued.",
                donor=partner.display_name,
                missing=", ".join(missing),
            )

    @api.constrains("donation_date")
    def _check_donation_date(self):
        today = fields.Date.context_today(self)
        for donation in self:
            if donation.donation_date and donation.donation_date > today:
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s: the payment date %(date)s is in the future. "
                        "Record the date the gift was actually received.",
                        donation=donation.display_name,
                        date=format_date(self.env, donation.donation_date),
                    )
                )

    @api.constrains("tax_receipt_option", "is_anonymous", "line_ids")
    def _check_tax_receipt_option(self):
        for donation in self.filtered(lambda d: d.tax_receipt_option in ("each", "annual")):
            if donation.nature == "subsidy":
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s is a public subsidy: subsidies are not gifts "
                        "and never get a tax receipt. Set its tax receipt option to None.",
                        donation=donation.display_name,
                    )
                )
            if donation.is_anonymous:
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s was collected without the donor's identity: "
                        "no tax receipt can be issued for it.",
                        donation=donation.display_name,
                    )
                )

    @api.constrains("cheque_credit_date", "donation_date")
    def _check_cheque_credit_date(self):
        for donation in self.filtered("cheque_credit_date"):
            if donation.donation_date and donation.cheque_credit_date < donation.donation_date:
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s: a cheque is credited on or after the day it "
                        "was handed over.",
                        donation=donation.display_name,
                    )
                )

    def _prepare_donation_move(self):
        vals = super()._prepare_donation_move()
        # A cheque: handed over on the payment date (receipt), entered at its credit date.
        if self.payment_mode == "cheque" and self.cheque_credit_date:
            vals["date"] = self.cheque_credit_date
        return vals

    @api.constrains("counterpart_value")
    def _check_counterpart_value(self):
        for donation in self:
            if donation.currency_id.compare_amounts(donation.counterpart_value, 0) < 0:
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s: the value of the counterparts cannot be "
                        "negative.",
                        donation=donation.display_name,
                    )
                )

    def write(self, vals):
        locked = LOCKED_WHEN_DONE & set(vals)
        if locked and any(donation.state == "done" for donation in self):
            raise UserError(
                self.env._(
                    "Validated donations cannot be changed (%(fields)s): their entries are "
                    "posted and their receipts issued. Cancel the donation first.",
                    fields=", ".join(sorted(locked)),
                )
            )
        if "tax_receipt_id" in vals:
            for donation in self:
                receipt = donation.tax_receipt_id
                if receipt.state == "issued" and receipt.id != vals["tax_receipt_id"]:
                    raise UserError(
                        self.env._(
                            "Donation %(donation)s is on the issued receipt %(receipt)s: "
                            "cancel the receipt to take the donation off it.",
                            donation=donation.display_name,
                            receipt=receipt.number,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_receipted(self):
        stated = (
            self.env["tiers_lieu.donation.receipt.line"]
            .sudo()
            .search([("donation_id", "in", self.ids)], limit=1)
        )
        if stated:
            raise UserError(
                self.env._(
                    "Donation %(donation)s is stated on the tax receipt %(receipt)s, kept 6 "
                    "years: it cannot be deleted.",
                    donation=stated.donation_id.display_name,
                    receipt=stated.receipt_id.number,
                )
            )

    def _message_compute_author(self, author_id=None, email_from=None, raise_on_email=True):
        # The chatter of a donation is an internal log (validation notes, warnings): a
        # Treasurer without an e-mail address still validates (issue 13).
        return super()._message_compute_author(author_id, email_from, raise_on_email=False)

    def validate(self):
        check_treasurer(self.env, self.env._("Only Treasurers may validate donations."))
        implausible = self._tl_plausibility_problems()
        if implausible and not self.env.context.get("tl_plausibility_confirmed"):
            # Asks, does not refuse: the Treasurer confirms and validates (issue 13).
            wizard = self.env["tiers_lieu.donation.plausibility"].create(
                {"donation_ids": [Command.set(self.ids)], "message": "\n".join(implausible)}
            )
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Confirm the Amounts"),
                "res_model": wizard._name,
                "res_id": wizard.id,
                "view_mode": "form",
                "target": "new",
            }
        for donation in self:
            donation._tl_check_before_validation()
        res = super(DonationDonation, self.with_context(tl_defer_receipt=True)).validate()
        self._tl_post_non_cash_entries()
        self.line_ids.filtered(lambda line: line.nature == "goods")._tl_receive_in_kind_goods()
        for donation in self:
            for warning in (donation.counterpart_warning, donation.donor_identity_warning):
                if warning:
                    donation.message_post(body=warning)
        self._tl_issue_each_receipts()
        return res

    def done2cancel(self):
        check_treasurer(self.env, self.env._("Only Treasurers may cancel donations."))
        moves = self.in_kind_move_id
        res = super().done2cancel()
        if moves:
            moves.button_cancel()
        return res

    def cancel2draft(self):
        check_treasurer(self.env, self.env._("Only Treasurers may reset donations to draft."))
        self.filtered("in_kind_move_id").write({"in_kind_move_id": False})
        return super().cancel2draft()

    def generate_each_tax_receipt(self):
        # validate() issues the receipts once the donations are done, see _tl_issue_each_receipts
        if self.env.context.get("tl_defer_receipt"):
            return False
        return super().generate_each_tax_receipt()

    def _prepare_each_tax_receipt(self):
        vals = super()._prepare_each_tax_receipt()
        vals["donation_ids"] = [Command.set(self.ids)]
        return vals

    def action_tl_issue_receipt(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Issue Tax Receipts"),
            "res_model": "tiers_lieu.donation.receipt.issue",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def _tl_issue_each_receipts(self):
        """Receipts of the validated donations receipted one by one. In a batch (a
        crowdfunding pool) donors whose identity is incomplete are left to receipt later;
        otherwise their missing data is an error."""
        receipts = self.env["donation.tax.receipt"]
        skip_incomplete = self.env.context.get("tl_skip_incomplete_donors")
        for donation in self.filtered(
            lambda d: d.state == "done" and d.tax_receipt_option == "each" and not d.tax_receipt_id
        ):
            partner = donation.commercial_partner_id
            form = "company" if partner.is_company else "individual"
            if skip_incomplete and partner._tl_missing_receipt_identity(form):
                continue
            receipts |= donation.generate_each_tax_receipt() or receipts
        return receipts

    def _tl_plausibility_problems(self):
        """Amounts worth a second look before validating: a receipt for less than 1 €, a
        single gift above the threshold of the dated parameters."""
        problems = []
        Parameter = self.env["tiers_lieu.donation.parameter"]
        for donation in self:
            currency = donation.company_currency_id
            date = donation.donation_date or fields.Date.context_today(self)
            threshold = Parameter._get_value("plausibility_threshold", date)
            receipted = donation.tax_receipt_option in ("each", "annual")
            amount = donation.tax_receipt_total
            if receipted and 0 < amount and currency.compare_amounts(amount, 1.0) < 0:
                problems.append(
                    self.env._(
                        "%(donation)s: a tax receipt of %(amount)s, less than 1 €.",
                        donation=donation.display_name,
                        amount=format_amount(self.env, amount, currency),
                    )
                )
            total = donation.amount_total_company_currency
            if threshold and currency.compare_amounts(total, threshold) > 0:
                problems.append(
                    self.env._(
                        "%(donation)s: a single gift of %(amount)s, above %(threshold)s.",
                        donation=donation.display_name,
                        amount=format_amount(self.env, total, currency),
                        threshold=format_amount(self.env, threshold, currency),
                    )
                )
        return problems

    def _tl_check_before_validation(self):
        self.ensure_one()
        if self.line_ids and not self.nature:
            raise ValidationError(
                self.env._(
                    "Donation %(donation)s mixes gifts that cannot share a donation: an "
                    "expense waiver or a public subsidy is recorded as its own donation.",
                    donation=self.display_name,
                )
            )
        receipted = self.tax_receipt_option in ("each", "annual")
        # The receipt states how cash was paid (Cerfa 11580*05 "mode de versement"): only a
        # receipted gift needs it.
        if self.nature in ("cash", "mixed") and receipted and not self.payment_mode:
            raise ValidationError(
                self.env._(
                    "Donation %(donation)s: choose a donation payment method telling how the "
                    "donor paid (cash, cheque, transfer, card, direct debit): the receipt "
                    "states it.",
                    donation=self.display_name,
                )
            )
        if self.nature in ("cash", "mixed") and self.payment_mode == "cheque":
            if not (self.cheque_number and self.cheque_bank):
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s is paid by cheque: give the cheque number "
                        "and the bank it is drawn on.",
                        donation=self.display_name,
                    )
                )
        if (
            receipted
            and self.donor_kind == "individual"
            and "service" in self.line_ids.mapped("nature")
        ):
            # Bénévolat gives no tax reduction: only the expenses a volunteer waives do
            # (BOFiP BOI-IR-RICI-250-10-20-10).
            raise ValidationError(
                self.env._(
                    "Donation %(donation)s: the time an individual gives is volunteering, not "
                    "a gift, and gives no tax receipt (BOFiP BOI-IR-RICI-250-10-20-10). Set "
                    "the tax receipt option to None to record it as a contribution volontaire "
                    "en nature (accounts 86/87), or record the expenses the volunteer waives "
                    "as an expense waiver.",
                    donation=self.display_name,
                )
            )
        if self.nature == "expense_waiver" and self.donor_kind == "company":
            raise ValidationError(
                self.env._(
                    "Donation %(donation)s: only volunteers (individuals) can waive the "
                    "reimbursement of their expenses.",
                    donation=self.display_name,
                )
            )
        for line in self.line_ids:
            line._tl_check_valuation(receipted)

    def _tl_counterpart_problem(self):
        """Why the counterparts break the rules, or False.

        Individuals: at most a share of the gift and a yearly ceiling (dated parameters);
        a receipt cannot be issued beyond them. Companies: above a share of the gift the
        counterparts may be judged disproportionate, which only warrants a warning.
        """
        self.ensure_one()
        currency = self.currency_id
        if not self.counterpart_value or currency.compare_amounts(self.counterpart_value, 0) <= 0:
            return False
        date = self.donation_date or fields.Date.context_today(self)
        Parameter = self.env["tiers_lieu.donation.parameter"]
        if self.donor_kind == "company":
            ratio = Parameter._get_value("company_counterpart_ratio", date)
            if currency.compare_amounts(self.counterpart_value, ratio * self.amount_total) > 0:
                return self.env._(
                    "Counterparts of %(value)s exceed %(ratio)s %% of the gift (%(amount)s): "
                    "the tax office may judge them disproportionate and refuse the reduction.",
                    value=format_amount(self.env, self.counterpart_value, currency),
                    ratio=round(ratio * 100),
                    amount=format_amount(self.env, self.amount_total, currency),
                )
            return False
        if self.tax_receipt_option == "none":
            return False
        ratio = Parameter._get_value("individual_counterpart_ratio", date)
        ceiling = Parameter._get_value("individual_counterpart_ceiling", date)
        year_domain = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
            ("state", "=", "done"),
            ("donation_date", ">=", date.replace(month=1, day=1)),
            ("donation_date", "<=", date.replace(month=12, day=31)),
            ("id", "not in", self.ids),
        ]
        [[earlier]] = self._read_group(year_domain, aggregates=["counterpart_value:sum"])
        year_total = (earlier or 0.0) + self.counterpart_value
        if (
            currency.compare_amounts(self.counterpart_value, ratio * self.amount_total) > 0
            or currency.compare_amounts(year_total, ceiling) > 0
        ):
            return self.env._(
                "Donation %(donation)s: counterparts of %(value)s (%(year_total)s this year) "
                "are not of low value for an individual (at most %(ratio)s %% of the gift "
                "and %(ceiling)s a year, BOFiP BOI-IR-RICI-250-10-10): only the gift minus "
                "the counterparts is receipted.",
                donation=self.display_name,
                value=format_amount(self.env, self.counterpart_value, currency),
                year_total=format_amount(self.env, year_total, currency),
                ratio=round(ratio * 100),
                ceiling=format_amount(self.env, ceiling, self.company_currency_id),
            )
        return False

    def _tl_post_non_cash_entries(self):
        """Entries OCA does not make: expense waivers (expense against 75412) and, when the
        company records them, contributions in kind in classes 86/87 (off-balance)."""
        todo = [(d, d._tl_prepare_non_cash_move()) for d in self if not d.in_kind_move_id]
        todo = [(donation, vals) for donation, vals in todo if vals]
        if not todo:
            return self.env["account.move"]
        moves = self.env["account.move"].create([vals for _donation, vals in todo])
        moves._post(soft=False)
        for (donation, _vals), move in zip(todo, moves, strict=True):
            donation.in_kind_move_id = move
        return moves

    def _tl_prepare_non_cash_move(self):
        self.ensure_one()
        company = self.company_id
        if self.nature == "expense_waiver":
            pairs = [
                (line, line._tl_expense_account(), company.donation_expense_waiver_account_id)
                for line in self.line_ids
            ]
        elif self.nature in ("in_kind", "mixed") and company.donation_in_kind_accounting == "cvn":
            pairs = [(line, *line._tl_cvn_accounts()) for line in self._tl_in_kind_lines()]
        else:
            return False
        journal = company.donation_misc_journal_id
        missing = not journal or any(not debit or not credit for _line, debit, credit in pairs)
        if missing:
            raise UserError(
                self.env._(
                    "The accounts or the journal of %(nature)s gifts are not set for "
                    "%(company)s: see Tiers-Lieu > Configuration > Donation Accounting.",
                    nature=dict(NATURE_GROUPS)[self.nature],
                    company=company.display_name,
                )
            )
        line_vals = []
        for line, debit, credit in pairs:
            amount = line.amount_company_currency
            label = f"{self.number} - {line.product_id.display_name}"
            partner = self.commercial_partner_id.id
            line_vals += [
                Command.create(
                    {"account_id": debit.id, "debit": amount, "name": label, "partner_id": partner}
                ),
                Command.create(
                    {
                        "account_id": credit.id,
                        "credit": amount,
                        "name": label,
                        "partner_id": partner,
                    }
                ),
            ]
        return {
            "move_type": "entry",
            "company_id": company.id,
            "journal_id": journal.id,
            "date": self.donation_date,
            "ref": self.number,
            "line_ids": line_vals,
        }

    def _tl_in_kind_lines(self):
        return self.line_ids.filtered(lambda line: line.nature in IN_KIND_NATURES)

    def _tl_check_lines_open(self):
        if any(donation.state == "done" for donation in self):
            raise UserError(
                self.env._(
                    "The lines of a validated donation cannot be changed: cancel the "
                    "donation first."
                )
            )

    def _tl_check_receiptable(self, partner, company):
        """Refuse, with the reason, donations a receipt to ``partner`` cannot state."""
        for donation in self:
            name = donation.display_name
            if donation.nature == "subsidy":
                raise UserError(
                    self.env._(
                        "Donation %(donation)s is a public subsidy: subsidies are not gifts "
                        "and never get a tax receipt.",
                        donation=name,
                    )
                )
            if donation.is_anonymous:
                raise UserError(
                    self.env._(
                        "Donation %(donation)s comes from a crowdfunding line without the "
                        "donor's identity: no tax receipt can be issued for it.",
                        donation=name,
                    )
                )
            if donation.state != "done":
                raise UserError(
                    self.env._(
                        "Donation %(donation)s is not validated: only validated donations "
                        "are receipted.",
                        donation=name,
                    )
                )
            if donation.company_id != company or donation.commercial_partner_id != partner:
                raise UserError(
                    self.env._(
                        "Donation %(donation)s is from %(donor)s: a receipt covers the "
                        "donations of one donor to one company.",
                        donation=name,
                        donor=donation.commercial_partner_id.display_name,
                    )
                )
            if donation.tax_receipt_id.state == "issued":
                raise UserError(
                    self.env._(
                        "Donation %(donation)s is already on the receipt %(receipt)s.",
                        donation=name,
                        receipt=donation.tax_receipt_id.number,
                    )
                )
            if donation.company_currency_id.compare_amounts(donation.tax_receipt_total, 0) <= 0:
                raise UserError(
                    self.env._(
                        "Donation %(donation)s has no amount eligible for a tax receipt.",
                        donation=name,
                    )
                )
        if len({d.donation_date.year for d in self}) > 1:
            raise UserError(
                self.env._(
                    "A receipt covers gifts received in one calendar year: issue one receipt "
                    "per year."
                )
            )
        if company.currency_id.name != "EUR":
            raise UserError(
                self.env._(
                    "%(company)s does not keep its accounts in euros: French tax receipts "
                    "state amounts in euros.",
                    company=company.display_name,
                )
            )

    def _tl_receipted_counterpart(self):
        """Counterparts to deduct from the receipted amount: none when they are of low value
        (BOI-IR-RICI-250-10-10: an individual's within 25 % of the gift and the yearly
        ceiling, dated parameters), else all of them. A company's are only warned about."""
        self.ensure_one()
        if self.donor_kind != "individual" or not self._tl_counterpart_problem():
            return 0.0
        return self.counterpart_value

    def _tl_receipt_line_vals(self):
        """What a receipt states about each eligible line of these donations, net of the
        counterparts that are not of low value."""
        vals_list = self._tl_gross_receipt_line_vals()
        for donation in self:
            deduct = donation._tl_receipted_counterpart()
            for vals in vals_list:
                if deduct <= 0:
                    break
                if vals["donation_id"] == donation.id:
                    taken = min(deduct, vals["amount"])
                    vals["amount"] -= taken
                    deduct -= taken
        return [vals for vals in vals_list if vals["amount"] > 0]

    def _tl_gross_receipt_line_vals(self):
        return [
            {
                "donation_id": donation.id,
                "donation_number": donation.number,
                "date": donation.donation_date,
                "nature": line.nature or "cash",
                "payment_mode": donation.payment_mode if line.nature == "cash" else False,
                "amount": line.tax_receipt_amount,
                "description": line.in_kind_description or False,
                "quantity": line.quantity,
                "valuation_basis": line.valuation_basis or False,
                "staff_count": line.staff_count,
                "staff_hours": line.staff_hours,
            }
            for donation in self.sorted(lambda d: (d.donation_date, d.id))
            for line in donation.line_ids
            if line.tax_receipt_ok
        ]
