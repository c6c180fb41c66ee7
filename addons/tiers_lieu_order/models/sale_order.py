from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import formatLang

from odoo.addons.tiers_lieu.lang import company_lang_env

from .res_partner import BENEFICIARY_TYPES

ORDER_KINDS = [
    ("commercial", "Commercial"),
    ("at_cost", "At Cost"),
    ("solidarity", "Solidarity (free)"),
]
# Beneficiary types that pay for their parts; the others get solidarity orders by default.
PAYING_BENEFICIARIES = {"company"}
# Jobs an order's cancellation stops; started ones stay (parts may be on the plate).
NOT_STARTED = ("draft", "queued")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    order_kind = fields.Selection(
        ORDER_KINDS,
        required=True,
        compute="_compute_order_kind",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="Commercial: normal price. At cost: the computed cost of the parts. "
        "Solidarity: given for free, never invoiced; its cost is reported as aid. "
        "Proposed from the customer's beneficiary type: companies pay, others receive.",
    )
    is_urgent = fields.Boolean(
        string="Urgent", tracking=True, help="Its print jobs go before the others."
    )
    beneficiary_type = fields.Selection(
        BENEFICIARY_TYPES,
        compute="_compute_beneficiary_type",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        help="Taken from the customer when the order is made; kept afterwards so the aid "
        "reports do not change when the customer's type does.",
    )
    print_job_ids = fields.One2many(
        "tiers_lieu.print.job", "sale_order_id", string="Print Jobs", readonly=True
    )
    print_job_count = fields.Integer(compute="_compute_print_job_count")
    parts_ordered = fields.Float(
        digits="Product Unit of Measure", compute="_compute_production", store=True
    )
    parts_produced = fields.Float(
        digits="Product Unit of Measure", compute="_compute_production", store=True
    )
    production_progress = fields.Float(
        string="Production", compute="_compute_production", store=True, aggregator="avg"
    )
    real_material_cost = fields.Monetary(compute="_compute_real_cost", store=True)
    material_cost_basis = fields.Char(
        string="Material Costed At",
        compute="_compute_material_cost_basis",
        compute_sudo=True,
        help="How the ended print jobs valued their material: the cost model's €/kg or the "
        "value of the spools used.",
    )
    real_machine_cost = fields.Monetary(compute="_compute_real_cost", store=True)
    real_labour_cost = fields.Monetary(compute="_compute_real_cost", store=True)
    real_cost = fields.Monetary(
        compute="_compute_real_cost",
        store=True,
        help="Cost of the print jobs that ended (done or failed): material, machine hours "
        "and labour, at the rates of the cost model when each job ended.",
    )
    real_margin = fields.Monetary(
        compute="_compute_real_cost",
        store=True,
        help="Untaxed amount minus the real cost.",
    )
    aid_value = fields.Monetary(
        compute="_compute_real_cost",
        store=True,
        help="For solidarity orders, what the parts given cost the tiers-lieu.",
    )

    @api.depends("partner_id")
    def _compute_order_kind(self):
        for order in self:
            kind = order.partner_id.commercial_partner_id.beneficiary_type
            if order.state not in ("draft", "sent") and order.order_kind:
                continue  # a confirmed order keeps the kind it was agreed with
            if kind:
                order.order_kind = "commercial" if kind in PAYING_BENEFICIARIES else "solidarity"
            elif not order.order_kind:
                order.order_kind = "commercial"

    @api.depends("partner_id")
    def _compute_beneficiary_type(self):
        for order in self:
            order.beneficiary_type = order.partner_id.commercial_partner_id.beneficiary_type

    def _compute_print_job_count(self):
        # Shown on the order form to every Sales user, Tiers-Lieu role or not: a count
        # only, of the jobs of orders the user may already read.
        self.check_access("read")
        counts = dict(
            self.env["tiers_lieu.print.job"]
            .sudo()
            ._read_group([("sale_order_id", "in", self.ids)], ["sale_order_id"], ["__count"])
        )
        for order in self:
            order.print_job_count = counts.get(order, 0)

    @api.depends("order_line.product_uom_qty", "order_line.qty_produced")
    def _compute_production(self):
        for order in self:
            lines = order.order_line.filtered("is_printable_part")
            order.parts_ordered = sum(lines.mapped("product_uom_qty"))
            order.parts_produced = sum(min(ln.qty_produced, ln.product_uom_qty) for ln in lines)
            order.production_progress = (
                100.0 * order.parts_produced / order.parts_ordered if order.parts_ordered else 0.0
            )

    @api.depends(
        "order_kind",
        "amount_untaxed",
        "print_job_ids.real_material_cost",
        "print_job_ids.real_machine_cost",
        "print_job_ids.real_labour_cost",
    )
    def _compute_real_cost(self):
        for order in self:
            jobs = order.print_job_ids
            order.real_material_cost = sum(jobs.mapped("real_material_cost"))
            order.real_machine_cost = sum(jobs.mapped("real_machine_cost"))
            order.real_labour_cost = sum(jobs.mapped("real_labour_cost"))
            order.real_cost = (
                order.real_material_cost + order.real_machine_cost + order.real_labour_cost
            )
            order.real_margin = order.amount_untaxed - order.real_cost
            order.aid_value = order.real_cost if order.order_kind == "solidarity" else 0.0

    @api.depends("print_job_ids.material_cost_basis")
    def _compute_material_cost_basis(self):
        Job = self.env["tiers_lieu.print.job"]
        labels = dict(Job._fields["material_cost_basis"]._description_selection(self.env))
        for order in self:
            bases = order.print_job_ids.filtered("material_cost_basis").mapped(
                "material_cost_basis"
            )
            order.material_cost_basis = ", ".join(labels[basis] for basis in sorted(set(bases)))

    @api.constrains("order_kind", "beneficiary_type", "state")
    def _check_solidarity_beneficiary(self):
        # The aid given is reported to funders by beneficiary type.
        for order in self:
            if (
                order.order_kind == "solidarity"
                and order.state == "sale"
                and not order.beneficiary_type
            ):
                raise ValidationError(
                    self.env._(
                        "Order %(order)s is a solidarity order: say who receives the parts "
                        "(beneficiary type) before confirming it; funders see the aid by "
                        "beneficiary type.",
                        order=order.name,
                    )
                )

    @api.constrains("order_kind")
    def _check_free_order_price(self):
        self.order_line._check_free_order_price()

    @api.onchange("order_kind")
    def _onchange_order_kind(self):
        self.order_line.with_context(force_price_recomputation=True)._compute_price_unit()

    # ------------------------------------------------------------------ flows

    def _action_confirm(self):
        lines = self.order_line.filtered(lambda ln: ln.is_printable_part and not ln.display_type)
        if lines:
            # A Sales user without a Tiers-Lieu role confirms orders too: once allowed to
            # write the orders, their design versions are read and their print jobs
            # created with the rights needed.
            self.check_access("write")
            lines = lines.sudo()
        for line in lines:
            problem = line._production_problems()
            if problem:
                raise UserError(
                    self.env._(
                        "Order %(order)s cannot be confirmed: %(problem)s",
                        order=line.order_id.name,
                        problem=problem,
                    )
                )
        lines._create_production_lots()
        result = super()._action_confirm()
        lines._create_print_jobs()
        return result

    def _action_cancel(self):
        # A Sales user without a Tiers-Lieu role cancels orders too: once allowed to
        # write the orders, their not started jobs are cancelled with the rights needed,
        # and the chatter says which jobs stopped and which were kept.
        self.check_access("write")
        jobs = self.sudo().print_job_ids
        stoppable = jobs.filtered(lambda j: j.state in NOT_STARTED)
        stoppable.action_cancel()
        _ = self.env._
        for order in self:
            own = jobs.filtered(lambda j, o=order: j.sale_order_id.id == o.id)
            stopped = own & stoppable
            kept = (own - stoppable).filtered(lambda j: j.state != "cancelled")
            parts = []
            if stopped:
                parts.append(
                    _(
                        "%(count)s print jobs not started were cancelled: %(jobs)s.",
                        count=len(stopped),
                        jobs=", ".join(stopped.mapped("name")),
                    )
                )
            if kept:
                parts.append(
                    Markup("%s<ul>%s</ul>")
                    % (
                        _(
                            "The order is cancelled but these print jobs had started and "
                            "were kept:"
                        ),
                        Markup().join(
                            Markup("<li>%s (%s)</li>") % (job.name, job.state) for job in kept
                        ),
                    )
                )
            if parts:
                order.message_post(body=Markup("<br/>").join(parts))
        return super()._action_cancel()

    def _create_invoices(self, grouped=False, final=False, date=None):
        free = self.filtered(lambda o: o.order_kind == "solidarity")
        if free:
            raise UserError(
                self.env._(
                    "Solidarity orders are free and are not invoiced: %(orders)s.",
                    orders=", ".join(free.mapped("name")),
                )
            )
        return super()._create_invoices(grouped=grouped, final=final, date=date)

    # ------------------------------------------------------------------ actions

    def action_view_print_jobs(self):
        self.ensure_one()
        return self._action_view_jobs(self.print_job_ids)

    def action_plan_missing_parts(self):
        """Queue print jobs for the parts no job will give any more: rejected or failed
        plates, or a quantity raised after confirmation."""
        lines = self.order_line.filtered(lambda ln: ln.is_printable_part and ln.print_job_ids)
        missing = {line: line._parts_missing() for line in lines}
        missing = {line: parts for line, parts in missing.items() if parts > 0}
        if not missing:
            raise UserError(self.env._("Every ordered part is printed or on a plate already."))
        lines = self.env["sale.order.line"].union(*missing)
        for line in lines:
            problem = line._production_problems()
            if problem:
                raise UserError(problem)
        return lines._create_print_jobs(missing)

    def action_delivery_slip(self):
        self.ensure_one()
        pickings = self.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.state == "done"
        )
        if not pickings:
            raise UserError(
                self.env._("Order %(order)s has no delivery done yet.", order=self.name)
            )
        return pickings[-1:].action_delivery_slip()

    def _action_view_jobs(self, jobs):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_machine.print_job_action"
        )
        action["domain"] = [("id", "in", jobs.ids)]
        action["context"] = {"create": False}
        return action

    @api.model
    def _aid_by_beneficiary(self, date_from=None, date_to=None):
        """{(beneficiary type, month): (aid value, parts produced, orders)} of the
        confirmed solidarity orders (what the funders see), read with read_group."""
        domain = [("order_kind", "=", "solidarity"), ("state", "=", "sale")]
        if date_from:
            domain.append(("date_order", ">=", date_from))
        if date_to:
            domain.append(("date_order", "<", date_to))
        return {
            (kind, month): (value, parts, count)
            for kind, month, value, parts, count in self._read_group(
                domain,
                ["beneficiary_type", "date_order:month"],
                ["aid_value:sum", "parts_produced:sum", "__count"],
            )
        }

    def _tl_post_delivered(self, pickings):
        """Say on the order that everything ordered has reached the customer."""
        self.ensure_one()
        lines = self.order_line.filtered("move_ids")
        lang_env = company_lang_env(self.env, self.company_id)
        self.with_env(lang_env).message_post(
            body=lang_env._(
                "Delivered: every ordered part has reached %(customer)s (%(parts)s parts, "
                "delivery %(deliveries)s).",
                customer=self.partner_id.display_name,
                parts=formatLang(lang_env, sum(lines.mapped("qty_delivered")), digits=0),
                deliveries=", ".join(pickings.mapped("name")),
            ),
            subtype_xmlid="mail.mt_note",
        )
