from odoo import fields, models

from .decimal_precision import GRAM_PRICE_CONTEXT


class StockMove(models.Model):
    _inherit = "stock.move"

    print_job_id = fields.Many2one(
        "tiers_lieu.print.job",
        string="Print Job",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
        copy=False,
        help="The print job that used this filament.",
    )

    def _get_price_unit(self):
        # A filament is bought per kilogram and valued per gram: Odoo rounds the price
        # per gram of a receipt (purchase_stock) to "Product Price" digits, which would
        # value a 24.99 €/kg spool 20 €. Filament uses its own precision instead.
        if self.product_id.material_id:
            self = self.with_context(**{GRAM_PRICE_CONTEXT: True})
        return super()._get_price_unit()
