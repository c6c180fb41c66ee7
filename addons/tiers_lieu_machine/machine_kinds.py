"""The kinds of machine of a tiers-lieu: one list for machines, authorisations and jobs, and
for the addons built on the machine park (order designs, the skills of the training bridge)."""

MACHINE_KINDS = [
    ("fdm_printer", "FDM printer"),
    ("resin_printer", "Resin printer"),
    ("laser_cutter", "Laser cutter"),
    ("cnc", "CNC"),
    ("sewing_machine", "Sewing machine"),
    ("other", "Other"),
]
