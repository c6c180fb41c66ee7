from datetime import date, timedelta

from odoo import fields
from odoo.tests import new_test_user

# A 40 x 16 px white PNG, as the signature widget stores it.
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAACgAAAAQCAIAAADrtar6AAAAI0lEQVR4nGP8//8/w0AApgGxddTiUYtHLR61"
    "eNTiUYsHpcUAFT8DHYS4pwYAAAAASUVORK5CYII="
)
NIR = "295109912611193"


class PortalTraineeMixin:
    """Alice and Bruno, trainees with portal users, in a session of today (Alice signed,
    Bruno absent) and Bruno alone in a session of yesterday; Nobody is a portal user
    without a trainee file."""

    @classmethod
    def setup_trainees(cls):
        env = cls.env
        cls.trainer = new_test_user(env, "tl_portal_trainer", groups="tiers_lieu.group_trainer")
        cls.alice_user = new_test_user(
            env,
            "tl_portal_alice",
            name="Alice Portail",
            groups="base.group_portal",
            lang="fr_FR",
        )
        cls.bruno_user = new_test_user(
            env,
            "tl_portal_bruno",
            name="Bruno Secret",
            groups="base.group_portal",
            lang="fr_FR",
        )
        cls.nobody = new_test_user(
            env, "tl_portal_nobody", name="Nobody", groups="base.group_portal", lang="fr_FR"
        )
        cls.alice = cls.trainee(cls.alice_user.partner_id)
        cls.bruno = cls.trainee(cls.bruno_user.partner_id)
        cls.alice.sudo().nir = NIR
        today = fields.Date.context_today(cls.trainer)
        Session = env["tiers_lieu.training.session"].with_user(cls.trainer)
        cls.training_session = Session.create(
            {
                "topic": "Tour portail",
                "date": today,
                "span": "morning",
                "trainee_ids": [(6, 0, (cls.alice | cls.bruno).ids)],
            }
        )
        cls.bruno_session = Session.create(
            {
                "topic": "Séance de Bruno",
                "date": today - timedelta(days=1),
                "span": "morning",
                "trainee_ids": [(6, 0, cls.bruno.ids)],
            }
        )
        lines = cls.training_session.attendance_ids
        alice_line = lines.filtered(lambda line: line.trainee_id == cls.alice)
        alice_line.write({"signature": SIGNATURE})
        alice_line.action_sign()
        bruno_line = lines.filtered(lambda line: line.trainee_id == cls.bruno)
        bruno_line.write({"absence_reason": "sick"})
        bruno_line.action_mark_absent()

    @classmethod
    def trainee(cls, partner):
        trainee = cls.env["tiers_lieu.trainee"].create(
            {"partner_id": partner.id, "trainer_id": cls.trainer.id, "state": "in_progress"}
        )
        cls.env["tiers_lieu.trainee.path"].create(
            {
                "trainee_id": trainee.id,
                "kind": "internship",
                "date_start": date(2025, 9, 1),
                "date_end": date(2030, 6, 30),
                "weekly_hours": 35,
            }
        )
        return trainee
