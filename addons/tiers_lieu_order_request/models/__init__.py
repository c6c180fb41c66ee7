from . import tiers_lieu_order_request_counter
from . import product_template
from . import res_company
from . import res_partner
from . import res_config_settings
from . import sale_order
