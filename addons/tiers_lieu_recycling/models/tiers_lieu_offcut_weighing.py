from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, formatLang

from .stock_move import OFFCUT_SOURCES

# What the tablet types; once the weighing is in the bin these never change.
WEIGHED_FIELDS = (
    "material_id",
    "source",
    "grams",
    "print_job_id",
    "machine_id",
    "partner_id",
    "spool_id",
    "weighed_at",
    "company_id",
)
# What only the posting writes.
POSTING_FIELDS = ("state", "move_id", "error")
# The posting's context key holds this object, which no RPC call can send (a JSON value
# never is it): a client cannot pass itself off as the posting.
POSTING = "tiers_lieu_offcut_posting"
POSTING_SENTINEL = object()


def as_posting(records):
    """``records`` allowed to write what only the posting writes."""
    return records.with_context(**{POSTING: POSTING_SENTINEL})


def _is_posting(records):
    return records.env.context.get(POSTING) is POSTING_SENTINEL


class TiersLieuOffcutWeighing(models.Model):
    """One weighing of offcuts: what the scale said, typed at the printers. The tap
    records only this row; its stock move (a new offcut lot into the material's bin,
    dated when weighed) is posted by a background job, so the tablet never waits for
    the stock engine (issue 16: one create, at most 15 queries)."""

    _name = "tiers_lieu.offcut.weighing"
    _description = "Offcut Weighing"
    _order = "weighed_at desc, id desc"
    _check_company_auto = True

    material_id = fields.Many2one("tiers_lieu.material", required=True, index=True)
    source = fields.Selection(
        [source for source in OFFCUT_SOURCES if source[0] != "failed_print"],
        required=True,
        default="support",
    )
    grams = fields.Float(string="Weight (g)", digits=(16, 1), required=True)
    print_job_id = fields.Many2one(
        "tiers_lieu.print.job", string="Print Job", check_company=True, index="btree_not_null"
    )
    machine_id = fields.Many2one(
        "maintenance.equipment",
        string="Machine",
        domain="[('machine_kind', '!=', False)]",
        check_company=True,
    )
    partner_id = fields.Many2one("res.partner", string="Partner")
    spool_id = fields.Many2one(
        "stock.lot",
        string="Spool",
        domain="[('is_spool', '=', True), ('material_id', '=', material_id)]",
        check_company=True,
    )
    weighed_at = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [
            ("pending", "Being posted"),
            ("posted", "In the bin"),
            ("failed", "Refused"),
        ],
        default="pending",
        required=True,
        readonly=True,
        index=True,
        help="Being posted: the background job has not yet moved the grams into the bin "
        "(seconds). Refused: the stock changed since the weighing (e.g. the spool was used "
        "meanwhile); correct it and post it again.",
    )
    move_id = fields.Many2one(
        "stock.move",
        string="Stock Move",
        readonly=True,
        copy=False,
        help="The move that put these grams in the bin.",
    )
    error = fields.Text(readonly=True, copy=False, help="Why posting the weighing was refused.")

    @api.depends("material_id", "grams")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for weighing in self:
            weighing.display_name = self.env._(
                "%(material)s, %(grams)s g",
                material=weighing.material_id.name,
                grams=formatLang(self.env, weighing.grams, digits=1),
            )

    @api.onchange("spool_id")
    def _onchange_spool_id(self):
        if self.spool_id:
            self.grams = self.spool_id.remaining_grams

    @api.constrains("material_id", "source", "grams", "partner_id", "spool_id")
    def _check_weighing(self):
        for weighing in self.filtered("material_id"):
            weighing.material_id._check_offcut_input(
                weighing.source, weighing.grams, weighing.partner_id, weighing.spool_id
            )

    @api.constrains("weighed_at")
    def _check_weighed_at(self):
        # A move dated in the future would stand in a period not yet lived in the balance.
        now = fields.Datetime.now()
        if any(weighing.weighed_at > now for weighing in self):
            raise ValidationError(
                self.env._("Weighed At: a weighing cannot be dated in the future.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not _is_posting(self):
            for vals in vals_list:
                if set(vals) & set(POSTING_FIELDS):
                    raise UserError(self.env._("A weighing is posted by the system only."))
        weighings = super().create(vals_list)
        if not _is_posting(self):
            weighings._enqueue_post()
        return weighings

    def write(self, vals):
        if not _is_posting(self):
            if set(vals) & set(POSTING_FIELDS):
                raise UserError(self.env._("A weighing is posted by the system only."))
            if set(vals) & set(WEIGHED_FIELDS) and any(w.state != "failed" for w in self):
                raise UserError(
                    self.env._(
                        "A weighing being posted or in the bin cannot be changed; a wrong "
                        "weight is corrected by an inventory adjustment of the bin."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_refused(self):
        if any(weighing.state != "failed" for weighing in self):
            raise UserError(self.env._("Only a refused weighing can be deleted."))

    def _enqueue_post(self):
        """Post these weighings in a background job (OCA queue_job)."""
        if self:
            # Ahead of batch work (receipts' chunks, polls: priority 10): a weighing is
            # a few queries and the team expects it in the bin within seconds.
            self.with_delay(
                priority=5,
                description=self.env._("Post %(count)s offcut weighing(s)", count=len(self)),
            )._post_in_background()

    def _post_in_background(self):
        """Job: post the weighings still pending, each on its own (a refused one is marked
        with its reason and does not hold up the others). Rows are locked, and skipped when
        another job holds them, so a weighing is posted once."""
        self.flush_model(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM tiers_lieu_offcut_weighing"
                " WHERE id = ANY(%s) AND state = 'pending' FOR UPDATE SKIP LOCKED",
                self.ids,
            )
        )
        pending = self.browse(row[0] for row in self.env.cr.fetchall())
        for weighing in pending:
            try:
                with self.env.cr.savepoint():
                    weighing._post()
            except (ValidationError, UserError) as error:
                as_posting(weighing).write({"state": "failed", "error": str(error.args[0])})
        return self.env._("%(count)s weighing(s) posted.", count=len(pending))

    def _post(self):
        """Put each weighing's grams in its bin now; returns the moves."""
        moves = self.env["stock.move"]
        # the stock engine runs without the posting's sentinel in its context
        for weighing in self.with_context(**{POSTING: None}):
            move = weighing.material_id.with_company(weighing.company_id)._post_offcut_move(
                weighing.source,
                weighing.grams,
                job=weighing.print_job_id,
                machine=weighing.machine_id,
                partner=weighing.partner_id,
                spool=weighing.spool_id,
                date=weighing.weighed_at,
            )
            as_posting(weighing).write({"state": "posted", "move_id": move.id, "error": False})
            moves |= move
        return moves

    def action_weigh(self):
        """The tablet's button: the weighing is recorded; say so and close."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(grams)s g of %(material)s weighed: on its way to the bin.",
                    grams=formatLang(self.env, self.grams, digits=1),
                    material=self.material_id.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_post_again(self):
        """Post refused weighings again, once corrected."""
        refused = self.filtered(lambda weighing: weighing.state == "failed")
        as_posting(refused).write({"state": "pending", "error": False})
        refused._enqueue_post()

    def action_view_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }
