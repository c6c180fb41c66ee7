from odoo.tests import TransactionCase, new_test_user


class TiersLieuCase(TransactionCase):
    """One user per Tiers-Lieu role, with tracking off."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.staff = new_test_user(cls.env, "tl_staff", groups="tiers_lieu.group_staff")
        cls.manager = new_test_user(cls.env, "tl_manager", groups="tiers_lieu.group_manager")
        cls.trainer = new_test_user(cls.env, "tl_trainer", groups="tiers_lieu.group_trainer")
        cls.treasurer = new_test_user(cls.env, "tl_treasurer", groups="tiers_lieu.group_treasurer")
