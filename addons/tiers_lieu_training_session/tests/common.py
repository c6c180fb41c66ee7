from datetime import date

from odoo.addons.tiers_lieu_training_machine.tests.common import TrainingMachineCase

# A 40 x 16 px white PNG: what the signature widget stores is a PNG drawn on screen.
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAACgAAAAQCAIAAADrtar6AAAAI0lEQVR4nGP8//8/w0AApgGxddTiUYtHLR61"
    "eNTiUYsHpcUAFT8DHYS4pwYAAAAASUVORK5CYII="
)
MONDAY = date(2026, 3, 16)


class SessionCase(TrainingMachineCase):
    """Léa and Yanis (followed by our trainer) and Karim (followed by another trainer) on
    running paths; time frozen on Wednesday 18 March 2026."""

    @classmethod
    def plan(cls, trainees, day=MONDAY, span="morning", user=None, **vals):
        Session = cls.env["tiers_lieu.training.session"]
        user = user or cls.trainer
        return Session.with_user(user).create(
            {
                "topic": "Slicing a part",
                "date": day,
                "span": span,
                "trainer_id": user.id,
                "trainee_ids": [(6, 0, trainees.ids)],
                "skill_block_id": cls.block_prepare.id,
                "machine_ids": [(6, 0, cls.printer.ids)],
                **vals,
            }
        )

    @staticmethod
    def line(session, trainee, half_day="morning"):
        return session.attendance_ids.filtered(
            lambda line: line.trainee_id == trainee and line.half_day == half_day
        )

    @staticmethod
    def sign(line):
        line.write({"signature": SIGNATURE})
        line.action_sign()
        return line
