from . import membership
