from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Beneficiary categories of the donation receipt (Cerfa 11580*05, "Organisme bénéficiaire").
ASSOCIATION_CATEGORIES = [
    ("general_interest", "Charity or organisation of general interest"),
    ("public_utility", "Association or foundation recognised of public utility"),
    ("corporate_foundation", "Corporate foundation"),
    ("higher_education", "Non-profit higher or artistic education establishment"),
    ("research", "Non-profit research establishment"),
    ("insertion_workshop", "Insertion workshop and site (ACI)"),
    ("intermediate_association", "Intermediate association (AI)"),
    ("insertion_company", "Insertion company or temporary work insertion company"),
    ("adapted_company", "Adapted company (entreprise adaptée)"),
    ("other", "Other organisation"),
]

# Accounts of the association chart (règlement ANC 2018-06) that the PCG of l10n_fr lacks:
# (company field, code, English name, French name, account type).
# Class 8 follows art. 211-3 of the règlement ANC 2018-06 (contributions volontaires en
# nature): debit 86 by use — 860 Secours en nature, 861 Mise à disposition gratuite de biens,
# 862 Prestations, 864 Personnel bénévole; credit 87 by kind of contribution — 870 Dons en
# nature, 871 Prestations en nature, 875 Bénévolat (e.g. 10 h of volunteering: 864 debit /
# 875 credit). Sources: https://paheko.cloud/valorisation-du-benevolat (art. 211-3, 864/875),
# http://www.assistant-juridique.fr/comptabiliser_volontaires_association.jsp (860 to 864).
# Pairs booked here: gifts of goods 860/870, services 862/871, volunteer staff 864/875.
# Before 18.0.1.3.0 the codes 870000 and 875000 were the wrong way round: see
# ``_tl_migrate_cvn_codes`` and migrations/18.0.1.3.0.
DONATION_ACCOUNTS = [
    ("donation_individual_account_id", "754100", "Manual gifts", "Dons manuels", "income"),
    (
        "donation_expense_waiver_account_id",
        "754120",
        "Expenses waived by volunteers",
        "Abandons de frais par les bénévoles",
        "income",
    ),
    ("donation_sponsorship_account_id", "754200", "Sponsorship", "Mécénats", "income"),
    (
        "donation_cvn_goods_use_account_id",
        "860000",
        "Relief in kind",
        "Secours en nature",
        "off_balance",
    ),
    (
        "donation_cvn_service_use_account_id",
        "862000",
        "Services used free of charge",
        "Prestations",
        "off_balance",
    ),
    (
        "donation_cvn_staff_use_account_id",
        "864000",
        "Volunteer and lent staff",
        "Personnel bénévole",
        "off_balance",
    ),
    ("donation_cvn_goods_account_id", "870000", "Gifts in kind", "Dons en nature", "off_balance"),
    (
        "donation_cvn_service_account_id",
        "871000",
        "Services in kind",
        "Prestations en nature",
        "off_balance",
    ),
    (
        "donation_cvn_staff_account_id",
        "875000",
        "Volunteering",
        "Bénévolat",
        "off_balance",
    ),
]
# Accounts of the PCG the chart already has: operating subsidies, cheques for collection,
# sundry debtors (the online platform owes the collected gifts until its payout).
SUBSIDY_ACCOUNT_CODE = "741000"
WAIVED_EXPENSES_ACCOUNT_CODE = "625100"
CHEQUE_ACCOUNT_CODE = "511200"
PLATFORM_ACCOUNT_CODE = "467000"


class ResCompany(models.Model):
    _inherit = "res.company"

    donation_individual_account_id = fields.Many2one(
        "account.account",
        string="Gifts from Individuals Account",
        check_company=True,
        help="Income account of gifts in cash from individuals (7541 Dons manuels).",
    )
    donation_sponsorship_account_id = fields.Many2one(
        "account.account",
        string="Sponsorship Account",
        check_company=True,
        help="Income account of gifts in cash from companies (7542 Mécénats).",
    )
    donation_expense_waiver_account_id = fields.Many2one(
        "account.account",
        string="Volunteer Expense Waivers Account",
        check_company=True,
        help="Income account of expenses volunteers waive (75412 Abandons de frais).",
    )
    donation_waiver_expense_account_id = fields.Many2one(
        "account.account",
        string="Waived Expenses Account",
        check_company=True,
        help="Expense account of the costs volunteers waive (625 Déplacements…), unless "
        "the product of the waiver has its own.",
    )
    donation_subsidy_account_id = fields.Many2one(
        "account.account",
        string="Public Subsidies Account",
        check_company=True,
        help="Income account of public subsidies (74 Subventions d'exploitation).",
    )
    donation_in_kind_accounting = fields.Selection(
        [
            ("none", "Not recorded in the accounts"),
            ("cvn", "Voluntary contributions in kind (classes 86/87)"),
        ],
        string="Gifts in Kind Accounting",
        default="cvn",
        required=True,
        help="Voluntary contributions in kind are recorded off-balance in classes 86 "
        "(use) and 87 (contribution) when the association chooses to show them.",
    )
    donation_cvn_goods_use_account_id = fields.Many2one(
        "account.account", string="Goods in Kind: Use Account", check_company=True
    )
    donation_cvn_goods_account_id = fields.Many2one(
        "account.account", string="Goods in Kind: Contribution Account", check_company=True
    )
    donation_cvn_service_use_account_id = fields.Many2one(
        "account.account", string="Services in Kind: Use Account", check_company=True
    )
    donation_cvn_service_account_id = fields.Many2one(
        "account.account", string="Services in Kind: Contribution Account", check_company=True
    )
    donation_cvn_staff_use_account_id = fields.Many2one(
        "account.account", string="Staff Made Available: Use Account", check_company=True
    )
    donation_cvn_staff_account_id = fields.Many2one(
        "account.account", string="Staff Made Available: Contribution Account", check_company=True
    )
    donation_misc_journal_id = fields.Many2one(
        "account.journal",
        string="Donations Miscellaneous Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="Journal of the entries of expense waivers and contributions in kind.",
    )
    donation_individual_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Individual Receipts Sequence",
        check_company=True,
        help="Gapless numbering, restarting each year, of Cerfa 11580 receipts.",
    )
    donation_company_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Company Receipts Sequence",
        check_company=True,
        help="Gapless numbering, restarting each year, of 2041-MEC-SD receipts.",
    )
    donation_anonymous_partner_id = fields.Many2one(
        "res.partner",
        string="Anonymous Donors Contact",
        check_company=True,
        help="Donor of the gifts collected without the donor's identity (never receipted).",
    )
    donation_receipt_place = fields.Char(
        string="Receipts Signed At",
        help="Place printed next to the signature of receipts; the company's city if empty.",
    )

    def _tl_donation_setup(self):
        """Create what donations need in each company with a chart of accounts, keeping
        what exists: accounts (matched by code), payment methods, receipt sequences."""
        for company in self.filtered("chart_template"):
            company = company.with_company(company).with_context(lang=company._tl_lang())
            vals = company._tl_donation_accounts_vals()
            if not company.donation_misc_journal_id:
                vals["donation_misc_journal_id"] = (
                    self.env["account.journal"]
                    .search(
                        [
                            *self.env["account.journal"]._check_company_domain(company),
                            ("type", "=", "general"),
                        ],
                        limit=1,
                    )
                    .id
                )
            for field, code, prefix in (
                ("donation_individual_sequence_id", "individual", "RF-%(range_year)s-"),
                ("donation_company_sequence_id", "company", "MEC-%(range_year)s-"),
            ):
                if not company[field]:
                    vals[field] = company._tl_create_receipt_sequence(code, prefix).id
            if not company.donation_anonymous_partner_id:
                vals["donation_anonymous_partner_id"] = (
                    company.env["res.partner"]
                    .create(
                        {
                            "name": company.env._("Anonymous donors"),
                            "company_id": company.id,
                            "tax_receipt_option": "none",
                            "active": False,
                        }
                    )
                    .id
                )
            # OCA's donations from bank statement lines: the statement line's suspense
            # entry is the transit account the validated donation is reconciled with.
            suspense = company.account_journal_suspense_account_id
            if not company.donation_account_id and suspense.reconcile:
                vals["donation_account_id"] = suspense.id
            if not company.donation_credit_transfer_product_id:
                vals["donation_credit_transfer_product_id"] = self.env.ref(
                    "tiers_lieu_donation.product_donation_cash"
                ).id
            company.sudo().write(vals)
            company._tl_donation_setup_payment_methods()

    def _tl_lang(self):
        """Language of the records the setup names: French for a French company."""
        self.ensure_one()
        if self.country_id.code == "FR" and self.env["res.lang"].search_count(
            [("code", "=", "fr_FR")]
        ):
            return "fr_FR"
        return self.partner_id.lang or self.env.lang or "en_US"

    def _tl_find_account(self, code):
        self.ensure_one()
        return (
            self.env["account.account"]
            .with_company(self)
            .search(
                [*self.env["account.account"]._check_company_domain(self), ("code", "=", code)],
                limit=1,
            )
        )

    def _tl_ensure_accounts_vals(self, accounts):
        """Values of the company's empty account fields of ``accounts`` ((field, code, name,
        French name, type) rows): the chart's account of that code, else one created."""
        self.ensure_one()
        vals = {}
        Account = self.env["account.account"].with_company(self).sudo()
        for field, code, name, name_fr, account_type in accounts:
            if self[field]:
                continue
            account = self._tl_find_account(code)
            if not account:
                account = Account.with_context(lang="en_US").create(
                    {
                        "code": code,
                        "name": name,
                        "account_type": account_type,
                        "company_ids": [Command.set(self.ids)],
                    }
                )
                account.with_context(lang="fr_FR").name = name_fr
            vals[field] = account.id
        return vals

    def _tl_donation_accounts_vals(self):
        self.ensure_one()
        vals = self._tl_ensure_accounts_vals(DONATION_ACCOUNTS)
        if not self.donation_subsidy_account_id:
            vals["donation_subsidy_account_id"] = self._tl_find_account(SUBSIDY_ACCOUNT_CODE).id
        if not self.donation_waiver_expense_account_id:
            vals["donation_waiver_expense_account_id"] = self._tl_find_account(
                WAIVED_EXPENSES_ACCOUNT_CODE
            ).id
        return vals

    def _tl_migrate_cvn_codes(self):
        """Put right the class-87 codes of databases set up before 18.0.1.3.0.

        Those created 870000 "Bénévolat" (volunteer staff) and 875000 "Dons en nature"
        (gifts of goods), the wrong way round for the règlement ANC 2018-06 (870 Dons en
        nature, 875 Bénévolat). The two accounts swap their codes and take their right
        names: their move lines stay on them, so every line keeps its meaning (volunteer
        time is then on 875000, gifts of goods on 870000). Companies whose accounts carry
        other codes (chosen by the treasurer) are left alone. Returns the companies
        migrated."""
        migrated = self.browse()
        for company in self or self.search([]):
            company = company.with_company(company).sudo()
            staff = company.donation_cvn_staff_account_id
            goods = company.donation_cvn_goods_account_id
            if not (staff and goods and staff.code == "870000" and goods.code == "875000"):
                continue
            # codes are unique in a company: through a temporary code
            staff.code = "TL875000"
            goods.code = "870000"
            staff.code = "875000"
            names = {row[0]: row[2:4] for row in DONATION_ACCOUNTS}
            for field in ("donation_cvn_staff_account_id", "donation_cvn_goods_account_id"):
                name, name_fr = names[field]
                company[field].with_context(lang="en_US").name = name
                if self.env["res.lang"]._lang_get("fr_FR"):
                    company[field].with_context(lang="fr_FR").name = name_fr
            migrated |= company
        return migrated

    def _tl_create_receipt_sequence(self, kind, prefix):
        self.ensure_one()
        names = {
            "individual": self.env._("Tax receipts for individuals (Cerfa 11580)"),
            "company": self.env._("Tax receipts for companies (2041-MEC-SD)"),
        }
        return (
            self.env["ir.sequence"]
            .sudo()
            .create(
                {
                    "name": f"{names[kind]} - {self.name}",
                    "code": f"tiers_lieu.donation.receipt.{kind}",
                    "company_id": self.id,
                    "implementation": "no_gap",
                    "use_date_range": True,
                    "prefix": prefix,
                    "padding": 5,
                }
            )
        )

    def _tl_donation_setup_payment_methods(self):
        """One donation payment method per way donors pay, on the bank and cash journals."""
        self.ensure_one()
        Journal = self.env["account.journal"].sudo()
        domain = Journal._check_company_domain(self)
        bank = Journal.search([*domain, ("type", "=", "bank")], limit=1)
        cash = Journal.search([*domain, ("type", "=", "cash")], limit=1)
        manual_in = self.env.ref("account.account_payment_method_manual_in")
        chart = self.with_context(allowed_company_ids=self.root_id.ids).env[
            "account.chart.template"
        ]
        outstanding = (
            chart.ref("account_journal_payment_debit_account_id", raise_if_not_found=False)
            or self.transfer_account_id
        )
        cheque_account = self._tl_find_account(CHEQUE_ACCOUNT_CODE) or outstanding
        platform_account = self._tl_find_account(PLATFORM_ACCOUNT_CODE) or outstanding
        wanted = [
            (cash, "cash", self.env._("Cash"), cash.default_account_id),
            (bank, "cheque", self.env._("Cheque"), cheque_account),
            (bank, "transfer", self.env._("Bank transfer"), outstanding),
            (bank, "card", self.env._("Card"), outstanding),
            (bank, "direct_debit", self.env._("Direct debit"), outstanding),
            (bank, "platform", self.env._("Online donation platform"), platform_account),
        ]
        Line = self.env["account.payment.method.line"].sudo()
        existing = Line.search(
            [("journal_id", "in", (bank | cash).ids), ("donation_payment_mode", "!=", False)]
        )
        Line.create(
            [
                {
                    "name": name,
                    "journal_id": journal.id,
                    "payment_method_id": manual_in.id,
                    "payment_account_id": account.id,
                    "donation": True,
                    "donation_payment_mode": mode,
                }
                for journal, mode, name, account in wanted
                if journal and mode not in existing.mapped("donation_payment_mode")
            ]
        )

    @api.model
    def _tl_payment_method_line(self, mode):
        """The donation payment method of the current company for ``mode``."""
        return self.env["account.payment.method.line"].search(
            [
                ("company_id", "=", self.env.company.id),
                ("donation", "=", True),
                ("donation_payment_mode", "=", mode),
            ],
            limit=1,
        )

    # The association's category as the Cerfa ticks it (moved from the base addon, issue 14).
    association_category = fields.Selection(
        ASSOCIATION_CATEGORIES,
        help="Category ticked on donation receipts.",
    )
    association_category_other = fields.Char(
        string="Other Category",
        help="Wording of the category when it is not in the list.",
    )
    association_public_utility_date = fields.Date(
        string="Public Utility Decree Date",
        help="Date of the decree recognising the association of public utility.",
    )
    association_public_utility_journal_date = fields.Date(
        string="Official Journal Date",
        help="Date the public-utility decree was published in the Journal officiel.",
    )
    # Eligibility of the association (issue 13): the Cerfa's own categories; "other" only
    # with the article of the CGI that makes it eligible, confirmed by a Manager.
    association_category_legal_basis = fields.Char(
        string="Legal Basis of the Category",
        help="Article of the CGI that makes the organisation eligible when its category is "
        "not in the list of the Cerfa (e.g. art. 200-1-b CGI); a Manager confirms it.",
    )
    association_category_confirmed_uid = fields.Many2one(
        "res.users", string="Category Confirmed By", readonly=True, copy=False
    )
    association_category_confirmed_date = fields.Datetime(
        string="Category Confirmed On", readonly=True, copy=False
    )
    association_rescrit_number = fields.Char(
        string="Tax Ruling Number",
        help="Reference of the rescrit fiscal (art. L80 C LPF) confirming that the "
        "association may issue tax receipts; optional but recommended.",
    )
    association_rescrit_date = fields.Date(string="Tax Ruling Date")
    association_eligibility_warning = fields.Char(compute="_compute_association_eligibility")

    @api.depends(
        "association_category",
        "association_category_legal_basis",
        "association_category_confirmed_uid",
        "association_rescrit_number",
        "association_rescrit_date",
    )
    def _compute_association_eligibility(self):
        for company in self:
            company.association_eligibility_warning = company._tl_eligibility_problem() or (
                not (company.association_rescrit_number and company.association_rescrit_date)
                and self.env._(
                    "The association's eligibility to issue tax receipts is not documented: "
                    "give the number and date of its rescrit fiscal (art. L80 C LPF) if it "
                    "has one."
                )
            )

    def _tl_eligibility_problem(self):
        self.ensure_one()
        if self.association_category != "other":
            return False
        if not self.association_category_legal_basis:
            return self.env._(
                "The category “Other organisation” needs the article of the CGI that makes "
                "the association eligible, confirmed by a Manager."
            )
        if not self.association_category_confirmed_uid:
            return self.env._(
                "A Manager must confirm the legal basis of the category “Other "
                "organisation” before receipts are issued."
            )
        return False

    @api.constrains(
        "association_category",
        "association_category_other",
        "association_public_utility_date",
        "association_public_utility_journal_date",
    )
    def _check_association_category(self):
        for company in self:
            category = company.association_category
            if category == "other" and not company.association_category_other:
                raise ValidationError(
                    self.env._(
                        "%(company)s: give the wording of the organisation category "
                        "when you choose “Other organisation”.",
                        company=company.name,
                    )
                )
            if category == "public_utility" and not (
                company.association_public_utility_date
                and company.association_public_utility_journal_date
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s: an association recognised of public utility must give "
                        "the date of its decree and of its publication in the Journal officiel.",
                        company=company.name,
                    )
                )

    def write(self, vals):
        fields_to_confirm = {
            "association_category",
            "association_category_other",
            "association_category_legal_basis",
        }
        if fields_to_confirm & set(vals) and "association_category_confirmed_uid" not in vals:
            # A changed category or basis is confirmed again.
            vals = dict(
                vals,
                association_category_confirmed_uid=False,
                association_category_confirmed_date=False,
            )
        return super().write(vals)

    def action_tl_confirm_category(self):
        """A Manager confirms the legal basis of an "other" category."""
        if not self.env.user.has_group("tiers_lieu.group_manager"):
            raise AccessError(self.env._("Only Managers confirm the category of the association."))
        for company in self:
            if company.association_category == "other" and not (
                company.association_category_legal_basis
            ):
                raise UserError(company._tl_eligibility_problem())
        self.write(
            {
                "association_category_confirmed_uid": self.env.uid,
                "association_category_confirmed_date": fields.Datetime.now(),
            }
        )
        return True

    def _tl_check_receipt_issuer(self):
        """Refuse to issue receipts while the association identity they print is missing."""
        self.ensure_one()
        labels = [
            (self.association_legal_name or self.name, self.env._("legal name")),
            (self.siren or self.association_rna, self.env._("SIREN or RNA number")),
            (self.street and self.zip and self.city, self.env._("address")),
            (self.association_object, self.env._("object")),
            (self.association_category, self.env._("receipt category")),
            (self.signatory_name, self.env._("signatory")),
            (self.sudo().signatory_signature, self.env._("signature")),
        ]
        missing = [label for value, label in labels if not value]
        problem = self._tl_eligibility_problem()
        if problem:
            raise UserError(problem)
        if missing:
            raise UserError(
                self.env._(
                    "Receipts cannot be issued for %(company)s until its association "
                    "identity is complete (Tiers-Lieu > Configuration > Association): "
                    "%(missing)s.",
                    company=self.display_name,
                    missing=", ".join(missing),
                )
            )
