from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import float_compare, float_round, formatLang

from odoo.addons.tiers_lieu_consumable.models.tiers_lieu_filament_forecast import (
    FORECAST_STATES,
    PLANNED_JOB_STATES,
)

# Deliveries whose components from stock count as needed.
OPEN_MOVE_STATES = ("waiting", "confirmed", "partially_available", "assigned")
ACTIVITY_TYPE = "tiers_lieu_kit.mail_activity_type_supply_shortage"


class TiersLieuSupplyForecast(models.Model):
    _name = "tiers_lieu.supply.forecast"
    _description = "Sheet, Fabric and Kit Item Shortage Forecast"
    _order = "state_sequence, product_id"
    _rec_name = "product_id"
    _inherit = ["tiers_lieu.shortage.forecast.mixin"]
    _shortage_activity_type = ACTIVITY_TYPE
    _forecast_key_fields = ("company_id", "product_id")

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    product_id = fields.Many2one("product.product", required=True, readonly=True, index=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity_jobs = fields.Float(
        string="Planned Jobs Need",
        digits="Product Unit of Measure",
        readonly=True,
        help="Sheets or fabric of the draft, queued and running laser and sewing jobs.",
    )
    quantity_kits = fields.Float(
        string="Kit Deliveries Need",
        digits="Product Unit of Measure",
        readonly=True,
        help="Items from stock (elastic…) that the deliveries of confirmed kit orders "
        "still have to ship.",
    )
    quantity_needed = fields.Float(string="Needed", digits="Product Unit of Measure", readonly=True)
    job_count = fields.Integer(string="Planned Jobs", readonly=True)
    quantity_in_stock = fields.Float(
        string="In Stock", digits="Product Unit of Measure", readonly=True
    )
    quantity_incoming = fields.Float(
        string="Incoming",
        digits="Product Unit of Measure",
        readonly=True,
        help="Confirmed purchases and other receipts not yet received.",
    )
    quantity_requested = fields.Float(
        string="In Requests for Quotation",
        digits="Product Unit of Measure",
        readonly=True,
        help="Requests for quotation not yet confirmed: they do not cover the shortage.",
    )
    quantity_minimum = fields.Float(
        string="Reorder Minimum", digits="Product Unit of Measure", readonly=True
    )
    shortage_quantity = fields.Float(
        string="Short",
        digits="Product Unit of Measure",
        readonly=True,
        help="Needed minus in stock minus incoming, when positive.",
    )
    state = fields.Selection(FORECAST_STATES, readonly=True, index=True)
    state_sequence = fields.Integer(readonly=True)

    _sql_constraints = [
        ("key_uniq", "unique(company_id, product_id)", "One forecast line per product."),
    ]

    # ------------------------------------------------------------------ actions

    @api.model
    def action_open_forecast(self):
        self._refresh()
        return self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_kit.supply_forecast_action"
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
        action["domain"] = [
            ("state", "in", PLANNED_JOB_STATES),
            ("supply_product_id", "=", self.product_id.id),
            ("company_id", "=", self.company_id.id),
        ]
        action["context"] = {"search_default_filter_active": 0}
        return action

    # ------------------------------------------------------------------ business

    @api.model
    def _supply_products(self):
        """Sheets and fabric of the design versions and jobs, and the components from
        stock of the kits (those the workshop does not make)."""
        Product = self.env["product.product"].with_context(active_test=False).sudo()
        products = Product.browse(
            {
                product.id
                for [product] in self.env["tiers_lieu.design.version"]
                .sudo()
                ._read_group([("supply_product_id", "!=", False)], ["supply_product_id"])
            }
            | {
                product.id
                for [product] in self.env["tiers_lieu.print.job"]
                .sudo()
                ._read_group([("supply_product_id", "!=", False)], ["supply_product_id"])
            }
        )
        kit_components = (
            self.env["mrp.bom.line"]
            .sudo()
            .search([("bom_id.type", "=", "phantom"), ("bom_id.active", "=", True)])
            .product_id.filtered(lambda p: not p.is_printable_part and p.is_storable)
        )
        return products | kit_components

    @api.model
    def _compute_figures(self):
        """{(company id, product id): field values} from grouped reads of the planned
        jobs, open kit deliveries, quants, receipts, requests and reordering rules."""
        products = self._supply_products()
        if not products:
            return {}

        def grouped(model, domain, product_field, measure, count=False):
            result = defaultdict(float)
            counts = defaultdict(int)
            aggregates = [f"{measure}:sum"] + (["__count"] if count else [])
            for company, product, *values in (
                self.env[model]
                .sudo()
                ._read_group(
                    [*domain, (product_field, "in", products.ids)],
                    ["company_id", product_field],
                    aggregates,
                )
            ):
                result[(company.id, product.id)] += values[0]
                if count:
                    counts[(company.id, product.id)] += values[1]
            return (result, counts) if count else result

        jobs, job_counts = grouped(
            "tiers_lieu.print.job",
            [("state", "in", PLANNED_JOB_STATES)],
            "supply_product_id",
            "supply_quantity",
            count=True,
        )
        kits = grouped(
            "stock.move",
            [
                ("state", "in", OPEN_MOVE_STATES),
                ("sale_line_id", "!=", False),
                ("location_dest_id.usage", "=", "customer"),
                ("bom_line_id", "!=", False),
            ],
            "product_id",
            "product_qty",
        )
        stock = grouped(
            "stock.quant", [("location_id.usage", "=", "internal")], "product_id", "quantity"
        )
        incoming = grouped(
            "stock.move",
            [
                ("state", "not in", ("draft", "done", "cancel")),
                ("location_dest_id.usage", "=", "internal"),
                ("location_id.usage", "not in", ("internal", "transit")),
            ],
            "product_id",
            "product_qty",
        )
        requested = grouped(
            "purchase.order.line",
            [("state", "in", ("draft", "sent", "to approve"))],
            "product_id",
            "product_uom_qty",
        )
        minimum = grouped("stock.warehouse.orderpoint", [], "product_id", "product_min_qty")
        keys = set(jobs) | set(kits) | set(stock) | set(incoming) | set(requested) | set(minimum)
        return {
            key: self._line_values(
                jobs.get(key, 0.0),
                kits.get(key, 0.0),
                job_counts.get(key, 0),
                stock.get(key, 0.0),
                incoming.get(key, 0.0),
                requested.get(key, 0.0),
                minimum.get(key, 0.0),
            )
            for key in keys
        }

    @api.model
    def _line_values(self, from_jobs, from_kits, count, in_stock, incoming, requested, minimum):
        digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        needed = from_jobs + from_kits
        shortage = float_round(max(needed - in_stock - incoming, 0.0), precision_digits=digits)
        if float_compare(shortage, 0.0, precision_digits=digits) > 0:
            state, sequence = "short", 1
        elif minimum and float_compare(in_stock + incoming, minimum, precision_digits=digits) < 0:
            state, sequence = "low", 2
        else:
            state, sequence = "ok", 3
        return {
            "quantity_jobs": from_jobs,
            "quantity_kits": from_kits,
            "quantity_needed": needed,
            "job_count": count,
            "quantity_in_stock": in_stock,
            "quantity_incoming": incoming,
            "quantity_requested": requested,
            "quantity_minimum": minimum,
            "shortage_quantity": shortage,
            "state": state,
            "state_sequence": sequence,
        }

    @api.model
    def _refresh(self):
        """Recompute the lines of every company from a handful of grouped reads."""
        self = self.sudo()
        return self._sync_forecast(
            self._compute_figures(),
            no_longer_needed=lambda env: env._("No longer needed."),
            covered=lambda env: env._("The stock now covers the planned needs."),
        )

    def _shortage_activity_texts(self):
        env = self.env
        unit = self.uom_id.name

        def fmt(value):
            return formatLang(env, value, dp="Product Unit of Measure")

        summary = env._(
            "%(product)s: %(qty)s %(unit)s short",
            product=self.product_id.display_name,
            qty=fmt(self.shortage_quantity),
            unit=unit,
        )
        note = env._(
            "The planned jobs and kit deliveries need %(needed)s %(unit)s of "
            "%(product)s; %(stock)s are in stock and %(incoming)s incoming. Order "
            "more or move the work.",
            needed=fmt(self.quantity_needed),
            unit=unit,
            product=self.product_id.display_name,
            stock=fmt(self.quantity_in_stock),
            incoming=fmt(self.quantity_incoming),
        )
        return summary, note
