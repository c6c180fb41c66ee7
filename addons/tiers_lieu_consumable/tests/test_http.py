from odoo.tests import HttpCase, new_test_user, tagged

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestSpoolTour(HttpCase):
    def test_load_a_spool_finish_a_job_and_see_the_spool_lighter(self):
        user = new_test_user(self.env, "tl_tour_spool", groups="tiers_lieu.group_staff")
        pla = self.env["tiers_lieu.material"].create({"name": "Tour PLA", "family": "pla"})
        product = self.env["product.product"].create(
            {"name": "Tour PLA filament", "material_id": pla.id, "spool_net_grams": 1000}
        )
        spool = (
            self.env["stock.lot"]
            ._receive_spools(
                self.env["res.partner"].create({"name": "Tour vendor"}),
                [{"product_id": product.id, "value": 20.0, "lot_names": ["TOUR-SPOOL-1"]}],
            )
            .move_line_ids.lot_id
        )
        self.env["maintenance.equipment"].search([("machine_kind", "!=", False)]).write(
            {"active": False}
        )
        machine = self.env["maintenance.equipment"].create(
            {"name": "Tour MK4", "machine_kind": "fdm_printer", "material_ids": [(6, 0, pla.ids)]}
        )
        self.env["tiers_lieu.machine.authorization"].create(
            {"partner_id": user.partner_id.id, "machine_kind": "fdm_printer"}
        )
        job = self.env["tiers_lieu.print.job"].create(
            {
                "part_name": "Tour visor",
                "material_id": pla.id,
                "machine_id": machine.id,
                "operator_id": user.partner_id.id,
                "estimated_duration_hours": 1.0,
                "estimated_grams": 42.0,
            }
        )
        job.action_queue()
        job.action_start()
        self.start_tour("/odoo", "tiers_lieu_consumable_spool", login="tl_tour_spool")
        self.assertEqual(job.state, "done")
        self.assertEqual(job.consumption_state, "posted")
        self.assertEqual(spool.machine_id, machine)
        self.assertAlmostEqual(spool.remaining_grams, 958.0)
        self.assertEqual(job.stock_move_ids.move_line_ids.lot_id, spool)


@tagged("post_install", "-at_install")
class TestSpoolLabelRoute(HttpCase, ConsumableCase):
    def test_staff_print_labels_and_trainers_are_refused(self):
        spools = self.receive(self.pla_black, count=2)
        url = "/tiers_lieu_consumable/spool_labels?ids=" + ",".join(map(str, spools.ids))
        self.authenticate("tl_staff", "tl_staff")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        missing = self.url_open("/tiers_lieu_consumable/spool_labels?ids=0")
        self.assertEqual(missing.status_code, 404)
        self.authenticate("tl_trainer", "tl_trainer")
        self.assertEqual(self.url_open(url).status_code, 403)
