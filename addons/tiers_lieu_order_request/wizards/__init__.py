from . import tiers_lieu_order_request_refuse
