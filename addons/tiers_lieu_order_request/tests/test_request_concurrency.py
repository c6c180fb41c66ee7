import secrets
import threading
import time

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged

from ..models.sale_order import RequestRateExceeded

PARALLEL = 10
LIMIT = 3


@tagged("post_install", "-at_install")
class TestConcurrentRequests(TransactionCase):
    """Requests from one address arrive at the same time, each in its own thread and
    database transaction, as the HTTP workers run them: no more than the limit get in.

    The limits are committed (each thread sees only committed rows) and restored after."""

    def committed_env(self):
        return api.Environment(self.registry.cursor(), SUPERUSER_ID, {})

    def setUp(self):
        super().setUp()
        self.sender_key = f"test-{secrets.token_hex(8)}"
        env = self.committed_env()
        with env.cr:
            company = env.company
            self.company_id = company.id
            self.saved = {
                "order_request_limit_per_sender": company.order_request_limit_per_sender,
                "order_request_limit_per_hour": company.order_request_limit_per_hour,
            }
            company.write(
                {"order_request_limit_per_sender": LIMIT, "order_request_limit_per_hour": 1000}
            )
        self.addCleanup(self.restore)

    def restore(self):
        env = self.committed_env()
        with env.cr as cr:
            env["res.company"].browse(self.company_id).write(self.saved)
            cr.execute(
                "SELECT coalesce(sum(count), 0) FROM tiers_lieu_order_request_counter "
                "WHERE key = %s",
                [f"sender:{self.sender_key}"],
            )
            ours = cr.fetchone()[0]
            cr.execute(
                "DELETE FROM tiers_lieu_order_request_counter WHERE key = %s",
                [f"sender:{self.sender_key}"],
            )
            # Take back from everybody's count the requests this test let in.
            cr.execute(
                "UPDATE tiers_lieu_order_request_counter "
                "SET count = greatest(count - %s, 0) WHERE key = 'all' AND company_id = %s",
                [min(ours, LIMIT), self.company_id],
            )

    def test_parallel_requests_from_one_address_hold_the_limit(self):
        barrier = threading.Barrier(PARALLEL)
        outcomes = []
        errors = []

        def attempt():
            try:
                with self.registry.cursor() as cr:
                    Order = api.Environment(cr, SUPERUSER_ID, {})["sale.order"]
                    cr.execute("SELECT 1")  # the request's transaction is under way
                    barrier.wait(timeout=30)
                    try:
                        Order._tl_check_request_rate(self.sender_key)
                    except RequestRateExceeded:
                        outcomes.append("refused")
                        return
                    time.sleep(0.3)  # the partner, the order, the e-mail, then commit
                    outcomes.append("accepted")
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=attempt) for _i in range(PARALLEL)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertFalse(errors)
        self.assertEqual(len(outcomes), PARALLEL)
        self.assertEqual(outcomes.count("accepted"), LIMIT)
