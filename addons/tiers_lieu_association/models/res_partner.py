from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.tiers_lieu.lang import company_lang_env

# Members whose membership ends within this many days get a renewal reminder.
REMINDER_DAYS = 30


class ResPartner(models.Model):
    _inherit = "res.partner"

    tl_member_number = fields.Char(
        string="Member Number",
        copy=False,
        readonly=True,
        index="btree_not_null",
        groups="tiers_lieu.group_treasurer,tiers_lieu.group_manager",
        help="Given at the first due paid, kept for life.",
    )
    tl_membership_kind = fields.Selection(
        selection=lambda self: self.env["product.template"]
        ._fields["tl_membership_kind"]
        ._description_selection(self.env),
        string="Membership Kind",
        compute="_compute_tl_membership_kind",
        help="Kind of the member's latest membership.",
    )

    _sql_constraints = [
        ("tl_member_number_uniq", "unique(tl_member_number)", "This member number is taken."),
    ]

    @api.depends("member_lines.date_to", "member_lines.membership_id")
    def _compute_tl_membership_kind(self):
        for partner in self:
            lines = partner.member_lines.sorted(lambda line: line.date_to or fields.Date.today())
            partner.tl_membership_kind = lines[-1:].membership_id.tl_membership_kind or False

    def _tl_assign_member_number(self):
        for partner in self.filtered(lambda p: not p.sudo().tl_member_number):
            partner.sudo().tl_member_number = (
                self.env["ir.sequence"].sudo().next_by_code("tiers_lieu.member")
            )

    @api.model
    def _cron_tl_membership_reminders(self):
        """A to-do for a Treasurer on each member whose membership ends within
        REMINDER_DAYS days and who has not renewed; never two open reminders."""
        today = fields.Date.context_today(self)
        members = self.search(
            [
                ("membership_state", "in", ("paid", "invoiced")),
                ("membership_stop", "<=", today + timedelta(days=REMINDER_DAYS)),
            ]
        )
        renewal = self.env.ref("tiers_lieu_association.mail_activity_type_membership_renewal")
        treasurers = self.env.ref("tiers_lieu.group_treasurer").users.filtered(
            lambda user: not user.share and user.active
        )
        if not members or not treasurers:
            return
        open_reminders = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", members.ids),
                ("activity_type_id", "=", renewal.id),
            ]
        )
        reminded = set(open_reminders.mapped("res_id"))
        lang_env = company_lang_env(self.env)
        for member in members.filtered(lambda m: m.id not in reminded):
            member.activity_schedule(
                activity_type_id=renewal.id,
                note=lang_env._(
                    "Membership ends on %(date)s: send the renewal call.",
                    date=member.membership_stop,
                ),
                user_id=treasurers[0].id,
                date_deadline=member.membership_stop,
            )
