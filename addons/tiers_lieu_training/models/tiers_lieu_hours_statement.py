import base64
from calendar import monthrange

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu.csv_export import write_rows

from .. import pdf
from ..const import FUNDER_KINDS, HOURS_KINDS

# What an issued statement states: never written again once issued.
ISSUED_CONTENT = {
    "month",
    "funder_kind",
    "funder_id",
    "company_id",
    "line_ids",
    "pdf_file",
    "pdf_filename",
    "csv_file",
    "csv_filename",
    "replaces_id",
}


class HoursStatement(models.Model):
    """The monthly hours statement a funder asks for: per trainee of the funded paths,
    the contracted hours and the hours done (production, training, support)."""

    _name = "tiers_lieu.hours.statement"
    _description = "Monthly Hours Statement"
    _inherit = ["mail.thread", "tiers_lieu.restricted.followers.mixin"]
    _order = "month desc, id desc"
    _check_company_auto = True
    # Issued statements are read-only for everyone (record rule
    # hours_statement_rule_issued_readonly): comments are still welcome.
    _mail_post_access = "read"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month; stored as its first day.",
    )
    date_to = fields.Date(compute="_compute_name", store=True)
    funder_kind = fields.Selection(FUNDER_KINDS, required=True, default="asp")
    funder_id = fields.Many2one(
        "res.partner",
        string="Funder",
        check_company=True,
        help="Leave empty to list every path funded by this kind of funder.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Issued"), ("replaced", "Replaced")],
        default="draft",
        required=True,
        tracking=True,
        help="An issued statement never changes: a correction is a new statement that "
        "replaces it, and both stay on file.",
    )
    replaces_id = fields.Many2one(
        "tiers_lieu.hours.statement",
        string="Corrects",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Issued statement this one corrects.",
    )
    line_ids = fields.One2many("tiers_lieu.hours.statement.line", "statement_id", string="Lines")
    contract_hours = fields.Float(compute="_compute_totals", string="Contracted Hours")
    done_hours = fields.Float(compute="_compute_totals", string="Hours Done")
    pdf_file = fields.Binary(string="PDF", attachment=True, readonly=True, copy=False)
    pdf_filename = fields.Char(readonly=True, copy=False)
    csv_file = fields.Binary(string="CSV", attachment=True, readonly=True, copy=False)
    csv_filename = fields.Char(readonly=True, copy=False)

    @api.depends("month", "funder_kind", "funder_id")
    def _compute_name(self):
        kinds = dict(self._fields["funder_kind"]._description_selection(self.env))
        for statement in self:
            if not statement.month:
                statement.name = statement.date_to = False
                continue
            days = monthrange(statement.month.year, statement.month.month)[1]
            statement.date_to = statement.month.replace(day=days)
            funder = statement.funder_id.name or kinds.get(statement.funder_kind, "")
            statement.name = f"{statement.month:%Y-%m} – {funder}"

    @api.depends("line_ids.contract_hours", "line_ids.total_hours")
    def _compute_totals(self):
        for statement in self:
            statement.contract_hours = sum(statement.line_ids.mapped("contract_hours"))
            statement.done_hours = sum(statement.line_ids.mapped("total_hours"))

    @api.constrains("company_id", "month", "funder_kind", "funder_id")
    def _check_unique(self):
        for statement in self:
            twins = self.search_count(
                [
                    ("id", "!=", statement.id),
                    ("company_id", "=", statement.company_id.id),
                    ("month", "=", statement.month),
                    ("funder_kind", "=", statement.funder_kind),
                    ("funder_id", "=", statement.funder_id.id),
                    ("state", "!=", "replaced"),
                ]
            )
            if twins:
                raise ValidationError(
                    self.env._(
                        "There is already a statement %(name)s: open it instead.",
                        name=statement.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("month"):
            vals = dict(vals, month=fields.Date.to_date(vals["month"]).replace(day=1))
        issued = self.filtered(lambda s: s.state != "draft")
        # The only change an issued statement takes: being replaced by its correction.
        replacing = vals.get("state") == "replaced" and set(issued.mapped("state")) == {"done"}
        if issued and (set(vals) & ISSUED_CONTENT or ("state" in vals and not replacing)):
            raise UserError(
                self.env._(
                    "An issued statement cannot change (%(names)s): issue a correction, "
                    "which replaces it and keeps it on file.",
                    names=", ".join(issued.mapped("name")),
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda s: s.state != "draft"):
            raise UserError(
                self.env._(
                    "An issued statement cannot be deleted: funders may hold it. Issue a "
                    "correction instead."
                )
            )

    def action_compute_lines(self):
        for statement in self:
            if statement.state != "draft":
                raise UserError(
                    self.env._("An issued statement is not computed again: issue a correction.")
                )
            statement.line_ids.unlink()
            self.env["tiers_lieu.hours.statement.line"].create(statement._prepare_lines())

    def action_issue(self):
        for statement in self:
            if not statement.line_ids:
                statement.action_compute_lines()
            if not statement.line_ids:
                raise UserError(
                    self.env._(
                        "No path of this funder runs in %(month)s: nothing to state.",
                        month=format_date(self.env, statement.month, date_format="MMMM y"),
                    )
                )
            base = f"{statement.month:%Y-%m}-{statement.funder_kind}"
            statement.write(
                {
                    "state": "done",
                    "pdf_file": base64.b64encode(statement._render_pdf()),
                    "pdf_filename": f"{base}.pdf",
                    "csv_file": base64.b64encode(statement._render_csv()),
                    "csv_filename": f"{base}.csv",
                }
            )

    def action_correct(self):
        """Replace issued statements by new drafts of the same month and funder; the
        issued ones stay on file, with their PDF and CSV, marked as replaced."""
        if self.filtered(lambda s: s.state != "done"):
            raise UserError(self.env._("Only an issued statement can be corrected."))
        corrections = self.browse()
        for statement in self:
            # The record rule keeps issued statements (and their files) read-only;
            # being replaced is the one change they take, through this action only.
            statement.sudo().write({"state": "replaced"})
            corrections |= statement.copy({"replaces_id": statement.id, "state": "draft"})
        corrections.action_compute_lines()
        if len(corrections) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": self._name,
                "res_id": corrections.id,
                "view_mode": "form",
            }
        return True

    def _funded_paths(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("funder_kind", "=", self.funder_kind),
            ("date_start", "<=", self.date_to),
            "|",
            ("date_effective_end", "=", False),
            ("date_effective_end", ">=", self.month),
        ]
        if self.funder_id:
            domain.append(("funder_id", "=", self.funder_id.id))
        return self.env["tiers_lieu.trainee.path"].search(domain)

    def _prepare_lines(self):
        """Line values of the month, with two queries whatever the number of paths."""
        self.ensure_one()
        paths = self._funded_paths()
        done = {
            (path.id, kind): hours
            for path, kind, hours in self.env["tiers_lieu.trainee.hours"]._read_group(
                [
                    ("path_id", "in", paths.ids),
                    ("date", ">=", self.month),
                    ("date", "<=", self.date_to),
                ],
                ["path_id", "kind"],
                ["hours:sum"],
            )
        }
        lines = []
        for path in paths.sorted(lambda p: (p.trainee_id.name or "", p.date_start)):
            hours = {kind: done.get((path.id, kind), 0.0) for kind, _label in HOURS_KINDS}
            lines.append(
                {
                    "statement_id": self.id,
                    "trainee_id": path.trainee_id.id,
                    "path_id": path.id,
                    "contract_hours": path._contract_hours_month(self.month),
                    "production_hours": hours["production"],
                    "training_hours": hours["training"],
                    "support_hours": hours["support"],
                    # A person with no hours this month but still followed is declared so.
                    "still_supported": True,
                }
            )
        return lines

    def _statement_table(self):
        """Columns and rows shared by the PDF and the CSV."""
        self.ensure_one()
        env = self.env
        columns = [
            env._("Trainee"),
            env._("Path"),
            env._("Contracted hours"),
            env._("Production"),
            env._("Training"),
            env._("Support"),
            env._("Total"),
            env._("Still supported"),
        ]
        rows = [
            [
                line.trainee_id.name,
                line.path_id.display_name,
                pdf.format_number(env, line.contract_hours),
                pdf.format_number(env, line.production_hours),
                pdf.format_number(env, line.training_hours),
                pdf.format_number(env, line.support_hours),
                pdf.format_number(env, line.total_hours),
                env._("Yes") if line.still_supported else env._("No"),
            ]
            for line in self.line_ids
        ]
        lines = self.line_ids
        totals = [
            env._("Total"),
            "",
            pdf.format_number(env, sum(lines.mapped("contract_hours"))),
            pdf.format_number(env, sum(lines.mapped("production_hours"))),
            pdf.format_number(env, sum(lines.mapped("training_hours"))),
            pdf.format_number(env, sum(lines.mapped("support_hours"))),
            pdf.format_number(env, sum(lines.mapped("total_hours"))),
            "",
        ]
        return columns, rows, totals

    def _render_statement_pdf(self, data=None):
        """{statement id: PDF bytes} (renderer of the report action_report_hours_statement):
        the PDF as issued, or a fresh one for a draft."""
        return {
            statement.id: base64.b64decode(statement.pdf_file)
            if statement.pdf_file
            else statement._render_pdf()
            for statement in self
        }

    def _statement_filename(self):
        self.ensure_one()
        return (self.pdf_filename or f"{self.month:%Y-%m}-{self.funder_kind}").removesuffix(".pdf")

    def _render_pdf(self):
        self.ensure_one()
        env = self.env
        columns, rows, totals = self._statement_table()
        kinds = dict(self._fields["funder_kind"]._description_selection(env))
        header = [
            env._(
                "Month: %(month)s",
                month=format_date(env, self.month, date_format="MMMM y"),
            ),
            env._(
                "Funder: %(funder)s",
                funder=self.funder_id.name or kinds.get(self.funder_kind, ""),
            ),
        ]
        section = {
            "title": env._("Hours per trainee"),
            "columns": columns,
            "rows": rows,
            "totals": totals,
            "numeric": {2, 3, 4, 5, 6},
            "widths": [3, 4, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5],
        }
        return pdf.render_document(
            env,
            self.company_id,
            env._("Monthly hours statement"),
            header,
            [section],
            landscape_mode=True,
            signature=True,
        )

    def _render_csv(self):
        self.ensure_one()
        columns, rows, totals = self._statement_table()
        # Names come from users: neutralised against formula injection (OWASP).
        content = write_rows([*rows, totals], header=columns)
        # A byte-order mark lets spreadsheet programs read the accents right.
        return ("\ufeff" + content).encode("utf-8")
