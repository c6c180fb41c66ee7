from odoo import fields, models


class OrderRequestRefuse(models.TransientModel):
    _name = "tiers_lieu.order.request.refuse"
    _description = "Refuse a Web Request"

    order_ids = fields.Many2many("sale.order", string="Requests", required=True)
    reason = fields.Text(
        required=True,
        help="Sent to the requester, e.g. the part is out of our scope, or the date cannot "
        "be met.",
    )

    def action_refuse(self):
        self.ensure_one()
        self.order_ids._tl_refuse_request(self.reason)
        return {"type": "ir.actions.act_window_close"}
