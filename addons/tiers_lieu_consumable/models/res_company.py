from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    filament_responsible_id = fields.Many2one(
        "res.users",
        string="Filament Stock Responsible",
        help="Receives the activities raised when the planned jobs need more filament than "
        "the stock holds. Empty: the first Tiers-Lieu manager.",
    )

    def _filament_responsible(self):
        """Who is told about a filament shortage of this company."""
        self.ensure_one()
        if self.filament_responsible_id.active:
            return self.filament_responsible_id
        return self.env["res.users"].search(
            [
                ("groups_id", "in", self.env.ref("tiers_lieu.group_manager").id),
                ("company_ids", "in", self.id),
                ("share", "=", False),
            ],
            order="id",
            limit=1,
        )
