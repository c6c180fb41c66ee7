from odoo import SUPERUSER_ID, api, models

TRAINING_LOCATION = "tiers_lieu_training_consumable.stock_location_training_consumption"


class TiersLieuPrintJob(models.Model):
    _inherit = "tiers_lieu.print.job"

    @api.model
    def _consumption_destinations(self):
        return super()._consumption_destinations() | self.env.ref(TRAINING_LOCATION)

    def _consumption_location(self):
        """The good grams of a practice job go to the training consumption: what trainees
        print to learn is not the workshop's production."""
        if self.is_practice:
            return self.env.ref(TRAINING_LOCATION)
        return super()._consumption_location()

    def _create_consumption_moves(self, lines):
        """A trainer ends practice jobs without any stock right (the sessions addon runs
        the end as the system, with the trainer as user): the stock valuation of spools
        reads product quantities with the user's own rights (``sudo(False)``), so the moves
        of a user who is no Inventory user are made by the superuser."""
        jobs = self
        if lines and not self.env.user.has_group("stock.group_stock_user"):
            jobs = self.with_user(SUPERUSER_ID)
        return super(TiersLieuPrintJob, jobs)._create_consumption_moves(lines)
