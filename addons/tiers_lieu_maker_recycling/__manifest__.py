{
    "name": "Tiers-Lieu Makers' Offcuts",
    "version": "18.0.1.0.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "Parts of makers rejected at quality control go to the material's offcut bin",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    "depends": ["tiers_lieu_maker", "tiers_lieu_recycling"],
    "data": ["views/tiers_lieu_maker_batch_views.xml"],
    "auto_install": True,
    "installable": True,
}
