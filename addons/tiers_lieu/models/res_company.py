from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..identifiers import check_rna, compact

# Beneficiary categories of the donation receipt (Cerfa 11580*05, "Organisme bénéficiaire").
ASSOCIATION_CATEGORIES = [
    ("general_interest", "Charity or organisation of general interest"),
    ("public_utility", "Association or foundation recognised of public utility"),
    ("corporate_foundation", "Corporate foundation"),
    ("higher_education", "Non-profit higher or artistic education establishment"),
    ("research", "Non-profit research establishment"),
    ("insertion_workshop", "Insertion workshop and site (ACI)"),
    ("intermediate_association", "Intermediate association (AI)"),
    ("insertion_company", "Insertion company or temporary work insertion company"),
    ("adapted_company", "Adapted company (entreprise adaptée)"),
    ("other", "Other organisation"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    association_legal_name = fields.Char(
        help="Name as registered (statuts, RNA), printed on receipts and reports.",
    )
    association_object = fields.Text(
        help="Objet social, explicit enough to show the general-interest character; "
        "printed on donation receipts.",
    )
    association_category = fields.Selection(
        ASSOCIATION_CATEGORIES,
        help="Category ticked on donation receipts.",
    )
    association_category_other = fields.Char(
        string="Other Category",
        help="Wording of the category when it is not in the list.",
    )
    association_public_utility_date = fields.Date(
        string="Public Utility Decree Date",
        help="Date of the decree recognising the association of public utility.",
    )
    association_public_utility_journal_date = fields.Date(
        string="Official Journal Date",
        help="Date the public-utility decree was published in the Journal officiel.",
    )
    association_rna = fields.Char(
        string="RNA Number",
        help="Répertoire national des associations: W followed by 9 characters. "
        "Associations of Alsace-Moselle have none and give their SIREN instead.",
    )
    siren = fields.Char(related="partner_id.siren", readonly=False)
    signatory_name = fields.Char(help="Person who signs receipts and certificates.")
    signatory_title = fields.Char(help="Role of the signatory, e.g. President, Treasurer.")
    signatory_signature = fields.Image(
        max_width=600,
        max_height=300,
        # A scanned signature is not public (issue 11): documents read it through sudo().
        groups="tiers_lieu.group_treasurer,tiers_lieu.group_manager",
        help="Scanned signature printed on receipts (a printed signature is accepted).",
    )

    @api.constrains("association_rna")
    def _check_association_rna(self):
        for company in self.filtered("association_rna"):
            check_rna(self.env, company.association_rna, company.name)

    @api.constrains(
        "association_category",
        "association_category_other",
        "association_public_utility_date",
        "association_public_utility_journal_date",
    )
    def _check_association_category(self):
        for company in self:
            category = company.association_category
            if category == "other" and not company.association_category_other:
                raise ValidationError(
                    self.env._(
                        "%(company)s: give the wording of the organisation category "
                        "when you choose “Other organisation”.",
                        company=company.name,
                    )
                )
            if category == "public_utility" and not (
                company.association_public_utility_date
                and company.association_public_utility_journal_date
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s: an association recognised of public utility must give "
                        "the date of its decree and of its publication in the Journal officiel.",
                        company=company.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("association_rna"):
                vals["association_rna"] = compact(vals["association_rna"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("association_rna"):
            vals = dict(vals, association_rna=compact(vals["association_rna"]))
        return super().write(vals)

    def action_open_association_identity(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Association"),
            "res_model": "res.company",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("tiers_lieu.res_company_view_form_association").id, "form")],
            "target": "current",
        }
