import base64
import io
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.pdf import PdfReader

from .common import TrainingCase


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@tagged("post_install", "-at_install")
class TestHoursStatement(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {"association_legal_name": "Val Solidaire", "siret": "73282932000074"}
        )
        cls.fatou = cls.create_trainee("Fatou Diallo")
        cls.fatou_path = cls.add_path(cls.cddi_vals(cls.fatou, weekly_hours=26))
        cls.log_hours(cls.fatou, date(2026, 2, 2), 7, "production")
        cls.log_hours(cls.fatou, date(2026, 2, 3), 3.5, "training")
        cls.log_hours(cls.fatou, date(2026, 2, 4), 1.25, "support")
        cls.log_hours(cls.fatou, date(2026, 3, 2), 7, "production")  # next month
        # Starts mid-February, no hours yet: still declared, prorated.
        cls.karim = cls.create_trainee("Karim Benslimane")
        cls.karim_path = cls.add_path(
            cls.cddi_vals(
                cls.karim, start=date(2026, 2, 15), end=date(2027, 2, 14), weekly_hours=20
            )
        )
        # Funded by the OPCO: not on the ASP statement.
        cls.lea = cls.create_trainee("Léa Martin")
        cls.add_path(cls.apprenticeship_vals(cls.lea))
        cls.log_hours(cls.lea, date(2026, 2, 2), 7, "production")

    def new_statement(self, **vals):
        return (
            self.env["tiers_lieu.hours.statement"]
            .with_user(self.insertion_manager)
            .create({"month": date(2026, 2, 17), "funder_kind": "asp", **vals})
        )

    def test_lines_of_the_month(self):
        statement = self.new_statement()
        self.assertEqual(statement.month, date(2026, 2, 1))
        self.assertEqual(statement.date_to, date(2026, 2, 28))
        statement.action_compute_lines()
        self.assertEqual(statement.line_ids.trainee_id, self.fatou | self.karim)
        fatou = statement.line_ids.filtered(lambda line: line.trainee_id == self.fatou)
        self.assertEqual(
            (fatou.production_hours, fatou.training_hours, fatou.support_hours, fatou.total_hours),
            (7, 3.5, 1.25, 11.75),
        )
        self.assertAlmostEqual(fatou.contract_hours, 26 * 52 / 12, places=2)
        karim = statement.line_ids.filtered(lambda line: line.trainee_id == self.karim)
        self.assertAlmostEqual(karim.contract_hours, 20 * 52 / 12 * 14 / 28, places=2)
        self.assertEqual(karim.total_hours, 0)
        self.assertTrue(karim.still_supported)
        self.assertAlmostEqual(statement.done_hours, 11.75)

    def test_statement_of_one_funder(self):
        other = self.env["res.partner"].create({"name": "Other ASP office"})
        self.karim_path.funder_id = other
        statement = self.new_statement(funder_id=self.asp.id)
        statement.action_compute_lines()
        self.assertEqual(statement.line_ids.trainee_id, self.fatou)

    def test_issue_gives_pdf_and_csv(self):
        statement = self.new_statement().with_context(lang="fr_FR")
        statement.action_issue()
        self.assertEqual(statement.state, "done")
        self.assertEqual(statement.pdf_filename, "2026-02-asp.pdf")
        text = pdf_text(base64.b64decode(statement.pdf_file))
        self.assertIn("Val Solidaire", text)
        self.assertIn("73282932000074", text)
        self.assertIn("Relevé mensuel d'heures", text)
        self.assertIn("février 2026", text)
        self.assertIn("Fatou Diallo", text)
        self.assertIn("11,75", text)
        csv_text = base64.b64decode(statement.csv_file).decode("utf-8-sig")
        lines = csv_text.splitlines()
        self.assertEqual(lines[0].split(";")[0], "Apprenant")
        fatou = next(line for line in lines if line.startswith("Fatou Diallo"))
        self.assertEqual(fatou.split(";")[2:8], ["112,67", "7,00", "3,50", "1,25", "11,75", "Oui"])
        self.assertTrue(lines[-1].startswith("Total"))

    def test_issued_statement_is_locked(self):
        statement = self.new_statement()
        statement.action_issue()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            statement.unlink()
        with self.assertRaisesRegex(UserError, "cannot change"):
            statement.funder_kind = "opco"
        with self.assertRaisesRegex(UserError, "issue a correction"):
            statement.action_compute_lines()
        with self.assertRaisesRegex(UserError, "cannot change"):
            statement.write({"pdf_file": False})
        with self.assertRaisesRegex(UserError, "cannot change"):
            statement.state = "draft"
        with self.assertRaisesRegex(UserError, "lines of an issued statement"):
            statement.line_ids[:1].training_hours = 99.0
        with self.assertRaisesRegex(UserError, "lines of an issued statement"):
            statement.line_ids[:1].unlink()

    def test_print_menu_gives_the_issued_pdf(self):
        statement = self.new_statement()
        statement.action_compute_lines()
        report = self.env["ir.actions.report"].with_user(self.insertion_manager)
        name = "tiers_lieu_training.action_report_hours_statement"
        draft, _kind = report._render_qweb_pdf(name, statement.ids)
        self.assertIn("Fatou Diallo", pdf_text(draft))
        statement.action_issue()
        issued, _kind = report._render_qweb_pdf(name, statement.ids)
        self.assertEqual(issued, base64.b64decode(statement.pdf_file))
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.trainer)._render_qweb_pdf(
                name, statement.ids
            )

    def test_issued_files_cannot_be_changed_through_their_attachments(self):
        statement = self.new_statement()
        statement.action_issue()
        files = (
            self.env["ir.attachment"]
            .with_user(self.insertion_manager)
            .search(
                [
                    ("res_model", "=", statement._name),
                    ("res_id", "=", statement.id),
                    ("res_field", "in", ["pdf_file", "csv_file"]),
                ]
            )
        )
        self.assertEqual(len(files), 2)
        csv_file = files.filtered(lambda a: a.res_field == "csv_file")
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            csv_file.write({"raw": b"Fatou Diallo;0;0;0;0;0"})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            files.filtered(lambda a: a.res_field == "pdf_file").unlink()
        self.assertEqual(len(files.sudo().exists()), 2)
        self.assertTrue(base64.b64decode(statement.csv_file).startswith(b"\xef\xbb\xbf"))
        # The chatter stays open on an issued statement.
        statement.message_post(body="Envoyé à l'ASP", message_type="comment")

    def test_csv_cells_are_neutralised(self):
        self.fatou.partner_id.name = '=HYPERLINK("http://evil.example","Fatou")'
        statement = self.new_statement()
        statement.action_issue()
        csv_text = base64.b64decode(statement.csv_file).decode("utf-8-sig")
        self.assertIn('\r\n"\'=HYPERLINK(""http://evil.example"",""Fatou"")";', csv_text)
        self.assertNotIn('\r\n"=HYPERLINK', csv_text)

    def test_a_correction_replaces_the_issued_statement_and_keeps_it(self):
        statement = self.new_statement()
        statement.action_issue()
        issued_pdf = statement.pdf_file
        action = statement.action_correct()
        correction = self.env["tiers_lieu.hours.statement"].browse(action["res_id"])
        self.assertEqual(statement.state, "replaced")
        self.assertEqual(statement.pdf_file, issued_pdf)
        self.assertEqual((correction.state, correction.replaces_id), ("draft", statement))
        self.assertEqual(correction.month, statement.month)
        self.assertEqual(len(correction.line_ids), len(statement.line_ids))
        correction.line_ids[:1].support_hours += 2.0
        correction.action_issue()
        self.assertEqual(correction.state, "done")
        self.assertAlmostEqual(correction.done_hours, statement.done_hours + 2.0)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            statement.unlink()
        with self.assertRaisesRegex(UserError, "Only an issued statement"):
            statement.action_correct()
        with self.assertRaisesRegex(ValidationError, "already a statement"):
            self.new_statement()

    def test_empty_month_cannot_be_issued(self):
        statement = self.new_statement(month=date(2025, 6, 1))
        with self.assertRaisesRegex(UserError, "nothing to state"):
            statement.action_issue()

    def test_one_statement_per_month_and_funder(self):
        self.new_statement()
        with self.assertRaisesRegex(ValidationError, "already a statement"):
            self.new_statement(month=date(2026, 2, 3))

    def test_statement_lines_are_batched(self):
        statement = self.new_statement()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        statement._prepare_lines()
        queries = self.cr.sql_log_count - before
        for index in range(10):
            trainee = self.create_trainee(f"More {index}")
            self.add_path(self.cddi_vals(trainee, pass_number=f"9999926000{index:02d}"))
            self.log_hours(trainee, date(2026, 2, 10), 7, "production")
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            lines = statement._prepare_lines()
        self.assertEqual(len(lines), 12)
