from odoo import api, models
from odoo.tools import SQL

from odoo.addons.tiers_lieu.monthly_summary import Watch

# Materials or forecast lines listed under a tile, the largest first.
TOP_DETAILS = 5


class TiersLieuDashboard(models.AbstractModel):
    _inherit = "tiers_lieu.dashboard"

    @api.model
    def _tiles(self):
        staff = "tiers_lieu.group_staff"
        return super()._tiles() + [
            {
                "key": "grams_consumed",
                "section": "material",
                "sequence": 30,
                "groups": staff,
                "compute": "_tile_grams_consumed",
            },
            {
                "key": "spools_below_minimum",
                "section": "material",
                "sequence": 31,
                "groups": staff,
                "compute": "_tile_spools_below_minimum",
            },
            {
                "key": "filament_shortages",
                "section": "material",
                "sequence": 32,
                "groups": staff,
                "compute": "_tile_filament_shortages",
            },
            {
                "key": "offcuts",
                "section": "material",
                "sequence": 33,
                "groups": staff,
                "compute": "_tile_offcuts",
            },
        ]

    @api.model
    def _summary_parts(self):
        consumption, offcut = self.env["tiers_lieu.print.job"]._consumption_locations()
        return super()._summary_parts() + [
            SQL(
                """SELECT %s AS key, company_id, %s AS month, SUM(quantity_product_uom) AS value
                     FROM stock_move_line
                    WHERE state = 'done' AND print_job_id IS NOT NULL
                      AND location_dest_id = ANY(%s) AND date < %s
                    GROUP BY 2, 3""",
                key,
                self._summary_month(SQL("date")),
                locations.ids,
                self._summary_covered(),
            )
            for key, locations in (
                ("grams_consumed", consumption | offcut),
                ("offcuts", offcut),
            )
        ]

    @api.model
    def _summary_watches(self):
        return super()._summary_watches() + [
            Watch(
                "stock_move_line",
                "r.state = 'done' AND r.print_job_id IS NOT NULL AND r.date < $1",
                (
                    "state",
                    "date",
                    "quantity_product_uom",
                    "location_dest_id",
                    "print_job_id",
                    "company_id",
                ),
            )
        ]

    @api.model
    def _posted_domain(self, locations):
        """Filament the print jobs took from the spools into ``locations``."""
        return [
            ("state", "=", "done"),
            ("print_job_id", "!=", False),
            ("location_dest_id", "in", locations.ids),
        ]

    @api.model
    def _tile_grams_consumed(self, period):
        """Filament the jobs ended this month used (parts, purge and failed prints), by material."""
        Job = self.env["tiers_lieu.print.job"]
        _consumption, offcut = Job._consumption_locations()
        posted = self._posted_domain(Job._consumption_destinations() | offcut)
        month = posted + self._month_domain("date", period, datetime_field=True)
        Line = self.env["stock.move.line"]
        by_material = Line._read_group(
            month,
            ["material_id"],
            ["quantity_product_uom:sum"],
            order="quantity_product_uom:sum desc",
        )
        return self._tile(
            self.env._("Filament consumed"),
            sum(grams for _material, grams in by_material),
            "g",
            trend=self._trend(
                "stock.move.line",
                posted + self._trend_domain("date", period, datetime_field=True),
                "date",
                "quantity_product_uom:sum",
                period,
                summary_key="grams_consumed",
            ),
            details=[
                {
                    "label": material.display_name or self.env._("No material"),
                    "value": grams,
                    "domain": [("material_id", "=", material.id)],
                }
                for material, grams in by_material[:TOP_DETAILS]
            ],
            action={"xmlid": "tiers_lieu_consumable.material_move_line_action", "domain": month},
        )

    @api.model
    def _tile_spools_below_minimum(self, period):
        """Materials and colours whose stock is below the reorder minimum."""
        low = [("state", "in", ("low", "short"))]
        by_material = self.env["tiers_lieu.filament.forecast"]._read_group(
            low, ["material_id"], ["__count"], order="__count desc"
        )
        count = sum(lines for _material, lines in by_material)
        return self._tile(
            self.env._("Below reorder minimum"),
            count,
            subtitle=self.env._("materials and colours to reorder"),
            alert=bool(count),
            details=[
                {
                    "label": material.display_name,
                    "value": lines,
                    "domain": [("material_id", "=", material.id)],
                }
                for material, lines in by_material[:TOP_DETAILS]
            ],
            action={"xmlid": "tiers_lieu_consumable.filament_forecast_action", "domain": low},
        )

    @api.model
    def _tile_filament_shortages(self, period):
        """Filament the planned jobs need beyond the stock and what is on its way."""
        short = [("state", "=", "short")]
        by_material = self.env["tiers_lieu.filament.forecast"]._read_group(
            short, ["material_id"], ["shortage_grams:sum"], order="shortage_grams:sum desc"
        )
        grams = sum(value for _material, value in by_material)
        return self._tile(
            self.env._("Forecast shortages"),
            grams,
            "g",
            alert=bool(grams),
            details=[
                {
                    "label": material.display_name,
                    "value": value,
                    "domain": [("material_id", "=", material.id)],
                }
                for material, value in by_material[:TOP_DETAILS]
            ],
            action={"xmlid": "tiers_lieu_consumable.filament_forecast_action", "domain": short},
        )

    @api.model
    def _tile_offcuts(self, period):
        """Failed prints and rejected parts collected this month, for recycling."""
        _consumption, offcut = self.env["tiers_lieu.print.job"]._consumption_locations()
        posted = self._posted_domain(offcut)
        month = posted + self._month_domain("date", period, datetime_field=True)
        [(grams,)] = self.env["stock.move.line"]._read_group(
            month, [], ["quantity_product_uom:sum"]
        )
        return self._tile(
            self.env._("Offcuts"),
            grams or 0,
            "g",
            trend=self._trend(
                "stock.move.line",
                posted + self._trend_domain("date", period, datetime_field=True),
                "date",
                "quantity_product_uom:sum",
                period,
                summary_key="offcuts",
            ),
            action={"xmlid": "tiers_lieu_consumable.material_move_line_action", "domain": month},
        )
