from . import tiers_lieu_trainee
