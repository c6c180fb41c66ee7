from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OrderCase


@tagged("post_install", "-at_install")
class TestDesignVersion(OrderCase):
    def test_printable_part_is_stocked_by_lots(self):
        self.assertTrue(self.shield_tmpl.is_storable)
        self.assertEqual(self.shield_tmpl.tracking, "lot")
        self.assertEqual(self.shield_tmpl.design_version_id, self.v30)

    def test_validated_version_is_immutable(self):
        with self.assertRaisesRegex(UserError, "cannot change"):
            self.v30.grams_per_part = 30.0
        with self.assertRaisesRegex(UserError, "cannot change"):
            self.v30.name = "v30b"
        # Describing what changed stays possible.
        self.v30.note = "Thinner headband"

    def test_new_version_does_not_rewrite_history(self):
        order = self.make_order(lines=((None, 8),))
        order.action_confirm()
        self.assertEqual(order.order_line.design_version_id, self.v30)
        action = self.v30.action_new_version()
        v31 = self.env["tiers_lieu.design.version"].browse(action["res_id"])
        self.assertEqual((v31.name, v31.state), ("v31", "draft"))
        self.assertEqual(v31.grams_per_part, 25.0)
        v31.grams_per_part = 22.0
        v31.action_validate()
        self.assertEqual(self.v30.state, "archived")
        self.assertEqual(self.shield_tmpl.design_version_id, v31)
        # The confirmed order and its jobs keep v30; a new quotation takes v31.
        self.assertEqual(order.order_line.design_version_id, self.v30)
        self.assertEqual(set(order.print_job_ids.mapped("design_version")), {"v30"})
        self.assertEqual(self.make_order().order_line.design_version_id, v31)

    def test_draft_quotation_follows_the_current_version_on_product_change(self):
        order = self.make_order(lines=((self.service, 1),))
        order.order_line.product_id = self.shield
        self.assertEqual(order.order_line.design_version_id, self.v30)

    def test_used_version_cannot_be_deleted(self):
        with self.assertRaises(UserError):
            self.v30.unlink()
        draft = self.make_version(self.shield_tmpl, "v40")
        draft.unlink()

    def test_recipients_of_a_version(self):
        first = self.make_order(partner=self.hospital, kind="solidarity")
        second = self.make_order(partner=self.school, kind="at_cost")
        (first | second).action_confirm()
        action = self.v30.action_view_recipients()
        lines = self.env["sale.order.line"].search(action["domain"])
        self.assertEqual(lines.order_partner_id, self.hospital | self.school)
