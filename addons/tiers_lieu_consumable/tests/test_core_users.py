import ast

from lxml import etree

from odoo import Command
from odoo.tests import Form, new_test_user, tagged

from .common import ConsumableCase


def read_as_web_client(records, view_type, view_id=False, domain=()):
    """Load a view as the web client does and read the records it shows with the fields
    the view (as seen by the user) holds; returns the values read."""
    views = records.get_views([(view_id, view_type)])
    fields = views["models"][records._name]["fields"]
    arch = etree.fromstring(views["views"][view_type]["arch"])
    spec = {}
    for node in arch.iter("field"):
        name = node.get("name")
        if name not in fields:
            continue
        relational = fields[name]["type"] in ("many2one", "one2many", "many2many")
        spec[name] = {"fields": {"display_name": {}}} if relational else {}
    return records.web_search_read(list(domain), spec)["records"]


@tagged("post_install", "-at_install")
class TestCoreUsers(ConsumableCase):
    """Users of Maintenance and Inventory without a Tiers-Lieu role, and Tiers-Lieu roles
    without Inventory rights, open and edit the records of their app that this addon
    extends (issues 12 and 21)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.equipment_manager = new_test_user(
            cls.env, login="equipment_no_role", groups="maintenance.group_equipment_manager"
        )
        cls.stock_manager = new_test_user(
            cls.env, login="stock_no_role", groups="stock.group_stock_manager"
        )
        cls.spool = cls.receive(cls.pla_black)
        cls.spool._load_on_machine(cls.mk4)

    def test_equipment_manager_opens_and_edits_a_printer_with_a_loaded_spool(self):
        self.assertFalse(self.equipment_manager.has_group("stock.group_stock_user"))
        with Form(self.mk4.with_user(self.equipment_manager)) as form:
            form.location = "Atelier, rangée B"
            form.tool_count = 2
        self.assertEqual(self.mk4.location, "Atelier, rangée B")
        self.assertEqual(self.mk4.tool_count, 2)
        self.assertEqual(self.spool.machine_id, self.mk4)

    def test_inventory_manager_opens_and_edits_a_spool_a_filament_and_a_receipt(self):
        with Form(self.spool.with_user(self.stock_manager)) as form:
            form.ref = "Carton 12"
        self.assertEqual(self.spool.ref, "Carton 12")
        with Form(self.pla_tmpl.with_user(self.stock_manager)) as form:
            form.description_pickingin = "Sous vide"
        self.assertEqual(self.pla_tmpl.description_pickingin, "Sous vide")
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "order_line": [Command.create({"product_id": self.pla_red.id, "product_qty": 1})],
            }
        )
        order.button_confirm()
        receipt = order.picking_ids
        with Form(receipt.with_user(self.stock_manager)) as form:
            form.origin = "BL 4412"
        self.assertEqual(receipt.origin, "BL 4412")

    def test_trainer_and_insertion_manager_open_the_machine_park(self):
        action = self.env.ref("tiers_lieu_machine.machine_park_action")
        kanban = self.env.ref("tiers_lieu_machine.maintenance_equipment_view_kanban_park")
        users = [self.trainer]
        insertion = "tiers_lieu_training.group_insertion_manager"
        if self.env.ref(insertion, False):
            users.append(new_test_user(self.env, "tl_insertion", groups=insertion))
        for user in users:
            machines = self.env["maintenance.equipment"].with_user(user)
            domain = ast.literal_eval(action.domain)
            records = read_as_web_client(machines, "kanban", kanban.id, domain)
            self.assertIn(self.mk4.id, [r["id"] for r in records], user.login)
            self.assertNotIn("loaded_spools_html", records[0], user.login)
        # Staff still see the spools on the cards.
        staff_machines = self.env["maintenance.equipment"].with_user(self.staff)
        records = read_as_web_client(
            staff_machines, "kanban", kanban.id, [("id", "=", self.mk4.id)]
        )
        self.assertIn(self.spool.name, records[0]["loaded_spools_html"])

    def test_staff_open_the_shortage_forecast(self):
        self.start_job(self.mini, grams=5000.0)
        server_action = self.env.ref("tiers_lieu_consumable.filament_forecast_open_action")
        for user in (self.staff, self.manager):
            result = server_action.with_user(user).run()
            self.assertEqual(result["res_model"], "tiers_lieu.filament.forecast")
            lines = read_as_web_client(
                self.env["tiers_lieu.filament.forecast"].with_user(user), "list"
            )
            short = [line for line in lines if line["state"] == "short"]
            self.assertTrue(short, user.login)
