from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Class 87 aligned with the règlement ANC 2018-06 (after tiers_lieu_donation's
    18.0.1.3.0 swapped 870000/875000): this addon's volunteer entries follow the codes they
    were booked on, the company fields too, and 862000 is set up. See
    res.company._tl_migrate_cvn_accounts."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].search([("chart_template", "!=", False)])._tl_migrate_cvn_accounts()
