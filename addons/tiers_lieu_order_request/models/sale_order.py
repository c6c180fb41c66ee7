import hashlib
import hmac
from datetime import date, datetime, time, timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from odoo.addons.tiers_lieu.identifiers import check_siret, compact
from odoo.addons.tiers_lieu_order.models.res_partner import BENEFICIARY_TYPES

MAX_QUANTITY = 100_000
MAX_DAYS_AHEAD = 366
MAX_NAME = 128
MAX_MESSAGE = 2000
# Beneficiaries who pay are companies; everyone else asks for a free (solidarity) order,
# which staff may still turn into an at-cost or commercial one before accepting.
PAYING_BENEFICIARIES = {"company"}


class RequestRateExceeded(UserError):
    """Too many requests from one sender or in all within the last hour."""


class SaleOrder(models.Model):
    _inherit = "sale.order"

    request_channel = fields.Selection(
        [("web", "Web Form")],
        string="Requested Through",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    request_state = fields.Selection(
        [("new", "To Review"), ("accepted", "Accepted"), ("refused", "Refused")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    request_email = fields.Char(string="Requester E-mail", readonly=True, copy=False)
    request_refusal_reason = fields.Text(string="Refusal Reason", readonly=True, copy=False)
    # A keyed hash of the sender's network address: enough to count requests, not to
    # find who sent them.
    request_sender_key = fields.Char(
        readonly=True, copy=False, index="btree_not_null", groups="base.group_system"
    )

    # -- the public form -----------------------------------------------------------------

    @api.model
    def _tl_request_sender_key(self, address):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        return hmac.new(
            secret.encode(), (address or "unknown").encode(), hashlib.sha256
        ).hexdigest()[:32]

    @api.model
    def _tl_check_request_rate(self, sender_key):
        company = self.env.company
        since = fields.Datetime.now() - timedelta(hours=1)
        recent = self.sudo().with_context(active_test=False)
        domain = [("request_channel", "=", "web"), ("create_date", ">=", since)]
        if recent.search_count(domain) >= company.order_request_limit_per_hour:
            raise RequestRateExceeded(
                self.env._(
                    "We have received many requests in the last hour. Please try again in "
                    "an hour, or call us."
                )
            )
        domain.append(("request_sender_key", "=", sender_key))
        if recent.search_count(domain) >= company.order_request_limit_per_sender:
            raise RequestRateExceeded(
                self.env._(
                    "You have already sent %(count)s requests in the last hour. Please wait "
                    "before sending another one, or call us.",
                    count=company.order_request_limit_per_sender,
                )
            )

    @api.model
    def _tl_request_parts(self):
        """Parts the public form offers, for the current company."""
        return (
            self.env["product.template"]
            .sudo()
            .search(
                [
                    ("offered_on_request", "=", True),
                    ("is_printable_part", "=", True),
                    ("sale_ok", "=", True),
                    ("company_id", "in", [False, self.env.company.id]),
                ],
                order="name, id",
            )
        )

    @api.model
    def _tl_parse_request(self, post):
        """Check what the form sent. Returns (clean values, {field: message})."""
        _ = self.env._
        errors = {}
        clean = {}

        def text(name, limit, required=True, label=None):
            value = " ".join((post.get(name) or "").split())
            if required and not value:
                errors[name] = _("%(field)s is required.", field=label)
            elif len(value) > limit:
                errors[name] = _(
                    "%(field)s is too long: %(limit)s characters at most.",
                    field=label,
                    limit=limit,
                )
            clean[name] = value

        kinds = dict(BENEFICIARY_TYPES)
        clean["beneficiary_type"] = post.get("beneficiary_type") or ""
        if clean["beneficiary_type"] not in kinds:
            errors["beneficiary_type"] = _("Choose who you are from the list.")
        individual = clean["beneficiary_type"] == "individual"
        text("organisation", MAX_NAME, required=not individual, label=_("The organisation"))
        text("contact_name", MAX_NAME, label=_("Your name"))
        text("phone", 32, required=False, label=_("The phone number"))
        text("reference", 64, required=False, label=_("Your reference"))

        email = tools.email_normalize(post.get("email") or "")
        if not email:
            errors["email"] = _(
                "Enter a valid e-mail address, e.g. pharmacie@chu-exemple.fr: we send the "
                "acknowledgement there."
            )
        clean["email"] = email or (post.get("email") or "").strip()[:MAX_NAME]

        siret = compact(post.get("siret") or "")
        clean["siret"] = siret
        if siret:
            try:
                check_siret(self.env, siret, _("Your SIRET"))
            except ValidationError as error:
                errors["siret"] = error.args[0]

        part = self.env["product.template"]
        part_id = post.get("part_id") or ""
        if part_id.isdigit():
            part = self._tl_request_parts().filtered(lambda p: p.id == int(part_id))
        if not part:
            errors["part_id"] = _("Choose the part you need from the list.")
        clean["part"] = part
        clean["part_id"] = part.id

        quantity = (post.get("quantity") or "").strip()
        if not quantity.isdigit() or not 1 <= int(quantity) <= MAX_QUANTITY:
            most = f"{MAX_QUANTITY:,}".replace(",", "\N{NARROW NO-BREAK SPACE}")
            errors["quantity"] = _(
                "Enter the number of parts as a whole number between 1 and %(max)s.", max=most
            )
        else:
            quantity = int(quantity)
        clean["quantity"] = quantity

        today = fields.Date.context_today(self)
        try:
            needed = date.fromisoformat((post.get("date_needed") or "").strip())
        except ValueError:
            needed = None
        if not needed:
            errors["date_needed"] = _("Enter the date you need the parts by.")
        elif needed < today:
            errors["date_needed"] = _("The date you need the parts by is already past.")
        elif needed > today + timedelta(days=MAX_DAYS_AHEAD):
            errors["date_needed"] = _("Ask for parts you need within a year.")
        clean["date_needed"] = needed or post.get("date_needed") or ""
        clean["urgent"] = bool(post.get("urgent"))

        message = (post.get("message") or "").strip()
        if len(message) > MAX_MESSAGE:
            errors["message"] = _(
                "Your message is too long: %(limit)s characters at most.", limit=MAX_MESSAGE
            )
        clean["message"] = message
        return clean, errors

    @api.model
    def _tl_request_partner(self, clean, lang):
        """The contact the quotation is for. Existing records are found, never changed:
        whoever fills the form must not be able to rewrite a customer."""
        Partner = self.env["res.partner"].sudo()
        company = self.env.company
        shared = [("company_id", "in", [False, company.id])]
        if clean["beneficiary_type"] == "individual":
            person = Partner.search(
                [*shared, ("email", "=ilike", clean["email"]), ("is_company", "=", False)],
                limit=1,
            )
            return person or Partner.create(
                {
                    "name": clean["contact_name"],
                    "email": clean["email"],
                    "phone": clean["phone"] or False,
                    "beneficiary_type": "individual",
                    "lang": lang,
                }
            )
        organisation = Partner.browse()
        if clean["siret"]:
            organisation = Partner.search(
                [*shared, ("siret", "=", clean["siret"]), ("is_company", "=", True)], limit=1
            )
        if not organisation:
            organisation = Partner.search(
                [*shared, ("name", "=ilike", clean["organisation"]), ("is_company", "=", True)],
                limit=1,
            )
        if not organisation:
            organisation = Partner.create(
                {
                    "name": clean["organisation"],
                    "is_company": True,
                    "siret": clean["siret"] or False,
                    "beneficiary_type": clean["beneficiary_type"],
                    "lang": lang,
                }
            )
        contact = Partner.search(
            [("parent_id", "=", organisation.id), ("email", "=ilike", clean["email"])], limit=1
        )
        return contact or Partner.create(
            {
                "parent_id": organisation.id,
                "type": "contact",
                "name": clean["contact_name"],
                "email": clean["email"],
                "phone": clean["phone"] or False,
                "lang": lang,
            }
        )

    @api.model
    def _tl_create_request(self, clean, sender_key, lang=None):
        """A draft quotation from a checked request, its acknowledgement and a to-do."""
        lang = lang or self.env.lang
        company = self.env.company
        partner = self._tl_request_partner(clean, lang)
        beneficiary = partner.commercial_partner_id.beneficiary_type or clean["beneficiary_type"]
        order = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "user_id": company.order_request_user_id.id,
                    "order_kind": "commercial"
                    if beneficiary in PAYING_BENEFICIARIES
                    else "solidarity",
                    "is_urgent": clean["urgent"],
                    "commitment_date": datetime.combine(clean["date_needed"], time(12)),
                    "client_order_ref": clean["reference"] or False,
                    "origin": self.env._("Web request"),
                    "request_channel": "web",
                    "request_state": "new",
                    "request_email": clean["email"],
                    "request_sender_key": sender_key,
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": clean["part"].product_variant_id.id,
                                "product_uom_qty": clean["quantity"],
                            }
                        )
                    ],
                }
            )
        )
        if clean["message"]:
            order.message_post(
                body=Markup("<p>%s</p>") % escape(clean["message"]),
                author_id=partner.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        if company.order_request_user_id:
            order.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Accept or refuse this request"),
                user_id=company.order_request_user_id.id,
            )
        self.env.ref("tiers_lieu_order_request.mail_template_request_received").sudo().send_mail(
            order.id, email_layout_xmlid="mail.mail_notification_light"
        )
        return order

    # -- staff review --------------------------------------------------------------------

    def _tl_check_request_to_review(self):
        for order in self:
            if order.request_state != "new" or order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is not a request waiting for review: only a web request "
                        "still in quotation can be accepted or refused.",
                        order=order.display_name,
                    )
                )

    def action_accept_request(self):
        """Confirm the requested order (its print jobs are planned) and tell the requester."""
        self._tl_check_request_to_review()
        self.action_confirm()
        self.write({"request_state": "accepted"})
        template = self.env.ref("tiers_lieu_order_request.mail_template_request_accepted")
        for order in self:
            template.send_mail(order.id, email_layout_xmlid="mail.mail_notification_light")
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_refuse_request(self):
        self._tl_check_request_to_review()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse the Request"),
            "res_model": "tiers_lieu.order.request.refuse",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_ids": self.ids},
        }

    def _tl_refuse_request(self, reason):
        self._tl_check_request_to_review()
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the request is refused: the requester reads it."))
        self.write({"request_state": "refused", "request_refusal_reason": reason.strip()})
        self._action_cancel()
        template = self.env.ref("tiers_lieu_order_request.mail_template_request_refused")
        for order in self:
            template.send_mail(order.id, email_layout_xmlid="mail.mail_notification_light")
        self.activity_unlink(["mail.mail_activity_data_todo"])
