from odoo import models
from odoo.tools.misc import format_date

from .. import pdf


class Trainee(models.Model):
    """The attestation of the skills validated per certification block (reportlab PDF)."""

    _inherit = "tiers_lieu.trainee"

    def _render_skills_attestation_pdf(self, data=None):
        """{trainee id: PDF bytes} (renderer of action_report_skills_attestation)."""
        return {trainee.id: trainee._skills_attestation_pdf() for trainee in self}

    def _skills_attestation_filename(self):
        self.ensure_one()
        return self.env._("Attestation of skills %(name)s", name=self.name)

    def _skills_attestation_pdf(self):
        self.ensure_one()
        header, sections = self._skills_attestation_content()
        return pdf.render_document(
            self.env,
            self.sudo().company_id,
            self.env._("Attestation of skills acquired per certification block"),
            header,
            sections,
            signature=True,
        )

    def _skills_attestation_content(self):
        """(header lines, sections): one section per block of the trainee's certification
        grids with a validated skill, listing those skills from their latest evaluation
        (Code du travail L6113-1: a block is assessed and validated on its own)."""
        self.ensure_one()
        env = self.env
        statuses = self.skill_status_ids.filtered(lambda s: s.is_validated and s.block_id)
        progress = {b.block_id: b for b in self.block_progress_ids}
        header = [env._("Trainee: %(name)s", name=self.name)]
        grids = statuses.skill_type_id.sorted(lambda g: (g.name or "", g.id))
        for grid in grids:
            header.append(
                env._(
                    "Certification: %(name)s (%(code)s)",
                    name=grid.name,
                    code=grid.rncp_code or "–",
                )
            )
        header.append(
            env._(
                "The skills below were assessed and validated by the training organisation "
                "on the dates given."
            )
        )
        sections = []
        blocks = statuses.block_id.sorted(lambda b: (b.skill_type_id.name or "", b.sequence, b.id))
        for block in blocks:
            block_progress = progress.get(block)
            validated = statuses.filtered(lambda s, b=block: s.block_id == b)
            complete = (
                block_progress and block_progress.validated_count >= block_progress.skill_count
            )
            sections.append(
                {
                    "title": " – ".join(filter(None, [block.code, block.name])),
                    "paragraphs": [
                        env._("Block fully validated.")
                        if complete
                        else env._(
                            "%(validated)s of the %(total)s skills of the block validated.",
                            validated=len(validated),
                            total=block_progress.skill_count if block_progress else len(validated),
                        )
                    ],
                    "columns": [env._("Skill"), env._("Level"), env._("Validated on")],
                    "widths": [4, 2, 1.5],
                    "rows": [
                        [
                            status.skill_id.name,
                            status.level_id.name or "",
                            format_date(env, status.last_date) if status.last_date else "",
                        ]
                        for status in validated.sorted(
                            lambda s: (s.skill_id.sequence, s.skill_id.name)
                        )
                    ],
                }
            )
        if not sections:
            sections.append(
                {"title": env._("Skills"), "paragraphs": [env._("No skill validated yet.")]}
            )
        return header, sections
