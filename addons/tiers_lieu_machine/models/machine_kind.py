"""The kinds of machine, shared by machines, authorisations and jobs (a cross-addon contract)."""

MACHINE_KINDS = [
    ("fdm_printer", "FDM printer"),
    ("resin_printer", "Resin printer"),
    ("laser_cutter", "Laser cutter"),
    ("cnc", "CNC"),
    ("sewing_machine", "Sewing machine"),
    ("other", "Other"),
]
