from odoo import api, models


class TiersLieuDashboard(models.AbstractModel):
    _inherit = "tiers_lieu.dashboard"

    @api.model
    def _tiles(self):
        # Staff record draft donations and read receipts; Treasurers validate and issue them.
        groups = "tiers_lieu.group_staff,tiers_lieu.group_treasurer"
        return super()._tiles() + [
            {
                "key": "donations_collected",
                "section": "donations",
                "sequence": 50,
                "groups": groups,
                "compute": "_tile_donations_collected",
            },
            {
                "key": "receipts_issued",
                "section": "donations",
                "sequence": 51,
                "groups": groups,
                "compute": "_tile_receipts_issued",
            },
        ]

    @api.model
    def _tile_donations_collected(self, period):
        """Donations validated with a date in this month, in the company's currency."""
        done = [("state", "=", "done")]
        month = done + self._month_domain("donation_date", period)
        [(amount, count)] = self.env["donation.donation"]._read_group(
            month, [], ["amount_total_company_currency:sum", "__count"]
        )
        return self._tile(
            self.env._("Donations collected"),
            amount or 0.0,
            "currency",
            subtitle=self.env._("%(count)s donations", count=count),
            trend=self._trend(
                "donation.donation",
                done + self._trend_domain("donation_date", period),
                "donation_date",
                "amount_total_company_currency:sum",
                period,
            ),
            action={"xmlid": "tiers_lieu_donation.donation_donation_action", "domain": month},
        )

    @api.model
    def _tile_receipts_issued(self, period):
        """Tax receipts dated this month (one per donation or annual)."""
        month = self._month_domain("date", period)
        [(count, amount)] = self.env["donation.tax.receipt"]._read_group(
            month, [], ["__count", "amount:sum"]
        )
        return self._tile(
            self.env._("Tax receipts issued"),
            count,
            subtitle=self.env._("for %(amount)s", amount=self._format(amount or 0.0, "currency")),
            trend=self._trend(
                "donation.tax.receipt",
                self._trend_domain("date", period),
                "date",
                "__count",
                period,
            ),
            action={"xmlid": "tiers_lieu_donation.donation_tax_receipt_action", "domain": month},
        )
