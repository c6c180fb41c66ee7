from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestReportlabReports(TransactionCase):
    def _report(self, renderer, model="res.partner"):
        return self.env["ir.actions.report"].create(
            {
                "name": "Test document",
                "model": model,
                "report_type": "qweb-pdf",
                "report_name": "tiers_lieu.test_document",
                "tl_renderer": renderer,
            }
        )

    def test_the_renderer_must_be_a_render_method_of_the_model(self):
        for renderer in ("unlink", "_render_nothing_of_the_kind", "write"):
            with self.subTest(renderer=renderer), self.assertRaises(UserError):
                self._report(renderer)

    def test_a_reportlab_report_has_no_html_rendering(self):
        # Any method named _render_* is accepted; mail.template has one in core.
        report = self._report("_render_field", model="mail.template")
        with self.assertRaisesRegex(UserError, "PDF"):
            report._render_qweb_html(report.report_name, [1])

    def test_a_reportlab_report_needs_records(self):
        report = self._report("_render_field", model="mail.template")
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_qweb_pdf(report.report_name, [])
