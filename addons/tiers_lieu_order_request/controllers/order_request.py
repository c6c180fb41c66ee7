from odoo import fields, http
from odoo.http import request

from odoo.addons.tiers_lieu_order.models.res_partner import BENEFICIARY_TYPES

from ..models.sale_order import RequestChallengeRequired, RequestRateExceeded

FORM_URL = "/tiers-lieu/demande"


class OrderRequestController(http.Controller):
    """The public page where beneficiaries ask for parts (no login, no access to any data)."""

    def _render_form(self, values=None, errors=None, status=200, challenge=None):
        Order = request.env["sale.order"]
        kinds = dict(
            request.env["res.partner"]
            ._fields["beneficiary_type"]
            ._description_selection(request.env)
        )
        return request.render(
            "tiers_lieu_order_request.order_request_form",
            {
                "values": values or {},
                "errors": errors or {},
                "parts": Order._tl_request_parts(),
                "beneficiary_types": [(key, kinds[key]) for key, _label in BENEFICIARY_TYPES],
                "today": fields.Date.context_today(Order).isoformat(),
                "challenge": challenge,
            },
            status=status,
        )

    @http.route(FORM_URL, type="http", auth="public", website=True, methods=["GET"], sitemap=False)
    def order_request_form(self, **_kwargs):
        return self._render_form()

    @http.route(FORM_URL, type="http", auth="public", website=True, methods=["POST"], sitemap=False)
    def order_request_submit(self, **post):
        # A field people never see: robots fill it in.
        if post.get("website_url"):
            return request.make_response("", status=400)
        Order = request.env["sale.order"]
        clean, errors = Order._tl_parse_request(post)
        if errors:
            return self._render_form(clean, errors, status=422)
        # The peer's address: behind the proxy (proxy_mode), Odoo's ProxyFix has already put
        # there the address the proxy saw; a client's own X-Forwarded-For is never read here.
        sender = Order._tl_request_sender_key(request.httprequest.remote_addr)
        challenge = {
            "token": post.get("challenge_token"),
            "answer": post.get("challenge_answer"),
            "recaptcha": post.get("recaptcha_token_response"),
            "address": request.httprequest.remote_addr,
        }
        try:
            Order._tl_check_request_rate(sender, challenge)
        except RequestChallengeRequired as error:
            return self._render_form(
                clean,
                {"form": error.args[0], "challenge_answer": error.args[0]},
                status=429,
                challenge=Order._tl_request_challenge(),
            )
        except RequestRateExceeded as error:
            return self._render_form(clean, {"form": error.args[0]}, status=429)
        order = Order._tl_create_request(clean, sender, lang=request.env.lang)
        return request.render(
            "tiers_lieu_order_request.order_request_thanks",
            {"reference": order.name, "email": clean["email"]},
        )
