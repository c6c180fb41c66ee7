from . import ir_actions_report
from . import res_partner
from . import res_company
from . import tiers_lieu_dated_parameter_mixin
from . import ir_ui_menu
from . import tiers_lieu_dashboard
