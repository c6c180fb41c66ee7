from odoo import fields, models
from odoo.tools import SQL

# Accounts of the association chart (règlement ANC 2018-06) this addon books on, found by
# code in the company's chart or created: (company field, code, English name, French
# name, account type). Grants go to sub-accounts of 741 by funder: the PCG of l10n_fr
# already uses 742 and 747 for other subsidies.
# Class 8: art. 211-3 of the règlement ANC 2018-06, debit 86 by use (860 Secours en nature,
# 861 Mise à disposition gratuite de biens, 862 Prestations, 864 Personnel bénévole), credit
# 87 by kind of contribution (870 Dons en nature, 871 Prestations en nature, 875 Bénévolat);
# see tiers_lieu_donation/models/res_company.py for the sources. Pairs booked here: see
# CONTRIBUTION_ACCOUNTS in tiers_lieu_volunteer_work_kind.py.
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
        "tl_cvn_prestation_use_account_id",
        "862000",
        "Services used free of charge",
        "Prestations",
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
    # 860/870: gifts in kind used or given out; 861/871: free use of premises and goods;
    # 862/871: free services (the field names predate the 862 account).
    tl_cvn_goods_use_account_id = fields.Many2one("account.account", string="CVN: 860")
    tl_cvn_goods_account_id = fields.Many2one("account.account", string="CVN: 870")
    tl_cvn_service_use_account_id = fields.Many2one("account.account", string="CVN: 861")
    tl_cvn_prestation_use_account_id = fields.Many2one("account.account", string="CVN: 862")
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

    def _tl_migrate_cvn_accounts(self):
        """18.0.1.1.0: follow the class-87 codes the donation addon put right.

        Before, 870000 was the donation addon's "Bénévolat" account and 875000 its "Dons en
        nature"; this addon found them by code and booked volunteer work on the 875000 one,
        gifts on the 870000 one. Once the donation addon's migration swapped the two codes,
        the lines of this addon's entries (volunteer contributions) are moved to the account
        that now carries the code they were booked on, and the company fields follow; then
        the accounts added since (862) are set up. Returns the companies changed."""
        expected = {"tl_cvn_goods_account_id": "870000", "tl_cvn_volunteer_account_id": "875000"}
        changed = self.browse()
        for company in self or self.search([]):
            company = company.with_company(company).sudo()
            moves = (
                self.env["account.move"]
                .sudo()
                .search([("company_id", "=", company.id), ("tl_volunteer_year", "!=", False)])
            )
            todo = []
            for field, code in expected.items():
                account = company[field]
                if not account or account.code == code:
                    continue
                target = company._tl_find_account(code)
                if target:
                    lines = moves.line_ids.filtered(lambda line, a=account: line.account_id == a)
                    todo.append((field, lines, target))
            # all the lines are read before any moves: the two accounts swap their lines
            # In SQL: the entries are posted and may be behind a lock date, which the ORM
            # would refuse; both accounts are off-balance, nothing stored depends on more
            # than the account's type, which stays the same.
            self.env["account.move.line"].flush_model()
            for field, lines, target in todo:
                if lines:
                    self.env.cr.execute(
                        SQL(
                            "UPDATE account_move_line SET account_id = %s WHERE id IN %s",
                            target.id,
                            tuple(lines.ids),
                        )
                    )
                    lines.invalidate_recordset(["account_id"])
                company[field] = target
                changed |= company
            company._tl_association_setup()
        return changed

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
