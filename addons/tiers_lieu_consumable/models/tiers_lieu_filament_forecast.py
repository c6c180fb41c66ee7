from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL, float_compare, float_round

FORECAST_STATES = [("short", "Short"), ("low", "Below minimum"), ("ok", "Covered")]
PLANNED_JOB_STATES = ("draft", "queued", "printing")
ACTIVITY_TYPE = "tiers_lieu_consumable.mail_activity_type_filament_shortage"


class TiersLieuFilamentForecast(models.Model):
    _name = "tiers_lieu.filament.forecast"
    _description = "Filament Shortage Forecast"
    _inherit = ["tiers_lieu.shortage.forecast.mixin"]
    _order = "state_sequence, material_id, filament_color_id"
    _rec_name = "material_id"
    _shortage_activity_type = ACTIVITY_TYPE
    _forecast_key_fields = ("company_id", "material_id", "filament_color_id")

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    material_id = fields.Many2one("tiers_lieu.material", required=True, readonly=True)
    filament_color_id = fields.Many2one(
        "product.attribute.value",
        string="Colour",
        readonly=True,
        help="Empty: jobs that accept any colour of the material.",
    )
    color_html = fields.Char(related="filament_color_id.html_color")
    grams_needed = fields.Float(
        string="Needed (g)",
        digits=(16, 0),
        readonly=True,
        help="Estimated material of the draft, queued and printing jobs.",
    )
    job_count = fields.Integer(string="Planned Jobs", readonly=True)
    grams_in_stock = fields.Float(
        string="In Stock (g)",
        digits=(16, 0),
        readonly=True,
        help="For the any-colour line: the stock that the colour-specific jobs leave free.",
    )
    grams_incoming = fields.Float(
        string="Incoming (g)",
        digits=(16, 0),
        readonly=True,
        help="Confirmed purchases and other receipts not yet received.",
    )
    grams_requested = fields.Float(
        string="In Requests for Quotation (g)",
        digits=(16, 0),
        readonly=True,
        help="Requests for quotation not yet confirmed: they do not cover the shortage.",
    )
    grams_minimum = fields.Float(string="Reorder Minimum (g)", digits=(16, 0), readonly=True)
    shortage_grams = fields.Float(
        string="Short (g)",
        digits=(16, 0),
        readonly=True,
        help="Needed minus in stock minus incoming, when positive.",
    )
    state = fields.Selection(FORECAST_STATES, readonly=True, index=True)
    state_sequence = fields.Integer(readonly=True)

    def init(self):
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s "
                "(company_id, material_id, COALESCE(filament_color_id, 0))",
                SQL.identifier(f"{self._table}_key_uniq"),
                SQL.identifier(self._table),
            )
        )

    @api.depends("material_id", "filament_color_id")
    def _compute_display_name(self):
        for line in self:
            colour = line.filament_color_id.name or self.env._("any colour")
            line.display_name = f"{line.material_id.display_name} – {colour}"

    # ------------------------------------------------------------------ actions

    @api.model
    def action_open_dashboard(self):
        self._refresh()
        return self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_consumable.filament_forecast_action"
        )

    @api.model
    def action_refresh(self):
        self._refresh()
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    def action_view_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_machine.print_job_action"
        )
        domain = [
            ("state", "in", PLANNED_JOB_STATES),
            ("material_id", "=", self.material_id.id),
            ("company_id", "=", self.company_id.id),
            ("filament_color_id", "=", self.filament_color_id.id),
        ]
        action["domain"] = domain
        action["context"] = {"search_default_filter_active": 0}
        return action

    def action_view_spools(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("tiers_lieu_consumable.spool_action")
        domain = [("material_id", "=", self.material_id.id), ("remaining_grams", ">", 0)]
        if self.filament_color_id:
            domain.append(("filament_color_id", "=", self.filament_color_id.id))
        action["domain"] = domain
        return action

    # ------------------------------------------------------------------ business

    @api.model
    def _cron_refresh(self):
        self._refresh()

    @api.model
    def _refresh(self):
        """Recompute the forecast lines of every company (a handful of grouped queries),
        and raise one activity per short line, closing it once covered."""
        self = self.sudo()
        return self._sync_forecast(
            self._compute_figures(),
            no_longer_needed=lambda env: env._("No longer planned."),
            covered=lambda env: env._("The stock now covers the planned jobs."),
        )

    def _shortage_activity_texts(self):
        env = self.env
        summary = env._(
            "%(line)s: %(grams)s g short",
            line=self.display_name,
            grams=round(self.shortage_grams),
        )
        note = env._(
            "Planned jobs need %(needed)s g of %(line)s; %(stock)s g are in stock and "
            "%(incoming)s g incoming. Order filament or move jobs to another material.",
            needed=round(self.grams_needed),
            line=self.display_name,
            stock=round(self.grams_in_stock),
            incoming=round(self.grams_incoming),
        )
        return summary, note

    @api.model
    def _compute_figures(self):
        """{(company id, material id, colour id or False): field values} from grouped
        reads of the planned jobs, quants, receipts, requests and reordering rules."""
        Product = self.env["product.product"].with_context(active_test=False)
        products = Product.search([("material_id", "!=", False)])
        key_of = {p.id: (p.material_id.id, p.filament_color_id.id) for p in products}
        tracked = {material for material, _color in key_of.values()}

        def by_product(model, domain, measure):
            result = defaultdict(float)
            for company, product, value in self.env[model]._read_group(
                [*domain, ("product_id", "in", products.ids)],
                ["company_id", "product_id"],
                [f"{measure}:sum"],
            ):
                material, color = key_of[product.id]
                result[(company.id, material, color)] += value
            return result

        stock = by_product("stock.quant", [("location_id.usage", "=", "internal")], "quantity")
        incoming = by_product(
            "stock.move",
            [
                ("state", "not in", ("draft", "done", "cancel")),
                ("location_dest_id.usage", "=", "internal"),
                ("location_id.usage", "not in", ("internal", "transit")),
            ],
            "product_qty",
        )
        requested = by_product(
            "purchase.order.line",
            [("state", "in", ("draft", "sent", "to approve"))],
            "product_uom_qty",
        )
        minimum = by_product("stock.warehouse.orderpoint", [], "product_min_qty")
        needs = defaultdict(lambda: [0.0, 0])
        for company, material, color, grams, count in self.env["tiers_lieu.print.job"]._read_group(
            [("state", "in", PLANNED_JOB_STATES), ("material_id", "in", list(tracked))],
            ["company_id", "material_id", "filament_color_id"],
            ["estimated_grams:sum", "__count"],
        ):
            needs[(company.id, material.id, color.id)] = [grams, count]
        keys = set(stock) | set(incoming) | set(requested) | set(minimum) | set(needs)
        # The any-colour jobs of a material share what the coloured lines leave free.
        free = defaultdict(float)
        figures = {}
        for key in sorted(keys, key=lambda k: (k[0], k[1], k[2] or 0)):
            company, material, color = key
            if not color:
                continue
            needed, count = needs.get(key, (0.0, 0))
            covered = stock.get(key, 0.0) + incoming.get(key, 0.0)
            free[(company, material)] += max(covered - needed, 0.0)
            figures[key] = self._line_values(
                needed,
                count,
                stock.get(key, 0.0),
                incoming.get(key, 0.0),
                requested.get(key, 0.0),
                minimum.get(key, 0.0),
            )
        for key in keys:
            company, material, color = key
            if color:
                continue
            needed, count = needs.get(key, (0.0, 0))
            own_stock = stock.get(key, 0.0)
            own_incoming = incoming.get(key, 0.0)
            figures[key] = self._line_values(
                needed,
                count,
                own_stock + free[(company, material)],
                own_incoming,
                requested.get(key, 0.0),
                minimum.get(key, 0.0),
            )
        return figures

    @api.model
    def _line_values(self, needed, count, in_stock, incoming, requested, minimum):
        shortage = float_round(max(needed - in_stock - incoming, 0.0), precision_digits=0)
        if float_compare(shortage, 0.0, precision_digits=0) > 0:
            state, sequence = "short", 1
        elif minimum and float_compare(in_stock + incoming, minimum, precision_digits=0) < 0:
            state, sequence = "low", 2
        else:
            state, sequence = "ok", 3
        return {
            "grams_needed": float_round(needed, precision_digits=0),
            "job_count": count,
            "grams_in_stock": float_round(in_stock, precision_digits=0),
            "grams_incoming": float_round(incoming, precision_digits=0),
            "grams_requested": float_round(requested, precision_digits=0),
            "grams_minimum": float_round(minimum, precision_digits=0),
            "shortage_grams": shortage,
            "state": state,
            "state_sequence": sequence,
        }
