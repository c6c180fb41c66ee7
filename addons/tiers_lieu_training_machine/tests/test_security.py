from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MONDAY, TrainingMachineCase, at


@tagged("post_install", "-at_install")
class TestSecurity(TrainingMachineCase):
    """Each rule of the chain, from the side of the user it refuses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.machine_authorization_from_skill = "propose"
        cls.lea_evaluation = cls.evaluate(cls.lea, cls.skill_fdm, cls.level_acquired)
        cls.lea_proposal = cls.lea_evaluation.machine_authorization_ids
        cls.authorize(cls.yanis.partner_id)

    def karim_authorizations(self):
        return self.env["tiers_lieu.machine.authorization"].search(
            [("partner_id", "=", self.karim.partner_id.id)]
        )

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_trainer_not_following_cannot_trigger_a_grant(self):
        """Karim is followed by another trainer: our trainer can neither evaluate him nor
        validate an evaluation of his, so no authorisation comes from them."""
        Evaluation = self.env["tiers_lieu.skill.evaluation"].with_user(self.trainer)
        with self.assertRaises(AccessError):
            Evaluation.create(
                {
                    "trainee_id": self.karim.id,
                    "skill_id": self.skill_fdm.id,
                    "level_id": self.level_acquired.id,
                }
            )
        learning = self.evaluate(self.karim, self.skill_fdm, self.level_learning)
        with self.assertRaises(AccessError):
            learning.with_user(self.trainer).write({"level_id": self.level_acquired.id})
        self.assertFalse(self.karim_authorizations())
        # his own trainer can
        learning.with_user(self.other_trainer).write({"level_id": self.level_acquired.id})
        self.assertEqual(self.karim_authorizations().granted_by_id, self.env.user)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_trainer_not_following_cannot_grant_a_proposal(self):
        with self.assertRaises(AccessError):
            self.lea_proposal.with_user(self.other_trainer).action_grant()
        self.assertEqual(self.lea_proposal.state, "proposed")
        self.lea_proposal.with_user(self.trainer).action_grant()
        self.assertEqual(self.lea_proposal.state, "valid")

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_staff_cannot_grant(self):
        with self.assertRaises(AccessError):
            self.lea_proposal.with_user(self.staff).action_grant()
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.machine.authorization"].with_user(self.staff).create(
                {"partner_id": self.lea.partner_id.id, "machine_kind": "fdm_printer"}
            )
        self.assertEqual(self.lea_proposal.state, "proposed")

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_staff_read_the_directory_not_the_files(self):
        Public = self.env["tiers_lieu.trainee.public"].with_user(self.staff)
        yanis = Public.browse(self.yanis.id)
        self.assertEqual(yanis.authorized_machine_kinds, "FDM printer")
        self.assertEqual(yanis.machine_authorization_ids.machine_kind, "fdm_printer")
        self.assertEqual(yanis.machine_authorization_ids.state, "valid")
        lea = Public.browse(self.lea.id)
        self.assertFalse(lea.machine_authorization_ids, "proposals are not authorisations yet")
        self.assertEqual(Public.search([("authorized_machine_kind", "=", "fdm_printer")]), yanis)
        # nothing else of the file
        with self.assertRaises(AccessError):
            self.yanis.with_user(self.staff).read(["name"])
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.trainee"].with_user(self.staff).search_read(
                [], ["name", "nir", "social_situation"]
            )
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.trainee"].with_user(self.staff).read_group([], ["rqth"], ["rqth"])
        with self.assertRaises(AccessError):
            yanis.machine_authorization_ids.read(["skill_evaluation_id"])
        with self.assertRaises(AccessError):
            Public.browse(self.yanis.id).export_data(
                ["name", "machine_authorization_ids/skill_evaluation_id/comment"]
            )
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.trainee.hours"].with_user(self.staff).search([])

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_staff_end_trainee_jobs_without_reading_their_hours(self):
        job = self.run_job(self.yanis.partner_id, at(MONDAY, 8), at(MONDAY, 9), user=self.staff)
        self.assertEqual(job.state, "done")
        self.assertEqual(self.job_lines(job).hours, 1)
        with self.assertRaises(AccessError):
            self.job_lines(job).with_user(self.staff).read(["hours"])
        with self.assertRaises(AccessError):
            job.with_user(self.staff).read(["trainee_hours_ids"])
        with self.assertRaises(AccessError):
            self.yanis.with_user(self.staff).action_sync_print_job_hours()

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_trainer_not_following_sees_no_job_hours(self):
        self.authorize(self.karim.partner_id)
        job = self.run_job(self.karim.partner_id, at(MONDAY, 8), at(MONDAY, 9))
        line = self.job_lines(job)
        self.assertTrue(line)
        Hours = self.env["tiers_lieu.trainee.hours"].with_user(self.trainer)
        self.assertFalse(Hours.search([("print_job_id", "=", job.id)]))
        with self.assertRaises(AccessError):
            line.with_user(self.trainer).read(["hours"])
        self.assertFalse(job.with_user(self.trainer).trainee_hours_ids)
        with self.assertRaises(AccessError):
            self.karim.with_user(self.trainer).action_sync_print_job_hours()
        with self.assertRaises(AccessError):
            self.karim.with_user(self.trainer).read(["machine_authorization_ids"])
        self.assertEqual(job.with_user(self.other_trainer).trainee_hours_ids.hours, 1)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_other_company_job_counts_for_no_trainee(self):
        other = self.env["res.company"].create({"name": "Autre tiers-lieu"})
        machine = self.env["maintenance.equipment"].create(
            {"name": "Other MK4", "machine_kind": "fdm_printer", "company_id": other.id}
        )
        job = self.env["tiers_lieu.print.job"].create(
            {
                "part_name": "Clip",
                "machine_id": machine.id,
                "operator_id": self.lea.partner_id.id,
                "company_id": other.id,
                "date_start": at(MONDAY, 8),
                "date_end": at(MONDAY, 9),
                "state": "done",
            }
        )
        self.assertFalse(self.job_lines(job), "Léa's file is in the first company")
        self.assertEqual(self.lea.month_hours, 0)

    def test_authorization_of_the_evaluation_company(self):
        self.assertEqual(self.lea_proposal.company_id, self.lea.company_id)
        self.assertEqual(self.lea_proposal.granted_date, date(2026, 3, 10))

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_no_link_to_the_evaluation_of_a_trainee_not_followed(self):
        karim_evaluation = self.evaluate(self.karim, self.skill_fdm, self.level_learning)
        Auth = self.env["tiers_lieu.machine.authorization"].with_user(self.trainer)
        with self.assertRaises(AccessError):
            Auth.create(
                {
                    "partner_id": self.karim.partner_id.id,
                    "machine_kind": "fdm_printer",
                    "skill_evaluation_id": karim_evaluation.id,
                }
            )
        yanis_auth = self.env["tiers_lieu.machine.authorization"].search(
            [("partner_id", "=", self.yanis.partner_id.id)]
        )
        with self.assertRaises(AccessError):
            yanis_auth.with_user(self.trainer).write({"skill_evaluation_id": karim_evaluation.id})
        with self.assertRaises(ValidationError) as cm:
            yanis_auth.write({"skill_evaluation_id": self.lea_evaluation.id})
        self.assertIn("same person on the same kind of machine", str(cm.exception))
