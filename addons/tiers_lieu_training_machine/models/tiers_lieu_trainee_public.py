from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tiers_lieu_machine.machine_kinds import MACHINE_KINDS


class TraineePublic(models.Model):
    """The Staff directory shows who may run which machines, nothing of the file."""

    _inherit = "tiers_lieu.trainee.public"

    machine_authorization_ids = fields.Many2many(
        "tiers_lieu.machine.authorization",
        compute="_compute_machine_authorization_ids",
        string="Machine Authorisations",
    )
    authorized_machine_kinds = fields.Char(
        compute="_compute_machine_authorization_ids",
        string="Authorised On",
        help="Kinds of machine the person holds a valid authorisation for.",
    )
    authorized_machine_kind = fields.Selection(
        MACHINE_KINDS,
        string="Authorised Machine Kind",
        compute="_compute_authorized_machine_kind",
        search="_search_authorized_machine_kind",
        help="Search the people who hold a valid authorisation for a kind of machine.",
    )

    @api.depends("partner_id", "company_id")
    def _compute_machine_authorization_ids(self):
        Auth = self.env["tiers_lieu.machine.authorization"]
        auths = Auth.search(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("company_id", "in", self.company_id.ids),
                ("state", "!=", "proposed"),
            ]
        )
        kinds = dict(Auth._fields["machine_kind"]._description_selection(self.env))
        by_person = defaultdict(list)
        for auth in auths:
            by_person[auth.partner_id.id, auth.company_id.id].append(auth)
        for person in self:
            held = by_person[person.partner_id.id, person.company_id.id]
            person.machine_authorization_ids = Auth.union(*held)
            person.authorized_machine_kinds = ", ".join(
                sorted({kinds[a.machine_kind] for a in held if a.state == "valid"})
            )

    def _compute_authorized_machine_kind(self):
        self.authorized_machine_kind = False

    def _search_authorized_machine_kind(self, operator, value):
        if operator not in ("=", "in"):
            raise UserError(self.env._("Search the authorised machine kind with “is” or “is in”."))
        kinds = [value] if operator == "=" else list(value)
        holders = self.env["tiers_lieu.machine.authorization"]._search(
            [("state", "=", "valid"), ("machine_kind", "in", kinds)]
        )
        return [("partner_id", "in", holders.subselect("partner_id"))]
