from . import order_request
