from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Class 87 aligned with the règlement ANC 2018-06: the accounts created as 870000
    "Bénévolat" and 875000 "Dons en nature" swap their codes (volunteer time on 875000,
    gifts of goods on 870000), their move lines untouched. See
    res.company._tl_migrate_cvn_codes."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].search([])._tl_migrate_cvn_codes()
