import math

from odoo import fields, models
from odoo.tools import SQL

from .stock_lot_receiving import SPOOL_VALS_CONTEXT


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    print_job_id = fields.Many2one(
        related="move_id.print_job_id", store=True, index="btree_not_null"
    )
    print_machine_id = fields.Many2one(
        related="move_id.print_job_id.machine_id",
        string="Machine",
        store=True,
        index="btree_not_null",
    )
    material_id = fields.Many2one(related="product_id.material_id", store=True)

    def init(self):
        # The done lines of a period (dashboard's month, mass balance's edges of months):
        # Odoo indexes the moves' date, not their lines'.
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s (date) WHERE state = 'done'",
                SQL.identifier(f"{self._table}_done_date_index"),
                SQL.identifier(self._table),
            )
        )

    def _prepare_new_lot_vals(self):
        vals = super()._prepare_new_lot_vals()
        if self.product_id.material_id:
            vals["company_id"] = self.company_id.id
            vals["initial_net_grams"] = self.quantity_product_uom
            partner = self.picking_id.partner_id or self.move_id.partner_id
            if partner:
                vals["vendor_id"] = partner.id
            vals["supply_origin"] = "purchase" if self.move_id.purchase_line_id else "other"
            # Values of the spools that stock.lot._receive_spools receives.
            vals.update(self.env.context.get(SPOOL_VALS_CONTEXT, {}).get(self.lot_name, {}))
        return vals

    @staticmethod
    def _spool_quantities(total, net):
        """Quantities of the spools making up ``total`` grams of ``net`` grams each."""
        if not net or net <= 0:
            return [total]
        full = math.floor(total / net + 1e-9)
        rest = round(total - full * net, 2)
        return [net] * full + ([rest] if rest > 0 else [])
