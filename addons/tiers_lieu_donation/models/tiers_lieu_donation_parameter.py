from odoo import api, fields, models

PARAMETER_CODES = [
    ("individual_counterpart_ratio", "Individuals: counterpart ceiling as a share of the gift"),
    ("individual_counterpart_ceiling", "Individuals: yearly counterpart ceiling (EUR)"),
    ("company_counterpart_ratio", "Companies: counterpart share above which to warn"),
    ("individual_form", "Individuals: receipt form (Cerfa number)"),
    ("company_form", "Companies: receipt form (Cerfa number)"),
    ("retention_years", "Years receipts are kept (LPF L102 E)"),
    ("plausibility_threshold", "Single gift above which validation asks for confirmation"),
]


class DonationParameter(models.Model):
    """A rule of French donation law with the date from which it applies (ceilings, ratios,
    form versions change with finance laws)."""

    _name = "tiers_lieu.donation.parameter"
    _inherit = "tiers_lieu.dated.parameter.mixin"
    _description = "Dated Donation Parameter"
    _rec_name = "code"

    # Extends the mixin's empty selection: an override would log a warning at each start.
    code = fields.Selection(
        selection_add=PARAMETER_CODES,
        ondelete=dict.fromkeys((code for code, _label in PARAMETER_CODES), "cascade"),
    )

    @api.model
    def _parameter_menu(self):
        return self.env._("Tiers-Lieu > Configuration > Donation Parameters")
