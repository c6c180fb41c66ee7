from odoo import models

# Changes of a user that may take away the access to restricted records.
ACCESS_FIELDS = {"groups_id", "company_ids", "company_id", "active", "share"}


class ResUsers(models.Model):
    _inherit = "res.users"

    def write(self, vals):
        res = super().write(vals)
        if ACCESS_FIELDS & set(vals) or any(name.startswith("in_group_") for name in vals):
            self._tl_unsubscribe_from_restricted_records()
        return res

    def _tl_unsubscribe_from_restricted_records(self):
        mixin = self.env.registry["tiers_lieu.restricted.followers.mixin"]
        for name, model in self.env.registry.items():
            if issubclass(model, mixin) and not model._abstract:
                self.env[name]._tl_unsubscribe_users_without_access(self)
