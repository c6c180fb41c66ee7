from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import MachineCase


@tagged("post_install", "-at_install")
class TestMachineBoard(MachineCase):
    """Production › Machine Board: the queued and printing jobs of each machine."""

    def open_board(self, user, action_xmlid="tiers_lieu_machine.print_job_action_board"):
        """The board's first view as ``user``'s web client loads it: views, then groups."""
        env = self.env(user=user)
        action = env["ir.actions.act_window"]._for_xml_id(action_xmlid)
        action["context"] = safe_eval(action["context"])
        action["domain"] = safe_eval(action["domain"])
        Job = env["tiers_lieu.print.job"].with_context(**action["context"])
        views = Job.get_views(action["views"], {"load_filters": True, "toolbar": True})
        kanban = views["views"]["kanban"]
        self.assertIn('default_group_by="machine_id"', kanban["arch"])
        groups = Job.web_read_group(action["domain"], ["machine_id"], ["machine_id"], lazy=True)[
            "groups"
        ]
        action["kanban_arch"] = kanban["arch"]
        return action, {g["machine_id"] and g["machine_id"][0]: g for g in groups}

    def test_staff_see_each_machine_queue_most_urgent_first(self):
        normal = self.make_job(part_name="Normal", machine_id=self.mk4.id)
        urgent = self.make_job(
            part_name="Urgent", machine_id=self.mk4.id, priority="1", operator_id=self.alice.id
        )
        printing = self.make_job(
            part_name="Printing", machine_id=self.mk4.id, operator_id=self.alice.id
        )
        unassigned = self.make_job(part_name="Waiting")
        (normal | urgent | printing | unassigned).action_queue()
        printing.action_start()

        action, groups = self.open_board(self.staff)
        # A column per machine in service, idle ones included; the jobs without machine too.
        self.assertIn(self.mini.id, groups)
        self.assertEqual(groups[self.mini.id]["machine_id_count"], 0)
        self.assertEqual(groups[self.mk4.id]["machine_id_count"], 3)
        self.assertEqual(groups[False]["machine_id_count"], 1)
        Job = self.env(user=self.staff)["tiers_lieu.print.job"].with_context(**action["context"])
        order = action["kanban_arch"].split('default_order="')[1].split('"')[0]
        column = Job.search(groups[self.mk4.id]["__domain"], order=order)
        self.assertEqual(column.mapped("part_name"), ["Printing", "Urgent", "Normal"])
        # The card's quick actions work for Staff.
        printing.with_user(self.staff).action_done()
        urgent.with_user(self.staff).action_start()
        self.assertEqual(urgent.state, "printing")
        # Ended jobs leave the board.
        groups = self.open_board(self.staff)[1]
        self.assertEqual(groups[self.mk4.id]["machine_id_count"], 2)

    def test_board_reachable_from_menu_and_machine_form(self):
        menus = self.env["ir.ui.menu"].with_user(self.staff).load_menus(debug=False)
        board_menu = self.env.ref("tiers_lieu_machine.print_job_board_menu")
        self.assertIn(board_menu.id, menus)
        self.assertEqual(
            board_menu.action, self.env.ref("tiers_lieu_machine.print_job_action_board")
        )
        job = self.make_job(machine_id=self.mini.id)
        job.action_queue()
        action = self.mk4.with_user(self.staff).action_view_board()
        self.assertEqual(action["res_model"], "tiers_lieu.print.job")
        self.assertEqual(action["context"]["search_default_machine_id"], self.mk4.id)
        # Filtered on one machine, the board shows that machine alone, not every idle one.
        Job = self.env(user=self.staff)["tiers_lieu.print.job"].with_context(**action["context"])
        groups = Job.web_read_group(
            [("machine_id", "=", self.mini.id)], ["machine_id"], ["machine_id"]
        )["groups"]
        self.assertEqual([g["machine_id"][0] for g in groups], [self.mini.id])
        # The machine form shows the button to Staff.
        form = self.env["maintenance.equipment"].with_user(self.staff).get_view(view_type="form")
        self.assertIn('name="action_view_board"', form["arch"])


@tagged("post_install", "-at_install")
class TestDurationFormat(MachineCase):
    """One duration format per screen: hours of machines and jobs read as 01:30, never as
    1,50 beside 01:30 (issue 12)."""

    HOUR_FIELDS = {
        "tiers_lieu.print.job": {"estimated_duration_hours", "duration_hours"},
        "maintenance.equipment": {
            "print_hours_total",
            "hours_since_maintenance",
            "queue_capacity_hours",
        },
    }

    def test_hours_use_one_format_on_each_screen(self):
        board = self.env.ref("tiers_lieu_machine.print_job_view_kanban_board")
        park_list = self.env.ref("tiers_lieu_machine.maintenance_equipment_view_list_park")
        screens = [
            ("tiers_lieu.print.job", view_type, False)
            for view_type in ("form", "list", "kanban", "pivot", "graph")
        ] + [
            ("tiers_lieu.print.job", "kanban", board.id),
            ("maintenance.equipment", "form", False),
            ("maintenance.equipment", "list", park_list.id),
        ]
        for model, view_type, view in screens:
            arch = self.env[model].with_user(self.staff).get_view(view, view_type)["arch"]
            with self.subTest(model=model, view=view_type):
                tree = etree.fromstring(arch)
                shown = [
                    node
                    for node in tree.iter("field")
                    if node.get("name") in self.HOUR_FIELDS[model]
                    and node.get("invisible") not in ("1", "True")
                ]
                self.assertTrue(shown)
                for node in shown:
                    self.assertEqual(node.get("widget"), "float_time", node.get("name"))
