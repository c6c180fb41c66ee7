{
    "name": "Tiers-Lieu Order Requests",
    "version": "18.0.1.0.0",
    "category": "Services/Tiers-Lieu",
    "license": "AGPL-3",
    "summary": "Public web form where a hospital or a school asks for parts; it lands as a "
    "draft quotation that staff accept or refuse",
    "author": "Tiers-Lieu ERP contributors",
    "maintainers": [],
    "website": "https://github.com/tiers-lieu-erp/tiers-lieu-erp",
    "depends": ["portal", "tiers_lieu_order"],
    "external_dependencies": {"python": ["python-stdnum"]},
    "data": [
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "views/order_request_templates.xml",
        "views/product_template_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/order_request_refuse_views.xml",
    ],
    "demo": ["demo/order_request_demo.xml"],
    "assets": {
        "web.assets_frontend": ["tiers_lieu_order_request/static/src/js/*.js"],
        "web.assets_tests": ["tiers_lieu_order_request/static/tests/tours/*.js"],
    },
    "installable": True,
}
