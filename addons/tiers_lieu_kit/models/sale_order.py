from odoo import models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        """A kit line sends its made components to the workshop: print, laser and sewing
        jobs, and their lots; the components from stock are reserved by the delivery."""
        lines = self.order_line.filtered(lambda ln: ln._tl_kit_bom())
        if lines:
            # As the orders addon: a Sales user confirms, the jobs are made with the
            # rights needed once allowed to write the orders.
            self.check_access("write")
            lines = lines.sudo()
        for line in lines:
            problem = line._tl_kit_problems()
            if problem:
                raise UserError(
                    self.env._(
                        "Order %(order)s cannot be confirmed: %(problem)s",
                        order=line.order_id.name,
                        problem=problem,
                    )
                )
        result = super()._action_confirm()
        lines._tl_create_kit_lots()
        lines._create_print_jobs()
        return result
