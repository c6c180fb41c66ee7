from odoo import fields, models


class TiersLieuMakerAllocateLine(models.TransientModel):
    _name = "tiers_lieu.maker.allocate.line"
    _description = "Maker Suggested for an Allocation"
    _order = "id"

    wizard_id = fields.Many2one("tiers_lieu.maker.allocate", required=True, ondelete="cascade")
    maker_id = fields.Many2one("tiers_lieu.maker", string="Maker", required=True)
    city = fields.Char(related="maker_id.city")
    quantity = fields.Integer(string="Parts")
    capacity_left = fields.Integer(string="Capacity Left This Week", readonly=True)
    distance_km = fields.Float(string="Distance (km)", digits=(7, 1), readonly=True)
    same_area = fields.Boolean(
        string="Beneficiary's Postcode", readonly=True, help="Same postcode as the beneficiary."
    )
