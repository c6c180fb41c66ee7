from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.tiers_lieu.pdf import pdf_response


def _pdf_response(receipt, channel):
    filename, data, _original = receipt._tl_pdf_for_delivery(channel)
    return pdf_response(data, filename)


class DonorPortal(CustomerPortal):
    def _donor_receipts(self):
        """Receipts the portal user is the donor of: addressed to them, or covering a gift
        they made on behalf of their company. Other contacts of that company (given portal
        access for orders, say) do not see the company's gifts (issue 11, README)."""
        partner = request.env.user.partner_id
        return (
            request.env["donation.tax.receipt"]
            .sudo()
            .search(
                [
                    ("state", "=", "issued"),
                    "|",
                    ("partner_id", "=", partner.id),
                    ("donation_ids.partner_id", "=", partner.id),
                ],
                order="date desc",
            )
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "tax_receipt_count" in counters:
            values["tax_receipt_count"] = len(self._donor_receipts())
        return values

    @http.route("/my/tax-receipts", type="http", auth="user", website=True)
    def portal_tax_receipts(self, **kwargs):
        values = self._prepare_portal_layout_values()
        values.update({"receipts": self._donor_receipts(), "page_name": "tax_receipts"})
        return request.render("tiers_lieu_donation.portal_my_tax_receipts", values)

    @http.route("/my/tax-receipts/<int:receipt_id>/pdf", type="http", auth="user")
    def portal_tax_receipt_pdf(self, receipt_id):
        """A donor downloads one of their own receipts; anyone else's is not found."""
        receipt = self._donor_receipts().filtered(lambda r: r.id == receipt_id)
        if not receipt:
            return request.not_found()
        return _pdf_response(receipt, "portal")
