from collections import Counter

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError


class TiersLieuMakerAllocate(models.TransientModel):
    """Split an order line's parts between makers: one batch per maker."""

    _name = "tiers_lieu.maker.allocate"
    _description = "Allocate Parts to Makers"

    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Order Line",
        required=True,
        domain="[('order_id.state', '=', 'sale'), ('is_printable_part', '=', True)]",
    )
    order_id = fields.Many2one(related="sale_line_id.order_id")
    design_version_id = fields.Many2one(related="sale_line_id.design_version_id")
    remainder = fields.Integer(
        string="Unplanned Parts",
        compute="_compute_parts",
        help="Parts of the line that neither the workshop's jobs nor makers will give.",
    )
    releasable = fields.Integer(
        string="Parts on Jobs Not Started",
        compute="_compute_parts",
        help="Parts on the workshop's print jobs not started, which makers may take over.",
    )
    quantity = fields.Integer(string="Parts to Allocate")
    take_from_workshop = fields.Boolean(
        string="Take Parts from the Workshop Queue",
        help="Cancel print jobs not started for the parts beyond the unplanned ones.",
    )
    date_due = fields.Date(string="Due Date")
    collection_point_id = fields.Many2one(
        "res.partner", string="Collection Point", domain="[('is_collection_point', '=', True)]"
    )
    line_ids = fields.One2many("tiers_lieu.maker.allocate.line", "wizard_id", string="Makers")

    @api.depends("sale_line_id")
    def _compute_parts(self):
        for wizard in self:
            line = wizard.sale_line_id
            wizard.remainder = line._maker_remainder() if line else 0
            wizard.releasable = line._workshop_releasable_parts() if line else 0

    @api.onchange("sale_line_id")
    def _onchange_sale_line_id(self):
        line = self.sale_line_id
        if not line:
            return
        self.quantity = line._maker_remainder() or line._workshop_releasable_parts()
        self.take_from_workshop = not line._maker_remainder()
        order = line.order_id
        due = order.commitment_date or order.expected_date
        self.date_due = due and due.date()
        self._suggest()

    @api.onchange("quantity", "date_due")
    def _onchange_quantity(self):
        if self.sale_line_id:
            self._suggest()

    def _suggest(self, limit=20):
        line = self.sale_line_id
        rows = line._maker_suggestions(
            {line: max(self.quantity, 0)},
            limit=limit,
            due_dates={line: self.date_due} if self.date_due else None,
        )[line]
        self.line_ids = [Command.clear()] + [
            Command.create(
                {
                    "maker_id": row["maker_id"],
                    "quantity": row["quantity"],
                    "capacity_left": row["capacity_left"],
                    "distance_km": row["distance_km"],
                    "beneficiary_km": row["beneficiary_km"] or 0.0,
                    "beneficiary_known": row["beneficiary_km"] is not None,
                    "same_area": row["same_area"],
                }
            )
            for row in rows
        ]

    def action_suggest(self):
        self.ensure_one()
        self._suggest()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_allocate(self):
        self.ensure_one()
        self._allocate()
        return {"type": "ir.actions.act_window_close"}

    def _allocate(self):
        line = self.sale_line_id
        if line.order_id.state != "sale":
            raise UserError(self.env._("Only a confirmed order's parts go to makers."))
        rows = self.line_ids.filtered(lambda r: r.quantity)
        if any(row.quantity < 0 for row in rows):
            raise ValidationError(self.env._("A maker cannot be allocated a negative quantity."))
        if not rows:
            raise UserError(self.env._("Give at least one maker a quantity to print."))
        twice = [m.name for m, count in Counter(row.maker_id for row in rows).items() if count > 1]
        if twice:
            raise ValidationError(
                self.env._("%(makers)s appear twice: one batch per maker.", makers=", ".join(twice))
            )
        paused = rows.maker_id.filtered(lambda m: m.availability != "active")
        if paused:
            raise ValidationError(
                self.env._(
                    "%(makers)s are paused: they take no batch now.",
                    makers=", ".join(paused.mapped("name")),
                )
            )
        total = sum(rows.mapped("quantity"))
        remainder = line._maker_remainder()
        available = remainder + (
            line._workshop_releasable_parts() if self.take_from_workshop else 0
        )
        if total > available:
            raise ValidationError(
                self.env._(
                    "%(total)s parts allocated but only %(available)s are free on this line "
                    "(%(remainder)s unplanned%(workshop)s).",
                    total=total,
                    available=available,
                    remainder=remainder,
                    workshop=self.env._(", the rest on print jobs not started")
                    if self.take_from_workshop
                    else "",
                )
            )
        version = line.design_version_id
        if version.sudo().state != "validated":
            raise UserError(
                self.env._(
                    "Version %(version)s is not validated: makers only print validated "
                    "versions.",
                    version=version.display_name,
                )
            )
        if total > remainder:
            line._release_workshop_parts(total - remainder)
        return self.env["tiers_lieu.maker.batch"].create(
            [
                {
                    "maker_id": row.maker_id.id,
                    "sale_line_id": line.id,
                    "design_version_id": version.id,
                    "quantity": row.quantity,
                    "date_due": self.date_due,
                    "collection_point_id": self.collection_point_id.id,
                    "company_id": line.company_id.id,
                }
                for row in rows
            ]
        )
