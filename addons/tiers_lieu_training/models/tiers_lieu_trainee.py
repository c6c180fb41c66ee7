from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu.identifiers import check_nir, compact

from ..const import (
    DYNAMIC_EXIT_CATEGORIES,
    EXIT_CATEGORIES,
    EXIT_CATEGORY_OF_DETAIL,
    EXIT_DETAILS,
    FUNDER_KINDS,
    INSERTION_MANAGER,
)

SENSITIVE_FIELDS = (
    "nir",
    "birth_date",
    "rqth",
    "rqth_date_end",
    "social_situation",
    "health_note",
    "eligibility_criterion_ids",
)


class Trainee(models.Model):
    """The file of a person trained or supported by the tiers-lieu, from entry to exit.

    Split by concern: yearly indicators (tiers_lieu_trainee_indicators.py), follow-up
    alerts (_alerts), GDPR retention (_gdpr), record sheet PDF (_livret).
    """

    _name = "tiers_lieu.trainee"
    _description = "Trainee"
    _inherit = ["mail.thread", "mail.activity.mixin", "tiers_lieu.restricted.followers.mixin"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(related="partner_id.name", store=True, index="trigram")
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        help="The person: machine authorisations and print jobs refer to this contact.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Employee",
        check_company=True,
        help="Employee record, for trainees on a contract of employment (apprentices, CDDI, "
        "PEC). Interns, civic-service and volunteers usually have none.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("candidate", "Candidate"), ("in_progress", "In progress"), ("exited", "Exited")],
        string="Status",
        required=True,
        default="candidate",
        tracking=True,
        index=True,
    )
    trainer_id = fields.Many2one(
        "res.users",
        string="Referent Trainer",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: [("groups_id", "in", self.env.ref("tiers_lieu.group_trainer").ids)],
        help="Empty while no trainer follows the person: every trainer then sees the file "
        "and may take it over.",
    )
    trainer_ids = fields.Many2many(
        "res.users",
        "tiers_lieu_trainee_trainer_rel",
        "trainee_id",
        "user_id",
        string="Other Trainers",
        domain=lambda self: [("groups_id", "in", self.env.ref("tiers_lieu.group_trainer").ids)],
        help="Trainers who also follow this trainee and may see and edit the file.",
    )
    path_ids = fields.One2many("tiers_lieu.trainee.path", "trainee_id", string="Paths")
    hours_ids = fields.One2many("tiers_lieu.trainee.hours", "trainee_id", string="Hours")
    evaluation_ids = fields.One2many(
        "tiers_lieu.skill.evaluation", "trainee_id", string="Evaluations"
    )
    # Computed rather than plain One2many on the SQL views, so that they follow the
    # evaluations within a transaction (the views get no ORM cache updates).
    skill_status_ids = fields.One2many(
        "tiers_lieu.trainee.skill.status", compute="_compute_skill_progress", string="Skills"
    )
    block_progress_ids = fields.One2many(
        "tiers_lieu.trainee.block.progress", compute="_compute_skill_progress", string="Blocks"
    )
    grid_skill_type_ids = fields.Many2many(
        "hr.skill.type",
        compute="_compute_grid_skill_type_ids",
        string="Skills Grids",
        help="Grids of the trainee's paths: only their skills may be evaluated.",
    )
    entry_date = fields.Date(compute="_compute_entry_date", store=True, index=True)
    last_evaluation_date = fields.Date(compute="_compute_last_evaluation_date", store=True)
    note = fields.Html(string="Notes")

    # Exit ("sortie"): one per file; the funder is the one of the path running at exit.
    exit_date = fields.Date(tracking=True, readonly=True, index=True)
    exit_detail = fields.Selection(EXIT_DETAILS, string="Exit Situation", readonly=True)
    exit_category = fields.Selection(
        EXIT_CATEGORIES, compute="_compute_exit_category", store=True, index=True
    )
    exit_note = fields.Text(readonly=True)
    is_dynamic_exit = fields.Boolean(
        compute="_compute_exit_category",
        store=True,
        help="Sustainable or transition employment, or positive exit.",
    )
    exit_path_id = fields.Many2one(
        "tiers_lieu.trainee.path", compute="_compute_exit_path", store=True, string="Exit Path"
    )
    exit_funder_kind = fields.Selection(FUNDER_KINDS, compute="_compute_exit_path", store=True)
    exit_funder_id = fields.Many2one(
        "res.partner", compute="_compute_exit_path", store=True, string="Exit Funder"
    )
    duration_days = fields.Integer(
        string="Days in Path",
        compute="_compute_duration_days",
        store=True,
        help="Days from entry to exit.",
    )

    # Hours of the current week and month against the contracts (computed in batch).
    week_hours = fields.Float(compute="_compute_period_hours", string="Hours This Week")
    week_contract_hours = fields.Float(compute="_compute_period_hours", string="Contract (Week)")
    month_hours = fields.Float(compute="_compute_period_hours", string="Hours This Month")
    month_contract_hours = fields.Float(compute="_compute_period_hours", string="Contract (Month)")

    # Sensitive personal data (GDPR): insertion managers only, never tracked in the chatter.
    nir = fields.Char(string="Social Security Number (NIR)", groups=INSERTION_MANAGER, copy=False)
    birth_date = fields.Date(groups=INSERTION_MANAGER, copy=False)
    rqth = fields.Boolean(
        string="RQTH",
        groups=INSERTION_MANAGER,
        copy=False,
        help="Reconnaissance de la qualité de travailleur handicapé.",
    )
    rqth_date_end = fields.Date(string="RQTH Valid Until", groups=INSERTION_MANAGER, copy=False)
    social_situation = fields.Text(groups=INSERTION_MANAGER, copy=False)
    health_note = fields.Text(string="Health", groups=INSERTION_MANAGER, copy=False)
    eligibility_criterion_ids = fields.Many2many(
        "tiers_lieu.eligibility.criterion",
        string="Eligibility Criteria",
        groups=INSERTION_MANAGER,
        copy=False,
    )
    anonymized = fields.Boolean(readonly=True, copy=False)
    anonymized_date = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "This person already has a trainee file in this company: reopen it.",
        ),
    ]

    @api.depends("path_ids.skill_type_id")
    def _compute_grid_skill_type_ids(self):
        for trainee in self:
            trainee.grid_skill_type_ids = trainee.path_ids.skill_type_id

    @api.depends(
        "path_ids.skill_type_id",
        "evaluation_ids.skill_id",
        "evaluation_ids.level_id",
        "evaluation_ids.date",
    )
    def _compute_skill_progress(self):
        saved = self._origin.filtered("id")
        Status = self.env["tiers_lieu.trainee.skill.status"]
        Block = self.env["tiers_lieu.trainee.block.progress"]
        # The views' rows keep their ids when the evaluations change: drop their cache.
        Status.invalidate_model()
        Block.invalidate_model()
        statuses = Status.search([("trainee_id", "in", saved.ids)])
        blocks = Block.search([("trainee_id", "in", saved.ids)])
        status_of, block_of = defaultdict(list), defaultdict(list)
        for status in statuses:
            status_of[status.trainee_id.id].append(status.id)
        for block in blocks:
            block_of[block.trainee_id.id].append(block.id)
        for trainee in self:
            trainee.skill_status_ids = Status.browse(status_of[trainee._origin.id])
            trainee.block_progress_ids = Block.browse(block_of[trainee._origin.id])

    @api.depends("path_ids.date_start")
    def _compute_entry_date(self):
        for trainee in self:
            starts = trainee.path_ids.filtered("date_start").mapped("date_start")
            trainee.entry_date = min(starts) if starts else False

    @api.depends("evaluation_ids.date")
    def _compute_last_evaluation_date(self):
        for trainee in self:
            dates = trainee.evaluation_ids.filtered("date").mapped("date")
            trainee.last_evaluation_date = max(dates) if dates else False

    @api.depends("exit_detail")
    def _compute_exit_category(self):
        for trainee in self:
            category = EXIT_CATEGORY_OF_DETAIL.get(trainee.exit_detail)
            trainee.exit_category = category or False
            trainee.is_dynamic_exit = category in DYNAMIC_EXIT_CATEGORIES

    @api.depends("exit_date", "path_ids.date_start", "path_ids.funder_kind", "path_ids.funder_id")
    def _compute_exit_path(self):
        for trainee in self:
            path = trainee._path_running_on(trainee.exit_date) if trainee.exit_date else False
            trainee.exit_path_id = path
            trainee.exit_funder_kind = path.funder_kind if path else False
            trainee.exit_funder_id = path.funder_id if path else False

    @api.depends("entry_date", "exit_date")
    def _compute_duration_days(self):
        for trainee in self:
            if trainee.entry_date and trainee.exit_date:
                trainee.duration_days = (trainee.exit_date - trainee.entry_date).days + 1
            else:
                trainee.duration_days = 0

    @api.depends(
        "hours_ids.hours",
        "hours_ids.date",
        "path_ids.weekly_hours",
        "path_ids.date_start",
        "path_ids.date_end",
        "path_ids.date_stop",
    )
    def _compute_period_hours(self):
        today = fields.Date.context_today(self)
        week_start = today - timedelta(days=today.weekday())
        week_end = week_start + timedelta(days=6)
        month_start = today.replace(day=1)
        month_end = month_start + relativedelta(months=1, days=-1)
        saved = self._origin.filtered("id")
        week = saved._get_hours_done(week_start, week_end)
        month = saved._get_hours_done(month_start, month_end)
        for trainee in self:
            done_week = week.get(trainee._origin.id, {})
            done_month = month.get(trainee._origin.id, {})
            trainee.week_hours = sum(done_week.values())
            trainee.month_hours = sum(done_month.values())
            trainee.week_contract_hours = sum(
                path._contract_hours(week_start, week_end) for path in trainee.path_ids
            )
            trainee.month_contract_hours = sum(
                path._contract_hours_month(month_start) for path in trainee.path_ids
            )

    @api.constrains("nir", "birth_date")
    def _check_nir(self):
        for trainee in self.sudo().filtered("nir"):
            check_nir(self.env, trainee.nir, trainee.name)
            trainee._check_nir_matches_birth_date()
        self._check_nir_unique()

    def _check_nir_matches_birth_date(self):
        """The NIR encodes the sex (1st digit), then the year and month of birth.

        INSEE (RNIPP) rules: sex 1 or 2, 3 or 4 for some people born abroad, 7 or 8 for
        temporary numbers (NIA); month 01-12, or 20, 30-42, 50-99 when the civil
        registration gives no month; the year is the last two digits of the birth year.
        """
        self.ensure_one()
        nir = self.nir
        if nir[0] not in "123478":
            raise ValidationError(
                self.env._(
                    "%(trainee)s: a social security number (NIR) starts with 1 or 2 (the "
                    "sex), not %(digit)s.",
                    trainee=self.name,
                    digit=nir[0],
                )
            )
        if not self.birth_date:
            return
        year, month = int(nir[1:3]), int(nir[3:5])
        known_month = 1 <= month <= 12
        if year != self.birth_date.year % 100 or (known_month and month != self.birth_date.month):
            raise ValidationError(
                self.env._(
                    "%(trainee)s: the social security number (NIR) gives a birth in "
                    "%(month)s/%(year)s, which contradicts the birth date %(date)s. Check "
                    "both: the NIR's digits 2-3 are the year of birth and 4-5 the month.",
                    trainee=self.name,
                    month=nir[3:5] if known_month else "??",
                    year=nir[1:3],
                    date=format_date(self.env, self.birth_date),
                )
            )

    def _check_nir_unique(self):
        files = self.sudo().with_context(active_test=False)
        for trainee in files.filtered("nir"):
            twin = files.search(
                [
                    ("id", "!=", trainee.id),
                    ("company_id", "=", trainee.company_id.id),
                    ("nir", "=", trainee.nir),
                ],
                limit=1,
            )
            if twin:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the social security number (NIR) is already on the "
                        "file of %(other)s. One person has one file per company: reopen "
                        "that file.",
                        trainee=trainee.name,
                        other=twin.name,
                    )
                )

    @api.constrains("birth_date")
    def _check_birth_date(self):
        today = fields.Date.context_today(self)
        for trainee in self.sudo().filtered("birth_date"):
            if trainee.birth_date > today:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the birth date %(date)s is in the future.",
                        trainee=trainee.name,
                        date=format_date(self.env, trainee.birth_date),
                    )
                )

    @api.constrains("partner_id", "employee_id")
    def _check_employee_is_the_person(self):
        for trainee in self.filtered("employee_id"):
            contact = trainee.employee_id.sudo().work_contact_id
            if contact and contact != trainee.partner_id:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the employee %(employee)s is another person (contact "
                        "%(contact)s). Link the employee of this person, or none.",
                        trainee=trainee.name,
                        employee=trainee.employee_id.name,
                        contact=contact.display_name,
                    )
                )

    @api.constrains("state", "exit_date", "exit_detail")
    def _check_exit(self):
        for trainee in self:
            if trainee.state == "exited" and not (trainee.exit_date and trainee.exit_detail):
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: an exited trainee needs an exit date and situation.",
                        trainee=trainee.name,
                    )
                )

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id.work_contact_id:
            self.partner_id = self.employee_id.work_contact_id

    @api.model_create_multi
    def create(self, vals_list):
        # Odoo checks field groups on read and write, not on create: do it here.
        sensitive = {name for vals in vals_list for name in vals if name in SENSITIVE_FIELDS}
        if sensitive:
            self.check_field_access_rights("write", sorted(sensitive))
        for vals in vals_list:
            if vals.get("nir"):
                vals["nir"] = compact(vals["nir"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("nir"):
            vals = dict(vals, nir=compact(vals["nir"]))
        res = super().write(vals)
        if {"trainer_id", "trainer_ids", "company_id"} & set(vals):
            # The former referent must not keep receiving the file's messages.
            self._tl_unsubscribe_without_access()
        return res

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        # Core only subscribes a tracked `user_id`: the referent trainer follows the file.
        followers = super()._message_auto_subscribe_followers(updated_values, default_subtype_ids)
        trainer = self.env["res.users"].sudo().browse(updated_values.get("trainer_id"))
        if trainer.active:
            followers.append((trainer.partner_id.id, default_subtype_ids, False))
        return followers

    # ------------------------------------------------------------------ actions

    def action_start(self):
        for trainee in self:
            if trainee.state != "candidate":
                raise UserError(
                    self.env._("%(trainee)s is not a candidate any more.", trainee=trainee.name)
                )
            if not trainee.path_ids:
                raise UserError(
                    self.env._(
                        "%(trainee)s: add the path (apprenticeship, CDDI, internship…) "
                        "before starting the follow-up.",
                        trainee=trainee.name,
                    )
                )
        self.state = "in_progress"

    def action_take_over(self):
        """A trainer becomes the referent of files nobody follows yet."""
        if not self.env.user.has_group("tiers_lieu.group_trainer"):
            raise AccessError(self.env._("Only trainers take over a trainee."))
        taken = self.filtered("trainer_id")
        if taken:
            raise UserError(
                self.env._(
                    "%(trainee)s is already followed by %(trainer)s.",
                    trainee=taken[0].name,
                    trainer=taken[0].trainer_id.name,
                )
            )
        self.trainer_id = self.env.user
        self.message_subscribe(self.env.user.partner_id.ids)

    def action_open_exit(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record the exit"),
            "res_model": "tiers_lieu.trainee.exit",
            "view_mode": "form",
            "target": "new",
            "context": {"default_trainee_id": self.id},
        }

    def action_reopen(self):
        if not self.env.user.has_group(INSERTION_MANAGER):
            raise AccessError(self.env._("Only insertion managers may cancel an exit."))
        self.write(
            {
                "state": "in_progress",
                "exit_date": False,
                "exit_detail": False,
                "exit_note": False,
            }
        )

    # --------------------------------------------------------------- business

    def _path_running_on(self, on_date):
        """The path of this trainee running on ``on_date`` (the latest started)."""
        self.ensure_one()
        paths = self.path_ids.filtered(
            lambda p: p.date_start
            and p.date_start <= on_date
            and (not p.date_effective_end or p.date_effective_end >= on_date)
        )
        return paths.sorted(lambda p: (p.date_start, p.id), reverse=True)[:1]

    def _get_hours_done(self, date_from, date_to):
        """{trainee id: {hours kind: hours}} done between the dates, in one query."""
        result = defaultdict(dict)
        if not self:
            return result
        groups = self.env["tiers_lieu.trainee.hours"]._read_group(
            [("trainee_id", "in", self.ids), ("date", ">=", date_from), ("date", "<=", date_to)],
            ["trainee_id", "kind"],
            ["hours:sum"],
        )
        for trainee, kind, hours in groups:
            result[trainee.id][kind] = hours
        return result

    def _record_exit(self, exit_date, exit_detail, note=False):
        """Close the file: running paths stop on the exit date."""
        for trainee in self:
            if trainee.state == "exited":
                raise UserError(self.env._("%(trainee)s has already exited.", trainee=trainee.name))
            if not trainee.path_ids:
                raise UserError(
                    self.env._(
                        "%(trainee)s has no path: a candidate who never started has no exit "
                        "to record; archive the file instead.",
                        trainee=trainee.name,
                    )
                )
            if exit_date < trainee.entry_date:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the exit date %(exit)s is before the entry on %(entry)s.",
                        trainee=trainee.name,
                        exit=format_date(self.env, exit_date),
                        entry=format_date(self.env, trainee.entry_date),
                    )
                )
            later = trainee.path_ids.filtered(lambda p, d=exit_date: p.date_start > d)
            if later:
                raise ValidationError(
                    self.env._(
                        "%(trainee)s: the path %(path)s starts after the exit date; delete it "
                        "or choose a later exit date.",
                        trainee=trainee.name,
                        path=later[0].display_name,
                    )
                )
            running = trainee.path_ids.filtered(
                lambda p, d=exit_date: not p.date_effective_end or p.date_effective_end > d
            )
            running.write({"date_stop": exit_date})
        self.write(
            {
                "state": "exited",
                "exit_date": exit_date,
                "exit_detail": exit_detail,
                "exit_note": note,
            }
        )
