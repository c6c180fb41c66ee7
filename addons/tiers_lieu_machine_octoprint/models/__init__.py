from . import maintenance_equipment
from . import tiers_lieu_print_job
