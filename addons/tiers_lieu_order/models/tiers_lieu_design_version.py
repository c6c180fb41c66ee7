import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.tiers_lieu_machine.machine_kinds import MACHINE_KINDS

VERSION_STATES = [
    ("draft", "Draft"),
    ("validated", "Validated"),
    ("archived", "Archived"),
]
# What a print job is made of: frozen once the version is validated.
TECHNICAL_FIELDS = (
    "name",
    "product_tmpl_id",
    "material_id",
    "machine_kind",
    "grams_per_part",
    "print_minutes_per_plate",
    "parts_per_plate",
    "labour_minutes_per_plate",
    "print_file",
    "print_filename",
)


class TiersLieuDesignVersion(models.Model):
    _name = "tiers_lieu.design.version"
    _description = "Design Version"
    _inherit = ["mail.thread"]
    _order = "product_tmpl_id, id desc"
    _check_company_auto = True

    name = fields.Char(string="Version", required=True, help="e.g. v30")
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Part",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('is_printable_part', '=', True)]",
    )
    state = fields.Selection(
        VERSION_STATES, required=True, default="draft", index=True, tracking=True, copy=False
    )
    material_id = fields.Many2one(
        "tiers_lieu.material", string="Material", check_company=True, tracking=True
    )
    machine_kind = fields.Selection(MACHINE_KINDS, required=True, default="fdm_printer")
    grams_per_part = fields.Float(string="Grams per Part", digits=(16, 2))
    print_minutes_per_plate = fields.Float(string="Print Minutes per Plate", digits=(16, 1))
    parts_per_plate = fields.Integer(default=1)
    labour_minutes_per_plate = fields.Float(
        string="Labour Minutes per Plate",
        digits=(16, 1),
        default=5.0,
        help="Time someone spends on a plate: launching it, removing and checking the parts.",
    )
    print_file = fields.Binary(attachment=True)
    print_filename = fields.Char(string="File Name")
    note = fields.Text(help="What changed from the previous version.")
    date_validated = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one("res.company", index=True, default=lambda self: self.env.company)
    sale_line_ids = fields.One2many(
        "sale.order.line", "design_version_id", string="Order Lines", readonly=True
    )

    _sql_constraints = [
        (
            "name_product_uniq",
            "unique(product_tmpl_id, name)",
            "This part already has a version with this name.",
        ),
        (
            "figures_not_negative",
            "CHECK(grams_per_part >= 0 AND print_minutes_per_plate >= 0 "
            "AND parts_per_plate >= 0 AND labour_minutes_per_plate >= 0)",
            "The figures of a design version cannot be negative.",
        ),
    ]

    @api.depends("name", "product_tmpl_id")
    def _compute_display_name(self):
        for version in self:
            version.display_name = (
                f"{version.product_tmpl_id.name} {version.name}"
                if version.product_tmpl_id
                else version.name
            )

    def write(self, vals):
        frozen = [fname for fname in TECHNICAL_FIELDS if fname in vals]
        if frozen:
            for version in self.filtered(lambda v: v.state != "draft"):
                raise UserError(
                    self.env._(
                        "Version %(version)s is %(state)s: it cannot change. Create a new "
                        "version instead; orders keep the version they were made with.",
                        version=version.display_name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            version.state
                        ].lower(),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        for version in self:
            if version.state != "draft" or version.sale_line_ids:
                raise UserError(
                    self.env._(
                        "Version %(version)s has been validated or ordered: archive it "
                        "rather than delete it.",
                        version=version.display_name,
                    )
                )

    # ------------------------------------------------------------------ actions

    def action_validate(self):
        for version in self:
            if version.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft version can be validated (%(version)s).",
                        version=version.display_name,
                    )
                )
            problems = version._production_problems()
            if problems:
                raise ValidationError(
                    self.env._(
                        "Version %(version)s cannot be validated: %(problems)s.",
                        version=version.display_name,
                        problems="; ".join(problems),
                    )
                )
        previous = self.search(
            [
                ("product_tmpl_id", "in", self.product_tmpl_id.ids),
                ("state", "=", "validated"),
                ("id", "not in", self.ids),
            ]
        )
        previous.write({"state": "archived"})
        self.write({"state": "validated", "date_validated": fields.Datetime.now()})

    def action_archive_version(self):
        for version in self:
            if version.state != "validated":
                raise UserError(
                    self.env._(
                        "Only a validated version can be archived (%(version)s).",
                        version=version.display_name,
                    )
                )
        self.write({"state": "archived"})

    def action_new_version(self):
        """A draft copy of this version, named after it (v30 → v31), to be changed."""
        self.ensure_one()
        new = self.copy({"name": self._next_name()})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def action_view_recipients(self):
        """Every customer who ordered this version, with the order lines."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_order.sale_order_line_action_design"
        )
        action["domain"] = [("design_version_id", "=", self.id)]
        return action

    # ------------------------------------------------------------------ business

    def _next_name(self):
        self.ensure_one()
        names = set(self.product_tmpl_id.design_version_ids.mapped("name"))
        match = re.match(r"^(.*?)(\d+)$", self.name or "")
        prefix, number = (match.group(1), int(match.group(2))) if match else (self.name, 1)
        candidate = f"{prefix}{number + 1}"
        while candidate in names:
            number += 1
            candidate = f"{prefix}{number + 1}"
        return candidate

    def _production_problems(self):
        """What this version lacks to be printed (translated), or an empty list."""
        self.ensure_one()
        problems = []
        if not self.material_id:
            problems.append(self.env._("no material"))
        if self.grams_per_part <= 0:
            problems.append(self.env._("no grams per part"))
        if self.parts_per_plate <= 0:
            problems.append(self.env._("no parts per plate"))
        if self.print_minutes_per_plate <= 0:
            problems.append(self.env._("no print minutes per plate"))
        return problems

    def _unit_cost(self, company):
        """Cost of one part of this version at ``company``'s rates, as a dict: material,
        machine, labour and total (company currency)."""
        self.ensure_one()
        per_plate = self.parts_per_plate or 1
        material = self.material_id.with_company(company)
        costs = {
            "material": self.grams_per_part / 1000.0 * material.order_cost_per_kg,
            "machine": self.print_minutes_per_plate
            / 60.0
            / per_plate
            * company.order_machine_hour_cost,
            "labour": self.labour_minutes_per_plate
            / 60.0
            / per_plate
            * company.order_labour_hour_cost,
        }
        costs["total"] = sum(costs.values())
        return costs
