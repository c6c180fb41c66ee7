import base64

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.misc import file_open

from .common import TODAY, AssociationCase, balances


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestCrowdfundingPayout(AssociationCase):
    def sample(self, layout):
        with file_open(f"tiers_lieu_association/data/{layout}_export_sample.csv", "rb") as f:
            return f.read().decode("utf-8")

    def import_text(self, layout, text, name="Cagnotte"):
        wizard = (
            self.env["tiers_lieu.donation.pool.import"]
            .with_user(self.treasurer)
            .create(
                {
                    "file": base64.b64encode(text.encode("utf-8")),
                    "filename": f"{layout}.csv",
                    "name": name,
                    "layout": layout,
                }
            )
        )
        return self.env["tiers_lieu.donation.pool"].browse(wizard.action_import()["res_id"])

    def test_helloasso_kitty_and_its_payout(self):
        pool = self.import_text("helloasso", self.sample("helloasso"))
        self.assertEqual(len(pool.line_ids), 5)
        self.assertEqual(pool.count_excluded, 1)
        self.assertEqual(pool.amount_total, 425.0)
        pool.with_user(self.treasurer).action_validate()
        self.assertEqual(balances(pool.donation_ids.move_id)["467000"], 425.0)
        # HelloAsso lives on the donors' tips: it pays the gifts in full
        pool.with_user(self.treasurer).write({"payout_amount": 425.0, "payout_date": "2026-05-05"})
        pool.with_user(self.treasurer).action_reconcile_payout()
        outstanding = self.company._tl_outstanding_receipts_account().code
        self.assertEqual(balances(pool.payout_move_id), {outstanding: 425.0, "467000": -425.0})
        self.assertEqual(balances(pool.donation_ids.move_id | pool.payout_move_id)["467000"], 0.0)

    def test_leetchi_kitty_fees_booked_as_a_charge(self):
        pool = self.import_text("leetchi", self.sample("leetchi"))
        self.assertEqual(pool.amount_total, 170.0)
        self.assertAlmostEqual(pool.platform_fee, 6.80)
        self.assertEqual(pool.count_anonymous, 1)
        pool.with_user(self.treasurer).action_validate()
        pool.with_user(self.treasurer).write({"payout_amount": 163.20, "payout_date": "2026-05-20"})
        self.assertEqual(pool.payout_difference, 0.0)
        pool.with_user(self.treasurer).action_reconcile_payout()
        outstanding = self.company._tl_outstanding_receipts_account().code
        self.assertEqual(
            balances(pool.payout_move_id),
            {outstanding: 163.20, "627800": 6.80, "467000": -170.0},
        )
        # receipts as today: only the identified donors who did not ask to stay anonymous
        receipted = pool.donation_ids.filtered("tax_receipt_id")
        self.assertEqual(sorted(receipted.mapped("amount_total")), [20.0, 50.0])

    def test_payout_that_does_not_add_up_is_refused_with_its_difference(self):
        pool = self.import_text("leetchi", self.sample("leetchi"))
        pool.with_user(self.treasurer).action_validate()
        pool.with_user(self.treasurer).write({"payout_amount": 160.0, "payout_date": "2026-05-20"})
        self.assertAlmostEqual(pool.payout_difference, 3.20)
        with self.refused(UserError, r"difference 3\.2"):
            pool.with_user(self.treasurer).action_reconcile_payout()
        self.assertFalse(pool.payout_move_id)

    def test_missing_or_extra_columns_refused(self):
        text = self.sample("helloasso")
        pools = self.env["tiers_lieu.donation.pool"].search_count([])
        missing = text.replace("Montant du don;", "", 1)
        with self.refused(UserError, "missing: Montant du don"):
            self.import_text("helloasso", missing)
        lines = text.splitlines()
        extra = "\n".join([lines[0] + ";Commentaire"] + [line + ";" for line in lines[1:]])
        with self.refused(UserError, "unknown: Commentaire"):
            self.import_text("helloasso", extra)
        with self.refused(UserError, "not a HelloAsso"):
            self.import_text("helloasso", self.sample("leetchi"))
        self.assertEqual(self.env["tiers_lieu.donation.pool"].search_count([]), pools)

    def test_bad_lines_are_all_listed_and_nothing_is_imported(self):
        lines = self.sample("leetchi").splitlines()
        lines[1] = lines[1].replace(";50,00;", ";cinquante;")
        lines[3] = lines[3].replace("06/05/2026 22:03", "32/13/2026")
        pools = self.env["tiers_lieu.donation.pool"].search_count([])
        with self.refused(UserError, r"2 line\(s\)[\s\S]*Line 2:[\s\S]*Line 4:"):
            self.import_text("leetchi", "\n".join(lines))
        self.assertEqual(self.env["tiers_lieu.donation.pool"].search_count([]), pools)

    def test_only_treasurers_reconcile(self):
        pool = self.import_text("leetchi", self.sample("leetchi"))
        with self.assertRaises(AccessError):
            pool.with_user(self.manager).action_reconcile_payout()
