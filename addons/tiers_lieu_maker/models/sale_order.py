from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    maker_batch_ids = fields.One2many("tiers_lieu.maker.batch", "order_id", string="Maker Batches")
    maker_batch_count = fields.Integer(compute="_compute_maker_figures")
    parts_from_makers = fields.Integer(
        string="Parts from Makers",
        compute="_compute_maker_figures",
        help="Parts accepted at reception from the maker network.",
    )
    network_share = fields.Float(
        string="Network Share (%)",
        compute="_compute_maker_figures",
        help="Share of the parts produced for this order that makers printed.",
    )

    @api.depends("maker_batch_ids.state", "maker_batch_ids.qty_accepted", "parts_produced")
    def _compute_maker_figures(self):
        for order in self:
            batches = order.sudo().maker_batch_ids
            order.maker_batch_count = len(batches)
            accepted = sum(b.qty_accepted for b in batches if b.state == "done")
            order.parts_from_makers = accepted
            order.network_share = (
                100.0 * accepted / order.parts_produced if order.parts_produced else 0.0
            )

    @api.depends("maker_batch_ids.real_material_cost")
    def _compute_real_cost(self):
        # The material supplied for the makers' parts is part of the order's real cost (and
        # so of the aid value of a solidarity order).
        result = super()._compute_real_cost()
        for order in self:
            lines = order.order_line.filtered("maker_allocated")
            if not lines:
                continue
            maker_cost = sum(lines.sudo().maker_batch_ids.mapped("real_material_cost"))
            if not maker_cost:
                continue
            order.real_material_cost += maker_cost
            order.real_cost += maker_cost
            order.real_margin = order.amount_untaxed - order.real_cost
            order.aid_value = order.real_cost if order.order_kind == "solidarity" else 0.0
        return result

    def _action_cancel(self):
        self.sudo().maker_batch_ids.filtered(
            lambda b: b.state in ("to_print", "printing", "ready")
        ).action_cancel()
        return super()._action_cancel()

    def action_allocate_makers(self):
        self.ensure_one()
        lines = self.order_line.filtered(lambda ln: ln.is_printable_part and not ln.display_type)
        if self.state != "sale" or not lines:
            raise UserError(
                self.env._("Only the printable parts of a confirmed order go to makers.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Allocate to Makers"),
            "res_model": "tiers_lieu.maker.allocate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_sale_line_id": lines[:1].id},
        }

    def action_view_maker_batches(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_maker.tiers_lieu_maker_batch_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        return action
