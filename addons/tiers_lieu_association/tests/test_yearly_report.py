import base64

from freezegun import freeze_time

from odoo.tests import tagged

from .common import TODAY, AssociationCase, pdf_text


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestYearlyReport(AssociationCase):
    def test_yearly_report_pdf_and_csv(self):
        self.record_due(self.claire, self.individual, 50.0)
        self.record_due(self.acme, self.organisation, 100.0)
        grant = self.make_grant()
        self.instalment(grant, 20000.0)
        self.env["tiers_lieu.volunteer.work"].create(
            {
                "partner_id": self.karim.id,
                "kind_id": self.kind_general.id,
                "hours": 10.0,
                "date": "2026-04-01",
            }
        )
        wizard = (
            self.env["tiers_lieu.association.yearly.report"]
            .with_user(self.treasurer)
            .create({"year": 2026})
        )
        wizard.action_generate()
        csv_text = base64.b64decode(wizard.csv_file).decode("utf-8-sig")
        lines = set(csv_text.splitlines())
        self.assertIn("Ressources;Cotisations (756);120.00", lines)
        self.assertIn("Ressources;Dons en numéraire et mécénat (754);30.00", lines)
        self.assertIn("Ressources;Subventions perçues : Région (74);20000.00", lines)
        self.assertIn("Ressources;Bénévolat valorisé (864 / 875);118.80", lines)
        self.assertIn("Activité;Heures de bénévolat;10.00", lines)
        self.assertTrue(any(line.startswith("Déclaration 222 bis;") for line in lines))
        # activity of the other addons when installed (they are in the test database)
        if "tiers_lieu.print.job" in self.env:
            self.assertTrue(any(line.startswith("Activité;Pièces produites;") for line in lines))
        if "tiers_lieu.trainee" in self.env:
            self.assertTrue(any(line.startswith("Activité;Stagiaires entrés;") for line in lines))
        text = pdf_text(base64.b64decode(wizard.pdf_file))
        self.assertIn("Rapport annuel 2026", text)
        self.assertIn("20 000,00", text)
        self.assertIn("aucun reçu fiscal", text)
        annexe = text.split("Annexe")[1]
        self.assertIn("Bénévolat valorisé (864 / 875) 118,80", annexe)
