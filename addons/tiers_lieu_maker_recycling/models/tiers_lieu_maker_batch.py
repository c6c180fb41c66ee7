from odoo import fields, models


class TiersLieuMakerBatch(models.Model):
    _inherit = "tiers_lieu.maker.batch"

    rejected_offcut_move_id = fields.Many2one(
        "stock.move",
        string="Rejected Parts Offcuts",
        readonly=True,
        copy=False,
        help="The weighing that put the parts rejected at quality control in the material's "
        "offcut bin.",
    )
