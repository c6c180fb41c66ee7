from . import tiers_lieu_donation_receipt_issue
from . import tiers_lieu_donation_receipt_cancel
from . import tiers_lieu_donation_pool_import
from . import tiers_lieu_donation_declaration
from . import tax_receipt_annual_create
from . import tiers_lieu_donation_plausibility
