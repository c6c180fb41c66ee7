"""Posting the filament consumption of finished print jobs: wall time and SQL queries for
1,000 and 10,000 jobs over 100 printers, each with a loaded spool (a third of the jobs
failed, with a weighed print that goes to the offcuts, so 1.33 moves per job).

Our code reads and writes in a fixed number of grouped queries; the moves are created in
one call and validated together, but Odoo's stock engine still works line by line when it
validates them (quant lookup and lock at both ends, push rules, FIFO valuation layer): about
11.6 queries per move, i.e. 15.5 per job here. Target: the queries per job do not grow
with the number of jobs."""

from common import bench_env, measure, parse_args, report


def build_farm(env, printers, grams_per_spool):
    pla = env["tiers_lieu.material"].create({"name": "Bench PLA", "code": "B-PLA", "family": "pla"})
    product = env["product.product"].create(
        {"name": "Bench PLA filament", "material_id": pla.id, "spool_net_grams": grams_per_spool}
    )
    env["maintenance.equipment"].search([("machine_kind", "!=", False)]).write({"active": False})
    machines = env["maintenance.equipment"].create(
        [
            {
                "name": f"Bench printer {i:03d}",
                "machine_kind": "fdm_printer",
                "material_ids": [(6, 0, pla.ids)],
            }
            for i in range(printers)
        ]
    )
    vendor = env["res.partner"].create({"name": "Bench vendor"})
    picking = env["stock.lot"]._receive_spools(
        vendor, [{"product_id": product.id, "count": printers, "value": grams_per_spool * 0.02}]
    )
    spools = picking.move_line_ids.lot_id.sorted("id")
    for spool, machine in zip(spools, machines, strict=True):
        spool._load_on_machine(machine)
    return pla, machines, spools


def finished_jobs(env, count, pla, machines):
    return env["tiers_lieu.print.job"].create(
        [
            {
                "part_name": f"Part {i}",
                "material_id": pla.id,
                "machine_id": machines[i % len(machines)].id,
                "state": "failed" if i % 3 == 0 else "done",
                "grams_actual": 5.0 + i % 30,
                "failed_weight_grams": (5.0 + i % 30) / 2 if i % 3 == 0 else 0.0,
            }
            for i in range(count)
        ]
    )


def main():
    args = parse_args(__doc__, printers=100)
    results = []
    with bench_env(args) as env:
        env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
        pla, machines, spools = build_farm(env, args.printers, 3000.0)
        for count in (1000, 10000):
            jobs = finished_jobs(env, count, pla, machines)
            label = f"post consumption of {count} finished jobs"
            with measure(env, label, results):
                moves = jobs._post_material_consumption()
            assert set(jobs.mapped("consumption_state")) == {"posted"}
            assert len(moves) == count + count // 3 + (1 if count % 3 else 0), len(moves)
            posted = sum(moves.mapped("quantity"))
            wanted = sum(jobs.mapped("grams_actual"))
            assert abs(posted - wanted) < 0.01, (posted, wanted)
        assert min(spools.mapped("remaining_grams")) >= 0
    for label, seconds, queries in results:
        count = int(label.split()[3])
        print(f"{label}: {seconds / count * 1000:.2f} ms and {queries / count:.2f} queries per job")
    (_l1, _s1, small), (_l2, seconds_big, big) = results
    print(
        f"queries per additional job: {(big - small) / 9000:.2f} "
        f"(fixed part: {small - (big - small) / 9000 * 1000:.0f})"
    )
    report(
        "consumption of 10,000 finished jobs, per job",
        f"{seconds_big / 10:.1f} ms",
        "< 23 ms (before)",
        seconds_big / 10 < 23,
    )
    report(
        "consumption queries per job (1,000 → 10,000 jobs)",
        f"{small / 1000:.2f} → {big / 10000:.2f}",
        "not growing",
        big / 10000 <= small / 1000 * 1.05,
    )
    assert big / 10000 <= small / 1000 * 1.05, "the queries per job grow with the jobs"


if __name__ == "__main__":
    main()
