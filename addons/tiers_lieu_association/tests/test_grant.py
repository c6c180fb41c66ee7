from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TODAY, AssociationCase, balances, pdf_text


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestGrant(AssociationCase):
    def test_instalment_is_booked_on_74x_with_the_action(self):
        grant = self.make_grant()
        self.assertEqual(
            grant.analytic_account_id.plan_id,
            self.env.ref("tiers_lieu_association.analytic_plan_funded_actions"),
        )
        instalment = self.instalment(grant, 20000.0)
        outstanding = self.company._tl_outstanding_receipts_account().code
        self.assertEqual(balances(instalment.move_id), {"741200": -20000.0, outstanding: 20000.0})
        self.assertEqual(instalment.move_id.state, "posted")
        income_line = instalment.move_id.line_ids.filtered(
            lambda line: line.account_id.code == "741200"
        )
        self.assertEqual(income_line.partner_id, self.region)
        self.assertEqual(grant.amount_received, 20000.0)
        self.assertEqual(grant.amount_remaining, 20000.0)
        self.assertEqual(grant._tl_actual_by_account()[income_line.account_id], 20000.0)

    def test_funder_type_picks_the_74_sub_account(self):
        expected = {
            "state": "741100",
            "department": "741300",
            "municipality": "741400",
            "eu": "741500",
            "foundation": "741800",
        }
        for funder_type, code in expected.items():
            with self.subTest(funder_type=funder_type):
                grant = self.make_grant(1000.0, funder_type, name=funder_type)
                self.assertEqual(balances(self.instalment(grant, 1000.0).move_id)[code], -1000.0)

    def test_instalment_above_the_grant_is_refused(self):
        grant = self.make_grant(10000.0)
        self.instalment(grant, 6000.0)
        moves = self.env["account.move"].search_count([])
        with self.refused(ValidationError, "exceed the amount granted"):
            self.instalment(grant, 4000.01)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.env.invalidate_all()
        self.assertEqual(grant.amount_received, 6000.0)
        self.instalment(grant, 4000.0)
        self.assertEqual(grant.amount_remaining, 0.0)

    def test_dedicated_funds_at_year_end(self):
        grant = self.make_grant()
        self.instalment(grant, 20000.0)
        self.expense(grant, "606100", 3000.0)
        self.expense(grant, "641100", 2000.0)
        self.expense(grant, "606100", 900.0, when="2027-01-15")  # next year: not counted
        moves = grant.with_user(self.treasurer).action_dedicated_funds(2026)
        year_end = moves.filtered(lambda m: str(m.date) == "2026-12-31")
        reopening = moves.filtered(lambda m: str(m.date) == "2027-01-01")
        self.assertEqual(balances(year_end), {"689400": 15000.0, "194000": -15000.0})
        self.assertEqual(balances(reopening), {"194000": 15000.0, "789400": -15000.0})
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        self.assertEqual(grant.dedicated_move_ids, moves)
        with self.refused(UserError, "already booked"):
            grant.with_user(self.treasurer).action_dedicated_funds(2026)

    def test_nothing_dedicated_when_all_is_spent(self):
        grant = self.make_grant(5000.0)
        self.instalment(grant, 5000.0)
        self.expense(grant, "606100", 6000.0)
        self.assertFalse(grant.with_user(self.treasurer).action_dedicated_funds(2026))

    def test_compte_rendu_financier_planned_against_actual(self):
        grant = self.make_grant(
            budget_line_ids=[
                Command.create({"nature": "60", "amount": 8000.0}),
                Command.create({"nature": "64", "amount": 30000.0}),
                Command.create({"nature": "74", "amount": 40000.0}),
            ]
        )
        self.instalment(grant, 20000.0)
        self.expense(grant, "606100", 3000.0)
        self.expense(grant, "641100", 2000.0)
        rows = {
            code: (kind, planned, actual)
            for kind, code, _l, planned, actual in grant._tl_report_rows()
        }
        self.assertEqual(rows["60"], ("charge", 8000.0, 3000.0))
        self.assertEqual(rows["64"], ("charge", 30000.0, 2000.0))
        self.assertEqual(rows["74"], ("income", 40000.0, 20000.0))
        self.assertEqual(rows["61"], ("charge", 0.0, 0.0))
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.treasurer)
            ._render_qweb_pdf("tiers_lieu_association.action_report_grant", grant.ids)
        )
        text = pdf_text(pdf)
        self.assertIn("15059*02", text)
        self.assertIn("60 – Achats 8 000,00 3 000,00 -5 000,00", text)
        self.assertIn("Région Île-de-France", text)

    def test_recorded_expenses_count_in_the_compte_rendu(self):
        """The helper of the demo data: a supplier's bill and the wages of the action, both
        on its analytic account, are the actual charges of the compte rendu financier."""
        grant = self.make_grant(
            budget_line_ids=[
                Command.create({"nature": "60", "amount": 8000.0}),
                Command.create({"nature": "64", "amount": 30000.0}),
            ]
        )
        supplier = self.env["res.partner"].create({"name": "Filaments SARL", "is_company": True})
        bill = grant._tl_record_expense("601000", 2350.0, "2026-03-20", "Filament", supplier.id)
        wages = grant._tl_record_expense("641100", 9600.0, "2026-03-31", "Salaires T1")
        self.assertEqual((bill.move_type, bill.state), ("in_invoice", "posted"))
        self.assertEqual(balances(bill)["601000"], 2350.0)
        self.assertEqual(balances(wages), {"641100": 9600.0, "421000": -9600.0})
        rows = {
            code: (planned, actual) for _k, code, _l, planned, actual in grant._tl_report_rows()
        }
        self.assertEqual(rows["60"], (8000.0, 2350.0))
        self.assertEqual(rows["64"], (30000.0, 9600.0))
        with self.refused(UserError, "No account 609999"):
            grant._tl_record_expense("609999", 1.0, "2026-03-31", "?")

    def test_only_treasurers_book_grants(self):
        grant = self.make_grant()
        self.instalment(grant, 1000.0)
        # a Manager without accounting rights opens the grant's form (read only)
        self.assertEqual(Form(grant.with_user(self.manager)).amount_received, 1000.0)
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.grant.instalment"].with_user(self.manager).create(
                {"grant_id": grant.id, "amount": 10.0}
            )
        with self.assertRaises(AccessError):
            grant.with_user(self.staff).read(["amount"])
        with self.assertRaises(AccessError):
            grant.with_user(self.manager).action_dedicated_funds(2026)
