import csv
import io

from pypdf import PdfReader

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import RecyclingCase


@tagged("post_install", "-at_install")
class TestRegister(RecyclingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.weigh(cls.plywood, "rejected", 3000.0)
        cls.destination = cls.env["res.partner"].create(
            {"name": "Valo Plast", "is_company": True, "city": "Nantes", "siret": "73282932000074"}
        )
        cls.carrier = cls.env["res.partner"].create(
            {"name": "Transports Martin", "is_company": True, "siret": "73282932000074"}
        )

    def shipment(self, **vals):
        return self.env["tiers_lieu.waste.shipment"].create(
            {
                "material_id": self.plywood.id,
                "bin_location_id": self.non_recyclable.id,
                "grams": 2500.0,
                "waste_code": "20 01 39",
                "treatment_code": "R13",
                "destination_id": self.destination.id,
                "destination_siret": "732 829 320 00074",
                "carrier_id": self.carrier.id,
                "carrier_siret": "73282932000074",
                "carrier_receipt": "REC-44-2025-001",
                "document_ref": "BSD-0001",
                **vals,
            }
        )

    def test_shipment_leaves_the_bin_and_exports(self):
        shipment = self.shipment()
        shipment.action_ship()
        self.assertEqual(shipment.state, "done")
        waste = self.env.ref("tiers_lieu_recycling.stock_location_waste_sent")
        self.assertEqual(shipment.move_ids.location_dest_id, waste)
        self.assertAlmostEqual(sum(shipment.move_ids.mapped("quantity")), 2500.0)
        self.assertAlmostEqual(self.bin_grams(self.non_recyclable), 500.0)
        rows = list(
            csv.reader(io.StringIO(shipment._register_csv().decode("utf-8-sig")), delimiter=";")
        )
        self.assertEqual(rows[0][0], "Date d'expédition du déchet")
        self.assertEqual(rows[1][2:5], ["20 01 39", "Non", "0.003"])
        self.assertEqual(rows[1][7], "73282932000074")
        pdf, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            "tiers_lieu_recycling.action_report_waste_register", shipment.ids
        )
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        self.assertIn("Valo Plast", text)
        self.assertIn("BSD-0001", text)

    def test_bad_register_lines_are_refused(self):
        for vals, field in (
            ({"carrier_siret": False}, "Carrier SIRET"),
            ({"carrier_siret": "73282932000075"}, "Carrier SIRET"),
            ({"destination_siret": "123"}, "Destination SIRET"),
            ({"grams": 0.0}, "Quantity"),
            ({"grams": 3001.0}, "Quantity"),
        ):
            shipment = self.shipment(**vals)
            with self.assertRaisesRegex(ValidationError, field):
                shipment.action_ship()
            self.assertEqual(shipment.state, "draft")
            self.assertFalse(shipment.move_ids)
        self.assertAlmostEqual(self.bin_grams(self.non_recyclable), 3000.0)

    def test_staff_cannot_keep_the_register(self):
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.waste.shipment"].with_user(self.staff).search([])
