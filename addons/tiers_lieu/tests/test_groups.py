from lxml import etree

from odoo.tests import new_test_user, tagged

from odoo.addons.base.models.res_users import name_selection_groups

from .common import TiersLieuCase

PERMISSIONS = ("read", "write", "create", "unlink")


@tagged("post_install", "-at_install")
class TestGroups(TiersLieuCase):
    def test_manager_is_staff(self):
        self.assertTrue(self.manager.has_group("tiers_lieu.group_staff"))
        self.assertFalse(self.staff.has_group("tiers_lieu.group_manager"))

    def test_roles_are_separate(self):
        self.assertFalse(self.manager.has_group("tiers_lieu.group_treasurer"))
        self.assertFalse(self.trainer.has_group("tiers_lieu.group_staff"))
        self.assertFalse(self.treasurer.has_group("tiers_lieu.group_trainer"))

    def roles(self):
        category = self.env.ref("tiers_lieu.module_category_tiers_lieu")
        return self.env["res.groups"].search([("category_id", "child_of", category.id)])

    def test_every_role_is_an_internal_user_in_the_category(self):
        # Capability addons may add their own roles to the category (e.g. Insertion Manager).
        self.assertLessEqual(
            {
                "tiers_lieu.group_staff",
                "tiers_lieu.group_manager",
                "tiers_lieu.group_trainer",
                "tiers_lieu.group_treasurer",
            },
            set(self.roles().mapped(lambda g: g.get_external_id()[g.id])),
        )
        for group in self.roles():
            self.assertIn(self.env.ref("base.group_user"), group.trans_implied_ids)
            self.assertTrue(group.comment, f"{group.name} has no description")

    def test_roles_show_on_the_user_form_outside_developer_mode(self):
        """An administrator assigns roles without developer mode: one selection per ladder."""
        admin = self.env.ref("base.user_admin")
        # Without a request in debug mode, get_views drops what only developer mode shows.
        form_view = self.env.ref("base.view_users_form")  # the form of Settings > Users
        views = self.env["res.users"].with_user(admin).get_views([(form_view.id, "form")])
        form = etree.fromstring(views["views"]["form"]["arch"])
        section = form.xpath("//group[@string='Tiers-Lieu']")
        self.assertEqual(len(section), 1, "no Tiers-Lieu section on the user form")
        shown = {
            node.get("name")
            for node in section[0].iter("field")
            if node.get("invisible") not in ("True", "1")
        }
        fields = self.env["res.users"].fields_get()
        roles = self.roles()
        for xmlid, members in (
            ("tiers_lieu.module_category_tiers_lieu_workshop", ("staff", "manager")),
            ("tiers_lieu.module_category_tiers_lieu_training", ("trainer",)),
            ("tiers_lieu.module_category_tiers_lieu_treasury", ("treasurer",)),
        ):
            ladder = roles.filtered(lambda g, x=xmlid: g.category_id == self.env.ref(x))
            name = name_selection_groups(ladder.ids)
            self.assertIn(name, shown, f"{xmlid} is not on the user form")
            options = [value for value, _label in fields[name]["selection"]]
            for member in members:
                self.assertIn(self.env.ref(f"tiers_lieu.group_{member}").id, options)
        self.assertEqual(len(shown), 3, "every role is in one of the three selections")

    def test_admin_holds_every_role(self):
        """Odoo's administrator is a member of each role in the database, not only in the
        data files: every role, those of capability addons too, is among their groups."""
        admin = self.env.ref("base.user_admin")
        self.env.invalidate_all()  # read the membership from the database
        roles = self.roles()
        self.assertGreaterEqual(len(roles), 4)
        for group in roles:
            xmlid = group.get_external_id()[group.id]
            with self.subTest(role=xmlid):
                self.assertTrue(admin.has_group(xmlid), f"admin does not hold {xmlid}")
                self.assertIn(group, admin.groups_id)
        # Each ladder's selection on the user form shows admin at its top.
        values = admin.read([name_selection_groups(ladder.ids) for ladder in self.ladders()])[0]
        for ladder in self.ladders():
            top = ladder.filtered(lambda g, ladder=ladder: not (ladder - g) - g.trans_implied_ids)
            self.assertEqual(values[name_selection_groups(ladder.ids)], top.id)

    def ladders(self):
        category = self.env.ref("tiers_lieu.module_category_tiers_lieu")
        return [
            self.roles().filtered(lambda g, c=child: g.category_id == c)
            for child in category.child_ids
        ]

    def test_admin_can_do_what_each_role_does(self):
        """Odoo's administrator holds every role: whatever a role may do, admin may too."""
        admin = self.env.ref("base.user_admin")
        menus = self.env["ir.ui.menu"]
        admin_menus = menus.with_user(admin)._visible_menu_ids()
        access = self.env["ir.model.access"]
        employee = self.env.ref("base.group_user")
        employee |= employee.trans_implied_ids
        checked = 0
        for group in self.roles():
            user = new_test_user(
                self.env, f"tl_role_{group.id}", groups=group.get_external_id()[group.id]
            )
            with self.subTest(role=group.name):
                self.assertLessEqual(menus.with_user(user)._visible_menu_ids(), admin_menus)
                # What the role adds to a plain internal user, in every installed addon.
                granted = (group | group.trans_implied_ids) - employee
                models = set(granted.model_access.model_id.mapped("model"))
                for model in sorted(models):
                    if self.env[model]._abstract:
                        continue
                    for permission in PERMISSIONS:
                        if access.with_user(user).check(model, permission, False):
                            checked += 1
                            self.assertTrue(
                                access.with_user(admin).check(model, permission, False),
                                f"{group.name} may {permission} {model}, admin may not",
                            )
                    if access.with_user(user).check(model, "read", False):
                        # Record rules: admin reads every record the role reads.
                        mine = self.env[model].with_user(user).search([]).ids
                        self.assertLessEqual(
                            set(mine), set(self.env[model].with_user(admin).search([]).ids), model
                        )
        self.assertGreater(checked, 0)
