from collections import Counter

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.tiers_lieu.lang import company_lang_env


class StockPickingBatch(models.Model):
    """A round: a volunteer driver collects the makers' boxes (at home or at collection
    points) and brings them to the tiers-lieu, where quality control receives them."""

    _inherit = "stock.picking.batch"

    is_maker_round = fields.Boolean(string="Maker Round", index=True)
    driver_id = fields.Many2one(
        "res.partner", string="Driver", tracking=True, help="The volunteer who drives the round."
    )
    round_date = fields.Date(tracking=True)
    distance_km = fields.Float(
        string="Distance Driven (km)",
        digits=(7, 1),
        tracking=True,
        help="Kilometres driven: the driver may waive their mileage as a gift (donations).",
    )
    collection_point_ids = fields.Many2many(
        "res.partner",
        string="Collection Points",
        domain="[('is_collection_point', '=', True)]",
    )
    maker_batch_ids = fields.One2many("tiers_lieu.maker.batch", "round_id", string="Maker Batches")
    maker_state = fields.Selection(
        [("planned", "Planned"), ("collected", "Collected"), ("received", "Received")],
        string="Round Stage",
        default="planned",
        readonly=True,
        copy=False,
        tracking=True,
    )

    _sql_constraints = [
        (
            "distance_not_negative",
            "CHECK(distance_km >= 0)",
            "The distance driven cannot be negative.",
        ),
    ]

    @api.constrains("maker_batch_ids")
    def _check_one_batch_per_maker(self):
        for round_ in self.filtered("is_maker_round"):
            counts = Counter(batch.maker_id for batch in round_.maker_batch_ids)
            twice = [maker.name for maker, count in counts.items() if count > 1]
            if twice:
                raise ValidationError(
                    self.env._(
                        "Round %(round)s collects %(makers)s twice: one batch per maker and "
                        "round (merge the boxes, or plan another round).",
                        round=round_.name,
                        makers=", ".join(twice),
                    )
                )

    # ------------------------------------------------------------------ actions

    def action_collect_makers(self):
        """The driver collected the boxes: what each maker declared is taken unless the
        driver counted otherwise."""
        for round_ in self:
            round_._check_maker_stage("planned")
            batches = round_.maker_batch_ids
            if not batches:
                raise UserError(
                    self.env._("Round %(round)s has no maker batch to collect.", round=round_.name)
                )
            for batch in batches:
                if batch.state not in ("printing", "ready"):
                    raise UserError(
                        self.env._(
                            "Batch %(batch)s has nothing declared to collect (%(state)s).",
                            batch=batch.name,
                            state=batch.state,
                        )
                    )
                if not batch.qty_collected:
                    batch.qty_collected = batch.qty_produced
            batches.write({"state": "collected"})
            round_.maker_state = "collected"
        return True

    def action_receive_makers(self):
        """Quality control: the accepted parts of each maker batch enter stock under its
        order line's production lot (one receipt per batch, in this round), the rejected
        ones are counted with their weight, for the offcuts. All or nothing."""
        for round_ in self:
            round_._check_maker_stage("collected")
            for batch in round_.maker_batch_ids:
                if batch.qty_accepted + batch.qty_rejected != batch.qty_collected:
                    raise UserError(
                        self.env._(
                            "Batch %(batch)s: %(collected)s parts collected but %(accepted)s "
                            "accepted and %(rejected)s rejected. Count every part collected.",
                            batch=batch.name,
                            collected=batch.qty_collected,
                            accepted=batch.qty_accepted,
                            rejected=batch.qty_rejected,
                        )
                    )
            batches = round_.maker_batch_ids.sudo()
            pickings = round_._create_maker_receipts(batches.filtered("qty_accepted"))
            batches.write({"state": "done"})
            round_.maker_state = "received"
            round_._maker_rejected_parts(batches.filtered("qty_rejected"))
            if pickings:
                pickings.button_validate()
                undone = pickings.filtered(lambda p: p.state != "done")
                if undone:
                    raise UserError(
                        self.env._(
                            "The receipts %(pickings)s could not be validated.",
                            pickings=", ".join(undone.mapped("name")),
                        )
                    )
                waiting = batches.sale_line_id.move_ids.filtered(
                    lambda m: m.state in ("confirmed", "partially_available")
                    and m.location_dest_id.usage == "customer"
                )
                waiting._action_assign()
            lang_env = company_lang_env(self.env, round_.company_id)
            round_.message_post(
                body=lang_env._(
                    "Received: %(accepted)s parts accepted, %(rejected)s rejected.",
                    accepted=sum(batches.mapped("qty_accepted")),
                    rejected=sum(batches.mapped("qty_rejected")),
                )
            )
        return True

    # ------------------------------------------------------------------ business

    def _check_maker_stage(self, stage):
        self.ensure_one()
        if not self.is_maker_round or self.maker_state != stage:
            stages = dict(self._fields["maker_state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "Round %(round)s is %(stage)s: this step is not possible now.",
                    round=self.name,
                    stage=stages.get(self.maker_state, "").lower(),
                )
            )

    def _maker_rejected_parts(self, batches):
        """Hook called at reception for the batches with parts rejected at quality control
        (their weight is ``rejected_weight_grams``): the recycling bridge puts them in the
        material's offcut bin. Nothing here: without recycling they are only counted."""
        return self.env["stock.move"]

    def _create_maker_receipts(self, batches):
        vals_list = []
        for batch in batches:
            line = batch.sale_line_id
            product = line.product_id
            warehouse = line.order_id.warehouse_id
            source = product.with_company(batch.company_id).property_stock_production
            dest = warehouse.lot_stock_id
            vals_list.append(
                {
                    "picking_type_id": warehouse.in_type_id.id,
                    "partner_id": batch.maker_partner_id.id,
                    "location_id": source.id,
                    "location_dest_id": dest.id,
                    "origin": f"{batch.name} / {line.order_id.name}",
                    "batch_id": self.id,
                    "company_id": batch.company_id.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": self.env._("Parts of %(batch)s", batch=batch.name),
                                "product_id": product.id,
                                "product_uom": product.uom_id.id,
                                "product_uom_qty": batch.qty_accepted,
                                "location_id": source.id,
                                "location_dest_id": dest.id,
                                "company_id": batch.company_id.id,
                                "maker_batch_id": batch.id,
                                "move_line_ids": [
                                    Command.create(
                                        {
                                            "product_id": product.id,
                                            "product_uom_id": product.uom_id.id,
                                            "quantity": batch.qty_accepted,
                                            "lot_id": line.production_lot_id.id or False,
                                            "location_id": source.id,
                                            "location_dest_id": dest.id,
                                            "company_id": batch.company_id.id,
                                        }
                                    )
                                ],
                            }
                        )
                    ],
                }
            )
        if not vals_list:
            return self.env["stock.picking"]
        pickings = self.env["stock.picking"].sudo().create(vals_list)
        pickings.action_confirm()
        pickings.move_ids.picked = True
        return pickings
