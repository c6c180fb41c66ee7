from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.tiers_lieu.lang import company_lang_env

MAKER_KINDS = [
    ("individual", "Individual at home"),
    ("fablab", "Partner fablab"),
    ("school", "School"),
]
AVAILABILITY = [("active", "Active"), ("paused", "Paused")]
# The charter makers accept on the portal (ir.config_parameter overrides it).
CHARTER_PARAM = "tiers_lieu_maker.charter_version"
DEFAULT_CHARTER = "2020-1"
# Batches whose parts are still to come from the maker: they take weekly capacity.
OPEN_BATCH_STATES = ("to_print", "printing")


def week_start(day):
    """The Monday of ``day``'s ISO calendar week."""
    return day - timedelta(days=day.weekday())


def iso_week_label(day):
    """ "2026-W49": the ISO year and week of ``day``."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


class TiersLieuMaker(models.Model):
    _name = "tiers_lieu.maker"
    _description = "Maker"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
    )
    name = fields.Char(related="partner_id.name", store=True, readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    zip = fields.Char(related="partner_id.zip", string="Postcode", store=True, readonly=False)
    city = fields.Char(related="partner_id.city", string="Commune", store=True, readonly=False)
    commune_id = fields.Many2one(related="partner_id.commune_id", string="Commune (INSEE)")
    maker_kind = fields.Selection(
        MAKER_KINDS, string="Kind", required=True, default="individual", tracking=True
    )
    user_id = fields.Many2one(
        "res.users", string="Portal User", compute="_compute_user_id", compute_sudo=True
    )
    distance_km = fields.Float(
        string="Distance (km)",
        digits=(7, 1),
        help="Distance from the maker to the tiers-lieu, by road.",
    )
    printer_ids = fields.One2many("tiers_lieu.maker.printer", "maker_id", string="Printers")
    weekly_capacity = fields.Integer(
        string="Weekly Capacity (parts)", help="Parts the maker can print in a week."
    )
    availability = fields.Selection(
        AVAILABILITY, required=True, default="active", index=True, tracking=True
    )
    charter_date = fields.Date(string="Charter Accepted On", tracking=True)
    charter_version = fields.Char(tracking=True)
    skill_ids = fields.Many2many("tiers_lieu.maker.skill", string="Validated Skills")
    location_id = fields.Many2one(
        "stock.location",
        string="Material Location",
        readonly=True,
        copy=False,
        check_company=True,
        help="Where the material lent or given to the maker is counted.",
    )
    batch_ids = fields.One2many("tiers_lieu.maker.batch", "maker_id", string="Batches")
    batch_count = fields.Integer(compute="_compute_totals")
    parts_allocated = fields.Integer(compute="_compute_totals")
    parts_declared = fields.Integer(compute="_compute_totals")
    parts_failed = fields.Integer(string="Failed Parts", compute="_compute_totals")
    parts_collected = fields.Integer(compute="_compute_totals")
    parts_accepted = fields.Integer(compute="_compute_totals")
    parts_open = fields.Integer(
        string="Parts to Print",
        compute="_compute_totals",
        help="Parts of open batches not declared.",
    )
    capacity_left = fields.Integer(
        string="Capacity Left This Week",
        compute="_compute_totals",
        help="Weekly capacity minus the parts of the batches due this ISO calendar week "
        "(an open batch overdue counts in this week).",
    )
    material_grams = fields.Float(
        string="Material Held (g)",
        compute="_compute_material_grams",
        help="Grams of the tiers-lieu's material at the maker's.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("partner_uniq", "unique(partner_id)", "This contact is already a maker."),
        (
            "figures_not_negative",
            "CHECK(weekly_capacity >= 0 AND distance_km >= 0)",
            "The weekly capacity and the distance of a maker cannot be negative.",
        ),
    ]

    @api.depends("partner_id.user_ids")
    def _compute_user_id(self):
        for maker in self:
            maker.user_id = maker.partner_id.with_context(active_test=False).user_ids[:1]

    @api.depends(
        "batch_ids.state", "batch_ids.quantity", "batch_ids.qty_produced", "batch_ids.date_due"
    )
    def _compute_totals(self):
        figures = self._figures()
        for maker in self:
            row = figures.get(maker.id, {})
            maker.batch_count = row.get("count", 0)
            maker.parts_allocated = row.get("allocated", 0)
            maker.parts_declared = row.get("produced", 0)
            maker.parts_failed = row.get("failed", 0)
            maker.parts_collected = row.get("collected", 0)
            maker.parts_accepted = row.get("accepted", 0)
            maker.parts_open = row.get("open", 0)
        monday = week_start(fields.Date.context_today(self))
        load = self._origin._week_load([monday])
        for maker in self:
            used = load.get((maker._origin.id, monday), 0)
            maker.capacity_left = max(maker.weekly_capacity - used, 0)

    def _compute_material_grams(self):
        grams = defaultdict(float)
        locations = self.location_id
        if locations:
            for location, quantity in (
                self.env["stock.quant"]
                .sudo()
                ._read_group(
                    [("location_id", "in", locations.ids), ("product_id.material_id", "!=", False)],
                    ["location_id"],
                    ["quantity:sum"],
                )
            ):
                grams[location.id] = quantity
        for maker in self:
            maker.material_grams = grams[maker.location_id.id]

    @api.constrains("weekly_capacity", "distance_km")
    def _check_figures(self):
        for maker in self:
            if maker.weekly_capacity < 0 or maker.distance_km < 0:
                raise ValidationError(
                    self.env._(
                        "The weekly capacity and the distance of %(maker)s cannot be negative.",
                        maker=maker.name,
                    )
                )

    @api.constrains("availability", "charter_date")
    def _check_charter(self):
        for maker in self:
            if maker.charter_date and maker.charter_date > fields.Date.context_today(maker):
                raise ValidationError(
                    self.env._(
                        "%(maker)s cannot have accepted the charter in the future.",
                        maker=maker.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        makers = super().create(vals_list)
        makers._ensure_location()
        return makers

    # ------------------------------------------------------------------ actions

    def action_invite(self):
        """Give the maker a portal user and send the invitation to complete the profile."""
        for maker in self:
            if not maker.partner_id.email:
                raise UserError(
                    self.env._(
                        "%(maker)s has no email address: the invitation cannot be sent.",
                        maker=maker.name,
                    )
                )
        wizard = (
            self.env["portal.wizard"]
            .sudo()
            .create({"partner_ids": [Command.set(self.partner_id.ids)]})
        )
        for line in wizard.user_ids:
            if not line.is_portal and not line.is_internal:
                line.action_grant_access()
        for maker in self:
            maker.message_post(
                body=self.env._("Invited to the maker portal (%(email)s).", email=maker.email)
            )
        return True

    def action_pause(self):
        self.write({"availability": "paused"})

    def action_resume(self):
        self.write({"availability": "active"})

    def action_supply_material(self):
        """An internal transfer of spools from the warehouse to the maker."""
        return self._material_transfer_action(to_maker=True)

    def action_return_material(self):
        """An internal transfer of the spools the maker brings back."""
        return self._material_transfer_action(to_maker=False)

    def _material_transfer_action(self, to_maker):
        self.ensure_one()
        self._ensure_location()
        warehouse = self._warehouse()
        stock, maker = warehouse.lot_stock_id, self.location_id
        source, dest = (stock, maker) if to_maker else (maker, stock)
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_picking_type_id": warehouse.int_type_id.id,
                "default_partner_id": self.partner_id.id,
                "default_location_id": source.id,
                "default_location_dest_id": dest.id,
                "default_origin": self.name,
            },
        }

    def _warehouse(self):
        return self.env["stock.warehouse"].search(
            [("company_id", "=", self.company_id.id)], limit=1
        )

    def _transfer_spools(self, spools, to_maker=True):
        """Move whole spools (lots) to the maker's location, or back to the warehouse, in one
        validated internal transfer."""
        self.ensure_one()
        self._ensure_location()
        warehouse = self._warehouse()
        stock, maker = warehouse.lot_stock_id, self.location_id
        source, dest = (stock, maker) if to_maker else (maker, stock)
        quants = self.env["stock.quant"].search(
            [("lot_id", "in", spools.ids), ("location_id", "=", source.id), ("quantity", ">", 0)]
        )
        if not quants:
            raise UserError(self.env._("None of these spools is where the transfer starts."))
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.int_type_id.id,
                "partner_id": self.partner_id.id,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "origin": self.name,
                "move_ids": [
                    Command.create(
                        {
                            "name": quant.product_id.display_name,
                            "product_id": quant.product_id.id,
                            "product_uom": quant.product_id.uom_id.id,
                            "product_uom_qty": quant.quantity,
                            "location_id": source.id,
                            "location_dest_id": dest.id,
                            "move_line_ids": [
                                Command.create(
                                    {
                                        "product_id": quant.product_id.id,
                                        "product_uom_id": quant.product_id.uom_id.id,
                                        "lot_id": quant.lot_id.id,
                                        "quantity": quant.quantity,
                                        "location_id": source.id,
                                        "location_dest_id": dest.id,
                                    }
                                )
                            ],
                        }
                    )
                    for quant in quants
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.picked = True
        picking._action_done()
        return picking

    def action_view_batches(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_maker.tiers_lieu_maker_batch_action"
        )
        action["domain"] = [("maker_id", "=", self.id)]
        action["context"] = {"default_maker_id": self.id}
        return action

    # ------------------------------------------------------------------ business

    def _figures(self, domain=None):
        """{maker id: {count, allocated, produced, failed, collected, accepted, open}} of
        the batches of these makers not cancelled, in two grouped queries."""
        Batch = self.env["tiers_lieu.maker.batch"].sudo()
        base = [("maker_id", "in", self.ids), ("state", "!=", "cancelled")] + (domain or [])
        figures = defaultdict(dict)
        for maker, count, allocated, produced, failed, collected, accepted in Batch._read_group(
            base,
            ["maker_id"],
            [
                "__count",
                "quantity:sum",
                "qty_produced:sum",
                "qty_failed:sum",
                "qty_collected:sum",
                "qty_accepted:sum",
            ],
        ):
            figures[maker.id].update(
                count=count,
                allocated=allocated,
                produced=produced,
                failed=failed,
                collected=collected,
                accepted=accepted,
            )
        for maker, quantity, produced in Batch._read_group(
            base + [("state", "in", OPEN_BATCH_STATES)],
            ["maker_id"],
            ["quantity:sum", "qty_produced:sum"],
        ):
            figures[maker.id]["open"] = max(quantity - produced, 0)
        return figures

    def _week_load(self, mondays, today=None):
        """{(maker id, monday): parts} of these makers in these ISO weeks, one query.

        A batch not cancelled takes its allocated parts from the capacity of the week it
        is due; an open batch overdue, or with no due date, still has its parts to print,
        so it takes them from the current week (a batch ended without due date stays in
        the week it was created)."""
        mondays = sorted(set(mondays))
        if not self.ids or not mondays:
            return {}
        current = week_start(today or fields.Date.context_today(self))
        self.env["tiers_lieu.maker.batch"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT maker_id, week, SUM(quantity)
                  FROM (
                    SELECT b.maker_id, b.quantity,
                           CASE WHEN b.state IN %(open)s
                                THEN GREATEST(
                                    COALESCE(date_trunc('week', b.date_due)::date,
                                             %(current)s::date),
                                    %(current)s::date)
                                ELSE date_trunc(
                                    'week', COALESCE(b.date_due, b.create_date::date)
                                )::date END AS week
                      FROM tiers_lieu_maker_batch b
                     WHERE b.maker_id = ANY(%(makers)s) AND b.state != 'cancelled'
                  ) loads
                 WHERE week = ANY(%(mondays)s)
              GROUP BY maker_id, week
                """,
                open=OPEN_BATCH_STATES,
                current=current,
                makers=self.ids,
                mondays=mondays,
            )
        )
        return {(maker_id, week): int(parts) for maker_id, week, parts in self.env.cr.fetchall()}

    def _ensure_location(self):
        parent = self.env.ref("tiers_lieu_maker.stock_location_makers", raise_if_not_found=False)
        for maker in self.filtered(lambda m: not m.location_id):
            maker.location_id = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": maker.name,
                        "usage": "internal",
                        "location_id": parent.id if parent else False,
                        "company_id": maker.company_id.id,
                    }
                )
            )

    @api.model
    def _charter_version(self):
        return self.env["ir.config_parameter"].sudo().get_param(CHARTER_PARAM) or DEFAULT_CHARTER

    def _accept_charter(self):
        self.write(
            {
                "charter_date": fields.Date.context_today(self),
                "charter_version": self._charter_version(),
            }
        )

    def _request_filament(self, note):
        """A maker asks for material: an activity for the staff who follow makers."""
        self.ensure_one()
        lang_env = company_lang_env(self.env, self.company_id)
        body = lang_env._("%(maker)s asks for filament.", maker=self.name)
        if note:
            body = f"{body} {note}"
        self.message_post(body=body)
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=lang_env._("Filament requested"),
            note=note,
            user_id=(self.batch_ids[:1].order_id.user_id or self.create_uid).id,
        )
