from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import RequestCase


@tagged("post_install", "-at_install")
class TestRequestReview(RequestCase):
    def test_request_lands_as_a_draft_free_quotation(self):
        order = self.submit()
        self.assertEqual(order.state, "draft")
        self.assertEqual((order.request_channel, order.request_state), ("web", "new"))
        self.assertEqual(order.order_kind, "solidarity")
        self.assertTrue(order.is_urgent)
        self.assertEqual(order.commitment_date.date(), self.today + timedelta(days=10))
        self.assertEqual(order.client_order_ref, "BC-2026-118")
        self.assertEqual(order.user_id, self.reviewer)
        self.assertEqual(order.order_line.product_id, self.shield)
        self.assertEqual(order.order_line.product_uom_qty, 60)
        self.assertEqual(order.amount_total, 0.0)
        contact = order.partner_id
        self.assertEqual(contact.parent_id.name, "CHU de Bordeaux")
        self.assertEqual(contact.parent_id.beneficiary_type, "hospital")
        self.assertEqual(contact.email, "ines.pharma@chu-bordeaux.example")
        self.assertEqual(contact.lang, "fr_FR")
        self.assertIn(
            "réanimation", order.message_ids.filtered(lambda m: m.author_id == contact).body
        )
        activity = order.activity_ids
        self.assertEqual(activity.user_id, self.reviewer)

    def test_requester_gets_an_acknowledgement(self):
        order = self.submit()
        mail = self.mails_to(order.partner_id)
        self.assertEqual(len(mail), 1)
        self.assertIn(order.name, mail.subject)
        self.assertIn("60", mail.body_html)
        self.assertEqual(mail.state, "outgoing")

    def test_a_company_gets_a_priced_quotation(self):
        order = self.submit(beneficiary_type="company", organisation="Visières Nouvelles SAS")
        self.assertEqual(order.order_kind, "commercial")
        self.assertGreater(order.amount_untaxed, 0)

    def test_known_organisations_are_found_never_rewritten(self):
        self.hospital.write({"siret": "73282932000074", "email": "accueil@chsf.example"})
        order = self.submit(siret="732 829 320 00074", organisation="Faux nom", urgent=None)
        self.assertEqual(order.partner_id.parent_id, self.hospital)
        self.assertTrue(order.partner_id.request_to_check)
        self.assertFalse(self.hospital.request_to_check)
        self.assertEqual(self.hospital.name, "CH Sud Francilien")
        self.assertEqual(self.hospital.email, "accueil@chsf.example")
        self.assertFalse(order.is_urgent)
        again = self.submit(siret="73282932000074")
        self.assertEqual(again.partner_id, order.partner_id)

    def test_an_individual_is_their_own_customer(self):
        order = self.submit(beneficiary_type="individual", organisation="")
        self.assertFalse(order.partner_id.parent_id)
        self.assertEqual(order.partner_id.beneficiary_type, "individual")
        self.assertEqual(order.order_kind, "solidarity")

    def test_accepting_plans_the_jobs_and_tells_the_requester(self):
        order = self.submit()
        order.with_user(self.reviewer).action_accept_request()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.request_state, "accepted")
        jobs = order.print_job_ids
        self.assertEqual(len(jobs), 15)  # 60 parts, 4 per plate
        self.assertEqual(sum(jobs.mapped("quantity_per_plate")), 60)
        self.assertEqual(set(jobs.mapped("date_due")), {self.today + timedelta(days=10)})
        self.assertEqual(set(jobs.mapped("priority")), {"1"})
        mails = self.mails_to(order.partner_id)
        self.assertEqual(len(mails), 2)
        self.assertIn("accept", mails[-1].subject.lower() + mails[-1].body_html.lower())
        self.assertFalse(order.activity_ids)
        with self.assertRaises(UserError):
            order.with_user(self.reviewer).action_accept_request()

    def test_refusing_cancels_and_sends_the_reason(self):
        order = self.submit()
        action = order.with_user(self.reviewer).action_refuse_request()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.reviewer).with_context(**action["context"])
        )
        wizard.reason = "Nous ne pouvons pas tenir ce délai."
        wizard.save().action_refuse()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.request_state, "refused")
        self.assertFalse(order.print_job_ids)
        mail = self.mails_to(order.partner_id)[-1]
        self.assertIn("tenir ce délai", mail.body_html)
        with self.assertRaises(UserError):
            order._tl_refuse_request("Encore")

    def test_a_refusal_needs_a_reason(self):
        order = self.submit()
        with self.assertRaises(UserError) as caught:
            order._tl_refuse_request("   ")
        self.assertIn("why", str(caught.exception))
        self.assertEqual(order.state, "draft")

    def test_ordinary_quotations_are_not_requests(self):
        order = self.make_order()
        with self.assertRaises(UserError):
            order.action_accept_request()

    def test_public_and_portal_users_read_no_order(self):
        order = self.submit()
        public = self.env.ref("base.public_user")
        portal = new_test_user(self.env, "portal.requester", groups="base.group_portal")
        for user in (public, portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                order.with_user(user).check_access("read")

    def test_only_staff_refuse_requests(self):
        order = self.submit()
        trainer = new_test_user(self.env, "trainer.request", groups="tiers_lieu.group_trainer")
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.order.request.refuse"].with_user(trainer).create(
                {"order_ids": [(6, 0, order.ids)], "reason": "Non"}
            )

    def test_staff_cannot_read_the_sender_key(self):
        order = self.submit()
        with self.assertRaises(AccessError):
            order.with_user(self.reviewer).read(["request_sender_key"])
