from odoo import api, models


class TiersLieuFilamentForecast(models.Model):
    _inherit = "tiers_lieu.filament.forecast"

    @api.model
    def _refresh(self):
        """The refresh of the shortage forecast (menu, cron) covers the sheets, fabric
        and stock items of the kits too."""
        lines = super()._refresh()
        self.env["tiers_lieu.supply.forecast"]._refresh()
        return lines
