from odoo import api, fields, models

from ..identifiers import check_rna, compact


class ResCompany(models.Model):
    _inherit = "res.company"

    association_legal_name = fields.Char(
        help="Name as registered (statuts, RNA), printed on receipts and reports.",
    )
    association_object = fields.Text(
        help="Objet social, explicit enough to show the general-interest character; "
        "printed on donation receipts.",
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
