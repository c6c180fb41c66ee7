from . import test_attendance
from . import test_session
from . import test_security
from . import test_attendance_sheet
from . import test_practice_job
from . import test_follow_up
from . import test_tour
from . import test_training_attestation
