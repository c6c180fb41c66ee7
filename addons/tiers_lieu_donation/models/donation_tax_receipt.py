import base64
import hashlib
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu.lang import company_lang_env

from ..access import ISSUED_RECEIPT_WRITE, check_treasurer, internal
from ..numbering import draw_numbers
from ..pdf.receipt import ReceiptRenderer, stamp_pdf

RECEIPT_FORMS = [
    ("individual", "Cerfa 11580 (individuals, art. 200 CGI)"),
    ("company", "2041-MEC-SD (companies, art. 238 bis CGI)"),
]
# Fields of an issued receipt that may still change: its delivery and its chatter.
DELIVERY_FIELDS = {"print_date", "sent_date"}


class DonationTaxReceipt(models.Model):
    _inherit = "donation.tax.receipt"

    state = fields.Selection(
        [("issued", "Issued"), ("cancelled", "Cancelled")],
        default="issued",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    receipt_form = fields.Selection(
        RECEIPT_FORMS,
        string="Form",
        readonly=True,
        index=True,
        help="Chosen from the donor at issuance: a company gets a 2041-MEC-SD, an "
        "individual a Cerfa 11580.",
    )
    form_reference = fields.Char(readonly=True)
    period_start = fields.Date(readonly=True)
    period_end = fields.Date(readonly=True)
    fiscal_year = fields.Integer(readonly=True, index=True, help="Year the gifts were received in.")
    line_ids = fields.One2many(
        "tiers_lieu.donation.receipt.line", "receipt_id", string="Receipt Lines", readonly=True
    )
    amount_cash = fields.Monetary(compute="_compute_amounts", store=True)
    amount_in_kind = fields.Monetary(compute="_compute_amounts", store=True)
    amount_expense_waiver = fields.Monetary(compute="_compute_amounts", store=True)
    # The original PDF (see tiers_lieu.donation.receipt.original: nobody reads it directly).
    pdf_original_id = fields.Many2one(
        "tiers_lieu.donation.receipt.original",
        readonly=True,
        copy=False,
        groups="base.group_system",
    )
    pdf_sha256 = fields.Char(
        string="PDF SHA-256",
        readonly=True,
        copy=False,
        help="Fingerprint of the PDF stored at issuance: every copy is checked against it.",
    )
    sent_date = fields.Datetime(readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False)
    cancel_date = fields.Datetime(readonly=True, copy=False)
    cancel_user_id = fields.Many2one("res.users", string="Cancelled By", readonly=True)
    replaced_by_id = fields.Many2one("donation.tax.receipt", readonly=True, copy=False)
    replaces_id = fields.Many2one("donation.tax.receipt", readonly=True, copy=False)
    annual_run_id = fields.Many2one(
        "tiers_lieu.donation.receipt.run",
        string="Annual Run",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The run of the annual receipts that issued this receipt.",
    )
    retention_end_date = fields.Date(
        compute="_compute_retention_end_date",
        store=True,
        help="Receipts are kept 6 years from issuance (LPF art. L102 E).",
    )

    @api.depends("line_ids.amount", "line_ids.nature")
    def _compute_amounts(self):
        for receipt in self:
            totals = defaultdict(float)
            for line in receipt.line_ids:
                group = {"goods": "in_kind", "service": "in_kind", "staff": "in_kind"}
                totals[group.get(line.nature, line.nature)] += line.amount
            receipt.amount_cash = totals["cash"]
            receipt.amount_in_kind = totals["in_kind"]
            receipt.amount_expense_waiver = totals["expense_waiver"]

    @api.depends("date")
    def _compute_retention_end_date(self):
        Parameter = self.env["tiers_lieu.donation.parameter"]
        for receipt in self:
            years = int(Parameter._get_value("retention_years", receipt.date))
            receipt.retention_end_date = receipt.date + relativedelta(years=years)

    @api.model_create_multi
    def create(self, vals_list):
        check_treasurer(self.env, self.env._("Only Treasurers may issue tax receipts."))
        today = fields.Date.context_today(self)
        self._tl_prefetch_issue(vals_list)
        checked_companies = set()
        to_number = defaultdict(list)
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id") or self.env.company.id)
            if company.id not in checked_companies:
                company._tl_check_receipt_issuer()
                checked_companies.add(company.id)
            vals.update(self._tl_prepare_issue_vals(vals, company, today))
            to_number[company, vals["receipt_form"], vals["date"]].append(vals)
        # numbers last, in one draw per form and day: nothing but the insertion follows
        for (company, form, date), numbered in to_number.items():
            numbers = self._tl_next_numbers(company, form, date, len(numbered))
            for vals, number in zip(numbered, numbers, strict=True):
                vals["number"] = number
        receipts = super().create(vals_list)
        receipts._tl_store_pdfs()
        return receipts

    @api.model
    def _tl_prefetch_issue(self, vals_list):
        """Read at once what issuing reads of each receipt's donations and donor (a batch
        of receipts would otherwise read them receipt by receipt)."""
        if len(vals_list) < 2:
            return
        donations = self.env["donation.donation"].concat(
            *(self._tl_donations_from_vals(vals) for vals in vals_list)
        )
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        )
        for fname in ("name", "street", "zip", "city", "is_company", "siren", "legal_form"):
            partners.mapped(fname)
        for fname in (
            "state",
            "nature",
            "is_anonymous",
            "company_id",
            "commercial_partner_id",
            "tax_receipt_id",
            "tax_receipt_total",
            "donation_date",
            "number",
            "payment_mode",
            "donor_kind",
            "counterpart_value",
        ):
            donations.mapped(fname)
        for fname in (
            "nature",
            "tax_receipt_ok",
            "tax_receipt_amount",
            "in_kind_description",
            "quantity",
            "valuation_basis",
            "staff_count",
            "staff_hours",
        ):
            donations.line_ids.mapped(fname)

    def write(self, vals):
        if {"pdf_original_id", "pdf_sha256"} & set(vals) and self.filtered("pdf_sha256"):
            # The original is stored once, at issuance, whoever asks (system included).
            raise UserError(
                self.env._(
                    "The PDF of tax receipt %(number)s is kept as issued and cannot be "
                    "modified.",
                    number=", ".join(self.filtered("pdf_sha256").mapped("number")),
                )
            )
        self._tl_check_delivery_dates(vals)
        if not internal(self.env):
            frozen = set(vals) - DELIVERY_FIELDS - set(self.env["mail.thread"]._fields)
            if frozen:
                raise UserError(
                    self.env._(
                        "Tax receipt %(number)s is issued and cannot be modified "
                        "(%(fields)s). Cancel it with a reason: a new receipt with a new "
                        "number replaces it.",
                        number=", ".join(self.mapped("number")),
                        fields=", ".join(sorted(frozen)),
                    )
                )
        return super().write(vals)

    def _tl_check_delivery_dates(self, vals):
        """A delivery date, once set, only moves forward: clearing it would make the next
        copy a second original instead of a DUPLICATA (issue 13)."""
        for fname in DELIVERY_FIELDS & set(vals):
            new = self._fields[fname].convert_to_cache(vals[fname], self)
            for receipt in self.filtered(fname):
                if not new or new < receipt[fname]:
                    raise UserError(
                        self.env._(
                            "Receipt %(number)s was already handed over: its delivery date "
                            "can only move forward, never be cleared or set earlier.",
                            number=receipt.number,
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_retained(self):
        today = fields.Date.context_today(self)
        kept = self.filtered(lambda r: r.retention_end_date > today)
        if kept:
            raise UserError(
                self.env._(
                    "Tax receipt %(number)s must be kept until %(date)s (6 years, LPF art. "
                    "L102 E) and cannot be deleted; cancel it if it is wrong.",
                    number=kept[0].number,
                    date=format_date(self.env, kept[0].retention_end_date),
                )
            )
        # past retention, the original goes with its receipt
        self.sudo().pdf_original_id.with_context(tl_receipt_write=ISSUED_RECEIPT_WRITE).unlink()

    @api.depends("number", "state")
    def _compute_display_name(self):
        for receipt in self:
            receipt.display_name = receipt.number or ""
            if receipt.state == "cancelled":
                receipt.display_name = self.env._("%(number)s (cancelled)", number=receipt.number)

    @api.model
    def update_tax_receipt_annual_dict(
        self, tax_receipt_annual_dict, start_date, end_date, company
    ):
        res = super().update_tax_receipt_annual_dict(
            tax_receipt_annual_dict, start_date, end_date, company
        )
        problems = []
        for partner in tax_receipt_annual_dict:
            form = "company" if partner.is_company else "individual"
            missing = partner._tl_missing_receipt_identity(form)
            if missing:
                problems.append(f"{partner.display_name}: {', '.join(missing)}")
        if problems:
            raise UserError(
                self.env._(
                    "%(count)s donor(s) lack what a tax receipt must state; complete them "
                    "and run the annual receipts again:\n%(problems)s",
                    count=len(problems),
                    problems="\n".join(problems[:30]),
                )
            )
        return res

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        """Followers who can no longer read receipts (a former Treasurer, a portal user
        added by hand) are neither notified nor kept as followers (issue 11); partners a
        message addresses explicitly (the donor) still get it."""
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        addressed = set(
            msg_vals.get("partner_ids", []) if msg_vals else message.sudo().partner_ids.ids
        )
        readers = {
            self.env.ref("tiers_lieu.group_staff").id,
            self.env.ref("tiers_lieu.group_treasurer").id,
        }
        kept, dropped = [], []
        for data in recipients:
            if data["id"] in addressed or readers & set(data.get("groups") or []):
                kept.append(data)
            else:
                dropped.append(data["id"])
        if dropped:
            self.sudo().message_unsubscribe(partner_ids=dropped)
        return kept

    def action_send_tax_receipt(self):
        # OCA's composer attaches its QWeb report: send the stored PDF instead.
        self.action_tl_send_by_email()
        return True

    def action_tl_open_cancel(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel Tax Receipt"),
            "res_model": "tiers_lieu.donation.receipt.cancel",
            "view_mode": "form",
            "target": "new",
            "context": {"default_receipt_ids": [Command.set(self.ids)]},
        }

    def action_tl_download(self):
        check_treasurer(self.env, self.env._("Only Treasurers may download tax receipts."))
        return self.env.ref("tiers_lieu_donation.action_report_tax_receipt").report_action(self)

    def _render_tax_receipt_pdf(self, data=None):
        """Renderer of the report action_report_tax_receipt: a Treasurer downloads the
        original the first time, then DUPLICATA copies; a cancelled receipt is stamped."""
        check_treasurer(self.env, self.env._("Only Treasurers may download tax receipts."))
        return {receipt.id: receipt._tl_pdf_for_delivery("download")[1] for receipt in self}

    def action_tl_open_email_composer(self):
        """The e-mail to the donor in the mail composer, with the French template and the
        PDF the donor gets now attached: the original if the donor never received the receipt
        (a Treasurer's download is not a delivery to the donor), else a DUPLICATA. Sending it
        records the delivery (see message_post)."""
        self.ensure_one()
        self._tl_check_sendable()
        name, data, _is_original = self._tl_delivery_copy("email")
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name,
                    "raw": data,
                    "mimetype": "application/pdf",
                    "res_model": "mail.compose.message",
                    "res_id": 0,
                }
            )
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send by E-mail"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_template_id": self.env.ref(
                    "tiers_lieu_donation.mail_template_tax_receipt"
                ).id,
                "default_attachment_ids": [Command.set(attachment.ids)],
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "tl_receipt_email_attachment_id": attachment.id,
            },
        }

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        attachment_id = self.env.context.get("tl_receipt_email_attachment_id")
        if attachment_id and len(self) == 1 and attachment_id in message.attachment_ids.ids:
            # The composer of action_tl_open_email_composer sent the receipt's PDF.
            sent = message.attachment_ids.filtered(lambda a: a.id == attachment_id).sudo()
            is_original = hashlib.sha256(sent.raw).hexdigest() == self.pdf_sha256
            if is_original and not self.sent_date:
                self.sudo().write({"sent_date": fields.Datetime.now()})
            self._tl_log_delivery("email", is_original)
        return message

    def _tl_check_sendable(self):
        check_treasurer(self.env, self.env._("Only Treasurers may send tax receipts."))
        cancelled = self.filtered(lambda r: r.state != "issued")
        if cancelled:
            raise UserError(
                self.env._(
                    "Cancelled receipts are not sent: %(numbers)s.",
                    numbers=", ".join(cancelled.mapped("number")),
                )
            )
        no_email = self.filtered(lambda r: not r.partner_id.email)
        if no_email:
            raise UserError(
                self.env._(
                    "These donors have no e-mail address; add one or print their receipts: "
                    "%(donors)s.",
                    donors=", ".join(f"{r.number} ({r.partner_id.display_name})" for r in no_email),
                )
            )

    def action_tl_send_by_email(self):
        """E-mail each receipt to its donor with the French template, without composer (the
        Send by E-mail action of the list); the donor's first delivery carries the original
        PDF, later ones a DUPLICATA."""
        self._tl_check_sendable()
        template = self.env.ref("tiers_lieu_donation.mail_template_tax_receipt")
        subjects = template._render_field("subject", self.ids, compute_lang=True)
        bodies = template._render_field("body_html", self.ids, compute_lang=True)
        for receipt in self.with_context(mail_notify_force_send=False):
            attachment = receipt._tl_delivery_attachment("email")
            receipt.message_post(
                subject=subjects[receipt.id],
                body=bodies[receipt.id],
                partner_ids=receipt.partner_id.ids,
                attachment_ids=attachment.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
            )
        return True

    def _tl_cancel(self, reason, reissue=True):
        """Cancel issued receipts with ``reason``; with ``reissue``, replace each by a new
        receipt (new number) for the same donations, else free the donations."""
        check_treasurer(self.env, self.env._("Only Treasurers may cancel tax receipts."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for cancelling the receipt."))
        not_issued = self.filtered(lambda r: r.state != "issued")
        if not_issued:
            raise UserError(
                self.env._("Receipt %(number)s is already cancelled.", number=not_issued[0].number)
            )
        self.with_context(tl_receipt_write=ISSUED_RECEIPT_WRITE).write(
            {
                "state": "cancelled",
                "cancel_reason": reason.strip(),
                "cancel_date": fields.Datetime.now(),
                "cancel_user_id": self.env.uid,
            }
        )
        replacements = self.browse()
        for receipt in self:
            donations = receipt.donation_ids
            if not reissue:
                donations.write({"tax_receipt_id": False})
                continue
            replacement = self.create(
                {
                    "company_id": receipt.company_id.id,
                    "currency_id": receipt.currency_id.id,
                    "partner_id": receipt.partner_id.id,
                    "type": receipt.type,
                    "donation_date": receipt.donation_date,
                    "donation_ids": [Command.set(donations.ids)],
                    "replaces_id": receipt.id,
                }
            )
            receipt.with_context(tl_receipt_write=ISSUED_RECEIPT_WRITE).write(
                {"replaced_by_id": replacement.id}
            )
            replacements |= replacement
        for receipt in self:
            if receipt.replaced_by_id:
                body = self.env._(
                    "Receipt cancelled: %(reason)s. Replaced by %(number)s.",
                    reason=receipt.cancel_reason,
                    number=receipt.replaced_by_id.number,
                )
            else:
                body = self.env._("Receipt cancelled: %(reason)s.", reason=receipt.cancel_reason)
            # an internal note: posted whatever the Treasurer's e-mail address (issue 13)
            receipt.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)
        return replacements

    def _tl_original_pdf(self):
        """The PDF stored at issuance, checked against its fingerprint."""
        self.ensure_one()
        data = self.sudo().pdf_original_id.pdf_file
        if not data:
            raise UserError(
                self.env._(
                    "Receipt %(number)s was issued before receipts were stored as PDF: it has "
                    "no PDF to hand over. Cancel it to issue a replacement.",
                    number=self.number,
                )
            )
        data = base64.b64decode(data)
        if hashlib.sha256(data).hexdigest() != self.pdf_sha256:
            raise UserError(
                self.env._(
                    "The stored PDF of receipt %(number)s does not match the fingerprint "
                    "recorded at issuance: it was altered outside Odoo. Restore it from a "
                    "backup; it is never regenerated.",
                    number=self.number,
                )
            )
        return data

    def _tl_delivered(self, channel="download"):
        """Whether ``channel`` now hands over a DUPLICATA. The donor (e-mail, portal) gets
        the original once: a Treasurer's download is not a delivery to the donor. A
        Treasurer's download is the original only while nothing was printed or sent."""
        self.ensure_one()
        if channel == "download":
            return bool(self.print_date or self.sent_date)
        return bool(self.sent_date)

    def _tl_pdf_for_delivery(self, channel):
        """(file name, PDF bytes, is the original) to hand over now through ``channel``
        ("download", "email" or "portal"): the original the first time, then a DUPLICATA;
        a cancelled receipt is stamped ANNULÉ."""
        self.ensure_one()
        name, data, is_original = self._tl_prepare_delivery(channel)
        self._tl_log_delivery(channel, is_original)
        return name, data, is_original

    def _tl_log_delivery(self, channel, is_original):
        """Every copy handed over is written in the chatter: who, when, how, which copy."""
        lang_env = company_lang_env(self.env, self.company_id)
        channels = {
            "download": lang_env._("download"),
            "email": lang_env._("e-mail"),
            "portal": lang_env._("donor portal"),
        }
        if self.state == "cancelled":
            copy = lang_env._("cancelled copy")
        elif is_original:
            copy = lang_env._("original")
        else:
            copy = lang_env._("DUPLICATA")
        self.with_env(lang_env).sudo().message_post(
            body=lang_env._(
                "Receipt handed over by %(channel)s (%(copy)s) by %(user)s.",
                channel=channels[channel],
                copy=copy,
                user=self.env.user.display_name,
            ),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )

    def _tl_prepare_delivery(self, channel):
        name, data, is_original = self._tl_delivery_copy(channel)
        if is_original and channel in ("email", "portal"):
            self.sudo().write({"sent_date": fields.Datetime.now()})
        elif is_original:
            self.sudo().write({"print_date": fields.Date.context_today(self)})
        return name, data, is_original

    def _tl_delivery_copy(self, channel):
        """(file name, PDF bytes, is the original) ``channel`` would hand over now, nothing
        recorded."""
        original = self._tl_original_pdf()
        base = f"Recu_fiscal_{self.number}"
        if self.state == "cancelled":
            data = stamp_pdf(original, "ANNULÉ", self.cancel_reason or "")
            return f"{base}_ANNULE.pdf", data, False
        if self._tl_delivered(channel):
            today = fields.Date.context_today(self)
            data = stamp_pdf(original, "DUPLICATA", f"Copie délivrée le {today:%d/%m/%Y}")
            return f"{base}_DUPLICATA.pdf", data, False
        return f"{base}.pdf", original, True

    def _tl_delivery_attachment(self, channel):
        self.ensure_one()
        name, data, _is_original = self._tl_pdf_for_delivery(channel)
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name,
                    "raw": data,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    def _tl_prepare_issue_vals(self, vals, company, today):
        """Check what a receipt needs and compute what it states, from its donations."""
        partner = self.env["res.partner"].browse(vals.get("partner_id"))
        donations = self._tl_donations_from_vals(vals)
        # Deliberate difference from OCA (which creates a receipt from an amount alone): a
        # receipt states the date, nature and payment mode of recorded gifts (Cerfa 11580*05,
        # 2041-MEC-SD, art. 200-5 and 238 bis CGI), and one not backed by a gift exposes the
        # association to the fine of art. 1740 A CGI.
        if not donations:
            raise UserError(
                self.env._(
                    "A tax receipt is issued from validated donations (art. 200-5 and 238 bis "
                    "CGI; art. 1740 A CGI fines receipts not backed by a gift): select them "
                    "in Donations and use Issue Tax Receipts."
                )
            )
        donations._tl_check_receiptable(partner, company)
        form = vals.get("receipt_form") or ("company" if partner.is_company else "individual")
        self._tl_check_form(form, partner)
        missing = partner._tl_missing_receipt_identity(form)
        if missing:
            raise UserError(
                self.env._(
                    "Donor %(donor)s lacks what a tax receipt must state: %(missing)s.",
                    donor=partner.display_name,
                    missing=", ".join(missing),
                )
            )
        date = fields.Date.to_date(vals.get("date")) or today
        if date > today:
            raise UserError(self.env._("A tax receipt cannot be dated in the future."))
        dates = donations.mapped("donation_date")
        parameter = "company_form" if form == "company" else "individual_form"
        lines = donations._tl_receipt_line_vals()
        return {
            "date": date,
            "receipt_form": form,
            "form_reference": self.env["tiers_lieu.donation.parameter"]._get_text(parameter, date),
            "period_start": min(dates),
            "period_end": max(dates),
            "donation_date": vals.get("donation_date") or max(dates),
            "fiscal_year": max(dates).year,
            "currency_id": company.currency_id.id,
            "amount": sum(line["amount"] for line in lines),
            "line_ids": [Command.create(line) for line in lines],
            "state": "issued",
        }

    @api.model
    def _tl_donations_from_vals(self, vals):
        ids = []
        for command in vals.get("donation_ids") or []:
            if command[0] == Command.SET:
                ids = list(command[2])
            elif command[0] == Command.LINK:
                ids.append(command[1])
        return self.env["donation.donation"].browse(ids)

    @api.model
    def _tl_check_form(self, form, partner):
        if form == "company" and not partner.is_company:
            raise UserError(
                self.env._(
                    "%(donor)s is an individual: a company receipt (2041-MEC-SD, art. 238 "
                    "bis CGI) cannot be issued to them; issue a Cerfa 11580.",
                    donor=partner.display_name,
                )
            )
        if form == "individual" and partner.is_company:
            raise UserError(
                self.env._(
                    "%(donor)s is a company: its gifts are receipted on a 2041-MEC-SD (art. "
                    "238 bis CGI), not on the Cerfa 11580 of individuals.",
                    donor=partner.display_name,
                )
            )

    @api.model
    def _tl_next_numbers(self, company, form, date, count=1):
        """``count`` gapless numbers of ``form`` for receipts dated ``date`` (see
        numbering.py: a concurrent issuer waits for them rather than fail)."""
        sequence = (
            company.donation_company_sequence_id
            if form == "company"
            else company.donation_individual_sequence_id
        )
        if not sequence:
            raise UserError(
                self.env._(
                    "%(company)s has no numbering of tax receipts: install a chart of "
                    "accounts for it first.",
                    company=company.display_name,
                )
            )
        later = self.sudo().search(
            [("company_id", "=", company.id), ("receipt_form", "=", form), ("date", ">", date)],
            limit=1,
        )
        if later:
            raise UserError(
                self.env._(
                    "Receipt %(number)s was issued on %(date)s: receipts are numbered in "
                    "date order, so a new one cannot be dated earlier.",
                    number=later.number,
                    date=format_date(self.env, later.date),
                )
            )
        return draw_numbers(self.env, sequence, date, count)

    def _tl_store_pdfs(self):
        renderer = ReceiptRenderer(self.env)
        pdfs = [renderer.render(receipt) for receipt in self]
        originals = (
            self.env["tiers_lieu.donation.receipt.original"]
            .sudo()
            .create(
                [
                    {"receipt_id": receipt.id, "pdf_file": base64.b64encode(pdf)}
                    for receipt, pdf in zip(self, pdfs, strict=True)
                ]
            )
        )
        # one UPDATE for the batch (the ORM writes record by record)
        self.env.cr.execute(
            "UPDATE donation_tax_receipt AS r SET pdf_original_id = v.original, "
            "pdf_sha256 = v.sha256 FROM unnest(%s::int[], %s::int[], %s::varchar[]) "
            "AS v(id, original, sha256) WHERE r.id = v.id",
            [
                self.ids,
                originals.ids,
                [hashlib.sha256(pdf).hexdigest() for pdf in pdfs],
            ],
        )
        self.invalidate_recordset(["pdf_original_id", "pdf_sha256"])
