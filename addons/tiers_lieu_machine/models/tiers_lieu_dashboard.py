from datetime import date

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.tiers_lieu.monthly_summary import Watch

from .tiers_lieu_print_job import ENDED_STATES

# Machines listed under a tile, the busiest first.
TOP_DETAILS = 5


class TiersLieuDashboard(models.AbstractModel):
    _inherit = "tiers_lieu.dashboard"

    @api.model
    def _tiles(self):
        return super()._tiles() + [
            {
                "key": "machine_utilisation",
                "section": "machines",
                "sequence": 10,
                "groups": "tiers_lieu.group_staff",
                "compute": "_tile_machine_utilisation",
            },
            {
                "key": "machine_failure_rate",
                "section": "machines",
                "sequence": 11,
                "groups": "tiers_lieu.group_staff",
                "compute": "_tile_machine_failure_rate",
            },
        ]

    @api.model
    def _summary_parts(self):
        return super()._summary_parts() + [
            SQL(
                """SELECT key, company_id, month, value FROM (
                       SELECT company_id, %s AS month,
                              SUM(duration_hours) AS hours,
                              COUNT(*) AS ended,
                              COUNT(*) FILTER (WHERE state = 'failed') AS failed
                         FROM tiers_lieu_print_job
                        WHERE state IN %s AND date_end < %s AND %s
                        GROUP BY 1, 2
                   ) jobs,
                   LATERAL (VALUES ('machine_hours', hours), ('jobs_ended', ended),
                                   ('jobs_failed', failed)) figures (key, value)""",
                self._summary_month(SQL("date_end")),
                ENDED_STATES,
                self._summary_covered(),
                self.env["tiers_lieu.print.job"]._production_sql(),
            )
        ]

    @api.model
    def _summary_watches(self):
        return super()._summary_watches() + [
            Watch(
                "tiers_lieu_print_job",
                f"r.state IN {ENDED_STATES} AND r.date_end < $1",
                ("state", "date_end", "duration_hours", "company_id"),
            )
        ]

    @api.model
    def _tile_machine_utilisation(self, period):
        """Hours printed this month over the hours the machines had, by machine."""
        Job = self.env["tiers_lieu.print.job"]
        ended = [("state", "in", ENDED_STATES), *Job._production_domain()]
        month = ended + self._month_domain("date_end", period, datetime_field=True)
        by_machine = Job._read_group(
            month, ["machine_id"], ["duration_hours:sum"], order="duration_hours:sum desc"
        )
        machines = self.env["maintenance.equipment"].search_count([("machine_kind", "!=", False)])
        start = self._utc(period["date_from"])
        stop = min(self._utc(period["date_to"]), fields.Datetime.now())
        elapsed_hours = max((stop - start).total_seconds() / 3600, 0)
        hours = sum(total for _machine, total in by_machine)
        rate = 100 * hours / (machines * elapsed_hours) if machines and elapsed_hours else 0.0
        per_machine = elapsed_hours or 1
        return self._tile(
            self.env._("Machine utilisation"),
            rate,
            "%",
            1,
            subtitle=self.env._(
                "%(hours)s printed on %(machines)s machines",
                hours=self._format(hours, "h", 1),
                machines=machines,
            ),
            trend=self._trend(
                "tiers_lieu.print.job",
                ended + self._trend_domain("date_end", period, datetime_field=True),
                "date_end",
                "duration_hours:sum",
                period,
                summary_key="machine_hours",
            ),
            details=[
                {
                    "label": machine.display_name or self.env._("No machine"),
                    "value": 100 * total / per_machine,
                    "domain": [("machine_id", "=", machine.id)],
                }
                for machine, total in by_machine[:TOP_DETAILS]
            ],
            action={"xmlid": "tiers_lieu_machine.print_job_action", "domain": month},
        )

    @api.model
    def _tile_machine_failure_rate(self, period):
        """Failed jobs among the jobs ended this month, by failure reason."""
        Job = self.env["tiers_lieu.print.job"]
        ended = [("state", "in", ENDED_STATES), *Job._production_domain()]
        month = ended + self._month_domain("date_end", period, datetime_field=True)
        trend_domain = ended + self._trend_domain("date_end", period, datetime_field=True)
        counts = {}
        summary = self._summary(period)
        if summary:
            values = summary["values"]
            for month_start, ended_count in values.get("jobs_ended", {}).items():
                failed_count = values.get("jobs_failed", {}).get(month_start, 0)
                counts[month_start] = {"failed": failed_count, "done": ended_count - failed_count}
            trend_domain = trend_domain + [("date_end", ">=", summary["covered_until"])]
        trend_groups = Job._read_group(trend_domain, ["date_end:month", "state"], ["__count"])
        for month_start, state, count in trend_groups:
            counts.setdefault(date(month_start.year, month_start.month, 1), {})[state] = count
        trend = []
        for month_start in period["months"]:
            states = counts.get(month_start, {})
            total = sum(states.values())
            trend.append(100 * states.get("failed", 0) / total if total else 0.0)
        this_month = counts.get(period["date_from"], {})
        failed = this_month.get("failed", 0)
        total = sum(this_month.values())
        failed_domain = [("state", "=", "failed"), *Job._production_domain()] + self._month_domain(
            "date_end", period, datetime_field=True
        )
        by_reason = Job._read_group(
            failed_domain, ["failure_reason_ids"], ["__count"], order="__count desc"
        )
        return self._tile(
            self.env._("Failure rate"),
            trend[-1],
            "%",
            1,
            subtitle=self.env._(
                "%(failed)s failed of %(total)s jobs ended", failed=failed, total=total
            ),
            trend=trend,
            alert=bool(failed),
            details=[
                {
                    "label": reason.display_name or self.env._("No reason given"),
                    "value": count,
                    "display": str(count),
                    "domain": [("state", "=", "failed"), ("failure_reason_ids", "=", reason.id)]
                    if reason
                    else [("state", "=", "failed"), ("failure_reason_ids", "=", False)],
                }
                for reason, count in by_reason[:TOP_DETAILS]
            ],
            action={"xmlid": "tiers_lieu_machine.print_job_action", "domain": month},
        )
