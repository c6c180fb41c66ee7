from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from ..const import PMSMP_OBJECTIVES


class TraineePmsmp(models.Model):
    """A period of work-situation immersion (PMSMP) in a host company."""

    _name = "tiers_lieu.trainee.pmsmp"
    _description = "PMSMP Period"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    trainee_id = fields.Many2one(
        "tiers_lieu.trainee", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="trainee_id.company_id", store=True, index=True)
    host_id = fields.Many2one("res.partner", string="Host Company", required=True)
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="To", required=True)
    objective = fields.Selection(PMSMP_OBJECTIVES, required=True)
    outcome = fields.Selection(
        [
            ("confirmed", "Project confirmed"),
            ("hired", "Hiring"),
            ("redirected", "Project redirected"),
            ("abandoned", "Interrupted"),
        ]
    )
    outcome_note = fields.Text()

    @api.constrains("date_start", "date_end", "trainee_id")
    def _check_dates(self):
        suspensions = (
            self.env["tiers_lieu.pass.suspension"]
            .sudo()
            .search([("trainee_id", "in", self.trainee_id.ids)])
        )
        for period in self:
            if period.date_end < period.date_start:
                raise ValidationError(self.env._("A PMSMP ends after it starts."))
            for suspension in suspensions.filtered(
                lambda s, p=period: s.trainee_id == p.trainee_id
            ):
                if (
                    suspension.date_start <= period.date_end
                    and period.date_start <= suspension.date_end
                ):
                    raise ValidationError(
                        self.env._(
                            "The PMSMP of %(trainee)s (%(start)s – %(end)s) overlaps the "
                            "suspension of their PASS IAE from %(s_start)s to %(s_end)s: "
                            "an immersion takes place while the path runs.",
                            trainee=period.trainee_id.name,
                            start=format_date(self.env, period.date_start),
                            end=format_date(self.env, period.date_end),
                            s_start=format_date(self.env, suspension.date_start),
                            s_end=format_date(self.env, suspension.date_end),
                        )
                    )
