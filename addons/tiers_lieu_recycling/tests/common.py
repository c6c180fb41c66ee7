from odoo.addons.queue_job.job import Job
from odoo.addons.tiers_lieu_consumable.tests.common import ConsumableCase


class RecyclingCase(ConsumableCase):
    """ConsumableCase's spools, with a recycled PLA product and a spool of PLA loaded on the
    MK4."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spool = cls.receive(cls.pla_black)
        cls.spool._load_on_machine(cls.mk4)
        cls.recycled_tmpl = cls.make_filament(cls.pla, "Recycled PLA", (cls.black,), price=0.0)
        cls.recycled_pla = cls.recycled_tmpl.product_variant_ids
        cls.suppliers = cls.env.ref("stock.stock_location_suppliers")
        cls.non_recyclable = cls.env.ref(
            "tiers_lieu_recycling.stock_location_offcut_non_recyclable"
        )
        cls.partner = cls.env["res.partner"].create({"name": "Plasturgie du Val"})

    @classmethod
    def weigh(cls, material, source, grams, **kwargs):
        return material._weigh_offcut(source, grams, **kwargs)

    def queued_postings(self):
        return self.env["queue.job"].search(
            [("method_name", "=", "_post_in_background"), ("state", "=", "pending")], order="id"
        )

    def post_weighings(self):
        """Run the queued postings of weighings as the job runner would, each as the user
        who weighed; returns how many ran."""
        queued = self.queued_postings()
        for record in queued:
            job = Job.load(self.env, record.uuid)
            job.perform()
            job.set_done()
            job.store()
        return len(queued)

    @classmethod
    def batch(cls, lines, output=80.0, material=None, **vals):
        return cls.env["tiers_lieu.recycling.batch"].create(
            {
                "material_id": (material or cls.pla).id,
                "output_product_id": cls.recycled_pla.id,
                "output_grams": output,
                "line_ids": [(0, 0, {"lot_id": lot.id, "grams": grams}) for lot, grams in lines],
                **vals,
            }
        )

    def bin_grams(self, location, lot=None):
        domain = [("location_id", "=", location.id)]
        if lot:
            domain.append(("lot_id", "=", lot.id))
        return sum(self.env["stock.quant"].search(domain).mapped("quantity"))
