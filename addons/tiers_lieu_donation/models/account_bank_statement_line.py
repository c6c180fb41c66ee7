from odoo import models


class AccountBankStatementLine(models.Model):
    _inherit = "account.bank.statement.line"

    def _get_payment_method_line_donation(self):
        # A credit on the bank statement is a transfer: its receipt says so.
        self.ensure_one()
        transfer = self.env["account.payment.method.line"].search(
            [
                ("journal_id", "=", self.journal_id.id),
                ("donation", "=", True),
                ("donation_payment_mode", "=", "transfer"),
            ],
            limit=1,
        )
        return transfer or super()._get_payment_method_line_donation()
