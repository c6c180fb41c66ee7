from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tiers_lieu.lang import company_lang_env

from ..access import check_treasurer

ADDRESS = ("street", "zip", "city", "country_id")


class DonationPool(models.Model):
    """Gifts collected by an online platform (HelloAsso, …) and imported from its export.

    The platform only collects: the association receipts each identified donor itself
    (BOI-IR-RICI-250-40 §10). Lines without the donor's identity are recorded as anonymous
    gifts and never receipted.
    """

    _name = "tiers_lieu.donation.pool"
    _description = "Crowdfunding Pool"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    platform = fields.Char(required=True, default="HelloAsso")
    date = fields.Date(
        string="Import Date", required=True, default=fields.Date.context_today, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    campaign_id = fields.Many2one("donation.campaign", check_company=True)
    payment_method_line_id = fields.Many2one(
        "account.payment.method.line",
        string="Payment Method",
        required=True,
        check_company=True,
        domain="[('company_id', '=', company_id), ('donation', '=', True)]",
        help="The platform owes the gifts until its payout: its account is cleared by the "
        "payout on the bank statement.",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Donation Product",
        required=True,
        domain=[("donation_nature", "=", "cash")],
        check_company=True,
    )
    receipt_option = fields.Selection(
        [("each", "For Each Donation"), ("annual", "Annual Tax Receipt")],
        string="Tax Receipts",
        required=True,
        default="each",
        help="Option given to the identified donors of this pool.",
    )
    source_filename = fields.Char(readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", readonly=True, tracking=True
    )
    line_ids = fields.One2many("tiers_lieu.donation.pool.line", "pool_id", string="Gifts")
    donation_ids = fields.One2many("donation.donation", compute="_compute_totals")
    amount_total = fields.Monetary(compute="_compute_totals")
    amount_identified = fields.Monetary(compute="_compute_totals")
    amount_anonymous = fields.Monetary(compute="_compute_totals")
    count_identified = fields.Integer(compute="_compute_totals")
    count_anonymous = fields.Integer(compute="_compute_totals")
    count_excluded = fields.Integer(compute="_compute_totals")

    @api.depends(
        "line_ids.amount", "line_ids.identified", "line_ids.excluded", "line_ids.donation_id"
    )
    def _compute_totals(self):
        for pool in self:
            kept = pool.line_ids.filtered(lambda line: not line.excluded)
            identified = kept.filtered("identified")
            anonymous = kept - identified
            pool.donation_ids = kept.donation_id
            pool.amount_total = sum(kept.mapped("amount"))
            pool.amount_identified = sum(identified.mapped("amount"))
            pool.amount_anonymous = sum(anonymous.mapped("amount"))
            pool.count_identified = len(identified)
            pool.count_anonymous = len(anonymous)
            pool.count_excluded = len(pool.line_ids) - len(kept)

    def _message_compute_author(self, author_id=None, email_from=None, raise_on_email=True):
        # An internal log: validating does not depend on the Treasurer's e-mail address.
        return super()._message_compute_author(author_id, email_from, raise_on_email=False)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(pool.state == "done" for pool in self):
            raise UserError(self.env._("A validated crowdfunding pool cannot be deleted."))

    def action_validate(self):
        """Record one donation per collected gift, validate them (receipts issued for the
        identified donors as the pool says) and close the pool."""
        check_treasurer(self.env, self.env._("Only Treasurers may validate donations."))
        for pool in self:
            if pool.state != "draft":
                raise UserError(
                    self.env._("Pool %(pool)s is already validated.", pool=pool.display_name)
                )
            lines = pool.line_ids.filtered(lambda line: not line.excluded and not line.donation_id)
            partners = lines.filtered("identified")._tl_find_or_create_donors()
            vals_list = [pool._tl_prepare_donation(line, partners.get(line)) for line in lines]
            donations = self.env["donation.donation"].create(vals_list)
            for line, donation in zip(lines, donations, strict=True):
                line.donation_id = donation
            # the pool's totals were checked on import: no confirmation gift by gift
            donations.with_context(
                tl_skip_incomplete_donors=True, tl_plausibility_confirmed=True
            ).validate()
            pool.state = "done"
            pending = donations.filtered(
                lambda d: d.tax_receipt_option == "each" and not d.tax_receipt_id
            )
            if pending:
                # Read by the whole team: in the company's language, whoever imported.
                lang_env = company_lang_env(self.env, pool.company_id)
                pool.message_post(
                    body=lang_env._(
                        "No receipt yet for %(count)s identified donor(s) whose address or "
                        "identity is incomplete: %(donors)s. Complete them, then use Issue "
                        "Tax Receipt on their donations.",
                        count=len(pending),
                        donors=", ".join(pending.partner_id.mapped("display_name")),
                    )
                )
        return True

    def action_open_donations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("donation.donation_action")
        action["domain"] = [("id", "in", self.donation_ids.ids)]
        return action

    def _tl_prepare_donation(self, line, partner):
        self.ensure_one()
        anonymous = not partner
        vals = {
            "company_id": self.company_id.id,
            "partner_id": (partner or self.company_id.donation_anonymous_partner_id).id,
            "donation_date": line.date,
            "payment_method_line_id": self.payment_method_line_id.id,
            "payment_ref": line.reference,
            "campaign_id": self.campaign_id.id,
            "pool_line_id": line.id,
            "is_anonymous": anonymous,
            "tax_receipt_option": "none" if anonymous else self.receipt_option,
            "line_ids": [
                Command.create(
                    {"product_id": self.product_id.id, "quantity": 1, "unit_price": line.amount}
                )
            ],
        }
        if not vals["partner_id"]:
            raise UserError(
                self.env._(
                    "%(company)s has no contact for anonymous donors: install a chart of "
                    "accounts for it first.",
                    company=self.company_id.display_name,
                )
            )
        return vals


class DonationPoolLine(models.Model):
    _name = "tiers_lieu.donation.pool.line"
    _description = "Crowdfunding Gift"
    _order = "pool_id, date, id"

    pool_id = fields.Many2one(
        "tiers_lieu.donation.pool", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="pool_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="pool_id.currency_id")
    reference = fields.Char(required=True, help="Order number on the platform.")
    date = fields.Date(required=True, help="Date the donor paid on the platform.")
    amount = fields.Monetary(required=True)
    payment_status = fields.Char(help="Status in the platform's export.")
    excluded = fields.Boolean(
        readonly=True,
        help="Not a gift received (refunded, refused…): kept for the record, not imported.",
    )
    anonymous = fields.Boolean(help="The donor asked to stay anonymous.")
    first_name = fields.Char()
    last_name = fields.Char()
    company_name = fields.Char()
    siren = fields.Char(string="SIREN")
    email = fields.Char()
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    country_id = fields.Many2one("res.country")
    identified = fields.Boolean(
        compute="_compute_identified",
        store=True,
        help="The donor's name is known and they did not ask to stay anonymous: the gift is "
        "recorded under their name, and receipted once their address is complete.",
    )
    donation_id = fields.Many2one("donation.donation", readonly=True, copy=False)

    _sql_constraints = [
        (
            "reference_uniq",
            "unique(company_id, reference)",
            "This platform order was already imported.",
        ),
    ]

    @api.depends("anonymous", "first_name", "last_name", "company_name")
    def _compute_identified(self):
        for line in self:
            named = line.company_name or (line.first_name and line.last_name)
            line.identified = bool(named and not line.anonymous)

    def _tl_partner_vals(self):
        self.ensure_one()
        person = " ".join(part for part in (self.first_name, self.last_name) if part)
        return {
            "name": self.company_name or person,
            "is_company": bool(self.company_name),
            "siren": self.siren or False,
            "email": self.email or False,
            "street": self.street,
            "zip": self.zip,
            "city": self.city,
            "country_id": self.country_id.id or self.env.ref("base.fr").id,
            "tax_receipt_option": self.pool_id.receipt_option,
        }

    def _tl_find_or_create_donors(self):
        """{line: partner}: the contact with the line's e-mail when there is one (its
        address completed from the line if empty), else a new contact."""
        emails = {line.email.strip().lower() for line in self if line.email}
        known = {}
        if emails:
            for partner in self.env["res.partner"].search(
                [("email_normalized", "in", list(emails)), ("parent_id", "=", False)],
                order="id",
            ):
                known.setdefault(partner.email_normalized, partner)
        result, pending = {}, {}
        for line in self:
            key = (line.email or "").strip().lower() or f"line-{line.id}"
            partner = known.get(key)
            if partner:
                if not (partner.street and partner.zip and partner.city):
                    partner.write(
                        {k: v for k, v in line._tl_partner_vals().items() if k in ADDRESS}
                    )
                result[line] = partner
            else:
                pending.setdefault(key, []).append(line)
        created = self.env["res.partner"].create(
            [lines[0]._tl_partner_vals() for lines in pending.values()]
        )
        for lines, partner in zip(pending.values(), created, strict=True):
            for line in lines:
                result[line] = partner
        return result
