"""Bench data shared by the training benchmarks."""

from datetime import date


def create_cddi_trainees(env, count):
    """``count`` trainees in progress on a CDDI funded by the ASP (Jan 2025 – Dec 2026)."""
    asp = env["res.partner"].create({"name": "ASP", "is_company": True})
    partners = env["res.partner"].create([{"name": f"Bench trainee {i}"} for i in range(count)])
    trainees = env["tiers_lieu.trainee"].create(
        [{"partner_id": partner.id, "state": "in_progress"} for partner in partners]
    )
    env["tiers_lieu.trainee.path"].create(
        [
            {
                "trainee_id": trainee.id,
                "kind": "cddi",
                "date_start": date(2025, 1, 6),
                "date_end": date(2026, 12, 31),
                "weekly_hours": 26,
                "pass_number": f"99999{i:07d}",
                "pass_date_start": date(2025, 1, 6),
                "funder_id": asp.id,
            }
            for i, trainee in enumerate(trainees)
        ]
    )
    return trainees
