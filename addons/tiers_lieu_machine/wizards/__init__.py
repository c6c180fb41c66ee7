from . import tiers_lieu_print_job_dispatch
from . import tiers_lieu_print_job_fail
