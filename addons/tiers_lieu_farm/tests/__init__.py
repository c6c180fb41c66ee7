from . import test_home
from . import test_dashboard
