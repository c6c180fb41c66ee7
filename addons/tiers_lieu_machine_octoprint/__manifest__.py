{
    "name": "Tiers-Lieu Machine Park: OctoPrint",
    "version": "18.0.1.1.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "Drive networked 3D printers through OctoPrint: state, upload, start, result",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    "depends": ["tiers_lieu_machine", "queue_job"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "data/ir_cron_data.xml",
        "data/queue_job_data.xml",
        "views/maintenance_equipment_views.xml",
    ],
    "installable": True,
}
