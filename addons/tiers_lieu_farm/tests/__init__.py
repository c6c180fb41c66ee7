from . import test_home
from . import test_dashboard
from . import test_practice_jobs
from . import test_dashboard_summary
