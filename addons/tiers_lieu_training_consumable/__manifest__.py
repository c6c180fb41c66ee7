{
    "name": "Tiers-Lieu Training Consumables",
    "version": "18.0.1.0.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "The filament of practice print jobs is booked to a training consumption "
    "location, not to the production consumption",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    "depends": ["tiers_lieu_training_session", "tiers_lieu_consumable"],
    "data": ["data/stock_location_data.xml"],
    "auto_install": True,
    "installable": True,
}
