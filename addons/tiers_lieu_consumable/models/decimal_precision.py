from odoo import api, models

# Context key under which Odoo's "Product Price" rounding of a price per gram uses the
# filament's own precision (the moves of filament products set it).
GRAM_PRICE_CONTEXT = "tiers_lieu_filament_gram_price"
GRAM_PRICE = "Filament Price per Gram"


class DecimalPrecision(models.Model):
    _inherit = "decimal.precision"

    @api.model
    def precision_get(self, application):
        # Only in the context of a filament move: every other product keeps the global
        # "Product Price" precision.
        if application == "Product Price" and self.env.context.get(GRAM_PRICE_CONTEXT):
            application = GRAM_PRICE
        return super().precision_get(application)
