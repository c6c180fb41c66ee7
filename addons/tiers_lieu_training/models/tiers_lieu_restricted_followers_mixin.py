from odoo import api, models


class TiersLieuRestrictedFollowers(models.AbstractModel):
    """Followers of a restricted record are only the users who may still read it.

    Followers receive every new message, whatever the access rules: a user who loses
    access (another referent trainer, a role or a company withdrawn) is unsubscribed.
    """

    _name = "tiers_lieu.restricted.followers.mixin"
    _description = "Followers Limited to the Readers"

    def _tl_unsubscribe_without_access(self, partners=None):
        """Unsubscribe the followers (users) of these records who can no longer read them.

        Partners without a user are left alone: staff add them on purpose (the OPCO, the
        person's adviser) and they only receive what is sent to them.
        """
        records = self.sudo().exists()
        if not records:
            return
        domain = [("res_model", "=", self._name), ("res_id", "in", records.ids)]
        if partners is not None:
            domain.append(("partner_id", "in", partners.ids))
        followers = self.env["mail.followers"].sudo().search(domain)
        readable = {}
        for follower in followers:
            users = follower.partner_id.with_context(active_test=False).user_ids
            if not users:
                continue
            record = records.browse(follower.res_id)
            key = (follower.partner_id.id, record.id)
            if key not in readable:
                readable[key] = any(
                    user.active and record.with_user(user).has_access("read") for user in users
                )
            if not readable[key]:
                record.message_unsubscribe(partner_ids=follower.partner_id.ids)

    @api.model
    def _tl_unsubscribe_users_without_access(self, users):
        """Sweep the records of this model that ``users`` follow (their access changed)."""
        followed = (
            self.env["mail.followers"]
            .sudo()
            .search([("res_model", "=", self._name), ("partner_id", "in", users.partner_id.ids)])
        )
        records = self.browse(set(followed.mapped("res_id")))
        records._tl_unsubscribe_without_access(users.partner_id)
