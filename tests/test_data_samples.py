"""The reference data and import samples of data/ go through Odoo's standard import (the
*Import records* screen: base_import, CSV, first line as headers), as a user of the role that
imports them does."""

import csv
from pathlib import Path

from odoo.tests import TransactionCase, new_test_user, tagged

DATA = Path(__file__).resolve().parents[1] / "data"


@tagged("post_install", "-at_install")
class TestDataSamples(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, "tl_import_manager", groups="tiers_lieu.group_manager,stock.group_stock_user"
        )
        cls.treasurer = new_test_user(
            cls.env, "tl_import_treasurer", groups="tiers_lieu.group_treasurer"
        )
        cls.insertion = new_test_user(
            cls.env,
            "tl_import_insertion",
            groups="tiers_lieu_training.group_insertion_manager,base.group_partner_manager",
        )

    def import_sample(self, user, model, filename, name_create=()):
        """Imports data/<filename> into ``model`` as ``user``; returns the records made."""
        content = (DATA / filename).read_bytes()
        with open(DATA / filename, encoding="utf-8") as sample:
            header = next(csv.reader(sample))
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .create({"res_model": model, "file": content, "file_type": "text/csv"})
        )
        options = {
            "quoting": '"',
            "separator": ",",
            "encoding": "utf-8",
            "has_headers": True,
            "date_format": "%Y-%m-%d",
            "float_decimal_separator": ".",
            "float_thousand_separator": "",
            "name_create_enabled_fields": {field: True for field in name_create},
        }
        result = wizard.execute_import(header, header, options)
        errors = [message for message in result.get("messages", []) if message["type"] == "error"]
        self.assertFalse(errors, f"{filename}: {errors}")
        return self.env[model].browse(result["ids"])

    def import_materials(self):
        return self.import_sample(self.manager, "tiers_lieu.material", "materials.csv")

    def test_material_catalogue(self):
        materials = self.import_materials()
        self.assertEqual(len(materials), 9)
        pla = materials.filtered(lambda material: material.code == "PLA")
        self.assertEqual(pla.family, "pla")
        self.assertAlmostEqual(pla.density, 1.24)
        self.assertEqual((pla.print_temp_min, pla.print_temp_max, pla.bed_temp), (190, 220, 60))
        self.assertEqual(len(pla.co2_factor_ids), 1)
        self.assertAlmostEqual(pla.co2_factor, 0.62)
        self.assertIn("Ingeo", pla.co2_factor_source)
        # Every factor of the catalogue says where it comes from and since when.
        factors = materials.co2_factor_ids
        self.assertEqual(len(factors), 2)
        self.assertTrue(all(factors.mapped("source")) and all(factors.mapped("date_from")))
        abs_ = materials.filtered(lambda material: material.code == "ABS")
        self.assertFalse(abs_.co2_factor_ids)

    def test_printers(self):
        self.import_materials()
        printers = self.import_sample(self.manager, "maintenance.equipment", "printers.csv")
        self.assertEqual(len(printers), 5)
        self.assertEqual(
            printers.mapped("machine_kind").count("fdm_printer"), 4, printers.mapped("name")
        )
        mk4 = printers.filtered(lambda printer: printer.name == "Prusa MK4 n°1")
        self.assertEqual(sorted(mk4.material_ids.mapped("code")), ["PETG", "PLA", "TPU95A"])
        self.assertEqual((mk4.build_x_mm, mk4.build_y_mm, mk4.build_z_mm), (250, 210, 220))
        laser = printers.filtered(lambda printer: printer.machine_kind == "laser_cutter")
        self.assertEqual(sorted(laser.material_ids.mapped("code")), ["PLY3", "PMMA3"])

    def test_spools_by_inventory(self):
        materials = self.import_materials()
        gram = self.env.ref("uom.product_uom_gram")
        for code, name in (("PLA", "Filament PLA 1.75 mm"), ("PETG", "Filament PETG 1.75 mm")):
            self.env["product.template"].create(
                {
                    "name": name,
                    "material_id": materials.filtered(lambda m, c=code: m.code == c).id,
                    "uom_id": gram.id,
                    "uom_po_id": gram.id,
                }
            )
        lots = self.import_sample(self.manager, "stock.lot", "spools.csv")
        self.assertEqual(len(lots), 5)
        self.assertEqual(set(lots.mapped("supply_origin")), {"purchase", "other"})
        quants = self.import_sample(self.manager, "stock.quant", "spools_stock.csv")
        self.assertEqual(len(quants), 5)
        quants.with_user(self.manager).action_apply_inventory()
        spools = quants.lot_id
        self.assertEqual(spools, lots)
        self.assertTrue(all(spools.mapped("is_spool")))
        by_name = {spool.name: spool for spool in spools}
        self.assertAlmostEqual(by_name["SPL-IMPORT-0003"].remaining_grams, 640)
        self.assertAlmostEqual(by_name["SPL-IMPORT-0005"].remaining_grams, 315)

    def test_donors(self):
        donors = self.import_sample(self.treasurer, "res.partner", "donors.csv")
        self.assertEqual(len(donors), 4)
        company = donors.filtered("is_company").filtered(lambda d: d.siret)
        self.assertEqual(company.siren, "732829320")
        self.assertEqual(
            sorted(donors.mapped("tax_receipt_option")), ["annual", "each", "each", "none"]
        )
        self.assertEqual(set(donors.country_id.mapped("code")), {"FR"})

    def test_trainees_without_nir(self):
        trainees = self.import_sample(
            self.insertion, "tiers_lieu.trainee", "trainees.csv", name_create=("partner_id",)
        )
        self.assertEqual(len(trainees), 3)
        self.assertEqual(len(trainees.path_ids), 3)
        ines = trainees.filtered(lambda trainee: trainee.name == "Inès Benkirane")
        self.assertEqual(ines.path_ids.kind, "cddi")
        self.assertEqual(ines.path_ids.pass_number, "999992600011")
        header = (DATA / "trainees.csv").read_text(encoding="utf-8").splitlines()[0]
        self.assertNotIn("nir", header.lower())
