import itertools
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare, float_is_zero, float_round

from odoo.addons.tiers_lieu_machine.models.tiers_lieu_print_job import ENDED_STATES

CONSUMPTION_STATES = [
    ("none", "Nothing to post"),
    ("pending", "To post"),
    ("posted", "Posted"),
]
# Fields whose change after posting moves grams again (corrections).
CONSUMPTION_FIELDS = (
    "grams_actual",
    "failed_weight_grams",
    "good_quantity",
    "rejected_quantity",
    "quantity_per_plate",
)
ACTIVITY_TYPE = "tiers_lieu_consumable.mail_activity_type_material_consumption"
PRECISION = 2  # grams: the rounding of the gram unit (0.01)


class TiersLieuPrintJob(models.Model):
    _inherit = "tiers_lieu.print.job"

    filament_color_id = fields.Many2one(
        "product.attribute.value",
        string="Colour",
        domain="[('attribute_id.filament_role', '=', 'color')]",
        index="btree_not_null",
        tracking=True,
        help="Colour of filament the job asks for (empty: any colour).",
    )
    spool_id = fields.Many2one(
        "stock.lot",
        string="Spool",
        check_company=True,
        index="btree_not_null",
        tracking=True,
        copy=False,
        domain="[('is_spool', '=', True), ('material_id', '=?', material_id)]",
        help="The spool the job prints from: the spool loaded on the machine when it "
        "starts, unless you choose another.",
    )
    stock_move_ids = fields.One2many("stock.move", "print_job_id", string="Material Moves")
    consumption_state = fields.Selection(
        CONSUMPTION_STATES,
        string="Material Consumption",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    consumption_note = fields.Char(string="Consumption Problem", readonly=True, copy=False)
    grams_posted = fields.Float(
        string="Material Posted (g)", digits=(16, 2), compute="_compute_consumption_figures"
    )
    offcut_grams_posted = fields.Float(
        string="Offcuts Posted (g)", digits=(16, 2), compute="_compute_consumption_figures"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # Not the cost of the orders' cost model (``real_material_cost`` of the orders addon).
    material_stock_value = fields.Monetary(
        compute="_compute_material_stock_value",
        compute_sudo=True,
        help="Value of the filament that left the spools for this job (stock valuation).",
    )

    def _compute_consumption_figures(self):
        posted, _origins = self._posted_grams()
        _consumption, offcut = self._consumption_locations()
        for job in self:
            by_destination = posted.get(job.id, {})
            job.grams_posted = sum(sum(lots.values()) for lots in by_destination.values())
            job.offcut_grams_posted = sum(by_destination.get(offcut.id, {}).values())

    def _compute_material_stock_value(self):
        groups = self.env["stock.valuation.layer"]._read_group(
            [("stock_move_id.print_job_id", "in", self.ids)], ["stock_move_id"], ["value:sum"]
        )
        cost = defaultdict(float)
        for move, value in groups:
            cost[move.print_job_id.id] -= value
        for job in self:
            job.material_stock_value = cost.get(job.id, 0.0)

    # ------------------------------------------------------------------ actions

    def action_done(self):
        result = super().action_done()
        return self._consume_wizard_if_pending() or result

    def action_open_consume(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Post the Material Consumption"),
            "res_model": "tiers_lieu.print.job.consume",
            "view_mode": "form",
            "target": "new",
            "context": {"default_job_id": self.id},
        }

    def action_view_material_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_consumable.material_move_line_action"
        )
        action["domain"] = [("print_job_id", "=", self.id)]
        action["context"] = {}
        return action

    def _consume_wizard_if_pending(self):
        if len(self) == 1 and self.consumption_state == "pending":
            return self.action_open_consume()
        return None

    # ------------------------------------------------------------------ hooks

    def _on_start(self):
        """A job prints from the suitable spool loaded on its machine, unless chosen."""
        result = super()._on_start()
        loaded = self._loaded_spools()
        for job in self.filtered(lambda j: not j.spool_id):
            spool = next((s for s in loaded.get(job.machine_id.id, []) if s._suits(job)), None)
            if spool:
                job.spool_id = spool
        return result

    def _on_end(self):
        result = super()._on_end()
        self._post_material_consumption()
        return result

    def _on_corrected(self, fnames, before):
        """A correction of the figures of a posted job moves its grams again."""
        result = super()._on_corrected(fnames, before)
        if fnames & set(CONSUMPTION_FIELDS):
            posted = self.filtered(
                lambda j: j.consumption_state == "posted" and j.state in ENDED_STATES
            )
            if posted:
                posted._post_material_consumption()
        return result

    # ------------------------------------------------------------------ business

    @api.model
    def _consumption_locations(self):
        """(production consumption, offcuts): where the grams of print jobs go by default."""
        return (
            self.env.ref("tiers_lieu_consumable.stock_location_print_consumption"),
            self.env.ref("tiers_lieu_consumable.stock_location_offcut"),
        )

    @api.model
    def _consumption_destinations(self):
        """Every location the good grams of a job may go to: the production consumption
        and the ones of addons that book some jobs elsewhere (``_consumption_location``)."""
        return self._consumption_locations()[0]

    def _consumption_location(self):
        """Where the good grams (parts, purge) of this job go. Addons whose jobs are not
        production (practice jobs of a training session) book them to another location of
        ``_consumption_destinations``."""
        self.ensure_one()
        return self._consumption_locations()[0]

    def _consumption_targets(self):
        """{job id: {location id: grams}}: what the moves of each ended job must put in the
        consumption location (good parts, purge) and in the offcut location (a failed
        print as weighed; the rejected share of the plate of a done job)."""
        _consumption, offcut = self._consumption_locations()
        targets = {}
        for job in self:
            grams = job.grams_actual if job.state in ENDED_STATES else 0.0
            if job.state == "failed":
                scrap = min(job.failed_weight_grams, grams)
            elif job.rejected_quantity and job.quantity_per_plate:
                scrap = grams * job.rejected_quantity / job.quantity_per_plate
            else:
                scrap = 0.0
            scrap = float_round(scrap, precision_digits=PRECISION)
            targets[job.id] = {
                job._consumption_location().id: float_round(
                    grams - scrap, precision_digits=PRECISION
                ),
                offcut.id: scrap,
            }
        return targets

    def _posted_grams(self):
        """What the done moves of these jobs hold, as ``({job id: {destination location id:
        {lot id: grams}}}, {(job id, lot id): internal location the grams came from})``."""
        _consumption, offcut = self._consumption_locations()
        destinations = set((self._consumption_destinations() | offcut).ids)
        posted = defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
        origins = {}
        if not self.ids:
            return posted, origins
        rows = (
            self.env["stock.move.line"]
            .sudo()
            ._read_group(
                [("print_job_id", "in", self.ids), ("state", "=", "done")],
                ["print_job_id", "location_id", "location_dest_id", "lot_id"],
                ["quantity_product_uom:sum"],
            )
        )
        for job, source, destination, lot, grams in rows:
            if destination.id in destinations:
                posted[job.id][destination.id][lot.id] += grams
            if source.id in destinations:
                posted[job.id][source.id][lot.id] -= grams
            elif source.usage == "internal":
                origins[(job.id, lot.id)] = source.id
        return posted, origins

    def _loaded_spools(self):
        """{machine id: spools loaded on it, by slot} for the machines of these jobs."""
        loaded = defaultdict(list)
        if self.machine_id:
            for spool in self.env["stock.lot"].search(
                [("machine_id", "in", self.machine_id.ids)], order="machine_tool, id"
            ):
                loaded[spool.machine_id.id].append(spool)
        return loaded

    def _post_material_consumption(self, spools=None):
        """Post, as stock moves, the material of these ended jobs: from their spools to the
        consumption location (good parts) and to the offcut location (failed prints and
        rejected parts), or correct earlier moves after a change of the job's figures.

        The grams come from ``spools[job.id]`` (a stock.lot recordset, in order) when given,
        else from the job's spool then the spools loaded on its machine that suit it; a
        spool that runs out hands over to the next one. A job whose spools do not hold
        enough is left "to post" with an activity (never a negative stock); a job without
        spool whose material has no filament product has nothing to post. Moves of all the
        jobs are created and validated together.
        """
        jobs = self.filtered(lambda j: j.state in ENDED_STATES).sorted(
            lambda j: (j.date_end or fields.Datetime.now(), j.id)
        )
        if not jobs:
            return self.env["stock.move"]
        targets = jobs._consumption_targets()
        posted, origins = jobs._posted_grams()
        candidates = jobs._consumption_spools(spools or {})
        available = self._available_spool_grams(
            self.env["stock.lot"].union(*(s for found in candidates.values() for s in found))
        )
        tracked_materials = {
            material.id
            for [material] in self.env["product.template"]
            .sudo()
            ._read_group([("material_id", "in", jobs.material_id.ids)], ["material_id"])
        }
        # (job, product, source, destination) -> [(lot, grams)]
        lines = defaultdict(list)
        outcome = {}  # job id -> (state, note, first spool drawn)
        for job in jobs:
            planned, need = job._plan_corrections(targets[job.id], posted[job.id], origins)
            has_posted = any(
                not float_is_zero(grams, precision_digits=PRECISION)
                for lots in posted[job.id].values()
                for grams in lots.values()
            )
            total = float_round(sum(need.values()), precision_digits=PRECISION)
            draws, problem = _allocate(job, candidates[job.id], available, total)
            if (
                not planned
                and not has_posted
                and not draws
                and not problem
                and (not total or job.material_id.id not in tracked_materials)
            ):
                outcome[job.id] = ("none", False, None)
                continue
            if total and not draws:
                outcome[job.id] = ("pending", problem or job._no_spool_note(), None)
                continue
            first = draws[0][0][0] if draws else None
            for dest, grams in need.items():
                for (lot, location), part in _split(draws, grams):
                    planned.append((lot.id, location, dest, part))
            for lot_id, source, destination, grams in planned:
                lot = self.env["stock.lot"].browse(lot_id)
                lines[(job, lot.product_id, source, destination)].append((lot, grams))
            outcome[job.id] = ("posted", False, first)
        moves = jobs._create_consumption_moves(lines)
        jobs._apply_consumption_outcome(outcome, moves)
        return moves

    def _consumption_spools(self, spools):
        """{job id: [spools to draw from, in order]}: ``spools[job.id]`` when given, else
        the job's spool then the spools loaded on its machine that suit it."""
        loaded = self._loaded_spools()
        candidates = {}
        for job in self:
            if job.id in spools:
                candidates[job.id] = list(spools[job.id])
                continue
            found = [job.spool_id] if job.spool_id else []
            found += [
                s for s in loaded.get(job.machine_id.id, []) if s not in found and s._suits(job)
            ]
            candidates[job.id] = found
        return candidates

    def _plan_corrections(self, targets, posted, origins):
        """Moves that bring what this job posted (``posted``: {destination: {lot: grams}})
        to ``targets`` ({destination: grams}) without new filament: grams that change
        destination (a failed print weighed afterwards) and grams that go back to their
        spool (fewer grams than posted). Returns ``(planned, need)``: planned moves
        [(lot id, source id, destination id, grams)] and the grams still to draw from
        spools per destination."""
        self.ensure_one()
        # The job's destinations, and those it posted to before (a job that became a
        # practice job, or no longer is, takes its grams back from the old one).
        destinations = list(dict.fromkeys([*targets, *posted]))
        delta = {
            dest: float_round(
                targets.get(dest, 0.0) - sum(posted[dest].values()), precision_digits=PRECISION
            )
            for dest in destinations
        }
        planned = []
        for giver, taker in itertools.permutations(destinations, 2):
            if delta[giver] < 0 < delta[taker]:
                grams = min(-delta[giver], delta[taker])
                for lot, part in _take(posted[giver], grams):
                    planned.append((lot, giver, taker, part))
                delta[giver] += grams
                delta[taker] -= grams
        for dest, grams in delta.items():
            if float_compare(grams, 0.0, precision_digits=PRECISION) < 0:
                for lot, part in _take(posted[dest], -grams):
                    back = origins.get((self.id, lot)) or (
                        self.env["stock.lot"].browse(lot)._home_location().id
                    )
                    planned.append((lot, dest, back, part))
        need = {
            dest: grams
            for dest, grams in delta.items()
            if float_compare(grams, 0.0, precision_digits=PRECISION) > 0
        }
        return planned, need

    def _grams_to_draw(self):
        """Grams this job still has to take from spools."""
        self.ensure_one()
        targets = self._consumption_targets()[self.id]
        posted, _origins = self._posted_grams()
        drawn = sum(sum(lots.values()) for lots in posted[self.id].values())
        return max(float_round(sum(targets.values()) - drawn, precision_digits=PRECISION), 0.0)

    def _no_spool_note(self):
        self.ensure_one()
        if self.machine_id:
            return self.env._(
                "No spool of %(material)s is loaded on %(machine)s: choose the spool job "
                "%(job)s printed from.",
                material=self.material_id.display_name or self.env._("its material"),
                machine=self.machine_id.display_name,
                job=self.name,
            )
        return self.env._("Choose the spool job %(job)s printed from.", job=self.name)

    @api.model
    def _available_spool_grams(self, spools):
        """{spool: [[location id, grams], ...]} on hand in internal locations, fullest first,
        with the spools' quants locked until the end of the transaction."""
        available = {spool: [] for spool in spools}
        if not spools:
            return available
        self.env["stock.quant"].flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM stock_quant WHERE lot_id = ANY(%s) FOR NO KEY UPDATE",
                spools.ids,
            )
        )
        rows = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [("lot_id", "in", spools.ids), ("location_id.usage", "=", "internal")],
                ["lot_id", "location_id"],
                ["quantity:sum"],
            )
        )
        for lot, location, grams in sorted(rows, key=lambda row: -row[2]):
            if float_compare(grams, 0.0, precision_digits=PRECISION) > 0:
                available[lot].append([location.id, grams])
        return available

    def _create_consumption_moves(self, lines):
        """Create and validate, in one batch, the moves of ``lines``
        ({(job, product, source id, destination id): [(lot, grams)]})."""
        if not lines:
            return self.env["stock.move"]
        vals_list = []
        for (job, product, source, destination), parts in lines.items():
            uom = product.uom_id
            vals_list.append(
                {
                    "name": f"{job.name} – {job.part_name}",
                    "product_id": product.id,
                    "product_uom": uom.id,
                    "product_uom_qty": float_round(
                        sum(grams for _lot, grams in parts), precision_digits=PRECISION
                    ),
                    "location_id": source,
                    "location_dest_id": destination,
                    "company_id": job.company_id.id,
                    "print_job_id": job.id,
                    "origin": job.name,
                    "state": "confirmed",
                    "picked": True,
                    "move_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_id": uom.id,
                                "quantity": grams,
                                "lot_id": lot.id,
                                "location_id": source,
                                "location_dest_id": destination,
                                "company_id": job.company_id.id,
                            }
                        )
                        for lot, grams in parts
                    ],
                }
            )
        moves = self.env["stock.move"].sudo().create(vals_list)
        moves._action_done()
        self._check_no_negative_spool(moves.move_line_ids.lot_id)
        return moves

    @api.model
    def _check_no_negative_spool(self, spools):
        """Refuse (roll back) a consumption that left a spool below zero, e.g. when two
        users finished jobs on the same spool at the same time."""
        negative = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("lot_id", "in", spools.ids),
                    ("location_id.usage", "=", "internal"),
                    ("quantity", "<", 0),
                ],
                ["lot_id"],
            )
        )
        if negative:
            raise UserError(
                self.env._(
                    "Spool %(spool)s would hold less than nothing: weigh it, or record that "
                    "it ran out and which spool took over.",
                    spool=negative[0][0].name,
                )
            )

    def _apply_consumption_outcome(self, outcome, moves):
        """Write the consumption state of the jobs and what the spools learnt, grouped so
        that the number of writes does not grow with the number of jobs."""
        groups = defaultdict(list)
        for job in self:
            if job.id not in outcome:
                continue
            state, note, first = outcome[job.id]
            vals = {}
            if job.consumption_state != state:
                vals["consumption_state"] = state
            if (job.consumption_note or False) != note:
                vals["consumption_note"] = note
            if first and not job.spool_id:
                vals["spool_id"] = first.id
            if vals:
                groups[tuple(sorted(vals.items()))].append(job.id)
        for vals, ids in groups.items():
            self.browse(ids).write(dict(vals))
        drawn = moves.filtered(lambda m: m.location_id.usage == "internal").move_line_ids.lot_id
        if drawn:
            drawn.filtered(lambda s: not s.opened_date).write(
                {"opened_date": fields.Date.context_today(self)}
            )
            drawn.write({"last_used_date": fields.Datetime.now()})
        pending = self.filtered(lambda j: outcome.get(j.id, ("",))[0] == "pending")
        done = self.filtered(lambda j: outcome.get(j.id, ("",))[0] in ("posted", "none"))
        done.activity_feedback([ACTIVITY_TYPE], feedback=self.env._("Material consumption posted."))
        pending._schedule_consumption_activities()

    def _schedule_consumption_activities(self):
        if not self:
            return
        activity_type = self.env.ref(ACTIVITY_TYPE)
        existing = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        for job in self.filtered(lambda j: j.id not in existing):
            user = job.user_id if job.user_id.active and not job.user_id.share else None
            user = user or job.company_id._filament_responsible() or self.env.user
            job.sudo().activity_schedule(ACTIVITY_TYPE, note=job.consumption_note, user_id=user.id)


def _take(lots, grams):
    """Take ``grams`` out of ``lots`` ({lot id: grams}), latest lot first; yields
    (lot id, grams) and decrements the dict."""
    grams = float_round(grams, precision_digits=PRECISION)
    for lot_id in sorted(lots, reverse=True):
        if float_compare(grams, 0.0, precision_digits=PRECISION) <= 0:
            break
        part = float_round(min(lots[lot_id], grams), precision_digits=PRECISION)
        if float_compare(part, 0.0, precision_digits=PRECISION) > 0:
            lots[lot_id] -= part
            grams -= part
            yield lot_id, part


def _allocate(job, spools, available, grams):
    """Draw ``grams`` from ``spools`` in order (a spool that runs out hands over to the
    next), updating ``available``. Returns ([((spool, location id), grams)], problem)."""
    if not spools or float_is_zero(grams, precision_digits=PRECISION):
        return [], None
    held = sum(sum(g for _loc, g in available.get(spool, [])) for spool in spools)
    if float_compare(held, grams, precision_digits=PRECISION) < 0:
        names = ", ".join(spool.name for spool in spools)
        return [], job.env._(
            "Job %(job)s used %(grams)s g but spool %(spools)s holds only %(held)s g in stock: "
            "record that the spool ran out and which spool took over, or correct its stock.",
            job=job.name,
            grams=grams,
            spools=names,
            held=float_round(held, precision_digits=PRECISION),
        )
    draws = []
    left = grams
    for spool in spools:
        for entry in available.get(spool, []):
            if float_is_zero(left, precision_digits=PRECISION):
                break
            part = float_round(min(entry[1], left), precision_digits=PRECISION)
            if float_compare(part, 0.0, precision_digits=PRECISION) <= 0:
                continue
            entry[1] -= part
            left = float_round(left - part, precision_digits=PRECISION)
            draws.append(((spool, entry[0]), part))
    return draws, None


def _split(draws, grams):
    """Take ``grams`` from the head of ``draws`` ([(key, grams)], consumed in place)."""
    taken = []
    left = grams
    while draws and float_compare(left, 0.0, precision_digits=PRECISION) > 0:
        key, part = draws[0]
        used = float_round(min(part, left), precision_digits=PRECISION)
        taken.append((key, used))
        left = float_round(left - used, precision_digits=PRECISION)
        if float_compare(part, used, precision_digits=PRECISION) > 0:
            draws[0] = (key, float_round(part - used, precision_digits=PRECISION))
        else:
            draws.pop(0)
    return taken
