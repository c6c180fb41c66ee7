from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_collection_point = fields.Boolean(
        string="Collection Point",
        index=True,
        help="Makers drop their boxes of parts here (a shop, a town hall, a fablab).",
    )
    collection_opening_hours = fields.Char(
        string="Opening Hours", help="When makers may drop their parts, e.g. Mon-Sat 9h-18h."
    )
    collection_contact_id = fields.Many2one(
        "res.partner", string="Collection Contact", help="Who receives the boxes there."
    )
    commune_id = fields.Many2one(
        "tiers_lieu.commune",
        string="Commune (INSEE)",
        compute="_compute_commune_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="Found from the postcode and the city in the table of communes; gives the "
        "partner's coordinates.",
    )
    # Same fields as Odoo's base_geolocalize (compatible if it is installed), filled here
    # from the commune table, with no network geocoder.
    partner_latitude = fields.Float(
        string="Geo Latitude",
        digits=(10, 7),
        compute="_compute_partner_coordinates",
        store=True,
        readonly=False,
    )
    partner_longitude = fields.Float(
        string="Geo Longitude",
        digits=(10, 7),
        compute="_compute_partner_coordinates",
        store=True,
        readonly=False,
    )

    @api.depends("zip", "city", "country_id")
    def _compute_commune_id(self):
        Commune = self.env["tiers_lieu.commune"].sudo()
        france = self.env.ref("base.fr", raise_if_not_found=False)
        french = self.filtered(lambda p: not p.country_id or p.country_id == france)
        found = Commune._match_many({(p.zip, p.city) for p in french if p.zip or p.city})
        for partner in self:
            partner.commune_id = (
                found.get((partner.zip, partner.city)) if partner in french else False
            )

    @api.depends("commune_id")
    def _compute_partner_coordinates(self):
        for partner in self:
            commune = partner.commune_id.sudo()
            # An address out of the table has no coordinates (they may be typed in).
            partner.partner_latitude = commune.latitude if commune else 0.0
            partner.partner_longitude = commune.longitude if commune else 0.0

    def _coordinates(self):
        """(latitude, longitude) of this partner, None when unknown (0, 0 is the sea)."""
        self.ensure_one()
        if not (self.partner_latitude or self.partner_longitude):
            return None
        return (self.partner_latitude, self.partner_longitude)
