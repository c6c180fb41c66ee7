from . import (
    test_balance,
    test_balance_summary,
    test_batch,
    test_dashboard,
    test_indicators,
    test_offcut,
    test_register,
    test_security,
    test_tour,
    test_valuation,
)
