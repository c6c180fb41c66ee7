from datetime import timedelta

from odoo import api, fields, models


class OrderRequestCounter(models.Model):
    """Requests from the public form counted per hour, per sender and in all.

    Counting rows of sale.order cannot hold a limit: concurrent requests each read the count
    before the others commit (Odoo's transactions are REPEATABLE READ). One row per key and
    hour, incremented with ``INSERT … ON CONFLICT DO UPDATE`` in a READ COMMITTED
    transaction of its own, gives each request the exact number of those before it.
    """

    _name = "tiers_lieu.order.request.counter"
    _description = "Public Request Counter"
    _log_access = False

    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    # "sender:<keyed hash of the address>", "all", or "challenge:<nonce>" (answered once).
    key = fields.Char(required=True)
    window_start = fields.Datetime(required=True, help="Start of the hour counted.")
    count = fields.Integer(required=True, default=0)

    _sql_constraints = [
        (
            "company_key_window_uniq",
            "unique(company_id, key, window_start)",
            "One counter per company, key and hour.",
        )
    ]

    @api.model
    def _tl_increment(self, company, key):
        """Count one more under ``key`` for the current hour; returns the new count.

        Runs and commits in its own transaction, so that the count holds whatever the
        request does next (and even if it fails: an attempt is an attempt)."""
        registry = self.env.registry
        with registry.cursor() as cr:
            if not registry.in_test_mode():
                # Must come first in the transaction: the upsert then waits for a concurrent
                # one and adds to its committed count instead of failing to serialise.
                cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
            cr.execute(
                """
                INSERT INTO tiers_lieu_order_request_counter
                    (company_id, key, window_start, count)
                VALUES (%s, %s, date_trunc('hour', now() AT TIME ZONE 'UTC'), 1)
                ON CONFLICT (company_id, key, window_start)
                DO UPDATE SET count = tiers_lieu_order_request_counter.count + 1
                RETURNING count
                """,
                [company.id, key],
            )
            return cr.fetchone()[0]

    @api.model
    def _tl_current(self, company, key):
        """The count under ``key`` for the current hour, as last committed."""
        registry = self.env.registry
        with registry.cursor() as cr:
            cr.execute(
                """
                SELECT count FROM tiers_lieu_order_request_counter
                 WHERE company_id = %s AND key = %s
                   AND window_start = date_trunc('hour', now() AT TIME ZONE 'UTC')
                """,
                [company.id, key],
            )
            row = cr.fetchone()
            return row[0] if row else 0

    @api.autovacuum
    def _gc_past_windows(self):
        self.sudo().search(
            [("window_start", "<", fields.Datetime.now() - timedelta(days=1))]
        ).unlink()
