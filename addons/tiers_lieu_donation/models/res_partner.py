from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    legal_form = fields.Char(
        help="Legal form of a company (SA, SAS, SARL, association…), printed on the "
        "sponsorship receipts (2041-MEC-SD).",
    )

    def _update_donor_rank(self):
        # A counter OCA keeps on the donor: validating a donation must not need the right
        # to edit contacts.
        return super(ResPartner, self.sudo())._update_donor_rank()

    def _tl_missing_receipt_identity(self, receipt_form):
        """Labels of the donor's data a receipt of ``receipt_form`` needs and lacks."""
        self.ensure_one()
        missing = []
        if not self.name:
            missing.append(self.env._("name"))
        if not (self.street and self.zip and self.city):
            missing.append(self.env._("full address (street, postcode, city)"))
        if receipt_form == "company":
            if not self.siren:
                missing.append(self.env._("SIREN"))
            if not self.legal_form:
                missing.append(self.env._("legal form"))
        return missing

    def _tl_address_lines(self):
        """Street lines then "postcode city" (and the country when not France)."""
        self.ensure_one()
        lines = [line for line in (self.street, self.street2) if line]
        lines.append(" ".join(part for part in (self.zip, self.city) if part))
        if self.country_id and self.country_id.code != "FR":
            lines.append(self.country_id.name)
        return lines
