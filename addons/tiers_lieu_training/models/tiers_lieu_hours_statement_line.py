from odoo import api, fields, models
from odoo.exceptions import UserError


class HoursStatementLine(models.Model):
    _name = "tiers_lieu.hours.statement.line"
    _description = "Monthly Hours Statement Line"
    _order = "statement_id, id"

    statement_id = fields.Many2one(
        "tiers_lieu.hours.statement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    trainee_id = fields.Many2one("tiers_lieu.trainee", required=True, ondelete="restrict")
    path_id = fields.Many2one("tiers_lieu.trainee.path", required=True, ondelete="restrict")
    contract_hours = fields.Float(string="Contracted Hours", digits=(7, 2))
    production_hours = fields.Float(string="Production", digits=(7, 2))
    training_hours = fields.Float(string="Training", digits=(7, 2))
    support_hours = fields.Float(string="Support", digits=(7, 2))
    total_hours = fields.Float(
        string="Total", compute="_compute_total_hours", store=True, digits=(7, 2)
    )
    still_supported = fields.Boolean(
        help="Tick when the person is still followed, even with no hours this month.",
    )

    @api.depends("production_hours", "training_hours", "support_hours")
    def _compute_total_hours(self):
        for line in self:
            line.total_hours = line.production_hours + line.training_hours + line.support_hours

    def _check_statement_draft(self, statements):
        if statements.filtered(lambda s: s.state != "draft"):
            raise UserError(
                self.env._(
                    "The lines of an issued statement cannot change: issue a correction "
                    "of %(names)s.",
                    names=", ".join(
                        statements.filtered(lambda s: s.state != "draft").mapped("name")
                    ),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        statement_ids = {vals.get("statement_id") for vals in vals_list}
        self._check_statement_draft(self.env["tiers_lieu.hours.statement"].browse(statement_ids))
        return super().create(vals_list)

    def write(self, vals):
        self._check_statement_draft(self.statement_id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_lines(self):
        self._check_statement_draft(self.statement_id)
