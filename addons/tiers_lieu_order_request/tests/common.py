from datetime import timedelta

from odoo import fields

from odoo.addons.tiers_lieu_order.tests.common import OrderCase


class RequestCase(OrderCase):
    """The face shield offered on the public form, another part that is not, a reviewer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The request counters commit in a cursor of their own: in test mode that cursor
        # is the test's, and the counts are rolled back with it (HttpCase does the same).
        if not cls.registry.in_test_mode():
            cls.registry.enter_test_mode(cls.cr)
            cls.addClassCleanup(cls.registry.leave_test_mode)
        cls.shield_tmpl.offered_on_request = True
        cls.hidden_tmpl = cls.env["product.template"].create(
            {"name": "Prototype bracket", "is_printable_part": True}
        )
        cls.make_version(cls.hidden_tmpl, "v1").action_validate()
        cls.reviewer = cls.env["res.users"].create(
            {
                "name": "Rachid Reviewer",
                "login": "rachid.reviewer",
                "email": "rachid@tiers-lieu.example",
                "groups_id": [fields.Command.set([cls.env.ref("tiers_lieu.group_staff").id])],
            }
        )
        cls.company.order_request_user_id = cls.reviewer
        cls.today = fields.Date.context_today(cls.env["sale.order"])

    def post(self, **overrides):
        values = {
            "beneficiary_type": "hospital",
            "organisation": "CHU de Bordeaux",
            "siret": "",
            "contact_name": "Inès Pharma",
            "email": "ines.pharma@chu-bordeaux.example",
            "phone": "05 56 79 56 79",
            "part_id": str(self.shield_tmpl.id),
            "quantity": "60",
            "date_needed": (self.today + timedelta(days=10)).isoformat(),
            "urgent": "1",
            "reference": "BC-2026-118",
            "message": "Pour le service de réanimation.",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value is not None}

    def submit(self, sender="203.0.113.7", **overrides):
        Order = self.env["sale.order"]
        clean, errors = Order._tl_parse_request(self.post(**overrides))
        self.assertFalse(errors)
        key = Order._tl_request_sender_key(sender)
        Order._tl_check_request_rate(key)
        return Order._tl_create_request(clean, key, lang="fr_FR")

    def mails_to(self, partner):
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)], order="id")
