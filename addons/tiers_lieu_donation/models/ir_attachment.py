import base64

from odoo import models
from odoo.exceptions import UserError

from ..access import internal

# Writes that leave the content as it is (moving it between database and filestore).
STORAGE_FIELDS = {"datas", "raw", "db_datas", "store_fname", "file_size", "checksum", "mimetype"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _tl_issued_receipts(self):
        """Receipts whose stored PDF is among these attachments."""
        candidates = self.sudo().filtered(lambda a: a.res_model == "donation.tax.receipt")
        if not candidates:
            return self.env["donation.tax.receipt"]
        return (
            self.env["donation.tax.receipt"]
            .sudo()
            .search([("pdf_attachment_id", "in", candidates.ids)])
        )

    def write(self, vals):
        if not internal(self.env):
            receipts = self._tl_issued_receipts()
            if receipts and not self._tl_same_content(receipts, vals):
                raise UserError(
                    self.env._(
                        "The PDF of tax receipt %(number)s is kept as issued and cannot be "
                        "modified.",
                        number=receipts[0].number,
                    )
                )
        return super().write(vals)

    def unlink(self):
        receipts = self._tl_issued_receipts()
        if receipts:
            raise UserError(
                self.env._(
                    "The PDF of tax receipt %(number)s is kept with the receipt and cannot "
                    "be deleted.",
                    number=receipts[0].number,
                )
            )
        return super().unlink()

    def _tl_same_content(self, receipts, vals):
        if set(vals) - STORAGE_FIELDS:
            return False
        if "raw" in vals:
            data = vals["raw"] or b""
            data = data.encode() if isinstance(data, str) else data
        elif "datas" in vals:
            data = base64.b64decode(vals["datas"] or b"")
        else:
            return True
        checksum = self._compute_checksum(data)
        return all(pdf.checksum == checksum for pdf in receipts.pdf_attachment_id & self.sudo())
