"""Production hours of trainees from print jobs: a workshop of N trainees on a farm of
printers. Times the hours of a batch of ended jobs (1,000 vs 5,000 jobs) and the backfill
of a year of jobs (the install hook). Target: no query per job — the count only grows with
Odoo's own batches (INSERT and UPDATE of 100 hours lines, reads of 1,000 jobs)."""

from datetime import date, datetime, timedelta

from common import bench_env, measure, parse_args
from trainees import create_cddi_trainees


def populate(env, count):
    calendar = env["resource.calendar"].create(
        {
            "name": "Bench week",
            "tz": "Europe/Paris",
            "attendance_ids": [
                (0, 0, {"name": name, "dayofweek": str(day), "hour_from": start, "hour_to": end})
                for day in range(5)
                for name, start, end in (("Morning", 8, 12), ("Afternoon", 13, 17))
            ],
        }
    )
    env.company.resource_calendar_id = calendar
    trainees = create_cddi_trainees(env, count)
    pla = env["tiers_lieu.material"].create({"name": "Bench PLA", "code": "B-PLA", "family": "pla"})
    printers = env["maintenance.equipment"].create(
        [
            {
                "name": f"Bench printer {i:02d}",
                "machine_kind": "fdm_printer",
                "material_ids": [(6, 0, pla.ids)],
            }
            for i in range(20)
        ]
    )
    return trainees, printers, pla


def ended_jobs(env, trainees, printers, pla, days, per_day):
    """``per_day`` jobs a working day over ``days``, spread over the trainees, as if they
    had ended before the glue (no hours yet); two of a trainee's jobs overlap each day."""
    Job = env["tiers_lieu.print.job"].with_context(tiers_lieu_skip_trainee_hours=True)
    vals = []
    for day in days:
        for index in range(per_day):
            trainee = trainees[index % len(trainees)]
            # Paris 8:00 + 1 h 30 per round of trainees: 9:00 UTC is 10:00 in winter
            start = datetime.combine(day, datetime.min.time()) + timedelta(
                hours=7 + (1.5 * (index // len(trainees))) % 8
            )
            vals.append(
                {
                    "part_name": f"Part {index}",
                    "material_id": pla.id,
                    "machine_id": printers[index % len(printers)].id,
                    "operator_id": trainee.partner_id.id,
                    "estimated_duration_hours": 2,
                    "estimated_grams": 30,
                    "grams_actual": 30,
                    "date_start": start,
                    "date_end": start + timedelta(hours=2),
                    "state": "done",
                }
            )
    return Job.create(vals)


def working_days(start, count):
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def main():
    args = parse_args(__doc__, count=100)
    results = []
    with bench_env(args) as env:
        with measure(env, f"create {args.count} trainee files and paths", results):
            trainees, printers, pla = populate(env, args.count)
        year = ended_jobs(env, trainees, printers, pla, working_days(date(2025, 1, 6), 250), 40)
        few = ended_jobs(env, trainees, printers, pla, working_days(date(2026, 2, 2), 1), 1000)
        many = ended_jobs(env, trainees, printers, pla, working_days(date(2026, 3, 2), 5), 1000)
        with measure(env, f"hours of {len(few)} ended jobs", results):
            few._sync_trainee_hours()
        with measure(env, f"hours of {len(many)} ended jobs", results):
            many._sync_trainee_hours()
        with measure(env, f"backfill: {len(year)} jobs of a year (install hook)", results):
            trainees._sync_print_job_hours()
        lines = env["tiers_lieu.trainee.hours"].search_count([("print_job_id", "!=", False)])
        print(f"{lines} lines of production hours")
        (_l1, _s1, q1), (_l2, _s2, q2) = results[1], results[2]
        print(
            f"queries for 4,000 more jobs: {q2 - q1} (Odoo's batches of 100 lines and 1,000 jobs)"
        )


if __name__ == "__main__":
    main()
