from . import test_consumption
from . import test_forecast
from . import test_loading
from . import test_material
from . import test_security
from . import test_spool
from . import test_supply
from . import test_weighing
