from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MachineCase


@tagged("post_install", "-at_install")
class TestAuthorization(MachineCase):
    def test_defaults_as_other_addons_create_them(self):
        self.env.company.machine_authorization_lapse_months = 6
        with freeze_time("2026-03-02"):
            auth = (
                self.env["tiers_lieu.machine.authorization"]
                .with_user(self.trainer)
                .create({"partner_id": self.bob.id, "machine_kind": "laser_cutter"})
            )
        self.assertEqual(auth.state, "valid")
        self.assertEqual(auth.granted_date, date(2026, 3, 2))
        self.assertEqual(auth.granted_by_id, self.trainer)
        self.assertEqual(auth.expiry_date, date(2028, 3, 2))  # 24 months by default
        self.assertEqual(auth.company_id, self.env.company)
        self.assertEqual(auth.lapse_date, date(2026, 9, 2))  # 6 months without use

    def test_expiry_and_lapse_by_cron(self):
        Auth = self.env["tiers_lieu.machine.authorization"]
        self.env.company.write(
            {"machine_authorization_validity_months": 12, "machine_authorization_lapse_months": 3}
        )
        with freeze_time("2026-01-10"):
            expiring = Auth.create(
                {"partner_id": self.bob.id, "machine_kind": "cnc", "granted_date": "2025-01-05"}
            )
            unused = Auth.create(
                {
                    "partner_id": self.bob.id,
                    "machine_kind": "fdm_printer",
                    "granted_date": "2025-12-01",
                }
            )
            used = Auth.create(
                {
                    "partner_id": self.alice.id,
                    "machine_kind": "laser_cutter",
                    "granted_date": "2025-12-01",
                }
            )
        self.assertEqual(expiring.expiry_date, date(2026, 1, 5))
        # Alice uses the laser in February: her authorisation lasts
        job = self.make_job(
            machine_kind="laser_cutter",
            material_id=self.plywood.id,
            machine_id=self.laser.id,
            operator_id=self.alice.id,
            estimated_grams=0,
            size_z_mm=3,
        )
        with freeze_time("2026-02-20 10:00"):
            job.action_queue()
            job.action_start()
        with freeze_time("2026-02-20 10:30"):
            job.action_done()
        self.assertEqual(used.last_use_date, date(2026, 2, 20))
        with freeze_time("2026-03-05"):
            Auth._cron_update_states()
        self.assertEqual(expiring.state, "expired")
        self.assertEqual(unused.state, "lapsed")  # granted 2025-12-01, +3 months
        self.assertEqual(used.state, "valid")
        self.assertEqual(used.lapse_date, date(2026, 5, 20))

    def test_cron_catches_up_on_last_use(self):
        auth = self.auth_alice
        self.env["tiers_lieu.print.job"].create(
            {
                "part_name": "Old",
                "machine_id": self.mk4.id,
                "operator_id": self.alice.id,
                "state": "done",
                "date_start": "2026-02-01 08:00",
                "date_end": "2026-02-01 09:00",
                "material_id": self.pla.id,
            }
        )
        with freeze_time("2026-02-02"):
            self.env["tiers_lieu.machine.authorization"]._cron_update_states()
        self.assertEqual(auth.last_use_date, date(2026, 2, 1))

    def test_expired_or_revoked_cannot_start(self):
        job = self.make_job(operator_id=self.alice.id, machine_id=self.mk4.id)
        job.action_queue()
        self.auth_alice.with_user(self.trainer).action_revoke()
        self.assertEqual(self.auth_alice.state, "revoked")
        with self.assertRaisesRegex(UserError, "no valid authorisation"):
            job.action_start()
        renewed = self.env["tiers_lieu.machine.authorization"].create(
            {
                "partner_id": self.alice.id,
                "machine_kind": "fdm_printer",
                "granted_date": "2020-01-01",
            }
        )
        # expired by date even before the cron ran
        self.assertLess(renewed.expiry_date, date.today())
        with self.assertRaisesRegex(UserError, "no valid authorisation"):
            job.action_start()

    def test_bad_dates(self):
        Auth = self.env["tiers_lieu.machine.authorization"]
        with freeze_time("2026-03-02"), self.assertRaisesRegex(ValidationError, "future"):
            Auth.create(
                {"partner_id": self.bob.id, "machine_kind": "cnc", "granted_date": "2026-04-01"}
            )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            Auth.create(
                {
                    "partner_id": self.bob.id,
                    "machine_kind": "cnc",
                    "granted_date": "2026-01-01",
                    "expiry_date": "2025-01-01",
                }
            )
            Auth.flush_model()
