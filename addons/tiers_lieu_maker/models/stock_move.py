from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    maker_batch_id = fields.Many2one(
        "tiers_lieu.maker.batch",
        string="Maker Batch",
        index="btree_not_null",
        readonly=True,
        help="The maker batch whose accepted parts this move brought into stock.",
    )
    maker_declaration_id = fields.Many2one(
        "tiers_lieu.maker.declaration",
        string="Maker Declaration",
        index="btree_not_null",
        readonly=True,
        help="The maker's declaration whose parts consumed this supplied material.",
    )
