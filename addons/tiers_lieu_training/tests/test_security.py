from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import VALID_NIR, TrainingCase


@tagged("post_install", "-at_install")
class TestTrainerRules(TrainingCase):
    """Trainers see and edit only the trainees they follow, and what hangs from them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls.create_trainee("Mine", trainer=cls.trainer)
        cls.mine_path = cls.add_path(cls.cddi_vals(cls.mine))
        cls.theirs = cls.create_trainee("Theirs", trainer=cls.other_trainer)
        cls.theirs_path = cls.add_path(cls.cddi_vals(cls.theirs))
        cls.theirs_hours = cls.log_hours(cls.theirs, date(2026, 3, 16), 7)
        cls.theirs_evaluation = cls.evaluate(cls.theirs, cls.skill_fdm, cls.level_learning)

    def test_trainer_lists_only_the_trainees_followed(self):
        Trainee = self.env["tiers_lieu.trainee"].with_user(self.trainer)
        self.assertEqual(Trainee.search([]), self.mine)
        self.assertEqual(Trainee.search_count([("name", "=", "Theirs")]), 0)

    def test_trainer_cannot_read_or_edit_another_file(self):
        theirs = self.theirs.with_user(self.trainer)
        with self.assertRaises(AccessError):
            theirs.read(["name"])
        with self.assertRaises(AccessError):
            theirs.write({"note": "Not mine"})
        with self.assertRaises(AccessError):
            theirs._record_exit(date(2026, 3, 1), "cdi")

    def test_trainer_cannot_touch_what_hangs_from_another_file(self):
        for record in (self.theirs_path, self.theirs_hours, self.theirs_evaluation):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_user(self.trainer).read(["trainee_id"])
        with self.assertRaises(AccessError):
            self.log_hours(self.theirs.with_user(self.trainer), date(2026, 3, 17), 2)
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.skill.evaluation"].with_user(self.trainer).create(
                {
                    "trainee_id": self.theirs.id,
                    "skill_id": self.skill_fdm.id,
                    "level_id": self.level_acquired.id,
                }
            )
        progress = self.env["tiers_lieu.trainee.block.progress"].with_user(self.trainer)
        self.assertEqual(progress.search([]).trainee_id, self.mine)

    def test_trainer_cannot_open_a_file_for_another_trainer(self):
        partner = self.env["res.partner"].create({"name": "Someone"})
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.trainee"].with_user(self.trainer).create(
                {"partner_id": partner.id, "trainer_id": self.other_trainer.id}
            )

    def test_co_trainer_follows_too(self):
        self.theirs.trainer_ids = self.trainer
        Trainee = self.env["tiers_lieu.trainee"].with_user(self.trainer)
        self.assertEqual(Trainee.search([]), self.mine | self.theirs)
        self.log_hours(self.theirs.with_user(self.trainer), date(2026, 3, 17), 2)

    def test_trainer_edits_own_trainee(self):
        mine = self.mine.with_user(self.trainer)
        mine.note = "<p>Motivated</p>"
        line = self.log_hours(mine, date(2026, 3, 16), 3, "support")
        self.assertEqual(line.user_id, self.trainer)

    def test_trainer_has_no_statements_nor_indicators(self):
        for model in ("tiers_lieu.hours.statement", "tiers_lieu.training.indicators"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.trainer).search([])

    def test_staff_sees_names_only(self):
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.trainee"].with_user(self.staff).search([])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.staff).read(["name"])
        directory = self.env["tiers_lieu.trainee.public"].with_user(self.staff).search([])
        self.assertEqual(set(directory.mapped("name")), {"Mine", "Theirs"})
        self.assertFalse({"nir", "trainer_id", "state", "exit_category"} & set(directory._fields))
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.trainee.hours"].with_user(self.staff).search([])

    def test_other_company_files_are_hidden_even_from_managers(self):
        other_company = self.env["res.company"].create({"name": "Other tiers-lieu"})
        self.insertion_manager.company_ids += other_company
        partner = self.env["res.partner"].create({"name": "Elsewhere"})
        elsewhere = self.env["tiers_lieu.trainee"].create(
            {
                "partner_id": partner.id,
                "trainer_id": self.insertion_manager.id,
                "company_id": other_company.id,
            }
        )
        manager = (
            self.env["tiers_lieu.trainee"]
            .with_user(self.insertion_manager)
            .with_context(allowed_company_ids=[self.company.id])
        )
        self.assertNotIn(elsewhere, manager.search([]))
        self.assertIn(
            elsewhere,
            manager.with_context(allowed_company_ids=[self.company.id, other_company.id]).search(
                []
            ),
        )
        self.assertEqual(manager.search([]), self.mine | self.theirs)


@tagged("post_install", "-at_install")
class TestSensitiveData(TrainingCase):
    """NIR, health, social situation and eligibility: insertion managers only, however read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.file = cls.create_trainee(
            "Fatou Diallo",
            nir=VALID_NIR,
            rqth=True,
            health_note="Back pain",
            social_situation="Emergency housing",
            eligibility_criterion_ids=[
                (6, 0, cls.env.ref("tiers_lieu_training.eligibility_rsa").ids)
            ],
        )
        cls.as_trainer = cls.file.with_user(cls.trainer)

    def test_manager_reads_and_edits_sensitive_data(self):
        file = self.file.with_user(self.insertion_manager)
        self.assertEqual(file.nir, VALID_NIR)
        self.assertTrue(file.rqth)
        file.health_note = "Follow-up by the occupational doctor"
        self.assertEqual(file.export_data(["name", "nir"])["datas"], [["Fatou Diallo", VALID_NIR]])
        groups = file._read_group([], ["rqth"], ["__count"])
        self.assertEqual(groups, [(True, 1)])

    def test_trainer_reads_the_file_but_not_the_sensitive_fields(self):
        self.assertEqual(self.as_trainer.read(["name"])[0]["name"], "Fatou Diallo")
        for field in (
            "nir",
            "rqth",
            "health_note",
            "social_situation",
            "eligibility_criterion_ids",
        ):
            with self.subTest(field=field), self.assertRaises(AccessError):
                self.as_trainer.read([field])
        self.assertNotIn("nir", self.as_trainer.fields_get())

    def test_trainer_cannot_write_sensitive_fields(self):
        with self.assertRaises(AccessError):
            self.as_trainer.write({"nir": VALID_NIR})
        with self.assertRaises(AccessError):
            self.env["tiers_lieu.trainee"].with_user(self.trainer).create(
                {
                    "partner_id": self.env["res.partner"].create({"name": "X"}).id,
                    "trainer_id": self.trainer.id,
                    "rqth": True,
                }
            )

    def test_trainer_cannot_search_on_sensitive_fields(self):
        Trainee = self.env["tiers_lieu.trainee"].with_user(self.trainer)
        with self.assertRaises(AccessError):
            Trainee.search([("nir", "=", VALID_NIR)])
        with self.assertRaises(AccessError):
            Trainee.search([("eligibility_criterion_ids.code", "=", "rsa")])
        with self.assertRaises(AccessError):
            Trainee.search([], order="birth_date")

    def test_trainer_cannot_group_by_sensitive_fields(self):
        Trainee = self.env["tiers_lieu.trainee"].with_user(self.trainer)
        with self.assertRaises(AccessError):
            Trainee._read_group([], ["rqth"], ["__count"])
        with self.assertRaises(AccessError):
            Trainee.read_group([], ["health_note"], ["health_note"])
        with self.assertRaises(AccessError):
            Trainee._read_group([], [], ["birth_date:max"])

    def test_trainer_cannot_export_sensitive_fields(self):
        self.assertEqual(self.as_trainer.export_data(["name"])["datas"], [["Fatou Diallo"]])
        for field in ("nir", "health_note", "eligibility_criterion_ids/name"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                self.as_trainer.export_data(["name", field])

    def test_staff_reaches_no_sensitive_field(self):
        directory = self.env["tiers_lieu.trainee.public"].with_user(self.staff)
        self.assertNotIn("nir", directory._fields)
        with self.assertRaises(AccessError):
            self.file.with_user(self.staff).export_data(["nir"])

    def test_sensitive_data_never_reaches_the_chatter(self):
        # Finish the transaction's pending tracking (creation discards it for new records).
        self.cr.precommit.run()
        self.file.with_context(tracking_disable=False).write(
            {"nir": "2 53 07 2B 073 004 70", "trainer_id": self.other_trainer.id}
        )
        self.env.flush_all()
        self.cr.precommit.run()
        messages = self.env["mail.message"].search(
            [("model", "=", self.file._name), ("res_id", "=", self.file.id)]
        )
        values = messages.sudo().tracking_value_ids
        self.assertIn("trainer_id", values.field_id.mapped("name"))
        self.assertNotIn("nir", values.field_id.mapped("name"))
        self.assertNotIn("253072B07300470", str(messages.mapped("body")))
        self.assertEqual(self.file.nir, "253072B07300470")
