from odoo import api, models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    def _tl_home_menus(self):
        # The machines kanban shows loaded spools, which only Staff may read: trainers and
        # treasurers land on their own screens.
        return [
            ("tiers_lieu.group_staff", "tiers_lieu_machine.machine_park_menu"),
            ("tiers_lieu.group_trainer", "tiers_lieu_training.trainee_menu"),
            ("tiers_lieu.group_treasurer", "tiers_lieu_donation.menu_donation_donations"),
        ] + super()._tl_home_menus()
