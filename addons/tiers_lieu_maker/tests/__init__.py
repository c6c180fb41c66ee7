from . import (
    test_allocation,
    test_dashboard,
    test_end_to_end,
    test_maker,
    test_material,
    test_portal_http,
    test_round,
    test_security,
    test_tour,
    test_week_distance,
)
