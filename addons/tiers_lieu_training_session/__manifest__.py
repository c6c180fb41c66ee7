{
    "name": "Tiers-Lieu Training Sessions",
    "version": "18.0.1.0.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "Trainers' daily work: training sessions with signed attendance sheets per "
    "half-day that write the trainees' training hours, practice print jobs",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    "depends": ["tiers_lieu_training_machine"],
    "external_dependencies": {"python": ["reportlab"]},
    "data": [
        "security/ir.model.access.csv",
        "security/tiers_lieu_training_session_security.xml",
        "data/mail_activity_type_data.xml",
        "views/tiers_lieu_training_attendance_views.xml",
        "views/tiers_lieu_training_session_views.xml",
        "views/tiers_lieu_print_job_views.xml",
        "views/tiers_lieu_trainee_views.xml",
        "report/tiers_lieu_training_session_reports.xml",
        "views/tiers_lieu_training_session_menus.xml",
    ],
    "demo": ["demo/tiers_lieu_training_session_demo.xml"],
    "assets": {
        "web.assets_tests": ["tiers_lieu_training_session/static/tests/tours/*.js"],
    },
    "installable": True,
}
