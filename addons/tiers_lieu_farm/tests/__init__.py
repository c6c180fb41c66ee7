from . import test_home
