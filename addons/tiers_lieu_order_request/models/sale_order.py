import hashlib
import hmac
import re
import secrets
from datetime import date, datetime, time, timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from odoo.addons.tiers_lieu.identifiers import check_siret
from odoo.addons.tiers_lieu_order.models.res_partner import BENEFICIARY_TYPES

MAX_DAYS_AHEAD = 366
MAX_NAME = 128
MAX_MESSAGE = 2000
MAX_SIRET = 20  # 14 digits, with the spaces people type
DIGITS = re.compile(r"[0-9]{1,9}")  # ASCII only: "²".isdigit() is True
# What neither PostgreSQL (NUL) nor an HTML page (C0 controls, U+FFFE/U+FFFF) accepts;
# tab, line feed and carriage return stay.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
RECAPTCHA_ACTION = "tiers_lieu_order_request"
CHALLENGE_LIFETIME = 1800  # seconds to fill the form in once the question is asked
# The first number of the control question in words, which simple robots do not read.
NUMBER_WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "fr": ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"],
}
# Beneficiaries who pay are companies; everyone else asks for a free (solidarity) order,
# which staff may still turn into an at-cost or commercial one before accepting.
PAYING_BENEFICIARIES = {"company"}


class RequestRateExceeded(UserError):
    """Too many requests from one sender or in all within the last hour."""


class RequestChallengeRequired(UserError):
    """Many requests in all within the hour: the visitor must answer the control question."""


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

    request_partner_to_check = fields.Boolean(related="partner_id.request_to_check")

    # -- the public form -----------------------------------------------------------------

    @api.model
    def _tl_request_sender_key(self, address):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        return hmac.new(
            secret.encode(), (address or "unknown").encode(), hashlib.sha256
        ).hexdigest()[:32]

    @api.model
    def _tl_check_request_rate(self, sender_key, challenge=None):
        """Count this request, refuse it beyond the limits.

        Beyond the limit per hour in all, everybody is asked a control question (or
        refused, as the company chooses) rather than locked out by a flood; the limit per
        sender always refuses. ``challenge`` is what the form sent back: {"token", "answer"}
        of the question, or {"recaptcha", "address"} for Google reCAPTCHA.
        Raises RequestChallengeRequired or RequestRateExceeded."""
        company = self.env.company
        Counter = self.env["tiers_lieu.order.request.counter"].sudo()
        if Counter._tl_current(company, "all") >= company.order_request_limit_per_hour:
            if company.order_request_overflow == "refuse":
                raise RequestRateExceeded(
                    self.env._(
                        "We have received many requests in the last hour. Please try again "
                        "in an hour, or call us."
                    )
                )
            challenge = challenge or {}
            if self._tl_request_challenge_kind() == "recaptcha":
                if not self._tl_check_request_recaptcha(challenge):
                    raise RequestChallengeRequired(
                        self.env._(
                            "We are receiving many requests at the moment: please send "
                            "yours again, our robot check runs as you do."
                        )
                    )
            elif not self._tl_check_request_challenge(
                challenge.get("token"), challenge.get("answer")
            ):
                raise RequestChallengeRequired(
                    self.env._(
                        "We are receiving many requests at the moment: please answer the "
                        "question below to send yours."
                    )
                    if not challenge.get("answer")
                    else self.env._("The answer to the question is not right: try again.")
                )
        if Counter._tl_increment(company, f"sender:{sender_key}") > (
            company.order_request_limit_per_sender
        ):
            raise RequestRateExceeded(
                self.env._(
                    "You have already sent %(count)s requests in the last hour. Please wait "
                    "before sending another one, or call us.",
                    count=company.order_request_limit_per_sender,
                )
            )
        Counter._tl_increment(company, "all")

    @api.model
    def _tl_challenge_signature(self, payload):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        message = f"tiers_lieu_order_request.challenge:{self.env.company.id}:{payload}"
        return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()[:32]

    @api.model
    def _tl_request_challenge_kind(self):
        """ "recaptcha" when chosen and ready, else "question" (never no check at all)."""
        company = self.env.company
        if company.order_request_overflow == "recaptcha" and company._tl_recaptcha_ready():
            return "recaptcha"
        return "question"

    @api.model
    def _tl_check_request_recaptcha(self, challenge):
        """Google's verdict on the reCAPTCHA v3 token the form sent (Odoo's
        google_recaptcha, from an HTTP request only)."""
        token = challenge.get("recaptcha")
        if not isinstance(token, str) or not token or len(token) > 4096:
            return False
        result = self.env["ir.http"]._verify_recaptcha_token(
            challenge.get("address"), token, RECAPTCHA_ACTION
        )
        return result == "is_human"

    @api.model
    def _tl_request_challenge(self):
        """What the form shows to pass beyond the hourly limit.

        Either {"kind": "recaptcha", "site_key": ...}, or a question a person answers at
        once and its signed token, the server keeping nothing until the answer comes back:
        {"kind": "question", "question": ..., "token": ...}."""
        if self._tl_request_challenge_kind() == "recaptcha":
            params = self.env["ir.config_parameter"].sudo()
            return {"kind": "recaptcha", "site_key": params.get_param("recaptcha_public_key")}
        first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
        expires = int(datetime.now().timestamp()) + CHALLENGE_LIFETIME
        payload = f"{expires}.{secrets.token_hex(8)}"
        # The token proves it comes from us (first signature) and holds the answer (second).
        signature = self._tl_challenge_signature(payload)
        signature += "." + self._tl_challenge_signature(f"{payload}.{first + second}")
        return {
            "kind": "question",
            "question": self.env._(
                "How much is %(first)s plus %(second)s?",
                first=NUMBER_WORDS.get((self.env.lang or "en")[:2], NUMBER_WORDS["en"])[first],
                second=second,
            ),
            "token": f"{payload}.{signature}",
        }

    @api.model
    def _tl_check_request_challenge(self, token, answer):
        """True for the first answer to a question we asked, if right and in time."""
        token = token if isinstance(token, str) else ""
        answer = (answer if isinstance(answer, str) else "").strip()
        parts = token.split(".") if len(token) < 120 else []
        if len(parts) != 4 or not parts[0].isascii() or not parts[0].isdigit():
            return False
        expires, nonce, issued, answered = parts
        if int(expires) < datetime.now().timestamp() or not hmac.compare_digest(
            self._tl_challenge_signature(f"{expires}.{nonce}"), issued
        ):
            return False
        # One answer per question: a robot can neither try every sum nor replay one.
        Counter = self.env["tiers_lieu.order.request.counter"].sudo()
        if Counter._tl_increment(self.env.company, f"challenge:{nonce[:16]}") > 1:
            return False
        if not re.fullmatch(r"[0-9]{1,2}", answer):
            return False
        expected = self._tl_challenge_signature(f"{expires}.{nonce}.{int(answer)}")
        return hmac.compare_digest(expected, answered)

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
    def _tl_request_labels(self):
        _ = self.env._
        return {
            "beneficiary_type": _("Who you are"),
            "organisation": _("The organisation"),
            "siret": _("Your SIRET"),
            "contact_name": _("Your name"),
            "email": _("Your e-mail"),
            "phone": _("The phone number"),
            "part_id": _("The part"),
            "quantity": _("The quantity"),
            "date_needed": _("The date"),
            "reference": _("Your reference"),
            "message": _("Your message"),
        }

    @api.model
    def _tl_parse_request(self, post):
        """Check what the form sent. Returns (clean values, {field: message}).

        The clean values are echoed back on the form: never longer than the field allows,
        never with characters a web page or the database refuses (NUL, control bytes)."""
        _ = self.env._
        errors = {}
        clean = {}
        labels = self._tl_request_labels()
        raw = {}
        for name, label in labels.items():
            value = post.get(name)
            value = value if isinstance(value, str) else ""
            raw[name] = FORBIDDEN_CHARACTERS.sub("", value)
            if raw[name] != value:
                errors[name] = _(
                    "%(field)s contains invisible control characters: please type it again.",
                    field=label,
                )

        def text(name, limit, required=True):
            value = " ".join(raw[name][: limit * 4].split())
            if required and not value:
                errors.setdefault(name, _("%(field)s is required.", field=labels[name]))
            elif len(value) > limit:
                errors.setdefault(name, self._tl_too_long(labels[name], limit))
            clean[name] = value[:limit]

        clean["beneficiary_type"] = raw["beneficiary_type"][:32]
        if clean["beneficiary_type"] not in dict(BENEFICIARY_TYPES):
            errors.setdefault("beneficiary_type", _("Choose who you are from the list."))
        individual = clean["beneficiary_type"] == "individual"
        text("organisation", MAX_NAME, required=not individual)
        text("contact_name", MAX_NAME)
        text("phone", 32, required=False)
        text("reference", 64, required=False)
        parsers = {
            "email": self._tl_parse_request_email,
            "siret": self._tl_parse_request_siret,
            "part_id": self._tl_parse_request_part,
            "quantity": self._tl_parse_request_quantity,
            "date_needed": self._tl_parse_request_date,
            "message": self._tl_parse_request_message,
        }
        for name, parse in parsers.items():
            clean[name], error = parse(raw[name].strip(), labels[name])
            if error:
                errors.setdefault(name, error)
        clean["part"] = clean["part_id"]
        clean["part_id"] = clean["part"].id
        clean["urgent"] = bool(post.get("urgent"))
        return clean, errors

    @api.model
    def _tl_too_long(self, label, limit):
        return self.env._(
            "%(field)s is too long: %(limit)s characters at most.", field=label, limit=limit
        )

    # Each _tl_parse_request_<field>(typed, label) returns (clean value, error or None).

    @api.model
    def _tl_parse_request_email(self, typed, label):
        if len(typed) > MAX_NAME:
            return typed[:MAX_NAME], self._tl_too_long(label, MAX_NAME)
        email = tools.email_normalize(typed)
        if not email:
            return typed, self.env._(
                "Enter a valid e-mail address, e.g. pharmacie@chu-exemple.fr: we send the "
                "acknowledgement there."
            )
        return email, None

    @api.model
    def _tl_parse_request_siret(self, typed, label):
        if len(typed) > MAX_SIRET:
            return typed[:MAX_SIRET], self._tl_too_long(label, MAX_SIRET)
        if not typed:
            return "", None
        try:
            return check_siret(self.env, typed, label), None
        except ValidationError as error:
            return typed, error.args[0]

    @api.model
    def _tl_parse_request_part(self, typed, label):
        part = self.env["product.template"]
        if DIGITS.fullmatch(typed):
            part = self._tl_request_parts().filtered(lambda p: p.id == int(typed))
        if not part:
            return part, self.env._("Choose the part you need from the list.")
        return part, None

    @api.model
    def _tl_parse_request_quantity(self, typed, label):
        if not DIGITS.fullmatch(typed) or int(typed) < 1:
            return typed[:12], self.env._("Enter the number of parts as a whole number, e.g. 50.")
        most = self.env.company.order_request_max_quantity
        if int(typed) > most:
            # Babel's extractor loses the file on a \N{} escape inside a _() call.
            grouped = f"{most:,}".replace(",", "\N{NARROW NO-BREAK SPACE}")
            return typed, self.env._(
                "This form takes at most %(max)s parts per request. For more, write to us or "
                "call us: we plan big orders with you.",
                max=grouped,
            )
        return int(typed), None

    @api.model
    def _tl_parse_request_date(self, typed, label):
        try:
            needed = date.fromisoformat(typed) if len(typed) == 10 else None
        except ValueError:
            needed = None
        today = fields.Date.context_today(self)
        if not needed:
            return typed[:10], self.env._("Enter the date you need the parts by.")
        if needed < today:
            return needed, self.env._("The date you need the parts by is already past.")
        if needed > today + timedelta(days=MAX_DAYS_AHEAD):
            return needed, self.env._("Ask for parts you need within a year.")
        return needed, None

    @api.model
    def _tl_parse_request_message(self, typed, label):
        if len(typed) > MAX_MESSAGE:
            return typed[:MAX_MESSAGE], self.env._(
                "Your message is too long: %(limit)s characters at most.", limit=MAX_MESSAGE
            )
        return typed, None

    @api.model
    def _tl_request_partner(self, clean, lang):
        """The contact the quotation is for. Existing records are found by exact identifiers
        only and never changed: whoever fills the form must not be able to rewrite a
        customer, nor to speak for one.

        - An individual is found by their exact e-mail, unless that person has a user
          account (an anonymous form never acts for a user).
        - An organisation is found only by its exact SIRET; the visitor then becomes a new
          contact of it, flagged for staff to check, never one of its existing contacts.
          Without a SIRET match, a new organisation is created (staff merge duplicates).
        """
        Partner = self.env["res.partner"].sudo()
        company = self.env.company
        shared = [("company_id", "in", [False, company.id])]
        email = clean["email"]  # normalised (lower case), searched with "=": no wildcard
        if clean["beneficiary_type"] == "individual":
            person = Partner.search(
                [
                    *shared,
                    ("email_normalized", "=", email),
                    ("is_company", "=", False),
                    ("parent_id", "=", False),
                    ("user_ids", "=", False),
                ],
                limit=1,
            )
            return person or Partner.create(
                {
                    "name": clean["contact_name"],
                    "email": email,
                    "phone": clean["phone"] or False,
                    "beneficiary_type": "individual",
                    "lang": lang,
                }
            )

        def new_contact_vals(organisation):
            # The visitor as a new contact of the organisation, for staff to check.
            return {
                "parent_id": organisation.id,
                "type": "contact",
                "name": clean["contact_name"],
                "email": email,
                "phone": clean["phone"] or False,
                "lang": lang,
                "request_to_check": True,
            }

        organisation = Partner.browse()
        if clean["siret"]:
            organisation = Partner.search(
                [*shared, ("siret", "=", clean["siret"]), ("is_company", "=", True)], limit=1
            )
        if not organisation:
            organisation = Partner.create(
                {
                    "name": clean["organisation"],
                    "is_company": True,
                    "siret": clean["siret"] or False,
                    "beneficiary_type": clean["beneficiary_type"],
                    "lang": lang,
                    "request_to_check": True,
                }
            )
            return Partner.create(new_contact_vals(organisation))
        # A known organisation: only a contact the form itself created and staff have not
        # confirmed yet is reused (the same person asking again).
        contact = Partner.search(
            [
                ("parent_id", "=", organisation.id),
                ("email_normalized", "=", email),
                ("request_to_check", "=", True),
                ("user_ids", "=", False),
            ],
            limit=1,
        )
        return contact or Partner.create(new_contact_vals(organisation))

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
        # Accepting is the staff review of the contact (and organisation) the form created.
        partners = self.partner_id | self.partner_id.parent_id
        partners.filtered("request_to_check").sudo().request_to_check = False
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
