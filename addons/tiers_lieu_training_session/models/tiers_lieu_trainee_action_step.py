from odoo import api, fields, models
from odoo.exceptions import ValidationError

ACTION_STEP_STATES = [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")]


class TraineeActionStep(models.Model):
    """A dated step of the trainee's action plan, usually to lift a barrier found in the
    diagnostic, with the partner involved.

    As sensitive as the barriers it answers (a housing or health step says the barrier):
    only the referent trainer and insertion managers read them (record rules).
    """

    _name = "tiers_lieu.trainee.action.step"
    _description = "Action Plan Step"
    _order = "state, date_due, id"
    _check_company_auto = True

    trainee_id = fields.Many2one(
        "tiers_lieu.trainee", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="trainee_id.company_id", store=True, index=True)
    name = fields.Char(string="Step", required=True)
    barrier_id = fields.Many2one(
        "tiers_lieu.trainee.barrier",
        string="Barrier",
        ondelete="set null",
        domain="[('trainee_id', '=', trainee_id)]",
        help="The barrier to employment this step works on, if any.",
    )
    date_due = fields.Date(string="Due On", required=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Partner Involved",
        help="The partner who takes part in the step (social worker, housing body, employer…).",
    )
    state = fields.Selection(ACTION_STEP_STATES, string="Status", required=True, default="open")
    date_done = fields.Date(string="Done On", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        string="Overdue",
        help="Open and its due date is past.",
    )
    note = fields.Text()

    @api.depends("state", "date_due")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for step in self:
            step.is_overdue = step.state == "open" and step.date_due and step.date_due < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Search on Overdue takes true or false."))
        overdue = [("state", "=", "open"), ("date_due", "<", fields.Date.context_today(self))]
        if (operator == "=") == value:
            return overdue
        return ["|", ("state", "!=", "open"), ("date_due", ">=", fields.Date.context_today(self))]

    @api.constrains("barrier_id", "trainee_id")
    def _check_barrier_of_the_trainee(self):
        for step in self.filtered("barrier_id"):
            if step.barrier_id.trainee_id != step.trainee_id:
                raise ValidationError(
                    self.env._(
                        "The step “%(step)s” answers a barrier of another trainee.",
                        step=step.name,
                    )
                )

    def write(self, vals):
        if "state" in vals:
            vals = dict(
                vals,
                date_done=fields.Date.context_today(self) if vals["state"] == "done" else False,
            )
        return super().write(vals)

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    def action_reopen(self):
        self.write({"state": "open"})
