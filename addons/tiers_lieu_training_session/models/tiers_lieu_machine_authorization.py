from odoo import models

from ..const import SUPERVISED_CONTEXT


class MachineAuthorization(models.Model):
    _inherit = "tiers_lieu.machine.authorization"

    def _valid_pairs(self, partners, kinds, date=None):
        """Add the trainee-kind pairs a supervising trainer covers while practice jobs start
        (set by ``tiers_lieu.print.job._check_can_start`` only)."""
        pairs = super()._valid_pairs(partners, kinds, date=date)
        supervised = self.env.context.get(SUPERVISED_CONTEXT)
        if supervised:
            pairs |= {tuple(pair) for pair in supervised}
        return pairs
