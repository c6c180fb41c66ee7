from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PassExtension(models.Model):
    """Prolongation of a PASS IAE: it follows the current end, for whole months."""

    _name = "tiers_lieu.pass.extension"
    _description = "PASS IAE Extension"
    _order = "sequence, id"

    path_id = fields.Many2one(
        "tiers_lieu.trainee.path", required=True, ondelete="cascade", index=True
    )
    trainee_id = fields.Many2one(related="path_id.trainee_id", store=True, index=True)
    company_id = fields.Many2one(related="path_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    reason_id = fields.Many2one(
        "tiers_lieu.pass.extension.reason", string="Reason", required=True, ondelete="restrict"
    )
    months = fields.Integer(string="Duration (months)", required=True)
    explanation = fields.Text(help="Why the extension is needed (prescriber's opinion, RQTH…).")
    date_start = fields.Date(string="From", compute="_compute_dates", store=True)
    date_end = fields.Date(string="To", compute="_compute_dates", store=True)

    _sql_constraints = [
        ("months_positive", "CHECK(months > 0)", "An extension lasts at least one month."),
    ]

    @api.depends(
        "months",
        "sequence",
        "path_id.pass_date_end_base",
        "path_id.pass_extension_ids.months",
        "path_id.pass_extension_ids.sequence",
    )
    def _compute_dates(self):
        for extension in self:
            cursor = extension.path_id.pass_date_end_base
            if not cursor:
                extension.date_start = extension.date_end = False
                continue
            for sibling in extension.path_id.pass_extension_ids.sorted(self._order_key):
                start = cursor + relativedelta(days=1)
                cursor = start + relativedelta(months=sibling.months, days=-1)
                if sibling == extension:
                    extension.date_start, extension.date_end = start, cursor
                    break
            else:
                extension.date_start = extension.date_end = False

    @staticmethod
    def _order_key(extension):
        return (extension.sequence, extension._origin.id or float("inf"))

    @api.constrains("path_id", "reason_id", "months")
    def _check_caps(self):
        parameter = self.env["tiers_lieu.training.parameter"]
        for extension in self:
            path = extension.path_id
            if path.kind != "cddi" or not path.pass_date_start:
                raise ValidationError(
                    self.env._("Only the PASS IAE of an insertion contract (CDDI) can be extended.")
                )
            reason = extension.reason_id
            same_reason = path.pass_extension_ids.filtered(lambda e, r=reason: e.reason_id == r)
            cumulative = sum(same_reason.mapped("months"))
            if cumulative > reason.max_cumulative_months:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the extensions for “%(reason)s” would total %(months)s "
                        "months; the law caps them at %(cap)s months.",
                        trainee=path.trainee_id.name,
                        reason=reason.name,
                        months=cumulative,
                        cap=reason.max_cumulative_months,
                    )
                )
            if reason.max_single_months and extension.months > reason.max_single_months:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: an extension for “%(reason)s” lasts at most %(cap)s "
                        "months at a time (%(months)s asked); renew it when it ends.",
                        trainee=path.trainee_id.name,
                        reason=reason.name,
                        cap=reason.max_single_months,
                        months=extension.months,
                    )
                )
            if reason.max_total_months:
                initial = int(parameter._get_value("pass_iae_months", path.pass_date_start))
                total = initial + sum(path.pass_extension_ids.mapped("months"))
                if total > reason.max_total_months:
                    raise ValidationError(
                        self.env._(
                            "%(trainee)s: with this extension the PASS IAE would last "
                            "%(months)s months; with the reason “%(reason)s” it lasts at most "
                            "%(cap)s months in all.",
                            trainee=path.trainee_id.name,
                            months=total,
                            reason=reason.name,
                            cap=reason.max_total_months,
                        )
                    )
