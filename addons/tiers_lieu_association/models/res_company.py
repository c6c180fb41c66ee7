from odoo import fields, models

# Accounts of the association chart (règlement ANC 2018-06) this addon books on, found by
# code in the company's chart or created: (company field, code, English name, French
# name, account type). Grants go to sub-accounts of 741 by funder: the PCG of l10n_fr
# already uses 742 and 747 for other subsidies.
ASSOCIATION_ACCOUNTS = [
    ("tl_dues_account_id", "756000", "Members' dues", "Cotisations", "income"),
    ("tl_grant_state_account_id", "741100", "Grants: State", "Subventions : État", "income"),
    ("tl_grant_region_account_id", "741200", "Grants: Region", "Subventions : Région", "income"),
    (
        "tl_grant_department_account_id",
        "741300",
        "Grants: Department",
        "Subventions : Département",
        "income",
    ),
    (
        "tl_grant_municipality_account_id",
        "741400",
        "Grants: Municipalities",
        "Subventions : Communes et intercommunalités",
        "income",
    ),
    (
        "tl_grant_eu_account_id",
        "741500",
        "Grants: European Union",
        "Subventions : fonds européens",
        "income",
    ),
    (
        "tl_grant_other_account_id",
        "741800",
        "Grants: foundations and others",
        "Subventions : fondations et autres",
        "income",
    ),
    (
        "tl_dedicated_expense_account_id",
        "689400",
        "Allocations to dedicated funds on grants",
        "Reports en fonds dédiés sur subventions d'exploitation",
        "expense",
    ),
    (
        "tl_dedicated_income_account_id",
        "789400",
        "Unused resources of previous years: grants",
        "Report des ressources non utilisées des exercices antérieurs : subventions",
        "income",
    ),
    (
        "tl_dedicated_fund_account_id",
        "194000",
        "Dedicated funds on operating grants",
        "Fonds dédiés sur subventions d'exploitation",
        "liability_non_current",
    ),
    (
        "tl_cvn_goods_use_account_id",
        "860000",
        "Relief in kind",
        "Secours en nature",
        "off_balance",
    ),
    (
        "tl_cvn_goods_account_id",
        "870000",
        "Gifts in kind",
        "Dons en nature",
        "off_balance",
    ),
    (
        "tl_cvn_service_use_account_id",
        "861000",
        "Free use of goods",
        "Mise à disposition gratuite de biens",
        "off_balance",
    ),
    (
        "tl_cvn_service_account_id",
        "871000",
        "Services in kind",
        "Prestations en nature",
        "off_balance",
    ),
    (
        "tl_cvn_volunteer_use_account_id",
        "864000",
        "Volunteer staff",
        "Personnel bénévole",
        "off_balance",
    ),
    (
        "tl_cvn_volunteer_account_id",
        "875000",
        "Volunteering",
        "Bénévolat",
        "off_balance",
    ),
    (
        "tl_platform_fee_account_id",
        "627800",
        "Other expenses and commissions on services supplied",
        "Autres frais et commissions sur prestations de services",
        "expense",
    ),
]
FUNDER_ACCOUNT_FIELDS = {
    "state": "tl_grant_state_account_id",
    "region": "tl_grant_region_account_id",
    "department": "tl_grant_department_account_id",
    "municipality": "tl_grant_municipality_account_id",
    "eu": "tl_grant_eu_account_id",
    "foundation": "tl_grant_other_account_id",
    "other": "tl_grant_other_account_id",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    tl_dues_account_id = fields.Many2one("account.account", string="Dues Account")
    tl_grant_state_account_id = fields.Many2one("account.account", string="Grants: State")
    tl_grant_region_account_id = fields.Many2one("account.account", string="Grants: Region")
    tl_grant_department_account_id = fields.Many2one("account.account", string="Grants: Department")
    tl_grant_municipality_account_id = fields.Many2one(
        "account.account", string="Grants: Municipalities"
    )
    tl_grant_eu_account_id = fields.Many2one("account.account", string="Grants: EU")
    tl_grant_other_account_id = fields.Many2one(
        "account.account", string="Grants: Foundations and Others"
    )
    tl_dedicated_expense_account_id = fields.Many2one(
        "account.account", string="Allocations to Dedicated Funds (689)"
    )
    tl_dedicated_income_account_id = fields.Many2one(
        "account.account", string="Unused Resources Carried Forward (789)"
    )
    tl_dedicated_fund_account_id = fields.Many2one("account.account", string="Dedicated Funds (19)")
    tl_cvn_goods_use_account_id = fields.Many2one("account.account", string="CVN: 860")
    tl_cvn_goods_account_id = fields.Many2one("account.account", string="CVN: 870")
    tl_cvn_service_use_account_id = fields.Many2one("account.account", string="CVN: 861")
    tl_cvn_service_account_id = fields.Many2one("account.account", string="CVN: 871")
    tl_cvn_volunteer_use_account_id = fields.Many2one("account.account", string="CVN: 864")
    tl_cvn_volunteer_account_id = fields.Many2one("account.account", string="CVN: 875")
    tl_platform_fee_account_id = fields.Many2one("account.account", string="Platform Fees Account")

    def _tl_association_setup(self):
        """Find or create the association accounts of each company with a chart."""
        for company in self.filtered("chart_template"):
            company = company.with_company(company)
            vals = company._tl_ensure_accounts_vals(ASSOCIATION_ACCOUNTS)
            if vals:
                company.sudo().write(vals)

    def _tl_misc_journal(self):
        self.ensure_one()
        return self.donation_misc_journal_id or self.env["account.journal"].search(
            [*self.env["account.journal"]._check_company_domain(self), ("type", "=", "general")],
            limit=1,
        )

    def _tl_outstanding_receipts_account(self):
        """The account a bank transfer received waits on until its statement line: the one
        of the donation addon's transfer payment method."""
        self.ensure_one()
        method = self.env["res.company"].with_company(self)._tl_payment_method_line("transfer")
        return method.payment_account_id or self.transfer_account_id
