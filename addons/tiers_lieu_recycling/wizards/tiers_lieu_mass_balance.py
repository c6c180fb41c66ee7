import contextlib
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, float_round, formatLang

from odoo.addons.tiers_lieu import monthly_summary
from odoo.addons.tiers_lieu.monthly_summary import Watch

# The materialised view of the classified move lines per company, material, category and
# (UTC) month, over the closed months (see _refresh_summary).
SUMMARY = "tiers_lieu_recycling_month"
# A done line of a closed month that the summary counted: exists for a job or a lot.
COUNTED_LINE = (
    "EXISTS (SELECT 1 FROM stock_move_line ml WHERE ml.{column} = r.id "
    "AND ml.state = 'done' AND ml.date < $1)"
)

# (category, sign in the balance, label): what enters the perimeter (spools in stock and
# offcut bins) is added, what leaves it is taken away; the net figures (good parts,
# adjustments) carry their own sign.
CATEGORIES = [
    ("purchased", "Purchased"),
    ("donated", "Donated"),
    ("partner_scrap", "Scrap given by partners"),
    ("recycled_output", "Recycled filament"),
    ("good_parts", "Consumed in good parts"),
    ("unweighed_scrap", "Unweighed scrap of failed prints"),
    ("recycling_input", "Offcuts put in recycling batches"),
    ("waste", "Sent away as waste"),
    ("inventory_adjustment", "Inventory adjustments (weighings, counts)"),
    ("unclassified", "Moves of no known kind"),
]
LINE_KINDS = [("start", "Stock at start"), *CATEGORIES, ("end", "Stock at end")]


class TiersLieuMassBalance(models.TransientModel):
    _name = "tiers_lieu.mass.balance"
    _description = "Mass Balance of the Materials"

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        + relativedelta(months=1, days=-1),
    )
    material_ids = fields.Many2many(
        "tiers_lieu.material", string="Materials", help="Leave empty for every material."
    )
    line_ids = fields.One2many("tiers_lieu.mass.balance.line", "balance_id", readonly=True)
    indicator_ids = fields.One2many(
        "tiers_lieu.mass.balance.indicator", "balance_id", readonly=True
    )
    waste_ids = fields.One2many("tiers_lieu.mass.balance.waste", "balance_id", readonly=True)
    computed = fields.Boolean(readonly=True)
    weighings_note = fields.Text(
        readonly=True,
        help="Weighings of the period not in the balance: still being posted to the bins, "
        "or refused.",
    )

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        for balance in self:
            balance.display_name = self.env._(
                "Mass balance %(start)s – %(end)s", start=balance.date_from, end=balance.date_to
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for balance in self:
            if balance.date_from > balance.date_to:
                raise ValidationError(self.env._("Date To: the period ends before it starts."))

    # ------------------------------------------------------------------ SQL

    def init(self):
        monthly_summary.install(
            self.env.cr,
            SUMMARY,
            [
                Watch(
                    "stock_move_line",
                    "r.state = 'done' AND r.date < $1",
                    (
                        "state",
                        "date",
                        "quantity_product_uom",
                        "location_id",
                        "location_dest_id",
                        "product_id",
                        "lot_id",
                        "move_id",
                        "print_job_id",
                        "company_id",
                    ),
                ),
                # What classifies a line beside its own columns.
                Watch(
                    "stock_move",
                    "true",
                    ("production_id", "raw_material_production_id"),
                    ("UPDATE",),
                ),
                Watch(
                    "tiers_lieu_print_job",
                    COUNTED_LINE.format(column="print_job_id"),
                    ("state",),
                    ("UPDATE",),
                ),
                Watch(
                    "stock_lot",
                    COUNTED_LINE.format(column="lot_id"),
                    ("supply_origin",),
                    ("UPDATE",),
                ),
                Watch(
                    "product_template", "true", ("material_id", "offcut_material_id"), ("UPDATE",)
                ),
                Watch("stock_location", "true", ("usage", "location_id"), ("UPDATE",)),
            ],
        )

    @api.model
    def _refresh_summary(self):
        """Rebuild the summary of the closed months (cron; woken up when stale)."""
        self.env.flush_all()
        monthly_summary.build(
            self.env.cr,
            SUMMARY,
            SQL(
                """SELECT company_id, material_id, category,
                          date_trunc('month', date) AS month, SUM(grams) AS grams
                     FROM (%s) moves
                    WHERE date < %s
                    GROUP BY 1, 2, 3, 4""",
                self._classified_moves_sql(),
                monthly_summary.covered_until(SUMMARY),
            ),
        )

    @api.model
    def _classified_moves_sql(self, company=None):
        """One row per done move line of a material that crosses the perimeter (spools in
        the internal locations and the offcut bins): id, company_id, material_id, date,
        grams (signed: + into the perimeter) and its category; of ``company`` (every company
        by default). The locations are resolved beforehand into arrays of ids, and the move,
        lot and job are read only for the rows whose category depends on them: one scan of
        the move lines."""
        offcut = self.env.ref("tiers_lieu_consumable.stock_location_offcut")
        consumption = self.env["tiers_lieu.print.job"]._consumption_destinations()
        waste = self.env.ref("tiers_lieu_recycling.stock_location_waste_sent")
        Location = self.env["stock.location"].sudo().with_context(active_test=False)
        offcut_tree = Location.search([("id", "child_of", offcut.id)])
        perimeter = Location.search([("usage", "=", "internal")]) | offcut_tree
        suppliers = Location.search([("usage", "=", "supplier")])
        productions = Location.search([("usage", "=", "production")]) - consumption
        others = Location.search([("usage", "=", "inventory")]) - offcut_tree - waste
        dst_in = SQL("(ml.location_dest_id = ANY(%s))", perimeter.ids)
        src_in = SQL("(ml.location_id = ANY(%s))", perimeter.ids)

        def touches(locations):
            return SQL(
                "(ml.location_id = ANY(%s) OR ml.location_dest_id = ANY(%s))",
                locations.ids,
                locations.ids,
            )

        return SQL(
            """
            SELECT ml.id,
                   ml.company_id,
                   COALESCE(pt.material_id, pt.offcut_material_id) AS material_id,
                   ml.date,
                   CASE WHEN %(dst_in)s THEN ml.quantity_product_uom
                        ELSE -ml.quantity_product_uom END AS grams,
                   CASE
                       WHEN %(consumption)s THEN
                           CASE WHEN ml.print_job_id IS NOT NULL
                                     AND (SELECT job.state FROM tiers_lieu_print_job job
                                           WHERE job.id = ml.print_job_id) = 'failed'
                                THEN 'unweighed_scrap' ELSE 'good_parts' END
                       WHEN ml.location_id = ANY(%(suppliers)s)
                            AND ml.location_dest_id = ANY(%(offcut_tree)s)
                           THEN 'partner_scrap'
                       WHEN %(supplier)s THEN
                           CASE WHEN (SELECT lot.supply_origin FROM stock_lot lot
                                       WHERE lot.id = ml.lot_id) = 'donation'
                                THEN 'donated' ELSE 'purchased' END
                       WHEN %(production)s THEN
                           (SELECT CASE WHEN sm.production_id IS NOT NULL
                                            THEN 'recycled_output'
                                        WHEN sm.raw_material_production_id IS NOT NULL
                                            THEN 'recycling_input'
                                        ELSE 'unclassified' END
                              FROM stock_move sm WHERE sm.id = ml.move_id)
                       WHEN %(waste)s THEN 'waste'
                       WHEN %(inventory)s THEN 'inventory_adjustment'
                       ELSE 'unclassified'
                   END AS category
              FROM stock_move_line ml
              JOIN product_product pp ON pp.id = ml.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE ml.state = 'done'
               AND %(company)s
               AND COALESCE(pt.material_id, pt.offcut_material_id) IS NOT NULL
               AND %(src_in)s <> %(dst_in)s
            """,
            dst_in=dst_in,
            src_in=src_in,
            consumption=touches(consumption),
            suppliers=suppliers.ids,
            offcut_tree=offcut_tree.ids,
            supplier=touches(suppliers),
            production=touches(productions),
            waste=touches(waste),
            inventory=touches(others),
            company=SQL("ml.company_id = %s", company.id) if company else SQL("TRUE"),
        )

    @api.model
    def _balance(self, date_from, date_to, materials=None, company=None):
        """{material id: {line kind: grams}} of the period, in one query: the stock at
        start and at end and each category's net grams into the perimeter.

        The whole months before the summary's ``covered_until`` are read from the summary,
        the rest (the edges of the period in a month, the months since the summary was
        built) from the move lines over their date index; a summary that cannot be read
        (stale, not built) leaves everything to the move lines (``_balance_live``)."""
        company = company or self.env.company
        start = fields.Datetime.to_datetime(date_from)
        end = fields.Datetime.to_datetime(date_to) + relativedelta(days=1)
        self.env["stock.move.line"].flush_model()
        self.env["stock.move"].flush_model()
        status = monthly_summary.status(self.env.cr, SUMMARY)
        if not status.usable:
            if status.covered_until:
                cron = self.env.ref("tiers_lieu_recycling.ir_cron_mass_balance_summary", False)
                if cron:
                    cron.sudo()._trigger()
            return self._balance_live(start, end, materials, company)
        covered = status.covered_until
        # Summary months before the period; summary months inside it: [inside_from,
        # inside_to) when not empty; the move lines for the rest.
        before_to = min(start.replace(day=1), covered)
        inside_from = start if start.day == 1 else start.replace(day=1) + relativedelta(months=1)
        inside_to = min(end.replace(day=1), covered)
        if inside_to <= inside_from:
            inside_from = inside_to = end
        material_filter = SQL("")
        if materials:
            material_filter = SQL("WHERE material_id IN %s", tuple(materials.ids))
        with self._no_jit():
            self.env.cr.execute(
                SQL(
                    """
                    SELECT material_id, category, SUM(before), SUM(during)
                      FROM (
                        SELECT material_id, category,
                               SUM(grams) FILTER (WHERE month < %(before_to)s) AS before,
                               SUM(grams) FILTER (WHERE month >= %(inside_from)s
                                                    AND month < %(inside_to)s) AS during
                          FROM %(summary)s
                         WHERE company_id = %(company)s
                         GROUP BY material_id, category
                        UNION ALL
                        SELECT material_id, category,
                               SUM(grams) FILTER (WHERE date < %(start)s),
                               SUM(grams) FILTER (WHERE date >= %(start)s)
                          FROM (%(moves)s) moves
                         WHERE (date >= %(before_to)s AND date < %(inside_from)s)
                            OR (date >= %(inside_to)s AND date < %(end)s)
                         GROUP BY material_id, category
                      ) parts
                      %(material_filter)s
                     GROUP BY material_id, category
                    """,
                    before_to=before_to,
                    inside_from=inside_from,
                    inside_to=inside_to,
                    start=start,
                    end=end,
                    summary=SQL.identifier(SUMMARY),
                    company=company.id,
                    moves=self._classified_moves_sql(company),
                    material_filter=material_filter,
                )
            )
            rows = self.env.cr.fetchall()
        return self._balance_figures(rows)

    @contextlib.contextmanager
    def _no_jit(self):
        """Without JIT compilation (nor parallel workers) for the queries inside: the
        planner cannot guess how few lines cross the perimeter and compiles the query for
        seconds (4 s on the loaded 2-core server) to read a few thousand lines."""
        cr = self.env.cr
        cr.execute(
            "SELECT current_setting('jit'), current_setting('max_parallel_workers_per_gather'),"
            " set_config('jit', 'off', true),"
            " set_config('max_parallel_workers_per_gather', '0', true)"
        )
        jit, workers, _jit, _workers = cr.fetchone()
        try:
            yield
        finally:
            cr.execute(
                "SELECT set_config('jit', %s, true), "
                "set_config('max_parallel_workers_per_gather', %s, true)",
                [jit, workers],
            )

    @api.model
    def _balance_live(self, start, end, materials, company):
        """``_balance`` from the move lines alone (one scan of them)."""
        material_filter = SQL("")
        if materials:
            material_filter = SQL("WHERE material_id IN %s", tuple(materials.ids))
        self.env.cr.execute(
            SQL(
                """
                SELECT material_id, category,
                       SUM(grams) FILTER (WHERE date < %(start)s),
                       SUM(grams) FILTER (WHERE date >= %(start)s AND date < %(end)s)
                  FROM (%(moves)s) moves
                  %(material_filter)s
                 GROUP BY material_id, category
                """,
                start=start,
                end=end,
                moves=self._classified_moves_sql(company),
                material_filter=material_filter,
            )
        )
        return self._balance_figures(self.env.cr.fetchall())

    @api.model
    def _balance_figures(self, rows):
        result = defaultdict(lambda: defaultdict(float))
        for material_id, category, before, during in rows:
            figures = result[material_id]
            figures["start"] += before or 0.0
            figures[category] += during or 0.0
        for figures in result.values():
            figures["end"] = figures["start"] + sum(
                figures[category] for category, _label in CATEGORIES
            )
        return result

    @api.model
    def _offcuts_by_source(self, date_from, date_to, company=None):
        """{material id: {source: grams}} weighed into the offcut bins in the period."""
        company = company or self.env.company
        offcut = self.env.ref("tiers_lieu_consumable.stock_location_offcut")
        rows = (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "done"),
                    ("company_id", "=", company.id),
                    ("location_dest_id", "child_of", offcut.id),
                    ("location_id", "not any", [("id", "child_of", offcut.id)]),
                    ("date", ">=", fields.Datetime.to_datetime(date_from)),
                    ("date", "<", fields.Datetime.to_datetime(date_to) + relativedelta(days=1)),
                ],
                ["product_id", "offcut_source"],
                ["quantity:sum"],
            )
        )
        result = defaultdict(lambda: defaultdict(float))
        for product, source, grams in rows:
            material = product.material_id or product.offcut_material_id
            result[material.id][source or "failed_print"] += grams
        return result

    @api.model
    def _indicators(self, date_from, date_to, materials=None, company=None):
        """{material id: {indicator: value}} of the period: offcuts weighed, recycled
        filament, recycling rate (%), recycled share of the good parts (%), CO₂ avoided
        (kg, each recycled gram with the factors in force on the date of its move)."""
        company = company or self.env.company
        start = fields.Datetime.to_datetime(date_from)
        end = fields.Datetime.to_datetime(date_to) + relativedelta(days=1)
        offcuts = self._offcuts_by_source(date_from, date_to, company)
        self.env["stock.move.line"].flush_model()
        self.env["tiers_lieu.material.co2.factor"].flush_model()
        with self._no_jit():
            self.env.cr.execute(
                SQL(
                    """
                    SELECT moves.material_id,
                           SUM(moves.grams) FILTER (WHERE category = 'recycled_output'),
                           -SUM(moves.grams) FILTER (WHERE category = 'good_parts'),
                           -SUM(moves.grams * COALESCE(lot.recycled_content_percent, 0) / 100)
                               FILTER (WHERE category = 'good_parts'
                                       AND lot.supply_origin = 'recycling'),
                           SUM(moves.grams / 1000 * (virgin.value - recycled.value))
                               FILTER (WHERE category = 'recycled_output'),
                           SUM(moves.grams) FILTER (WHERE category = 'recycled_output'
                                                    AND (virgin.value IS NULL
                                                         OR recycled.value IS NULL))
                      FROM (%(moves)s) moves
                      JOIN stock_move_line ml ON ml.id = moves.id
                      LEFT JOIN stock_lot lot ON lot.id = ml.lot_id
                      LEFT JOIN LATERAL (
                          SELECT value FROM tiers_lieu_material_co2_factor f
                           WHERE f.material_id = moves.material_id AND f.kind = 'virgin'
                             AND f.date_from <= moves.date::date
                           ORDER BY f.date_from DESC, f.id DESC LIMIT 1
                      ) virgin ON moves.category = 'recycled_output'
                      LEFT JOIN LATERAL (
                          SELECT value FROM tiers_lieu_material_co2_factor f
                           WHERE f.material_id = moves.material_id AND f.kind = 'recycled'
                             AND f.date_from <= moves.date::date
                           ORDER BY f.date_from DESC, f.id DESC LIMIT 1
                      ) recycled ON moves.category = 'recycled_output'
                     WHERE moves.date >= %(start)s AND moves.date < %(end)s
                       AND moves.category IN ('recycled_output', 'good_parts')
                     GROUP BY moves.material_id
                    """,
                    moves=self._classified_moves_sql(company),
                    start=start,
                    end=end,
                )
            )
            rows = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        result = {}
        for material_id in set(rows) | set(offcuts):
            if materials and material_id not in materials.ids:
                continue
            recycled, good, good_recycled, co2, no_factor = rows.get(
                material_id, (0.0, 0.0, 0.0, 0.0, 0.0)
            )
            weighed = sum(offcuts.get(material_id, {}).values())
            result[material_id] = {
                "offcuts": weighed,
                "recycled": recycled or 0.0,
                "recycling_rate": 100.0 * (recycled or 0.0) / weighed if weighed else 0.0,
                # Net good parts can be negative when more is weighed back than printed.
                "recycled_share": 100.0 * (good_recycled or 0.0) / good
                if good and good > 0
                else 0.0,
                "co2_avoided": co2 or 0.0,
                "without_factor": no_factor or 0.0,
            }
        return result

    @api.model
    def _waste_by_machine(self, date_from, date_to, company=None):
        """[(machine, failure reason, grams)]: the weighed failed prints of the period by
        machine and reason (a print failed for two reasons counts under each)."""
        company = company or self.env.company
        return (
            self.env["tiers_lieu.print.job"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "failed"),
                    ("company_id", "=", company.id),
                    ("date_end", ">=", fields.Datetime.to_datetime(date_from)),
                    (
                        "date_end",
                        "<",
                        fields.Datetime.to_datetime(date_to) + relativedelta(days=1),
                    ),
                ],
                ["machine_id", "failure_reason_ids"],
                ["failed_weight_grams:sum"],
            )
        )

    # ------------------------------------------------------------------ actions

    def action_compute(self):
        self.ensure_one()
        balance = self._balance(self.date_from, self.date_to, self.material_ids)
        kind_field = self.env["tiers_lieu.mass.balance.line"]._fields["kind"]
        labels = dict(kind_field._description_selection(self.env))
        vals_list = []
        materials = self.env["tiers_lieu.material"].browse(list(balance)).sorted("name")
        for material in materials:
            figures = balance[material.id]
            for sequence, (kind, _label) in enumerate(LINE_KINDS):
                grams = float_round(figures.get(kind, 0.0), precision_digits=1)
                if kind not in ("start", "end") and not grams:
                    continue
                vals_list.append(
                    {
                        "balance_id": self.id,
                        "material_id": material.id,
                        "sequence": sequence,
                        "kind": kind,
                        "name": labels[kind],
                        "grams": grams,
                    }
                )
        self.line_ids.unlink()
        self.env["tiers_lieu.mass.balance.line"].create(vals_list)
        self._compute_indicator_lines()
        self.weighings_note = self._weighings_note()
        self.computed = True
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mass Balance"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("tiers_lieu_recycling.mass_balance_view_report").id, "form")],
            "target": "current",
        }

    def _weighings_note(self):
        """Say which weighings of the period are not in the balance yet: a weighing is a
        move of the balance only once posted (background job), never counted before."""
        domain = [
            ("state", "in", ("pending", "failed")),
            ("weighed_at", ">=", self.date_from),
            ("weighed_at", "<", self.date_to + relativedelta(days=1)),
        ]
        if self.material_ids:
            domain.append(("material_id", "in", self.material_ids.ids))
        groups = self.env["tiers_lieu.offcut.weighing"]._read_group(
            domain, ["state"], ["__count", "grams:sum"]
        )
        notes = []
        for state, count, grams in groups:
            values = {"count": count, "grams": formatLang(self.env, grams, digits=1)}
            notes.append(
                self.env._(
                    "%(count)s weighing(s), %(grams)s g, are being posted to the bins: "
                    "they are not in this balance yet.",
                    **values,
                )
                if state == "pending"
                else self.env._(
                    "%(count)s weighing(s), %(grams)s g, were refused when posted "
                    "(Recycling > Weighings, filter Refused): they are not in this balance.",
                    **values,
                )
            )
        return "\n".join(notes) or False

    def _compute_indicator_lines(self):
        indicators = self._indicators(self.date_from, self.date_to, self.material_ids)
        names = {
            "offcuts": (self.env._("Offcuts weighed"), "g"),
            "recycled": (self.env._("Recycled filament"), "g"),
            "recycling_rate": (self.env._("Recycling rate"), "%"),
            "recycled_share": (self.env._("Recycled content of the good parts"), "%"),
            "co2_avoided": (self.env._("CO₂ avoided"), "kg CO₂e"),
            "without_factor": (self.env._("Recycled without CO₂ factors"), "g"),
        }
        vals_list = []
        materials = self.env["tiers_lieu.material"].browse(list(indicators)).sorted("name")
        for material in materials:
            for sequence, (key, (name, unit)) in enumerate(names.items()):
                vals_list.append(
                    {
                        "balance_id": self.id,
                        "material_id": material.id,
                        "sequence": sequence,
                        "name": name,
                        "value": indicators[material.id][key],
                        "unit": unit,
                    }
                )
        self.indicator_ids.unlink()
        self.env["tiers_lieu.mass.balance.indicator"].create(vals_list)
        self.waste_ids.unlink()
        self.env["tiers_lieu.mass.balance.waste"].create(
            [
                {
                    "balance_id": self.id,
                    "machine_id": machine.id,
                    "failure_reason_id": reason.id,
                    "grams": grams,
                }
                for machine, reason, grams in self._waste_by_machine(self.date_from, self.date_to)
                if grams
            ]
        )


class TiersLieuMassBalanceLine(models.TransientModel):
    _name = "tiers_lieu.mass.balance.line"
    _description = "Line of a Mass Balance"
    _order = "material_id, sequence"

    balance_id = fields.Many2one("tiers_lieu.mass.balance", required=True, ondelete="cascade")
    material_id = fields.Many2one("tiers_lieu.material", required=True)
    sequence = fields.Integer()
    kind = fields.Selection(LINE_KINDS, required=True)
    name = fields.Char(string="Line")
    grams = fields.Float(digits=(16, 1))

    def action_view_moves(self):
        """The move lines behind this line of the balance."""
        self.ensure_one()
        balance = self.balance_id
        start = fields.Datetime.to_datetime(balance.date_from)
        end = fields.Datetime.to_datetime(balance.date_to) + relativedelta(days=1)
        period = SQL("date >= %s AND date < %s", start, end)
        if self.kind == "start":
            period = SQL("date < %s", start)
        elif self.kind == "end":
            period = SQL("date < %s", end)
        category = SQL("TRUE")
        if self.kind not in ("start", "end"):
            category = SQL("category = %s", self.kind)
        self.env.cr.execute(
            SQL(
                "SELECT id FROM (%s) moves WHERE material_id = %s AND %s AND %s",
                balance._classified_moves_sql(self.env.company),
                self.material_id.id,
                period,
                category,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.material_id.name} – {self.name}",
            "res_model": "stock.move.line",
            "view_mode": "list,form",
            "domain": [("id", "in", ids)],
            "context": {"create": False},
        }


class TiersLieuMassBalanceIndicator(models.TransientModel):
    _name = "tiers_lieu.mass.balance.indicator"
    _description = "Recycling Indicator"
    _order = "material_id, sequence"

    balance_id = fields.Many2one("tiers_lieu.mass.balance", required=True, ondelete="cascade")
    material_id = fields.Many2one("tiers_lieu.material", required=True)
    sequence = fields.Integer()
    name = fields.Char(string="Indicator")
    value = fields.Float(digits=(16, 2))
    unit = fields.Char()


class TiersLieuMassBalanceWaste(models.TransientModel):
    _name = "tiers_lieu.mass.balance.waste"
    _description = "Failed Prints by Machine and Reason"
    _order = "grams desc"

    balance_id = fields.Many2one("tiers_lieu.mass.balance", required=True, ondelete="cascade")
    machine_id = fields.Many2one("maintenance.equipment", string="Machine")
    failure_reason_id = fields.Many2one("tiers_lieu.print.failure.reason", string="Reason")
    grams = fields.Float(string="Failed Prints (g)", digits=(16, 1))
