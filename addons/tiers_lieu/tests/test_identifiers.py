from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from odoo.addons.tiers_lieu.identifiers import check_nir

from .common import TiersLieuCase

VALID_SIRET = "73282932000074"  # the example of python-stdnum and INSEE


@tagged("post_install", "-at_install")
class TestFrenchIdentifiers(TiersLieuCase):
    def test_valid_siret_is_compacted_and_gives_the_siren(self):
        partner = self.env["res.partner"].create(
            {"name": "Hôpital Sud", "is_company": True, "siret": "732 829 320 00074"}
        )
        self.assertEqual(partner.siret, VALID_SIRET)
        self.assertEqual(partner.siren, "732829320")

    def test_siren_alone_is_accepted(self):
        partner = self.env["res.partner"].create(
            {"name": "Lycée Nord", "is_company": True, "siren": "732.829.320"}
        )
        self.assertEqual(partner.siren, "732829320")
        self.assertFalse(partner.siret)

    def test_invalid_siret_is_refused_with_the_expected_form(self):
        with self.assertRaisesRegex(ValidationError, r"SIRET “73282932000075”.*14 digits"):
            self.env["res.partner"].create(
                {"name": "Typo SARL", "is_company": True, "siret": "73282932000075"}
            )

    def test_short_siret_is_refused(self):
        partner = self.env["res.partner"].create({"name": "Short", "is_company": True})
        with self.assertRaisesRegex(ValidationError, "Short: the SIRET"):
            partner.siret = "7328293200007"

    def test_invalid_siren_is_refused(self):
        with self.assertRaisesRegex(ValidationError, r"SIREN “732829321”.*9 digits"):
            self.env["res.partner"].create({"name": "Bad", "siren": "732829321"})

    def test_siren_must_match_the_siret(self):
        partner = self.env["res.partner"].create(
            {"name": "Mixed", "is_company": True, "siret": VALID_SIRET}
        )
        with self.assertRaisesRegex(ValidationError, "does not match the SIRET"):
            partner.siren = "443121975"  # valid SIREN of another company

    def test_form_fills_the_siren_from_the_siret(self):
        with Form(self.env["res.partner"]) as form:
            form.name = "Clinique Est"
            form.company_type = "company"
            form.siret = VALID_SIRET
            self.assertEqual(form.siren, "732829320")
        self.assertEqual(form.record.siren, "732829320")

    def test_error_is_translated_in_french(self):
        partner = self.env["res.partner"].create({"name": "Asso", "is_company": True})
        with self.assertRaisesRegex(ValidationError, "n'est pas valide"):
            partner.with_context(lang="fr_FR").siret = "12345678901234"

    def test_nir_is_compacted_and_checked(self):
        self.assertEqual(check_nir(self.env, "2 95 10 99 126 111 93", "Ana"), "295109912611193")
        self.assertEqual(check_nir(self.env, "253072B07300470", "Corsica"), "253072B07300470")
        with self.assertRaisesRegex(ValidationError, r"Ana: the social security number.*15"):
            check_nir(self.env, "295109912611194", "Ana")
