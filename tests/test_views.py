"""What every screen of our addons shows, read from the views as the web client gets them."""

from pathlib import Path

from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

ADDONS = Path(__file__).resolve().parents[1] / "addons"


def our_addons():
    return sorted(path.parent.name for path in ADDONS.glob("*/__manifest__.py"))


@tagged("post_install", "-at_install")
class TestViews(TransactionCase):
    def test_years_print_without_thousands_separator(self):
        """Issue 12: an Integer year printed "2 026" (the French thousands separator)."""
        views = self.env["ir.ui.view"]
        for view in self.env["ir.ui.view"].search([("model_data_id.module", "in", our_addons())]):
            while view.mode == "extension" and view.inherit_id:
                view = view.inherit_id  # the Odoo/OCA screen our view extends
            views |= view
        checked, unformatted = 0, []
        for view in views.filtered(lambda v: v.type in ("form", "list", "kanban")):
            Model = self.env[view.model]
            arch = Model.get_view(view.id, view.type)["arch"]
            for node in etree.fromstring(arch).iter("field"):
                field = Model._fields.get(node.get("name"))
                if field is None or field.type != "integer" or not field.name.endswith("year"):
                    continue
                checked += 1
                options = safe_eval(node.get("options") or "{}", {"false": False, "true": True})
                if options.get("format", True):
                    unformatted.append(f"{view.xml_id or view.name}: {field.name}")
        self.assertGreaterEqual(checked, 3)
        self.assertFalse(unformatted, "years printed with a thousands separator")
