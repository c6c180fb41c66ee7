from datetime import date, datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, format_amount, format_date, formatLang
from odoo.tools.safe_eval import safe_eval

from .. import monthly_summary

# The materialised view of the closed months of the trends (see _summary_parts).
SUMMARY = "tiers_lieu_dashboard_month"

# Months of the trend, this month included.
TREND_MONTHS = 12
# Groups that open the dashboard; each tile then asks for its own.
DASHBOARD_GROUPS = (
    "tiers_lieu.group_staff",
    "tiers_lieu.group_trainer",
    "tiers_lieu.group_treasurer",
)


class TiersLieuDashboard(models.AbstractModel):
    """The first screen of the app: this month's figures of every installed capability.

    A registry of tiles that each capability addon extends, so the dashboard never imports
    what is not installed::

        class TiersLieuDashboard(models.AbstractModel):
            _inherit = "tiers_lieu.dashboard"

            @api.model
            def _tiles(self):
                return super()._tiles() + [{
                    "key": "parts_recycled",            # unique
                    "section": "material",              # a key of _sections() (or a new one)
                    "sequence": 50,
                    "groups": "tiers_lieu.group_staff", # any of these (comma-separated)
                    "compute": "_tile_parts_recycled",  # method(period) -> dict, see _tile()
                }]

    Every figure is a ``_read_group`` (a few queries per tile, whatever the volume of data),
    run as the user so that record rules and companies apply.

    A trend over a large table (stock moves, print jobs) reads its closed months from a
    monthly summary (``_summary_parts``, a materialised view rebuilt by a cron, see
    ``monthly_summary``) restricted to the user's companies, and only the months since the
    last rebuild live: ``_trend(..., summary_key=...)``.
    """

    _name = "tiers_lieu.dashboard"
    _description = "Tiers-Lieu Dashboard"

    def init(self):
        monthly_summary.install(self.env.cr, SUMMARY, self._summary_watches())

    @api.model
    def _summary_parts(self):
        """SQL queries of rows (key, company_id, month, value) of the summary: the value of
        a trend ``key`` per company and month, over the rows dated before the summary's
        ``covered_until`` (``_summary_covered()``), months taken in the summary's time zone
        (``_summary_month(column)``). Extended by the addons whose trends read it."""
        return []

    @api.model
    def _summary_watches(self):
        """``monthly_summary.Watch`` of the tables the parts read: a change of a row counted
        in the summary marks it stale (read live until rebuilt)."""
        return []

    @api.model
    def _summary_covered(self):
        return monthly_summary.covered_until(SUMMARY)

    @api.model
    def _summary_month(self, column):
        """SQL of the month (a date, its first day) of a naive UTC datetime ``column``."""
        return SQL(
            "date_trunc('month', timezone(%s, timezone('UTC', %s)))::date",
            monthly_summary.summary_tz(SUMMARY),
            column,
        )

    @api.model
    def _summary_tz(self):
        """Time zone of the summary's months: the company's, where the team works."""
        return self.env.company.partner_id.tz or self.env.user.tz or "Europe/Paris"

    @api.model
    def _refresh_summary(self):
        """Rebuild the summary of the closed months (cron, and after an install)."""
        self.env.flush_all()
        parts = self._summary_parts() or [
            SQL(
                "SELECT NULL::varchar AS key, NULL::integer AS company_id, "
                "NULL::date AS month, NULL::float AS value WHERE false"
            )
        ]
        monthly_summary.build(
            self.env.cr,
            SUMMARY,
            SQL(
                "SELECT key, company_id, month, SUM(value)::float AS value "
                "FROM (%s) parts GROUP BY key, company_id, month",
                SQL(" UNION ALL ").join(SQL("(%s)", part) for part in parts),
            ),
            self._summary_tz(),
        )

    @api.model
    def _summary(self, period):
        """{key: {month: value}} of the summary's months in the trend, for the user's
        companies; None when it cannot be read (not built, stale: the cron is woken up, or
        months in another time zone than the user's, or the context's
        ``tiers_lieu_dashboard_live``). Read once per dashboard."""
        if "summary" in period:
            return period["summary"]
        period["summary"] = None
        if self.env.context.get("tiers_lieu_dashboard_live"):
            return None
        cr = self.env.cr
        status = monthly_summary.status(cr, SUMMARY)
        tz = self.env.context.get("tz") or self.env.user.tz or "UTC"
        if not status.usable:
            if status.covered_until:
                cron = self.env.ref("tiers_lieu.ir_cron_dashboard_summary", False)
                if cron:
                    cron.sudo()._trigger()
            return None
        if status.tz != tz:
            return None
        cr.execute(
            SQL(
                "SELECT key, month, SUM(value) FROM %s WHERE month >= %s "
                "AND (company_id IS NULL OR company_id = ANY(%s)) GROUP BY key, month",
                SQL.identifier(SUMMARY),
                period["trend_from"],
                self.env.companies.ids,
            )
        )
        values = {}
        for key, month, value in cr.fetchall():
            values.setdefault(key, {})[month] = value
        period["summary"] = {"covered_until": status.covered_until, "values": values}
        return period["summary"]

    @api.model
    def _tiles(self):
        """Tile definitions of the installed addons (see the class docstring)."""
        return []

    @api.model
    def _sections(self):
        """(key, label) of the dashboard's sections, in display order."""
        _ = self.env._
        return [
            ("machines", _("Machines")),
            ("orders", _("Orders")),
            ("material", _("Material")),
            ("training", _("Training")),
            ("donations", _("Donations")),
        ]

    @api.model
    def _period(self, today=None):
        """This month and the trend's months, in the user's time zone."""
        today = today or fields.Date.context_today(self)
        month_start = today.replace(day=1)
        next_month = month_start + relativedelta(months=1)
        trend_start = month_start - relativedelta(months=TREND_MONTHS - 1)
        return {
            "today": today,
            "date_from": month_start,
            "date_to": next_month,  # excluded
            "trend_from": trend_start,
            "months": [trend_start + relativedelta(months=i) for i in range(TREND_MONTHS)],
        }

    @api.model
    def _visible_tiles(self):
        user = self.env.user
        tiles = [
            tile
            for tile in self._tiles()
            if any(user.has_group(group.strip()) for group in tile["groups"].split(","))
        ]
        return sorted(tiles, key=lambda tile: (tile.get("sequence", 100), tile["key"]))

    @api.model
    def _get_tiles(self, period):
        """Computed tiles visible to the current user, in display order."""
        result = []
        for tile in self._visible_tiles():
            values = getattr(self, tile["compute"])(period)
            values.update(key=tile["key"], section=tile["section"])
            result.append(values)
        return result

    @api.model
    def get_dashboard(self, today=None):
        """What the client action shows: sections of tiles, this month and 12 months."""
        user = self.env.user
        if not any(user.has_group(group) for group in DASHBOARD_GROUPS):
            raise AccessError(self.env._("The Tiers-Lieu dashboard is for the tiers-lieu's team."))
        self = self.with_context(tz=self.env.context.get("tz") or user.tz or "UTC")
        period = self._period(today and fields.Date.to_date(today))
        tiles = self._get_tiles(period)
        sections = [
            {
                "key": key,
                "label": label,
                "tiles": [tile for tile in tiles if tile["section"] == key],
            }
            for key, label in self._sections()
        ]
        return {
            "month": fields.Date.to_string(period["date_from"]),
            "month_label": self._month_label(period["date_from"]),
            "months": [self._month_label(month, short=True) for month in period["months"]],
            "sections": [section for section in sections if section["tiles"]],
        }

    @api.model
    def open_tile(self, xmlid, domain, name=None):
        """Action of the list behind a figure, filtered by ``domain``."""
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        # The list shows what the figure counts, not the menu's default filters.
        try:
            context = safe_eval(action.get("context") or "{}", {"uid": self.env.uid})
        except (NameError, ValueError, SyntaxError):
            context = {}
        action["context"] = {
            key: value for key, value in context.items() if not key.startswith("search_default_")
        }
        if name:
            action["name"] = action["display_name"] = name
        action["view_mode"] = (
            ",".join(mode for mode in action["view_mode"].split(",") if mode in ("list", "form"))
            or action["view_mode"]
        )
        action["views"] = [
            (view_id, mode) for view_id, mode in action["views"] if mode in ("list", "form")
        ] or action["views"]
        return action

    # Helpers of the tiles' compute methods.

    @api.model
    def _month_label(self, month, short=False):
        return format_date(self.env, month, date_format="MMM yy" if short else "MMMM y")

    @api.model
    def _month_domain(self, field, period, datetime_field=False):
        """Domain of ``field`` in this month."""
        return self._range_domain(field, period["date_from"], period["date_to"], datetime_field)

    @api.model
    def _trend_domain(self, field, period, datetime_field=False):
        return self._range_domain(field, period["trend_from"], period["date_to"], datetime_field)

    @api.model
    def _range_domain(self, field, start, stop, datetime_field=False):
        if datetime_field:
            start = self._utc(start)
            stop = self._utc(stop)
        return [(field, ">=", start), (field, "<", stop)]

    @api.model
    def _utc(self, day):
        """Naive UTC datetime of the user's midnight at ``day``."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        local = tz.localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _trend(self, model, domain, date_field, aggregate, period, summary_key=None):
        """Values of ``aggregate`` (e.g. ``"grams:sum"``, ``"__count"``) per month of the trend.

        One ``_read_group``; ``domain`` must already restrict ``date_field`` to the trend.
        With ``summary_key`` (a key of ``_summary_parts`` computing the same figure) the
        closed months come from the summary and the ``_read_group`` reads only the months
        since it was built (``date_field`` a datetime).
        """
        by_month = {}
        summary = summary_key and self._summary(period)
        if summary:
            by_month.update(summary["values"].get(summary_key, {}))
            domain = domain + [(date_field, ">=", summary["covered_until"])]
        groups = self.env[model]._read_group(domain, [f"{date_field}:month"], [aggregate])
        for month, value in groups:
            # Datetimes are grouped in the context's time zone (get_dashboard sets it).
            by_month[date(month.year, month.month, 1)] = value or 0
        return [by_month.get(month, 0) for month in period["months"]]

    @api.model
    def _tile(self, title, value, unit="", digits=0, **extra):
        """The values of one tile.

        ``value``: the figure of this month (or now); ``unit``: ``"%"``, ``"h"``, ``"g"``,
        ``"kg"``, ``"currency"`` or a short text; extra keys: ``subtitle``, ``trend`` (12
        numbers, oldest first), ``details`` (``[{"label", "value", "display", "domain"}]``),
        ``action`` (``{"xmlid", "domain", "name"}``: the list behind the figure), ``alert``
        (the figure asks for attention).
        """
        values = {
            "title": title,
            "value": value,
            "display": self._format(value, unit, digits),
            "unit": unit,
            "subtitle": "",
            "trend": [],
            "details": [],
            "action": False,
            "alert": False,
        }
        values.update(extra)
        for detail in values["details"]:
            detail.setdefault("display", self._format(detail["value"], unit, digits))
        return values

    @api.model
    def _format_date(self, value):
        if isinstance(value, datetime):
            value = fields.Datetime.context_timestamp(self, value).date()
        return format_date(self.env, value)

    @api.model
    def _format(self, value, unit="", digits=0):
        if unit == "currency":
            return format_amount(self.env, value or 0.0, self.env.company.currency_id)
        text = formatLang(self.env, value or 0.0, digits=digits)
        if unit == "%":
            return f"{text} %"
        return f"{text} {unit}" if unit else text
