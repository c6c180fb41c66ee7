from odoo import api, fields, models

from ..const import HOURS_KINDS

DAYS_PER_MONTH = 365.25 / 12


class Trainee(models.Model):
    """Yearly exit and hours indicators of the trainee files, per funder."""

    _inherit = "tiers_lieu.trainee"

    @api.model
    def _get_exit_indicators(self, year, companies=None):
        """Exit and hours indicators of ``year``, one dict per funder.

        Exits are counted by the funder of the path running at exit; hours by the funder of
        the path they were done in. Two grouped queries, whatever the number of trainees.
        """
        companies = companies or self.env.companies
        date_from = fields.Date.to_date(f"{year}-01-01")
        date_to = fields.Date.to_date(f"{year}-12-31")
        rows = {}

        def row(funder_kind, funder):
            key = (funder_kind or "none", funder.id)
            if key not in rows:
                rows[key] = {
                    "funder_kind": funder_kind or "none",
                    "funder_id": funder.id,
                    "exit_count": 0,
                    "durable_count": 0,
                    "transition_count": 0,
                    "positive_count": 0,
                    "other_count": 0,
                    "duration_days": 0,
                    **{f"{kind}_hours": 0.0 for kind, _label in HOURS_KINDS},
                }
            return rows[key]

        exits = self._read_group(
            [
                ("company_id", "in", companies.ids),
                ("state", "=", "exited"),
                ("exit_date", ">=", date_from),
                ("exit_date", "<=", date_to),
            ],
            ["exit_funder_kind", "exit_funder_id", "exit_category"],
            ["__count", "duration_days:sum"],
        )
        for funder_kind, funder, category, count, days in exits:
            values = row(funder_kind, funder)
            values["exit_count"] += count
            values[f"{category}_count"] += count
            values["duration_days"] += days
        hours = self.env["tiers_lieu.trainee.hours"]._read_group(
            [
                ("company_id", "in", companies.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["funder_kind", "funder_id", "kind"],
            ["hours:sum"],
        )
        for funder_kind, funder, kind, total in hours:
            row(funder_kind, funder)[f"{kind}_hours"] += total
        for values in rows.values():
            exits_count = values["exit_count"]
            days = values.pop("duration_days")
            dynamic = (
                values["durable_count"] + values["transition_count"] + values["positive_count"]
            )
            values["dynamic_rate"] = 100.0 * dynamic / exits_count if exits_count else 0.0
            values["average_duration_months"] = (
                days / exits_count / DAYS_PER_MONTH if exits_count else 0.0
            )
        return sorted(rows.values(), key=lambda v: (v["funder_kind"], v["funder_id"]))
