from odoo.tests import HttpCase, tagged

from .common import PortalTraineeMixin


@tagged("post_install", "-at_install")
class TestTraineePortalTour(PortalTraineeMixin, HttpCase):
    """A trainee opens their training on the portal, on a phone-sized screen."""

    browser_size = "390x844"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_trainees()

    def test_trainee_opens_their_training(self):
        self.start_tour("/my", "tiers_lieu_training_portal_trainee", login="tl_portal_alice")
