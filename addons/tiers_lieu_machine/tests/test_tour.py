from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPrintJobTour(HttpCase):
    def test_staff_create_queue_dispatch_and_finish_a_job(self):
        user = new_test_user(self.env, "tl_tour_staff", groups="tiers_lieu.group_staff")
        pla = self.env["tiers_lieu.material"].create({"name": "Tour PLA", "family": "pla"})
        self.env["maintenance.equipment"].search([("machine_kind", "!=", False)]).write(
            {"active": False}
        )
        machine = self.env["maintenance.equipment"].create(
            {"name": "Tour MK4", "machine_kind": "fdm_printer", "material_ids": [(6, 0, pla.ids)]}
        )
        self.env["tiers_lieu.machine.authorization"].create(
            {"partner_id": user.partner_id.id, "machine_kind": "fdm_printer"}
        )
        self.start_tour("/odoo", "tiers_lieu_machine_print_job", login="tl_tour_staff")
        job = self.env["tiers_lieu.print.job"].search([("part_name", "=", "Tour visor")])
        self.assertEqual(job.state, "done")
        self.assertEqual(job.machine_id, machine)
        self.assertEqual(job.operator_id, user.partner_id)
        self.assertEqual(job.estimated_duration_hours, 1.5)
        self.assertEqual(job.grams_actual, 42)
        self.assertEqual(machine.job_done_count, 1)
