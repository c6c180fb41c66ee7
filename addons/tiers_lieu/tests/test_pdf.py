from reportlab.pdfbase import pdfmetrics

from odoo.exceptions import UserError
from odoo.tests import BaseCase, TransactionCase, tagged

from ..lang import company_lang_env
from ..pdf import check_printable, fit_text, missing_glyphs, register_fonts

# One name per script our donors and trainees write with (Latin Extended, Vietnamese).
NAMES = [
    "Nguyễn Thị Hồng",
    "Łukasz Żółć",
    "Řehoř Šťastný",
    "Şükrü Ağaoğlu",
    "Ștefan Țăranu",
    "Zoë Bénédicte Œuvray",
]


@tagged("post_install", "-at_install")
class TestPdfHelpers(BaseCase):
    def test_dejavu_is_registered_once_and_covers_latin_extended(self):
        regular, bold = register_fonts()
        self.assertEqual(register_fonts(), (regular, bold))
        self.assertIn(regular, pdfmetrics.getRegisteredFontNames())
        for font in (regular, bold):
            for name in NAMES:
                self.assertEqual(missing_glyphs(name, font), [], name)

    def test_uncovered_characters_are_named(self):
        self.assertEqual(missing_glyphs("Zhang 张伟"), ["伟", "张"])
        self.assertEqual(missing_glyphs(""), [])
        self.assertEqual(missing_glyphs(None), [])

    def test_text_is_shortened_with_an_ellipsis_to_fit(self):
        regular, _bold = register_fonts()
        self.assertEqual(fit_text("Visière", regular, 10, 200), "Visière")
        self.assertEqual(fit_text(None, regular, 10, 200), "")
        long = "Ouvre-porte mains libres pour établissement de santé"
        short = fit_text(long, regular, 10, 60)
        self.assertTrue(short.endswith("…"))
        self.assertTrue(long.startswith(short[:-1]))
        self.assertLessEqual(pdfmetrics.stringWidth(short, regular, 10), 60)


@tagged("post_install", "-at_install")
class TestPrintableAndLanguage(TransactionCase):
    def test_a_text_the_font_cannot_print_is_refused_with_its_field(self):
        check_printable(self.env, {"Donor": NAMES[0]})
        with self.assertRaisesRegex(UserError, "Donor.*张"):
            check_printable(self.env, {"Donor": "Zhang 张伟"})

    def test_messages_are_written_in_the_company_language(self):
        self.env.company.partner_id.lang = "fr_FR"
        english = self.env(context=dict(self.env.context, lang="en_US"))
        self.assertEqual(company_lang_env(english).lang, "fr_FR")
        self.assertEqual(
            company_lang_env(english)._("Tiers-Lieu > Configuration"), "Tiers-Lieu > Configuration"
        )
        french = self.env(context=dict(self.env.context, lang="fr_FR"))
        self.assertIs(company_lang_env(french), french)
