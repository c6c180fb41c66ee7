from reportlab.pdfbase import pdfmetrics

from odoo.tests import BaseCase, tagged

from ..pdf import fit_text, register_fonts


@tagged("post_install", "-at_install")
class TestPdfHelpers(BaseCase):
    def test_lato_is_registered_once_with_french_accents(self):
        regular, bold = register_fonts()
        self.assertEqual(register_fonts(), (regular, bold))
        self.assertIn(regular, pdfmetrics.getRegisteredFontNames())
        font = pdfmetrics.getFont(bold)
        self.assertIn(ord("é"), font.face.charToGlyph)

    def test_text_is_shortened_with_an_ellipsis_to_fit(self):
        regular, _bold = register_fonts()
        self.assertEqual(fit_text("Visière", regular, 10, 200), "Visière")
        self.assertEqual(fit_text(None, regular, 10, 200), "")
        long = "Ouvre-porte mains libres pour établissement de santé"
        short = fit_text(long, regular, 10, 60)
        self.assertTrue(short.endswith("…"))
        self.assertTrue(long.startswith(short[:-1]))
        self.assertLessEqual(pdfmetrics.stringWidth(short, regular, 10), 60)
