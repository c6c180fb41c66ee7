from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.tiers_lieu_machine.models.tiers_lieu_print_job import _fits

from .tiers_lieu_commune import great_circle_km
from .tiers_lieu_maker import week_start

# Print jobs the workshop has not started: their parts may go to makers instead.
RELEASABLE_JOB_STATES = ("draft", "queued")


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    maker_batch_ids = fields.One2many(
        "tiers_lieu.maker.batch", "sale_line_id", string="Maker Batches"
    )
    maker_allocated = fields.Boolean(
        string="Allocated to Makers",
        readonly=True,
        copy=False,
        help="Some parts of this line were allocated to makers.",
    )
    qty_maker_accepted = fields.Integer(
        string="Parts Accepted from Makers",
        compute="_compute_qty_produced",
        store=True,
    )

    @api.depends("maker_batch_ids.state", "maker_batch_ids.qty_accepted")
    def _compute_qty_produced(self):
        result = super()._compute_qty_produced()
        for line in self:
            # The flag spares the order addon's flows a query for lines makers never had.
            if not line.maker_allocated:
                line.qty_maker_accepted = 0
                continue
            accepted = sum(
                batch.qty_accepted for batch in line.maker_batch_ids if batch.state == "done"
            )
            line.qty_maker_accepted = accepted
            if not accepted:
                continue
            line.qty_produced += accepted
            line.production_progress = (
                min(100.0, 100.0 * line.qty_produced / line.product_uom_qty)
                if line.product_uom_qty > 0
                else 0.0
            )
        return result

    # ------------------------------------------------------------------ business

    def _parts_missing(self):
        # Parts allocated to makers are not missing: the workshop does not plan them again.
        missing = super()._parts_missing()
        return max(missing - self._maker_expected_parts(), 0)

    def _maker_expected_parts(self):
        self.ensure_one()
        return sum(batch._expected_parts() for batch in self.sudo().maker_batch_ids)

    def _maker_remainder(self):
        """Parts of this line that neither the workshop's jobs nor the makers will give."""
        self.ensure_one()
        return self._parts_missing()

    def _workshop_releasable_parts(self):
        self.ensure_one()
        return sum(
            job.quantity_per_plate
            for job in self.sudo().print_job_ids
            if job.state in RELEASABLE_JOB_STATES
        )

    def _release_workshop_parts(self, quantity):
        """Cancel print jobs not started of this line until ``quantity`` parts are freed
        for makers (last due first); the parts of a plate freed beyond go back to the
        workshop queue as a new job. Returns the parts freed."""
        self.ensure_one()
        jobs = (
            self.sudo()
            .print_job_ids.filtered(lambda j: j.state in RELEASABLE_JOB_STATES)
            .sorted(lambda j: (j.date_due or fields.Date.today(), j.id), reverse=True)
        )
        freed, cancel = 0, self.env["tiers_lieu.print.job"]
        for job in jobs:
            if freed >= quantity:
                break
            cancel |= job
            freed += job.quantity_per_plate
        if freed < quantity:
            raise UserError(
                self.env._(
                    "Only %(freed)s parts of %(part)s are on print jobs not started: "
                    "%(wanted)s cannot be taken from the workshop.",
                    freed=freed,
                    part=self.product_id.display_name,
                    wanted=quantity,
                )
            )
        cancel.action_cancel()
        if freed > quantity:
            self.sudo()._create_print_jobs({self.sudo(): freed - quantity})
        return quantity

    def _maker_due_date(self):
        """The day the line's parts are due: the order's commitment date, else today."""
        self.ensure_one()
        commitment = self.order_id.commitment_date
        return commitment.date() if commitment else fields.Date.context_today(self)

    def _maker_suggestions(self, quantities=None, limit=None, due_dates=None):
        """Makers ranked for these lines, urgent orders first: {line: [row]}, each row a dict
        (maker_id, capacity_left, distance_km, beneficiary_km, same_area, quantity) where
        ``quantity`` fills the line's remainder (or ``quantities[line]``) from the best
        maker on.

        Compatibility reuses the workshop's dispatch rules (machine kind, material, build
        volume). Capacity is the capacity left in the ISO calendar week of the line's due
        date (``due_dates[line]``, else :meth:`_maker_due_date`): the weekly capacity
        minus the parts of the batches due that week; what one line takes is not offered
        to the next. Then the nearest to the beneficiary (great-circle distance between
        the maker's commune and the delivery address's), makers whose distance is unknown
        after, by postcode then distance to the tiers-lieu. The number of queries does not
        depend on the number of makers."""
        lines = self.sorted(
            lambda ln: (
                not ln.order_id.is_urgent,
                ln.order_id.commitment_date or ln.order_id.date_order,
                ln.id,
            )
        )
        due_dates = due_dates or {}
        weeks = {line: week_start(due_dates.get(line) or line._maker_due_date()) for line in lines}
        candidates_by_line = {
            line: line._compatible_makers(line.design_version_id.sudo()) for line in lines
        }
        all_makers = set().union(*candidates_by_line.values()) if lines else set()
        makers = self._maker_capacity(all_makers)
        load = (
            self.env["tiers_lieu.maker"].browse(all_makers)._week_load(set(weeks.values()))
            if all_makers
            else {}
        )
        # Capacity left per (maker, week), consumed line after line.
        capacity = {}
        suggestions = {}
        for line in lines:
            week = weeks[line]
            wanted = quantities[line] if quantities is not None else line._maker_remainder()
            beneficiary = line.order_id.partner_shipping_id or line.order_id.partner_id
            zip_code = beneficiary.zip or line.order_id.partner_id.zip
            target = beneficiary.sudo()._coordinates() or line.order_id.partner_id._coordinates()
            rows = []
            for maker_id in candidates_by_line[line]:
                maker = makers[maker_id]
                key = (maker_id, week)
                if key not in capacity:
                    capacity[key] = max(maker["weekly"] - load.get(key, 0), 0)
                beneficiary_km = (
                    round(great_circle_km(*target, *maker["coordinates"]), 1)
                    if target and maker["coordinates"]
                    else None
                )
                rows.append(
                    {
                        "maker_id": maker_id,
                        "capacity_left": capacity[key],
                        "distance_km": maker["distance"],
                        "beneficiary_km": beneficiary_km,
                        "same_area": bool(zip_code) and maker["zip"] == zip_code,
                        "name": maker["name"],
                        "week": week,
                    }
                )
            rows.sort(
                key=lambda r: (
                    r["capacity_left"] <= 0,
                    r["beneficiary_km"] is None,
                    r["beneficiary_km"] or 0.0,
                    not r["same_area"],
                    r["distance_km"],
                    -r["capacity_left"],
                    r["name"] or "",
                )
            )
            left = wanted
            for row in rows:
                take = max(min(row["capacity_left"], left), 0)
                row["quantity"] = take
                left -= take
                capacity[(row["maker_id"], week)] -= take
            suggestions[line] = rows[:limit] if limit else rows
        return suggestions

    def _maker_size(self):
        """The largest part size (x, y, z) known from this line's print jobs (slicer
        header), zeros when unknown."""
        self.ensure_one()
        jobs = self.sudo().print_job_ids
        return (
            max(jobs.mapped("size_x_mm") or [0.0]),
            max(jobs.mapped("size_y_mm") or [0.0]),
            max(jobs.mapped("size_z_mm") or [0.0]),
        )

    def _compatible_makers(self, version):
        """{maker id: True} of the active makers with a printer of the version's kind that
        takes its material and fits its parts: one query."""
        self.ensure_one()
        size = self._maker_size()
        self.env["tiers_lieu.maker.printer"].flush_model()
        self.env["tiers_lieu.maker"].flush_model()
        query = SQL(
            """
            SELECT p.maker_id, p.build_x_mm, p.build_y_mm, p.build_z_mm
              FROM tiers_lieu_maker_printer p
              JOIN tiers_lieu_maker m ON m.id = p.maker_id
             WHERE p.active AND m.active AND m.availability = 'active'
               AND m.company_id = %(company)s
               AND p.machine_kind = %(kind)s
               AND (%(material)s IS NULL OR EXISTS (
                    SELECT 1 FROM tiers_lieu_maker_printer_material_rel r
                     WHERE r.printer_id = p.id AND r.material_id = %(material)s))
            """,
            company=self.company_id.id or self.env.company.id,
            kind=version.machine_kind,
            material=version.material_id.id or None,
        )
        self.env.cr.execute(query)
        makers = {}
        for maker_id, bx, by, bz in self.env.cr.fetchall():
            if _fits(size, (bx or 0.0, by or 0.0, bz or 0.0)):
                makers[maker_id] = True
        return makers

    @api.model
    def _maker_capacity(self, maker_ids):
        """{maker id: {weekly, distance, zip, name, coordinates}} of these makers, one
        query; ``coordinates`` is (latitude, longitude) of the maker's contact, or None."""
        maker_ids = list(maker_ids)
        if not maker_ids:
            return {}
        self.env["tiers_lieu.maker"].flush_model()
        self.env["res.partner"].flush_model(["partner_latitude", "partner_longitude"])
        self.env.cr.execute(
            SQL(
                """
                SELECT m.id, m.weekly_capacity, m.distance_km, m.zip, m.name,
                       p.partner_latitude, p.partner_longitude
                  FROM tiers_lieu_maker m
                  JOIN res_partner p ON p.id = m.partner_id
                 WHERE m.id = ANY(%(ids)s)
                """,
                ids=maker_ids,
            )
        )
        result = defaultdict(dict)
        for maker_id, weekly, distance, zip_code, name, lat, lon in self.env.cr.fetchall():
            result[maker_id] = {
                "weekly": weekly or 0,
                "distance": distance or 0.0,
                "zip": zip_code,
                "name": name,
                "coordinates": (lat, lon) if (lat or lon) else None,
            }
        return result
