"""hr.skill.machine_kind (and its copy on evaluations) moved to tiers_lieu_training_machine.

Their external ids go to the bridge, so that the update does not drop the columns, and the
values stay. Without the bridge (no machine park) the fields are dropped as before.
"""

FIELDS = ("hr_skill__machine_kind", "tiers_lieu_skill_evaluation__machine_kind")


def migrate(cr, version):
    cr.execute(
        "SELECT 1 FROM ir_module_module WHERE name = 'tiers_lieu_training_machine' "
        "AND state IN ('installed', 'to upgrade')"
    )
    if not cr.fetchone():
        return
    names = [f"field_{name}" for name in FIELDS]
    patterns = [f"selection__{name}__%" for name in FIELDS]
    cr.execute(
        """
        UPDATE ir_model_data
           SET module = 'tiers_lieu_training_machine'
         WHERE module = 'tiers_lieu_training'
           AND (name = ANY(%s) OR name LIKE ANY(%s))
        """,
        (names, patterns),
    )
