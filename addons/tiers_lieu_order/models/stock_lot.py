from odoo import api, fields, models


class StockLot(models.Model):
    _inherit = "stock.lot"

    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Produced for",
        readonly=True,
        index="btree_not_null",
        help="The order line the parts of this lot were printed for.",
    )
    design_version_id = fields.Many2one(
        "tiers_lieu.design.version", string="Design Version", readonly=True, index="btree_not_null"
    )
    part_print_job_ids = fields.One2many(
        related="sale_line_id.print_job_ids", string="Print Jobs of the Parts"
    )
    part_machine_ids = fields.Many2many(
        "maintenance.equipment", string="Printed on", compute="_compute_part_trace"
    )
    part_spool_ids = fields.Many2many(
        "stock.lot", string="Spools Used", compute="_compute_part_trace"
    )
    part_job_count = fields.Integer(compute="_compute_part_trace")

    @api.depends(
        "sale_line_id.print_job_ids.state",
        "sale_line_id.print_job_ids.machine_id",
        "sale_line_id.print_job_ids.spool_id",
        "sale_line_id.print_job_ids.stock_move_ids.state",
    )
    def _compute_part_trace(self):
        # On the lot form of every Inventory user: the machines and spools (which they
        # may read) and a count of jobs, read through the jobs they may not read.
        self.check_access("read")
        for lot in self:
            all_jobs = lot.sudo().sale_line_id.print_job_ids
            jobs = all_jobs.filtered(lambda j: j.state in ("done", "failed"))
            lot.part_machine_ids = jobs.machine_id.with_env(self.env)
            spools = jobs.spool_id | jobs.stock_move_ids.move_line_ids.lot_id
            lot.part_spool_ids = spools.with_env(self.env)
            lot.part_job_count = len(all_jobs)

    def action_view_part_jobs(self):
        self.ensure_one()
        return self.sale_line_id.order_id._action_view_jobs(self.sale_line_id.print_job_ids)
