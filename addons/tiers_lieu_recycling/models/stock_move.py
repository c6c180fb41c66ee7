from odoo import fields, models

OFFCUT_SOURCES = [
    ("failed_print", "Failed print"),
    ("support", "Supports, brims, rafts and purge"),
    ("test_print", "Test print"),
    ("spool_end", "End of a spool"),
    ("rejected", "Rejected at quality control"),
    ("returned", "Returned by a client"),
    ("partner_scrap", "Scrap given by a partner"),
]


class StockMove(models.Model):
    _inherit = "stock.move"

    offcut_source = fields.Selection(
        OFFCUT_SOURCES,
        readonly=True,
        copy=False,
        help="Where the weighed offcut comes from; a failed print posted by its job "
        "has the job and no source.",
    )
    offcut_machine_id = fields.Many2one(
        "maintenance.equipment",
        string="Offcut Machine",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The machine that produced the weighed offcut.",
    )
    recycling_batch_id = fields.Many2one(
        "tiers_lieu.recycling.batch",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The recycling batch that consumed, produced or lost these grams.",
    )
    waste_shipment_id = fields.Many2one(
        "tiers_lieu.waste.shipment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The waste shipment these grams left with.",
    )
