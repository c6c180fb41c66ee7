from odoo import api, fields, models
from odoo.exceptions import UserError


class DonationDonation(models.Model):
    _inherit = "donation.donation"

    # Inventory users follow the receipts; treasurers, who have no stock rights, the summary.
    filament_picking_ids = fields.One2many(
        "stock.picking",
        "donation_id",
        string="Filament Receipts",
        readonly=True,
        groups="stock.group_stock_user",
    )
    filament_received = fields.Char(
        string="Spools Received",
        compute="_compute_filament_received",
        compute_sudo=True,
        help="Spools this gift brought into stock.",
    )

    @api.depends("filament_picking_ids.move_line_ids.lot_id")
    def _compute_filament_received(self):
        for donation in self:
            pickings = donation.filament_picking_ids
            lots = pickings.move_line_ids.lot_id.sorted("id")
            donation.filament_received = (
                self.env._(
                    "%(count)s spool(s) in %(receipts)s: %(lots)s",
                    count=len(lots),
                    receipts=", ".join(pickings.mapped("name")),
                    lots=", ".join(lots.mapped("name")),
                )
                if lots
                else False
            )

    def done2cancel(self):
        moves = self.sudo().filament_picking_ids.move_ids
        kept = moves.filtered(
            lambda move: move.quantity
            > sum(move.returned_move_ids.filtered(lambda r: r.state == "done").mapped("quantity"))
        )
        if kept:
            raise UserError(
                self.env._(
                    "These donations brought spools into stock (%(receipts)s): return them to "
                    "the donor from their receipt before cancelling the donation.",
                    receipts=", ".join(kept.picking_id.mapped("name")),
                )
            )
        return super().done2cancel()
