from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from .. import pdf
from ..const import CERTIFICATION_LEVELS, MAX_APPRENTICES_PER_MASTER


class TraineePath(models.Model):
    """Apprenticeship contracts: the data of the Cerfa FA13 (n° 10103*14) we hold, and the
    apprentice master's eligibility and load (Code du travail R6223-22, R6223-6)."""

    _inherit = "tiers_lieu.trainee.path"

    contract_signature_date = fields.Date(
        string="Contract Signed On", help="Cerfa FA13: date the contract was concluded."
    )
    practical_training_date = fields.Date(
        string="Practical Training Starts On",
        help="Cerfa FA13: start of the practical training at the employer.",
    )
    cfa_date_start = fields.Date(
        string="Training Cycle Starts On", help="Cerfa FA13: start of the training at the CFA."
    )
    diploma_level = fields.Selection(CERTIFICATION_LEVELS, string="Level of the Diploma Prepared")
    master_diploma = fields.Char(
        string="Master's Highest Diploma", help="Highest diploma or title of the master."
    )
    master_diploma_level = fields.Selection(CERTIFICATION_LEVELS, string="Master's Diploma Level")
    master_experience_years = fields.Float(
        string="Master's Years of Experience",
        digits=(4, 1),
        help="Years of professional experience related to the qualification prepared.",
    )
    master_eligible = fields.Boolean(
        compute="_compute_master_eligible",
        help="Code du travail R6223-22, unless a branch agreement sets other conditions: "
        "a diploma of the same professional field at a level at least that of the diploma "
        "prepared and one year of experience, or two years of experience (internships and "
        "apprenticeship periods not counted).",
    )
    exam_failure_extension = fields.Boolean(
        string="Extended After Failing the Exam",
        help="The training is extended after a failure at the exam (Code du travail "
        "L6222-11): the master may supervise this apprentice on top of two others.",
    )

    _sql_constraints = [
        (
            "master_experience_positive",
            "CHECK(master_experience_years IS NULL OR master_experience_years >= 0)",
            "The master's years of experience cannot be negative.",
        ),
    ]

    @api.depends("master_diploma_level", "master_experience_years", "diploma_level")
    def _compute_master_eligible(self):
        for path in self:
            years = path.master_experience_years or 0.0
            by_diploma = (
                path.master_diploma_level
                and path.diploma_level
                and int(path.master_diploma_level) >= int(path.diploma_level)
                and years >= 1
            )
            path.master_eligible = bool(years >= 2 or by_diploma)

    @api.constrains(
        "kind",
        "apprentice_master_id",
        "date_start",
        "date_end",
        "date_stop",
        "exam_failure_extension",
    )
    def _check_master_apprentices(self):
        """At most two apprentices at a time per master (plus one extended after failing
        the exam), counted over the company whoever follows them."""
        for path in self.filtered(lambda p: p.kind == "apprenticeship" and p.apprentice_master_id):
            master = path.apprentice_master_id
            others = (
                self.sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("id", "!=", path.id),
                        ("kind", "=", "apprenticeship"),
                        ("apprentice_master_id", "=", master.id),
                        ("company_id", "=", path.company_id.id),
                    ]
                )
                .filtered(lambda other, path=path: other._overlaps(path))
            )
            # The most apprentices at once is reached on a start date in the path's period.
            days = {path.date_start} | {
                other.date_start for other in others if other.date_start > path.date_start
            }
            for day in sorted(days):
                running = (path.sudo() | others).filtered(
                    lambda p, day=day: p.date_start <= day
                    and (not p.date_effective_end or p.date_effective_end >= day)
                )
                regular = running.filtered(lambda p: not p.exam_failure_extension)
                extended = running - regular
                if len(regular) > MAX_APPRENTICES_PER_MASTER or len(extended) > 1:
                    raise ValidationError(
                        self.env._(
                            "%(master)s would supervise %(count)s apprentices on %(date)s "
                            "(%(names)s): an apprentice master supervises at most %(max)s "
                            "apprentices at a time, plus one whose training is extended "
                            "after failing the exam (Code du travail R6223-6). Choose "
                            "another master.",
                            master=master.name,
                            count=len(running),
                            date=format_date(self.env, day),
                            names=", ".join(running.trainee_id.mapped("name")),
                            max=MAX_APPRENTICES_PER_MASTER,
                        )
                    )

    def _cerfa_fa13_table(self):
        """(columns, rows, problems) of the Cerfa FA13 data of these apprenticeship
        contracts; a contract missing a datum the form requires is a problem line.

        Only the fields we hold: the form also asks for the pay, the legal representative,
        the apprentice's previous situation… which are typed on the OPCO's portal.
        """
        env = self.env
        levels = dict(self._fields["diploma_level"]._description_selection(env))

        def day(value):
            return fields.Date.to_string(value) if value else ""

        columns = [
            env._("Employer"),
            env._("Employer SIRET"),
            env._("Apprentice"),
            env._("Apprentice birth date"),
            env._("Apprentice NIR"),
            env._("RQTH"),
            env._("Apprentice master"),
            env._("Master's job"),
            env._("Master's highest diploma"),
            env._("Master's diploma level"),
            env._("Master's years of experience"),
            env._("Contract signed on"),
            env._("Contract start"),
            env._("Practical training start"),
            env._("Contract end"),
            env._("Weekly hours"),
            env._("CFA"),
            env._("CFA SIRET"),
            env._("Diploma or title prepared"),
            env._("Level"),
            env._("RNCP code"),
            env._("Training cycle start"),
            env._("Hours at the CFA"),
        ]
        rows, problems = [], []
        for path in self.sorted(lambda p: (p.trainee_id.name or "", p.date_start)):
            trainee = path.trainee_id
            master = path.apprentice_master_id.sudo()
            required = {
                env._("the signature date"): path.contract_signature_date,
                env._("the level of the diploma prepared"): path.diploma_level,
                env._("the apprentice's birth date"): trainee.birth_date,
                env._("the apprentice's social security number (NIR)"): trainee.nir,
            }
            missing = [label for label, value in required.items() if not value]
            if missing:
                problems.append(
                    env._(
                        "%(trainee)s: give %(fields)s.",
                        trainee=trainee.name,
                        fields=", ".join(missing),
                    )
                )
                continue
            if not path.master_eligible:
                problems.append(
                    env._(
                        "%(trainee)s: the apprentice master %(master)s is not shown eligible: "
                        "two years of experience, or a diploma of the field at the level "
                        "prepared or above and one year (Code du travail R6223-22).",
                        trainee=trainee.name,
                        master=master.name,
                    )
                )
                continue
            company = path.company_id.sudo()
            rows.append(
                [
                    company.association_legal_name or company.name,
                    company.siret,
                    trainee.name,
                    day(trainee.birth_date),
                    trainee.nir,
                    env._("Yes") if trainee.rqth else env._("No"),
                    master.name,
                    master.job_title or "",
                    path.master_diploma or "",
                    levels.get(path.master_diploma_level, ""),
                    pdf.format_number(env, path.master_experience_years),
                    day(path.contract_signature_date),
                    day(path.date_start),
                    day(path.practical_training_date or path.date_start),
                    day(path.date_effective_end),
                    pdf.format_number(env, path.weekly_hours),
                    path.cfa_id.name,
                    path.cfa_id.siret or "",
                    path.skill_type_id.name or "",
                    levels.get(path.diploma_level, ""),
                    path.rncp_code,
                    day(path.cfa_date_start),
                    pdf.format_number(env, path.cfa_hours),
                ]
            )
        return columns, rows, problems
