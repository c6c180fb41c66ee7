from odoo.tests import HttpCase, new_test_user, tagged

from .common import AssociationCase


@tagged("post_install", "-at_install")
class TestMembershipOverHttp(HttpCase, AssociationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.record_due(cls.karim, cls.individual, 20.0)
        cls.record_due(cls.acme, cls.organisation, 100.0)
        cls.karim_portal = new_test_user(
            cls.env, "karim_portal", groups="base.group_portal", partner_id=cls.karim.id
        )

    def rpc(self, model, method, *args):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )

    def test_member_sees_their_own_membership_only(self):
        self.authenticate("karim_portal", "karim_portal")
        page = self.url_open("/my/membership", timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.karim.tl_member_number, page.text)
        self.assertIn("Cotisation 2026 individuelle", page.text)
        self.assertNotIn(self.acme.tl_member_number, page.text)
        self.assertNotIn("personne morale", page.text)

    def test_portal_and_staff_are_refused_the_books(self):
        grant = self.make_grant()
        for login in ("karim_portal", "tl_staff"):
            self.authenticate(login, login)
            for model, method, args in (
                ("tiers_lieu.grant", "read", ([grant.id], ["amount"])),
                ("tiers_lieu.volunteer.work", "search_read", ([],)),
                ("res.partner", "read", ([self.acme.id], ["tl_member_number"])),
            ):
                with self.subTest(login=login, model=model), self.assertRaises(Exception) as err:
                    self.rpc(model, method, *args)
                self.assertIn("AccessError", str(err.exception) + repr(err.exception.args))


@tagged("post_install", "-at_install")
class TestPayoutTour(HttpCase, AssociationCase):
    def test_treasurer_imports_a_kitty_and_reconciles_its_payout(self):
        self.start_tour("/odoo", "tiers_lieu_association_payout", login="tl_treasurer")
        pool = self.env["tiers_lieu.donation.pool"].search(
            [("name", "=", "Cagnotte Leetchi du tour")]
        )
        self.assertEqual(pool.state, "done")
        self.assertEqual(pool.amount_total, 170.0)
        lines = {line.account_id.code: line.balance for line in pool.payout_move_id.line_ids}
        self.assertEqual(lines["627800"], 6.80)
        self.assertEqual(lines["467000"], -170.0)
