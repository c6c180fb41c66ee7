from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_collection_point = fields.Boolean(
        string="Collection Point",
        index=True,
        help="Makers drop their boxes of parts here (a shop, a town hall, a fablab).",
    )
    collection_opening_hours = fields.Char(
        string="Opening Hours", help="When makers may drop their parts, e.g. Mon-Sat 9h-18h."
    )
    collection_contact_id = fields.Many2one(
        "res.partner", string="Collection Contact", help="Who receives the boxes there."
    )
