from odoo import fields, models


class TiersLieuPrintJobDispatch(models.TransientModel):
    _name = "tiers_lieu.print.job.dispatch"
    _description = "Dispatch Queued Jobs"

    operator_ids = fields.Many2many(
        "res.partner",
        string="Operators on Shift",
        help="Leave empty to keep each job's operator. When set, only jobs run by these "
        "people (or by nobody yet) are dispatched, and jobs without operator get an "
        "authorised one of them.",
    )

    def action_dispatch(self):
        self.ensure_one()
        jobs = self.env["tiers_lieu.print.job"]._dispatch(
            operators=self.operator_ids if self.operator_ids else None
        )
        if not jobs:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning",
                    "sticky": True,
                    "title": self.env._("Nothing dispatched"),
                    "message": self._nothing_dispatched_message(),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatched Jobs"),
            "res_model": "tiers_lieu.print.job",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", jobs.ids)],
            "target": "current",
        }

    def _nothing_dispatched_message(self):
        """Why the dispatch gave no job to any machine, job by job."""
        waiting = self.env["tiers_lieu.print.job"].search(
            [("state", "=", "queued"), ("machine_id", "=", False)],
            order="priority desc, date_due, date_queued, id",
        )
        if not waiting:
            return self.env._("No queued job waits for a machine.")
        operators = self.operator_ids if self.operator_ids else None
        return "\n".join(waiting._dispatch_blockers(operators=operators))
