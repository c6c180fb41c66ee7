import logging
from bisect import bisect_right
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import float_compare, float_round
from odoo.tools.misc import format_date

from odoo.addons.tiers_lieu_machine.models.tiers_lieu_print_job import ENDED_STATES
from odoo.addons.tiers_lieu_training.const import number_text

from .tiers_lieu_trainee_hours import SYNC_CONTEXT

_logger = logging.getLogger(__name__)

# Fields of a job its operator's hours depend on.
HOURS_FIELDS = {"state", "operator_id", "date_start", "date_end", "duration_hours", "company_id"}
# Set by imports that sync afterwards: created and corrected jobs do not sync one by one.
SKIP_CONTEXT = "tiers_lieu_skip_trainee_hours"
MAX_DAY_HOURS = 24.0


class TiersLieuPrintJob(models.Model):
    _inherit = "tiers_lieu.print.job"

    trainee_hours_ids = fields.One2many(
        "tiers_lieu.trainee.hours",
        "print_job_id",
        string="Trainee Hours",
        readonly=True,
        groups="tiers_lieu.group_trainer",
    )

    @api.model_create_multi
    def create(self, vals_list):
        jobs = super().create(vals_list)
        if not self.env.context.get(SKIP_CONTEXT):
            ended = jobs.filtered(lambda job: job.state in ENDED_STATES and job.operator_id)
            if ended:
                ended._sync_trainee_hours()
        return jobs

    # ------------------------------------------------------------ hooks

    def _on_end(self):
        result = super()._on_end()
        if not self.env.context.get(SKIP_CONTEXT):
            self._sync_trainee_hours()
        return result

    def _correction_snapshot(self, fnames):
        before = super()._correction_snapshot(fnames)
        if HOURS_FIELDS & fnames and not self.env.context.get(SKIP_CONTEXT):
            before["trainee_spans"] = before["ended"]._operated_spans()
        return before

    def _on_corrected(self, fnames, before):
        """A corrected operator, date or duration of an ended job moves its hours (and
        those of the jobs it overlapped); a job that is ended no more loses them."""
        result = super()._on_corrected(fnames, before)
        if "trainee_spans" in before:
            self._sync_trainee_hours(previous=before["trainee_spans"])
        return result

    # ------------------------------------------------------------ trainee hours

    def _operated_interval(self):
        """(start, end) of the time the operator ran this job, naive UTC, or None.

        The start is the end minus the duration, so that a corrected duration counts.
        """
        self.ensure_one()
        end = self.date_end
        if not end:
            return None
        if self.duration_hours > 0:
            start = end - timedelta(hours=self.duration_hours)
        else:
            start = self.date_start
        return (start, end) if start and start < end else None

    def _operated_spans(self):
        """(operator id, company id, start, end) of these ended jobs with an operator."""
        spans = []
        for job in self:
            interval = job.operator_id and job._operated_interval()
            if interval and job.state in ENDED_STATES:
                spans.append((job.operator_id.id, job.company_id.id, *interval))
        return spans

    def _sync_trainee_hours(self, previous=(), log_skipped=True):
        """Bring the production hours of the trainees who operated these jobs in line with
        the jobs, in batch (the number of queries does not grow with the jobs).

        A trainee's production time is the time their ended jobs (done or failed) ran within
        their working schedule (their employee's, else the company's; none: all of it),
        overlapping jobs counted once: each job gets, per day, the time no job started
        before it already covers. Days outside every path of the trainee, or that would
        exceed 24 hours, are skipped and said so in the job's chatter. Jobs that are no
        longer ended lose their lines. ``previous``: spans of these jobs before a change,
        whose neighbours are recomputed too.
        """
        if not self and not previous:
            return
        jobs = self.sudo()
        Hours = self.env["tiers_lieu.trainee.hours"].sudo().with_context(**{SYNC_CONTEXT: True})
        spans = list(previous) + jobs._operated_spans()
        trainee_of = {}
        if spans:
            trainees = (
                self.env["tiers_lieu.trainee"]
                .sudo()
                .with_context(active_test=False)
                .search([("partner_id", "in", list({span[0] for span in spans}))])
            )
            trainee_of = {(t.partner_id.id, t.company_id.id): t for t in trainees}
            spans = [span for span in spans if (span[0], span[1]) in trainee_of]
        recomputed, desired, skipped = jobs, {}, {}
        if spans:
            window_start = min(span[2] for span in spans)
            window_end = max(span[3] for span in spans)
            candidates = jobs.search(
                [
                    ("operator_id", "in", list({span[0] for span in spans})),
                    ("state", "in", ENDED_STATES),
                    ("date_end", ">", window_start),
                    "|",
                    ("date_start", "=", False),
                    ("date_start", "<", window_end),
                ]
            )
            items = defaultdict(list)  # trainee: [(start, end, job)]
            neighbours = set()
            for job in candidates | jobs.filtered(lambda j: j.state in ENDED_STATES):
                trainee = trainee_of.get((job.operator_id.id, job.company_id.id))
                interval = job._operated_interval()
                if trainee and interval:
                    items[trainee].append((*interval, job))
                    if interval[0] >= window_start:
                        neighbours.add(job.id)
            recomputed = jobs | jobs.browse(neighbours)
            desired = self._trainee_production_hours(items, recomputed)
            skipped = self._fit_trainee_hours(desired, recomputed, Hours)
        self._apply_trainee_hours(desired, recomputed, Hours)
        if log_skipped and skipped:
            asked = set(jobs.ids)
            bodies = {job.id: reason for job, reason in skipped.items() if job.id in asked}
            for job in jobs.browse(list(bodies)):
                _logger.info("Print job %s: %s", job.name, bodies[job.id])
            jobs.browse(list(bodies))._message_log_batch(bodies=bodies)

    @api.model
    def _trainee_production_hours(self, items, recomputed):
        """{job: (trainee, {local date: hours})} for the jobs of ``recomputed``."""
        if not items:
            return {}
        first = min(start for spans in items.values() for start, _end, _job in spans)
        last = max(end for spans in items.values() for _start, end, _job in spans)
        schedules = self._trainee_work_intervals(list(items), first, last)
        wanted = set(recomputed.ids)
        desired = {}
        for trainee, spans in items.items():
            work, tz = schedules[trainee]
            reach = None
            for start, end, job in sorted(spans, key=lambda s: (s[0], s[2].id)):
                begin = max(start, reach) if reach else start
                reach = max(reach, end) if reach else end
                pieces = [(begin, end)] if begin < end else []
                if work is not None:
                    pieces = _intersect(pieces, work)
                if job.id in wanted:
                    desired[job] = (trainee, _hours_per_day(pieces, tz))
        return desired

    @api.model
    def _trainee_work_intervals(self, trainees, start, end):
        """{trainee: (sorted [(start, end)] naive UTC or None, timezone)}: when each trainee
        works between ``start`` and ``end``, from the employee's schedule and time off, or
        the company's schedule; None for a flexible or missing schedule."""
        result = {}
        by_calendar = defaultdict(list)
        for trainee in trainees:
            employee = trainee.employee_id
            resource = employee.resource_id
            calendar = employee.resource_calendar_id if employee else None
            if calendar is None:
                calendar = trainee.company_id.resource_calendar_id
            tz = pytz.timezone(
                resource.tz
                or calendar.tz
                or trainee.company_id.partner_id.tz
                or self.env.user.tz
                or "UTC"
            )
            if not calendar or calendar.flexible_hours:
                result[trainee] = (None, tz)
            else:
                by_calendar[calendar].append((trainee, resource, tz))
        start_utc, end_utc = pytz.utc.localize(start), pytz.utc.localize(end)
        for calendar, members in by_calendar.items():
            resources = self.env["resource.resource"].union(*(m[1] for m in members))
            intervals = calendar._work_intervals_batch(start_utc, end_utc, resources=resources)
            for trainee, resource, tz in members:
                result[trainee] = (
                    [
                        (
                            s.astimezone(pytz.utc).replace(tzinfo=None),
                            e.astimezone(pytz.utc).replace(tzinfo=None),
                        )
                        for s, e, _meta in intervals[resource.id]
                    ],
                    tz,
                )
        return result

    @api.model
    def _fit_trainee_hours(self, desired, recomputed, Hours):
        """Drop from ``desired`` the days outside the trainee's paths or that would exceed
        24 hours with the other hours of the day; returns {job: reason} of the jobs left
        with no hours at all."""
        trainees = Hours.trainee_id.browse({trainee.id for trainee, _days in desired.values()})
        days = {day for _trainee, per_day in desired.values() for day in per_day}
        totals = defaultdict(float)
        if days:
            for trainee, day, hours in Hours._read_group(
                [
                    ("trainee_id", "in", trainees.ids),
                    ("date", "in", list(days)),
                    ("print_job_id", "not in", recomputed.ids),
                ],
                ["trainee_id", "date:day"],
                ["hours:sum"],
            ):
                totals[trainee.id, day] = hours
        skipped = {}
        order = sorted(desired, key=lambda job: (job._operated_interval()[0], job.id))
        for job in order:
            trainee, per_day = desired[job]
            reasons = []
            for day in sorted(per_day):
                hours = float_round(per_day[day], precision_digits=2)
                if hours <= 0:
                    del per_day[day]
                elif not trainee._path_running_on(day):
                    del per_day[day]
                    reasons.append(
                        self.env._(
                            "no path of %(trainee)s runs on %(date)s",
                            trainee=trainee.name,
                            date=format_date(self.env, day),
                        )
                    )
                elif totals[trainee.id, day] + hours > MAX_DAY_HOURS + 0.005:
                    del per_day[day]
                    reasons.append(
                        self.env._(
                            "%(trainee)s already has %(hours)s h on %(date)s",
                            trainee=trainee.name,
                            hours=number_text(totals[trainee.id, day]),
                            date=format_date(self.env, day),
                        )
                    )
                else:
                    per_day[day] = hours
                    totals[trainee.id, day] += hours
            if not per_day:
                reason = "; ".join(reasons) or self.env._(
                    "it ran outside the working schedule of %(trainee)s, or while another "
                    "of their jobs was already counted",
                    trainee=trainee.name,
                )
                skipped[job] = self.env._("No production hours counted: %(reason)s.", reason=reason)
        return skipped

    @api.model
    def _apply_trainee_hours(self, desired, recomputed, Hours):
        """Create, update and delete the lines of ``recomputed`` to match ``desired``."""
        existing = {
            (line.print_job_id.id, line.date): line
            for line in Hours.search([("print_job_id", "in", recomputed.ids)])
        }
        to_create, lower, higher = [], defaultdict(list), defaultdict(list)
        for job, (trainee, per_day) in desired.items():
            for day, hours in per_day.items():
                line = existing.pop((job.id, day), None)
                if line and line.trainee_id != trainee:
                    existing[job.id, day, "moved"] = line
                    line = None
                if line is None:
                    to_create.append(
                        {
                            "trainee_id": trainee.id,
                            "date": day,
                            "kind": "production",
                            "hours": hours,
                            "source": "print_job",
                            "print_job_id": job.id,
                            "description": f"{job.name} – {job.part_name}",
                        }
                    )
                elif float_compare(line.hours, hours, precision_digits=2) > 0:
                    lower[hours].append(line.id)
                elif float_compare(line.hours, hours, precision_digits=2) < 0:
                    higher[hours].append(line.id)
        # Lower first, then higher, then new: the 24 h of a day are never exceeded on the way.
        Hours.browse([line.id for line in existing.values()]).unlink()
        for changes in (lower, higher):
            for hours, ids in changes.items():
                Hours.browse(ids).write({"hours": hours})
        if to_create:
            Hours.create(to_create)


def _intersect(pieces, work):
    """The parts of ``pieces`` within ``work`` (both sorted lists of disjoint intervals)."""
    result = []
    ends = [end for _start, end in work]
    for start, end in pieces:
        index = bisect_right(ends, start)
        while index < len(work) and work[index][0] < end:
            begin, stop = max(start, work[index][0]), min(end, work[index][1])
            if begin < stop:
                result.append((begin, stop))
            index += 1
    return result


def _hours_per_day(pieces, tz):
    """{local date: hours} of naive UTC intervals, split at the local midnights."""
    per_day = defaultdict(float)
    for start, end in pieces:
        while start < end:
            local = pytz.utc.localize(start).astimezone(tz)
            midnight = tz.localize(datetime.combine(local.date() + timedelta(days=1), time.min))
            cut = min(end, midnight.astimezone(pytz.utc).replace(tzinfo=None))
            per_day[local.date()] += (cut - start).total_seconds() / 3600.0
            start = cut
    return dict(per_day)
