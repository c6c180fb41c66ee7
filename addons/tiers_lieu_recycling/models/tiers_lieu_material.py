from odoo import Command, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from .tiers_lieu_offcut_weighing import as_posting

# Sources of offcuts whose grams had left the spools as good parts (the job posted them to
# the consumption location): weighing them moves them back out of the good parts.
FROM_GOOD_PARTS = ("support", "test_print", "rejected", "returned")


class TiersLieuMaterial(models.Model):
    _inherit = "tiers_lieu.material"

    offcut_location_id = fields.Many2one(
        "stock.location",
        string="Offcut Bin",
        readonly=True,
        copy=False,
        help="The bin under Offcuts where the weighed scraps of this material wait for "
        "recycling.",
    )
    offcut_product_id = fields.Many2one(
        "product.product",
        string="Offcut Product",
        readonly=True,
        copy=False,
        help="Counts the weighed offcuts of this material, in grams, one lot per weighing.",
    )

    def _offcut_bin(self):
        """The bin receiving this material's offcuts: its own under Offcuts when it is
        recyclable (created on first use), the non-recyclable bin otherwise."""
        self.ensure_one()
        if not self.recyclable:
            return self.env.ref("tiers_lieu_recycling.stock_location_offcut_non_recyclable")
        if not self.offcut_location_id:
            parent = self.env.ref("tiers_lieu_consumable.stock_location_offcut")
            # A location's name is not translatable: French, as the consumable addon's.
            self.sudo().offcut_location_id = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": self.name,
                        "location_id": parent.id,
                        "usage": "inventory",
                        "company_id": False,
                    }
                )
            )
        return self.offcut_location_id

    def _offcut_product(self):
        """The product counting this material's weighed offcuts (created on first use)."""
        self.ensure_one()
        if not self.offcut_product_id:
            product = (
                self.env["product.product"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Offcuts %(material)s", material=self.name),
                        "is_storable": True,
                        "tracking": "lot",
                        "uom_id": self.env.ref("uom.product_uom_gram").id,
                        "uom_po_id": self.env.ref("uom.product_uom_gram").id,
                        "sale_ok": False,
                        "purchase_ok": False,
                        "standard_price": 0.0,
                        "offcut_material_id": self.id,
                        "company_id": self.company_id.id,
                    }
                )
            )
            self.sudo().offcut_product_id = product
        return self.offcut_product_id

    def _weigh_offcut(
        self, source, grams, job=None, machine=None, partner=None, spool=None, date=None
    ):
        """Weigh ``grams`` of offcuts of this material from ``source`` and put them in
        its bin at once (a weighing, posted now rather than in the background), dated
        ``date`` (now by default: a past date records a weighing written on paper);
        returns the move."""
        self.ensure_one()
        self._check_offcut_input(source, grams, partner, spool)
        job = job or self.env["tiers_lieu.print.job"]
        vals = {
            "material_id": self.id,
            "source": source,
            "grams": grams,
            "print_job_id": job.id,
            "machine_id": (machine or job.machine_id).id,
            "partner_id": partner.id if partner else False,
            "spool_id": spool.id if spool else False,
            "company_id": (job.company_id or self.env.company).id,
        }
        if date:
            vals["weighed_at"] = date
        weighing = as_posting(self.env["tiers_lieu.offcut.weighing"].sudo()).create(vals)
        return weighing._post()

    def _check_offcut_input(self, source, grams, partner=None, spool=None):
        """Refuse, naming the field to fix, a weighing of this material that cannot go
        in a bin."""
        self.ensure_one()
        if float_compare(grams, 0.0, precision_digits=1) <= 0:
            raise ValidationError(
                self.env._("Weight (g): an offcut weighs more than 0 g (%(grams)s g).", grams=grams)
            )
        if source == "spool_end":
            if not spool or spool.material_id != self:
                raise ValidationError(
                    self.env._(
                        "Spool: choose the emptied spool of %(material)s.", material=self.name
                    )
                )
            if float_compare(grams, spool.remaining_grams, precision_digits=1) > 0:
                raise ValidationError(
                    self.env._(
                        "Weight (g): spool %(spool)s holds only %(left)s g.",
                        spool=spool.name,
                        left=spool.remaining_grams,
                    )
                )
        elif source == "partner_scrap":
            if not partner:
                raise ValidationError(self.env._("Partner: say which partner gave the scrap."))
        elif source not in FROM_GOOD_PARTS:
            raise ValidationError(
                self.env._(
                    "Source: failed prints go to the offcuts with their job; choose "
                    "another source."
                )
            )

    def _post_offcut_move(
        self, source, grams, job=None, machine=None, partner=None, spool=None, date=None
    ):
        """Put ``grams`` of offcuts of this material, from ``source``, in its bin as one
        done stock move (a new offcut lot, or the ``spool`` for its end), dated ``date``;
        returns the move. Checked again here: the stock may have changed since the
        weighing."""
        self.ensure_one()
        job = job or self.env["tiers_lieu.print.job"]
        spool = spool or self.env["stock.lot"]
        machine = machine or job.machine_id
        self._check_offcut_input(source, grams, partner, spool)
        company = self.env.company
        if source == "spool_end":
            source_location = spool.location_id or spool._home_location()
            product, lot = spool.product_id, spool
        else:
            if source == "partner_scrap":
                source_location = self.env.ref("stock.stock_location_suppliers")
            else:
                source_location = self.env.ref(
                    "tiers_lieu_consumable.stock_location_print_consumption"
                )
            product = self._offcut_product()
            # One lot per weighing: no creation message in its chatter, the move says it.
            lot = (
                self.env["stock.lot"]
                .sudo()
                .with_context(mail_create_nolog=True, tracking_disable=True)
                .create({"product_id": product.id, "company_id": company.id})
            )
        destination = self._offcut_bin()
        move = (
            self.env["stock.move"]
            .sudo()
            .create(
                {
                    "name": self.env._("Offcuts %(material)s", material=self.name),
                    "product_id": product.id,
                    "product_uom": product.uom_id.id,
                    "product_uom_qty": grams,
                    "location_id": source_location.id,
                    "location_dest_id": destination.id,
                    "company_id": company.id,
                    "print_job_id": job.id,
                    "offcut_source": source,
                    "offcut_machine_id": machine.id,
                    "partner_id": partner.id if partner else False,
                    "origin": job.name or False,
                    "state": "confirmed",
                    "picked": True,
                    "move_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_id": product.uom_id.id,
                                "quantity": grams,
                                "lot_id": lot.id,
                                "location_id": source_location.id,
                                "location_dest_id": destination.id,
                                "company_id": company.id,
                            }
                        )
                    ],
                }
            )
        )
        move._action_done()
        if date:
            move.write({"date": date})
            move.move_line_ids.write({"date": date})
        return move

    def _send_offcuts_away(self, grams, bin_location=None):
        """Move ``grams`` of this material's offcuts out of ``bin_location`` (its bin by
        default) to the waste sent away, oldest lots first; returns the done moves."""
        self.ensure_one()
        bin_location = bin_location or self._offcut_bin()
        if float_compare(grams, 0.0, precision_digits=1) <= 0:
            raise ValidationError(
                self.env._("Quantity: a shipment weighs more than 0 g (%(grams)s g).", grams=grams)
            )
        quants = (
            self.env["stock.quant"]
            .sudo()
            .search(
                [
                    ("location_id", "=", bin_location.id),
                    ("quantity", ">", 0),
                    "|",
                    ("product_id.offcut_material_id", "=", self.id),
                    ("product_id.material_id", "=", self.id),
                ],
                order="in_date, id",
            )
        )
        held = sum(quants.mapped("quantity"))
        if float_compare(grams, held, precision_digits=1) > 0:
            raise ValidationError(
                self.env._(
                    "Quantity: %(bin)s holds %(held)s g of %(material)s, not %(grams)s g.",
                    bin=bin_location.name,
                    held=held,
                    material=self.name,
                    grams=grams,
                )
            )
        waste = self.env.ref("tiers_lieu_recycling.stock_location_waste_sent")
        vals_list = []
        for quant in quants:
            part = min(grams, quant.quantity)
            if float_compare(part, 0.0, precision_digits=1) <= 0:
                break
            grams -= part
            vals_list.append(
                {
                    "name": self.env._("Waste %(material)s", material=self.name),
                    "product_id": quant.product_id.id,
                    "product_uom": quant.product_id.uom_id.id,
                    "product_uom_qty": part,
                    "location_id": bin_location.id,
                    "location_dest_id": waste.id,
                    "company_id": self.env.company.id,
                    "state": "confirmed",
                    "picked": True,
                    "move_line_ids": [
                        Command.create(
                            {
                                "product_id": quant.product_id.id,
                                "product_uom_id": quant.product_id.uom_id.id,
                                "quantity": part,
                                "lot_id": quant.lot_id.id,
                                "location_id": bin_location.id,
                                "location_dest_id": waste.id,
                                "company_id": self.env.company.id,
                            }
                        )
                    ],
                }
            )
        moves = self.env["stock.move"].sudo().create(vals_list)
        moves._action_done()
        return moves
