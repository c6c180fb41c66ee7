from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestMaterialAndProducts(ConsumableCase):
    def test_density_comes_from_the_family_and_weighs_slicer_volumes(self):
        self.assertAlmostEqual(self.pla.density, 1.24)
        self.assertAlmostEqual(self.pla._grams_from_volume(10000.0), 12.4)
        self.pla.density = 1.30
        self.assertAlmostEqual(self.pla._grams_from_volume(10000.0), 13.0)
        self.assertAlmostEqual(self.plywood.density, 0.0)
        self.assertTrue(self.pla.recyclable)
        resin = self.env["tiers_lieu.material"].create({"name": "Resin", "family": "resin"})
        self.assertFalse(resin.recyclable)

    def test_co2_factor_in_force_on_a_date(self):
        Factor = self.env["tiers_lieu.material.co2.factor"]
        old, new = Factor.create(
            [
                {
                    "material_id": self.pla.id,
                    "value": 0.75,
                    "date_from": "2020-01-01",
                    "source": "Ingeo eco-profile 2009",
                },
                {
                    "material_id": self.pla.id,
                    "value": 0.62,
                    "date_from": "2025-01-01",
                    "source": "ADEME Base Empreinte v23",
                },
            ]
        )
        self.assertEqual(self.pla._co2_factor_on("2024-06-30"), old)
        self.assertEqual(self.pla._co2_factor_on("2025-01-01"), new)
        self.assertFalse(self.pla._co2_factor_on("2019-12-31"))
        self.assertAlmostEqual(
            self.pla.with_context(date="2024-06-30").co2_factor, 0.62
        )  # the compute uses today: 2025 factor in force
        self.assertEqual(self.pla.co2_factor_source, "ADEME Base Empreinte v23")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Factor.create(
                {"material_id": self.pla.id, "value": -1, "date_from": "2026-01-01", "source": "x"}
            )

    def test_variants_carry_colour_diameter_and_net_weight(self):
        self.assertEqual(self.pla_black.filament_color_id, self.black)
        self.assertEqual(self.pla_red.filament_color_id, self.red)
        self.assertAlmostEqual(self.pla_black.filament_net_grams, 1000.0)
        # No diameter variant: the material's diameter.
        self.assertAlmostEqual(self.pla_black.filament_diameter_mm, 1.75)
        self.pla.filament_diameter_mm = 2.85
        self.assertAlmostEqual(self.pla_black.filament_diameter_mm, 2.85)
        diameter = self.env.ref("tiers_lieu_consumable.filament_diameter_175")
        self.pla_tmpl.write(
            {
                "attribute_line_ids": [
                    Command.create(
                        {
                            "attribute_id": diameter.attribute_id.id,
                            "value_ids": [Command.set(diameter.ids)],
                        }
                    )
                ]
            }
        )
        self.assertAlmostEqual(self.pla_tmpl.product_variant_ids[0].filament_diameter_mm, 1.75)

    def test_a_filament_is_counted_in_grams_by_lot(self):
        self.assertEqual(self.pla_tmpl.uom_id, self.gram)
        self.assertEqual(self.pla_tmpl.uom_po_id, self.env.ref("uom.product_uom_kgm"))
        self.assertEqual(self.pla_tmpl.tracking, "lot")
        self.assertTrue(self.pla_tmpl.is_storable)
        self.assertTrue(self.pla_tmpl.lot_valuated)
        self.assertEqual(self.pla_tmpl.categ_id.property_cost_method, "fifo")
        with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
            self.pla_tmpl.tracking = "none"
        self.assertIn("grams", str(error.exception))

    def test_product_form_sets_a_filament_up(self):
        form = Form(self.env["product.template"])
        form.name = "Form PETG"
        form.material_id = self.petg
        self.assertEqual(form.uom_id, self.gram)
        self.assertEqual(form.tracking, "lot")
        product = form.save()
        self.assertEqual(product.material_id, self.petg)

    def test_diameter_and_weight_values_need_a_number(self):
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["product.attribute.value"].create(
                {"name": "3 mm", "attribute_id": self.kg_1.attribute_id.id}
            )
        value = self.env["product.attribute.value"].create(
            {"name": "3 kg", "attribute_id": self.kg_1.attribute_id.id, "numeric_value": 3000}
        )
        self.assertEqual(value.filament_role, "net_weight")

    def test_material_counts_its_spools(self):
        self.receive(self.pla_black, count=2)
        self.receive(self.pla_red, grams=750.0)
        self.pla.invalidate_recordset()
        self.assertEqual(self.pla.spool_count, 3)
        self.assertAlmostEqual(self.pla.grams_in_stock, 2750.0)
        self.assertEqual(self.pla.product_count, 1)
        self.assertEqual(
            self.pla.action_view_spools()["domain"], [("material_id", "=", self.pla.id)]
        )
