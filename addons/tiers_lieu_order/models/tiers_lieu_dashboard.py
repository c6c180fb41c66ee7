from odoo import api, models
from odoo.tools import SQL

from odoo.addons.tiers_lieu.monthly_summary import Watch

from .res_partner import BENEFICIARY_TYPES

# Orders not delivered yet: what the workshop still owes.
OPEN_ORDER = [("state", "=", "sale"), ("delivery_status", "!=", "full")]


class TiersLieuDashboard(models.AbstractModel):
    _inherit = "tiers_lieu.dashboard"

    @api.model
    def _tiles(self):
        staff = "tiers_lieu.group_staff"
        return super()._tiles() + [
            {
                "key": "parts_produced",
                "section": "orders",
                "sequence": 20,
                "groups": staff,
                "compute": "_tile_parts_produced",
            },
            {
                "key": "parts_delivered",
                "section": "orders",
                "sequence": 21,
                "groups": staff,
                "compute": "_tile_parts_delivered",
            },
            {
                "key": "parts_due",
                "section": "orders",
                "sequence": 22,
                "groups": staff,
                "compute": "_tile_parts_due",
            },
            {
                "key": "urgent_orders",
                "section": "orders",
                "sequence": 23,
                "groups": staff,
                "compute": "_tile_urgent_orders",
            },
            {
                "key": "aid_given",
                "section": "orders",
                "sequence": 24,
                "groups": staff,
                "compute": "_tile_aid_given",
            },
        ]

    @api.model
    def _summary_parts(self):
        return super()._summary_parts() + [
            SQL(
                """SELECT 'parts_produced' AS key, company_id, %s AS month,
                          SUM(good_quantity) AS value
                     FROM tiers_lieu_print_job
                    WHERE state = 'done' AND sale_order_id IS NOT NULL AND date_end < %s
                      AND %s
                    GROUP BY 2, 3""",
                self._summary_month(SQL("date_end")),
                self._summary_covered(),
                self.env["tiers_lieu.print.job"]._production_sql(),
            ),
            SQL(
                """SELECT 'parts_delivered' AS key, m.company_id, %s AS month,
                          SUM(m.quantity) AS value
                     FROM stock_move m
                     JOIN stock_location l ON l.id = m.location_dest_id
                    WHERE m.state = 'done' AND m.sale_line_id IS NOT NULL
                      AND l.usage = 'customer' AND m.date < %s
                    GROUP BY 2, 3""",
                self._summary_month(SQL("m.date")),
                self._summary_covered(),
            ),
        ]

    @api.model
    def _summary_watches(self):
        return super()._summary_watches() + [
            Watch(
                "tiers_lieu_print_job",
                "r.state = 'done' AND r.sale_order_id IS NOT NULL AND r.date_end < $1",
                ("state", "date_end", "good_quantity", "sale_order_id", "company_id"),
            ),
            Watch(
                "stock_move",
                "r.state = 'done' AND r.sale_line_id IS NOT NULL AND r.date < $1",
                ("state", "date", "quantity", "location_dest_id", "sale_line_id", "company_id"),
            ),
            # A location turned into a customer one (or back) changes the deliveries.
            Watch("stock_location", "true", ("usage",), ("UPDATE",)),
        ]

    @api.model
    def _tile_parts_produced(self, period):
        """Good parts of the orders' print jobs that ended this month."""
        Job = self.env["tiers_lieu.print.job"]
        produced = [("state", "=", "done"), ("sale_order_id", "!=", False)]
        produced += Job._production_domain()
        month = produced + self._month_domain("date_end", period, datetime_field=True)
        [(parts,)] = Job._read_group(month, [], ["good_quantity:sum"])
        return self._tile(
            self.env._("Parts produced"),
            parts or 0,
            trend=self._trend(
                "tiers_lieu.print.job",
                produced + self._trend_domain("date_end", period, datetime_field=True),
                "date_end",
                "good_quantity:sum",
                period,
                summary_key="parts_produced",
            ),
            action={"xmlid": "tiers_lieu_machine.print_job_action", "domain": month},
        )

    @api.model
    def _delivered_domain(self):
        return [
            ("state", "=", "done"),
            ("sale_line_id", "!=", False),
            ("location_dest_id.usage", "=", "customer"),
        ]

    @api.model
    def _tile_parts_delivered(self, period):
        """Parts of the orders that left for their customers this month."""
        delivered = self._delivered_domain()
        month = delivered + self._month_domain("date", period, datetime_field=True)
        [(parts,)] = self.env["stock.move"]._read_group(month, [], ["quantity:sum"])
        return self._tile(
            self.env._("Parts delivered"),
            parts or 0,
            trend=self._trend(
                "stock.move",
                delivered + self._trend_domain("date", period, datetime_field=True),
                "date",
                "quantity:sum",
                period,
                summary_key="parts_delivered",
            ),
            action={
                "xmlid": "stock.action_picking_tree_outgoing",
                "domain": [("state", "=", "done"), ("sale_id", "!=", False)]
                + self._month_domain("date_done", period, datetime_field=True),
            },
        )

    @api.model
    def _tile_parts_due(self, period):
        """Printable parts ordered and not delivered yet, over the confirmed orders."""
        lines = [
            ("order_id.state", "=", "sale"),
            ("order_id.delivery_status", "!=", "full"),
            ("product_id.is_printable_part", "=", True),
        ]
        [(ordered, delivered, orders)] = self.env["sale.order.line"]._read_group(
            lines, [], ["product_uom_qty:sum", "qty_delivered:sum", "order_id:count_distinct"]
        )
        due = max((ordered or 0) - (delivered or 0), 0)
        return self._tile(
            self.env._("Parts still due"),
            due,
            subtitle=self.env._("on %(orders)s open orders", orders=orders or 0),
            action={
                "xmlid": "sale.action_orders",
                "domain": OPEN_ORDER + [("order_line.product_id.is_printable_part", "=", True)],
            },
        )

    @api.model
    def _tile_urgent_orders(self, period):
        """Urgent orders not delivered yet, and the oldest of them."""
        Order = self.env["sale.order"]
        urgent = OPEN_ORDER + [("is_urgent", "=", True)]
        [(count,)] = Order._read_group(urgent, [], ["__count"])
        oldest = Order.search(urgent, order="date_order asc, id asc", limit=1)
        details = []
        if oldest:
            details.append(
                {
                    "label": self.env._("Oldest: %(order)s", order=oldest.name),
                    "value": 0,
                    "display": self._format_date(oldest.date_order),
                    "domain": [("id", "=", oldest.id)],
                }
            )
        return self._tile(
            self.env._("Urgent orders open"),
            count,
            alert=bool(count),
            details=details,
            action={"xmlid": "sale.action_orders", "domain": urgent},
        )

    @api.model
    def _tile_aid_given(self, period):
        """Cost of the parts given by the solidarity orders of this month, by beneficiary."""
        Order = self.env["sale.order"]
        given = [("order_kind", "=", "solidarity"), ("state", "=", "sale")]
        month = given + self._month_domain("date_order", period, datetime_field=True)
        by_type = dict(Order._read_group(month, ["beneficiary_type"], ["aid_value:sum"]))
        field = self.env["res.partner"]._fields["beneficiary_type"]
        labels = dict(field._description_selection(self.env))
        labels.setdefault(False, self.env._("Not set"))
        order = [key for key, _label in BENEFICIARY_TYPES] + [False]
        return self._tile(
            self.env._("Aid given"),
            sum(value or 0 for value in by_type.values()),
            "currency",
            trend=self._trend(
                "sale.order",
                given + self._trend_domain("date_order", period, datetime_field=True),
                "date_order",
                "aid_value:sum",
                period,
            ),
            details=[
                {
                    "label": labels.get(key, key),
                    "value": by_type[key] or 0,
                    "domain": [("beneficiary_type", "=", key)],
                }
                for key in order
                if key in by_type
            ],
            action={"xmlid": "tiers_lieu_order.sale_order_action_aid", "domain": month},
        )
