from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .common import TODAY, DonationCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestInKindStockExtensionPoint(DonationCase):
    def test_goods_lines_are_handed_to_the_stock_hook_once_validated(self):
        """The consumables addon overrides _tl_receive_in_kind_goods: it gets the goods
        lines of the donation, validated and posted, exactly once."""
        seen = []
        DonationLine = type(self.env["donation.line"])
        original = DonationLine._tl_receive_in_kind_goods

        def spy(lines):
            seen.append((lines, lines.donation_id.state, lines.donation_id.in_kind_move_id))
            return original(lines)

        filament = self.make_donation(
            self.acme,
            12.5,
            mode=None,
            product=self.goods,
            line={"quantity": 40, "valuation_basis": "stock_value", "in_kind_description": "PLA"},
        )
        cash = self.make_donation(self.claire, 50.0)
        with patch.object(DonationLine, "_tl_receive_in_kind_goods", spy):
            (filament | cash).with_user(self.treasurer).validate()
        self.assertEqual(len(seen), 1)
        lines, state, move = seen[0]
        self.assertEqual(lines, filament.line_ids)
        self.assertEqual(state, "done")
        self.assertEqual(move.state, "posted")
        self.assertEqual((lines.quantity, lines.unit_price), (40, 12.5))
        self.assertFalse(original(filament.line_ids))
