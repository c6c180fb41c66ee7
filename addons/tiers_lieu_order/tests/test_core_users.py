from odoo.tests import Form, new_test_user, tagged

from .common import OrderCase


@tagged("post_install", "-at_install")
class TestCoreUsers(OrderCase):
    """Users of Sales, Inventory and Invoicing without any Tiers-Lieu role open, edit and
    save the records of their app that this addon extends, as the web client does
    (issue 21: the forms read no field of a model they may not read)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager = new_test_user(
            cls.env, login="sales_no_role", groups="sales_team.group_sale_manager"
        )
        cls.stock_manager = new_test_user(
            cls.env, login="stock_no_role", groups="stock.group_stock_manager"
        )
        cls.accountant = new_test_user(
            cls.env,
            login="accountant_no_role",
            groups="account.group_account_manager,base.group_partner_manager",
        )
        cls.order = cls.make_order(cls.hospital, lines=((None, 10),))
        cls.order.action_confirm()
        cls.line = cls.order.order_line

    def test_users_hold_no_tiers_lieu_role(self):
        for user in (self.sales_manager, self.stock_manager, self.accountant):
            xmlids = user.groups_id.get_external_id().values()
            self.assertFalse([x for x in xmlids if x.startswith("tiers_lieu")], user.login)

    def test_sales_manager_opens_and_edits_an_order_with_print_jobs(self):
        self.assertEqual(len(self.order.print_job_ids), 3)
        with Form(self.order.with_user(self.sales_manager)) as form:
            form.client_order_ref = "BC 2026-118"
        self.assertEqual(self.order.client_order_ref, "BC 2026-118")
        self.assertEqual(self.order.with_user(self.sales_manager).print_job_count, 3)

    def test_sales_manager_edits_a_quotation_of_printable_parts(self):
        quotation = self.make_order(self.customer, lines=((None, 4),))
        with Form(quotation.with_user(self.sales_manager)) as form:
            with form.order_line.edit(0) as line:
                line.product_uom_qty = 8
        self.assertEqual(quotation.order_line.product_uom_qty, 8)
        # The cost model still prices the parts: 2.00 € cost + 50 % margin.
        self.assertAlmostEqual(quotation.order_line.price_unit, 3.0)

    def test_sales_manager_cancels_an_order_with_print_jobs(self):
        jobs = self.order.print_job_ids
        self.print_jobs(jobs[:1])
        order = self.order.with_user(self.sales_manager)
        order.with_context(disable_cancel_warning=True).action_cancel()
        self.assertEqual(self.order.state, "cancel")
        self.assertEqual(jobs[0].state, "done")
        self.assertEqual(set(jobs[1:].mapped("state")), {"cancelled"})
        message = self.order.message_ids.filtered(lambda m: jobs[1].name in (m.body or ""))
        self.assertEqual(len(message), 1, "the chatter tells which jobs were cancelled")
        self.assertIn(jobs[0].name, message.body, "and which were kept")
        self.assertEqual(message.author_id, self.sales_manager.partner_id)

    def test_inventory_manager_opens_and_edits_a_printable_part_and_its_lot(self):
        with Form(self.shield_tmpl.with_user(self.stock_manager)) as form:
            form.description_pickingout = "Fragile"
        self.assertEqual(self.shield_tmpl.description_pickingout, "Fragile")
        lot = self.line.production_lot_id
        self.assertTrue(lot)
        with Form(lot.with_user(self.stock_manager)) as form:
            form.ref = "CH-SF"
        self.assertEqual(lot.ref, "CH-SF")
        self.assertEqual(lot.with_user(self.stock_manager).part_job_count, 3)
        picking = self.order.picking_ids
        with Form(picking.with_user(self.stock_manager)) as form:
            form.origin = "Commande CH"
        self.assertEqual(picking.origin, "Commande CH")

    def test_accountant_opens_and_edits_a_customer_and_a_part(self):
        with Form(self.hospital.with_user(self.accountant)) as form:
            form.email = "achats@chsf.example"
        self.assertEqual(self.hospital.email, "achats@chsf.example")
        with Form(self.shield_tmpl.with_user(self.accountant)) as form:
            form.description_sale = "Serre-tête de visière"
        self.assertEqual(self.shield_tmpl.description_sale, "Serre-tête de visière")

    def test_sales_manager_confirms_a_quotation_of_printable_parts(self):
        quotation = self.make_order(self.school, lines=((None, 8),))
        quotation.with_user(self.sales_manager).action_confirm()
        self.assertEqual(quotation.state, "sale")
        self.assertEqual(len(quotation.print_job_ids), 2)
        self.assertEqual(set(quotation.print_job_ids.mapped("state")), {"queued"})
