from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RecyclingCase


@tagged("post_install", "-at_install")
class TestSecurity(RecyclingCase):
    def test_staff_weigh_and_run_batches(self):
        job = self.start_job(self.mk4, grams=100.0)
        job.action_done()
        wizard = (
            self.env["tiers_lieu.offcut.weigh"]
            .with_user(self.staff)
            .create({"material_id": self.pla.id, "source": "support", "grams": 20.0})
        )
        wizard.action_weigh()
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
        for model in ("tiers_lieu.recycling.batch", "tiers_lieu.offcut.weigh"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(portal).search([])
