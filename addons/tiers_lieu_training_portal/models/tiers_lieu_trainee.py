from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.tiers_lieu_training.const import INSERTION_MANAGER


class Trainee(models.Model):
    _inherit = "tiers_lieu.trainee"

    portal_user_id = fields.Many2one(
        "res.users",
        compute="_compute_portal_user_id",
        compute_sudo=True,
        string="Portal User",
        help="The portal user of the trainee's contact: they see their sessions, hours, "
        "skills and attestation of training on the portal, nothing else.",
    )

    @api.depends("partner_id")
    def _compute_portal_user_id(self):
        users = self.env["res.users"].search(
            [("partner_id", "in", self.partner_id.ids), ("share", "=", True)]
        )
        by_partner = {user.partner_id.id: user for user in users}
        for trainee in self:
            trainee.portal_user_id = by_partner.get(trainee.partner_id.id, False)

    def action_grant_portal_access(self):
        """Odoo's portal wizard on the trainee's contact (insertion managers)."""
        self.ensure_one()
        if not self.env.user.has_group(INSERTION_MANAGER):
            raise AccessError(
                self.env._("Only an insertion manager gives a trainee access to the portal.")
            )
        action = self.env["ir.actions.act_window"]._for_xml_id("portal.partner_wizard_action")
        action["context"] = {
            "active_model": "res.partner",
            "active_id": self.partner_id.id,
            "active_ids": self.partner_id.ids,
        }
        return action
