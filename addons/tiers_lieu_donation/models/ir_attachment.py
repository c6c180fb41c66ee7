import base64

from odoo import api, fields, models
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

    receipt_original = fields.Boolean(
        compute="_compute_receipt_original",
        search="_search_receipt_original",
        help="The PDF of a tax receipt as issued: handed over only through the receipt, "
        "which stamps every later copy DUPLICATA.",
    )

    def _compute_receipt_original(self):
        originals = self._tl_issued_receipts().pdf_attachment_id
        for attachment in self:
            attachment.receipt_original = attachment in originals

    def _search_receipt_original(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the receipt PDF flag."))
        originals = (
            self.env["donation.tax.receipt"]
            .sudo()
            ._search([("pdf_attachment_id", "!=", False)])
            .subselect("pdf_attachment_id")
        )
        inside = (operator == "=") == value
        return [("id", "in" if inside else "not in", originals)]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Outside the receipt (Download PDF, the portal), nobody gets the original PDF of a
        # tax receipt again: not through /web/content, nor by reading the attachment.
        if not self.env.su:
            domain = [("receipt_original", "=", False), *domain]
        return super()._search(domain, offset=offset, limit=limit, order=order)

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
