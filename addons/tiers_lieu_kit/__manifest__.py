{
    "name": "Tiers-Lieu Kits",
    "version": "18.0.1.0.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "Kits sold with a bill of materials (printed parts, laser-cut sheets, sewn "
    "fabric, stock items), laser and sewing jobs consuming sheets and fabric, and their "
    "shortage forecast",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    "depends": ["tiers_lieu_order", "sale_mrp"],
    "data": [
        "security/ir.model.access.csv",
        "security/tiers_lieu_kit_security.xml",
        "data/mail_activity_type_data.xml",
        "views/tiers_lieu_design_version_views.xml",
        "views/tiers_lieu_print_job_views.xml",
        "views/tiers_lieu_supply_forecast_views.xml",
        "views/tiers_lieu_kit_menus.xml",
    ],
    "demo": ["demo/tiers_lieu_kit_demo.xml"],
    "installable": True,
}
