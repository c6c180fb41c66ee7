{
    "name": "Tiers-Lieu Donations of Filament",
    "version": "18.0.1.1.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "Donated filament enters stock as spools valued at the donor's valuation",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    "depends": ["tiers_lieu_donation", "tiers_lieu_consumable"],
    "data": ["views/donation_views.xml", "views/stock_lot_views.xml"],
    "auto_install": True,
    "installable": True,
}
