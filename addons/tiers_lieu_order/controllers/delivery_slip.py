from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.tiers_lieu.pdf import pdf_response


class DeliverySlipController(http.Controller):
    @http.route("/tiers_lieu_order/delivery_slip/<int:picking_id>", type="http", auth="user")
    def delivery_slip(self, picking_id):
        """The PDF slip of a delivery, read with the user's rights."""
        picking = request.env["stock.picking"].browse(picking_id).exists()
        if not picking or not picking.has_access("read") or picking.picking_type_code != "outgoing":
            raise NotFound()
        filename, pdf = picking._delivery_slip_pdf()
        return pdf_response(pdf, filename, inline=True)
