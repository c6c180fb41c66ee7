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
    def _match_many(self, places):
        """{(postcode, city): commune} for these (postcode, city) pairs, in one query: the
        commune of the postcode whose name matches the city, else the postcode's first,
        else the city's (by name); an empty record when none."""
        zips = {(zip_code or "").strip() for zip_code, _city in places} - {""}
        names = {normalize_commune(city) for _zip, city in places} - {""}
        communes = (
            self.search(["|", ("zip", "in", list(zips)), ("search_name", "in", list(names))])
            if zips or names
            else self.browse()
        )
        by_zip, by_name = {}, {}
        for commune in communes:  # ordered by name, zip
            by_zip.setdefault(commune.zip, []).append(commune)
            by_name.setdefault(commune.search_name, commune)
        result = {}
        for zip_code, city in places:
            key_zip, name = (zip_code or "").strip(), normalize_commune(city)
            candidates = by_zip.get(key_zip, [])
            same = [c for c in candidates if c.search_name == name]
            found = (same or candidates)[:1] or [by_name.get(name)]
            result[(zip_code, city)] = found[0] or self.browse()
        return result

    @api.model
    def _match(self, zip_code, city):
        """The commune of a postcode and a commune name (see :meth:`_match_many`)."""
        return self._match_many([(zip_code, city)])[(zip_code, city)]
