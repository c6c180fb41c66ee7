from odoo import fields, models

# Contributions volontaires en nature by kind, with their class-8 pair (règlement ANC
# 2018-06, art. 211-3: 86 by use, 87 by kind of contribution).
CONTRIBUTIONS = [
    ("volunteer", "Volunteer work (864 / 875)"),
    ("goods", "Premises and goods lent free of charge (861 / 871)"),
    ("service", "Services provided free of charge (862 / 871)"),
    ("gifts", "Gifts in kind used or given out (860 / 870)"),
]
# Company account fields (use in class 86, resource in class 87) by contribution.
CONTRIBUTION_ACCOUNTS = {
    "volunteer": ("tl_cvn_volunteer_use_account_id", "tl_cvn_volunteer_account_id"),
    "goods": ("tl_cvn_service_use_account_id", "tl_cvn_service_account_id"),
    "service": ("tl_cvn_prestation_use_account_id", "tl_cvn_service_account_id"),
    "gifts": ("tl_cvn_goods_use_account_id", "tl_cvn_goods_account_id"),
}


class TiersLieuVolunteerWorkKind(models.Model):
    _name = "tiers_lieu.volunteer.work.kind"
    _description = "Kind of Volunteer Contribution"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda s: s.env.company)
    currency_id = fields.Many2one(
        "res.currency", default=lambda s: s.env.company.currency_id, required=True
    )
    contribution = fields.Selection(CONTRIBUTIONS, required=True, default="volunteer")
    rate = fields.Monetary(
        string="Hourly Valuation",
        required=True,
        help="Value of one hour (or one unit) of this contribution, e.g. the SMIC with "
        "charges for general volunteering, the market rate of the skill otherwise.",
    )

    _sql_constraints = [
        ("rate_positive", "CHECK(rate >= 0)", "A valuation rate cannot be negative."),
    ]
