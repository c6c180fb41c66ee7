{
    "name": "Tiers-Lieu Training / Machine Park",
    "version": "18.0.1.1.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "One chain from training to machine access: validated skills grant machine "
    "authorisations, print jobs feed the trainees' production hours",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    "depends": ["tiers_lieu_training", "tiers_lieu_machine"],
    "data": [
        "data/mail_activity_type_data.xml",
        "views/hr_skill_type_views.xml",
        "views/skill_evaluation_views.xml",
        "views/tiers_lieu_machine_authorization_views.xml",
        "views/trainee_views.xml",
        "views/trainee_hours_views.xml",
        "views/trainee_public_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": ["demo/tiers_lieu_training_machine_demo.xml"],
    "assets": {
        "web.assets_tests": ["tiers_lieu_training_machine/static/tests/tours/*.js"],
    },
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}
