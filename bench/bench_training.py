"""Trainee follow-up at the scale of a large insertion workshop: N trainees on CDDI with a
year of hours, a third of them exited; times the indicators, a monthly statement, the
week totals of every file and the daily alerts."""

from datetime import date, timedelta

from common import bench_env, measure, parse_args
from trainees import create_cddi_trainees


def populate(env, count):
    trainees = create_cddi_trainees(env, count)
    # One line a week per trainee and kind in 2025: 156 lines each.
    mondays = [date(2025, 1, 6) + timedelta(weeks=w) for w in range(52)]
    env["tiers_lieu.trainee.hours"].create(
        [
            {
                "trainee_id": trainee.id,
                "date": monday + timedelta(days=offset),
                "kind": kind,
                "hours": hours,
            }
            for trainee in trainees
            for monday in mondays
            for offset, kind, hours in (
                (0, "production", 14),
                (1, "training", 7),
                (2, "support", 2),
            )
        ]
    )
    exited = trainees[: count // 3]
    details = ["cdi", "short_fixed_term", "qualifying_training", "job_seeker"]
    for index, trainee in enumerate(exited):
        trainee._record_exit(date(2025, 12, 31), details[index % 4])
    return trainees - exited


def main():
    args = parse_args(__doc__, count=300)
    results = []
    with bench_env(args) as env:
        with measure(env, f"create {args.count} files, paths, a year of hours", results):
            active = populate(env, args.count)
        Trainee = env["tiers_lieu.trainee"]
        with measure(env, "exit indicators of 2025 per funder", results):
            rows = Trainee._get_exit_indicators(2025)
        assert sum(row["exit_count"] for row in rows) == args.count // 3, rows
        statement = env["tiers_lieu.hours.statement"].create(
            {"month": date(2025, 6, 1), "funder_kind": "asp"}
        )
        with measure(env, "monthly statement: compute the lines", results):
            statement.action_compute_lines()
        assert len(statement.line_ids) == args.count
        with measure(env, "monthly statement: PDF and CSV", results):
            statement.action_issue()
        with measure(env, f"week and month totals of {len(active)} files", results):
            active.with_context(tz="Europe/Paris").mapped("month_hours")
        with measure(env, "daily alerts (cron)", results):
            Trainee._cron_send_alerts()


if __name__ == "__main__":
    main()
