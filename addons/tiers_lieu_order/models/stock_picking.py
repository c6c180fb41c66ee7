from odoo import models
from odoo.exceptions import UserError

from ..slip import render_delivery_slip


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def action_delivery_slip(self):
        self.ensure_one()
        if self.picking_type_code != "outgoing":
            raise UserError(self.env._("Only deliveries to customers have a delivery slip."))
        return self.env.ref("tiers_lieu_order.action_report_delivery_slip").report_action(self)

    def _action_done(self):
        result = super()._action_done()
        deliveries = self.filtered(lambda p: p.picking_type_code == "outgoing" and p.sale_id)
        for order in deliveries.sale_id:
            if order.delivery_status == "full":
                # Whoever validates the delivery (an Inventory user may not read orders).
                order.sudo()._tl_post_delivered(
                    deliveries.filtered(lambda p, o=order: p.sale_id == o)
                )
        return result

    def _delivery_slip_filename(self):
        self.ensure_one()
        return self.env._("Delivery slip %(name)s", name=self.name).replace("/", "-")

    def _render_delivery_slip_pdf(self, data=None):
        """{picking id: PDF bytes} of the slips of these deliveries, in each customer's
        language (renderer of the report action_report_delivery_slip)."""
        if any(picking.picking_type_code != "outgoing" for picking in self):
            raise UserError(self.env._("Only deliveries to customers have a delivery slip."))
        return {
            picking.id: render_delivery_slip(
                picking.with_context(lang=picking.partner_id.lang or self.env.lang)
            )
            for picking in self
        }
