from . import tiers_lieu_mass_balance
