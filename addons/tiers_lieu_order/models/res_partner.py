from odoo import fields, models

BENEFICIARY_TYPES = [
    ("hospital", "Hospital"),
    ("care_home", "Care Home"),
    ("school", "School"),
    ("administration", "Administration"),
    ("company", "Company"),
    ("association", "Association"),
    ("individual", "Individual"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    beneficiary_type = fields.Selection(
        BENEFICIARY_TYPES,
        index="btree_not_null",
        help="Kind of customer or beneficiary, used to report the aid given by solidarity "
        "orders to funders.",
    )
