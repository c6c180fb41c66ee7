from odoo import fields, models

# Natures of account of the compte rendu financier (Cerfa 15059*02): (code, kind, label).
NATURES = [
    ("60", "charge", "60 – Achats"),
    ("61", "charge", "61 – Services extérieurs"),
    ("62", "charge", "62 – Autres services extérieurs"),
    ("63", "charge", "63 – Impôts et taxes"),
    ("64", "charge", "64 – Charges de personnel"),
    ("65", "charge", "65 – Autres charges de gestion courante"),
    ("66", "charge", "66 – Charges financières"),
    ("67", "charge", "67 – Charges exceptionnelles"),
    ("68", "charge", "68 – Dotations aux amortissements, provisions et fonds dédiés"),
    ("86", "charge", "86 – Emplois des contributions volontaires en nature"),
    ("70", "income", "70 – Ventes de produits finis, prestations de services"),
    ("73", "income", "73 – Dotations et produits de tarification"),
    ("74", "income", "74 – Subventions d'exploitation"),
    ("75", "income", "75 – Autres produits de gestion courante"),
    ("76", "income", "76 – Produits financiers"),
    ("77", "income", "77 – Produits exceptionnels"),
    ("78", "income", "78 – Reprises sur amortissements, provisions et fonds dédiés"),
    ("87", "income", "87 – Contributions volontaires en nature"),
]


class TiersLieuGrantBudgetLine(models.Model):
    _name = "tiers_lieu.grant.budget.line"
    _description = "Planned Amount of a Funded Action"
    _order = "grant_id, nature, id"

    grant_id = fields.Many2one("tiers_lieu.grant", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="grant_id.company_id", store=True)
    currency_id = fields.Many2one(related="grant_id.currency_id")
    nature = fields.Selection([(code, label) for code, _kind, label in NATURES], required=True)
    name = fields.Char(string="Detail")
    amount = fields.Monetary(string="Planned", required=True)
