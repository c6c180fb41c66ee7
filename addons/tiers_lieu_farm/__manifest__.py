{
    "name": "Tiers-Lieu Farm",
    "version": "18.0.1.1.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "Installs the whole Tiers-Lieu ERP: 3D-printer farm, trainees, orders, "
    "consumables, recycling, donations",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    # One line per capability addon; `make run` installs this umbrella.
    "depends": [
        "tiers_lieu",
        "tiers_lieu_association",
        "tiers_lieu_consumable",
        "tiers_lieu_donation",
        "tiers_lieu_donation_consumable",
        "tiers_lieu_machine",
        "tiers_lieu_machine_octoprint",
        "tiers_lieu_order",
        "tiers_lieu_order_request",
        "tiers_lieu_training",
        "tiers_lieu_training_machine",
    ],
    "demo": ["demo/res_users_demo.xml"],
    "assets": {"web.assets_tests": ["tiers_lieu_farm/static/tests/tours/*.js"]},
    "installable": True,
}
