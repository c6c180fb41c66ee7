from . import order_request_refuse
