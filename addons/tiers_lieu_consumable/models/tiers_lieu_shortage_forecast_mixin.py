from odoo import api, models

from odoo.addons.tiers_lieu.lang import company_lang_env


class ShortageForecastMixin(models.AbstractModel):
    """What the shortage forecasts of consumables share (filament here, sheets, fabric and
    kit items in tiers_lieu_kit): their lines are recomputed in one pass from grouped
    figures, and each short line raises one activity for the company's filament
    responsible, in the company's language, closed once the stock covers the need."""

    _name = "tiers_lieu.shortage.forecast.mixin"
    _description = "Shortage Forecast"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    # Staff only read the lines (the refresh writes them): they still read, post on and
    # close the shortage activities (mail.activity checks this access on the document).
    _mail_post_access = "read"

    # XML id of the activity type of a shortage, and the fields that identify a line.
    _shortage_activity_type = None
    _forecast_key_fields = ("company_id",)

    def _shortage_activity_texts(self):
        """(summary, note) of the activity of this short line, in the env's language."""
        raise NotImplementedError

    @api.model
    def _sync_forecast(self, figures, no_longer_needed, covered):
        """Write ``figures`` ({key: field values}, key as ``_forecast_key_fields``) to the
        lines: create, update, and delete those no longer in it. ``no_longer_needed(env)``
        and ``covered(env)`` give the feedback closing a line's activity."""
        fields_of_key = self._forecast_key_fields
        existing = {
            tuple(line[fname].id for fname in fields_of_key): line
            for line in self.with_context(active_test=False).search([])
        }
        to_create = []
        for key, vals in figures.items():
            line = existing.pop(key, None)
            if line is None:
                to_create.append(dict(vals, **dict(zip(fields_of_key, key, strict=True))))
                continue
            changed = {fname: value for fname, value in vals.items() if line[fname] != value}
            if changed:
                line.write(changed)
        self.create(to_create)
        stale = self.browse([line.id for line in existing.values()])
        stale._close_shortage_activities(no_longer_needed)
        stale.unlink()
        lines = self.search([])
        lines.filtered(lambda line: line.state != "short")._close_shortage_activities(covered)
        lines.filtered(lambda line: line.state == "short")._raise_shortage_activities()
        return lines

    def _close_shortage_activities(self, feedback):
        for company, company_lines in self.grouped("company_id").items():
            lang_env = company_lang_env(self.env, company)
            company_lines.with_env(lang_env).activity_feedback(
                [self._shortage_activity_type], feedback=feedback(lang_env)
            )

    def _raise_shortage_activities(self):
        if not self:
            return
        activity_type = self.env.ref(self._shortage_activity_type)
        open_lines = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        for line in self.filtered(lambda line: line.id not in open_lines):
            user = line.company_id._filament_responsible()
            if not user:
                continue
            # Read by the whole team: in the company's language, whoever refreshed.
            line = line.with_env(company_lang_env(self.env, line.company_id))
            summary, note = line._shortage_activity_texts()
            line.activity_schedule(
                self._shortage_activity_type, summary=summary, note=note, user_id=user.id
            )
