from odoo import Command

from odoo.addons.tiers_lieu_order.tests.common import OrderCase


class KitCase(OrderCase):
    """A face shield kit (phantom bill of materials): the printed headband of OrderCase
    (v30, 4 per plate), a PET visor cut on the laser (8 per run, a quarter of a sheet
    each) and an elastic from stock; fabric masks sewn 10 per batch, 0.3 m each.
    Stock: 10 sheets, 50 elastics, 5 m of fabric."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.pet = cls.env["tiers_lieu.material"].create(
            {"name": "PET sheet 0.5 mm", "code": "T-PETS", "family": "other"}
        )
        cls.laser.material_ids = [Command.link(cls.pet.id)]
        cls.sheet = Product.create(
            {"name": "PET sheet A4 0.5 mm", "is_storable": True, "standard_price": 0.80}
        )
        cls.elastic = Product.create(
            {"name": "Elastic band 30 cm", "is_storable": True, "standard_price": 0.10}
        )
        cls.fabric = Product.create(
            {
                "name": "Cotton fabric",
                "is_storable": True,
                "standard_price": 4.0,
                "uom_id": cls.env.ref("uom.product_uom_meter").id,
                "uom_po_id": cls.env.ref("uom.product_uom_meter").id,
            }
        )
        cls.visor_tmpl = cls.env["product.template"].create(
            {"name": "PET visor (cut)", "is_printable_part": True}
        )
        cls.visor = cls.visor_tmpl.product_variant_id
        cls.visor_v1 = cls.make_version(
            cls.visor_tmpl,
            "v1",
            machine_kind="laser_cutter",
            material_id=cls.pet.id,
            grams_per_part=0.0,
            supply_product_id=cls.sheet.id,
            supply_qty_per_part=0.25,
            parts_per_plate=8,
            print_minutes_per_plate=10.0,
        )
        cls.visor_v1.action_validate()
        cls.mask_tmpl = cls.env["product.template"].create(
            {"name": "Fabric mask", "is_printable_part": True}
        )
        cls.mask = cls.mask_tmpl.product_variant_id
        cls.mask_v1 = cls.make_version(
            cls.mask_tmpl,
            "v1",
            machine_kind="sewing_machine",
            material_id=False,
            grams_per_part=0.0,
            supply_product_id=cls.fabric.id,
            supply_qty_per_part=0.3,
            parts_per_plate=10,
            print_minutes_per_plate=60.0,
        )
        cls.mask_v1.action_validate()
        cls.kit_tmpl = cls.env["product.template"].create(
            {"name": "Face shield kit", "type": "consu", "sale_ok": True, "list_price": 5.0}
        )
        cls.kit = cls.kit_tmpl.product_variant_id
        cls.bom = cls.env["mrp.bom"].create(
            {
                "product_tmpl_id": cls.kit_tmpl.id,
                "type": "phantom",
                "bom_line_ids": [
                    Command.create({"product_id": cls.shield.id, "product_qty": 1}),
                    Command.create({"product_id": cls.visor.id, "product_qty": 1}),
                    Command.create({"product_id": cls.elastic.id, "product_qty": 1}),
                ],
            }
        )
        cls.sewing = cls.env["maintenance.equipment"].create(
            {"name": "Test Sewing Machine", "machine_kind": "sewing_machine"}
        )
        Authorization = cls.env["tiers_lieu.machine.authorization"]
        for kind in ("laser_cutter", "sewing_machine"):
            Authorization.create(
                {
                    "partner_id": cls.alice.id,
                    "machine_kind": kind,
                    "granted_date": "2025-01-01",
                    "expiry_date": False,
                }
            )
        Quant = cls.env["stock.quant"]
        for product, qty in ((cls.sheet, 10), (cls.elastic, 50), (cls.fabric, 5)):
            Quant._update_available_quantity(product, cls.stock, qty)

    def on_hand(self, product, location=None):
        return sum(
            self.env["stock.quant"]
            .search(
                [("product_id", "=", product.id), ("location_id", "=", (location or self.stock).id)]
            )
            .mapped("quantity")
        )

    def jobs_of(self, order, product):
        return order.print_job_ids.filtered(lambda j: j.product_id == product).sorted("id")
