from . import test_identifiers
from . import test_association_identity
from . import test_groups
from . import test_licences
from . import test_tour
from . import test_pdf
from . import test_reports
