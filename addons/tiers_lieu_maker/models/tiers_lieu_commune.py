import math
import unicodedata

from odoo import api, fields, models

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1, lon1, lat2, lon2):
    """Great-circle (haversine) distance in km between two points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def normalize_commune(name):
    """Lower case, no accents, hyphens and apostrophes as spaces: "Épinay-sous-Sénart" and
    "EPINAY SOUS SENART" are the same commune."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    for char in "-'’":
        text = text.replace(char, " ")
    return " ".join(text.split())


class TiersLieuCommune(models.Model):
    """A French commune with its INSEE code, a postcode and the coordinates of its centre:
    partners get their latitude and longitude from it, with no call to a geocoder."""

    _name = "tiers_lieu.commune"
    _description = "Commune"
    _order = "name, zip"
    _rec_names_search = ["name", "zip", "insee_code"]

    name = fields.Char(required=True, index=True)
    search_name = fields.Char(compute="_compute_search_name", store=True, index=True)
    insee_code = fields.Char(string="INSEE Code", required=True, index=True, size=5)
    zip = fields.Char(string="Postcode", required=True, index=True)
    latitude = fields.Float(digits=(10, 7), required=True)
    longitude = fields.Float(digits=(10, 7), required=True)

    _sql_constraints = [
        ("insee_zip_uniq", "unique(insee_code, zip)", "This commune already has this postcode."),
        (
            "coordinates_valid",
            "CHECK(latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)",
            "A latitude lies between -90 and 90, a longitude between -180 and 180.",
        ),
    ]

    @api.depends("name")
    def _compute_search_name(self):
        for commune in self:
            commune.search_name = normalize_commune(commune.name)

    @api.depends("name", "zip")
    def _compute_display_name(self):
        for commune in self:
            commune.display_name = f"{commune.name} ({commune.zip})"

    @api.model
    def _match(self, zip_code, city):
        """The commune of a postcode and a commune name: both if they match, else the
        postcode's (alone or the first), else the name's; empty if none."""
        zip_code = (zip_code or "").strip()
        name = normalize_commune(city)
        if zip_code:
            communes = self.search([("zip", "=", zip_code)])
            same = communes.filtered(lambda c: c.search_name == name)
            if same or communes:
                return (same or communes)[:1]
        if name:
            return self.search([("search_name", "=", name)], limit=1)
        return self.browse()
