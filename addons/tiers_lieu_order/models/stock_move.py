from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare


class StockMove(models.Model):
    _inherit = "stock.move"

    part_print_job_id = fields.Many2one(
        "tiers_lieu.print.job",
        string="Printed by",
        index="btree_not_null",
        readonly=True,
        help="The print job whose good parts this move brought into stock.",
    )

    def init(self):
        # The parts delivered in a month (dashboard): without it PostgreSQL ANDs the
        # indexes of the order lines and the destination, half the moves each.
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s (location_dest_id, date) "
                "WHERE state = 'done' AND sale_line_id IS NOT NULL",
                SQL.identifier(f"{self._table}_delivered_date_index"),
                SQL.identifier(self._table),
            )
        )

    def _update_reserved_quantity(
        self, need, location_id, lot_id=None, package_id=None, owner_id=None, strict=True
    ):
        # A delivery of printed parts takes the parts of its own order line.
        if not lot_id and self.sale_line_id.production_lot_id:
            lot_id = self.sale_line_id.production_lot_id
        return super()._update_reserved_quantity(
            need,
            location_id,
            lot_id=lot_id,
            package_id=package_id,
            owner_id=owner_id,
            strict=strict,
        )

    def _action_done(self, cancel_backorder=False):
        self._check_delivered_not_above_produced()
        return super()._action_done(cancel_backorder=cancel_backorder)

    def _check_delivered_not_above_produced(self):
        """Refuse delivering more printed parts than the print jobs produced."""
        outgoing = self.filtered(
            lambda m: m.sale_line_id.is_printable_part
            and m.location_dest_id.usage == "customer"
            and m.state not in ("done", "cancel")
            and m.picked
        )
        for line in outgoing.sale_line_id:
            moves = outgoing.filtered(lambda m, sl=line: m.sale_line_id == sl)
            quantity = sum(
                m.product_uom._compute_quantity(m.quantity, line.product_uom) for m in moves
            )
            delivered = line.qty_delivered + quantity
            if float_compare(delivered, line.qty_produced, precision_digits=2) > 0:
                raise UserError(
                    self.env._(
                        "Order %(order)s: you are delivering %(delivered)s × %(part)s in "
                        "all but only %(produced)s good parts have been produced. Deliver "
                        "what was produced, and the rest later.",
                        order=line.order_id.name,
                        delivered=delivered,
                        part=line.product_id.display_name,
                        produced=line.qty_produced,
                    )
                )
