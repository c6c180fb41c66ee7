import base64
from pathlib import Path

from odoo.addons.tiers_lieu.tests.common import TiersLieuCase

GCODE_DIR = Path(__file__).parent / "gcode"


def gcode_b64(name):
    return base64.b64encode((GCODE_DIR / name).read_bytes())


class MachineCase(TiersLieuCase):
    """A small park: two FDM printers of different sizes, a laser cutter, materials and
    people with and without authorisations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Material = cls.env["tiers_lieu.material"]
        cls.pla = Material.create({"name": "PLA", "code": "T-PLA", "family": "pla"})
        cls.petg = Material.create({"name": "PETG", "code": "T-PETG", "family": "petg"})
        cls.tpu = Material.create({"name": "TPU 95A", "code": "T-TPU", "family": "tpu"})
        cls.plywood = Material.create({"name": "Plywood 3 mm", "code": "T-PLY", "family": "wood"})
        Machine = cls.env["maintenance.equipment"]
        cls.mk4 = Machine.create(
            {
                "name": "Test MK4",
                "machine_kind": "fdm_printer",
                "manufacturer": "Prusa",
                "build_x_mm": 250,
                "build_y_mm": 210,
                "build_z_mm": 220,
                "nozzle_diameter_mm": 0.4,
                "material_ids": [(6, 0, (cls.pla | cls.petg).ids)],
            }
        )
        cls.mini = Machine.create(
            {
                "name": "Test Mini",
                "machine_kind": "fdm_printer",
                "build_x_mm": 180,
                "build_y_mm": 180,
                "build_z_mm": 180,
                "material_ids": [(6, 0, cls.pla.ids)],
            }
        )
        cls.laser = Machine.create(
            {
                "name": "Test Laser",
                "machine_kind": "laser_cutter",
                "build_x_mm": 600,
                "build_y_mm": 400,
                "build_z_mm": 20,
                "material_ids": [(6, 0, cls.plywood.ids)],
            }
        )
        Partner = cls.env["res.partner"]
        cls.alice = Partner.create({"name": "Alice Operator"})
        cls.bob = Partner.create({"name": "Bob Trainee"})
        # No lapse, no expiry: the fixtures do not depend on today's date.
        cls.env.company.machine_authorization_lapse_months = 0
        cls.auth_alice = cls.env["tiers_lieu.machine.authorization"].create(
            {
                "partner_id": cls.alice.id,
                "machine_kind": "fdm_printer",
                "granted_date": "2025-01-01",
                "expiry_date": False,
            }
        )

    @classmethod
    def make_job(cls, **vals):
        values = {
            "part_name": "Headband",
            "material_id": cls.pla.id,
            "estimated_duration_hours": 1.5,
            "estimated_grams": 30.0,
            "size_x_mm": 100,
            "size_y_mm": 50,
            "size_z_mm": 10,
        }
        values.update(vals)
        return cls.env["tiers_lieu.print.job"].create(values)
