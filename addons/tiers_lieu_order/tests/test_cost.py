from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OrderCase


@tagged("post_install", "-at_install")
class TestCost(OrderCase):
    def test_real_cost_from_the_jobs(self):
        order = self.make_order(lines=((None, 8),))
        order.action_confirm()
        jobs = order.print_job_ids
        # 100 g each (the estimate), 2 h each, 6 min of labour each.
        self.print_jobs(jobs)
        self.assertAlmostEqual(order.real_material_cost, 2 * 0.1 * 20.0)
        self.assertAlmostEqual(order.real_machine_cost, 2 * 2.0 * 2.0, places=2)
        self.assertAlmostEqual(order.real_labour_cost, 2 * 0.1 * 20.0)
        self.assertAlmostEqual(order.real_cost, 4.0 + 8.0 + 4.0, places=2)
        self.assertAlmostEqual(order.amount_untaxed, 24.0)
        self.assertAlmostEqual(order.real_margin, 8.0, places=2)
        self.assertEqual(order.aid_value, 0.0)

    def test_failed_jobs_count_in_the_real_cost(self):
        order = self.make_order(lines=((None, 4),))
        order.action_confirm()
        job = order.print_job_ids
        job.write({"machine_id": self.mk4.id, "operator_id": self.alice.id})
        job.action_start()
        job._mark_failed(grams_actual=40.0, failed_weight=40.0)
        self.assertAlmostEqual(order.real_material_cost, 0.8)
        self.assertEqual(order.parts_produced, 0)

    def test_changing_the_rates_does_not_rewrite_past_costs(self):
        order = self.make_order(lines=((None, 4),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids)
        before = order.real_cost
        self.company.order_labour_hour_cost = 40.0
        self.pla.order_cost_per_kg = 50.0
        self.env.flush_all()
        self.assertEqual(order.real_cost, before)

    def test_aid_value_by_beneficiary_type_and_period(self):
        hospital = self.make_order(partner=self.hospital, kind="solidarity", lines=((None, 8),))
        school = self.make_order(partner=self.school, kind="solidarity", lines=((None, 4),))
        paid = self.make_order(lines=((None, 4),))
        (hospital | school | paid).action_confirm()
        self.print_jobs(hospital.print_job_ids | school.print_job_ids | paid.print_job_ids)
        self.assertEqual(hospital.beneficiary_type, "hospital")
        self.assertAlmostEqual(hospital.aid_value, hospital.real_cost)
        self.assertGreater(hospital.aid_value, 0.0)
        aid = self.env["sale.order"]._aid_by_beneficiary()
        by_type = {}
        for (kind, _month), (value, parts, count) in aid.items():
            total = by_type.setdefault(kind, [0.0, 0.0, 0])
            total[0] += value
            total[1] += parts
            total[2] += count
        self.assertEqual(set(by_type), {"hospital", "school"})
        self.assertAlmostEqual(by_type["hospital"][0], hospital.aid_value)
        self.assertEqual(by_type["hospital"][1:], [8.0, 1])
        self.assertEqual(by_type["school"][1:], [4.0, 1])

    def test_beneficiary_type_of_past_orders_is_kept(self):
        order = self.make_order(partner=self.hospital, kind="solidarity")
        self.hospital.beneficiary_type = "care_home"
        self.assertEqual(order.beneficiary_type, "hospital")

    def test_solidarity_orders_are_not_invoiced(self):
        order = self.make_order(partner=self.hospital, kind="solidarity", lines=((None, 4),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids)
        self.deliver(order, 4)
        self.assertEqual(order.invoice_status, "no")
        with self.assertRaisesRegex(UserError, "not invoiced"):
            order._create_invoices()

    def test_commercial_and_at_cost_orders_are_invoiced(self):
        for kind, amount in (("commercial", 12.0), ("at_cost", 8.0)):
            with self.subTest(kind=kind):
                order = self.make_order(partner=self.school, kind=kind, lines=((None, 4),))
                order.action_confirm()
                self.print_jobs(order.print_job_ids)
                self.deliver(order, 4)
                self.assertEqual(order.invoice_status, "to invoice")
                invoice = order._create_invoices()
                self.assertAlmostEqual(invoice.amount_untaxed, amount)


@tagged("post_install", "-at_install")
class TestCostAtSpoolValue(OrderCase):
    """Company setting: the real cost values the material at the spools used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A recycled spool worth 5 € for 1000 g (0.005 €/g), loaded on the MK4.
        cls.spool = cls.receive(cls.pla_black, value=5.0)
        cls.spool._load_on_machine(cls.mk4)

    def print_order(self):
        order = self.make_order(lines=((None, 8),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids)
        self.assertEqual(set(order.print_job_ids.mapped("consumption_state")), {"posted"})
        return order

    def test_the_cost_model_by_default(self):
        order = self.print_order()
        # 2 jobs × 100 g × 20 €/kg.
        self.assertAlmostEqual(order.real_material_cost, 4.0)
        self.assertEqual(order.material_cost_basis, "Cost model (€/kg of the material)")

    def test_the_value_of_the_spools_used(self):
        self.company.order_material_cost_basis = "spools"
        order = self.print_order()
        # 2 jobs × 100 g × 0.005 €/g, from the spool's stock value.
        self.assertAlmostEqual(order.real_material_cost, 1.0)
        self.assertAlmostEqual(sum(order.print_job_ids.mapped("material_stock_value")), 1.0)
        self.assertEqual(order.material_cost_basis, "Value of the spools used")
        self.assertAlmostEqual(order.real_cost, 1.0 + 8.0 + 4.0, places=2)
        # Changing the setting afterwards does not rewrite the cost of ended jobs.
        self.company.order_material_cost_basis = "cost_model"
        self.env.flush_all()
        order.print_job_ids.invalidate_recordset()
        self.assertAlmostEqual(order.real_material_cost, 1.0)
