"""Dispatch of queued print jobs over a farm of 100 printers: wall time and SQL queries for
1,000 and 10,000 queued jobs (target: under 1 s, and the same number of queries)."""

from common import bench_env, measure, parse_args, report


def build_farm(env, tag, printers):
    Material = env["tiers_lieu.material"]
    pla = Material.create({"name": f"PLA {tag}", "code": f"PLA-{tag}", "family": "pla"})
    petg = Material.create({"name": f"PETG {tag}", "code": f"PETG-{tag}", "family": "petg"})
    tpu = Material.create({"name": f"TPU {tag}", "code": f"TPU-{tag}", "family": "tpu"})
    env["maintenance.equipment"].search([("machine_kind", "!=", False)]).write({"active": False})
    machines = env["maintenance.equipment"].create(
        [
            {
                "name": f"Printer {tag}-{i:03d}",
                "machine_kind": "fdm_printer",
                "build_x_mm": 250 if i % 4 else 180,
                "build_y_mm": 210 if i % 4 else 180,
                "build_z_mm": 220 if i % 4 else 180,
                "authorization_required": i % 2 == 0,
                "material_ids": [(6, 0, (pla | petg).ids if i % 3 else pla.ids)],
            }
            for i in range(printers)
        ]
    )
    operators = env["res.partner"].create([{"name": f"Operator {tag}-{i}"} for i in range(20)])
    env["tiers_lieu.machine.authorization"].create(
        [{"partner_id": p.id, "machine_kind": "fdm_printer"} for p in operators[:15]]
    )
    return machines, (pla, petg, tpu), operators


def queue_jobs(env, count, materials, operators):
    env["tiers_lieu.print.job"].search([("state", "=", "queued")]).write({"state": "cancelled"})
    pla, petg, tpu = materials
    return env["tiers_lieu.print.job"].create(
        [
            {
                "part_name": f"Part {i}",
                "state": "queued",
                "estimated_duration_hours": 1 + i % 5,
                "estimated_grams": 20 + i % 40,
                "priority": "1" if i % 9 == 0 else "0",
                "date_due": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "material_id": (tpu if i % 50 == 0 else petg if i % 3 == 0 else pla).id,
                "operator_id": operators[i % len(operators)].id if i % 4 else False,
                "size_x_mm": 120 + i % 100,
                "size_y_mm": 80 + i % 120,
                "size_z_mm": 10 + i % 150,
            }
            for i in range(count)
        ]
    )


def main():
    args = parse_args(__doc__, printers=100)
    results = []
    with bench_env(args) as env:
        env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
        Job = env["tiers_lieu.print.job"]
        for count in (1000, 10000):
            machines, materials, operators = build_farm(env, str(count), args.printers)
            queue_jobs(env, count, materials, operators)
            label = f"dispatch {count} queued jobs over {args.printers} printers"
            with measure(env, label, results):
                jobs = Job._dispatch()
            # Each printer takes jobs up to its queue capacity (hours), at least one.
            assert jobs.machine_id == machines, "a printer got no job"
            print(f"{label}: {len(jobs)} jobs assigned")
    (_l1, seconds_small, queries_small), (_l2, seconds_big, queries_big) = results
    print(f"queries: {queries_small} for 1,000 jobs, {queries_big} for 10,000 jobs")
    report(
        "dispatch of 10,000 queued jobs",
        f"{seconds_big * 1000:.0f} ms",
        "< 1000 ms",
        seconds_big < 1.0,
    )
    report(
        "dispatch queries (1,000 → 10,000 jobs)",
        f"{queries_small} → {queries_big}",
        "constant",
        queries_small == queries_big,
    )
    assert queries_small == queries_big, "the query count grows with the number of jobs"
    assert seconds_big < 1.0, f"dispatching 10,000 jobs took {seconds_big:.3f} s"


if __name__ == "__main__":
    main()
