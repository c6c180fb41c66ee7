from odoo import api, models


class TiersLieuDashboard(models.AbstractModel):
    _inherit = "tiers_lieu.dashboard"

    @api.model
    def _tiles(self):
        return super()._tiles() + [
            {
                "key": "maker_parts",
                "section": "orders",
                "sequence": 25,
                "groups": "tiers_lieu.group_staff",
                "compute": "_tile_maker_parts",
            },
        ]

    @api.model
    def _tile_maker_parts(self, period):
        """Good parts the volunteer makers declared this month, and how many makers."""
        Declaration = self.env["tiers_lieu.maker.declaration"]
        month = self._month_domain("date", period)
        [(parts, makers)] = Declaration._read_group(
            month, [], ["qty_produced:sum", "maker_id:count_distinct"]
        )
        return self._tile(
            self.env._("Parts made by volunteer makers"),
            parts or 0,
            subtitle=self.env._("%(count)s makers", count=makers),
            trend=self._trend(
                "tiers_lieu.maker.declaration",
                self._trend_domain("date", period),
                "date",
                "qty_produced:sum",
                period,
            ),
            action={
                "xmlid": "tiers_lieu_maker.tiers_lieu_maker_declaration_action",
                "domain": month,
            },
        )
