from odoo import api, fields, models
from odoo.exceptions import UserError

# Context key: {lot name: extra stock.lot values} for the lots a receipt creates.
SPOOL_VALS_CONTEXT = "tiers_lieu_spool_vals"


class StockLot(models.Model):
    """Receiving spools: the one way, a receipt validated as in the user interface."""

    _inherit = "stock.lot"

    @api.model
    def _receive_spools(self, partner, lines, supply_origin="purchase", origin=None, location=None):
        """Receive spools into stock in one done receipt, as a receipt validated in the
        user interface does (one line per spool, the lots created at validation).

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
        spool_vals = {}
        move_vals = []
        for product, count, grams, value, names, line in prepared:
            extra = {"supply_origin": supply_origin}
            for fname in ("tare_grams", "recycled_content_percent"):
                if line.get(fname) is not None:
                    extra[fname] = line[fname]
            move_lines = []
            for index in range(count):
                name = names[index] if names else self._new_spool_name()
                spool_vals[name] = extra
                move_lines.append(
                    fields.Command.create(
                        {
                            "picking_id": picking.id,
                            "product_id": product.id,
                            "product_uom_id": gram.id,
                            "quantity": grams,
                            "lot_name": name,
                            "location_id": source.id,
                            "location_dest_id": location.id,
                            "company_id": company.id,
                            "picked": True,
                        }
                    )
                )
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
                    "picked": True,
                    "move_line_ids": move_lines,
                }
            )
        self.env["stock.move"].create(move_vals)
        result = picking.with_context(
            **{SPOOL_VALS_CONTEXT: spool_vals}, skip_backorder=True
        ).button_validate()
        if result is not True or picking.state != "done":
            raise UserError(
                _(
                    "The receipt %(receipt)s of the spools could not be validated.",
                    receipt=picking.name,
                )
            )
        return picking

    @api.model
    def _new_spool_name(self):
        return self.env["ir.sequence"].next_by_code("tiers_lieu.spool")

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
            # A receipt would silently add the grams to an existing lot of that name.
            taken = names and self.search(
                [("product_id", "=", product.id), ("name", "in", names)], limit=1
            )
            if taken:
                raise UserError(
                    _(
                        "Spool %(spool)s of %(product)s already exists: give new lot names.",
                        spool=taken.name,
                        product=product.display_name,
                    )
                )
            prepared.append((product, count, grams, value, names, line))
        return prepared
