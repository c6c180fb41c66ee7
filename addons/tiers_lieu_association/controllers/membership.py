from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class MemberPortal(CustomerPortal):
    def _tl_member(self):
        """The portal user's own contact, read with sudo for its membership fields only:
        a member sees their membership, never anyone else's."""
        return request.env.user.partner_id.sudo()

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "membership_count" in counters:
            values["membership_count"] = len(self._tl_member().member_lines)
        return values

    @http.route("/my/membership", type="http", auth="user", website=True)
    def portal_membership(self, **kwargs):
        member = self._tl_member()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "member": member,
                "member_lines": member.member_lines.sorted("date_from", reverse=True),
                "page_name": "membership",
            }
        )
        return request.render("tiers_lieu_association.portal_my_membership", values)
