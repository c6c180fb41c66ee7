from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_round

RESOLUTIONS = [
    ("next_spool", "The spool ran out: another spool took over"),
    ("adjust", "The spool held more than recorded: correct its stock"),
]


class TiersLieuPrintJobConsume(models.TransientModel):
    _name = "tiers_lieu.print.job.consume"
    _description = "Post the Material Consumption of a Job"

    job_id = fields.Many2one("tiers_lieu.print.job", required=True, ondelete="cascade")
    material_id = fields.Many2one(related="job_id.material_id")
    note = fields.Char(related="job_id.consumption_note")
    grams_to_post = fields.Float(
        string="To Take from Spools (g)", digits=(16, 2), compute="_compute_grams_to_post"
    )
    spool_id = fields.Many2one(
        "stock.lot",
        string="Spool Printed From",
        compute="_compute_spool_id",
        store=True,
        readonly=False,
        domain="[('is_spool', '=', True), ('material_id', '=?', material_id)]",
    )
    spool_remaining = fields.Float(related="spool_id.remaining_grams", string="Its Stock (g)")
    short = fields.Boolean(compute="_compute_short")
    resolution = fields.Selection(RESOLUTIONS, default="next_spool")
    next_spool_id = fields.Many2one(
        "stock.lot",
        string="Spool That Took Over",
        domain="[('is_spool', '=', True), ('material_id', '=?', material_id), "
        "('remaining_grams', '>', 0), ('id', '!=', spool_id)]",
    )
    load_next_spool = fields.Boolean(
        string="Load It on the Machine",
        default=True,
        help="The spool that took over is now on the machine.",
    )

    @api.depends("job_id")
    def _compute_grams_to_post(self):
        for wizard in self:
            wizard.grams_to_post = wizard.job_id._grams_to_draw() if wizard.job_id else 0.0

    @api.depends("job_id")
    def _compute_spool_id(self):
        for wizard in self:
            job = wizard.job_id
            loaded = job.machine_id.loaded_spool_ids.filtered(lambda s, j=job: s._suits(j))
            wizard.spool_id = job.spool_id or loaded[:1]

    @api.depends("spool_id", "grams_to_post")
    def _compute_short(self):
        for wizard in self:
            wizard.short = bool(wizard.spool_id) and (
                float_compare(wizard.spool_remaining, wizard.grams_to_post, precision_digits=2) < 0
            )

    def action_confirm(self):
        self.ensure_one()
        _ = self.env._
        job = self.job_id
        if job.consumption_state != "pending":
            raise UserError(
                _("The material of job %(job)s is not waiting to be posted.", job=job.name)
            )
        if not self.spool_id:
            raise UserError(_("Choose the spool job %(job)s printed from.", job=job.name))
        spools = self.spool_id
        took_over = self.short and self.resolution == "next_spool"
        if self.short:
            if self.resolution == "next_spool":
                if not self.next_spool_id:
                    raise UserError(_("Choose the spool that took over."))
                spools |= self.next_spool_id
            else:
                missing = float_round(self.grams_to_post - self.spool_remaining, precision_digits=2)
                self.spool_id._set_remaining_grams(
                    self.spool_remaining + missing,
                    _(
                        "Job %(job)s used %(missing)s g more than spool %(spool)s held in " "stock",
                        job=job.name,
                        missing=missing,
                        spool=self.spool_id.name,
                    ),
                )
        job._post_material_consumption(spools={job.id: spools})
        if job.consumption_state == "pending":
            raise UserError(job.consumption_note)
        if took_over and self.load_next_spool:
            slot = self.spool_id.machine_tool if self.spool_id.machine_id else 1
            if job.machine_id:
                self.next_spool_id._load_on_machine(job.machine_id, slot)
        return {"type": "ir.actions.act_window_close"}
