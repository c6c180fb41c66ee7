from odoo import api, models


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.constrains("inventory_quantity", "inventory_quantity_set")
    def _check_spool_count(self):
        # A count typed on a spool's line must be filament it can hold: a negative or huge
        # count would otherwise be applied to stock.
        for quant in self:
            if quant.lot_id.is_spool and quant.location_id.usage == "internal":
                quant.lot_id._check_plausible_grams(quant.inventory_quantity)
