from . import test_consumption
