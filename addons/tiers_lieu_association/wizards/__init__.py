from . import tiers_lieu_membership_due
from . import tiers_lieu_association_yearly_report
from . import tiers_lieu_donation_pool_import
