from . import test_rejected_offcuts
