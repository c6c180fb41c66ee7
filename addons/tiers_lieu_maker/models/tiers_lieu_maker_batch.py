from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

BATCH_STATES = [
    ("to_print", "To Print"),
    ("printing", "Printing"),
    ("ready", "Ready"),
    ("collected", "Collected"),
    ("done", "Received"),
    ("cancelled", "Cancelled"),
]
# States in which the maker may still declare parts.
DECLARABLE_STATES = ("to_print", "printing", "ready")
# States in which the maker may download the version's files.
DOWNLOADABLE_STATES = ("to_print", "printing", "ready")


class TiersLieuMakerBatch(models.Model):
    _name = "tiers_lieu.maker.batch"
    _description = "Maker Batch"
    _inherit = ["mail.thread"]
    _order = "is_urgent desc, date_due, id"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    maker_id = fields.Many2one(
        "tiers_lieu.maker",
        string="Maker",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    maker_partner_id = fields.Many2one(
        related="maker_id.partner_id", store=True, index=True, string="Maker Contact"
    )
    maker_city = fields.Char(related="maker_id.city", store=True, string="Commune")
    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Order Line",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    order_id = fields.Many2one(related="sale_line_id.order_id", store=True, index=True)
    beneficiary_id = fields.Many2one(
        related="sale_line_id.order_id.partner_id", string="Beneficiary"
    )
    is_urgent = fields.Boolean(related="sale_line_id.order_id.is_urgent", store=True)
    product_id = fields.Many2one(related="sale_line_id.product_id", store=True, string="Part")
    design_version_id = fields.Many2one(
        "tiers_lieu.design.version",
        string="Design Version",
        required=True,
        index=True,
        ondelete="restrict",
    )
    grams_per_part = fields.Float(related="design_version_id.grams_per_part")
    material_id = fields.Many2one(related="design_version_id.material_id")
    quantity = fields.Integer(string="Parts Allocated", required=True, tracking=True)
    declaration_ids = fields.One2many(
        "tiers_lieu.maker.declaration", "batch_id", string="Declarations"
    )
    qty_produced = fields.Integer(
        string="Parts Declared",
        compute="_compute_declared",
        store=True,
        help="Good parts the maker declared.",
    )
    qty_failed = fields.Integer(
        string="Failed Parts Declared", compute="_compute_declared", store=True
    )
    failed_weight_grams = fields.Float(
        string="Failed Weight (g)", digits=(16, 1), compute="_compute_declared", store=True
    )
    qty_collected = fields.Integer(string="Parts Collected", tracking=True, copy=False)
    qty_accepted = fields.Integer(string="Parts Accepted", tracking=True, copy=False)
    qty_rejected = fields.Integer(string="Parts Rejected", tracking=True, copy=False)
    rejected_weight_grams = fields.Float(
        string="Rejected Weight (g)",
        digits=(16, 1),
        copy=False,
        compute="_compute_rejected_weight_grams",
        store=True,
        readonly=False,
        help="Parts rejected × the version's grams per part, unless weighed.",
    )
    date_due = fields.Date(string="Due Date", index=True, tracking=True)
    collection_point_id = fields.Many2one(
        "res.partner",
        string="Collection Point",
        domain="[('is_collection_point', '=', True)]",
        tracking=True,
    )
    state = fields.Selection(
        BATCH_STATES, required=True, default="to_print", index=True, tracking=True, copy=False
    )
    round_id = fields.Many2one(
        "stock.picking.batch",
        string="Round",
        index="btree_not_null",
        copy=False,
        domain="[('is_maker_round', '=', True)]",
        check_company=True,
    )
    part_move_ids = fields.One2many("stock.move", "maker_batch_id", string="Parts Moves")
    real_material_cost = fields.Monetary(
        compute="_compute_real_material_cost",
        store=True,
        help="Grams of the declared good and failed parts × material cost per kg.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "A maker batch needs a positive quantity."),
        (
            "qc_not_negative",
            "CHECK(qty_collected >= 0 AND qty_accepted >= 0 AND qty_rejected >= 0 "
            "AND rejected_weight_grams >= 0)",
            "Collected, accepted and rejected parts cannot be negative.",
        ),
    ]

    @api.depends(
        "declaration_ids.qty_produced",
        "declaration_ids.qty_failed",
        "declaration_ids.failed_weight_grams",
    )
    def _compute_declared(self):
        for batch in self:
            declarations = batch.declaration_ids
            batch.qty_produced = sum(declarations.mapped("qty_produced"))
            batch.qty_failed = sum(declarations.mapped("qty_failed"))
            batch.failed_weight_grams = sum(declarations.mapped("failed_weight_grams"))

    @api.depends("qty_rejected", "design_version_id")
    def _compute_rejected_weight_grams(self):
        for batch in self:
            batch.rejected_weight_grams = (
                batch.qty_rejected * batch.design_version_id.sudo().grams_per_part
            )

    @api.depends("qty_produced", "failed_weight_grams", "design_version_id", "state")
    def _compute_real_material_cost(self):
        for batch in self:
            if batch.state == "cancelled" or not batch.design_version_id:
                batch.real_material_cost = 0.0
                continue
            version = batch.design_version_id.sudo()
            grams = batch.qty_produced * version.grams_per_part + batch.failed_weight_grams
            cost_per_kg = version.material_id.with_company(batch.company_id).order_cost_per_kg
            batch.real_material_cost = grams / 1000.0 * cost_per_kg

    @api.constrains("quantity", "qty_produced", "qty_collected", "qty_accepted", "qty_rejected")
    def _check_quantities(self):
        for batch in self:
            if batch.qty_produced > batch.quantity:
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s: %(declared)s parts declared, more than the "
                        "%(allocated)s allocated.",
                        batch=batch.name,
                        declared=batch.qty_produced,
                        allocated=batch.quantity,
                    )
                )
            if batch.qty_collected > batch.quantity:
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s: %(collected)s parts collected, more than the "
                        "%(allocated)s allocated.",
                        batch=batch.name,
                        collected=batch.qty_collected,
                        allocated=batch.quantity,
                    )
                )
            if batch.qty_accepted + batch.qty_rejected > batch.qty_collected:
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s: %(accepted)s accepted and %(rejected)s rejected "
                        "parts, more than the %(collected)s collected.",
                        batch=batch.name,
                        accepted=batch.qty_accepted,
                        rejected=batch.qty_rejected,
                        collected=batch.qty_collected,
                    )
                )

    @api.constrains("design_version_id", "sale_line_id")
    def _check_design_version(self):
        for batch in self:
            version = batch.design_version_id.sudo()
            if version.product_tmpl_id != batch.sale_line_id.product_id.product_tmpl_id:
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s: version %(version)s is not a version of %(part)s.",
                        batch=batch.name,
                        version=version.display_name,
                        part=batch.sale_line_id.product_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        Version = self.env["tiers_lieu.design.version"].sudo()
        for vals in vals_list:
            version = Version.browse(vals.get("design_version_id"))
            if version.state != "validated":
                raise UserError(
                    self.env._(
                        "Only a validated design version goes to makers (%(version)s is not).",
                        version=version.display_name,
                    )
                )
        sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = sequence.next_by_code("tiers_lieu.maker.batch") or "/"
        batches = super().create(vals_list)
        batches.sale_line_id.sudo().filtered(lambda ln: not ln.maker_allocated).write(
            {"maker_allocated": True}
        )
        return batches

    # ------------------------------------------------------------------ actions

    def action_mark_ready(self):
        """The maker says the batch is printed (possibly fewer parts than allocated)."""
        for batch in self:
            if batch.state not in ("to_print", "printing"):
                raise UserError(
                    self.env._("Batch %(batch)s cannot be marked ready any more.", batch=batch.name)
                )
            if not batch.qty_produced:
                raise UserError(
                    self.env._(
                        "Batch %(batch)s: declare the parts printed before marking it ready.",
                        batch=batch.name,
                    )
                )
        self.write({"state": "ready"})

    def action_cancel(self):
        for batch in self:
            if batch.state in ("collected", "done"):
                raise UserError(
                    self.env._(
                        "Batch %(batch)s has been collected: it cannot be cancelled.",
                        batch=batch.name,
                    )
                )
        self.write({"state": "cancelled", "round_id": False})

    # ------------------------------------------------------------------ business

    def _check_declarable(self):
        for batch in self:
            if batch.state not in DECLARABLE_STATES:
                raise UserError(
                    self.env._(
                        "Batch %(batch)s is %(state)s: no more parts can be declared on it.",
                        batch=batch.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            batch.state
                        ].lower(),
                    )
                )

    def _after_declaration(self):
        for batch in self:
            if batch.state == "to_print" and (batch.qty_produced or batch.qty_failed):
                batch.state = "printing"
            if batch.state == "printing" and batch.qty_produced >= batch.quantity:
                batch.state = "ready"

    def _may_download(self):
        """Whether the maker may download the files of this batch's version."""
        self.ensure_one()
        return (
            self.state in DOWNLOADABLE_STATES and self.design_version_id.sudo().state == "validated"
        )

    def _expected_parts(self):
        """Parts this batch will still give the order line: accepted when received, else
        what was allocated (nothing when cancelled)."""
        self.ensure_one()
        if self.state == "cancelled":
            return 0
        if self.state == "done":
            return self.qty_accepted
        return self.quantity
