from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

SUSPENSION_REASONS = [
    ("contract_suspended", "Employment contract suspended for more than 15 days"),
    ("contract_broken", "Contract broken during the trial period or dismissal"),
    ("sickness", "Sickness"),
    ("maternity", "Maternity"),
    ("incarceration", "Incarceration"),
    ("trial_outside_iae", "Trial period with an employer outside the IAE"),
    ("detoxification", "Detoxification or addiction treatment"),
    ("force_majeure", "Force majeure"),
    ("other", "Other reason"),
]


class PassSuspension(models.Model):
    """Suspension of a PASS IAE: its days push the end of the PASS back."""

    _name = "tiers_lieu.pass.suspension"
    _description = "PASS IAE Suspension"
    _order = "date_start, id"

    path_id = fields.Many2one(
        "tiers_lieu.trainee.path", required=True, ondelete="cascade", index=True
    )
    trainee_id = fields.Many2one(related="path_id.trainee_id", store=True, index=True)
    company_id = fields.Many2one(related="path_id.company_id", store=True)
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="To", required=True)
    reason = fields.Selection(SUSPENSION_REASONS, required=True)
    duration_days = fields.Integer(string="Days", compute="_compute_duration_days", store=True)

    @api.depends("date_start", "date_end")
    def _compute_duration_days(self):
        for suspension in self:
            if suspension.date_start and suspension.date_end >= suspension.date_start:
                suspension.duration_days = (suspension.date_end - suspension.date_start).days + 1
            else:
                suspension.duration_days = 0

    @api.constrains("date_start", "date_end", "path_id")
    def _check_dates(self):
        parameter = self.env["tiers_lieu.training.parameter"]
        for suspension in self:
            path = suspension.path_id
            name = path.trainee_id.name
            if suspension.date_end < suspension.date_start:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the suspension ends on %(end)s, before it starts on "
                        "%(start)s.",
                        trainee=name,
                        end=format_date(self.env, suspension.date_end),
                        start=format_date(self.env, suspension.date_start),
                    )
                )
            if path.kind != "cddi" or not path.pass_date_start:
                raise ValidationError(
                    self.env._("Only the PASS IAE of an insertion contract can be suspended.")
                )
            if not path.pass_date_start <= suspension.date_start <= path.pass_date_end:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: a suspension starts while the PASS IAE is valid, from "
                        "%(start)s to %(end)s.",
                        trainee=name,
                        start=format_date(self.env, path.pass_date_start),
                        end=format_date(self.env, path.pass_date_end),
                    )
                )
            months = int(parameter._get_value("pass_suspension_max_months", path.date_start))
            if suspension.date_end > suspension.date_start + relativedelta(months=months):
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: a suspension lasts at most %(months)s months.",
                        trainee=name,
                        months=months,
                    )
                )
            for other in path.pass_suspension_ids - suspension:
                if (
                    other.date_start <= suspension.date_end
                    and suspension.date_start <= other.date_end
                ):
                    raise ValidationError(
                        self.env._(
                            "%(trainee)s: two suspensions of the PASS IAE overlap, from "
                            "%(start)s. Merge them.",
                            trainee=name,
                            start=format_date(
                                self.env, max(other.date_start, suspension.date_start)
                            ),
                        )
                    )
