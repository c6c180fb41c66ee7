import re

from odoo.tests import HttpCase, tagged

from .common import MakerCase


@tagged("post_install", "-at_install")
class TestPortalHttp(MakerCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.confirmed_order(60)
        cls.line = cls.order.order_line
        cls.line._release_workshop_parts(40)
        cls.batch_lea = cls.make_batch(cls.lea, cls.line, 20)
        cls.batch_hugo = cls.make_batch(cls.hugo, cls.line, 20)

    def login_lea(self):
        self.authenticate("tl_maker_léa", "tl_maker_léa")

    def token(self, url):
        page = self.url_open(url).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def declare_over_http(self, batch, **data):
        token = self.token(f"/my/maker/batch/{batch.id}")
        return self.url_open(
            f"/my/maker/batch/{batch.id}/declare",
            data=dict(data, csrf_token=token),
            allow_redirects=False,
        )

    def test_my_batches_in_french_and_only_mine(self):
        self.login_lea()
        response = self.url_open("/my/maker")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.batch_lea.name, response.text)
        self.assertNotIn(self.batch_hugo.name, response.text)
        self.assertIn("Pièces déclarées", response.text)
        self.assertNotIn("Hugo", response.text)

    def test_another_makers_batch_is_not_found(self):
        self.login_lea()
        for url in (
            f"/my/maker/batch/{self.batch_hugo.id}",
            f"/my/maker/batch/{self.batch_hugo.id}/file",
            f"/my/maker/batch/{self.batch_hugo.id + 1000}",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        response = self.declare_over_http(self.batch_lea, qty_produced="1")
        self.assertEqual(response.status_code, 303)
        token = self.token(f"/my/maker/batch/{self.batch_lea.id}")
        response = self.url_open(
            f"/my/maker/batch/{self.batch_hugo.id}/declare",
            data={"qty_produced": "5", "csrf_token": token},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.batch_hugo.qty_produced, 0)

    def test_download_own_validated_file(self):
        self.login_lea()
        response = self.url_open(f"/my/maker/batch/{self.batch_lea.id}/file")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"gcode v30", response.content)
        self.assertIn("attachment", response.headers["Content-Disposition"])

    def test_no_download_of_a_version_no_longer_validated(self):
        self.v30.action_archive_version()
        self.login_lea()
        response = self.url_open(f"/my/maker/batch/{self.batch_lea.id}/file")
        self.assertEqual(response.status_code, 404)

    def test_no_download_after_cancel(self):
        self.batch_lea.action_cancel()
        self.login_lea()
        response = self.url_open(f"/my/maker/batch/{self.batch_lea.id}/file")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(self.batch_lea.name, self.url_open("/my/maker").text)

    def test_declaring_more_than_allocated_writes_nothing(self):
        self.login_lea()
        response = self.declare_over_http(self.batch_lea, qty_produced="25")
        self.assertEqual(response.status_code, 422)
        self.assertIn("plus que les 20", response.text)
        self.assertFalse(self.batch_lea.declaration_ids)
        self.assertEqual(self.batch_lea.state, "to_print")

    def test_negative_or_garbage_declarations_are_refused(self):
        self.login_lea()
        for data in (
            {"qty_produced": "-3"},
            {"qty_produced": "abc"},
            {"qty_failed": "1", "failed_weight_grams": "-2"},
        ):
            response = self.declare_over_http(self.batch_lea, **data)
            self.assertEqual(response.status_code, 422, data)
        self.assertFalse(self.batch_lea.declaration_ids)

    def test_declaring_on_a_cancelled_batch_is_refused(self):
        self.login_lea()
        token = self.token(f"/my/maker/batch/{self.batch_lea.id}")
        self.batch_lea.action_cancel()
        response = self.url_open(
            f"/my/maker/batch/{self.batch_lea.id}/declare",
            data={"qty_produced": "2", "csrf_token": token},
        )
        self.assertEqual(response.status_code, 422)
        self.assertFalse(self.batch_lea.declaration_ids)

    def test_declaration_counts_and_totals_show(self):
        self.login_lea()
        response = self.declare_over_http(
            self.batch_lea, qty_produced="12", qty_failed="1", failed_weight_grams="14,5"
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.batch_lea.qty_produced, 12)
        self.assertEqual(self.batch_lea.failed_weight_grams, 14.5)
        self.assertEqual(self.batch_lea.state, "printing")
        page = self.url_open("/my/maker").text
        self.assertIn('o_maker_total_declared">12<', page)

    def test_filament_request_and_profile(self):
        self.login_lea()
        token = self.token("/my/maker")
        response = self.url_open(
            "/my/maker/filament", data={"note": "PLA blanc", "csrf_token": token}
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(self.lea.activity_ids)
        response = self.url_open(
            "/my/maker/profile",
            data={"weekly_capacity": "55", "accept_charter": "1", "csrf_token": token},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.lea.weekly_capacity, 55)
        self.assertTrue(self.lea.charter_date)
        response = self.url_open(
            "/my/maker/profile", data={"weekly_capacity": "-5", "csrf_token": token}
        )
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.lea.weekly_capacity, 55)

    def test_internal_user_without_maker_profile_gets_404(self):
        self.authenticate("tl_maker_staff", "tl_maker_staff")
        self.assertEqual(self.url_open("/my/maker").status_code, 404)

    def count_queries(self, url):
        self.url_open(url)
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before

    def test_my_batches_page_queries_are_constant(self):
        self.login_lea()
        few = self.count_queries("/my/maker")
        self.line._release_workshop_parts(16)
        for _i in range(4):
            batch = self.make_batch(self.lea, self.line, 4)
            self.declare(batch, 2)
        many = self.count_queries("/my/maker")
        self.assertEqual(few, many)
