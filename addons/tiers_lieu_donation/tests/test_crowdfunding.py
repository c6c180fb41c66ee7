import base64

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TODAY, DonationCase


def csv_file(text):
    return base64.b64encode(text.encode("utf-8-sig"))


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestCrowdfundingPool(DonationCase):
    def import_file(self, text, **vals):
        wizard = (
            self.env["tiers_lieu.donation.pool.import"]
            .with_user(self.treasurer)
            .create({"file": csv_file(text), "filename": "export.csv", "name": "Collecte", **vals})
        )
        return self.env["tiers_lieu.donation.pool"].browse(wizard.action_import()["res_id"])

    def test_sample_export_is_imported_with_each_donor(self):
        pool = (
            self.env["tiers_lieu.donation.pool.import"]
            .with_user(self.treasurer)
            ._import_sample("HelloAsso mars 2026", validate=False)
        )
        self.assertEqual(len(pool.line_ids), 10)
        self.assertEqual(pool.count_excluded, 1)  # refunded
        self.assertEqual(pool.count_anonymous, 2)  # asked to stay anonymous, no name
        self.assertEqual(pool.count_identified, 7)
        self.assertAlmostEqual(pool.amount_total, 1770.0)
        refunded = pool.line_ids.filtered("excluded")
        self.assertEqual(refunded.payment_status, "Remboursé")
        company_line = pool.line_ids.filtered("company_name")
        self.assertEqual(company_line.siren, "866240393")
        diallo = pool.line_ids.filtered(lambda line: line.last_name == "Diallo")
        self.assertAlmostEqual(diallo.amount, 1000)

        pool.with_user(self.treasurer).action_validate()
        self.assertEqual(pool.state, "done")
        donations = pool.donation_ids
        self.assertEqual(len(donations), 9)
        self.assertEqual(set(donations.mapped("state")), {"done"})
        self.assertEqual(set(donations.mapped("payment_mode")), {"platform"})
        # the same e-mail twice is one donor with two gifts
        sophie = donations.filtered(lambda d: d.partner_id.email == "sophie.lefevre@example.org")
        self.assertEqual(len(sophie), 2)
        self.assertEqual(len(sophie.partner_id), 1)
        # identified donors with an address are receipted, one receipt each gift
        receipted = donations.filtered("tax_receipt_id")
        self.assertEqual(len(receipted), 5)
        self.assertEqual(set(receipted.tax_receipt_id.mapped("receipt_form")), {"individual"})
        # anonymous gifts: recorded, never receipted
        anonymous = donations.filtered("is_anonymous")
        self.assertEqual(len(anonymous), 2)
        self.assertEqual(anonymous.partner_id, self.company.donation_anonymous_partner_id)
        self.assertEqual(set(anonymous.mapped("tax_receipt_option")), {"none"})
        # incomplete donors are named in the pool, to receipt once completed
        pending = donations.filtered(
            lambda d: d.tax_receipt_option == "each" and not d.tax_receipt_id
        )
        self.assertEqual(
            set(pending.partner_id.mapped("name")), {"Inès Robert", "Imprimerie Fontaine"}
        )
        self.assertIn("Inès Robert", pool.message_ids[0].body)
        fontaine = pending.filtered(lambda d: d.partner_id.is_company)
        fontaine.partner_id.legal_form = "SARL"
        self.env["tiers_lieu.donation.receipt.issue"].with_user(self.treasurer).create(
            {"donation_ids": fontaine.ids}
        ).action_issue()
        self.assertEqual(fontaine.tax_receipt_id.receipt_form, "company")
        # the platform owes the collected gifts until its payout
        platform = self.method["platform"].payment_account_id
        lines = donations.move_id.line_ids.filtered(lambda line: line.account_id == platform)
        self.assertAlmostEqual(sum(lines.mapped("balance")), pool.amount_total)

    def test_an_order_is_imported_once(self):
        text = "Référence commande;Date de la commande;Montant du don\nHA-1;01/03/2026;10,00\n"
        self.import_file(text)
        with self.assertRaises(UserError) as error:
            self.import_file(text)
        self.assertIn("already imported", str(error.exception))

    def test_unreadable_rows_stop_the_import_with_their_line(self):
        cases = {
            "Référence commande;Date de la commande;Montant du don\nHA-1;01/03/2026;abc\n": (
                "Line 2: the amount “abc” is not a positive amount."
            ),
            "Référence commande;Date de la commande;Montant du don\nHA-1;01/03/2026;-5\n": (
                "Line 2: the amount “-5” is not a positive amount."
            ),
            "Référence commande;Date de la commande;Montant du don\nHA-1;le 1er mars;5\n": (
                "Line 2: the date “le 1er mars” is not a date"
            ),
            "Référence;Montant\nHA-1;5\n": "lacks the column(s) “Date de la commande”",
        }
        for text, message in cases.items():
            with self.subTest(message=message), self.assertRaises(UserError) as error:
                self.import_file(text)
            self.assertIn(message, str(error.exception))

    def test_comma_separated_export_in_windows_1252(self):
        text = (
            "Numéro de commande,Date du paiement,Montant,Nom,Prénom,Adresse,Code postal,Ville\n"
            'A-9,2026-03-01 10:00:00,"1 250,50",Léger,Anaïs,1 rue Haute,91000,Évry\n'
        )
        wizard = (
            self.env["tiers_lieu.donation.pool.import"]
            .with_user(self.treasurer)
            .create({"file": base64.b64encode(text.encode("cp1252")), "name": "Collecte"})
        )
        pool = self.env["tiers_lieu.donation.pool"].browse(wizard.action_import()["res_id"])
        line = pool.line_ids
        self.assertEqual((line.reference, line.last_name, line.city), ("A-9", "Léger", "Évry"))
        self.assertAlmostEqual(line.amount, 1250.5)
        self.assertEqual(line.date, self.day("2026-03-01"))
        self.assertTrue(line.identified)
