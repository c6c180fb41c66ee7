{
    "name": "Tiers-Lieu Training Portal",
    "version": "18.0.1.0.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "A trainee's own view on the portal: sessions and attendance, hours, "
    "validated skills, machine authorisations, attestation of training",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    "depends": ["tiers_lieu_training_session", "portal"],
    "data": [
        "security/tiers_lieu_training_portal_groups.xml",
        "security/ir.model.access.csv",
        "security/tiers_lieu_training_portal_security.xml",
        "views/tiers_lieu_trainee_views.xml",
        "views/tiers_lieu_training_portal_templates.xml",
    ],
    "demo": ["demo/tiers_lieu_training_portal_demo.xml"],
    "assets": {
        "web.assets_tests": ["tiers_lieu_training_portal/static/tests/tours/*.js"],
    },
    "installable": True,
}
