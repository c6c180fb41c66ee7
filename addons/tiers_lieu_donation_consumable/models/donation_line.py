from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DonationLine(models.Model):
    _inherit = "donation.line"

    filament_product_id = fields.Many2one(
        "product.product",
        string="Filament Received",
        domain=[("material_id", "!=", False)],
        help="Filament whose spools enter stock when the donation is validated: the quantity "
        "is the number of spools, the unit value the donor's value of one spool.",
    )

    @api.constrains("filament_product_id", "product_id")
    def _check_filament_spools(self):
        for line in self.filtered("filament_product_id"):
            if line.nature != "goods":
                raise ValidationError(
                    self.env._(
                        "Donation %(donation)s: only a gift of goods brings filament into "
                        "stock; “%(product)s” is not one.",
                        donation=line.donation_id.display_name,
                        product=line.product_id.display_name,
                    )
                )

    def _tl_receive_in_kind_goods(self):
        received = super()._tl_receive_in_kind_goods()
        Picking = self.env["stock.picking"].sudo()
        done = set(Picking.search([("donation_id", "in", self.donation_id.ids)]).donation_id.ids)
        lines = self.filtered(
            lambda line: line.filament_product_id and line.donation_id.id not in done
        )
        # validate() has checked the treasurer, who has no stock rights; the spools belong
        # to the donation's company.
        for donation in lines.donation_id:
            donation_lines = lines.filtered(lambda line, d=donation: line.donation_id == d)
            picking = (
                self.env["stock.lot"]
                .sudo()
                .with_company(donation.company_id)
                ._receive_donated_spools(
                    donation.partner_id,
                    [
                        {
                            "product_id": line.filament_product_id.id,
                            "count": line.quantity,
                            "value": line.unit_price,
                        }
                        for line in donation_lines
                    ],
                )
            )
            picking.write({"donation_id": donation.id, "origin": donation.number})
        return received | lines
