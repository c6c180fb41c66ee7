from odoo import api, fields, models
from odoo.exceptions import UserError


class StockLot(models.Model):
    _inherit = "stock.lot"

    supply_origin = fields.Selection(
        selection_add=[("purchase",), ("donation", "Donation in kind")],
        ondelete={"donation": lambda lots: lots.write({"supply_origin": "other"})},
    )

    @api.model
    def _receive_donated_spools(self, partner, lines):
        """Enter spools given in kind by ``partner`` into stock, valued at the donor's value.

        ``lines`` as for :meth:`_receive_spools` (``value`` is required: the donor's
        valuation of one spool, in company currency). Returns the done receipt.
        """
        if isinstance(partner, int):
            partner = self.env["res.partner"].browse(partner)
        for line in lines:
            if not line.get("value") or line["value"] <= 0:
                raise UserError(
                    self.env._(
                        "Give the value of the donated spools (the donor's valuation): it "
                        "values the stock and the receipt."
                    )
                )
        return self._receive_spools(
            partner,
            lines,
            supply_origin="donation",
            origin=self.env._("Donation in kind from %(partner)s", partner=partner.display_name),
        )
