from . import tiers_lieu_trainee_exit
from . import tiers_lieu_training_indicators
from . import tiers_lieu_training_indicators_line
from . import tiers_lieu_training_export
