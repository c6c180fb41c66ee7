from odoo import models
from odoo.exceptions import UserError

from ..slip import render_delivery_slip


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def action_delivery_slip(self):
        self.ensure_one()
        if self.picking_type_code != "outgoing":
            raise UserError(self.env._("Only deliveries to customers have a delivery slip."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/tiers_lieu_order/delivery_slip/{self.id}",
            "target": "new",
        }

    def _delivery_slip_pdf(self):
        """(file name, PDF bytes) of this delivery's slip, in the customer's language."""
        self.ensure_one()
        picking = self.with_context(lang=self.partner_id.lang or self.env.lang)
        name = self.env._("Delivery slip %(name)s.pdf", name=self.name).replace("/", "-")
        return name, render_delivery_slip(picking)
