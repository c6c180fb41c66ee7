from datetime import timedelta

from odoo import api, models

# How far ahead the ends of paths and PASS IAE are announced, in days.
COMING_DAYS = 60
# Path kinds listed under the hours tile.
TOP_DETAILS = 5


class TiersLieuDashboard(models.AbstractModel):
    _inherit = "tiers_lieu.dashboard"

    @api.model
    def _tiles(self):
        # Trainees' files are personal data: Staff do not read them, Trainers do.
        trainer = "tiers_lieu.group_trainer"
        return super()._tiles() + [
            {
                "key": "trainee_production_hours",
                "section": "training",
                "sequence": 40,
                "groups": trainer,
                "compute": "_tile_trainee_production_hours",
            },
            {
                "key": "trainee_ends_coming",
                "section": "training",
                "sequence": 41,
                "groups": trainer,
                "compute": "_tile_trainee_ends_coming",
            },
        ]

    @api.model
    def _tile_trainee_production_hours(self, period):
        """Production hours the trainees did this month, by kind of path."""
        production = [("kind", "=", "production")]
        month = production + self._month_domain("date", period)
        Hours = self.env["tiers_lieu.trainee.hours"]
        by_kind = Hours._read_group(month, ["path_kind"], ["hours:sum"], order="hours:sum desc")
        labels = dict(Hours._fields["path_kind"]._description_selection(self.env))
        return self._tile(
            self.env._("Trainees' production hours"),
            sum(hours for _kind, hours in by_kind),
            "h",
            1,
            trend=self._trend(
                "tiers_lieu.trainee.hours",
                production + self._trend_domain("date", period),
                "date",
                "hours:sum",
                period,
            ),
            details=[
                {
                    "label": labels.get(kind) or self.env._("No path"),
                    "value": hours,
                    "domain": [("path_kind", "=", kind)],
                }
                for kind, hours in by_kind[:TOP_DETAILS]
            ],
            action={"xmlid": "tiers_lieu_training.trainee_hours_action", "domain": month},
        )

    @api.model
    def _tile_trainee_ends_coming(self, period):
        """Paths and PASS IAE that end within the coming days: exits to prepare."""
        today = period["today"]
        horizon = today + timedelta(days=COMING_DAYS)
        Path = self.env["tiers_lieu.trainee.path"]
        pass_ends = [("pass_date_end", ">=", today), ("pass_date_end", "<=", horizon)]
        exits = [("date_effective_end", ">=", today), ("date_effective_end", "<=", horizon)]
        [(pass_count,)] = Path._read_group(pass_ends, [], ["__count"])
        [(exit_count,)] = Path._read_group(exits, [], ["__count"])
        return self._tile(
            self.env._("Ends coming"),
            pass_count + exit_count,
            subtitle=self.env._("in the next %(days)s days", days=COMING_DAYS),
            alert=bool(pass_count + exit_count),
            details=[
                {
                    "label": self.env._("PASS IAE ending"),
                    "value": pass_count,
                    "domain": pass_ends,
                },
                {"label": self.env._("Paths ending (exits)"), "value": exit_count, "domain": exits},
            ],
            action={
                "xmlid": "tiers_lieu_training.trainee_path_action",
                "domain": ["|", "&", *pass_ends, "&", *exits],
            },
        )
