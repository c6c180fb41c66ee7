"""The kinds of machine of a tiers-lieu: one list for machines, authorisations, jobs and the
skills that lead to them, so that addons which do not depend on each other use the same keys
and labels."""

MACHINE_KINDS = [
    ("fdm_printer", "FDM printer"),
    ("resin_printer", "Resin printer"),
    ("laser_cutter", "Laser cutter"),
    ("cnc", "CNC"),
    ("sewing_machine", "Sewing machine"),
    ("other", "Other"),
]
