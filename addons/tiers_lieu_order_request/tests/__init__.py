from . import test_request_form
from . import test_request_review
from . import test_request_http
from . import test_request_concurrency
from . import test_request_to_delivery
