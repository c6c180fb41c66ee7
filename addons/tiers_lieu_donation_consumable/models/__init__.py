from . import donation_donation
from . import donation_line
from . import stock_picking
from . import stock_lot
