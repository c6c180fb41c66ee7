from datetime import date

from odoo.tests import tagged
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu_training import pdf
from odoo.addons.tiers_lieu_training.tests.test_statement import pdf_text

from .common import MONDAY, TrainingMachineCase, at


@tagged("post_install", "-at_install")
class TestTraineeFile(TrainingMachineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation = cls.evaluate(
            cls.lea.with_user(cls.trainer), cls.skill_fdm, cls.level_acquired
        )
        cls.fdm = cls.evaluation.machine_authorization_ids
        cls.laser_auth = cls.authorize(
            cls.lea.partner_id, "laser_cutter", granted_date="2024-01-08", state="expired"
        )
        cls.done = cls.ended_job(cls.lea.partner_id, at(MONDAY, 8), at(MONDAY, 10))
        cls.failed = cls.ended_job(
            cls.lea.partner_id, at(MONDAY, 12), at(MONDAY, 12, 30), state="failed"
        )
        cls.other = cls.ended_job(cls.yanis.partner_id, at(MONDAY, 8), at(MONDAY, 9))

    def test_machines_on_the_file(self):
        lea = self.lea.with_user(self.trainer)
        self.assertEqual(lea.machine_authorization_ids, self.fdm | self.laser_auth)
        self.assertEqual(lea.machine_authorization_count, 2)
        self.assertEqual(lea.print_job_ids, self.failed | self.done, "latest first")
        self.assertEqual(lea.print_job_count, 2)
        action = lea.action_view_machine_authorizations()
        self.assertEqual(action["res_model"], "tiers_lieu.machine.authorization")
        listed = self.env[action["res_model"]].with_user(self.trainer).search(action["domain"])
        self.assertEqual(listed, self.fdm | self.laser_auth)
        self.assertEqual(action["context"]["default_partner_id"], self.lea.partner_id.id)
        action = lea.action_view_print_jobs()
        listed = self.env[action["res_model"]].with_user(self.trainer).search(action["domain"])
        self.assertEqual(listed, self.done | self.failed)

    def test_record_sheet_sections(self):
        sections = self.lea._get_livret_sections()
        titles = [section["title"] for section in sections]
        self.assertEqual(titles[-2:], ["Machine authorisations", "Print jobs operated"])
        auths = sections[-2]["rows"]
        self.assertEqual(
            auths,
            [
                [
                    "FDM printer",
                    format_date(self.env, date(2026, 3, 10)),
                    self.trainer.name,
                    format_date(self.env, date(2028, 3, 10)),
                    "Valid",
                ],
                [
                    "Laser cutter",
                    format_date(self.env, date(2024, 1, 8)),
                    self.env.user.name,
                    format_date(self.env, date(2026, 1, 8)),
                    "Expired",
                ],
            ],
        )
        self.assertEqual(
            sections[-1]["rows"], [["FDM printer", "1", "1", pdf.format_number(self.env, 2.5)]]
        )
        self.lea._record_exit(date(2026, 3, 17), "cdi")
        titles = [section["title"] for section in self.lea._get_livret_sections()]
        self.assertEqual(
            titles[-3:], ["Machine authorisations", "Print jobs operated", "Exit"], "exit last"
        )

    def test_printed_sheet_in_french(self):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.trainer)
            .with_context(lang="fr_FR")
            ._render_qweb_pdf("tiers_lieu_training.action_report_trainee_livret", self.lea.ids)
        )
        text = pdf_text(content)
        for expected in (
            "Habilitations machines",
            "Imprimante FDM",
            "Valide",
            "Travaux d'impression réalisés",
            "2,50",
        ):
            self.assertIn(expected, text)

    def test_trainee_without_machines(self):
        sections = self.yanis._get_livret_sections()
        self.assertEqual(sections[-2]["rows"], [])
        self.assertEqual(sections[-2]["empty"], "No machine authorisation.")
        self.assertEqual(
            sections[-1]["rows"], [["FDM printer", "1", "0", pdf.format_number(self.env, 1)]]
        )

    def test_one_duration_format_in_the_file(self):
        # Hours are decimal everywhere in the file (as on the funders' statements): no
        # "03:30" next to "3,50".
        arch = (
            self.env["tiers_lieu.trainee"]
            .with_user(self.trainer)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertNotIn("float_time", arch)
