from . import mrp_bom
from . import sale_order
from . import sale_order_line
from . import stock_move
from . import tiers_lieu_design_version
from . import tiers_lieu_filament_forecast
from . import tiers_lieu_print_job
from . import tiers_lieu_supply_forecast
