from . import test_authorization_from_skill
from . import test_chain
from . import test_job_hours
from . import test_security
from . import test_trainee_file
from . import test_tour
