from odoo import api, models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    def _tl_home_menus(self):
        """(role group, menu) xmlids, in priority order: the screen a role lands on.

        Addons that know every screen (the ``tiers_lieu_farm`` umbrella) extend this list;
        a menu that is not installed or not visible to the user is skipped.
        """
        return []

    @api.model
    def _tl_home_action(self):
        """Action of the first screen of the Tiers-Lieu app for the current user.

        The first home menu of one of the user's roles; without one, the first menu of the
        app the user sees, as the web client does for an app without action.
        """
        visible = self._visible_menu_ids()
        for group_xmlid, menu_xmlid in self._tl_home_menus():
            menu = self.env.ref(menu_xmlid, raise_if_not_found=False)
            if menu and menu.id in visible and menu.action and self.env.user.has_group(group_xmlid):
                return self._tl_menu_action(menu)
        menu = self.env.ref("tiers_lieu.menu_root")
        while menu:
            children = menu.child_id.filtered(lambda child: child.id in visible)
            menu = children.sorted(lambda child: (child.sequence, child.id))[:1]
            if menu.action:
                return self._tl_menu_action(menu)
        return False

    def _tl_menu_action(self, menu):
        # What /web/action/load returns for the menu's action.
        return menu.action._get_action_dict()
