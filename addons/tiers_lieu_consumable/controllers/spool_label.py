from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.tiers_lieu.pdf import pdf_response


class SpoolLabelController(http.Controller):
    @http.route("/tiers_lieu_consumable/spool_labels", type="http", auth="user")
    def spool_labels(self, ids="", **kwargs):
        """PDF labels of the spools ``ids`` (comma-separated), read with the user's rights."""
        lot_ids = [int(part) for part in ids.split(",") if part.strip().isdigit()]
        spools = request.env["stock.lot"].browse(lot_ids).exists()
        spools.check_access("read")
        spools = spools.filtered("is_spool")
        if not spools:
            raise NotFound()
        pdf = spools._render_labels_pdf()
        filename = request.env._("Spool labels.pdf")
        return pdf_response(pdf, filename, inline=True)
