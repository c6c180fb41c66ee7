from . import test_kit_flow
from . import test_security
from . import test_supply_forecast
