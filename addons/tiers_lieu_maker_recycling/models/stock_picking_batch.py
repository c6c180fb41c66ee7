from odoo import models
from odoo.tools import float_compare


class StockPickingBatch(models.Model):
    _inherit = "stock.picking.batch"

    def _maker_rejected_parts(self, batches):
        """The parts rejected at quality control go to the offcut bin of their material
        with the source "rejected at quality control", one weighing per batch: parts ×
        the version's grams (``rejected_weight_grams``, which QC may correct by weighing).
        Their grams had left the maker's spools as good parts, so they come back out of
        the print consumption; the maker is the weighing's partner, the batch its origin."""
        moves = super()._maker_rejected_parts(batches)
        for batch in batches.sudo():
            material = batch.design_version_id.material_id
            grams = batch.rejected_weight_grams
            if (
                not material
                or batch.rejected_offcut_move_id
                or float_compare(grams, 0.0, precision_digits=1) <= 0
            ):
                continue
            move = material.with_company(batch.company_id)._weigh_offcut(
                "rejected", grams, partner=batch.maker_partner_id
            )
            move.origin = f"{batch.name} / {self.name}"
            batch.rejected_offcut_move_id = move
            moves |= move
        return moves
