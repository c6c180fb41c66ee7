from odoo import api, models


class TiersLieuDashboard(models.AbstractModel):
    _inherit = "tiers_lieu.dashboard"

    @api.model
    def _tiles(self):
        return super()._tiles() + [
            {
                "key": "filament_recycled",
                "section": "material",
                "sequence": 34,
                "groups": "tiers_lieu.group_staff",
                "compute": "_tile_filament_recycled",
            },
        ]

    @api.model
    def _tile_filament_recycled(self, period):
        """Recycled filament wound by the batches done this month, and their yield."""
        done = [("state", "=", "done")]
        month = done + self._month_domain("date", period, datetime_field=True)
        [(output, offcuts)] = self.env["tiers_lieu.recycling.batch"]._read_group(
            month, [], ["output_grams:sum", "input_grams:sum"]
        )
        yield_text = self._format(100.0 * output / offcuts if offcuts else 0.0, "%", 1)
        return self._tile(
            self.env._("Filament recycled"),
            output or 0.0,
            "g",
            subtitle=self.env._(
                "from %(offcuts)s of offcuts (yield %(rate)s)",
                offcuts=self._format(offcuts or 0.0, "g"),
                rate=yield_text,
            ),
            trend=self._trend(
                "tiers_lieu.recycling.batch",
                done + self._trend_domain("date", period, datetime_field=True),
                "date",
                "output_grams:sum",
                period,
            ),
            action={"xmlid": "tiers_lieu_recycling.recycling_batch_action", "domain": month},
        )
