from odoo import fields, models


class TiersLieuMakerAllocateLine(models.TransientModel):
    _name = "tiers_lieu.maker.allocate.line"
    _description = "Maker Suggested for an Allocation"
    _order = "id"

    wizard_id = fields.Many2one("tiers_lieu.maker.allocate", required=True, ondelete="cascade")
    maker_id = fields.Many2one("tiers_lieu.maker", string="Maker", required=True)
    city = fields.Char(related="maker_id.city")
    quantity = fields.Integer(string="Parts")
    capacity_left = fields.Integer(
        string="Capacity Left in the Due Week",
        readonly=True,
        help="Weekly capacity minus the parts of the batches due in the ISO week of the due "
        "date.",
    )
    beneficiary_km = fields.Float(
        string="To the Beneficiary (km)",
        digits=(7, 1),
        readonly=True,
        help="Great-circle distance between the maker's commune and the delivery address.",
    )
    beneficiary_known = fields.Boolean(readonly=True)
    distance_km = fields.Float(string="Distance (km)", digits=(7, 1), readonly=True)
    same_area = fields.Boolean(
        string="Beneficiary's Postcode", readonly=True, help="Same postcode as the beneficiary."
    )
