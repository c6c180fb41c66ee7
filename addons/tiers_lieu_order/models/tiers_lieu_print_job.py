from collections import defaultdict

from odoo import api, fields, models

from odoo.addons.tiers_lieu_machine.models.tiers_lieu_print_job import ENDED_STATES


class TiersLieuPrintJob(models.Model):
    _inherit = "tiers_lieu.print.job"

    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Order Line",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    sale_order_id = fields.Many2one(
        related="sale_line_id.order_id", store=True, index="btree_not_null", string="Order"
    )
    customer_id = fields.Many2one(related="sale_order_id.partner_id", string="Customer")
    design_version_id = fields.Many2one(
        "tiers_lieu.design.version",
        string="Design Version Record",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )
    part_move_ids = fields.One2many(
        "stock.move", "part_print_job_id", string="Parts Moves", readonly=True
    )
    real_material_cost = fields.Monetary(
        compute="_compute_real_cost",
        store=True,
        help="Grams used × material cost per kg of the cost model, or the stock value of "
        "the spools used (company setting).",
    )
    material_cost_basis = fields.Selection(
        [
            ("cost_model", "Cost model (€/kg of the material)"),
            ("spools", "Value of the spools used"),
        ],
        string="Material Costed At",
        compute="_compute_real_cost",
        store=True,
    )
    real_machine_cost = fields.Monetary(
        compute="_compute_real_cost", store=True, help="Machine hours × machine rate."
    )
    real_labour_cost = fields.Monetary(
        compute="_compute_real_cost",
        store=True,
        help="Labour minutes per plate of the design version × labour rate.",
    )

    # The rates are not dependencies: a change of the cost model does not rewrite the
    # cost of jobs that already ended.
    @api.depends(
        "state",
        "grams_actual",
        "duration_hours",
        "material_id",
        "design_version_id",
        "consumption_state",
    )
    def _compute_real_cost(self):
        for job in self:
            if job.state not in ENDED_STATES:
                job.real_material_cost = job.real_machine_cost = job.real_labour_cost = 0.0
                job.material_cost_basis = False
                continue
            company = job.company_id
            material = job.material_id.with_company(company)
            hours = job.duration_hours or job.estimated_duration_hours
            labour_minutes = (
                job.design_version_id.labour_minutes_per_plate if job.design_version_id else 0.0
            )
            if company.order_material_cost_basis == "spools" and job.consumption_state == "posted":
                # The spools' stock value: a free recycled or donated spool costs what it
                # is worth in stock, not the cost model's price.
                job.real_material_cost = job.material_stock_value
                job.material_cost_basis = "spools"
            else:
                job.real_material_cost = job.grams_actual / 1000.0 * material.order_cost_per_kg
                job.material_cost_basis = "cost_model"
            job.real_machine_cost = hours * company.order_machine_hour_cost
            job.real_labour_cost = labour_minutes / 60.0 * company.order_labour_hour_cost

    # ------------------------------------------------------------------ hooks

    def _on_done(self):
        result = super()._on_done()
        self.filtered("sale_line_id")._post_produced_parts()
        return result

    def _on_corrected(self, fnames, before):
        """The parts in stock follow a corrected count of good parts (or a job that is
        done no more)."""
        result = super()._on_corrected(fnames, before)
        if {"good_quantity", "state"} & fnames:
            self.filtered("sale_line_id")._post_produced_parts()
        return result

    # ------------------------------------------------------------------ business

    def _attach_design_files(self):
        """The print file of each job's design version, attached in one batch (the
        filestore keeps one copy of identical files)."""
        vals_list = []
        versions = self.design_version_id.filtered("print_file")
        if not versions:
            return
        files = {
            att.res_id: att
            for att in self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "tiers_lieu.design.version"),
                    ("res_field", "=", "print_file"),
                    ("res_id", "in", versions.ids),
                ]
            )
        }
        for job in self:
            attachment = files.get(job.design_version_id.id)
            if not attachment:
                continue
            vals_list.append(
                {
                    "name": "print_file",
                    "res_model": self._name,
                    "res_field": "print_file",
                    "res_id": job.id,
                    "type": "binary",
                    "datas": attachment.datas,
                    "mimetype": attachment.mimetype,
                }
            )
        self.env["ir.attachment"].sudo().create(vals_list)
        self.invalidate_recordset(["print_file"])
        names = {v.id: v.print_filename for v in versions}
        for version_id in {job.design_version_id.id for job in self}:
            if version_id in files:
                self.filtered(lambda j, v=version_id: j.design_version_id.id == v).write(
                    {"print_filename": names[version_id]}
                )

    def _post_produced_parts(self):
        """Bring the parts in stock of these order jobs to their good parts when done
        (none otherwise): parts come from the production location into the order's
        warehouse under the line's lot; a correction moves only the difference."""
        jobs = self.filtered(
            lambda j: j.sale_line_id.production_lot_id and j.product_id.is_storable
        )
        if not jobs:
            return self.env["stock.move"]
        posted = defaultdict(float)
        for job, location, dest, qty in (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [("part_print_job_id", "in", jobs.ids), ("state", "=", "done")],
                ["part_print_job_id", "location_id", "location_dest_id"],
                ["product_uom_qty:sum"],
            )
        ):
            if dest.usage == "internal":
                posted[job.id] += qty
            if location.usage == "internal":
                posted[job.id] -= qty
        vals_list = []
        for job in jobs:
            target = job.good_quantity if job.state == "done" else 0
            delta = target - posted[job.id]
            if not delta:
                continue
            line = job.sale_line_id
            production = job.product_id.with_company(job.company_id).property_stock_production
            stock = line.order_id.warehouse_id.lot_stock_id
            source, dest = (production, stock) if delta > 0 else (stock, production)
            vals_list.append(
                {
                    "name": self.env._("Parts of %(job)s", job=job.name),
                    "product_id": job.product_id.id,
                    "product_uom": job.product_id.uom_id.id,
                    "product_uom_qty": abs(delta),
                    "location_id": source.id,
                    "location_dest_id": dest.id,
                    "company_id": job.company_id.id,
                    "part_print_job_id": job.id,
                    "origin": line.order_id.name,
                    "move_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": job.product_id.id,
                                "product_uom_id": job.product_id.uom_id.id,
                                "quantity": abs(delta),
                                "lot_id": line.production_lot_id.id,
                                "location_id": source.id,
                                "location_dest_id": dest.id,
                                "company_id": job.company_id.id,
                            }
                        )
                    ],
                }
            )
        if not vals_list:
            return self.env["stock.move"]
        moves = self.env["stock.move"].sudo().create(vals_list)
        moves._action_confirm(merge=False)
        moves.picked = True
        moves._action_done()
        # The order's delivery takes the new parts at once.
        waiting = jobs.sale_line_id.move_ids.filtered(
            lambda m: m.state in ("confirmed", "partially_available")
            and m.location_dest_id.usage == "customer"
        )
        waiting._action_assign()
        return moves
