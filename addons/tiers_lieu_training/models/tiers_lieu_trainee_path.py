import re
from calendar import monthrange
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from ..const import (
    DEFAULT_FUNDER_KIND,
    EMPLOYMENT_PATH_KINDS,
    EXCLUSIVE_PATH_KINDS,
    FUNDER_KINDS,
    PATH_KINDS,
    number_text,
)
from .hr_skill_type import CERTIFICATION_CODE, compact_certification_code

# PASS IAE numbers have 12 digits (99999 + year + sequence for those issued since 2021).
PASS_NUMBER = re.compile(r"^\d{12}$")

# Mensualisation: a month holds 52 weeks / 12 on average.
WEEKS_PER_MONTH = 52 / 12


class TraineePath(models.Model):
    """A parcours: one contract or agreement of a trainee, with its rules and funder."""

    _name = "tiers_lieu.trainee.path"
    _description = "Trainee Path"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    trainee_id = fields.Many2one(
        "tiers_lieu.trainee", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="trainee_id.company_id", store=True, index=True)
    kind = fields.Selection(PATH_KINDS, required=True)
    date_start = fields.Date(string="Start", required=True)
    date_end = fields.Date(string="Planned End", help="End date of the contract or agreement.")
    date_stop = fields.Date(
        string="Actual End",
        copy=False,
        help="Set when the path ends before its planned end (exit, broken contract).",
    )
    date_effective_end = fields.Date(
        string="End", compute="_compute_date_effective_end", store=True, index=True
    )
    funder_kind = fields.Selection(
        FUNDER_KINDS,
        compute="_compute_funder_kind",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    funder_id = fields.Many2one(
        "res.partner",
        string="Funder",
        check_company=True,
        help="The body that funds this path (the OPCO, the Département…), for its statements.",
    )
    weekly_hours = fields.Float(string="Contracted Weekly Hours", digits=(5, 2))
    hours_derogation = fields.Boolean(
        string="Derogation to the 20 h/week Floor",
        help="CDDI under 20 hours a week for a person facing severe difficulties "
        "(Code du travail R5132-43-5 for ACI and similar articles): give the reason.",
    )
    hours_derogation_reason = fields.Text(string="Derogation Reason")
    skill_type_id = fields.Many2one(
        "hr.skill.type",
        string="Skills Grid",
        domain=[("is_certification", "=", True)],
        help="The certification or skills grid the trainee works towards on this path.",
    )
    note = fields.Text()

    # Apprenticeship (contract Cerfa FA13).
    cfa_id = fields.Many2one("res.partner", string="CFA", check_company=True)
    rncp_code = fields.Char(
        string="RNCP Code", compute="_compute_rncp_code", store=True, readonly=False
    )
    apprentice_master_id = fields.Many2one(
        "hr.employee", string="Apprentice Master", check_company=True
    )
    company_hours = fields.Float(
        string="Hours in the Company", help="Planned hours at work over the whole contract."
    )
    cfa_hours = fields.Float(
        string="Hours at the CFA", help="Planned training hours at the CFA over the contract."
    )
    cfa_ratio = fields.Float(
        string="CFA Share (%)", compute="_compute_cfa_ratio", store=True, digits=(5, 1)
    )

    # Insertion contract (CDDI) and its PASS IAE.
    pass_number = fields.Char(string="PASS IAE Number", copy=False)
    pass_date_start = fields.Date(string="PASS IAE Start")
    pass_prescriber_id = fields.Many2one(
        "res.partner",
        string="PASS IAE Prescriber",
        help="The authorised prescriber (France Travail, Mission locale, association…) who "
        "issued the PASS IAE through les emplois de l'inclusion.",
    )
    pass_date_end_initial = fields.Date(
        string="PASS IAE Initial End", compute="_compute_pass_dates", store=True
    )
    pass_date_end_base = fields.Date(compute="_compute_pass_dates", store=True)
    pass_date_end = fields.Date(
        string="PASS IAE End",
        compute="_compute_pass_end",
        store=True,
        index=True,
        help="Initial end, pushed back by the suspensions and the extensions.",
    )
    pass_extension_ids = fields.One2many(
        "tiers_lieu.pass.extension", "path_id", string="PASS IAE Extensions"
    )
    pass_suspension_ids = fields.One2many(
        "tiers_lieu.pass.suspension", "path_id", string="PASS IAE Suspensions"
    )

    # Parcours emploi compétences.
    prescriber = fields.Selection(
        [
            ("france_travail", "France Travail"),
            ("mission_locale", "Mission locale"),
            ("cap_emploi", "Cap emploi"),
        ]
    )
    tutor_id = fields.Many2one("hr.employee", string="Tutor", check_company=True)
    aid_rate = fields.Float(string="State Aid Rate (%)", digits=(5, 2))

    # Internship.
    school_id = fields.Many2one("res.partner", string="School", check_company=True)

    _sql_constraints = [
        (
            "weekly_hours_positive",
            "CHECK(weekly_hours IS NULL OR weekly_hours >= 0)",
            "Weekly hours cannot be negative.",
        ),
        (
            "aid_rate_range",
            "CHECK(aid_rate IS NULL OR (aid_rate >= 0 AND aid_rate <= 100))",
            "The aid rate is a percentage between 0 and 100.",
        ),
    ]

    @api.depends("kind", "date_start", "date_effective_end")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for path in self:
            label = kinds.get(path.kind, "")
            if path.date_start:
                end = (
                    format_date(self.env, path.date_effective_end)
                    if path.date_effective_end
                    else "…"
                )
                label = f"{label} ({format_date(self.env, path.date_start)} → {end})"
            path.display_name = label

    @api.depends("date_end", "date_stop")
    def _compute_date_effective_end(self):
        for path in self:
            path.date_effective_end = path.date_stop or path.date_end

    @api.depends("kind")
    def _compute_funder_kind(self):
        for path in self:
            path.funder_kind = DEFAULT_FUNDER_KIND.get(path.kind, "none")

    @api.depends("skill_type_id")
    def _compute_rncp_code(self):
        for path in self:
            if path.skill_type_id.rncp_code:
                path.rncp_code = path.skill_type_id.rncp_code

    @api.depends("company_hours", "cfa_hours")
    def _compute_cfa_ratio(self):
        for path in self:
            total = path.company_hours + path.cfa_hours
            path.cfa_ratio = 100.0 * path.cfa_hours / total if total else 0.0

    @api.depends(
        "pass_date_start", "pass_suspension_ids.date_start", "pass_suspension_ids.date_end"
    )
    def _compute_pass_dates(self):
        parameter = self.env["tiers_lieu.training.parameter"]
        for path in self:
            if not path.pass_date_start:
                path.pass_date_end_initial = path.pass_date_end_base = False
                continue
            months = int(parameter._get_value("pass_iae_months", path.pass_date_start))
            initial_end = path.pass_date_start + relativedelta(months=months, days=-1)
            suspended = sum(path.pass_suspension_ids.mapped("duration_days"))
            path.pass_date_end_initial = initial_end
            path.pass_date_end_base = initial_end + timedelta(days=suspended)

    @api.depends("pass_date_end_base", "pass_extension_ids.date_end")
    def _compute_pass_end(self):
        for path in self:
            base = path.pass_date_end_base
            ends = path.pass_extension_ids.filtered("date_end").mapped("date_end")
            path.pass_date_end = max([base, *ends]) if base else False

    @api.constrains("date_start", "date_end", "date_stop")
    def _check_dates(self):
        for path in self:
            for end in (path.date_end, path.date_stop):
                if end and end < path.date_start:
                    raise ValidationError(
                        self.env._(
                            "%(trainee)s: the path %(kind)s ends on %(end)s, before it starts "
                            "on %(start)s. Check the dates.",
                            trainee=path.trainee_id.name,
                            kind=path._kind_label(),
                            end=format_date(self.env, end),
                            start=format_date(self.env, path.date_start),
                        )
                    )
            if path.kind in EXCLUSIVE_PATH_KINDS and not path.date_end:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: give the planned end of the %(kind)s.",
                        trainee=path.trainee_id.name,
                        kind=path._kind_label(),
                    )
                )

    @api.constrains("kind", "date_start", "date_end", "date_stop", "trainee_id")
    def _check_overlap(self):
        for path in self.filtered(lambda p: p.kind in EXCLUSIVE_PATH_KINDS):
            others = path.trainee_id.path_ids.filtered(
                lambda p, path=path: p != path and p.kind in EXCLUSIVE_PATH_KINDS
            )
            for other in others:
                if path._overlaps(other):
                    raise ValidationError(
                        self.env._(
                            "%(trainee)s cannot hold two contracts at once: %(path)s overlaps "
                            "%(other)s. End one before the other starts.",
                            trainee=path.trainee_id.name,
                            path=path.display_name,
                            other=other.display_name,
                        )
                    )

    @api.constrains("kind", "weekly_hours", "hours_derogation", "hours_derogation_reason")
    def _check_weekly_hours(self):
        parameter = self.env["tiers_lieu.training.parameter"]
        for path in self:
            maximum = parameter._get_value("max_weekly_hours", path.date_start)
            if path.weekly_hours > maximum:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: %(hours)s hours a week exceeds the legal maximum of "
                        "%(max)s hours.",
                        trainee=path.trainee_id.name,
                        hours=number_text(path.weekly_hours),
                        max=number_text(maximum),
                    )
                )
            if path.kind in EMPLOYMENT_PATH_KINDS and not path.weekly_hours:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: give the contracted weekly hours of the %(kind)s.",
                        trainee=path.trainee_id.name,
                        kind=path._kind_label(),
                    )
                )
            if path.kind != "cddi":
                continue
            minimum = parameter._get_value("cddi_min_weekly_hours", path.date_start)
            if path.weekly_hours < minimum and not path.hours_derogation:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: a CDDI is at least %(min)s hours a week "
                        "(%(hours)s given). Below that, tick the derogation for severe "
                        "difficulties and give its reason.",
                        trainee=path.trainee_id.name,
                        min=number_text(minimum),
                        hours=number_text(path.weekly_hours),
                    )
                )
            if path.hours_derogation and not path.hours_derogation_reason:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: explain the derogation to the weekly-hours floor.",
                        trainee=path.trainee_id.name,
                    )
                )

    @api.constrains(
        "kind",
        "cfa_id",
        "rncp_code",
        "apprentice_master_id",
        "company_hours",
        "cfa_hours",
        "date_start",
        "date_end",
    )
    def _check_apprenticeship(self):
        parameter = self.env["tiers_lieu.training.parameter"]
        for path in self.filtered(lambda p: p.kind == "apprenticeship"):
            missing = [
                path._fields[name].get_description(self.env)["string"]
                for name in ("cfa_id", "rncp_code", "apprentice_master_id")
                if not path[name]
            ]
            if missing:
                missing_text = ", ".join(missing)
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: an apprenticeship needs %(fields)s.",
                        trainee=path.trainee_id.name,
                        fields=missing_text,
                    )
                )
            if not CERTIFICATION_CODE.match(path.rncp_code):
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the RNCP code “%(code)s” is not valid, e.g. RNCP37682.",
                        trainee=path.trainee_id.name,
                        code=path.rncp_code,
                    )
                )
            if path.company_hours <= 0 or path.cfa_hours <= 0:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: give the planned hours in the company and at the CFA.",
                        trainee=path.trainee_id.name,
                    )
                )
            minimum = parameter._get_value("apprenticeship_cfa_min_ratio", path.date_start)
            if path.cfa_ratio < minimum - 1e-6:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the CFA hours are %(ratio)s %% of the contract; the law "
                        "asks for at least %(min)s %% (Code du travail L6211-2).",
                        trainee=path.trainee_id.name,
                        ratio=number_text(path.cfa_ratio, 1),
                        min=number_text(minimum),
                    )
                )
            shortest = int(parameter._get_value("apprenticeship_min_months", path.date_start))
            longest = int(parameter._get_value("apprenticeship_max_months", path.date_start))
            planned_end = path.date_end
            if planned_end < path.date_start + relativedelta(months=shortest, days=-1) or (
                planned_end > path.date_start + relativedelta(months=longest, days=-1)
            ):
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: an apprenticeship contract lasts from %(min)s months to "
                        "%(max)s months (Code du travail L6222-7-1).",
                        trainee=path.trainee_id.name,
                        min=shortest,
                        max=longest,
                    )
                )

    @api.constrains("kind", "pass_number", "pass_date_start", "date_start")
    def _check_cddi(self):
        for path in self.filtered(lambda p: p.kind == "cddi" and not p.trainee_id.anonymized):
            if not (path.pass_number and path.pass_date_start):
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: a CDDI needs the number and start date of the PASS IAE.",
                        trainee=path.trainee_id.name,
                    )
                )
            if not PASS_NUMBER.match(path.pass_number):
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the PASS IAE number “%(number)s” is not valid: it has "
                        "12 digits, e.g. 999992112345.",
                        trainee=path.trainee_id.name,
                        number=path.pass_number,
                    )
                )
            if path.pass_date_start > path.date_start:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the CDDI starts on %(start)s, before the PASS IAE "
                        "(%(pass_start)s). Hiring in an SIAE requires a valid PASS IAE.",
                        trainee=path.trainee_id.name,
                        start=format_date(self.env, path.date_start),
                        pass_start=format_date(self.env, path.pass_date_start),
                    )
                )

    @api.constrains("kind", "tutor_id", "prescriber")
    def _check_pec(self):
        for path in self.filtered(lambda p: p.kind == "pec"):
            if not (path.tutor_id and path.prescriber):
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: a PEC needs its prescriber and a tutor.",
                        trainee=path.trainee_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._compact_codes(vals)
        return super().create(vals_list)

    def write(self, vals):
        return super().write(self._compact_codes(dict(vals)))

    @api.model
    def _compact_codes(self, vals):
        if vals.get("rncp_code"):
            vals["rncp_code"] = compact_certification_code(vals["rncp_code"])
        if vals.get("pass_number"):
            vals["pass_number"] = re.sub(r"\s", "", vals["pass_number"])
        return vals

    def _kind_label(self):
        return dict(self._fields["kind"]._description_selection(self.env)).get(self.kind, "")

    def _overlaps(self, other):
        far = fields.Date.to_date("9999-12-31")
        return self.date_start <= (other.date_effective_end or far) and other.date_start <= (
            self.date_effective_end or far
        )

    def _contract_hours(self, date_from, date_to):
        """Contracted hours between two dates: weekly hours × days covered / 7."""
        self.ensure_one()
        start = max(date_from, self.date_start)
        end = min(date_to, self.date_effective_end or date_to)
        if not self.weekly_hours or end < start:
            return 0.0
        return self.weekly_hours * ((end - start).days + 1) / 7

    def _contract_hours_month(self, month_start):
        """Contracted hours of a month, mensualised (weekly × 52 / 12), prorated by the days
        of the month the path covers."""
        self.ensure_one()
        days_in_month = monthrange(month_start.year, month_start.month)[1]
        month_end = month_start.replace(day=days_in_month)
        start = max(month_start, self.date_start)
        end = min(month_end, self.date_effective_end or month_end)
        if not self.weekly_hours or end < start:
            return 0.0
        covered = (end - start).days + 1
        return self.weekly_hours * WEEKS_PER_MONTH * covered / days_in_month

    def _pass_problem(self, start, end):
        """Why the path's PASS IAE cannot be declared for the month, or False."""
        self.ensure_one()
        env = self.env
        if not self.pass_number:
            return env._("no PASS IAE number.")
        if not self.pass_date_start or self.pass_date_start > end:
            return env._("the PASS IAE does not start before the end of the month.")
        if self.pass_date_end and self.pass_date_end < start:
            return env._(
                "the PASS IAE ended on %(date)s, before the month.",
                date=format_date(env, self.pass_date_end),
            )
        return False
