from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..const import BARRIER_CATEGORIES


class TraineeBarrier(models.Model):
    """A barrier to employment found in the entry diagnostic (or later), and its follow-up.

    Sensitive (health, justice, resources): only insertion managers and the trainee's
    referent trainer read these lines (record rules).
    """

    _name = "tiers_lieu.trainee.barrier"
    _description = "Barrier to Employment"
    _order = "date_identified desc, id desc"
    _check_company_auto = True

    trainee_id = fields.Many2one(
        "tiers_lieu.trainee", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="trainee_id.company_id", store=True, index=True)
    category = fields.Selection(BARRIER_CATEGORIES, required=True)
    severity = fields.Selection(
        [("minor", "Minor"), ("major", "Major")], required=True, default="major"
    )
    date_identified = fields.Date(
        string="Identified On", required=True, default=fields.Date.context_today
    )
    date_resolved = fields.Date(string="Lifted On")
    partner_id = fields.Many2one(
        "res.partner", string="Partner Involved", help="The social partner who helps lift it."
    )
    note = fields.Text()

    @api.constrains("date_identified", "date_resolved")
    def _check_dates(self):
        for barrier in self:
            if barrier.date_resolved and barrier.date_resolved < barrier.date_identified:
                raise ValidationError(self.env._("A barrier is lifted after it was identified."))
