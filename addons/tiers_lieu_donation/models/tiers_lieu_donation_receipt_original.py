from odoo import api, fields, models
from odoo.exceptions import UserError

from ..access import internal


class DonationReceiptOriginal(models.Model):
    """The original PDF of a tax receipt, as issued.

    Its own model, readable by nobody (only this addon's code, through sudo()), so that the
    attachment bound to its field is out of reach of /web/content and attachment searches:
    the original is handed over only through the receipt, which stamps every later copy
    DUPLICATA. Core lets whoever reads a record read its field attachments, whatever the
    field's groups, hence not a field of the receipt itself.
    """

    _name = "tiers_lieu.donation.receipt.original"
    _description = "Original PDF of a Tax Receipt"

    receipt_id = fields.Many2one(
        "donation.tax.receipt", required=True, ondelete="cascade", index=True, readonly=True
    )
    pdf_file = fields.Binary(string="PDF", attachment=True, required=True, readonly=True)

    def write(self, vals):
        if self:  # kept as issued, whoever asks (system included)
            raise UserError(
                self.env._(
                    "The PDF of tax receipt %(number)s is kept as issued and cannot be "
                    "modified.",
                    number=", ".join(self.receipt_id.mapped("number")),
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_its_receipt(self):
        if not internal(self.env):
            raise UserError(
                self.env._(
                    "The PDF of tax receipt %(number)s is kept with the receipt and cannot "
                    "be deleted.",
                    number=", ".join(self.receipt_id.mapped("number")),
                )
            )
