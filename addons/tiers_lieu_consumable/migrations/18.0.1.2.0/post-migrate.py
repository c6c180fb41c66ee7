from odoo import SUPERUSER_ID, api

# stock.location's name is not translatable and the data file is noupdate: rename the
# locations created in English, unless someone renamed them already.
FRENCH_NAMES = {
    "tiers_lieu_consumable.stock_location_print_consumption": (
        "Print Consumption",
        "Consommation des impressions",
    ),
    "tiers_lieu_consumable.stock_location_offcut": ("Offcuts to Recycle", "Chutes à recycler"),
}


def migrate(cr, version):
    """Give the virtual locations of print jobs their French names."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, (english, french) in FRENCH_NAMES.items():
        location = env.ref(xmlid, raise_if_not_found=False)
        if location and location.name == english:
            location.name = french
