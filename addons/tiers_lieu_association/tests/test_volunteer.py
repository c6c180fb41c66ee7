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
            | self.log(self.acme, self.kind_gifts, 2.0)
            | self.log(self.karim, self.kind_general, 4.0, when="2025-12-20")
        )
        self.assertEqual(works[0].amount, 71.28)
        move = self.env["tiers_lieu.volunteer.work"].with_user(self.treasurer)._tl_book_year(2026)
        self.assertEqual(str(move.date), "2026-12-31")
        self.assertEqual(
            balances(move),
            {
                # règlement ANC 2018-06, art. 211-3: 86 by use, 87 by kind of contribution
                "864000": 100.98,  # personnel bénévole
                "875000": -100.98,  # bénévolat
                "861000": 200.0,  # mise à disposition gratuite de biens (the room)
                "862000": 120.0,  # prestations (the graphic design)
                "871000": -320.0,  # prestations en nature
                "860000": 30.0,  # secours en nature (gifts used or given out)
                "870000": -30.0,  # dons en nature
            },
        )
        self.assertEqual(works[:5].move_id, move)
        self.assertFalse(works[5].move_id)
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

    def test_migration_follows_the_swapped_class_87_codes(self):
        """A database set up before 18.0.1.3.0 of the donation addon: 870000 was
        "Bénévolat", 875000 "Dons en nature", and this addon's fields found them by code.
        After both migrations, volunteer time is on 875000 and gifts on 870000."""
        company = self.env.company.with_company(self.env.company)
        staff = company.donation_cvn_staff_account_id  # the "Bénévolat" account
        goods = company.donation_cvn_goods_account_id  # the "Dons en nature" account
        staff.code = "TLOLD"
        goods.code = "875000"
        staff.code = "870000"
        company.write(
            {"tl_cvn_goods_account_id": staff.id, "tl_cvn_volunteer_account_id": goods.id}
        )
        self.log(self.claire, self.kind_general, 10.0)
        self.log(self.acme, self.kind_gifts, 4.0)
        move = self.env["tiers_lieu.volunteer.work"].with_user(self.treasurer)._tl_book_year(2026)
        self.assertEqual(
            balances(move), {"864000": 118.8, "875000": -118.8, "860000": 60.0, "870000": -60.0}
        )
        lines = move.line_ids

        self.env["res.company"]._tl_migrate_cvn_codes()  # tiers_lieu_donation 18.0.1.3.0
        self.assertEqual(balances(move)["870000"], -118.8, "the swap alone moves them")
        self.assertEqual(self.env["res.company"]._tl_migrate_cvn_accounts(), self.env.company)

        self.assertEqual(move.line_ids, lines)
        self.assertEqual(
            balances(move), {"864000": 118.8, "875000": -118.8, "860000": 60.0, "870000": -60.0}
        )
        self.assertEqual(company.tl_cvn_volunteer_account_id, staff)
        self.assertEqual(company.tl_cvn_goods_account_id, goods)
        self.assertEqual(company.tl_cvn_volunteer_account_id.code, "875000")
        self.assertEqual(
            company.tl_cvn_volunteer_account_id.with_context(lang="fr_FR").name, "Bénévolat"
        )
        self.assertFalse(self.env["res.company"]._tl_migrate_cvn_accounts())

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
