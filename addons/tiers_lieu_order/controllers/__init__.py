from . import delivery_slip
