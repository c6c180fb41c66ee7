from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, tagged

from .common import OrderCase


@tagged("post_install", "-at_install")
class TestStaffClicks(OrderCase, HttpCase):
    """What staff meet first on an order in the browser (issue 12), as Staff."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_fr").active = True
        cls.staff.lang = "fr_FR"
        cls.unknown = cls.env["res.partner"].create({"name": "Mairie sans type"})

    def new_order(self, partner):
        form = Form(self.env["sale.order"].with_user(self.staff))
        form.partner_id = partner
        return form

    def test_a_new_order_takes_its_kind_and_beneficiary_type_from_the_client(self):
        form = self.new_order(self.hospital)
        self.assertEqual(form.order_kind, "solidarity")
        self.assertEqual(form.beneficiary_type, "hospital")
        form.partner_id = self.customer
        self.assertEqual(form.order_kind, "commercial")
        self.assertEqual(form.beneficiary_type, "company")
        form.partner_id = self.school
        with form.order_line.new() as line:
            line.product_id = self.shield
            line.product_uom_qty = 4
        order = form.save()
        self.assertEqual((order.order_kind, order.beneficiary_type), ("solidarity", "school"))
        self.assertEqual(order.amount_total, 0.0)
        # Staff may still choose another kind; a confirmed order keeps its own.
        order.order_kind = "at_cost"
        order.action_confirm()
        order.partner_id = self.hospital
        self.assertEqual(order.order_kind, "at_cost")

    def test_a_solidarity_order_says_who_receives_the_parts(self):
        form = self.new_order(self.unknown)
        self.assertEqual(form.order_kind, "commercial")
        form.order_kind = "solidarity"
        with self.assertRaises(AssertionError):  # the form requires the beneficiary type
            form.save()
        order = self.make_order(partner=self.unknown, kind="solidarity")
        order = order.with_user(self.staff).with_context(lang="fr_FR")
        with self.assertRaises(ValidationError) as caught:
            order.action_confirm()
        self.assertIn("type de bénéficiaire", str(caught.exception))
        self.assertEqual(order.state, "draft")
        order.beneficiary_type = "administration"
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def form_view(self):
        self.authenticate("tl_staff", "tl_staff")
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw/sale.order/get_views",
            {
                "model": "sale.order",
                "method": "get_views",
                "args": [],
                "kwargs": {
                    "views": [[False, "form"]],
                    "options": {},
                    "context": {"lang": "fr_FR"},
                },
            },
        )

    def test_order_line_columns_have_distinct_headers(self):
        views = self.form_view()
        arch = views["views"]["form"]["arch"]
        self.assertIn('string="Produit"', arch)  # the product column
        labels = {
            name: field["string"]
            for name, field in views["models"]["sale.order.line"]["fields"].items()
        }
        self.assertEqual(labels["qty_produced"], "Quantité produite")
        self.assertNotEqual(labels["qty_produced"], "Produit")

    def test_the_order_says_when_it_is_delivered(self):
        order = self.make_order(partner=self.hospital, kind="solidarity", lines=((None, 8),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids)
        picking = order.picking_ids
        picking.action_assign()
        picking.move_ids.picked = True
        picking.with_user(self.staff).with_context(lang="fr_FR").button_validate()
        self.assertEqual(order.delivery_status, "full")
        said = order.message_ids.filtered(lambda m: "Livré" in (m.body or ""))
        self.assertEqual(len(said), 1)
        self.assertIn("CH Sud Francilien", said.body)
        self.assertIn("8 pièces", said.body)
        self.assertIn(picking.name, said.body)

    def test_a_partial_delivery_does_not_say_delivered(self):
        order = self.make_order(partner=self.hospital, kind="solidarity", lines=((None, 8),))
        order.action_confirm()
        self.print_jobs(order.print_job_ids[0])
        picking = self.deliver(order, 4)
        self.assertEqual(picking.state, "done")
        self.assertFalse(order.message_ids.filtered(lambda m: "Livré" in (m.body or "")))

    def test_a_free_printed_part_shows_no_invoice_tax_or_stock_warning(self):
        arch = etree.fromstring(self.form_view()["views"]["form"]["arch"])
        button = arch.xpath("//header/button[@id='create_invoice_percentage']")[0]
        self.assertIn("order_kind == 'solidarity'", button.get("invisible"))
        taxes = arch.xpath("//field[@name='order_line']/list/field[@name='tax_id']")[0]
        self.assertEqual(taxes.get("column_invisible"), "parent.order_kind == 'solidarity'")
        order = self.make_order(
            partner=self.school, kind="solidarity", lines=((None, 4), (self.service, 1))
        )
        part = order.order_line.sorted("id")[0]
        self.assertGreater(part.qty_to_deliver, 0)
        self.assertFalse(part.display_qty_widget)  # printed to order, never "not in stock"
        order.action_confirm()
        self.assertFalse(part.display_qty_widget)
        self.assertEqual(order.invoice_status, "no")
