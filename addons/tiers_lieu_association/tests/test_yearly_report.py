import base64

from freezegun import freeze_time

from odoo import Command
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

    def test_activity_figures_of_the_installed_addons(self):
        """The activity of the year, figure by figure, from what the other addons recorded
        in 2026 (other years, drafts and failures left out)."""
        expected = {}
        if "tiers_lieu.print.job" in self.env:
            Job = self.env["tiers_lieu.print.job"]
            for part, state, good, ended in (
                ("Visière", "done", 5, "2026-03-02 10:00:00"),
                ("Ouvre-porte", "done", 7, "2026-11-30 18:00:00"),
                ("Visière", "done", 100, "2025-12-30 10:00:00"),
                ("Support", "failed", 0, "2026-04-01 10:00:00"),
            ):
                Job.create(
                    {
                        "part_name": part,
                        "state": state,
                        "good_quantity": good,
                        "quantity_per_plate": max(good, 1),
                        "date_end": ended,
                    }
                )
            expected["Pièces produites"] = "12"
            expected["Impressions terminées"] = "2"
        order_model = self.env["sale.order"] if "sale.order" in self.env else None
        if order_model is not None and "aid_value" in order_model._fields:
            # a solidarity order of a hospital, its print job costed at 5 h × 2 €/h
            self.company.order_machine_hour_cost = 2.0
            hospital = self.env["res.partner"].create(
                {"name": "CHU Sud Francilien", "is_company": True, "beneficiary_type": "hospital"}
            )
            product = self.env["product.product"].create({"name": "Visière", "type": "consu"})
            order = order_model.create(
                {
                    "partner_id": hospital.id,
                    "order_line": [Command.create({"product_id": product.id, "price_unit": 0})],
                }
            )
            order.action_confirm()
            self.env["tiers_lieu.print.job"].create(
                {
                    "part_name": "Visière",
                    "state": "done",
                    "good_quantity": 3,
                    "quantity_per_plate": 3,
                    "duration_hours": 5.0,
                    "date_end": "2026-05-05 10:00:00",
                    "sale_line_id": order.order_line.id,
                }
            )
            self.assertEqual(order.aid_value, 10.0)
            french = self.env(context=dict(self.env.context, lang="fr_FR"))
            label = dict(order._fields["beneficiary_type"]._description_selection(french))
            expected[f"Aide donnée : {label['hospital']} (1 commande(s))"] = "10.00 €"
            expected["Pièces produites"] = "15"
            expected["Impressions terminées"] = "3"
        if "tiers_lieu.maker.declaration" in self.env:
            expected["Makers bénévoles ayant déclaré des pièces"] = "0"
        if "tiers_lieu.recycling.batch" in self.env:
            material = self.env["tiers_lieu.material"].create({"name": "PLA test", "family": "pla"})
            Factor = self.env["tiers_lieu.material.co2.factor"]
            for kind, value, since in (
                ("virgin", 3.5, "2020-01-01"),
                ("recycled", 0.5, "2020-01-01"),
                ("virgin", 4.0, "2026-05-01"),  # in force for the second batch only
            ):
                Factor.create(
                    {
                        "material_id": material.id,
                        "kind": kind,
                        "value": value,
                        "date_from": since,
                        "source": "test",
                    }
                )
            Batch = self.env["tiers_lieu.recycling.batch"]
            for state, grams, when in (
                ("done", 2000.0, "2026-03-01 10:00:00"),  # 2 kg × (3.5 − 0.5) = 6.0
                ("done", 1000.0, "2026-06-01 10:00:00"),  # 1 kg × (4.0 − 0.5) = 3.5
                ("draft", 5000.0, "2026-07-01 10:00:00"),
                ("done", 3000.0, "2025-07-01 10:00:00"),
            ):
                Batch.create(
                    {
                        "material_id": material.id,
                        "state": state,
                        "output_grams": grams,
                        "date": when,
                    }
                )
            expected["Filament recyclé (kg)"] = "3.000"
            expected["CO2 évité (kg CO2e)"] = "9.50"
        Work = self.env["tiers_lieu.volunteer.work"]
        for partner, hours, when in (
            (self.claire, 3.0, "2026-02-01"),
            (self.karim, 2.5, "2026-05-01"),
            (self.claire, 1.0, "2026-09-01"),
            (self.karim, 8.0, "2025-09-01"),
        ):
            Work.create(
                {
                    "partner_id": partner.id,
                    "kind_id": self.kind_general.id,
                    "hours": hours,
                    "date": when,
                }
            )
        expected["Bénévoles et makers actifs"] = "2"
        expected["Heures de bénévolat"] = "6.50"

        wizard = (
            self.env["tiers_lieu.association.yearly.report"]
            .with_user(self.treasurer)
            .create({"year": 2026})
        )
        wizard.action_generate()
        csv_text = base64.b64decode(wizard.csv_file).decode("utf-8-sig")
        activity = {
            line.split(";")[1]: line.split(";")[2]
            for line in csv_text.splitlines()
            if line.startswith("Activité;")
        }
        self.assertEqual({label: activity.get(label) for label in expected}, expected)
        text = pdf_text(base64.b64decode(wizard.pdf_file))
        for label, value in expected.items():
            # the PDF prints them the French way (decimal comma)
            self.assertIn(f"{label} {value.replace('.', ',')}", text)
