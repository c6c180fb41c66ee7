from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu.lang import company_lang_env

from ..const import number_text


class Trainee(models.Model):
    """Follow-up alerts of the referent trainers (daily cron)."""

    _inherit = "tiers_lieu.trainee"

    @api.model
    def _cron_send_alerts(self):
        """Schedule the follow-up alerts as activities of the referent trainer, once each."""
        today = fields.Date.context_today(self)
        param = self.env["tiers_lieu.training.parameter"]
        trainees = self.search([("state", "=", "in_progress")])
        if not trainees:
            return
        types = {
            key: self.env.ref(f"tiers_lieu_training.mail_activity_type_{key}")
            for key in ("pass_ending", "contract_ending", "no_evaluation", "hours_below")
        }
        pending = {
            (activity["res_id"], activity["activity_type_id"][0])
            for activity in self.env["mail.activity"].search_read(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", trainees.ids),
                    ("activity_type_id", "in", [t.id for t in types.values()]),
                ],
                ["res_id", "activity_type_id"],
            )
        }
        model_id = self.env["ir.model"]._get_id(self._name)
        to_create = []

        def alert(trainee, key, deadline, summary):
            if (trainee.id, types[key].id) in pending:
                return
            pending.add((trainee.id, types[key].id))
            to_create.append(
                {
                    "res_model_id": model_id,
                    "res_id": trainee.id,
                    "activity_type_id": types[key].id,
                    "summary": summary,
                    "date_deadline": deadline,
                    "user_id": trainee.trainer_id.id,
                    "automated": True,
                }
            )

        pass_limit = today + timedelta(days=param._get_value("alert_pass_days", today))
        contract_limit = today + timedelta(days=param._get_value("alert_contract_days", today))
        evaluation_limit = today - relativedelta(
            months=int(param._get_value("alert_evaluation_months", today))
        )
        week_end = today - timedelta(days=today.weekday() + 1)
        week_start = week_end - timedelta(days=6)
        week_done = trainees._get_hours_done(week_start, week_end)
        for trainee in trainees:
            # Activities are read by the team: the company's language, not the cron's.
            env = company_lang_env(self.env, trainee.company_id)
            running = trainee.path_ids.filtered(
                lambda p: p.date_start <= today
                and (not p.date_effective_end or p.date_effective_end >= today)
            )
            for path in running.filtered(lambda p: p.pass_date_end):
                if today <= path.pass_date_end <= pass_limit:
                    alert(
                        trainee,
                        "pass_ending",
                        path.pass_date_end,
                        env._(
                            "PASS IAE %(number)s ends on %(date)s",
                            number=path.pass_number,
                            date=format_date(env, path.pass_date_end),
                        ),
                    )
            for path in running.filtered(lambda p: p.date_end and not p.date_stop):
                if today <= path.date_end <= contract_limit:
                    alert(
                        trainee,
                        "contract_ending",
                        path.date_end,
                        env._(
                            "%(path)s ends on %(date)s",
                            path=path.with_env(env).display_name,
                            date=format_date(env, path.date_end),
                        ),
                    )
            last = trainee.last_evaluation_date or trainee.entry_date
            if trainee.grid_skill_type_ids and last and last < evaluation_limit:
                alert(
                    trainee,
                    "no_evaluation",
                    today,
                    env._(
                        "No skill evaluation since %(date)s",
                        date=format_date(env, last),
                    ),
                )
            contract = sum(path._contract_hours(week_start, week_end) for path in trainee.path_ids)
            done = sum(week_done.get(trainee.id, {}).values())
            if contract and done < contract - 0.005:
                alert(
                    trainee,
                    "hours_below",
                    today,
                    env._(
                        "Week of %(date)s: %(done)s h done for %(contract)s h contracted",
                        date=format_date(env, week_start),
                        done=number_text(done),
                        contract=number_text(contract),
                    ),
                )
        # mail.activity subscribes the assignees in batch and fails when one record comes
        # twice in the same create: create at most one activity per trainee at a time.
        while to_create:
            seen, batch, rest = set(), [], []
            for vals in to_create:
                (rest if vals["res_id"] in seen else batch).append(vals)
                seen.add(vals["res_id"])
            self.env["mail.activity"].create(batch)
            to_create = rest
