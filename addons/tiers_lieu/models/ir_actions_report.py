import io
from collections import OrderedDict

from odoo import api, fields, models
from odoo.exceptions import UserError

# Renderers are model methods named like this, so that a report record cannot be made to
# call an arbitrary method of its model.
RENDERER_PREFIX = "_render_"


class IrActionsReport(models.Model):
    """Reports drawn with reportlab instead of QWeb + wkhtmltopdf.

    A report with a ``tl_renderer`` is an ordinary ``qweb-pdf`` report (Print menu, mail
    templates, ``attachment``/``attachment_use``, access through the record), whose PDF comes
    from ``records.<tl_renderer>(data)`` rather than from a QWeb template: Debian's
    wkhtmltopdf is unpatched, and reportlab draws our documents hundreds of times faster.
    """

    _inherit = "ir.actions.report"

    tl_renderer = fields.Char(
        string="Reportlab Renderer",
        help="Method of the report's model that draws the PDF of its records with "
        "reportlab (name starting with _render_). Empty for QWeb reports.",
    )

    @api.constrains("tl_renderer", "model")
    def _check_tl_renderer(self):
        for report in self.filtered("tl_renderer"):
            model = self.env.get(report.model)
            if (
                not report.tl_renderer.startswith(RENDERER_PREFIX)
                or model is None
                or not callable(getattr(model, report.tl_renderer, None))
            ):
                raise UserError(
                    self.env._(
                        "The report “%(report)s” names the renderer %(method)s, which is not "
                        "a method of %(model)s starting with %(prefix)s.",
                        report=report.name,
                        method=report.tl_renderer,
                        model=report.model,
                        prefix=RENDERER_PREFIX,
                    )
                )

    def _get_readable_fields(self):
        # The web client downloads these reports without asking for wkhtmltopdf.
        return super()._get_readable_fields() | {"tl_renderer"}

    def report_action(self, docids, data=None, config=True):
        if not self.tl_renderer:
            return super().report_action(docids, data=data, config=config)
        # Our documents do not use the company's document layout: never ask to configure it.
        action = super().report_action(docids, data=data, config=False)
        action["tl_renderer"] = self.tl_renderer
        return action

    def _pre_render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        report = self._get_report(report_ref)
        if not report.tl_renderer:
            return super()._pre_render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        # Unlike QWeb reports, ours render as PDFs in tests too: they need no wkhtmltopdf.
        if isinstance(res_ids, int):
            res_ids = [res_ids]
        data = dict(data or {}, report_type="pdf")
        return self._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids), "pdf"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        report = self._get_report(report_ref)
        if not report.tl_renderer:
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        if not res_ids:
            raise UserError(
                self.env._("Select the records to print “%(report)s” for.", report=report.name)
            )
        records = self.env[report.model].browse(list(OrderedDict.fromkeys(res_ids)))
        # The renderer may read with sudo(); the user must be allowed to read what is printed.
        records.check_access("read")
        use_attachment = report.attachment and not self.env.context.get("report_pdf_no_attachment")
        streams = OrderedDict()
        for record in records:
            attachment = report.retrieve_attachment(record) if use_attachment else None
            stream = io.BytesIO(attachment.raw) if attachment and report.attachment_use else None
            streams[record.id] = {"stream": stream, "attachment": attachment}
        to_render = records.browse([rid for rid, s in streams.items() if not s["stream"]])
        if to_render:
            rendered = getattr(to_render, report.tl_renderer)(data)
            if False in rendered:
                # One document for all the records (e.g. a sheet of labels): not stored.
                stream = io.BytesIO(rendered[False])
                return OrderedDict({False: {"stream": stream, "attachment": None}})
            for record_id, pdf in rendered.items():
                streams[record_id]["stream"] = io.BytesIO(pdf)
        return streams

    def _render_qweb_html(self, report_ref, docids, data=None):
        report = self._get_report(report_ref)
        if report.tl_renderer:
            raise UserError(self.env._("“%(report)s” exists only as a PDF.", report=report.name))
        return super()._render_qweb_html(report_ref, docids, data=data)
