import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare

SUPPLY_ORIGINS = [
    ("purchase", "Purchase"),
    ("recycling", "Recycled in the workshop"),
    ("other", "Other"),
]
# Machines that take spools.
SPOOL_MACHINE_KINDS = ("fdm_printer", "resin_printer")
# Under this share of its filament a spool is nearly empty: shown in red, to replace.
LOW_SPOOL_PERCENT = 20.0
# A spool holds at most its initial filament plus this share (vendors overfill a little,
# scales drift): above, a weighing or a count is a typing error.
PLAUSIBLE_MARGIN_PERCENT = 20.0
PLAUSIBLE_MARGIN_GRAMS = 100.0
# No spool, bottle or empty reel of the workshop weighs more (industrial spools: 10 kg).
MAX_SPOOL_GRAMS = 50000.0


class StockLot(models.Model):
    _inherit = "stock.lot"

    name = fields.Char(default=lambda self: self._default_lot_name())
    is_spool = fields.Boolean(compute="_compute_is_spool", store=True, index=True)
    material_id = fields.Many2one(
        related="product_id.material_id", store=True, index="btree_not_null"
    )
    filament_color_id = fields.Many2one(
        related="product_id.filament_color_id", store=True, string="Colour"
    )
    color_html = fields.Char(related="filament_color_id.html_color")
    filament_diameter_mm = fields.Float(related="product_id.filament_diameter_mm", store=True)
    initial_net_grams = fields.Float(
        string="Initial Net Weight (g)",
        digits=(16, 0),
        compute="_compute_initial_net_grams",
        store=True,
        readonly=False,
        help="Filament on the spool when it arrived.",
    )
    tare_grams = fields.Float(
        string="Empty Spool (g)",
        digits=(16, 0),
        compute="_compute_tare_grams",
        store=True,
        readonly=False,
        help="Weight of the empty spool, from its vendor; weigh an empty spool to correct it.",
    )
    remaining_grams = fields.Float(
        string="Remaining (g)",
        digits=(16, 1),
        compute="_compute_remaining_grams",
        store=True,
        help="Filament on hand in the workshop's locations, from the stock.",
    )
    remaining_percent = fields.Float(
        string="Remaining (%)", digits=(5, 1), compute="_compute_remaining_grams", store=True
    )
    is_nearly_empty = fields.Boolean(
        compute="_compute_is_nearly_empty",
        help="Filament left, but less than 20 % of the spool: plan its replacement.",
    )
    vendor_id = fields.Many2one(
        "res.partner", string="Supplier or Donor", index="btree_not_null", tracking=True
    )
    supply_origin = fields.Selection(SUPPLY_ORIGINS, string="Origin", tracking=True)
    opened_date = fields.Date(string="Opened On", tracking=True)
    last_used_date = fields.Datetime(string="Last Used", readonly=True)
    machine_id = fields.Many2one(
        "maintenance.equipment",
        string="Loaded On",
        check_company=True,
        index="btree_not_null",
        tracking=True,
        copy=False,
        domain="[('machine_kind', 'in', ('fdm_printer', 'resin_printer'))]",
    )
    machine_tool = fields.Integer(
        string="Slot", default=1, copy=False, help="Slot or tool of the machine holding it."
    )
    recycled_content_percent = fields.Float(
        string="Recycled Content (%)",
        digits=(5, 1),
        tracking=True,
        help="Share of recycled material in this filament (EN 15343), set by recycling.",
    )
    print_job_ids = fields.One2many("tiers_lieu.print.job", "spool_id", string="Print Jobs")
    print_job_count = fields.Integer(compute="_compute_print_job_count")
    value_per_kg = fields.Float(
        string="Value per kg",
        digits="Product Price",
        compute="_compute_value_per_kg",
        help="Stock value of the filament left on the spool, per kilogram.",
    )

    _sql_constraints = [
        (
            "recycled_content_percent_range",
            "CHECK(recycled_content_percent >= 0 AND recycled_content_percent <= 100)",
            "The recycled content of a spool is a percentage between 0 and 100.",
        ),
        (
            "spool_weights_not_negative",
            "CHECK(initial_net_grams >= 0 AND tare_grams >= 0)",
            "The weights of a spool cannot be negative.",
        ),
    ]

    def init(self):
        # One spool per slot of a machine, whatever the concurrent loads.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (machine_id, machine_tool) "
                "WHERE machine_id IS NOT NULL",
                SQL.identifier(f"{self._table}_one_spool_per_slot"),
                SQL.identifier(self._table),
            )
        )

    def _default_lot_name(self):
        if self.env.context.get("tiers_lieu_spool"):
            return self._new_spool_name()
        return self.env["ir.sequence"].next_by_code("stock.lot.serial")

    @api.depends("product_id.company_id")
    def _compute_company_id(self):
        # A spool belongs to the company holding it, even when its product is shared: it
        # is loaded on that company's machines.
        result = super()._compute_company_id()
        for lot in self.filtered(lambda lot: lot.product_id.material_id and not lot.company_id):
            lot.company_id = self.env.company
        return result

    @api.depends("product_id.material_id")
    def _compute_is_spool(self):
        for lot in self:
            lot.is_spool = bool(lot.product_id.material_id)

    @api.depends("product_id")
    def _compute_initial_net_grams(self):
        for lot in self:
            lot.initial_net_grams = lot.product_id.filament_net_grams

    @api.depends("product_id", "vendor_id")
    def _compute_tare_grams(self):
        for lot in self:
            if lot.is_spool:
                lot.tare_grams = lot.product_id._filament_seller(lot.vendor_id).spool_tare_grams
            else:
                lot.tare_grams = 0.0

    @api.depends("quant_ids.quantity", "quant_ids.location_id", "initial_net_grams")
    def _compute_remaining_grams(self):
        grams = dict(
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [("lot_id", "in", self._origin.ids), ("location_id.usage", "=", "internal")],
                ["lot_id"],
                ["quantity:sum"],
            )
        )
        for lot in self:
            remaining = grams.get(lot._origin, 0.0)
            lot.remaining_grams = remaining
            lot.remaining_percent = (
                100.0 * remaining / lot.initial_net_grams if lot.initial_net_grams else 0.0
            )

    @api.depends("quant_ids", "quant_ids.quantity")
    def _compute_single_location(self):
        # A spool's grams also sit in the consumption, offcut and adjustment locations:
        # its location is the shelf holding what is left of it.
        spools = self.filtered("is_spool")
        result = super(StockLot, self - spools)._compute_single_location()
        for lot in spools:
            locations = lot._internal_quants().location_id
            lot.location_id = locations if len(locations) == 1 else False
        return result

    def _set_single_location(self):
        spools = self.filtered("is_spool")
        result = super(StockLot, self - spools)._set_single_location()
        for lot in spools:
            quants = lot._internal_quants()
            if len(quants.location_id) > 1:
                raise UserError(
                    self.env._(
                        "Spool %(spool)s is in several locations: move each part on its own.",
                        spool=lot.name,
                    )
                )
            if quants and lot.location_id:
                quants.move_quants(
                    location_dest_id=lot.location_id, message=self.env._("Spool moved")
                )
        return result

    def _internal_quants(self):
        self.ensure_one()
        return self.quant_ids.filtered(
            lambda q: q.location_id.usage == "internal"
            and float_compare(q.quantity, 0.0, precision_digits=2) > 0
        )

    @api.depends("remaining_grams", "remaining_percent")
    def _compute_is_nearly_empty(self):
        for lot in self:
            lot.is_nearly_empty = (
                lot.remaining_grams > 0 and lot.remaining_percent < LOW_SPOOL_PERCENT
            )

    @api.depends("value_svl", "quantity_svl")
    def _compute_value_per_kg(self):
        # Per kilogram: a price per gram shows as 0.02 € at the currency's 2 decimals.
        for lot in self:
            lot.value_per_kg = (
                1000.0 * lot.value_svl / lot.quantity_svl if lot.quantity_svl else 0.0
            )

    def _compute_print_job_count(self):
        # A count only, for the Inventory users without a Tiers-Lieu role.
        self.check_access("read")
        counts = dict(
            self.env["tiers_lieu.print.job"]
            .sudo()
            ._read_group([("spool_id", "in", self.ids)], ["spool_id"], ["__count"])
        )
        for lot in self:
            lot.print_job_count = counts.get(lot, 0)

    @api.constrains("initial_net_grams", "tare_grams")
    def _check_spool_weights(self):
        for lot in self.filtered("is_spool"):
            for weight in (lot.initial_net_grams, lot.tare_grams):
                if not math.isfinite(weight) or not 0 <= weight <= MAX_SPOOL_GRAMS:
                    raise ValidationError(
                        self.env._(
                            "The weights of spool %(spool)s must be between 0 and %(max)s g.",
                            spool=lot.name,
                            max=MAX_SPOOL_GRAMS,
                        )
                    )

    @api.constrains("machine_id", "machine_tool")
    def _check_machine(self):
        for lot in self.filtered("machine_id"):
            problem = lot._loading_problem(lot.machine_id, lot.machine_tool)
            if problem:
                raise ValidationError(problem)

    @api.model_create_multi
    def create(self, vals_list):
        products = self.env["product.product"].browse(
            [vals["product_id"] for vals in vals_list if vals.get("product_id")]
        )
        filament_ids = set(products.filtered("material_id").ids)
        for vals in vals_list:
            if not vals.get("name") and vals.get("product_id") in filament_ids:
                vals["name"] = self._new_spool_name()
        return super().create(vals_list)

    # ------------------------------------------------------------------ actions

    def action_view_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_consumable.material_move_line_action"
        )
        action["name"] = self.env._("History of %(spool)s", spool=self.name)
        action["domain"] = [("lot_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_view_print_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_machine.print_job_action"
        )
        action["domain"] = [
            "|",
            ("spool_id", "=", self.id),
            ("stock_move_ids.move_line_ids.lot_id", "=", self.id),
        ]
        action["context"] = {"search_default_filter_active": 0}
        return action
