import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.tiers_lieu.lang import company_lang_env

MANAGER = "tiers_lieu.group_manager"


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    is_printable_part = fields.Boolean(related="product_id.is_printable_part")
    design_version_id = fields.Many2one(
        "tiers_lieu.design.version",
        string="Design Version",
        compute="_compute_design_version_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        domain="[('product_tmpl_id', '=', product_template_id), ('state', '=', 'validated')]",
        help="The design version ordered; kept when a newer version is validated.",
    )
    print_job_ids = fields.One2many("tiers_lieu.print.job", "sale_line_id", string="Print Jobs")
    production_lot_id = fields.Many2one(
        "stock.lot",
        string="Production Lot",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The lot the parts printed for this line enter stock and are delivered under.",
    )
    qty_produced = fields.Float(
        string="Quantity Produced",
        digits="Product Unit of Measure",
        compute="_compute_qty_produced",
        store=True,
        help="Good parts of the finished print jobs of this line.",
    )
    production_progress = fields.Float(
        string="Production", compute="_compute_qty_produced", store=True, aggregator="avg"
    )
    proposed_price_unit = fields.Float(
        string="Proposed Price",
        digits="Product Price",
        compute="_compute_proposed_price_unit",
        help="Unit price from the cost model and the kind of order.",
    )
    is_manager = fields.Boolean(compute="_compute_is_manager")
    unit_cost = fields.Float(
        digits="Product Price",
        compute="_compute_proposed_price_unit",
        help="Cost of one part from its design version and the company's cost model.",
    )

    @api.depends_context("uid")
    def _compute_is_manager(self):
        self.is_manager = self.env.user.has_group(MANAGER)

    @api.depends("product_id")
    def _compute_design_version_id(self):
        for line in self:
            if line.state in ("draft", "sent") or not line.design_version_id:
                line.design_version_id = line.product_id.product_tmpl_id.design_version_id

    @api.depends("product_uom_qty", "print_job_ids.state", "print_job_ids.good_quantity")
    def _compute_qty_produced(self):
        production = self.env["tiers_lieu.print.job"]._production_domain()
        for line in self:
            jobs = line.print_job_ids.filtered_domain(production)
            produced = sum(job.good_quantity for job in jobs if job.state == "done")
            line.qty_produced = produced
            line.production_progress = (
                min(100.0, 100.0 * produced / line.product_uom_qty)
                if line.product_uom_qty > 0
                else 0.0
            )

    @api.depends("design_version_id", "order_id.order_kind", "company_id")
    def _compute_proposed_price_unit(self):
        for line in self:
            # The cost model behind the price, for Sales users without a Tiers-Lieu role.
            version = line.design_version_id.sudo()
            line.unit_cost = (
                version._unit_cost(line.company_id or self.env.company)["total"] if version else 0.0
            )
            proposed = line._proposed_price_unit()
            line.proposed_price_unit = proposed if proposed is not None else line.price_unit

    @api.depends(
        "product_id", "product_uom", "product_uom_qty", "order_id.order_kind", "design_version_id"
    )
    def _compute_price_unit(self):
        result = super()._compute_price_unit()
        for line in self:
            if not line.order_id or line.qty_invoiced > 0:
                continue
            manual = line.technical_price_unit != line.price_unit and not line.env.context.get(
                "force_price_recomputation"
            )
            proposed = line._proposed_price_unit()
            if proposed is None or (manual and line.order_id.order_kind != "solidarity"):
                continue
            line = line.with_context(sale_write_from_compute=True)
            line.price_unit = proposed
            line.technical_price_unit = proposed
        return result

    def _compute_qty_to_invoice(self):
        result = super()._compute_qty_to_invoice()
        for line in self:
            if line.order_id.order_kind == "solidarity":
                line.qty_to_invoice = 0.0
        return result

    def _compute_invoice_status(self):
        result = super()._compute_invoice_status()
        for line in self:
            if line.order_id.order_kind == "solidarity":
                line.invoice_status = "no"
        return result

    def _compute_qty_to_deliver(self):
        result = super()._compute_qty_to_deliver()
        # Printed to order: no stock shortage to warn about, the production progress says
        # where the parts are.
        self.filtered("is_printable_part").display_qty_widget = False
        return result

    @api.constrains("product_uom_qty", "product_id")
    def _check_printable_quantity(self):
        for line in self:
            if line.is_printable_part and line.product_uom_qty < 0:
                raise ValidationError(
                    self.env._(
                        "The quantity of %(part)s cannot be negative.",
                        part=line.product_id.display_name,
                    )
                )

    @api.constrains("price_unit", "discount", "order_id")
    def _check_free_order_price(self):
        for line in self:
            if (
                line.order_id.order_kind == "solidarity"
                and not line.display_type
                and not float_is_zero(line.price_unit * (100 - line.discount) / 100, 4)
            ):
                raise ValidationError(
                    self.env._(
                        "Order %(order)s is a free solidarity order: line %(line)s cannot "
                        "have a price (%(price)s).",
                        order=line.order_id.name,
                        line=line.product_id.display_name or line.name,
                        price=line.price_unit,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_price_override()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if "price_unit" in vals or "discount" in vals:
            self._check_price_override()
        return result

    # ------------------------------------------------------------------ actions

    def action_view_print_jobs(self):
        self.ensure_one()
        return self.order_id._action_view_jobs(self.print_job_ids)

    # ------------------------------------------------------------------ business

    def _proposed_price_unit(self):
        """The unit price the cost model proposes for this line, or None when it has no
        say (not a printable part, no validated version): commercial = cost × (1 +
        margin), at cost = cost, solidarity = 0 whatever the product."""
        self.ensure_one()
        kind = self.order_id.order_kind
        if kind == "solidarity":
            return 0.0
        if not self.design_version_id or not self.product_id.is_printable_part:
            return None
        company = self.company_id or self.env.company
        # Sales users without a Tiers-Lieu role price the parts too: the cost only.
        cost = self.design_version_id.sudo()._unit_cost(company)["total"]
        if kind == "at_cost":
            return cost
        return cost * (1.0 + company.order_margin_percent / 100.0)

    def _check_price_override(self):
        """Only managers set a price other than the proposed one."""
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        digits = self.env["decimal.precision"].precision_get("Product Price")
        for line in self:
            if line.display_type or line.qty_invoiced:
                continue
            proposed = line._proposed_price_unit()
            if proposed is None:
                continue
            if float_compare(line.price_unit, proposed, precision_digits=digits) or line.discount:
                raise UserError(
                    self.env._(
                        "Only a Tiers-Lieu manager may change the price the cost model "
                        "proposes for %(part)s (%(proposed)s).",
                        part=line.product_id.display_name,
                        proposed=round(proposed, digits),
                    )
                )

    def _production_problems(self):
        """Why this line cannot go to production (translated), or None."""
        self.ensure_one()
        part = self.product_id.display_name
        if self.product_uom_qty <= 0 or self.product_uom_qty != int(self.product_uom_qty):
            return self.env._(
                "The quantity of %(part)s must be a positive whole number of parts " "(%(qty)s).",
                part=part,
                qty=self.product_uom_qty,
            )
        version = self.design_version_id
        if not version:
            return self.env._(
                "%(part)s has no validated design version: validate one before confirming.",
                part=part,
            )
        if not version.material_id:
            return self.env._(
                "The material of %(version)s is unknown: give the design version a material.",
                version=version.display_name,
            )
        if version.grams_per_part <= 0:
            return self.env._("%(version)s has no grams per part.", version=version.display_name)
        if version.parts_per_plate <= 0:
            return self.env._("%(version)s has no parts per plate.", version=version.display_name)
        if version.print_minutes_per_plate <= 0:
            return self.env._(
                "%(version)s has no print minutes per plate.", version=version.display_name
            )
        return None

    def _parts_missing(self):
        """Parts of this line that no job will give: ordered minus the good parts of done
        jobs and the parts on the plates of jobs not ended."""
        self.ensure_one()
        expected = sum(
            job.good_quantity if job.state == "done" else job.quantity_per_plate
            for job in self.print_job_ids
            if job.state not in ("failed", "cancelled")
        )
        return max(int(self.product_uom_qty) - expected, 0)

    def _print_job_values(self, quantities=None):
        """Values of the print jobs of these lines: one job per plate,
        ceil(quantity / parts per plate) per line, the last plate holding the rest.
        ``quantities`` ({line: parts}) replaces the ordered quantities."""
        vals_list = []
        for line in self:
            quantity = quantities[line] if quantities is not None else int(line.product_uom_qty)
            vals_list += line._plate_job_values(line.product_id, line.design_version_id, quantity)
        return vals_list

    def _plate_job_values(self, product, version, quantity):
        """Values of the jobs making ``quantity`` × ``product`` with ``version`` for this
        line: one job per plate, the last one holding the rest (a kit line makes its
        components this way too)."""
        self.ensure_one()
        order = self.order_id
        per_plate = version.parts_per_plate
        due = order.commitment_date or order.expected_date
        vals_list = []
        for plate in range(math.ceil(quantity / per_plate)):
            parts = min(per_plate, quantity - plate * per_plate)
            vals_list.append(
                {
                    "part_name": product.name,
                    "product_id": product.id,
                    "design_version": version.name,
                    "design_version_id": version.id,
                    "sale_line_id": self.id,
                    "quantity_per_plate": parts,
                    "machine_kind": version.machine_kind,
                    "material_id": version.material_id.id,
                    "estimated_grams": version.grams_per_part * parts,
                    "estimated_duration_hours": version.print_minutes_per_plate
                    * parts
                    / per_plate
                    / 60.0,
                    "priority": "1" if order.is_urgent else "0",
                    "date_due": due and due.date(),
                    "company_id": order.company_id.id,
                    "user_id": order.user_id.id or self.env.user.id,
                }
            )
        return vals_list

    def _create_production_lots(self):
        """One lot per line of a lot-tracked part: the parts printed for the line enter
        stock and leave with the delivery under it (traceability to the recipient)."""
        tracked = self.filtered(
            lambda ln: ln.product_id.tracking == "lot" and not ln.production_lot_id
        )
        if not tracked:
            return self.env["stock.lot"]
        numbers = {}
        vals_list = []
        for line in tracked:
            numbers[line.order_id] = numbers.get(line.order_id, 0) + 1
            vals_list.append(
                {
                    "name": f"{line.order_id.name}-{numbers[line.order_id]:02d}",
                    "product_id": line.product_id.id,
                    "company_id": line.company_id.id,
                    "sale_line_id": line.id,
                    "design_version_id": line.design_version_id.id,
                }
            )
        lots = self.env["stock.lot"].sudo().create(vals_list)
        for line, lot in zip(tracked, lots, strict=True):
            line.production_lot_id = lot
        return lots

    def _create_print_jobs(self, quantities=None):
        """Create and queue the print jobs of these lines in one batch: the number of
        queries does not grow with the number of lines or plates."""
        vals_list = self._print_job_values(quantities)
        if not vals_list:
            return self.env["tiers_lieu.print.job"]
        Job = self.env["tiers_lieu.print.job"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        )
        jobs = Job.create(vals_list)
        jobs._attach_design_files()
        jobs.action_queue()
        for order in self.order_id:
            count = sum(1 for vals in vals_list if vals["sale_line_id"] in order.order_line.ids)
            # The whole team reads the chatter: the company's language, not the clicker's.
            lang_env = company_lang_env(self.env, order.company_id)
            order.message_post(
                body=lang_env._("%(count)s print jobs queued for this order.", count=count)
            )
        return jobs
