import base64

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.tiers_lieu_order.tests.common import OrderCase


class MakerCase(OrderCase):
    """OrderCase's face shield v30 (PLA, 25 g, 4 a plate) with a print file, a staff
    user, two collection points and three makers with portal users:

    - Léa (Épinay, 91860, 1 km, 40 parts a week, PLA+PETG on a 250 mm printer);
    - Hugo (Brunoy, 91800, 4 km, 30 a week, PLA on a 180 mm printer);
    - Chloé (Yerres, 91330, 7 km, 100 a week, PETG only);
    plus Zoé, paused.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        # The validated version carries its file (written before validation in real life).
        cls.v30.state = "draft"
        cls.v30.write(
            {"print_file": base64.b64encode(b";gcode v30\nG28\n"), "print_filename": "v30.gcode"}
        )
        cls.v30.state = "validated"
        cls.staff = new_test_user(
            cls.env,
            login="tl_maker_staff",
            groups="tiers_lieu.group_staff,stock.group_stock_user",
        )
        Partner = cls.env["res.partner"]
        cls.mairie = Partner.create(
            {
                "name": "Mairie d'Épinay",
                "is_company": True,
                "is_collection_point": True,
                "zip": "91860",
                "city": "Épinay-sous-Sénart",
                "collection_opening_hours": "9h-17h",
            }
        )
        cls.hospital.write({"zip": "91860", "city": "Épinay-sous-Sénart"})
        cls.lea = cls.make_maker(
            "Léa Moreau", "91860", "Épinay-sous-Sénart", 1.0, 40, (cls.pla | cls.petg), 250
        )
        cls.hugo = cls.make_maker("Hugo Petit", "91800", "Brunoy", 4.0, 30, cls.pla, 180)
        cls.chloe = cls.make_maker("Chloé Garnier", "91330", "Yerres", 7.0, 100, cls.petg, 250)
        cls.zoe = cls.make_maker(
            "Zoé Clément", "91860", "Épinay-sous-Sénart", 0.5, 100, cls.pla, 250
        )
        cls.zoe.availability = "paused"

    @classmethod
    def make_maker(cls, name, zip_code, city, distance, capacity, materials, size, user=True):
        partner = cls.env["res.partner"].create(
            {
                "name": name,
                "email": f"{name.split()[0].lower()}@example.org",
                "zip": zip_code,
                "city": city,
                "lang": "fr_FR",
            }
        )
        maker = cls.env["tiers_lieu.maker"].create(
            {
                "partner_id": partner.id,
                "distance_km": distance,
                "weekly_capacity": capacity,
                "printer_ids": [
                    Command.create(
                        {
                            "name": "Printer",
                            "build_x_mm": size,
                            "build_y_mm": size,
                            "build_z_mm": size,
                            "material_ids": [Command.set(materials.ids)],
                        }
                    )
                ],
            }
        )
        if user:
            new_test_user(
                cls.env,
                login=f"tl_maker_{name.split()[0].lower()}",
                groups="base.group_portal",
                name=name,
                partner_id=partner.id,
                lang="fr_FR",
            )
        return maker

    @classmethod
    def make_batch(cls, maker, line, quantity, **vals):
        return cls.env["tiers_lieu.maker.batch"].create(
            dict(
                {
                    "maker_id": maker.id,
                    "sale_line_id": line.id,
                    "design_version_id": line.design_version_id.id,
                    "quantity": quantity,
                    "collection_point_id": cls.mairie.id,
                },
                **vals,
            )
        )

    @classmethod
    def confirmed_order(cls, quantity=100, urgent=True, partner=None):
        order = cls.make_order(
            partner or cls.hospital,
            kind="solidarity",
            lines=((None, quantity),),
            is_urgent=urgent,
        )
        order.action_confirm()
        return order

    @classmethod
    def declare(cls, batch, produced, failed=0, weight=0.0):
        return cls.env["tiers_lieu.maker.declaration"].create(
            {
                "batch_id": batch.id,
                "qty_produced": produced,
                "qty_failed": failed,
                "failed_weight_grams": weight,
            }
        )
