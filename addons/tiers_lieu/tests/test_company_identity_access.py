import base64
import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.misc import file_open

from .common import TiersLieuCase


@tagged("post_install", "-at_install")
class TestCompanyIdentityAccess(HttpCase, TiersLieuCase):
    """Issue 11: the scanned signature is not public; the company's partner (name and
    address printed on receipts) is as Manager-only as the association identity."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with file_open("tiers_lieu/demo/signature.png", "rb") as image:
            cls.signature = image.read()
        cls.company.sudo().signatory_signature = base64.b64encode(cls.signature)
        cls.stored = base64.b64decode(cls.company.sudo().signatory_signature)
        cls.portal = new_test_user(cls.env, "tl_portal", groups="base.group_portal")

    def signature_url(self):
        return f"/web/image/res.company/{self.company.id}/signatory_signature"

    def test_anonymous_and_portal_do_not_get_the_signature_over_http(self):
        for login in (None, "tl_portal", "tl_staff", "tl_trainer"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                response = self.url_open(self.signature_url())
                self.assertNotEqual(response.content, self.stored)
                self.assertNotEqual(response.content, self.signature)

    def test_treasurer_gets_the_signature_over_http(self):
        self.authenticate("tl_treasurer", "tl_treasurer")
        response = self.url_open(self.signature_url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.stored)

    def test_portal_cannot_read_the_signature_over_json_rpc(self):
        self.authenticate("tl_portal", "tl_portal")
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "res.company",
                "method": "read",
                "args": [[self.company.id], ["signatory_signature"]],
                "kwargs": {},
            },
        }
        response = self.url_open(
            "/web/dataset/call_kw/res.company/read",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        body = response.json()
        self.assertIn("error", body)
        self.assertNotIn(self.company.sudo().signatory_signature.decode(), response.text)
        with self.assertRaises(AccessError):
            self.company.with_user(self.portal).read(["signatory_signature"])

    def test_treasurer_cannot_edit_the_company_partner(self):
        partner = self.company.partner_id
        for user in (self.treasurer, self.staff):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                partner.with_user(user).write({"street": "1 rue Fausse"})
        self.assertNotEqual(partner.street, "1 rue Fausse")
        # Other partners stay theirs to edit; the Manager edits the company's.
        donor = self.env["res.partner"].create({"name": "Donatrice"})
        donor.with_user(self.treasurer).write({"street": "2 rue Vraie"})
        partner.with_user(self.manager).write({"street": "12 rue des Makers"})
        self.assertEqual(partner.street, "12 rue des Makers")
