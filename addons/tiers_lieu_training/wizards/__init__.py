from . import trainee_exit
from . import training_indicators
from . import training_indicators_line
