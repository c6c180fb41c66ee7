from odoo import Command

from odoo.addons.tiers_lieu_machine.tests.common import MachineCase


class ConsumableCase(MachineCase):
    """The machine park of MachineCase with filament products, a vendor and spools."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_notrack=True))
        cls.gram = cls.env.ref("uom.product_uom_gram")
        cls.black = cls.env.ref("tiers_lieu_consumable.filament_color_black")
        cls.red = cls.env.ref("tiers_lieu_consumable.filament_color_red")
        cls.kg_1 = cls.env.ref("tiers_lieu_consumable.filament_net_weight_1000")
        cls.consumption = cls.env.ref("tiers_lieu_consumable.stock_location_print_consumption")
        cls.offcut = cls.env.ref("tiers_lieu_consumable.stock_location_offcut")
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.vendor = cls.env["res.partner"].create({"name": "Filaments de l'Ouest"})
        cls.donor = cls.env["res.partner"].create({"name": "Fablab des Lilas"})
        cls.mk4.filament_diameter_mm = 1.75
        cls.mini.filament_diameter_mm = 1.75
        cls.pla_tmpl = cls.make_filament(cls.pla, "Test PLA", (cls.black, cls.red))
        cls.pla_black, cls.pla_red = cls.pla_tmpl.product_variant_ids.sorted(
            lambda p: p.filament_color_id.sequence
        )
        cls.petg_tmpl = cls.make_filament(cls.petg, "Test PETG", (cls.black,))
        cls.petg_black = cls.petg_tmpl.product_variant_ids
        cls.tpu_tmpl = cls.make_filament(cls.tpu, "Test TPU", (cls.black,))
        cls.tpu_black = cls.tpu_tmpl.product_variant_ids

    @classmethod
    def make_filament(cls, material, name, colors, tare=200.0, price=20.0):
        template = cls.env["product.template"].create(
            {
                "name": name,
                "material_id": material.id,
                "standard_price": price / 1000.0,
                "attribute_line_ids": [
                    Command.create(
                        {
                            "attribute_id": colors[0].attribute_id.id,
                            "value_ids": [Command.set([c.id for c in colors])],
                        }
                    ),
                    Command.create(
                        {
                            "attribute_id": cls.kg_1.attribute_id.id,
                            "value_ids": [Command.set(cls.kg_1.ids)],
                        }
                    ),
                ],
                "seller_ids": [
                    Command.create(
                        {
                            "partner_id": cls.vendor.id,
                            "price": price,
                            "spool_tare_grams": tare,
                            "delay": 3,
                        }
                    )
                ],
            }
        )
        return template

    @classmethod
    def receive(cls, product, count=1, grams=1000.0, value=20.0, partner=None, **line):
        picking = cls.env["stock.lot"]._receive_spools(
            partner or cls.vendor,
            [dict(line, product_id=product.id, count=count, grams=grams, value=value)],
        )
        return picking.move_line_ids.lot_id.sorted("id")

    @classmethod
    def start_job(cls, machine, material=None, grams=30.0, **vals):
        job = cls.make_job(
            machine_id=machine.id,
            material_id=(material or cls.pla).id,
            operator_id=cls.alice.id,
            estimated_grams=grams,
            **vals,
        )
        job.action_queue()
        job.action_start()
        return job

    def quantity(self, spool, location):
        return sum(
            self.env["stock.quant"]
            .search([("lot_id", "=", spool.id), ("location_id", "=", location.id)])
            .mapped("quantity")
        )
