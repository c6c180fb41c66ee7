from collections import defaultdict

from odoo import api, models
from odoo.tools.misc import format_date

from .. import pdf
from ..const import HOURS_KINDS


class Trainee(models.Model):
    """The record sheet (livret) PDF of the file."""

    _inherit = "tiers_lieu.trainee"

    def action_print_livret(self):
        """Print the record sheet: drawn on demand and downloaded, never stored (it holds
        personal data, and the file itself is the original)."""
        self.ensure_one()
        return self.env.ref("tiers_lieu_training.action_report_trainee_livret").report_action(self)

    def _livret_filename(self):
        self.ensure_one()
        return self.env._("Record sheet %(name)s", name=self.name)

    def _get_livret_sections(self):
        """Sections of the record sheet: dicts with title, columns and rows (or paragraphs).

        Extension point: a glue addon appends its own sections (e.g. the machine
        authorisations) by overriding this method and extending the returned list.
        """
        self.ensure_one()
        env = self.env

        def fmt(value):
            return pdf.format_number(env, value)

        paths = self.path_ids.sorted("date_start")
        kinds = dict(
            self.env["tiers_lieu.trainee.path"]._fields["kind"]._description_selection(env)
        )
        funders = dict(self._fields["exit_funder_kind"]._description_selection(env))
        sections = [
            {
                "title": env._("Paths"),
                "columns": [
                    env._("Path"),
                    env._("From"),
                    env._("To"),
                    env._("Weekly hours"),
                    env._("Funder"),
                    env._("Skills grid"),
                ],
                "numeric": {3},
                "rows": [
                    [
                        kinds.get(path.kind, ""),
                        format_date(env, path.date_start),
                        format_date(env, path.date_effective_end)
                        if path.date_effective_end
                        else "",
                        fmt(path.weekly_hours) if path.weekly_hours else "",
                        path.funder_id.name or funders.get(path.funder_kind, ""),
                        path.skill_type_id.name or "",
                    ]
                    for path in paths
                ],
            }
        ]
        hours_rows = self._livret_hours_rows()
        sections.append(
            {
                "title": env._("Hours done"),
                "columns": [env._("Month")]
                + [label for _kind, label in self._hours_kind_labels()]
                + [env._("Total"), env._("Contract")],
                "numeric": {1, 2, 3, 4, 5},
                "rows": hours_rows,
                "empty": env._("No hours recorded yet."),
            }
        )
        statuses = self.skill_status_ids.sorted(
            lambda s: (s.skill_type_id.name or "", s.block_id.sequence, s.skill_id.sequence)
        )
        sections.append(
            {
                "title": env._("Skills"),
                "columns": [
                    env._("Block"),
                    env._("Skill"),
                    env._("Level"),
                    env._("Evaluated on"),
                    env._("Validated"),
                ],
                "rows": [
                    [
                        status.block_id.display_name or "",
                        status.skill_id.name,
                        status.level_id.name or env._("Not evaluated"),
                        format_date(env, status.last_date) if status.last_date else "",
                        env._("Yes") if status.is_validated else "",
                    ]
                    for status in statuses
                ],
                "empty": env._("No skills grid on the paths."),
            }
        )
        sections.append(
            {
                "title": env._("Progress per block"),
                "columns": [env._("Block"), env._("Validated skills"), env._("Progress")],
                "numeric": {1, 2},
                "rows": [
                    [
                        block.block_id.display_name,
                        f"{block.validated_count} / {block.skill_count}",
                        f"{fmt(block.progress)} %",
                    ]
                    for block in self.block_progress_ids.sorted(lambda b: b.block_id.sequence)
                ],
                "empty": env._("No skills block."),
            }
        )
        if self.state == "exited":
            details = dict(self._fields["exit_detail"]._description_selection(env))
            categories = dict(self._fields["exit_category"]._description_selection(env))
            sections.append(
                {
                    "title": env._("Exit"),
                    "paragraphs": [
                        env._(
                            "Exit on %(date)s: %(category)s – %(detail)s.",
                            date=format_date(env, self.exit_date),
                            category=categories[self.exit_category],
                            detail=details[self.exit_detail],
                        )
                    ],
                }
            )
        return sections

    @api.model
    def _hours_kind_labels(self):
        return self.env["tiers_lieu.trainee.hours"]._fields["kind"]._description_selection(self.env)

    def _livret_hours_rows(self):
        """One row per month with hours: done per kind, total and contracted hours."""
        self.ensure_one()
        env = self.env
        groups = self.env["tiers_lieu.trainee.hours"]._read_group(
            [("trainee_id", "=", self.id)], ["date:month", "kind"], ["hours:sum"]
        )
        months = defaultdict(dict)
        for month, kind, hours in groups:
            months[month][kind] = hours
        rows = []
        for month in sorted(months):
            done = months[month]
            contract = sum(path._contract_hours_month(month) for path in self.path_ids)
            rows.append(
                [format_date(env, month, date_format="MMMM y")]
                + [pdf.format_number(env, done.get(kind, 0.0)) for kind, _l in HOURS_KINDS]
                + [
                    pdf.format_number(env, sum(done.values())),
                    pdf.format_number(env, contract),
                ]
            )
        return rows

    def _render_livret_pdf(self, data=None):
        """{trainee id: PDF bytes} (renderer of the report action_report_trainee_livret)."""
        return {trainee.id: trainee._livret_pdf() for trainee in self}

    def _livret_pdf(self):
        self.ensure_one()
        env = self.env
        states = dict(self._fields["state"]._description_selection(env))
        header = [
            env._("Trainee: %(name)s", name=self.name),
            env._("Referent trainer: %(name)s", name=self.trainer_id.name or "–"),
            env._("Status: %(state)s", state=states[self.state]),
        ]
        if self.entry_date:
            header.append(env._("Entry: %(date)s", date=format_date(env, self.entry_date)))
        return pdf.render_document(
            env,
            self.company_id,
            env._("Trainee record sheet"),
            header,
            self._get_livret_sections(),
        )
