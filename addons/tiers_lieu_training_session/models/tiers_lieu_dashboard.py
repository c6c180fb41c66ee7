from odoo import api, models

from odoo.addons.tiers_lieu.monthly_summary import Watch


class TiersLieuDashboard(models.AbstractModel):
    _inherit = "tiers_lieu.dashboard"

    @api.model
    def _summary_watches(self):
        # The summary's job figures leave practice jobs out (print job `_production_sql`):
        # a closed month's job attached to a session, or detached from one, changes them.
        return super()._summary_watches() + [
            Watch("tiers_lieu_print_job", "r.date_end < $1", ("is_practice",)),
        ]
