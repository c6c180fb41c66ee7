from . import tiers_lieu_mass_balance, tiers_lieu_offcut_weigh
