from contextlib import contextmanager
from datetime import date

from odoo import Command

from odoo.addons.tiers_lieu_donation.tests.common import DonationCase, pdf_text  # noqa: F401

# The tests run "on" this day (freeze_time).
TODAY = "2026-06-15"


def balances(moves):
    """{account code: balance} of journal entries."""
    result = {}
    for line in moves.line_ids:
        code = line.account_id.code
        result[code] = round(result.get(code, 0.0) + line.balance, 2)
    return result


class AssociationCase(DonationCase):
    """The association with its 2026 memberships, a funder and kinds of volunteer work."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]

        def membership(name, kind, price, year=2026):
            return Product.create(
                {
                    "name": name,
                    "type": "service",
                    "membership": True,
                    "tl_membership_kind": kind,
                    "membership_date_from": date(year, 1, 1),
                    "membership_date_to": date(year, 12, 31),
                    "list_price": price,
                    "taxes_id": [Command.clear()],
                }
            )

        cls.individual = membership("Cotisation 2026 individuelle", "individual", 20.0)
        cls.reduced = membership("Cotisation 2026 réduite", "reduced", 5.0)
        cls.organisation = membership("Cotisation 2026 personne morale", "organisation", 100.0)
        cls.individual_2025 = membership("Cotisation 2025 individuelle", "individual", 20.0, 2025)
        cls.region = cls.env["res.partner"].create(
            {"name": "Région Île-de-France", "is_company": True}
        )
        Kind = cls.env["tiers_lieu.volunteer.work.kind"]
        cls.kind_general = Kind.create(
            {"name": "Accueil", "contribution": "volunteer", "rate": 11.88}
        )
        cls.kind_premises = Kind.create(
            {"name": "Salle prêtée", "contribution": "goods", "rate": 25.0}
        )
        cls.kind_service = Kind.create(
            {"name": "Graphisme offert", "contribution": "service", "rate": 40.0}
        )
        cls.kind_gifts = Kind.create(
            {"name": "Fournitures données", "contribution": "gifts", "rate": 15.0}
        )

    @contextmanager
    def refused(self, exception, pattern):
        """assertRaises (with its savepoint rolled back) whose message matches ``pattern``."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    @classmethod
    def record_due(cls, partner, product, paid, when="2026-03-02", user=None, mode="transfer"):
        wizard = cls.env["tiers_lieu.membership.due"].with_user(user or cls.treasurer)
        return wizard.create(
            {
                "partner_id": partner.id,
                "product_id": product.id,
                "amount_paid": paid,
                "date": when,
                "payment_mode": mode,
            }
        ).action_record()

    @classmethod
    def make_grant(cls, amount=40000.0, funder_type="region", **vals):
        return (
            cls.env["tiers_lieu.grant"]
            .with_user(cls.treasurer)
            .create(
                {
                    "name": vals.pop("name", "Fab'Insertion 2026"),
                    "funder_id": cls.region.id,
                    "funder_type": funder_type,
                    "amount": amount,
                    "date": "2026-02-15",
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    **vals,
                }
            )
        )

    @classmethod
    def instalment(cls, grant, amount, when="2026-03-10"):
        return (
            cls.env["tiers_lieu.grant.instalment"]
            .with_user(cls.treasurer)
            .create({"grant_id": grant.id, "amount": amount, "date": when})
        )

    @classmethod
    def expense(cls, grant, code, amount, when="2026-04-01"):
        """A charge of the action: a posted entry on ``code`` with its analytic account."""
        account = cls.company._tl_find_account(code)
        bank_transit = cls.company._tl_outstanding_receipts_account()
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.company._tl_misc_journal().id,
                "date": when,
                "line_ids": [
                    Command.create(
                        {
                            "name": "Dépense de l'action",
                            "account_id": account.id,
                            "debit": amount,
                            "analytic_distribution": {str(grant.analytic_account_id.id): 100},
                        }
                    ),
                    Command.create(
                        {"name": "Dépense", "account_id": bank_transit.id, "credit": amount}
                    ),
                ],
            }
        )
        move.action_post()
        return move
