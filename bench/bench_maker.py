"""Maker allocation suggestion for an order line of 10,000 parts over 100 then 1,000 makers:
wall time and SQL queries (target: under 1 s, and the same number of queries whatever the
number of makers)."""

from common import bench_env, measure, parse_args


def build_network(env, tag, count, materials, version_material):
    """``count`` makers around the tiers-lieu, one printer each (PLA, PETG or both, three
    sizes), one in ten paused, one in five with an open batch."""
    pla, petg = materials
    makers = env["tiers_lieu.maker"].create(
        [
            {
                "partner_id": env["res.partner"]
                .create({"name": f"Maker {tag}-{i:04d}", "zip": f"91{800 + i % 90:03d}"})
                .id,
                "distance_km": 0.5 + (i * 7) % 40,
                "weekly_capacity": 10 + (i * 13) % 90,
                "availability": "paused" if i % 10 == 0 else "active",
                "printer_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Printer",
                            "build_x_mm": (180, 220, 250)[i % 3],
                            "build_y_mm": (180, 220, 210)[i % 3],
                            "build_z_mm": (180, 250, 210)[i % 3],
                            "material_ids": [
                                (
                                    6,
                                    0,
                                    (
                                        (pla | petg) if i % 4 == 0 else petg if i % 4 == 1 else pla
                                    ).ids,
                                )
                            ],
                        },
                    )
                ],
            }
            for i in range(count)
        ]
    )
    return makers


def main():
    args = parse_args(__doc__)
    results = []
    with bench_env(args) as env:
        env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
        Material = env["tiers_lieu.material"]
        pla = Material.create({"name": "Bench PLA", "code": "B-PLA", "family": "pla"})
        petg = Material.create({"name": "Bench PETG", "code": "B-PETG", "family": "petg"})
        template = env["product.template"].create(
            {"name": "Bench shield", "is_printable_part": True}
        )
        version = env["tiers_lieu.design.version"].create(
            {
                "product_tmpl_id": template.id,
                "name": "v30",
                "material_id": pla.id,
                "grams_per_part": 25.0,
                "parts_per_plate": 4,
                "print_minutes_per_plate": 120.0,
            }
        )
        version.action_validate()
        hospital = env["res.partner"].create(
            {
                "name": "Bench hospital",
                "is_company": True,
                "zip": "91860",
                "beneficiary_type": "hospital",
            }
        )
        order = env["sale.order"].create(
            {
                "partner_id": hospital.id,
                "order_kind": "solidarity",
                "is_urgent": True,
                "order_line": [
                    (0, 0, {"product_id": template.product_variant_id.id, "product_uom_qty": 10000})
                ],
            }
        )
        line = order.order_line
        env["tiers_lieu.maker"].search([]).write({"active": False})
        for count in (100, 1000):
            build_network(env, str(count), count - (100 if count == 1000 else 0), (pla, petg), pla)
            label = f"suggest 10,000 parts over {count} makers"
            with measure(env, label, results):
                rows = line._maker_suggestions({line: 10000})[line]
            compatible = len(rows)
            allocated = sum(r["quantity"] for r in rows)
            print(f"  {compatible} compatible makers, {allocated} parts placed this week")
    (_l1, _s1, queries_small), (_l2, seconds_big, queries_big) = results
    print(f"queries: {queries_small} for 100 makers, {queries_big} for 1,000 makers")
    assert queries_small == queries_big, "the query count grows with the number of makers"
    assert seconds_big < 1.0, f"suggesting over 1,000 makers took {seconds_big:.3f} s"


if __name__ == "__main__":
    main()
