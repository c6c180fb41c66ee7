from odoo import Command, fields

from odoo.addons.tiers_lieu_consumable.tests.common import ConsumableCase


class OrderCase(ConsumableCase):
    """A printable face shield (v30: 25 g, 4 per plate, 2 h a plate), a cost model and
    customers of each kind.

    Unit cost of v30: material 25 g × 20 €/kg = 0.50; machine 2 h / 4 × 2 €/h = 1.00;
    labour 6 min / 4 × 20 €/h = 0.50; total 2.00 €, so 3.00 € with the 50 % margin.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "order_machine_hour_cost": 2.0,
                "order_labour_hour_cost": 20.0,
                "order_margin_percent": 50.0,
            }
        )
        cls.pla.order_cost_per_kg = 20.0
        cls.petg.order_cost_per_kg = 30.0
        cls.shield_tmpl = cls.env["product.template"].create(
            {"name": "Face shield headband", "is_printable_part": True, "list_price": 99.0}
        )
        cls.shield = cls.shield_tmpl.product_variant_id
        cls.v30 = cls.make_version(cls.shield_tmpl, "v30")
        cls.v30.action_validate()
        cls.hospital = cls.env["res.partner"].create(
            {"name": "CH Sud Francilien", "beneficiary_type": "hospital", "is_company": True}
        )
        cls.school = cls.env["res.partner"].create(
            {"name": "Lycée Brassens", "beneficiary_type": "school", "is_company": True}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Visières SAS", "beneficiary_type": "company", "is_company": True}
        )
        cls.service = cls.env["product.product"].create(
            {"name": "Design work", "type": "service", "list_price": 50.0}
        )

    @classmethod
    def make_version(cls, template, name, **vals):
        values = {
            "product_tmpl_id": template.id,
            "name": name,
            "material_id": cls.pla.id,
            "grams_per_part": 25.0,
            "parts_per_plate": 4,
            "print_minutes_per_plate": 120.0,
            "labour_minutes_per_plate": 6.0,
        }
        values.update(vals)
        return cls.env["tiers_lieu.design.version"].create(values)

    @classmethod
    def make_order(cls, partner=None, kind="commercial", lines=((None, 10),), **vals):
        return cls.env["sale.order"].create(
            dict(
                {
                    "partner_id": (partner or cls.customer).id,
                    "order_kind": kind,
                    "order_line": [
                        Command.create(
                            {"product_id": (product or cls.shield).id, "product_uom_qty": qty}
                        )
                        for product, qty in lines
                    ],
                },
                **vals,
            )
        )

    @classmethod
    def print_jobs(cls, jobs, good=None, machine=None):
        """Start then finish ``jobs`` on ``machine`` (the MK4), ``good`` parts each when
        given (else the whole plate)."""
        for job in jobs:
            job.write({"machine_id": (machine or cls.mk4).id, "operator_id": cls.alice.id})
            job.action_start()
            job.date_start = fields.Datetime.subtract(fields.Datetime.now(), hours=2)
            if good is not None:
                job.good_quantity = good
                job.rejected_quantity = job.quantity_per_plate - good
            job.action_done()
        return jobs

    @classmethod
    def deliver(cls, order, quantity):
        picking = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        picking.action_assign()
        move = picking.move_ids
        move.quantity = quantity
        move.picked = True
        picking.with_context(cancel_backorder=False)._action_done()
        return picking
