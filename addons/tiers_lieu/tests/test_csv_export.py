from odoo.tests import TransactionCase, tagged

from odoo.addons.tiers_lieu.csv_export import neutralize_cell, write_rows


@tagged("post_install", "-at_install")
class TestCsvExport(TransactionCase):
    def test_formula_cells_are_neutralised(self):
        for text in ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"):
            self.assertEqual(neutralize_cell(text), "'" + text)

    def test_plain_text_and_numbers_are_kept(self):
        self.assertEqual(neutralize_cell("Dupont"), "Dupont")
        self.assertEqual(neutralize_cell(-12.5), -12.5)
        self.assertEqual(neutralize_cell(None), "")

    def test_rows_are_french_spreadsheet_csv(self):
        content = write_rows([["=1+1", 3]], header=["Nom", "Montant"])
        self.assertEqual(content, "Nom;Montant\r\n'=1+1;3\r\n")
