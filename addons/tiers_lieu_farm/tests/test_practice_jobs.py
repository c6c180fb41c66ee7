from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.tiers_lieu_order.tests.common import OrderCase


@tagged("post_install", "-at_install")
class TestPracticeJobsAreNotProduction(OrderCase):
    """A plate printed as practice in a training session, even one of an order's jobs,
    counts neither in the order's progress nor in the parts produced; its filament goes to
    the training consumption."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff.groups_id |= cls.env.ref("sales_team.group_sale_salesman")
        cls.trainer = new_test_user(
            cls.env, "tl_farm_practice_trainer", groups="tiers_lieu.group_trainer"
        )
        trainee = cls.env["tiers_lieu.trainee"].create(
            {"partner_id": cls.alice.id, "trainer_id": cls.trainer.id, "state": "in_progress"}
        )
        cls.session = cls.env["tiers_lieu.training.session"].create(
            {
                "topic": "Printing a face shield",
                "date": fields.Date.context_today(cls.trainer),
                "span": "day",
                "trainer_id": cls.trainer.id,
                "trainee_ids": [(6, 0, trainee.ids)],
                "machine_ids": [(6, 0, cls.mk4.ids)],
            }
        )
        cls.spool = cls.receive(cls.pla_black)
        cls.spool._load_on_machine(cls.mk4)

    def parts_produced(self):
        sections = self.env["tiers_lieu.dashboard"].with_user(self.staff).get_dashboard()
        tiles = {t["key"]: t for section in sections["sections"] for t in section["tiles"]}
        return tiles["parts_produced"]["value"]

    def test_practice_plate_of_an_order_is_not_produced(self):
        before = self.parts_produced()
        order = self.make_order(lines=((None, 8),))
        order.action_confirm()
        practice, production = order.print_job_ids.sorted("id")
        practice.write(
            {
                "session_id": self.session.id,
                "operator_id": self.alice.id,
                "supervisor_id": self.trainer.id,
            }
        )
        self.print_jobs(practice | production)
        self.assertEqual((practice | production).mapped("state"), ["done", "done"])
        line = order.order_line
        self.assertEqual(line.qty_produced, 4)
        self.assertEqual(self.parts_produced() - before, 4)
        training = self.env.ref(
            "tiers_lieu_training_consumable.stock_location_training_consumption"
        )
        self.assertEqual(practice.stock_move_ids.location_dest_id, training)
        self.assertEqual(production.stock_move_ids.location_dest_id, self.consumption)
