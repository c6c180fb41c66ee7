from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TODAY, AssociationCase, balances


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestVolunteerTime(AssociationCase):
    def log(self, partner, kind, hours, when="2026-03-14", user=None):
        return (
            self.env["tiers_lieu.volunteer.work"]
            .with_user(user or self.manager)
            .create({"partner_id": partner.id, "kind_id": kind.id, "hours": hours, "date": when})
        )

    def test_year_is_booked_in_class_8_by_contribution(self):
        works = (
            self.log(self.claire, self.kind_general, 6.0)
            | self.log(self.karim, self.kind_general, 2.5)
            | self.log(self.town, self.kind_premises, 8.0)
            | self.log(self.acme, self.kind_service, 3.0)
            | self.log(self.karim, self.kind_general, 4.0, when="2025-12-20")
        )
        self.assertEqual(works[0].amount, 71.28)
        move = self.env["tiers_lieu.volunteer.work"].with_user(self.treasurer)._tl_book_year(2026)
        self.assertEqual(str(move.date), "2026-12-31")
        self.assertEqual(
            balances(move),
            {
                "864000": 100.98,
                "875000": -100.98,
                "860000": 200.0,
                "870000": -200.0,
                "861000": 120.0,
                "871000": -120.0,
            },
        )
        self.assertEqual(works[:4].move_id, move)
        self.assertFalse(works[4].move_id)
        # never receipted: volunteer time gives no tax reduction
        self.assertFalse(
            self.env["donation.donation"]
            .search([])
            .filtered(lambda d: d.partner_id in works.partner_id and d.state == "done")
        )
        with self.refused(UserError, "No volunteer contribution"):
            self.env["tiers_lieu.volunteer.work"].with_user(self.treasurer)._tl_book_year(2026)
        with self.refused(UserError, "cannot be changed"):
            works[0].with_user(self.manager).hours = 10.0

    def test_rate_is_kept_when_the_kind_changes_its_rate(self):
        work = self.log(self.claire, self.kind_general, 2.0)
        self.kind_general.rate = 13.0
        self.assertEqual(work.amount, 23.76)

    def test_only_treasurers_book_and_staff_sees_nothing(self):
        self.log(self.claire, self.kind_general, 2.0)
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.volunteer.work"].with_user(self.manager)._tl_book_year(2026)
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.volunteer.work"].with_user(self.staff).search([])
