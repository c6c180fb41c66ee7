import logging
import re
import threading
import time
from datetime import timedelta

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.tests import TransactionCase, tagged

from .common import IDENTITY, signature_png

_logger = logging.getLogger(__name__)
PER_ISSUER = 120


@tagged("post_install", "-at_install")
class TestConcurrentIssuance(TransactionCase):
    """Two issuers, each in its own thread, issue receipts at the same time on committed
    donations, one transaction per receipt: numbers must come out without gap or duplicate,
    and the second issuer waits for its number instead of failing (issue 15: no
    serialisation error, no retry).

    The data is committed (each thread sees only committed rows) and removed afterwards.
    """

    def committed_env(self):
        # the numbering connection (numbering.py), which unit tests do not use by default
        context = {"tracking_disable": True, "tl_numbering_connection": True}
        return api.Environment(self.registry.cursor(), SUPERUSER_ID, context)

    def setUp(self):
        super().setUp()
        env = self.committed_env()
        with env.cr:
            company = env.company
            self.saved_identity = {
                name: company[name] for name in [*IDENTITY, "signatory_signature"]
            }
            company.write({**IDENTITY, "signatory_signature": signature_png()})
            sequence = company.donation_individual_sequence_id
            self.sequence_id = sequence.id
            self.ranges_before = {r.id: r.number_next for r in sequence.date_range_ids}
            # the year's range exists (the first receipt of a year creates it in its own
            # transaction, as before)
            day = fields.Date.today() - timedelta(days=2)
            if not sequence.date_range_ids.filtered(lambda r: r.date_from <= day <= r.date_to):
                sequence._create_date_range_seq(day)
            partner = env["res.partner"].create(
                {
                    "name": "Donatrice Concurrente",
                    "street": "1 rue du Verrou",
                    "zip": "91000",
                    "city": "Évry",
                    "tax_receipt_option": "annual",
                }
            )
            method = env["res.company"]._tl_payment_method_line("transfer")
            product = env.ref("tiers_lieu_donation.product_donation_cash")
            donations = env["donation.donation"].create(
                [
                    {
                        "partner_id": partner.id,
                        "donation_date": day,
                        "payment_method_line_id": method.id,
                        "line_ids": [
                            Command.create(
                                {"product_id": product.id, "quantity": 1, "unit_price": 10 + i}
                            )
                        ],
                    }
                    for i in range(2 * PER_ISSUER)
                ]
            )
            donations.write({"state": "done"})  # validated, their entries out of this test
            self.partner_id = partner.id
            self.donation_ids = donations.ids
        self.addCleanup(self.remove_committed_data)

    def remove_committed_data(self):
        env = self.committed_env()
        with env.cr as cr:
            cr.execute(
                "SELECT id FROM donation_tax_receipt WHERE partner_id = %s",
                [self.partner_id],
            )
            receipt_ids = [row[0] for row in cr.fetchall()] or [0]
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'donation.tax.receipt' "
                "AND res_id = ANY(%s)",
                [receipt_ids],
            )
            cr.execute(
                "UPDATE donation_donation SET tax_receipt_id = NULL WHERE id = ANY(%s)",
                [self.donation_ids],
            )
            cr.execute(
                "DELETE FROM tiers_lieu_donation_receipt_line WHERE receipt_id = ANY(%s)",
                [receipt_ids],
            )
            cr.execute("DELETE FROM donation_tax_receipt WHERE id = ANY(%s)", [receipt_ids])
            cr.execute(
                "DELETE FROM ir_attachment WHERE res_model = "
                "'tiers_lieu.donation.receipt.original' AND res_id IN (SELECT id FROM "
                "tiers_lieu_donation_receipt_original WHERE receipt_id = ANY(%s))",
                [receipt_ids],
            )
            cr.execute(
                "UPDATE donation_tax_receipt SET pdf_original_id = NULL WHERE id = ANY(%s)",
                [receipt_ids],
            )
            cr.execute("DELETE FROM donation_line WHERE donation_id = ANY(%s)", [self.donation_ids])
            cr.execute("DELETE FROM donation_donation WHERE id = ANY(%s)", [self.donation_ids])
            cr.execute("DELETE FROM res_partner WHERE id = %s", [self.partner_id])
            cr.execute(
                "SELECT id FROM ir_sequence_date_range WHERE sequence_id = %s", [self.sequence_id]
            )
            for (range_id,) in cr.fetchall():
                if range_id in self.ranges_before:
                    cr.execute(
                        "UPDATE ir_sequence_date_range SET number_next = %s WHERE id = %s",
                        [self.ranges_before[range_id], range_id],
                    )
                else:
                    cr.execute("DELETE FROM ir_sequence_date_range WHERE id = %s", [range_id])
            env.company.write(self.saved_identity)

    def issuer(self, donation_ids, barrier, stats, errors):
        try:
            barrier.wait()
            for donation_id in donation_ids:
                env = self.committed_env()
                with env.cr:
                    donation = env["donation.donation"].browse(donation_id)
                    env["donation.tax.receipt"].create(
                        {
                            "partner_id": donation.commercial_partner_id.id,
                            "type": "each",
                            "donation_ids": [Command.set(donation.ids)],
                        }
                    )
                stats["issued"] += 1
        except Exception as error:  # reported by the main thread
            errors.append(error)

    def test_two_issuers_at_once_wait_and_leave_no_gap_and_no_duplicate(self):
        barrier = threading.Barrier(2)
        stats = [{"issued": 0}, {"issued": 0}]
        errors = []
        halves = (self.donation_ids[:PER_ISSUER], self.donation_ids[PER_ISSUER:])
        threads = [
            threading.Thread(target=self.issuer, args=(half, barrier, stat, errors))
            for half, stat in zip(halves, stats, strict=True)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        elapsed = time.perf_counter() - started
        self.assertFalse(errors, errors)

        env = self.committed_env()
        with env.cr:
            receipts = env["donation.tax.receipt"].search([("partner_id", "=", self.partner_id)])
            numbers = receipts.mapped("number")
            self.assertEqual(len(receipts), 2 * PER_ISSUER)
            self.assertEqual(len(set(numbers)), len(numbers), "duplicate numbers")
            self.assertEqual(
                sorted(receipts.donation_ids.ids), sorted(self.donation_ids), "a donation lost"
            )
            serials = sorted(int(re.search(r"(\d+)$", n).group(1)) for n in numbers)
            self.assertEqual(serials, list(range(serials[0], serials[0] + len(serials))), "gap")
        _logger.info(
            "Concurrent issuance: %s receipts by 2 issuers in %.2f s, serials %s-%s, "
            "no gap, no duplicate, no error",
            len(numbers),
            elapsed,
            serials[0],
            serials[-1],
        )
        self.assertEqual([s["issued"] for s in stats], [PER_ISSUER, PER_ISSUER])
