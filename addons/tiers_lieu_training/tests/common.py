import contextlib
from datetime import date

from odoo.tests import new_test_user

from odoo.addons.tiers_lieu.tests.common import TiersLieuCase

VALID_NIR = "295109912611193"  # born in October 1995
OTHER_NIR = "195109912611146"


class TrainingCase(TiersLieuCase):
    """Trainers, an insertion manager, a skills grid and helpers to open trainee files.

    Time is frozen on Wednesday 18 March 2026: the week runs from Monday 16 to Sunday 22.
    """

    freeze_time = "2026-03-18 10:00:00"
    today = date(2026, 3, 18)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Export is a right of its own: give it so the tests reach the field checks.
        cls.trainer.groups_id += cls.env.ref("base.group_allow_export")
        cls.other_trainer = new_test_user(
            cls.env,
            "tl_other_trainer",
            groups="tiers_lieu.group_trainer,base.group_allow_export",
        )
        cls.insertion_manager = new_test_user(
            cls.env,
            "tl_insertion_manager",
            groups="tiers_lieu_training.group_insertion_manager,base.group_allow_export",
        )
        cls.staff.groups_id += cls.env.ref("base.group_allow_export")
        Partner = cls.env["res.partner"]
        cls.opco = Partner.create({"name": "OPCO 2i", "is_company": True})
        cls.asp = Partner.create({"name": "ASP", "is_company": True})
        cls.departement = Partner.create({"name": "Département de l'Essonne", "is_company": True})
        cls.cfa = Partner.create({"name": "CFA Industrie", "is_company": True})
        cls.master = cls.env["hr.employee"].create({"name": "Julien Mercier"})
        cls.tutor = cls.env["hr.employee"].create({"name": "Nadia Benali"})
        cls._create_grid()

    @classmethod
    def _create_grid(cls):
        cls.grid = cls.env["hr.skill.type"].create(
            {
                "name": "Additive manufacturing operator",
                "is_certification": True,
                "rncp_code": "RNCP 99001",
                "skill_level_ids": [
                    (0, 0, {"name": "Discovery", "level_progress": 25, "default_level": True}),
                    (0, 0, {"name": "Learning", "level_progress": 50}),
                    (0, 0, {"name": "Acquired", "level_progress": 100}),
                ],
            }
        )
        levels = {level.level_progress: level for level in cls.grid.skill_level_ids}
        cls.level_discovery, cls.level_learning, cls.level_acquired = (
            levels[25],
            levels[50],
            levels[100],
        )
        Block = cls.env["tiers_lieu.skill.block"]
        cls.block_prepare = Block.create(
            {
                "name": "Prepare",
                "code": "RNCP99001BC01",
                "sequence": 1,
                "skill_type_id": cls.grid.id,
            }
        )
        cls.block_produce = Block.create(
            {
                "name": "Produce",
                "code": "RNCP99001BC02",
                "sequence": 2,
                "skill_type_id": cls.grid.id,
            }
        )
        Skill = cls.env["hr.skill"]
        cls.skill_slicing = Skill.create(
            {
                "name": "Slice a model",
                "skill_type_id": cls.grid.id,
                "block_id": cls.block_prepare.id,
            }
        )
        cls.skill_material = Skill.create(
            {
                "name": "Choose the material",
                "skill_type_id": cls.grid.id,
                "block_id": cls.block_prepare.id,
            }
        )
        cls.skill_fdm = Skill.create(
            {
                "name": "Run an FDM printer",
                "skill_type_id": cls.grid.id,
                "block_id": cls.block_produce.id,
            }
        )
        cls.other_grid = cls.env["hr.skill.type"].create(
            {
                "name": "Sewing",
                "is_certification": True,
                "skill_level_ids": [(0, 0, {"name": "Done", "level_progress": 100})],
            }
        )
        cls.skill_sewing = Skill.create({"name": "Sew a hem", "skill_type_id": cls.other_grid.id})

    @contextlib.contextmanager
    def assertRaisesRegex(self, expected_exception, expected_regex, msg=None):
        """Like Odoo's assertRaises: roll back what the failed call wrote."""
        with super().assertRaisesRegex(expected_exception, expected_regex, msg=msg) as cm:
            with self.env.cr.savepoint():
                yield cm

    @classmethod
    def create_trainee(cls, name, trainer=None, **vals):
        partner = cls.env["res.partner"].create({"name": name})
        return cls.env["tiers_lieu.trainee"].create(
            {"partner_id": partner.id, "trainer_id": (trainer or cls.trainer).id, **vals}
        )

    @classmethod
    def apprenticeship_vals(cls, trainee, start=date(2025, 9, 1), end=date(2027, 8, 31), **vals):
        return {
            "trainee_id": trainee.id,
            "kind": "apprenticeship",
            "date_start": start,
            "date_end": end,
            "weekly_hours": 35,
            "cfa_id": cls.cfa.id,
            "apprentice_master_id": cls.master.id,
            "skill_type_id": cls.grid.id,
            "company_hours": 2400,
            "cfa_hours": 800,
            "funder_id": cls.opco.id,
            **vals,
        }

    @classmethod
    def cddi_vals(cls, trainee, start=date(2025, 10, 1), end=date(2026, 9, 30), **vals):
        return {
            "trainee_id": trainee.id,
            "kind": "cddi",
            "date_start": start,
            "date_end": end,
            "weekly_hours": 26,
            "pass_number": "999992500017",
            "pass_date_start": start,
            "funder_id": cls.asp.id,
            "skill_type_id": cls.grid.id,
            **vals,
        }

    @classmethod
    def add_path(cls, vals):
        return cls.env["tiers_lieu.trainee.path"].create(vals)

    @classmethod
    def log_hours(cls, trainee, day, hours, kind="training", **vals):
        return trainee.env["tiers_lieu.trainee.hours"].create(
            {"trainee_id": trainee.id, "date": day, "hours": hours, "kind": kind, **vals}
        )

    @classmethod
    def evaluate(cls, trainee, skill, level, day=date(2026, 3, 10), **vals):
        return trainee.env["tiers_lieu.skill.evaluation"].create(
            {
                "trainee_id": trainee.id,
                "skill_id": skill.id,
                "level_id": level.id,
                "date": day,
                **vals,
            }
        )
