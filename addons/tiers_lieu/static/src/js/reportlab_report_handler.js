import { download } from "@web/core/network/download";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { getReportUrl } from "@web/webclient/actions/reports/utils";

/**
 * Reports drawn with reportlab (ir.actions.report with a tl_renderer) are PDFs the server
 * renders without wkhtmltopdf: download them directly, without the wkhtmltopdf check that
 * would otherwise fall back to an HTML rendering these reports do not have.
 */
async function reportlabReportHandler(action, options, env) {
    if (action.report_type !== "qweb-pdf" || !action.tl_renderer) {
        return false;
    }
    env.services.ui.block();
    try {
        const context = { ...user.context, ...(action.context || {}) };
        await download({
            url: "/report/download",
            data: {
                data: JSON.stringify([getReportUrl(action, "pdf"), action.report_type]),
                context: JSON.stringify(context),
            },
        });
    } finally {
        env.services.ui.unblock();
    }
    if (action.close_on_report_download) {
        return env.services.action.doAction(
            { type: "ir.actions.act_window_close" },
            { onClose: options.onClose }
        );
    }
    if (options.onClose) {
        options.onClose();
    }
    return true;
}

registry
    .category("ir.actions.report handlers")
    .add("tiers_lieu_reportlab", reportlabReportHandler);
