from collections import defaultdict

from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import CustomerPortal


class TraineePortal(CustomerPortal):
    """A trainee's own pages: sessions and attendance, hours, validated skills, machine
    authorisations and attestation of training. Everything is found from the portal user's
    contact; another trainee's session id answers 404 like a missing one."""

    def _trainee(self):
        """The trainee file of the current user's contact, or an empty recordset. Read as
        the system: trainees do not read their file (NIR, barriers, follow-up notes)."""
        return (
            request.env["tiers_lieu.trainee"]
            .sudo()
            .search([("partner_id", "=", request.env.user.partner_id.id)], limit=1)
        )

    def _own_attendance(self, trainee, session_id=None):
        """The trainee's attendance lines, read with the portal user's rights (record rules
        keep them to their own)."""
        domain = [("trainee_id", "=", trainee.id)]
        if session_id is not None:
            domain.append(("session_id", "=", session_id))
        return request.env["tiers_lieu.training.attendance"].search(
            domain, order="date desc, session_id desc, half_day"
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        trainee = self._trainee()
        if not counters:
            # The home page's rendering (its counters come later, each by its key).
            values["tl_trainee_file"] = bool(trainee)
        if "training_session_count" in counters:
            values["training_session_count"] = (
                len(self._own_attendance(trainee).session_id) if trainee else 0
            )
        return values

    def _sessions(self, lines):
        """[(session (as the system), its lines of the trainee)], the latest first."""
        by_session = defaultdict(lambda: request.env["tiers_lieu.training.attendance"])
        for line in lines:
            by_session[line.session_id.id] |= line
        sessions = request.env["tiers_lieu.training.session"].sudo().browse(list(by_session))
        return [(session, by_session[session.id]) for session in sessions]

    def _training_values(self, trainee):
        env = request.env
        lines = self._own_attendance(trainee)
        hours = dict(
            env["tiers_lieu.trainee.hours"]._read_group(
                [("trainee_id", "=", trainee.id)], ["kind"], ["hours:sum"]
            )
        )
        skills = (
            env["tiers_lieu.trainee.skill.status"]
            .search(
                [("trainee_id", "=", trainee.id), ("is_validated", "=", True)],
                order="block_id, skill_id",
            )
            .sudo()
        )
        authorizations = (
            env["tiers_lieu.machine.authorization"]
            .sudo()
            .search([("partner_id", "=", trainee.partner_id.id), ("state", "=", "valid")])
        )
        selections = {
            model_field: dict(env[model]._fields[field]._description_selection(env))
            for model_field, model, field in (
                ("half_day", "tiers_lieu.training.attendance", "half_day"),
                ("state", "tiers_lieu.training.attendance", "state"),
                ("reason", "tiers_lieu.training.attendance", "absence_reason"),
                ("span", "tiers_lieu.training.session", "span"),
                ("kind", "tiers_lieu.machine.authorization", "machine_kind"),
            )
        }
        return {
            "page_name": "training",
            "trainee_name": trainee.name,
            "sessions": self._sessions(lines),
            "present_count": len(lines.filtered(lambda line: line.state == "present")),
            "absent_count": len(lines.filtered(lambda line: line.state == "absent")),
            "hours": {kind: hours.get(kind, 0.0) for kind in ("training", "production", "support")},
            "total_hours": sum(hours.values()),
            "skills": skills,
            "authorizations": authorizations,
            "labels": selections,
        }

    @http.route("/my/training", type="http", auth="user", website=True, methods=["GET"])
    def training_home(self, **kwargs):
        trainee = self._trainee()
        if not trainee:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(self._training_values(trainee))
        return request.render("tiers_lieu_training_portal.portal_my_training", values)

    @http.route(
        "/my/training/session/<int:session_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def training_session(self, session_id, **kwargs):
        trainee = self._trainee()
        lines = self._own_attendance(trainee, session_id) if trainee else None
        if not lines:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(self._training_values(trainee))
        [(session, session_lines)] = self._sessions(lines)
        values.update(
            page_name="training_session",
            session=session,
            lines=session_lines,
            jobs=session.print_job_ids.filtered(lambda job: job.operator_id == trainee.partner_id),
        )
        return request.render("tiers_lieu_training_portal.portal_my_training_session", values)

    @http.route("/my/training/attestation", type="http", auth="user", website=True, methods=["GET"])
    def training_attestation(self, **kwargs):
        trainee = self._trainee()
        if not trainee:
            return request.not_found()
        pdf = trainee._training_attestation_pdf()
        filename = f"{trainee._training_attestation_filename()}.pdf"
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
