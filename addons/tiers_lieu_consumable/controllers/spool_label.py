from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request


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
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                (
                    "Content-Disposition",
                    content_disposition(filename).replace("attachment", "inline", 1),
                ),
            ],
        )
