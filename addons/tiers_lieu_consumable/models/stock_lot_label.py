from odoo import models
from odoo.exceptions import UserError

from .. import labels


class StockLot(models.Model):
    """Spool labels (reportlab): a QR code opening the spool and its barcode."""

    _inherit = "stock.lot"

    def action_print_labels(self):
        spools = self.filtered("is_spool")
        if not spools:
            raise UserError(self.env._("Choose filament spools to print their labels."))
        return {
            "type": "ir.actions.act_url",
            "url": "/tiers_lieu_consumable/spool_labels?ids="
            + ",".join(str(spool_id) for spool_id in spools.ids),
            "target": "new",
        }

    def _label_url(self):
        """Address the QR code of the label opens: the spool's form."""
        self.ensure_one()
        return f"{self.get_base_url()}/odoo/action-tiers_lieu_consumable.spool_action/{self.id}"

    def _render_labels_pdf(self):
        """PDF bytes with one label per spool (reportlab)."""
        return labels.render_spool_labels(self.env, self.filtered("is_spool"))
