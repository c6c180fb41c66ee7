from . import test_design_version
from . import test_pricing
from . import test_confirm
from . import test_delivery
from . import test_cost
from . import test_security
from . import test_tour
from . import test_staff_clicks
