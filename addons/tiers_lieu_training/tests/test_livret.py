from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TrainingCase
from .test_statement import pdf_text


@tagged("post_install", "-at_install")
class TestRecordSheet(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainee = cls.create_trainee("Léa Martin")
        cls.add_path(cls.apprenticeship_vals(cls.trainee))
        cls.log_hours(cls.trainee, date(2026, 3, 16), 7, "production")
        cls.log_hours(cls.trainee, date(2026, 2, 9), 3, "training")
        cls.evaluate(cls.trainee, cls.skill_fdm, cls.level_acquired)

    def test_sections_hold_paths_hours_and_skills(self):
        sections = {s["title"]: s for s in self.trainee._get_livret_sections()}
        # Glue addons (the machine park) may add their sections after these.
        self.assertEqual(
            list(sections)[:4], ["Paths", "Hours done", "Skills", "Progress per block"]
        )
        self.assertEqual(sections["Paths"]["rows"][0][0], "Apprenticeship")
        self.assertEqual(len(sections["Hours done"]["rows"]), 2)
        fdm = next(r for r in sections["Skills"]["rows"] if r[1] == "Run an FDM printer")
        self.assertEqual(fdm[2:], ["Acquired", "10/03/2026", "Yes"])
        produce = next(r for r in sections["Progress per block"]["rows"] if "BC02" in r[0])
        self.assertEqual(produce[1:], ["1 / 1", "100,00 %"])

    def test_printed_sheet(self):
        trainee = self.trainee.with_user(self.trainer).with_context(lang="fr_FR")
        Attachment = self.env["ir.attachment"].with_context(skip_res_field_check=True)
        attachments = Attachment.search_count([])
        action = trainee.action_print_livret()
        self.assertEqual(
            (action["type"], action["report_name"]),
            ("ir.actions.report", "tiers_lieu_training.trainee_livret"),
        )
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.trainer)
            .with_context(lang="fr_FR")
            ._render_qweb_pdf("tiers_lieu_training.action_report_trainee_livret", trainee.ids)
        )
        self.assertEqual(kind, "pdf")
        text = pdf_text(content)
        for expected in ("Livret", "Léa Martin", "Apprentissage", "Run an FDM printer", "Acquired"):
            self.assertIn(expected, text)
        self.assertNotIn("NIR", text)
        # Personal data: printing never leaves a copy behind.
        self.assertEqual(Attachment.search_count([]), attachments)

    def test_only_who_reads_the_file_prints_it(self):
        report = self.env["ir.actions.report"].with_user(self.other_trainer)
        with self.assertRaises(AccessError):
            report._render_qweb_pdf(
                "tiers_lieu_training.action_report_trainee_livret", self.trainee.ids
            )

    def test_exit_appears_on_the_sheet(self):
        self.trainee._record_exit(date(2026, 3, 17), "cdi")
        sections = self.trainee._get_livret_sections()
        self.assertEqual(sections[-1]["title"], "Exit")
        self.assertIn("Sustainable employment", sections[-1]["paragraphs"][0])
