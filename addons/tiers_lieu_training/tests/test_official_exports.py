from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import TrainingCase
from .test_apprenticeship import read_csv


@tagged("post_install", "-at_install")
class TestOfficialExports(TrainingCase):
    """ASP monthly IAE statement and PASS IAE list: all or nothing, trainers' own files."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.france_travail = cls.env["res.partner"].create(
            {"name": "France Travail Évry", "is_company": True}
        )
        cls.fatou = cls.create_trainee("Fatou Diallo")
        cls.fatou_path = cls.add_path(
            cls.cddi_vals(cls.fatou, pass_prescriber_id=cls.france_travail.id)
        )
        cls.log_hours(cls.fatou, date(2026, 2, 2), 7, "production")
        cls.log_hours(cls.fatou, date(2026, 2, 3), 3.5, "training")
        cls.log_hours(cls.fatou, date(2026, 2, 4), 1.25, "support")
        cls.log_hours(cls.fatou, date(2026, 3, 2), 7, "production")  # next month
        # Starts mid-February, no hours yet: declared "still supported".
        cls.karim = cls.create_trainee("Karim Benslimane")
        cls.karim_path = cls.add_path(
            cls.cddi_vals(
                cls.karim,
                start=date(2026, 2, 15),
                end=date(2027, 2, 14),
                pass_number="999992600042",
                pass_prescriber_id=cls.france_travail.id,
            )
        )
        # An apprentice: neither on the IAE statement nor on the PASS list.
        cls.lea = cls.create_trainee("Léa Martin")
        cls.add_path(cls.apprenticeship_vals(cls.lea))

    def export(self, kind, user=None, month=date(2026, 2, 17)):
        wizard = (
            self.env["tiers_lieu.training.export"]
            .with_user(user or self.trainer)
            .with_context(lang="fr_FR")
            .create({"kind": kind, "month": month})
        )
        wizard.action_export()
        return wizard

    def test_asp_monthly_statement(self):
        wizard = self.export("asp_monthly")
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.filename, "asp-etat-mensuel-2026-02.csv")
        header, *rows = read_csv(wizard)
        self.assertEqual(
            header,
            [
                "Mois",
                "Numéro de PASS IAE",
                "Apprenant",
                "Début du contrat",
                "Fin du contrat",
                "Heures travaillées",
                "Dont production",
                "Dont formation",
                "Dont accompagnement",
                "Toujours accompagné",
                "Date de sortie",
                "Motif de sortie",
            ],
        )
        self.assertEqual(
            rows,
            [
                [
                    "2026-02",
                    "999992500017",
                    "Fatou Diallo",
                    "2025-10-01",
                    "2026-09-30",
                    "11,75",
                    "7,00",
                    "3,50",
                    "1,25",
                    "Non",
                    "",
                    "",
                ],
                [
                    "2026-02",
                    "999992600042",
                    "Karim Benslimane",
                    "2026-02-15",
                    "2027-02-14",
                    "0,00",
                    "0,00",
                    "0,00",
                    "0,00",
                    "Oui",
                    "",
                    "",
                ],
            ],
        )

    def test_exit_of_the_month_is_declared(self):
        self.karim._record_exit(date(2026, 2, 27), "cdi")
        rows = read_csv(self.export("asp_monthly"))[1:]
        karim = next(row for row in rows if row[2] == "Karim Benslimane")
        self.assertEqual(karim[9:], ["Non", "2026-02-27", "CDI"])

    def test_a_trainee_left_out_blocks_the_whole_file(self):
        sam = self.create_trainee("Sam Petit")
        # A PASS IAE started long before the contract: over since the end of 2025.
        self.add_path(
            self.cddi_vals(
                sam,
                start=date(2025, 12, 1),
                end=date(2026, 11, 30),
                pass_number="999992300099",
                pass_date_start=date(2023, 12, 1),
            )
        )
        wizard = self.export("asp_monthly")
        self.assertEqual(wizard.state, "blocked")
        self.assertFalse(wizard.file)
        self.assertEqual(
            wizard.report, "Sam Petit : le PASS IAE a pris fin le 30/11/2025, avant le mois."
        )
        # A file whose PASS IAE number was lost (imported, anonymised): left out as well.
        self.env.cr.execute(
            "UPDATE tiers_lieu_trainee_path SET pass_number = NULL WHERE id = %s",
            [self.fatou_path.id],
        )
        self.fatou_path.invalidate_recordset(["pass_number"])
        report = self.export("asp_monthly").report.splitlines()
        self.assertEqual(report[0], "Fatou Diallo : pas de numéro de PASS IAE.")
        self.assertEqual(len(report), 2)

    def test_pass_list(self):
        self.env["tiers_lieu.pass.suspension"].create(
            {
                "path_id": self.fatou_path.id,
                "date_start": date(2026, 1, 5),
                "date_end": date(2026, 1, 14),
                "reason": "sickness",
            }
        )
        self.karim_path.pass_prescriber_id = False
        wizard = self.export("pass_list")
        self.assertEqual(wizard.state, "blocked")
        self.assertEqual(wizard.report, "Karim Benslimane : le prescripteur du PASS IAE manque.")
        self.karim_path.pass_prescriber_id = self.france_travail
        wizard = self.export("pass_list")
        self.assertEqual(wizard.state, "done")
        header, *rows = read_csv(wizard)
        self.assertEqual(header[0], "Numéro de PASS IAE")
        self.assertEqual(
            rows[0],
            [
                "999992500017",
                "Fatou Diallo",
                "2025-10-01",
                "2027-09-30",
                "2027-10-10",
                "10",
                "0",
                "France Travail Évry",
            ],
        )
        self.assertEqual([row[1] for row in rows], ["Fatou Diallo", "Karim Benslimane"])

    def test_other_trainer_exports_only_their_trainees(self):
        with self.assertRaisesRegex(UserError, "Rien à exporter"):
            self.export("asp_monthly", user=self.other_trainer)
        self.karim.trainer_id = self.other_trainer
        rows = read_csv(self.export("asp_monthly", user=self.other_trainer))[1:]
        self.assertEqual([row[2] for row in rows], ["Karim Benslimane"])

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_staff_and_treasurer_are_refused(self):
        for user in (self.staff, self.treasurer):
            with self.assertRaises(AccessError):
                self.export("asp_monthly", user=user)
            with self.assertRaises(AccessError):
                self.export("pass_list", user=user)

    def test_export_from_the_form(self):
        Export = self.env["tiers_lieu.training.export"].with_user(self.trainer)
        with Form(Export.with_context(lang="fr_FR")) as form:
            form.kind = "pass_list"
            form.month = date(2026, 2, 1)
        wizard = form.record
        action = wizard.action_export()
        self.assertEqual((action["res_id"], wizard.state), (wizard.id, "done"))
        self.assertEqual(wizard.filename, "pass-iae-2026-02.csv")
