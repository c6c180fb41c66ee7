from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import TODAY, DonationCase


def balances(move):
    """{account code: balance} of a journal entry."""
    result = {}
    for line in move.line_ids:
        result[line.account_id.code] = result.get(line.account_id.code, 0.0) + line.balance
    return result


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestDonationAccounting(DonationCase):
    def test_the_french_chart_and_the_association_accounts_are_set_up(self):
        self.assertEqual(self.company.chart_template, "fr")
        self.assertEqual(self.company.country_id.code, "FR")
        self.assertEqual(self.company.currency_id.name, "EUR")
        expected = {
            "donation_individual_account_id": ("754100", "income"),
            "donation_sponsorship_account_id": ("754200", "income"),
            "donation_expense_waiver_account_id": ("754120", "income"),
            "donation_subsidy_account_id": ("741000", "income"),
            "donation_cvn_goods_use_account_id": ("860000", "off_balance"),
            "donation_cvn_service_use_account_id": ("862000", "off_balance"),
            "donation_cvn_staff_use_account_id": ("864000", "off_balance"),
            "donation_cvn_goods_account_id": ("870000", "off_balance"),
            "donation_cvn_service_account_id": ("871000", "off_balance"),
            "donation_cvn_staff_account_id": ("875000", "off_balance"),
        }
        for field, (code, account_type) in expected.items():
            with self.subTest(field=field):
                account = self.company[field]
                self.assertEqual((account.code, account.account_type), (code, account_type))
        self.assertEqual(
            self.company.donation_individual_account_id.with_context(lang="fr_FR").name,
            "Dons manuels",
        )
        # class 87 of the règlement ANC 2018-06 (art. 211-3)
        for field, name in (
            ("donation_cvn_goods_account_id", "Dons en nature"),
            ("donation_cvn_service_account_id", "Prestations en nature"),
            ("donation_cvn_staff_account_id", "Bénévolat"),
        ):
            self.assertEqual(self.company[field].with_context(lang="fr_FR").name, name)
        self.assertEqual(self.method["cheque"].payment_account_id.code, "511200")
        self.assertEqual(self.method["platform"].payment_account_id.code, "467000")
        self.assertEqual(self.method["cash"].journal_id.type, "cash")
        self.assertTrue(all(method.donation for method in self.method.values()))

    def test_setup_is_idempotent_and_keeps_what_exists(self):
        accounts = self.env["account.account"].search_count([])
        methods = self.env["account.payment.method.line"].search_count([])
        sequence = self.company.donation_individual_sequence_id
        self.company._tl_donation_setup()
        self.assertEqual(self.env["account.account"].search_count([]), accounts)
        self.assertEqual(self.env["account.payment.method.line"].search_count([]), methods)
        self.assertEqual(self.company.donation_individual_sequence_id, sequence)

    def test_gifts_in_cash_go_to_7541_or_7542_by_donor(self):
        individual = self.validated(self.claire, 150.0, mode="cheque")
        company = self.validated(self.acme, 5000.0, mode="transfer")
        self.assertEqual(individual.move_id.state, "posted")
        self.assertEqual(balances(individual.move_id), {"511200": 150.0, "754100": -150.0})
        outstanding = self.method["transfer"].payment_account_id.code
        self.assertEqual(balances(company.move_id), {outstanding: 5000.0, "754200": -5000.0})

    def test_subsidy_goes_to_74(self):
        subsidy = self.validated(self.town, 3000.0, product=self.subsidy)
        outstanding = self.method["transfer"].payment_account_id.code
        self.assertEqual(balances(subsidy.move_id), {outstanding: 3000.0, "741000": -3000.0})

    def test_expense_waiver_books_the_expense_against_75412(self):
        waiver = self.validated(
            self.claire,
            84.6,
            mode=None,
            product=self.waiver,
            line={"in_kind_description": "180 km pour livrer des visières"},
        )
        self.assertFalse(waiver.move_id)
        move = waiver.in_kind_move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.company.donation_misc_journal_id)
        self.assertEqual(balances(move), {"625100": 84.6, "754120": -84.6})

    def test_gifts_in_kind_in_classes_86_87_when_chosen(self):
        line = {"valuation_basis": "stock_value", "in_kind_description": "PLA", "quantity": 40}
        filament = self.validated(self.acme, 12.5, mode=None, product=self.goods, line=line)
        self.assertFalse(filament.move_id)
        self.assertEqual(balances(filament.in_kind_move_id), {"860000": 500.0, "870000": -500.0})
        self.company.donation_in_kind_accounting = "none"
        again = self.validated(self.acme, 12.5, mode=None, product=self.goods, line=line)
        self.assertFalse(again.in_kind_move_id)
        self.assertTrue(again.tax_receipt_id)

    def test_cancelling_cancels_the_in_kind_entry(self):
        line = {"valuation_basis": "service_cost", "in_kind_description": "Graphisme"}
        gift = self.validated(self.acme, 800.0, mode=None, product=self.service, line=line)
        move = gift.in_kind_move_id
        gift.tax_receipt_id.with_user(self.treasurer)._tl_cancel("Erreur", reissue=False)
        gift.with_user(self.treasurer).done2cancel()
        self.assertEqual(move.state, "cancel")

    def test_transfer_on_the_bank_statement_is_reconciled_with_the_donation(self):
        """OCA's flow: a donation created from a bank statement line is reconciled with it."""
        journal = self.method["transfer"].journal_id
        statement_line = self.env["account.bank.statement.line"].create(
            {
                "journal_id": journal.id,
                "date": "2026-03-10",
                "payment_ref": "VIR DON DUPONT",
                "partner_id": self.claire.id,
                "amount": 80.0,
            }
        )
        self.assertFalse(statement_line.is_reconciled)
        action = statement_line._prepare_donation_action()
        with Form(
            self.env["donation.donation"]
            .with_user(self.treasurer)
            .with_context(**action["context"]),
            view="donation.donation_from_bank_statement_line_form",
        ) as form:
            form.donation_date = self.day("2026-03-10")
        donation = form.record
        self.assertEqual(donation.payment_mode, "transfer")
        donation.with_user(self.treasurer).validate()
        self.assertTrue(statement_line.is_reconciled)
        self.assertEqual(donation.tax_receipt_id.amount, 80.0)

    def test_cheque_receipted_at_hand_over_entered_at_credit(self):
        """Issue 13: a cheque's gift date is the day it was handed over (tax year), its
        bank entry the day it was credited."""
        with freeze_time("2026-01-10"):
            donation = self.validated(
                self.claire,
                120.0,
                mode="cheque",
                when="2025-12-29",
                cheque_credit_date="2026-01-06",
            )
        self.assertEqual(donation.move_id.date, self.day("2026-01-06"))
        receipt = donation.tax_receipt_id
        self.assertEqual(receipt.donation_date, self.day("2025-12-29"))
        self.assertEqual(receipt.fiscal_year, 2025)
        with self.assertRaises(ValidationError):
            self.make_donation(
                self.claire, 10.0, mode="cheque", when="2026-03-01", cheque_credit_date="2026-02-01"
            )

    def test_validation_does_not_depend_on_the_treasurer_email(self):
        """Issue 13: "Impossible d'envoyer le message" for a Treasurer without e-mail."""
        self.treasurer.partner_id.email = False
        line = {"quantity": 4, "valuation_basis": "stock_value", "in_kind_description": "PLA"}
        gift = self.validated(self.acme, 25.0, mode=None, product=self.goods, line=line)
        self.assertEqual(gift.state, "done")
        self.assertTrue(gift.tax_receipt_id)
        counterpart = self.validated(self.claire, 200.0, counterpart_value=60.0)
        self.assertEqual(counterpart.state, "done")
        counterpart.tax_receipt_id.with_user(self.treasurer)._tl_cancel("Montant erroné")
        self.assertEqual(counterpart.tax_receipt_id.state, "issued")

    def test_migration_swaps_the_class_87_codes_of_an_old_database(self):
        """18.0.1.3.0: a database set up with 870000 "Bénévolat" and 875000 "Dons en nature"
        gets the codes of the règlement ANC 2018-06, its move lines kept."""
        company = self.company.with_company(self.company)
        staff = company.donation_cvn_staff_account_id
        goods = company.donation_cvn_goods_account_id
        # the accounts as versions before 18.0.1.3.0 created them
        staff.code = "TLOLD"
        goods.code = "875000"
        staff.code = "870000"
        staff.with_context(lang="fr_FR").name = "Bénévolat"
        goods.with_context(lang="fr_FR").name = "Dons en nature"
        hours = self.make_donation(
            self.claire,
            300.0,
            mode=None,
            product=self.service,
            line={"valuation_basis": "service_cost", "in_kind_description": "20 h d'accueil"},
        )
        hours.tax_receipt_option = "none"
        hours.with_user(self.treasurer).validate()
        line = {"valuation_basis": "stock_value", "in_kind_description": "PLA", "quantity": 40}
        filament = self.validated(self.acme, 12.5, mode=None, product=self.goods, line=line)
        # the old, backwards mapping: volunteering on 870, gifts of goods on 875
        self.assertEqual(balances(hours.in_kind_move_id), {"864000": 300.0, "870000": -300.0})
        self.assertEqual(balances(filament.in_kind_move_id), {"860000": 500.0, "875000": -500.0})
        lines = (hours.in_kind_move_id | filament.in_kind_move_id).line_ids
        line_accounts = {line.id: line.account_id for line in lines}

        self.assertEqual(self.env["res.company"]._tl_migrate_cvn_codes(), self.company)

        self.env.invalidate_all()
        self.assertEqual(
            {line.id: line.account_id for line in lines.exists()}, line_accounts, "lines kept"
        )
        self.assertEqual(balances(hours.in_kind_move_id), {"864000": 300.0, "875000": -300.0})
        self.assertEqual(balances(filament.in_kind_move_id), {"860000": 500.0, "870000": -500.0})
        self.assertEqual((staff.code, goods.code), ("875000", "870000"))
        self.assertEqual(staff.with_context(lang="fr_FR").name, "Bénévolat")
        self.assertEqual(goods.with_context(lang="fr_FR").name, "Dons en nature")
        # once only; a chart already right is left alone
        self.assertFalse(self.env["res.company"]._tl_migrate_cvn_codes())
        self.assertEqual((staff.code, goods.code), ("875000", "870000"))
