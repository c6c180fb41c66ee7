import math

from odoo import models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero, float_round

from odoo.addons.tiers_lieu.lang import company_lang_env

from .stock_lot import MAX_SPOOL_GRAMS, PLAUSIBLE_MARGIN_GRAMS, PLAUSIBLE_MARGIN_PERCENT


class StockLot(models.Model):
    """Filament left on a spool: weighings and counts, as inventory adjustments."""

    _inherit = "stock.lot"

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
