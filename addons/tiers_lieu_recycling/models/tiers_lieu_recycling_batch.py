from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, float_round

PRECISION = 1
# The steps of a batch: (hours field, machine field).
STEPS = (
    ("shredding_hours", "shredder_id"),
    ("drying_hours", "extruder_id"),
    ("extrusion_hours", "extruder_id"),
)


class TiersLieuRecyclingBatch(models.Model):
    _name = "tiers_lieu.recycling.batch"
    _description = "Recycling Batch"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True, tracking=True
    )
    material_id = fields.Many2one(
        "tiers_lieu.material",
        required=True,
        domain="[('recyclable', '=', True)]",
        tracking=True,
    )
    line_ids = fields.One2many(
        "tiers_lieu.recycling.batch.line", "batch_id", string="Offcut Lots", copy=False
    )
    input_grams = fields.Float(
        string="Offcuts In (g)", digits=(16, 1), compute="_compute_figures", store=True
    )
    output_product_id = fields.Many2one(
        "product.product",
        string="Recycled Filament",
        domain="[('material_id', '=', material_id)]",
        help="The filament product of the recycled spools.",
    )
    output_grams = fields.Float(
        string="Recycled Filament (g)",
        digits=(16, 1),
        help="Net grams of filament wound on the recycled spool, weighed.",
    )
    recycled_content_percent = fields.Float(
        string="Recycled Content (%)", digits=(5, 1), default=100.0
    )
    dust_grams = fields.Float(string="Dust (g)", digits=(16, 1))
    purge_grams = fields.Float(string="Extruder Purge (g)", digits=(16, 1))
    failed_filament_grams = fields.Float(string="Failed Filament (g)", digits=(16, 1))
    unmeasured_loss_grams = fields.Float(
        string="Unmeasured Loss (g)",
        digits=(16, 1),
        compute="_compute_figures",
        store=True,
        help="Offcuts in minus the recycled filament and the measured losses.",
    )
    yield_percent = fields.Float(
        string="Yield (%)", digits=(5, 1), compute="_compute_figures", store=True
    )
    shredder_id = fields.Many2one("maintenance.equipment", string="Shredder", check_company=True)
    extruder_id = fields.Many2one("maintenance.equipment", string="Extruder", check_company=True)
    shredding_hours = fields.Float(
        digits=(16, 2), help="Hours the shredder ran: its work centre's cost per hour."
    )
    drying_hours = fields.Float(
        digits=(16, 2),
        help="Hours the shredded flakes dried, on the extruder's line (its work centre).",
    )
    extrusion_hours = fields.Float(
        digits=(16, 2), help="Hours the extruder ran: its work centre's cost per hour."
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    offcut_cost = fields.Monetary(
        string="Offcuts' Cost",
        readonly=True,
        copy=False,
        help="Stock value the offcut lots had when their grams left the spools for the "
        "bins (a failed print, an end of spool); scraps of good parts and partners' scrap "
        "bring none.",
    )
    process_cost = fields.Monetary(
        string="Energy and Labour",
        readonly=True,
        copy=False,
        help="Hours of each step × the cost per hour of its machine's work centre.",
    )
    spool_cost = fields.Monetary(
        string="Recycled Spool Value",
        readonly=True,
        copy=False,
        help="Offcuts' cost + energy and labour: the stock value of the recycled spool.",
    )
    cost_per_kg = fields.Monetary(
        string="Cost per kg",
        compute="_compute_cost_per_kg",
        help="Value of the recycled spool per kg of filament.",
    )
    production_id = fields.Many2one("mrp.production", readonly=True, copy=False)
    output_lot_id = fields.Many2one("stock.lot", string="Recycled Spool", readonly=True, copy=False)

    @api.depends(
        "line_ids.grams", "output_grams", "dust_grams", "purge_grams", "failed_filament_grams"
    )
    def _compute_figures(self):
        for batch in self:
            grams_in = sum(batch.line_ids.mapped("grams"))
            batch.input_grams = grams_in
            batch.unmeasured_loss_grams = float_round(
                grams_in
                - batch.output_grams
                - batch.dust_grams
                - batch.purge_grams
                - batch.failed_filament_grams,
                precision_digits=PRECISION,
            )
            batch.yield_percent = 100.0 * batch.output_grams / grams_in if grams_in else 0.0

    @api.depends("spool_cost", "output_grams")
    def _compute_cost_per_kg(self):
        for batch in self:
            batch.cost_per_kg = (
                batch.spool_cost / batch.output_grams * 1000.0 if batch.output_grams else 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("tiers_lieu.recycling.batch") or "/"
                )
        return super().create(vals_list)

    def action_done(self):
        for batch in self:
            batch._check_before_done()
        for batch in self:
            batch._produce()
        return True

    def _field_label(self, fname):
        return self._fields[fname]._description_string(self.env)

    def _error(self, fname, message):
        return ValidationError(
            self.env._("%(field)s: %(message)s", field=self._field_label(fname), message=message)
        )

    def _check_before_done(self):
        """Every refusal before anything is written: one material, weights, lots with their
        grams still in the offcut bins."""
        self.ensure_one()
        if self.state != "draft":
            raise self._error(
                "state", self.env._("batch %(name)s is already done.", name=self.name)
            )
        if not self.line_ids:
            raise self._error("line_ids", self.env._("add the offcut lots put in the shredder."))
        lots = self.line_ids.lot_id
        if len(lots) != len(self.line_ids):
            raise self._error(
                "line_ids", self.env._("an offcut lot can be put only once in a batch.")
            )
        mixed = self.line_ids.filtered(lambda line: line.material_id != self.material_id)
        if mixed:
            raise self._error(
                "line_ids",
                self.env._(
                    "a batch recycles one material (%(material)s); %(lots)s is %(other)s.",
                    material=self.material_id.name,
                    lots=", ".join(mixed.lot_id.mapped("name")),
                    other=", ".join(mixed.material_id.mapped("name")) or self.env._("unknown"),
                ),
            )
        for fname in ("output_grams",):
            if float_compare(self[fname], 0.0, precision_digits=PRECISION) <= 0:
                raise self._error(fname, self.env._("weigh the recycled filament (more than 0 g)."))
        for fname in ("dust_grams", "purge_grams", "failed_filament_grams"):
            if float_compare(self[fname], 0.0, precision_digits=PRECISION) < 0:
                raise self._error(fname, self.env._("a loss cannot be negative."))
        if not self.output_product_id or self.output_product_id.material_id != self.material_id:
            raise self._error(
                "output_product_id",
                self.env._(
                    "choose a filament product of %(material)s.", material=self.material_id.name
                ),
            )
        if float_compare(self.output_grams, self.input_grams, precision_digits=PRECISION) > 0:
            raise self._error(
                "output_grams",
                self.env._(
                    "%(out)s g of filament cannot come out of %(in)s g of offcuts.",
                    out=self.output_grams,
                    **{"in": self.input_grams},
                ),
            )
        if float_compare(self.unmeasured_loss_grams, 0.0, precision_digits=PRECISION) < 0:
            raise self._error(
                "unmeasured_loss_grams",
                self.env._("the filament and the measured losses weigh more than the offcuts."),
            )
        self._check_hours()
        if not 0.0 <= self.recycled_content_percent <= 100.0:
            raise self._error("recycled_content_percent", self.env._("a percentage, 0 to 100."))
        available = self._offcut_grams(lots)
        for line in self.line_ids:
            if float_compare(line.grams, 0.0, precision_digits=PRECISION) <= 0:
                raise self._error("line_ids", self.env._("weigh each offcut lot (more than 0 g)."))
            left = sum(available.get(line.lot_id.id, {}).values())
            if float_compare(line.grams, left, precision_digits=PRECISION) > 0:
                consumed = self.search(
                    [("line_ids.lot_id", "=", line.lot_id.id), ("state", "=", "done")],
                    limit=1,
                )
                raise self._error(
                    "line_ids",
                    self.env._(
                        "lot %(lot)s has %(left)s g in the offcut bins, not %(grams)s g%(by)s.",
                        lot=line.lot_id.name,
                        left=left,
                        grams=line.grams,
                        by=self.env._(" (consumed by %(batch)s)", batch=consumed.name)
                        if consumed
                        else "",
                    ),
                )

    @api.model
    def _offcut_grams(self, lots):
        """{lot id: {bin id: grams}} of ``lots`` in the offcut bins."""
        offcut = self.env.ref("tiers_lieu_consumable.stock_location_offcut")
        result = {}
        for lot, location, grams in (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [("lot_id", "in", lots.ids), ("location_id", "child_of", offcut.id)],
                ["lot_id", "location_id"],
                ["quantity:sum"],
            )
        ):
            if float_compare(grams, 0.0, precision_digits=PRECISION) > 0:
                result.setdefault(lot.id, {})[location.id] = grams
        return result

    def _check_hours(self):
        """Hours of a step are not negative and name the machine that ran it."""
        for hours_field, machine_field in STEPS:
            if float_compare(self[hours_field], 0.0, precision_digits=2) < 0:
                raise self._error(hours_field, self.env._("hours cannot be negative."))
            if self[hours_field] and not self[machine_field]:
                raise self._error(
                    machine_field,
                    self.env._(
                        "choose the machine that ran the %(step)s.",
                        step=self._field_label(hours_field).lower(),
                    ),
                )

    @api.model
    def _offcut_unit_costs(self, lots):
        """{lot id: cost per gram} of offcut lots: the stock value that left the valued
        stock when the lot's grams entered the offcut bins, over those grams. Two grouped
        reads, whatever the number of lots."""
        offcut = self.env.ref("tiers_lieu_consumable.stock_location_offcut")
        grams, value = defaultdict(float), defaultdict(float)
        in_domain = [
            ("lot_id", "in", lots.ids),
            ("state", "=", "done"),
            ("location_dest_id", "child_of", offcut.id),
            "!",
            ("location_id", "child_of", offcut.id),
        ]
        MoveLine = self.env["stock.move.line"].sudo()
        for lot, quantity in MoveLine._read_group(in_domain, ["lot_id"], ["quantity:sum"]):
            grams[lot.id] += quantity
        moves = MoveLine.search(in_domain).move_id
        for lot, amount in (
            self.env["stock.valuation.layer"]
            .sudo()
            ._read_group(
                [("stock_move_id", "in", moves.ids), ("lot_id", "in", lots.ids)],
                ["lot_id"],
                ["value:sum"],
            )
        ):
            # Out of the valued stock: a negative layer.
            value[lot.id] -= amount
        return {
            lot_id: max(value[lot_id], 0.0) / quantity
            for lot_id, quantity in grams.items()
            if quantity > 0
        }

    def _add_work_orders(self, production):
        """One done work order per step with hours, on its machine's work centre, its time
        log ending at the batch's date: mrp values it at the work centre's cost per hour."""
        self.ensure_one()
        WorkOrder = self.env["mrp.workorder"].sudo()
        Productivity = self.env["mrp.workcenter.productivity"].sudo()
        names = {
            "shredding_hours": self.env._("Shredding"),
            "drying_hours": self.env._("Drying"),
            "extrusion_hours": self.env._("Extrusion"),
        }
        end = self.date
        for hours_field, machine_field in STEPS:
            minutes = self[hours_field] * 60.0
            if float_compare(minutes, 0.0, precision_digits=2) <= 0:
                continue
            workcenter = self[machine_field]._recycling_workcenter()
            workorder = WorkOrder.create(
                {
                    "name": names[hours_field],
                    "production_id": production.id,
                    "workcenter_id": workcenter.id,
                    "product_uom_id": production.product_uom_id.id,
                    "duration_expected": minutes,
                }
            )
            start = end - timedelta(minutes=minutes)
            Productivity.create(workorder._prepare_timeline_vals(minutes, start, end))
            end = start

    def _produce(self):
        """The batch as a done manufacturing order: offcut lots out of their bins, one
        recycled spool in stock."""
        self.ensure_one()
        offcut = self.env.ref("tiers_lieu_consumable.stock_location_offcut")
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company_id.id)], limit=1
        )
        available = self._offcut_grams(self.line_ids.lot_id)
        Production = self.env["mrp.production"].sudo().with_company(self.company_id)
        production = Production.create(
            {
                "product_id": self.output_product_id.id,
                "product_qty": self.output_grams,
                "product_uom_id": self.output_product_id.uom_id.id,
                "picking_type_id": warehouse.manu_type_id.id,
                "location_src_id": offcut.id,
                "location_dest_id": warehouse.lot_stock_id.id,
                "company_id": self.company_id.id,
                "origin": self.name,
                "move_raw_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": sum(lines.mapped("grams")),
                            "product_uom": product.uom_id.id,
                            "location_id": offcut.id,
                            "recycling_batch_id": self.id,
                        }
                    )
                    for product, lines in self.line_ids.grouped("product_id").items()
                ],
            }
        )
        production.action_confirm()
        self._add_work_orders(production)
        unit_costs = self._offcut_unit_costs(self.line_ids.lot_id)
        offcut_cost = self.currency_id.round(
            sum(line.grams * unit_costs.get(line.lot_id.id, 0.0) for line in self.line_ids)
        )
        # The offcut bins are not valued stock: their cost enters the spool as an extra
        # unit cost; the work orders add energy and labour (mrp_account).
        production.extra_cost = offcut_cost / self.output_grams
        lot = (
            self.env["stock.lot"]
            .sudo()
            .with_context(tiers_lieu_spool=True)
            .create(
                {
                    "product_id": self.output_product_id.id,
                    "company_id": self.company_id.id,
                    "initial_net_grams": self.output_grams,
                    "supply_origin": "recycling",
                    "recycled_content_percent": self.recycled_content_percent,
                }
            )
        )
        production_location = production.production_location_id
        for move in production.move_raw_ids:
            move.move_line_ids.unlink()
            line_vals = []
            lines = self.line_ids.filtered(
                lambda line, move=move: line.product_id == move.product_id
            )
            for line in lines:
                grams = line.grams
                for location_id, held in sorted(available[line.lot_id.id].items()):
                    part = min(grams, held)
                    if float_compare(part, 0.0, precision_digits=PRECISION) <= 0:
                        continue
                    line_vals.append(
                        {
                            "move_id": move.id,
                            "product_id": move.product_id.id,
                            "product_uom_id": move.product_uom.id,
                            "lot_id": line.lot_id.id,
                            "quantity": part,
                            "location_id": location_id,
                            "location_dest_id": production_location.id,
                            "company_id": self.company_id.id,
                        }
                    )
                    grams -= part
            self.env["stock.move.line"].sudo().create(line_vals)
        production.move_raw_ids.picked = True
        production.write({"lot_producing_id": lot.id, "qty_producing": self.output_grams})
        production.move_finished_ids.recycling_batch_id = self
        production.with_context(skip_consumption=True, skip_backorder=True).button_mark_done()
        # The batch's date is when the grams moved (a batch recorded after the run).
        moves = production.move_raw_ids | production.move_finished_ids
        moves.write({"date": self.date})
        moves.move_line_ids.write({"date": self.date})
        process_cost = self.currency_id.round(production.workorder_ids._cal_cost())
        spool_cost = self.currency_id.round(
            sum(production.move_finished_ids.sudo().stock_valuation_layer_ids.mapped("value"))
        )
        self.write(
            {
                "state": "done",
                "production_id": production.id,
                "output_lot_id": lot.id,
                "offcut_cost": offcut_cost,
                "process_cost": process_cost,
                "spool_cost": spool_cost,
            }
        )


class TiersLieuRecyclingBatchLine(models.Model):
    _name = "tiers_lieu.recycling.batch.line"
    _description = "Offcut Lot of a Recycling Batch"

    batch_id = fields.Many2one(
        "tiers_lieu.recycling.batch", required=True, ondelete="cascade", index=True
    )
    lot_id = fields.Many2one("stock.lot", string="Offcut Lot", required=True, index=True)
    product_id = fields.Many2one(related="lot_id.product_id")
    material_id = fields.Many2one(
        "tiers_lieu.material", compute="_compute_material_id", string="Material"
    )
    grams = fields.Float(string="Weight (g)", digits=(16, 1))

    @api.depends("lot_id")
    def _compute_material_id(self):
        for line in self:
            template = line.lot_id.product_id.product_tmpl_id
            line.material_id = template.material_id or template.offcut_material_id
