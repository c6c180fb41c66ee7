from . import tiers_lieu_print_job
