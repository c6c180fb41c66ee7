from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import RecyclingCase


@tagged("post_install", "-at_install")
class TestSecurity(RecyclingCase):
    def test_staff_weigh_and_run_batches(self):
        job = self.start_job(self.mk4, grams=100.0)
        job.action_done()
        weighing = (
            self.env["tiers_lieu.offcut.weighing"]
            .with_user(self.staff)
            .create({"material_id": self.pla.id, "source": "support", "grams": 20.0})
        )
        weighing.action_weigh()
        # the background job runs as the staff member who weighed
        weighing._post_in_background()
        lot = self.env["stock.lot"].search([("product_id", "=", self.pla.offcut_product_id.id)])
        batch = self.batch([(lot, 20.0)], output=15.0).with_user(self.staff)
        batch.action_done()
        self.assertEqual(batch.state, "done")

    def test_staff_cannot_open_the_balance_nor_edit_factors(self):
        Balance = self.env["tiers_lieu.mass.balance"].with_user(self.staff)
        with self.assertRaises(AccessError):
            Balance.create({"date_from": "2026-01-01", "date_to": "2026-01-31"})
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.material.co2.factor"].with_user(self.staff).create(
                {
                    "material_id": self.pla.id,
                    "kind": "recycled",
                    "value": 0.4,
                    "date_from": "2026-01-01",
                    "source": "Mesure atelier",
                }
            )
        balance = (
            self.env["tiers_lieu.mass.balance"]
            .with_user(self.manager)
            .create({"date_from": "2026-01-01", "date_to": "2026-01-31"})
        )
        balance.action_compute()

    def test_portal_user_reaches_nothing(self):
        portal = self.env["res.users"].create(
            {
                "name": "Portal",
                "login": "recycling_portal",
                "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)],
            }
        )
        for model in ("tiers_lieu.recycling.batch", "tiers_lieu.offcut.weighing"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(portal).search([])

    def test_a_weighing_in_the_bin_is_neither_changed_nor_deleted(self):
        weighing = (
            self.env["tiers_lieu.offcut.weighing"]
            .with_user(self.staff)
            .create({"material_id": self.pla.id, "source": "rejected", "grams": 30.0})
        )
        with self.assertRaisesRegex(UserError, "inventory adjustment"):
            weighing.grams = 3.0
        weighing._post_in_background()
        self.assertEqual(weighing.state, "posted")
        with self.assertRaisesRegex(UserError, "inventory adjustment"):
            weighing.grams = 3.0
        with self.assertRaisesRegex(UserError, "posted by the system"):
            weighing.write({"state": "failed"})
        # the posting's context key, as an RPC call could send it, is not the posting
        as_rpc = weighing.with_context(tiers_lieu_offcut_posting=True)
        with self.assertRaisesRegex(UserError, "posted by the system"):
            as_rpc.write({"state": "failed"})
        with self.assertRaisesRegex(UserError, "inventory adjustment"):
            as_rpc.grams = 3.0
        with self.assertRaisesRegex(UserError, "posted by the system"):
            self.env["tiers_lieu.offcut.weighing"].with_user(self.staff).create(
                {"material_id": self.pla.id, "grams": 5.0, "state": "posted"}
            )
        with self.assertRaises(AccessError):
            weighing.unlink()
        with self.assertRaisesRegex(UserError, "Only a refused weighing"):
            weighing.with_user(self.manager).unlink()
        self.assertAlmostEqual(weighing.move_id.quantity, 30.0)

    def test_weighings_of_another_company_stay_hidden(self):
        other = self.env["res.company"].create({"name": "Autre tiers-lieu"})
        theirs = (
            self.env["tiers_lieu.offcut.weighing"]
            .with_company(other)
            .create({"material_id": self.pla.id, "source": "support", "grams": 12.0})
        )
        mine = (
            self.env["tiers_lieu.offcut.weighing"]
            .with_user(self.staff)
            .create({"material_id": self.pla.id, "source": "support", "grams": 8.0})
        )
        seen = self.env["tiers_lieu.offcut.weighing"].with_user(self.staff).search([])
        self.assertIn(mine, seen)
        self.assertNotIn(theirs, seen)
        with self.assertRaises(AccessError):
            theirs.with_user(self.staff).read(["grams"])
