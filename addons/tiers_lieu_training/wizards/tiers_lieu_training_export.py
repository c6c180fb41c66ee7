"""Official exports of the training files: the monthly IAE statement for the ASP, the
PASS IAE list, the Cerfa FA13 data of the apprenticeship contracts.

All or nothing: when one file in scope misses a datum the export needs, no file is made
and the report lists every trainee left out and why, so that nothing is declared short.

ASP monthly statement ("état mensuel" of the Extranet IAE 2.0). The ASP publishes no file
layout for it: structures type it on the extranet, or their insertion software sends it
through an exchange whose specification is not public. What is known (aide des emplois
de l'inclusion; DEETS guidance on the monthly follow-up): per employee in insertion and
month, the hours worked, a "salarié toujours accompagné" box for a month without hours,
and the exit date and reason. The columns below carry that, identified by the PASS IAE
number; they are a worksheet to type from, not an import file the extranet is known to
accept. Columns, in order:

    month (YYYY-MM) · PASS IAE number · trainee · contract start · contract end ·
    hours worked (production + training + support) · of which production · of which
    training · of which support · still supported (Oui/Non) · exit date · exit reason

Files: CSV for French spreadsheets (``;``, UTF-8 with a byte-order mark, decimal comma in
French), dates in ISO 8601 (YYYY-MM-DD).

PASS IAE list, as les emplois de l'inclusion holds a PASS: number, start, initial end,
end (suspensions and extensions included), suspended days, extensions, prescriber.
"""

import base64
from calendar import monthrange

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.tiers_lieu.csv_export import write_rows

from .. import pdf
from ..const import INSERTION_MANAGER

EXPORT_KINDS = [
    ("asp_monthly", "ASP monthly IAE statement (CSV)"),
    ("pass_list", "PASS IAE list (CSV)"),
    ("cerfa_fa13", "Cerfa FA13 data of the apprenticeships (CSV)"),
]


class TrainingExport(models.TransientModel):
    _name = "tiers_lieu.training.export"
    _description = "Official Training Export"

    kind = fields.Selection(EXPORT_KINDS, required=True, default="asp_monthly")
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month: the paths running in that month are exported.",
    )
    path_ids = fields.Many2many(
        "tiers_lieu.trainee.path",
        string="Contracts",
        help="Cerfa FA13: the apprenticeship contracts to export; empty for every "
        "apprenticeship running in the month.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Exported"), ("blocked", "Blocked")],
        default="draft",
        required=True,
    )
    report = fields.Text(readonly=True)
    file = fields.Binary(readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "tiers_lieu.trainee.path" and context.get("active_ids"):
            values["kind"] = "cerfa_fa13"
            values["path_ids"] = [fields.Command.set(context["active_ids"])]
        return values

    def _month_bounds(self):
        start = self.month.replace(day=1)
        return start, start.replace(day=monthrange(start.year, start.month)[1])

    def _running_paths(self, kind):
        start, end = self._month_bounds()
        return (
            self.env["tiers_lieu.trainee.path"]
            .search(
                [
                    ("kind", "=", kind),
                    ("company_id", "in", self.env.companies.ids),
                    ("date_start", "<=", end),
                    "|",
                    ("date_effective_end", "=", False),
                    ("date_effective_end", ">=", start),
                ]
            )
            .sorted(lambda p: (p.trainee_id.name or "", p.date_start, p.id))
        )

    def action_export(self):
        self.ensure_one()
        if not self.env.user.has_group("tiers_lieu.group_trainer"):
            raise AccessError(self.env._("Only trainers and insertion managers export files."))
        builder = getattr(self, f"_export_{self.kind}")
        columns, rows, problems, name = builder()
        if problems:
            self.write(
                {
                    "state": "blocked",
                    "file": False,
                    "filename": False,
                    "report": "\n".join(problems),
                }
            )
        else:
            if not rows:
                raise UserError(self.env._("Nothing to export for this month."))
            content = ("\ufeff" + write_rows(rows, header=columns)).encode("utf-8")
            self.write(
                {
                    "state": "done",
                    "file": base64.b64encode(content),
                    "filename": name,
                    "report": self.env._("%(count)s lines exported.", count=len(rows)),
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------ exports

    def _fmt(self, value):
        return pdf.format_number(self.env, value)

    def _date(self, value):
        return fields.Date.to_string(value) if value else ""

    def _export_asp_monthly(self):
        env = self.env
        start, end = self._month_bounds()
        paths = self._running_paths("cddi")
        hours = {
            (path.id, kind): total
            for path, kind, total in env["tiers_lieu.trainee.hours"]._read_group(
                [("path_id", "in", paths.ids), ("date", ">=", start), ("date", "<=", end)],
                ["path_id", "kind"],
                ["hours:sum"],
            )
        }
        details = dict(env["tiers_lieu.trainee"]._fields["exit_detail"]._description_selection(env))
        columns = [
            env._("Month"),
            env._("PASS IAE number"),
            env._("Trainee"),
            env._("Contract start"),
            env._("Contract end"),
            env._("Hours worked"),
            env._("Of which production"),
            env._("Of which training"),
            env._("Of which support"),
            env._("Still supported"),
            env._("Exit date"),
            env._("Exit reason"),
        ]
        rows, problems = [], []
        for path in paths:
            trainee = path.trainee_id
            missing = path._pass_problem(start, end)
            if missing:
                problems.append(
                    env._("%(trainee)s: %(problem)s", trainee=trainee.name, problem=missing)
                )
                continue
            done = {k: hours.get((path.id, k), 0.0) for k in ("production", "training", "support")}
            total = sum(done.values())
            exited = trainee.exit_date and start <= trainee.exit_date <= end
            rows.append(
                [
                    f"{start:%Y-%m}",
                    path.pass_number,
                    trainee.name,
                    self._date(path.date_start),
                    self._date(path.date_effective_end),
                    self._fmt(total),
                    self._fmt(done["production"]),
                    self._fmt(done["training"]),
                    self._fmt(done["support"]),
                    env._("Yes") if not total and not exited else env._("No"),
                    self._date(trainee.exit_date) if exited else "",
                    details.get(trainee.exit_detail, "") if exited else "",
                ]
            )
        return columns, rows, problems, f"asp-etat-mensuel-{start:%Y-%m}.csv"

    def _export_pass_list(self):
        env = self.env
        start, end = self._month_bounds()
        columns = [
            env._("PASS IAE number"),
            env._("Trainee"),
            env._("PASS IAE start"),
            env._("PASS IAE initial end"),
            env._("PASS IAE end"),
            env._("Suspended days"),
            env._("Extensions"),
            env._("Prescriber"),
        ]
        rows, problems = [], []
        for path in self._running_paths("cddi"):
            trainee = path.trainee_id
            missing = path._pass_problem(start, end)
            if not missing and not path.pass_prescriber_id:
                missing = env._("the PASS IAE prescriber is missing.")
            if missing:
                problems.append(
                    env._("%(trainee)s: %(problem)s", trainee=trainee.name, problem=missing)
                )
                continue
            rows.append(
                [
                    path.pass_number,
                    trainee.name,
                    self._date(path.pass_date_start),
                    self._date(path.pass_date_end_initial),
                    self._date(path.pass_date_end),
                    sum(path.pass_suspension_ids.mapped("duration_days")),
                    len(path.pass_extension_ids),
                    path.pass_prescriber_id.name,
                ]
            )
        return columns, rows, problems, f"pass-iae-{start:%Y-%m}.csv"

    def _export_cerfa_fa13(self):
        env = self.env
        if not env.user.has_group(INSERTION_MANAGER):
            raise AccessError(
                env._(
                    "The Cerfa FA13 data hold the apprentice's social security number: "
                    "insertion managers only export them."
                )
            )
        start, _end = self._month_bounds()
        paths = self.path_ids or self._running_paths("apprenticeship")
        others = paths.filtered(lambda p: p.kind != "apprenticeship")
        if others:
            raise UserError(
                env._(
                    "Only apprenticeship contracts have Cerfa FA13 data (%(names)s are not).",
                    names=", ".join(others.trainee_id.mapped("name")),
                )
            )
        columns, rows, problems = paths._cerfa_fa13_table()
        return columns, rows, problems, f"cerfa-fa13-{start:%Y-%m}.csv"
