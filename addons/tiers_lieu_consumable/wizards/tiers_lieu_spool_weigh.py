import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TiersLieuSpoolWeigh(models.TransientModel):
    _name = "tiers_lieu.spool.weigh"
    _description = "Weigh a Spool"

    spool_id = fields.Many2one(
        "stock.lot", string="Spool", required=True, domain="[('is_spool', '=', True)]"
    )
    gross_grams = fields.Float(
        string="Weight on the Scale (g)",
        digits=(16, 1),
        help="The spool with its filament, as the scale shows it.",
    )
    tare_grams = fields.Float(
        string="Empty Spool (g)",
        digits=(16, 1),
        compute="_compute_tare_grams",
        store=True,
        readonly=False,
    )
    current_grams = fields.Float(
        string="Recorded Now (g)", related="spool_id.remaining_grams", digits=(16, 1)
    )
    remaining_grams = fields.Float(
        string="Filament Left (g)", digits=(16, 1), compute="_compute_remaining_grams"
    )
    difference_grams = fields.Float(
        string="Difference (g)", digits=(16, 1), compute="_compute_remaining_grams"
    )
    problem = fields.Char(compute="_compute_remaining_grams")
    reason = fields.Char(
        required=True,
        default=lambda self: self.env._("Weighing"),
        help="Shown on the inventory adjustment, e.g. a weekly count or a print that ran "
        "out of filament.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # Refused before the ORM rounds them: NaN or infinity would raise a bare ValueError.
        for vals in vals_list:
            for fname in ("gross_grams", "tare_grams"):
                weight = vals.get(fname)
                if isinstance(weight, float) and not math.isfinite(weight):
                    raise ValidationError(
                        self.env._("Type the weights of the spool as numbers of grams.")
                    )
        return super().create(vals_list)

    @api.depends("spool_id")
    def _compute_tare_grams(self):
        for wizard in self:
            wizard.tare_grams = wizard.spool_id.tare_grams

    @api.depends("gross_grams", "tare_grams", "current_grams")
    def _compute_remaining_grams(self):
        for wizard in self:
            wizard.remaining_grams = max(wizard.gross_grams - wizard.tare_grams, 0.0)
            wizard.difference_grams = wizard.remaining_grams - wizard.current_grams
            wizard.problem = (
                self.env._(
                    "The scale shows less than the empty spool: check the scale and the "
                    "empty spool weight."
                )
                if wizard.gross_grams and wizard.gross_grams < wizard.tare_grams
                else False
            )

    def action_confirm(self):
        self.ensure_one()
        self.spool_id._record_weighing(
            self.gross_grams, reason=self.reason, tare_grams=self.tare_grams
        )
        return {"type": "ir.actions.act_window_close"}
