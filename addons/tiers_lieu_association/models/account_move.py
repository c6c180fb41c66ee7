from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    tl_grant_id = fields.Many2one(
        "tiers_lieu.grant", string="Grant", readonly=True, index="btree_not_null", copy=False
    )
    tl_volunteer_year = fields.Integer(
        string="Volunteer Contributions of", readonly=True, copy=False
    )
