from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    supply_job_id = fields.Many2one(
        "tiers_lieu.print.job",
        string="Consumed by",
        index="btree_not_null",
        readonly=True,
        help="The laser or sewing job that consumed this sheet or fabric.",
    )

    def _update_reserved_quantity(
        self, need, location_id, lot_id=None, package_id=None, owner_id=None, strict=True
    ):
        # A kit's delivery takes the made components of its own order line.
        line = self.sale_line_id
        if (
            not lot_id
            and line
            and self.product_id != line.product_id
            and self.product_id.tracking == "lot"
        ):
            lot = line._tl_kit_lot(self.product_id)
            if lot:
                lot_id = lot
        return super()._update_reserved_quantity(
            need,
            location_id,
            lot_id=lot_id,
            package_id=package_id,
            owner_id=owner_id,
            strict=strict,
        )
