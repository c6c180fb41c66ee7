from . import tiers_lieu_spool_load
from . import tiers_lieu_spool_weigh
from . import tiers_lieu_print_job_consume
from . import tiers_lieu_print_job_fail
