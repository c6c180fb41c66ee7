from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

# The maker's batches as the portal groups them.
PORTAL_GROUPS = [
    ("to_print", ("to_print",)),
    ("printing", ("printing",)),
    ("ready", ("ready",)),
    ("collected", ("collected", "done")),
]


class MakerPortal(CustomerPortal):
    """The maker's pages: their batches, the files to print, the production pad."""

    def _maker(self):
        return request.env["tiers_lieu.maker"].search(
            [("partner_id", "=", request.env.user.partner_id.id)], limit=1
        )

    def _own_batch(self, batch_id):
        """The batch if it is the current maker's, else None (another maker's id, a batch
        that does not exist: the same answer)."""
        batch = request.env["tiers_lieu.maker.batch"].browse(batch_id)
        try:
            batch.check_access("read")
            if not batch.exists():
                return None
        except (AccessError, MissingError):
            return None
        return batch

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "maker_batch_count" in counters:
            values["maker_batch_count"] = request.env["tiers_lieu.maker.batch"].search_count(
                [("state", "in", ("to_print", "printing", "ready"))]
            )
        return values

    def _maker_page_values(self, maker, message=None, error=None):
        Batch = request.env["tiers_lieu.maker.batch"]
        batches = Batch.search([("maker_id", "=", maker.id), ("state", "!=", "cancelled")])
        # Read with the rights needed for the part and beneficiary names, once the batches
        # are known to be the maker's own: a constant number of queries.
        rows = batches.sudo().read(
            [
                "name",
                "state",
                "product_id",
                "design_version_id",
                "quantity",
                "qty_produced",
                "qty_accepted",
                "date_due",
                "collection_point_id",
                "is_urgent",
            ]
        )
        grouped = {key: [] for key, _states in PORTAL_GROUPS}
        for row in rows:
            for key, states in PORTAL_GROUPS:
                if row["state"] in states:
                    grouped[key].append(row)
        figures = maker._figures().get(maker.id, {})
        labels = dict(Batch._fields["state"]._description_selection(request.env))
        return {
            "page_name": "maker",
            "maker": maker,
            "grouped": grouped,
            "group_labels": {
                "to_print": labels["to_print"],
                "printing": labels["printing"],
                "ready": labels["ready"],
                "collected": labels["collected"],
            },
            "figures": figures,
            "beneficiaries": self._beneficiaries(batches),
            "message": message,
            "error": error,
        }

    def _beneficiaries(self, batches):
        """The organisations the maker's accepted parts reached: their name when they are
        an organisation, else only their kind (no personal data of others)."""
        done = batches.sudo().filtered(lambda b: b.state == "done" and b.qty_accepted)
        kinds = dict(
            request.env["res.partner"]
            ._fields["beneficiary_type"]
            ._description_selection(request.env)
        )
        reached = {}
        for batch in done:
            partner = batch.order_id.partner_id.commercial_partner_id
            label = (
                partner.name
                if partner.is_company
                else kinds.get(partner.beneficiary_type) or request.env._("A person")
            )
            reached[label] = reached.get(label, 0) + batch.qty_accepted
        return sorted(reached.items())

    @http.route("/my/maker", type="http", auth="user", website=True, methods=["GET"])
    def maker_home(self, **kwargs):
        maker = self._maker()
        if not maker:
            return request.not_found()
        return request.render(
            "tiers_lieu_maker.portal_maker_home",
            self._maker_page_values(maker, message=kwargs.get("message")),
        )

    @http.route(
        "/my/maker/batch/<int:batch_id>", type="http", auth="user", website=True, methods=["GET"]
    )
    def maker_batch(self, batch_id, **kwargs):
        batch = self._own_batch(batch_id)
        if not batch:
            return request.not_found()
        return self._render_batch(batch, message=kwargs.get("message"))

    def _render_batch(self, batch, message=None, error=None, status=200):
        return request.render(
            "tiers_lieu_maker.portal_maker_batch",
            {
                "page_name": "maker_batch",
                "batch": batch,
                "batch_sudo": batch.sudo(),
                "may_download": batch._may_download(),
                "declarable": batch.state in ("to_print", "printing", "ready"),
                "message": message,
                "error": error,
            },
            status=status,
        )

    @http.route(
        "/my/maker/batch/<int:batch_id>/declare",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def maker_declare(self, batch_id, **post):
        batch = self._own_batch(batch_id)
        if not batch:
            return request.not_found()
        _ = request.env._
        try:
            values = {
                "batch_id": batch.id,
                "qty_produced": int(post.get("qty_produced") or 0),
                "qty_failed": int(post.get("qty_failed") or 0),
                "failed_weight_grams": float(
                    (post.get("failed_weight_grams") or "0").replace(",", ".")
                ),
            }
        except ValueError:
            return self._render_batch(batch, error=_("Type whole numbers of parts."), status=422)
        try:
            with request.env.cr.savepoint():
                request.env["tiers_lieu.maker.declaration"].sudo().create(values)
        except (UserError, ValidationError) as exc:
            batch.invalidate_recordset()
            return self._render_batch(batch, error=exc.args[0], status=422)
        return request.redirect(f"/my/maker/batch/{batch.id}?message=declared")

    @http.route(
        "/my/maker/batch/<int:batch_id>/ready",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def maker_ready(self, batch_id, **post):
        batch = self._own_batch(batch_id)
        if not batch:
            return request.not_found()
        try:
            with request.env.cr.savepoint():
                batch.sudo().action_mark_ready()
        except UserError as exc:
            return self._render_batch(batch, error=exc.args[0], status=422)
        return request.redirect(f"/my/maker/batch/{batch.id}?message=ready")

    @http.route(
        "/my/maker/batch/<int:batch_id>/file",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def maker_file(self, batch_id, **kwargs):
        batch = self._own_batch(batch_id)
        if not batch or not batch._may_download():
            return request.not_found()
        version = batch.sudo().design_version_id
        if not version.print_file:
            return request.not_found()
        stream = request.env["ir.binary"]._get_stream_from(
            version, "print_file", filename=version.print_filename or f"{version.display_name}"
        )
        return stream.get_response(as_attachment=True)

    @http.route("/my/maker/filament", type="http", auth="user", website=True, methods=["POST"])
    def maker_filament(self, **post):
        maker = self._maker()
        if not maker:
            return request.not_found()
        note = (post.get("note") or "").strip()[:500]
        maker.sudo()._request_filament(note)
        return request.redirect("/my/maker?message=filament")

    @http.route("/my/maker/profile", type="http", auth="user", website=True, methods=["POST"])
    def maker_profile(self, **post):
        maker = self._maker()
        if not maker:
            return request.not_found()
        values = {}
        try:
            if post.get("weekly_capacity") not in (None, ""):
                values["weekly_capacity"] = int(post["weekly_capacity"])
        except ValueError:
            values = {}
        if post.get("availability") in ("active", "paused"):
            values["availability"] = post["availability"]
        for fname in ("zip", "city"):
            if post.get(fname):
                values[fname] = post[fname].strip()[:64]
        try:
            with request.env.cr.savepoint():
                maker.sudo().write(values)
                if post.get("accept_charter"):
                    maker.sudo()._accept_charter()
        except (UserError, ValidationError) as exc:
            values = self._maker_page_values(maker, error=exc.args[0])
            return request.render("tiers_lieu_maker.portal_maker_home", values, status=422)
        return request.redirect("/my/maker?message=profile")
