from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.tiers_lieu_training.tests.common import TrainingCase
from odoo.addons.tiers_lieu_training_machine.models.tiers_lieu_print_job import SKIP_CONTEXT


class TrainingMachineCase(TrainingCase):
    """Trainees on paths, a working week in Paris, a small park and helpers to run jobs.

    Time is frozen on Wednesday 18 March 2026 (TrainingCase). The company works Monday to
    Friday, 8:00–12:00 and 13:00–17:00 Paris time (UTC+1 in March): 7:00–11:00 and
    12:00–16:00 UTC.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Trainee week",
                "tz": "Europe/Paris",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {"name": name, "dayofweek": str(day), "hour_from": start, "hour_to": end},
                    )
                    for day in range(5)
                    for name, start, end in (("Morning", 8, 12), ("Afternoon", 13, 17))
                ],
            }
        )
        cls.env.company.resource_calendar_id = cls.calendar
        cls.env.company.partner_id.tz = "Europe/Paris"
        cls.env.company.machine_authorization_lapse_months = 0
        cls.skill_fdm.machine_kind = "fdm_printer"
        Material = cls.env["tiers_lieu.material"]
        cls.pla = Material.create({"name": "PLA", "code": "TM-PLA", "family": "pla"})
        cls.plywood = Material.create({"name": "Plywood", "code": "TM-PLY", "family": "wood"})
        Machine = cls.env["maintenance.equipment"]
        cls.printer = Machine.create(
            {
                "name": "Farm MK4 01",
                "machine_kind": "fdm_printer",
                "material_ids": [(6, 0, cls.pla.ids)],
            }
        )
        cls.printer_2 = Machine.create(
            {
                "name": "Farm MK4 02",
                "machine_kind": "fdm_printer",
                "material_ids": [(6, 0, cls.pla.ids)],
            }
        )
        cls.laser = Machine.create(
            {
                "name": "Farm Laser",
                "machine_kind": "laser_cutter",
                "material_ids": [(6, 0, cls.plywood.ids)],
            }
        )
        cls.lea = cls.create_trainee("Léa Martin", state="in_progress")
        cls.lea_path = cls.add_path(cls.apprenticeship_vals(cls.lea))
        cls.yanis = cls.create_trainee("Yanis Haddad", state="in_progress")
        cls.yanis_path = cls.add_path(cls.cddi_vals(cls.yanis))
        # Followed by another trainer: the refused side of the rules.
        cls.karim = cls.create_trainee(
            "Karim Benslimane", trainer=cls.other_trainer, state="in_progress"
        )
        cls.karim_path = cls.add_path(cls.cddi_vals(cls.karim, pass_number="999992500024"))
        cls.volunteer = cls.env["res.partner"].create({"name": "Volunteer Maker"})

    @classmethod
    def authorize(cls, partner, kind="fdm_printer", **vals):
        return cls.env["tiers_lieu.machine.authorization"].create(
            {"partner_id": partner.id, "machine_kind": kind, "granted_date": "2025-01-01", **vals}
        )

    @classmethod
    def ended_job(cls, operator, start, end, state="done", machine=None, sync=True, **vals):
        """A job that ran from ``start`` to ``end`` (naive UTC), created as ended; with
        ``sync=False`` as if it ended before the glue was installed."""
        machine = machine or cls.printer
        env = cls.env if sync else cls.env(context=dict(cls.env.context, **{SKIP_CONTEXT: True}))
        return env["tiers_lieu.print.job"].create(
            {
                "part_name": "Visor headband",
                "material_id": (cls.plywood if machine == cls.laser else cls.pla).id,
                "machine_kind": machine.machine_kind,
                "machine_id": machine.id,
                "operator_id": operator.id,
                "estimated_duration_hours": 1.0,
                "estimated_grams": 30.0,
                "grams_actual": 30.0,
                "date_start": start,
                "date_end": end,
                "state": state,
                **vals,
            }
        )

    @classmethod
    def run_job(cls, operator, start, end, machine=None, user=None, failed=False):
        """A job through the machine addon's actions: queue, start at ``start``, end."""
        Job = cls.env["tiers_lieu.print.job"]
        if user:
            Job = Job.with_user(user)
        machine = machine or cls.printer
        job = Job.create(
            {
                "part_name": "Visor headband",
                "material_id": cls.pla.id,
                "machine_id": machine.id,
                "operator_id": operator.id,
                "estimated_duration_hours": 1.0,
                "estimated_grams": 30.0,
            }
        )
        with freeze_time(start):
            job.action_queue()
            job.action_start()
        with freeze_time(end):
            if failed:
                job._mark_failed(reasons=cls.env.ref("tiers_lieu_machine.failure_reason_clog"))
            else:
                job.action_done()
        return job

    def job_lines(self, jobs):
        return self.env["tiers_lieu.trainee.hours"].search(
            [("print_job_id", "in", jobs.ids)], order="date, id"
        )


def at(day, hour, minute=0):
    """A naive UTC datetime on ``day`` (a date) at ``hour``:``minute``."""
    return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute)


MONDAY = date(2026, 3, 16)
TUESDAY = date(2026, 3, 17)
