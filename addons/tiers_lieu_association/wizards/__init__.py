from . import tiers_lieu_membership_due
from . import tiers_lieu_association_yearly_report
