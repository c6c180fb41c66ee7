from odoo import fields, models


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
