import math
from collections import defaultdict

from odoo import api, models
from odoo.tools import float_is_zero, float_round

from .tiers_lieu_design_version import SUPPLY_KINDS


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.depends(
        "product_uom_qty",
        "print_job_ids.state",
        "print_job_ids.good_quantity",
        "print_job_ids.product_id",
    )
    def _compute_qty_produced(self):
        """A kit line counts complete kits: for each made component, its good parts over
        the quantity one kit takes; the smallest gives the kits produced."""
        result = super()._compute_qty_produced()
        for line in self:
            if not line.print_job_ids:
                continue
            per_kit = line._tl_made_components(kits=1.0)
            if not per_kit:
                continue
            good = defaultdict(float)
            for job in line.print_job_ids:
                if job.state == "done":
                    good[job.product_id] += job.good_quantity
            kits = min(
                math.floor(float_round(good[product] / qty, precision_digits=6))
                for product, (_version, qty) in per_kit.items()
            )
            line.qty_produced = kits
            line.production_progress = (
                min(100.0, 100.0 * kits / line.product_uom_qty) if line.product_uom_qty > 0 else 0.0
            )
        return result

    def _production_problems(self):
        """A part cut on the laser or sewn needs its sheet or fabric, not a filament."""
        self.ensure_one()
        version = self.design_version_id
        if not version or version.machine_kind not in SUPPLY_KINDS:
            return super()._production_problems()
        if self.product_uom_qty <= 0 or self.product_uom_qty != int(self.product_uom_qty):
            return self.env._(
                "The quantity of %(part)s must be a positive whole number of parts (%(qty)s).",
                part=self.product_id.display_name,
                qty=self.product_uom_qty,
            )
        problems = version._production_problems()
        if problems:
            return self.env._(
                "%(version)s: %(problems)s.",
                version=version.display_name,
                problems="; ".join(problems),
            )
        return None

    # ------------------------------------------------------------------ kits

    def _tl_kit_bom(self):
        """The kit bill of materials of this line's product, or an empty recordset."""
        self.ensure_one()
        if self.display_type or self.is_printable_part:
            return self.env["mrp.bom"]
        return self.env["mrp.bom"]._tl_kit_of(self.product_id, self.company_id or self.env.company)

    def _tl_kits_ordered(self):
        self.ensure_one()
        return self.product_uom._compute_quantity(self.product_uom_qty, self.product_id.uom_id)

    def _tl_made_components(self, kits=None):
        """{component: (design version, parts)} of the components of this kit line that
        the workshop makes (printed, cut on the laser, sewn), for ``kits`` kits (default:
        the quantity ordered)."""
        bom = self._tl_kit_bom()
        if not bom:
            return {}
        quantity = self._tl_kits_ordered() if kits is None else kits
        return {
            product: (product.product_tmpl_id.sudo().design_version_id, qty)
            for product, qty in bom._tl_components(self.product_id, quantity).items()
            if product.is_printable_part
        }

    def _tl_kit_problems(self):
        """Why this kit line cannot go to production (translated), or None."""
        self.ensure_one()
        kit = self.product_id.display_name
        components = self._tl_made_components()
        for product, (version, parts) in components.items():
            part = product.display_name
            if parts <= 0 or not float_is_zero(parts - round(parts), precision_digits=6):
                return self.env._(
                    "%(kit)s takes %(qty)s × %(part)s: the workshop makes whole parts; "
                    "order a whole number of parts.",
                    kit=kit,
                    qty=parts,
                    part=part,
                )
            if not version:
                return self.env._(
                    "%(part)s, in kit %(kit)s, has no validated design version: validate "
                    "one before confirming.",
                    part=part,
                    kit=kit,
                )
            problems = version._production_problems()
            if problems:
                return self.env._(
                    "%(version)s, in kit %(kit)s: %(problems)s.",
                    version=version.display_name,
                    kit=kit,
                    problems="; ".join(problems),
                )
        return None

    def _tl_kit_lot(self, product):
        """The lot under which the parts of ``product`` made for this kit line are kept."""
        self.ensure_one()
        return (
            self.env["stock.lot"]
            .sudo()
            .search([("sale_line_id", "=", self.id), ("product_id", "=", product.id)], limit=1)
        )

    def _tl_create_kit_lots(self):
        """One lot per lot-tracked made component of each kit line, numbered after the
        order's other lots: the parts enter stock and leave with the delivery under it."""
        Lot = self.env["stock.lot"].sudo()
        numbers = {
            order: Lot.search_count([("sale_line_id.order_id", "=", order.id)])
            for order in self.order_id
        }
        vals_list = []
        for line in self:
            for product, (version, _parts) in line._tl_made_components().items():
                if product.tracking != "lot" or line._tl_kit_lot(product):
                    continue
                numbers[line.order_id] += 1
                vals_list.append(
                    {
                        "name": f"{line.order_id.name}-{numbers[line.order_id]:02d}",
                        "product_id": product.id,
                        "company_id": line.company_id.id,
                        "sale_line_id": line.id,
                        "design_version_id": version.id,
                    }
                )
        return Lot.create(vals_list)

    def _print_job_values(self, quantities=None):
        """Kit lines give the jobs of their made components; laser and sewing versions
        give jobs that consume their sheet or fabric."""
        kits = self.filtered(lambda ln: ln._tl_kit_bom())
        vals_list = super(SaleOrderLine, self - kits)._print_job_values(quantities)
        versions = self.env["tiers_lieu.design.version"].browse(
            {vals["design_version_id"] for vals in vals_list}
        )
        by_id = {version.id: version for version in versions}
        for vals in vals_list:
            vals.update(
                by_id[vals["design_version_id"]]._tl_supply_job_values(vals["quantity_per_plate"])
            )
        for line in kits:
            for product, (version, parts) in line._tl_made_components().items():
                vals_list += line._tl_component_job_values(product, version, int(round(parts)))
        return vals_list

    def _tl_component_job_values(self, product, version, quantity):
        """Values of the jobs making ``quantity`` × ``product`` for this kit line: one job
        per plate (or sheet run, or sewing batch), the last one holding the rest, with the
        sheets or fabric it uses."""
        return [
            dict(vals, **version._tl_supply_job_values(vals["quantity_per_plate"]))
            for vals in self._plate_job_values(product, version, quantity)
        ]
