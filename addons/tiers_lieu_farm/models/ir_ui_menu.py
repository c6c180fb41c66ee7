from odoo import api, models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    def _tl_home_menus(self):
        # Staff and Managers land on the dashboard, which shows every capability; trainers
        # and treasurers on the screen of their daily work (the dashboard, trimmed to their
        # figures, is the app's first menu for them).
        return [
            ("tiers_lieu.group_staff", "tiers_lieu.dashboard_menu"),
            ("tiers_lieu.group_trainer", "tiers_lieu_training.trainee_menu"),
            ("tiers_lieu.group_treasurer", "tiers_lieu_donation.menu_donation_donations"),
        ] + super()._tl_home_menus()
