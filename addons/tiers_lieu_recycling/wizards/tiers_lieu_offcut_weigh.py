from odoo import api, fields, models

from ..models.stock_move import OFFCUT_SOURCES


class TiersLieuOffcutWeigh(models.TransientModel):
    _name = "tiers_lieu.offcut.weigh"
    _description = "Weigh a Bin of Offcuts"

    material_id = fields.Many2one("tiers_lieu.material", required=True)
    source = fields.Selection(
        [source for source in OFFCUT_SOURCES if source[0] != "failed_print"],
        required=True,
        default="support",
    )
    grams = fields.Float(string="Weight (g)", digits=(16, 1), required=True)
    print_job_id = fields.Many2one("tiers_lieu.print.job", string="Print Job")
    machine_id = fields.Many2one(
        "maintenance.equipment",
        string="Machine",
        domain="[('machine_kind', '!=', False)]",
    )
    partner_id = fields.Many2one("res.partner", string="Partner")
    spool_id = fields.Many2one(
        "stock.lot",
        string="Spool",
        domain="[('is_spool', '=', True), ('material_id', '=', material_id)]",
    )

    @api.onchange("spool_id")
    def _onchange_spool_id(self):
        if self.spool_id:
            self.grams = self.spool_id.remaining_grams

    def action_weigh(self):
        self.ensure_one()
        move = self.material_id._weigh_offcut(
            self.source,
            self.grams,
            job=self.print_job_id,
            machine=self.machine_id,
            partner=self.partner_id,
            spool=self.spool_id,
        )
        self.env.user._bus_send(
            "simple_notification",
            {
                "type": "success",
                "message": self.env._(
                    "%(grams)s g of %(material)s in %(bin)s.",
                    grams=move.quantity,
                    material=self.material_id.name,
                    bin=move.location_dest_id.name,
                ),
            },
        )
        return {"type": "ir.actions.act_window_close"}
