import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare, float_is_zero, float_round

from odoo.addons.tiers_lieu.lang import company_lang_env

from .. import labels

SUPPLY_ORIGINS = [
    ("purchase", "Purchase"),
    ("donation", "Donation in kind"),
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
            return self.env["ir.sequence"].next_by_code("tiers_lieu.spool")
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
                vals["name"] = self.env["ir.sequence"].next_by_code("tiers_lieu.spool")
        return super().create(vals_list)

    # ------------------------------------------------------------------ actions

    def action_open_load(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Load on a Machine"),
            "res_model": "tiers_lieu.spool.load",
            "view_mode": "form",
            "target": "new",
            "context": {"default_spool_id": self.id},
        }

    def action_unload(self):
        self._unload()

    def action_open_weigh(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Weigh the Spool"),
            "res_model": "tiers_lieu.spool.weigh",
            "view_mode": "form",
            "target": "new",
            "context": {"default_spool_id": self.id},
        }

    def action_print_labels(self):
        spools = self.filtered("is_spool")
        if not spools:
            raise UserError(self.env._("Choose filament spools to print their labels."))
        return {
            "type": "ir.actions.act_url",
            "url": "/tiers_lieu_consumable/spool_labels?ids="
            + ",".join(str(spool_id) for spool_id in spools.ids),
            "target": "new",
        }

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

    # ------------------------------------------------------------------ loading

    def _suits(self, job):
        """Whether this spool holds the material (and colour) that ``job`` asks for."""
        self.ensure_one()
        return (not job.material_id or job.material_id == self.material_id) and (
            not job.filament_color_id or job.filament_color_id == self.filament_color_id
        )

    def _describe(self):
        self.ensure_one()
        parts = [self.material_id.display_name or self.product_id.display_name]
        if self.filament_color_id:
            parts.append(self.filament_color_id.name)
        return " ".join(parts)

    def _loading_problem(self, machine, tool=1):
        """Why this spool cannot go on slot ``tool`` of ``machine`` (translated), or None."""
        self.ensure_one()
        _ = self.env._
        if not self.is_spool:
            return _(
                "Lot %(lot)s is not a filament spool: its product %(product)s has no filament "
                "material.",
                lot=self.name,
                product=self.product_id.display_name,
            )
        if machine.machine_kind not in SPOOL_MACHINE_KINDS:
            return _(
                "%(machine)s is not a 3D printer: it takes no spool.",
                machine=machine.display_name,
            )
        if self.company_id and machine.company_id and self.company_id != machine.company_id:
            return _(
                "Spool %(spool)s and machine %(machine)s belong to different companies.",
                spool=self.name,
                machine=machine.display_name,
            )
        if self.material_id not in machine.material_ids:
            return _(
                "%(machine)s does not take %(material)s (spool %(spool)s): add the material "
                "to the machine's compatible materials or choose another machine.",
                machine=machine.display_name,
                material=self.material_id.display_name,
                spool=self.name,
            )
        if (
            machine.machine_kind == "fdm_printer"
            and machine.filament_diameter_mm
            and float_compare(
                self.filament_diameter_mm, machine.filament_diameter_mm, precision_digits=2
            )
        ):
            return _(
                "Spool %(spool)s holds %(spool_diameter)s mm filament but %(machine)s takes "
                "%(machine_diameter)s mm.",
                spool=self.name,
                spool_diameter=self.filament_diameter_mm,
                machine=machine.display_name,
                machine_diameter=machine.filament_diameter_mm,
            )
        if not 1 <= tool <= machine.tool_count:
            return _(
                "%(machine)s has %(count)s spool slot(s): there is no slot %(slot)s.",
                machine=machine.display_name,
                count=machine.tool_count,
                slot=tool,
            )
        if float_compare(self.remaining_grams, 0.0, precision_digits=2) <= 0:
            return _(
                "Spool %(spool)s is empty in stock: weigh it first if filament is left on it.",
                spool=self.name,
            )
        job = machine._current_or_next_job()
        if job and not self._suits(job):
            others = machine.loaded_spool_ids.filtered(
                lambda s: s != self and s.machine_tool != tool
            )
            free_slot_left = len(others) + 1 < machine.tool_count
            if not free_slot_left and not any(other._suits(job) for other in others):
                wanted = job.material_id.display_name or ""
                if job.filament_color_id:
                    wanted = f"{wanted} {job.filament_color_id.name}"
                return _(
                    "Job %(job)s on %(machine)s needs %(wanted)s but spool %(spool)s is "
                    "%(have)s.",
                    job=job.name,
                    machine=machine.display_name,
                    wanted=wanted,
                    spool=self.name,
                    have=self._describe(),
                )
        return None

    def _load_on_machine(self, machine, tool=1):
        """Load this spool on slot ``tool`` of ``machine``, taking off the spool that was
        there. Raises a translated UserError when the spool does not suit the machine."""
        self.ensure_one()
        problem = self._loading_problem(machine, tool)
        if problem:
            raise UserError(problem)
        previous = self.search(
            [("machine_id", "=", machine.id), ("machine_tool", "=", tool), ("id", "!=", self.id)]
        )
        previous._unload()
        if self.machine_id and self.machine_id != machine:
            self._unload()
        self.write(
            {
                "machine_id": machine.id,
                "machine_tool": tool,
                "opened_date": self.opened_date or fields.Date.context_today(self),
            }
        )
        lang_env = company_lang_env(self.env, self.company_id or None)
        self.with_env(lang_env).message_post(
            body=lang_env._(
                "Loaded on %(machine)s (slot %(slot)s).", machine=machine.display_name, slot=tool
            )
        )
        return True

    def _unload(self):
        for lot in self.filtered("machine_id"):
            lang_env = company_lang_env(self.env, lot.company_id or None)
            lot.with_env(lang_env).message_post(
                body=lang_env._("Taken off %(machine)s.", machine=lot.machine_id.display_name)
            )
        self.filtered("machine_id").write({"machine_id": False, "machine_tool": 1})

    # ------------------------------------------------------------------ weighing

    def _record_weighing(self, gross_grams, reason=None, tare_grams=None):
        """Record a weighing of this spool on a scale: the filament left is the gross weight
        minus the empty spool, posted as an inventory adjustment. Returns the grams the
        adjustment added (negative when it removed some)."""
        self.ensure_one()
        _ = self.env._
        tare = self.tare_grams if tare_grams is None else tare_grams
        if not all(isinstance(w, int | float) and math.isfinite(w) for w in (gross_grams, tare)):
            raise ValidationError(
                _("Type the weights of spool %(spool)s as numbers of grams.", spool=self.name)
            )
        if tare < 0 or gross_grams < 0:
            raise ValidationError(_("A weight cannot be negative."))
        heaviest = self._max_plausible_grams() + tare
        if gross_grams > heaviest or tare > MAX_SPOOL_GRAMS:
            raise ValidationError(
                _(
                    "Spool %(spool)s cannot weigh %(gross)s g on the scale: full, with its "
                    "empty spool, it weighs at most about %(max)s g. Check the figure typed.",
                    spool=self.name,
                    gross=gross_grams,
                    max=float_round(heaviest, precision_digits=0),
                )
            )
        if float_compare(gross_grams, tare, precision_digits=2) < 0:
            raise ValidationError(
                _(
                    "Spool %(spool)s weighs %(gross)s g on the scale, less than its empty "
                    "spool (%(tare)s g): check the scale and the empty spool weight.",
                    spool=self.name,
                    gross=gross_grams,
                    tare=tare,
                )
            )
        if tare_grams is not None and float_compare(tare, self.tare_grams, precision_digits=2):
            self.tare_grams = tare
        remaining = float_round(gross_grams - tare, precision_digits=2)
        # The adjustment and the message are read by the whole team: company's language.
        lang_env = company_lang_env(self.env, self.company_id or None)
        reason = reason or lang_env._("Weighing")
        added = self._set_remaining_grams(
            remaining,
            lang_env._(
                "%(reason)s: spool %(spool)s weighed %(gross)s g",
                reason=reason,
                spool=self.name,
                gross=gross_grams,
            ),
        )
        self.with_env(lang_env).message_post(
            body=lang_env._(
                "Weighed %(gross)s g (empty spool %(tare)s g): %(remaining)s g of filament "
                "left (%(reason)s).",
                gross=gross_grams,
                tare=tare,
                remaining=remaining,
                reason=reason,
            )
        )
        return added

    def _set_remaining_grams(self, grams, reason):
        """Adjust the stock of this spool to ``grams`` with an inventory adjustment named
        ``reason``. Returns the grams added (negative when removed)."""
        self.ensure_one()
        self._check_plausible_grams(grams)
        self.check_access("write")
        Quant = self.env["stock.quant"].sudo()
        rounding = self.product_id.uom_id.rounding
        quants = Quant.search([("lot_id", "=", self.id), ("location_id.usage", "=", "internal")])
        holding = quants.filtered(
            lambda q: not float_is_zero(q.quantity, precision_rounding=rounding)
        )
        if len(holding.location_id) > 1:
            raise UserError(
                self.env._(
                    "Spool %(spool)s is recorded in several locations (%(locations)s): move "
                    "it to one location before weighing it.",
                    spool=self.name,
                    locations=", ".join(holding.location_id.mapped("display_name")),
                )
            )
        quant = holding[:1] or quants[:1]
        if not quant:
            quant = Quant.create(
                {
                    "product_id": self.product_id.id,
                    "location_id": self._home_location().id,
                    "lot_id": self.id,
                }
            )
        added = float_round(grams - quant.quantity, precision_rounding=rounding)
        if float_is_zero(added, precision_rounding=rounding):
            return 0.0
        quant.inventory_quantity = grams
        quant.with_context(inventory_name=reason)._apply_inventory()
        return added

    def _max_plausible_grams(self):
        """Most filament this spool can hold: its initial net weight and a margin."""
        self.ensure_one()
        net = self.initial_net_grams or self.product_id.filament_net_grams
        if not net:
            return MAX_SPOOL_GRAMS
        margin = max(net * PLAUSIBLE_MARGIN_PERCENT / 100.0, PLAUSIBLE_MARGIN_GRAMS)
        return min(net + margin, MAX_SPOOL_GRAMS)

    def _check_plausible_grams(self, grams):
        """Refuse a quantity of filament this spool cannot hold (a typing error)."""
        self.ensure_one()
        _ = self.env._
        if not isinstance(grams, int | float) or not math.isfinite(grams):
            raise ValidationError(
                _("Type the filament of spool %(spool)s as a number of grams.", spool=self.name)
            )
        if grams < 0:
            raise ValidationError(
                _("Spool %(spool)s cannot hold a negative weight.", spool=self.name)
            )
        most = self._max_plausible_grams()
        if grams > most:
            raise ValidationError(
                _(
                    "Spool %(spool)s cannot hold %(grams)s g of filament: it held "
                    "%(initial)s g when it arrived (at most about %(max)s g). Check the figure "
                    "typed.",
                    spool=self.name,
                    grams=grams,
                    initial=self.initial_net_grams,
                    max=float_round(most, precision_digits=0),
                )
            )

    def _home_location(self):
        """Where a spool without stock goes back to: its last internal location, else the
        stock of its company's warehouse."""
        self.ensure_one()
        last = self.env["stock.move.line"].search(
            [
                ("lot_id", "=", self.id),
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "internal"),
            ],
            order="date desc, id desc",
            limit=1,
        )
        if last:
            return last.location_dest_id
        company = self.company_id or self.env.company
        return (
            self.env["stock.warehouse"]
            .search([("company_id", "=", company.id)], limit=1)
            .lot_stock_id
        )

    # ------------------------------------------------------------------ receiving

    @api.model
    def _receive_donated_spools(self, partner, lines):
        """Enter spools given in kind by ``partner`` into stock, valued at the donor's value.

        ``lines`` as for :meth:`_receive_spools` (``value`` is required: the donor's
        valuation of one spool, in company currency). Returns the done receipt.
        """
        if isinstance(partner, int):
            partner = self.env["res.partner"].browse(partner)
        for line in lines:
            if not line.get("value") or line["value"] <= 0:
                raise UserError(
                    self.env._(
                        "Give the value of the donated spools (the donor's valuation): it "
                        "values the stock and the receipt."
                    )
                )
        return self._receive_spools(
            partner,
            lines,
            supply_origin="donation",
            origin=self.env._("Donation in kind from %(partner)s", partner=partner.display_name),
        )

    @api.model
    def _receive_spools(self, partner, lines, supply_origin="purchase", origin=None, location=None):
        """Create spools (lots) and receive them into stock in one done receipt.

        ``partner``: the supplier or donor (res.partner). ``lines``: list of dicts with
        ``product_id`` (a filament product.product id, required), ``grams`` (net grams on
        each spool; default the product's net weight), ``value`` (value of one spool in
        company currency; default the product cost), ``count`` (identical spools, default
        1), ``lot_names`` (optional list of ``count`` names), ``tare_grams`` and
        ``recycled_content_percent`` (optional). ``location``: internal stock.location
        (default the warehouse stock). Runs with the caller's access rights. Returns the
        stock.picking (its ``move_line_ids.lot_id`` are the new spools).
        """
        _ = self.env._
        if not lines:
            raise UserError(_("There is no spool to receive."))
        if isinstance(partner, int):  # from XML data and RPC-like callers
            partner = self.env["res.partner"].browse(partner)
        company = self.env.company
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        if not warehouse:
            raise UserError(_("Company %(company)s has no warehouse.", company=company.name))
        location = location or warehouse.lot_stock_id
        source = partner.property_stock_supplier or self.env.ref("stock.stock_location_suppliers")
        gram = self.env.ref("uom.product_uom_gram")
        prepared = self._prepare_spool_lines(lines)
        lot_vals = []
        for product, count, grams, _value, names, line in prepared:
            for index in range(count):
                vals = {
                    "product_id": product.id,
                    "company_id": company.id,
                    "initial_net_grams": grams,
                    "vendor_id": partner.id,
                    "supply_origin": supply_origin,
                }
                if names:
                    vals["name"] = names[index]
                if line.get("tare_grams") is not None:
                    vals["tare_grams"] = line["tare_grams"]
                if line.get("recycled_content_percent") is not None:
                    vals["recycled_content_percent"] = line["recycled_content_percent"]
                lot_vals.append(vals)
        lots = iter(self.create(lot_vals))
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "partner_id": partner.id,
                "location_id": source.id,
                "location_dest_id": location.id,
                "origin": origin,
                "company_id": company.id,
            }
        )
        move_vals = []
        for product, count, grams, value, _names, _line in prepared:
            move_lines = [
                fields.Command.create(
                    {
                        "picking_id": picking.id,
                        "product_id": product.id,
                        "product_uom_id": gram.id,
                        "quantity": grams,
                        "lot_id": next(lots).id,
                        "location_id": source.id,
                        "location_dest_id": location.id,
                        "company_id": company.id,
                    }
                )
                for _index in range(count)
            ]
            move_vals.append(
                {
                    "name": product.display_name,
                    "picking_id": picking.id,
                    "product_id": product.id,
                    "product_uom": gram.id,
                    "product_uom_qty": grams * count,
                    "price_unit": value / grams,
                    "location_id": source.id,
                    "location_dest_id": location.id,
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "origin": origin,
                    "state": "confirmed",
                    "picked": True,
                    "move_line_ids": move_lines,
                }
            )
        self.env["stock.move"].create(move_vals)
        picking._action_done()
        return picking

    @api.model
    def _prepare_spool_lines(self, lines):
        """Check the lines of :meth:`_receive_spools`; returns (product, count, grams,
        value, lot names, line) tuples."""
        _ = self.env._
        Product = self.env["product.product"]
        prepared = []
        for line in lines:
            product = Product.browse(line.get("product_id")).exists()
            if not product or not product.material_id:
                raise UserError(
                    _(
                        "%(product)s is not a filament product of a known material: choose a "
                        "product whose filament material is set.",
                        product=product.display_name or line.get("product_id"),
                    )
                )
            if product.cost_method == "standard":
                raise UserError(
                    _(
                        "The category of %(product)s values stock at a standard cost, which "
                        "would ignore the value of these spools: use FIFO or average cost.",
                        product=product.display_name,
                    )
                )
            count = line.get("count", 1)
            grams = line.get("grams") or product.filament_net_grams
            if count < 1 or not grams or grams <= 0:
                raise UserError(
                    _(
                        "Give a positive number of spools and of grams per spool for "
                        "%(product)s.",
                        product=product.display_name,
                    )
                )
            value = line.get("value")
            if value is None:
                value = product.standard_price * grams
            if value < 0:
                raise UserError(_("The value of a spool cannot be negative."))
            names = line.get("lot_names") or []
            if names and len(names) != count:
                raise UserError(
                    _(
                        "Give one lot name per spool of %(product)s (%(count)s).",
                        product=product.display_name,
                        count=count,
                    )
                )
            prepared.append((product, count, grams, value, names, line))
        return prepared

    # ------------------------------------------------------------------ labels

    def _label_url(self):
        """Address the QR code of the label opens: the spool's form."""
        self.ensure_one()
        return f"{self.get_base_url()}/odoo/action-tiers_lieu_consumable.spool_action/{self.id}"

    def _render_labels_pdf(self):
        """PDF bytes with one label per spool (reportlab)."""
        return labels.render_spool_labels(self.env, self.filtered("is_spool"))
