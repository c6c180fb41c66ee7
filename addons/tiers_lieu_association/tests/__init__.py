from . import test_membership
from . import test_grant
from . import test_volunteer
from . import test_yearly_report
from . import test_http
from . import test_crowdfunding
