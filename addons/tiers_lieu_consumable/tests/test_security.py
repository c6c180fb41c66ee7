from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestSecurity(ConsumableCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spool = cls.receive(cls.pla_black)

    def test_staff_manage_spools_loading_and_weighing(self):
        spool = self.spool.with_user(self.staff)
        spool._load_on_machine(self.mk4.with_user(self.staff))
        spool._record_weighing(900.0)
        self.assertAlmostEqual(spool.remaining_grams, 700.0)
        created = (
            self.env["stock.lot"].with_user(self.staff).create({"product_id": self.pla_red.id})
        )
        self.assertTrue(created.is_spool)
        job = self.start_job(self.mk4, grams=20.0).with_user(self.staff)
        job.action_done()
        self.assertEqual(job.consumption_state, "posted")

    def test_staff_cannot_configure_materials_products_vendors_or_rules(self):
        Staff = self.env(user=self.staff)
        with self.assertRaises(AccessError):
            self.pla.with_user(self.staff).density = 1.3
        with self.assertRaises(AccessError):
            Staff["tiers_lieu.material.co2.factor"].create(
                {"material_id": self.pla.id, "value": 1, "date_from": "2026-01-01", "source": "x"}
            )
        with self.assertRaises(AccessError):
            Staff["product.template"].create({"name": "PLA+", "material_id": self.pla.id})
        with self.assertRaises(AccessError):
            self.pla_tmpl.with_user(self.staff).spool_net_grams = 750
        with self.assertRaises(AccessError):
            Staff["product.supplierinfo"].create(
                {"partner_id": self.vendor.id, "product_tmpl_id": self.pla_tmpl.id}
            )
        with self.assertRaises(AccessError):
            self.pla_tmpl.seller_ids.with_user(self.staff).spool_tare_grams = 150
        with self.assertRaises(AccessError):
            Staff["stock.warehouse.orderpoint"].create(
                {"product_id": self.pla_black.id, "product_min_qty": 1000.0}
            )
        with self.assertRaises(AccessError):
            Staff["tiers_lieu.filament.forecast"].create(
                {"company_id": self.env.company.id, "material_id": self.pla.id}
            )

    def test_managers_configure_them(self):
        Manager = self.env(user=self.manager)
        self.pla.with_user(self.manager).density = 1.3
        template = Manager["product.template"].create(
            {
                "name": "PLA+",
                "material_id": self.pla.id,
                "seller_ids": [
                    Command.create({"partner_id": self.vendor.id, "spool_tare_grams": 180.0})
                ],
            }
        )
        orderpoint = Manager["stock.warehouse.orderpoint"].create(
            {
                "product_id": template.product_variant_id.id,
                "product_min_qty": 1000.0,
                "product_max_qty": 3000.0,
            }
        )
        factor = Manager["tiers_lieu.material.co2.factor"].create(
            {"material_id": self.pla.id, "value": 0.6, "date_from": "2026-01-01", "source": "x"}
        )
        self.pla.invalidate_recordset()
        self.assertAlmostEqual(self.pla.density, 1.3)
        self.assertEqual(template.material_id, self.pla)
        self.assertAlmostEqual(template.seller_ids.spool_tare_grams, 180.0)
        self.assertEqual(orderpoint.product_id, template.product_variant_id)
        self.assertAlmostEqual(orderpoint.product_min_qty, 1000.0)
        self.assertEqual(factor.material_id, self.pla)
        self.assertEqual(self.pla._co2_factor_on(), factor)

    def test_trainers_do_not_touch_spools(self):
        Trainer = self.env(user=self.trainer)
        with self.assertRaises(AccessError):
            Trainer["stock.lot"].browse(self.spool.id).read(["remaining_grams"])
        with self.assertRaises(AccessError):
            Trainer["tiers_lieu.spool.weigh"].create(
                {"spool_id": self.spool.id, "gross_grams": 500}
            )
        with self.assertRaises(AccessError):
            Trainer["tiers_lieu.spool.load"].create(
                {"spool_id": self.spool.id, "machine_id": self.mk4.id}
            )
        with self.assertRaises(AccessError):
            self.spool.with_user(self.trainer)._record_weighing(500.0)
        with self.assertRaises(AccessError):
            Trainer["tiers_lieu.filament.forecast"].search([])

    def test_treasurers_cannot_post_consumption(self):
        self.spool._load_on_machine(self.mk4)
        job = self.start_job(self.mk4, grams=20.0)
        self.spool._unload()
        job.action_done()
        with self.assertRaises(AccessError):
            self.env(user=self.treasurer)["tiers_lieu.print.job.consume"].create(
                {"job_id": job.id, "spool_id": self.spool.id}
            )

    def test_spools_of_another_company_are_hidden(self):
        other = self.env["res.company"].create({"name": "Autre tiers-lieu"})
        self.staff.write({"company_ids": [Command.link(other.id)]})
        foreign = (
            self.env["stock.lot"]
            .with_company(other)
            .create({"product_id": self.pla_black.id, "company_id": other.id})
        )
        visible = (
            self.env["stock.lot"]
            .with_user(self.staff)
            .with_context(allowed_company_ids=[self.env.company.id])
            .search([("is_spool", "=", True)])
        )
        self.assertIn(self.spool, visible)
        self.assertNotIn(foreign, visible)
