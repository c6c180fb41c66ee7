from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    donation_id = fields.Many2one(
        "donation.donation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Gift in kind whose spools this receipt brought into stock.",
    )
