from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_round

from .tiers_lieu_maker import iso_week_label, week_start


class TiersLieuMakerDeclaration(models.Model):
    """One line of the production "pad": what a maker printed, on a day, for a batch."""

    _name = "tiers_lieu.maker.declaration"
    _description = "Maker Production Declaration"
    _order = "date desc, id desc"

    batch_id = fields.Many2one(
        "tiers_lieu.maker.batch", string="Batch", required=True, index=True, ondelete="cascade"
    )
    maker_id = fields.Many2one(related="batch_id.maker_id", store=True, index=True)
    maker_partner_id = fields.Many2one(related="batch_id.maker_partner_id", store=True)
    maker_city = fields.Char(related="batch_id.maker_city", store=True, string="Commune")
    order_id = fields.Many2one(related="batch_id.order_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    iso_week = fields.Char(
        string="ISO Week",
        compute="_compute_iso_week",
        store=True,
        index=True,
        help="The ISO calendar year and week of the declaration, e.g. 2026-W49.",
    )
    week_start = fields.Date(
        string="Week of",
        compute="_compute_iso_week",
        store=True,
        help="The Monday of the declaration's ISO week.",
    )
    qty_produced = fields.Integer(string="Good Parts")
    qty_failed = fields.Integer(string="Failed Parts")
    failed_weight_grams = fields.Float(string="Failed Weight (g)", digits=(16, 1))
    grams_consumed = fields.Float(
        string="Supplied Material Used (g)",
        digits=(16, 1),
        readonly=True,
        help="Grams taken from the material the tiers-lieu supplied to the maker.",
    )
    move_ids = fields.One2many("stock.move", "maker_declaration_id", string="Material Moves")
    company_id = fields.Many2one(related="batch_id.company_id", store=True)

    @api.depends("date")
    def _compute_iso_week(self):
        for declaration in self:
            day = declaration.date
            declaration.iso_week = iso_week_label(day) if day else False
            declaration.week_start = week_start(day) if day else False

    @api.model
    def _parts_by_commune_week(self, domain=None):
        """{(commune, ISO week): {"produced", "failed", "makers"}} of the declarations in
        ``domain``: one grouped query, what the figures' pivot shows."""
        return {
            (city or "", week): {"produced": produced, "failed": failed, "makers": makers}
            for city, week, produced, failed, makers in self._read_group(
                domain or [],
                ["maker_city", "iso_week"],
                ["qty_produced:sum", "qty_failed:sum", "maker_id:count_distinct"],
            )
        }

    @api.constrains("qty_produced", "qty_failed", "failed_weight_grams")
    def _check_figures(self):
        for declaration in self:
            if (
                declaration.qty_produced < 0
                or declaration.qty_failed < 0
                or declaration.failed_weight_grams < 0
            ):
                raise ValidationError(self.env._("Declared parts and weights cannot be negative."))
            if not (declaration.qty_produced or declaration.qty_failed):
                raise ValidationError(self.env._("Declare at least one good or failed part."))
            if declaration.failed_weight_grams > 100_000:
                raise ValidationError(self.env._("A failed weight over 100 kg is not plausible."))

    @api.model_create_multi
    def create(self, vals_list):
        batches = self.env["tiers_lieu.maker.batch"].browse(
            [vals.get("batch_id") for vals in vals_list]
        )
        batches._check_declarable()
        declarations = super().create(vals_list)
        declarations.batch_id._after_declaration()
        declarations._consume_supplied_material()
        return declarations

    def _consume_supplied_material(self):
        """The grams of the declared parts leave the spools supplied to the maker: good
        parts to the print consumption, failed prints to the offcuts; what the maker
        printed with their own material is not drawn."""
        consumption = self.env.ref("tiers_lieu_consumable.stock_location_print_consumption")
        offcut = self.env.ref("tiers_lieu_consumable.stock_location_offcut")
        Quant = self.env["stock.quant"].sudo()
        vals_list = []
        for declaration in self:
            batch = declaration.batch_id.sudo()
            location = batch.maker_id.location_id
            material = batch.design_version_id.material_id
            if not location or not material:
                continue
            quants = Quant.search(
                [
                    ("location_id", "=", location.id),
                    ("product_id.material_id", "=", material.id),
                    ("quantity", ">", 0),
                ],
                order="in_date, id",
            )
            needs = [
                (consumption, declaration.qty_produced * batch.design_version_id.grams_per_part),
                (offcut, declaration.failed_weight_grams),
            ]
            available = {quant: quant.quantity for quant in quants}
            used = 0.0
            for destination, grams in needs:
                for quant in quants:
                    if grams <= 0:
                        break
                    take = float_round(min(grams, available[quant]), precision_digits=2)
                    if take <= 0:
                        continue
                    available[quant] -= take
                    grams -= take
                    used += take
                    vals_list.append(
                        (
                            declaration,
                            {
                                "name": self.env._(
                                    "Maker %(maker)s – %(batch)s",
                                    maker=batch.maker_id.name,
                                    batch=batch.name,
                                ),
                                "product_id": quant.product_id.id,
                                "product_uom": quant.product_id.uom_id.id,
                                "product_uom_qty": take,
                                "location_id": location.id,
                                "location_dest_id": destination.id,
                                "company_id": batch.company_id.id,
                                "origin": batch.name,
                                "maker_declaration_id": declaration.id,
                                "picked": True,
                                "move_line_ids": [
                                    Command.create(
                                        {
                                            "product_id": quant.product_id.id,
                                            "product_uom_id": quant.product_id.uom_id.id,
                                            "quantity": take,
                                            "lot_id": quant.lot_id.id,
                                            "location_id": location.id,
                                            "location_dest_id": destination.id,
                                            "company_id": batch.company_id.id,
                                        }
                                    )
                                ],
                            },
                        )
                    )
            declaration.sudo().grams_consumed = used
        if vals_list:
            moves = self.env["stock.move"].sudo().create([vals for _d, vals in vals_list])
            moves._action_confirm(merge=False)
            moves._action_done()
