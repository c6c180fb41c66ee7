from odoo import api, fields, models
from odoo.exceptions import UserError


class TiersLieuSpoolLoad(models.TransientModel):
    _name = "tiers_lieu.spool.load"
    _description = "Load a Spool on a Machine"

    machine_id = fields.Many2one(
        "maintenance.equipment",
        string="Machine",
        required=True,
        domain="[('machine_kind', 'in', ('fdm_printer', 'resin_printer'))]",
    )
    tool_count = fields.Integer(related="machine_id.tool_count")
    machine_tool = fields.Integer(string="Slot", default=1, required=True)
    spool_code = fields.Char(
        string="Scan",
        help="Scan the spool's label (or type its number) to choose it.",
    )
    spool_id = fields.Many2one(
        "stock.lot",
        string="Spool",
        domain="[('is_spool', '=', True), ('remaining_grams', '>', 0)]",
    )
    remaining_grams = fields.Float(related="spool_id.remaining_grams")
    current_spool_id = fields.Many2one(
        "stock.lot", string="Replaces", compute="_compute_current_spool_id"
    )
    problem = fields.Char(compute="_compute_problem")

    @api.depends("machine_id", "machine_tool")
    def _compute_current_spool_id(self):
        for wizard in self:
            wizard.current_spool_id = wizard.machine_id.loaded_spool_ids.filtered(
                lambda s, w=wizard: s.machine_tool == w.machine_tool
            )[:1]

    @api.depends("machine_id", "machine_tool", "spool_id")
    def _compute_problem(self):
        for wizard in self:
            if wizard.spool_id and wizard.machine_id:
                wizard.problem = wizard.spool_id._loading_problem(
                    wizard.machine_id, wizard.machine_tool
                )
            else:
                wizard.problem = False

    @api.onchange("spool_code")
    def _onchange_spool_code(self):
        if self.spool_code:
            code = self.spool_code.strip().rsplit("/", 1)[-1]
            spool = self.env["stock.lot"].search(
                [("is_spool", "=", True), ("name", "=", code)], limit=1
            )
            if not spool and code.isdigit():
                spool = self.env["stock.lot"].search(
                    [("is_spool", "=", True), ("id", "=", int(code))], limit=1
                )
            if spool:
                self.spool_id = spool
            else:
                return {
                    "warning": {
                        "title": self.env._("Unknown spool"),
                        "message": self.env._(
                            "No spool is numbered %(code)s.", code=self.spool_code
                        ),
                    }
                }
        return None

    def action_confirm(self):
        self.ensure_one()
        if not self.spool_id:
            raise UserError(self.env._("Choose or scan the spool to load."))
        self.spool_id._load_on_machine(self.machine_id, self.machine_tool)
        return {"type": "ir.actions.act_window_close"}
