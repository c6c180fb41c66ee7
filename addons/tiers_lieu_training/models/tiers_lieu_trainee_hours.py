from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from ..const import HOURS_KINDS, number_text


class TraineeHours(models.Model):
    """Hours actually done by a trainee: production, training or support.

    Trainers log training and support hours by hand. ``source`` says where a line comes
    from: a glue addon adds its own source (e.g. print jobs) with ``selection_add`` and
    creates the production lines itself.
    """

    _name = "tiers_lieu.trainee.hours"
    _description = "Trainee Hours"
    _order = "date desc, id desc"
    _check_company_auto = True

    trainee_id = fields.Many2one(
        "tiers_lieu.trainee", required=True, ondelete="cascade", index=True
    )
    path_id = fields.Many2one(
        "tiers_lieu.trainee.path",
        string="Path",
        compute="_compute_path_id",
        store=True,
        readonly=False,
        index=True,
        ondelete="restrict",
        domain="[('trainee_id', '=', trainee_id)]",
        help="The path the hours count for; by default the one running on the date.",
    )
    company_id = fields.Many2one(related="trainee_id.company_id", store=True, index=True)
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    kind = fields.Selection(HOURS_KINDS, required=True, default="training", index=True)
    hours = fields.Float(required=True, digits=(5, 2))
    description = fields.Char()
    source = fields.Selection(
        [("manual", "Manual entry")], required=True, default="manual", readonly=True
    )
    user_id = fields.Many2one("res.users", string="Logged By", default=lambda self: self.env.user)
    path_kind = fields.Selection(related="path_id.kind", store=True, string="Path Kind")
    funder_kind = fields.Selection(related="path_id.funder_kind", store=True)
    funder_id = fields.Many2one(related="path_id.funder_id", store=True)

    _sql_constraints = [
        (
            "hours_range",
            "CHECK(hours > 0 AND hours <= 24)",
            "A line of hours holds more than 0 and at most 24 hours.",
        ),
    ]

    @api.depends("trainee_id", "date")
    def _compute_path_id(self):
        for line in self:
            if line.trainee_id and line.date:
                line.path_id = line.trainee_id._path_running_on(line.date)
            else:
                line.path_id = False

    @api.constrains("path_id", "date", "trainee_id")
    def _check_path(self):
        for line in self:
            path = line.path_id
            if not path:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s has no path running on %(date)s: hours count for a path. "
                        "Check the date or add the path.",
                        trainee=line.trainee_id.name,
                        date=format_date(self.env, line.date),
                    )
                )
            if path.trainee_id != line.trainee_id or not (
                path.date_start <= line.date
                and (not path.date_effective_end or line.date <= path.date_effective_end)
            ):
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the hours of %(date)s are outside the path %(path)s.",
                        trainee=line.trainee_id.name,
                        date=format_date(self.env, line.date),
                        path=path.display_name,
                    )
                )

    @api.constrains("trainee_id", "date", "hours")
    def _check_daily_total(self):
        groups = self._read_group(
            [
                ("trainee_id", "in", self.trainee_id.ids),
                ("date", "in", list(set(self.mapped("date")))),
            ],
            ["trainee_id", "date:day"],
            ["hours:sum"],
        )
        for trainee, day, total in groups:
            if total > 24:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: %(hours)s hours are logged on %(date)s; a day has 24.",
                        trainee=trainee.name,
                        hours=number_text(total),
                        date=format_date(self.env, day),
                    )
                )
