from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..identifiers import check_siren, check_siret, compact

# What documents print about the association from its company's partner (receipts,
# statements): as Manager-only as the association identity on the company (issue 11).
COMPANY_IDENTITY_FIELDS = {
    "name",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "country_id",
    "siret",
    "siren",
    "vat",
    "company_registry",
    "parent_id",
    "is_company",
    "active",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    siren = fields.Char(
        string="SIREN",
        compute="_compute_siren",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="9-digit company number; filled from the SIRET when there is one.",
    )

    @api.depends("siret")
    def _compute_siren(self):
        for partner in self:
            if partner.siret:
                partner.siren = compact(partner.siret)[:9]

    @api.constrains("siret", "siren")
    def _check_french_identifiers(self):
        for partner in self:
            label = partner.display_name
            if partner.siret:
                check_siret(self.env, partner.siret, label)
            if partner.siren:
                check_siren(self.env, partner.siren, label)
            if partner.siret and partner.siren and partner.siret[:9] != partner.siren:
                raise ValidationError(
                    self.env._(
                        "%(label)s: the SIREN %(siren)s does not match the SIRET "
                        "%(siret)s, whose first 9 digits are the SIREN.",
                        label=label,
                        siren=partner.siren,
                        siret=partner.siret,
                    )
                )

    @api.model
    def _compact_identifiers(self, vals):
        """Store identifiers without the spaces and dots people type in them."""
        for name in ("siret", "siren"):
            if vals.get(name):
                vals[name] = compact(vals[name])
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._compact_identifiers(dict(vals)) for vals in vals_list])

    def write(self, vals):
        if COMPANY_IDENTITY_FIELDS & set(vals) and not self.env.su:
            companies = self.env["res.company"].sudo().search([("partner_id", "in", self.ids)])
            if companies:
                # Who may not write the company may not change its identity through its
                # partner either (raises Odoo's AccessError).
                self.env["res.company"].browse(companies.ids).check_access("write")
        return super().write(self._compact_identifiers(dict(vals)))
