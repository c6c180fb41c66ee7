from . import tiers_lieu_training_session
from . import tiers_lieu_training_attendance
from . import tiers_lieu_trainee_hours
from . import tiers_lieu_print_job
from . import tiers_lieu_machine_authorization
