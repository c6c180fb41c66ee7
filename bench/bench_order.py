"""Confirmation of large client orders: wall time and SQL queries to confirm orders of 10,
100 and 1,000 lines of a printable part (6 parts a line, 4 per plate: 2 print jobs a line).

Two measures per size: the whole confirmation (Odoo's delivery and stock rules included)
and the creation of the print jobs alone (target: the same number of queries whatever the
number of lines)."""

from common import bench_env, measure, parse_args

from odoo import Command


def setup(env):
    company = env.company
    company.write(
        {"order_machine_hour_cost": 2.0, "order_labour_hour_cost": 20.0, "order_margin_percent": 30}
    )
    pla = env["tiers_lieu.material"].create({"name": "Bench PLA", "code": "B-PLA", "family": "pla"})
    pla.order_cost_per_kg = 20.0
    template = env["product.template"].create({"name": "Bench shield", "is_printable_part": True})
    version = env["tiers_lieu.design.version"].create(
        {
            "product_tmpl_id": template.id,
            "name": "v30",
            "material_id": pla.id,
            "grams_per_part": 25.0,
            "parts_per_plate": 4,
            "print_minutes_per_plate": 120.0,
            "print_file": b"O0xOQ0g=",
            "print_filename": "shield.gcode",
        }
    )
    version.action_validate()
    partner = env["res.partner"].create({"name": "Bench hospital", "beneficiary_type": "hospital"})
    return template.product_variant_id, partner


def make_order(env, product, partner, lines):
    return env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_kind": "solidarity",
            "is_urgent": True,
            "order_line": [
                Command.create({"product_id": product.id, "product_uom_qty": 6})
                for _i in range(lines)
            ],
        }
    )


def main():
    args = parse_args(__doc__)
    confirm, jobs_only = [], []
    with bench_env(args) as env:
        product, partner = setup(env)
        make_order(env, product, partner, 1).action_confirm()  # warm the caches
        for lines in (10, 100, 1000):
            order = make_order(env, product, partner, lines)
            with measure(env, f"confirm an order of {lines} lines", confirm):
                order.action_confirm()
            assert len(order.print_job_ids) == 2 * lines
            # The jobs alone, on a second order whose lots exist already.
            again = make_order(env, product, partner, lines)
            again.order_line._create_production_lots()
            with measure(env, f"print jobs of {lines} lines ({2 * lines} jobs)", jobs_only):
                again.order_line._create_print_jobs()
    counts = [queries for _label, _seconds, queries in jobs_only]
    print(f"job creation queries: {counts} for 10, 100, 1,000 lines")
    print(
        "whole confirmation queries: "
        f"{[queries for _label, _seconds, queries in confirm]} for 10, 100, 1,000 lines"
    )
    # The ORM writes 100 rows per INSERT or UPDATE: 3 more queries (jobs, print files,
    # queueing) per 100 jobs beyond the first hundred, nothing per line.
    for lines, count in zip((10, 100, 1000), counts, strict=True):
        batches = -(-2 * lines // 100)
        assert count == counts[0] + 3 * (batches - 1), (lines, count, counts)


if __name__ == "__main__":
    main()
