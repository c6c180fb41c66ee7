from . import test_training_consumption
