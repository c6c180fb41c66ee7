from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import float_is_zero

from odoo.addons.tiers_lieu_machine.models.tiers_lieu_print_job import ENDED_STATES


class TiersLieuPrintJob(models.Model):
    _inherit = "tiers_lieu.print.job"

    supply_product_id = fields.Many2one(
        "product.product",
        string="Sheet or Fabric",
        check_company=True,
        index="btree_not_null",
        domain="[('is_storable', '=', True), ('tracking', '=', 'none')]",
        tracking=True,
        help="Laser and sewing jobs: the stocked sheet or fabric the job consumes.",
    )
    supply_uom_id = fields.Many2one(related="supply_product_id.uom_id", string="Supply Unit")
    supply_quantity = fields.Float(
        string="Estimated Supply",
        digits="Product Unit of Measure",
        help="Sheets (units or m²) or fabric (metres) the job should take.",
    )
    supply_quantity_actual = fields.Float(
        string="Supply Used",
        digits="Product Unit of Measure",
        copy=False,
        help="Sheets or fabric actually used, failed cuts included: posted out of stock "
        "when the job ends. The estimate until someone corrects it.",
    )
    supply_move_ids = fields.One2many(
        "stock.move", "supply_job_id", string="Supply Moves", readonly=True
    )

    _sql_constraints = [
        (
            "supply_not_negative",
            "CHECK(supply_quantity >= 0 AND supply_quantity_actual >= 0)",
            "The sheets or fabric of a job cannot be negative.",
        ),
    ]

    @api.depends("supply_quantity_actual", "supply_product_id")
    def _compute_real_cost(self):
        """The material cost of a laser or sewing job is its sheets or fabric at their
        product cost."""
        result = super()._compute_real_cost()
        for job in self.filtered("supply_product_id"):
            if job.state in ENDED_STATES:
                supply = job.supply_product_id.with_company(job.company_id)
                job.real_material_cost += job.supply_quantity_actual * supply.standard_price
        return result

    # ------------------------------------------------------------------ hooks

    def _on_start(self):
        result = super()._on_start()
        for job in self.filtered(lambda j: j.supply_product_id and not j.supply_quantity_actual):
            job.supply_quantity_actual = job.supply_quantity
        return result

    def _on_end(self):
        result = super()._on_end()
        self._tl_post_supply()
        return result

    def _on_corrected(self, fnames, before):
        result = super()._on_corrected(fnames, before)
        if {"supply_quantity_actual", "supply_product_id", "state"} & fnames:
            self._tl_post_supply()
        return result

    # ------------------------------------------------------------------ business

    def _post_produced_parts(self):
        """The parts made for a kit line enter stock under the lot of their component
        (the line's own lot is for parts ordered alone)."""
        kit_jobs = self.filtered(
            lambda j: j.sale_line_id and j.product_id and j.product_id != j.sale_line_id.product_id
        )
        moves = super(TiersLieuPrintJob, self - kit_jobs)._post_produced_parts()
        return moves | kit_jobs._tl_post_kit_parts()

    def _tl_posted(self, field, domain=None):
        """{job id: quantity} the done moves linked by ``field`` put in the internal
        locations minus what they took out of them."""
        posted = defaultdict(float)
        if not self.ids:
            return posted
        for job, location, dest, qty in (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [(field, "in", self.ids), ("state", "=", "done"), *(domain or [])],
                [field, "location_id", "location_dest_id"],
                ["product_uom_qty:sum"],
            )
        ):
            if dest.usage == "internal":
                posted[job.id] += qty
            if location.usage == "internal":
                posted[job.id] -= qty
        return posted

    def _tl_move_values(self, product, quantity, source, dest, link, lot=None):
        self.ensure_one()
        line_vals = {
            "product_id": product.id,
            "product_uom_id": product.uom_id.id,
            "quantity": quantity,
            "location_id": source.id,
            "location_dest_id": dest.id,
            "company_id": self.company_id.id,
        }
        if lot:
            line_vals["lot_id"] = lot.id
        return {
            "name": self.env._("%(job)s – %(product)s", job=self.name, product=product.name),
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "product_uom_qty": quantity,
            "location_id": source.id,
            "location_dest_id": dest.id,
            "company_id": self.company_id.id,
            link: self.id,
            "origin": self.sale_order_id.name or self.name,
            "move_line_ids": [fields.Command.create(line_vals)],
        }

    @api.model
    def _tl_done_moves(self, vals_list):
        if not vals_list:
            return self.env["stock.move"]
        moves = self.env["stock.move"].sudo().create(vals_list)
        moves._action_confirm(merge=False)
        moves.picked = True
        moves._action_done()
        return moves

    def _tl_stock_location(self):
        self.ensure_one()
        warehouse = self.sale_line_id.order_id.warehouse_id or self.env[
            "stock.warehouse"
        ].sudo().search([("company_id", "=", self.company_id.id)], limit=1)
        return warehouse.lot_stock_id

    def _tl_post_kit_parts(self):
        """Bring the parts of these kit jobs in stock to their good parts when done (none
        otherwise), under the lot of the component for its kit line; a correction moves
        only the difference. The kit's delivery takes them at once."""
        jobs = self.filtered(lambda j: j.product_id.is_storable)
        if not jobs:
            return self.env["stock.move"]
        # Part moves are those of the component, not the sheets the job consumed.
        posted = jobs._tl_posted("part_print_job_id")
        vals_list = []
        for job in jobs:
            target = job.good_quantity if job.state == "done" else 0
            delta = target - posted[job.id]
            if float_is_zero(delta, precision_digits=6):
                continue
            production = job.product_id.with_company(job.company_id).property_stock_production
            stock = job._tl_stock_location()
            source, dest = (production, stock) if delta > 0 else (stock, production)
            lot = (
                job.sale_line_id._tl_kit_lot(job.product_id)
                if job.product_id.tracking == "lot"
                else None
            )
            vals = job._tl_move_values(
                job.product_id, abs(delta), source, dest, "part_print_job_id", lot
            )
            vals["name"] = self.env._("Parts of %(job)s", job=job.name)
            vals_list.append(vals)
        moves = self._tl_done_moves(vals_list)
        if moves:
            waiting = jobs.sale_line_id.move_ids.filtered(
                lambda m: m.state in ("confirmed", "partially_available")
                and m.location_dest_id.usage == "customer"
            )
            waiting._action_assign()
        return moves

    def _tl_post_supply(self):
        """Post out of stock the sheets or fabric these laser and sewing jobs used when
        ended (nothing otherwise), into the print consumption location; a correction
        moves only the difference."""
        jobs = self.filtered("supply_product_id")
        if not jobs:
            return self.env["stock.move"]
        consumption = self.env.ref("tiers_lieu_consumable.stock_location_print_consumption")
        posted = jobs._tl_posted("supply_job_id")
        vals_list = []
        for job in jobs:
            target = job.supply_quantity_actual if job.state in ENDED_STATES else 0.0
            # posted counts what entered stock: consumption is its opposite.
            delta = target + posted[job.id]
            if float_is_zero(delta, precision_digits=6):
                continue
            stock = job._tl_stock_location()
            source, dest = (stock, consumption) if delta > 0 else (consumption, stock)
            vals_list.append(
                job._tl_move_values(
                    job.supply_product_id, abs(delta), source, dest, "supply_job_id"
                )
            )
        return self._tl_done_moves(vals_list)
