"""Delivery slips of client orders, drawn with reportlab (our own document): who receives
what, under which lot and design version, and for solidarity orders the statement that the
distribution is free."""

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from odoo.tools.misc import format_date, formatLang

from odoo.addons.tiers_lieu.pdf import FONT, FONT_BOLD, fit_text, register_fonts

MARGIN = 18 * mm


def slip_rows(picking):
    """(part, design version, lot, quantity) of the parts a delivery handed over."""
    rows = []
    env = picking.env
    for line in picking.move_line_ids.sorted(lambda ml: (ml.product_id.display_name, ml.id)):
        if not line.quantity:
            continue
        version = line.lot_id.design_version_id or line.move_id.sale_line_id.design_version_id
        rows.append(
            (
                line.product_id.display_name,
                version.name or "",
                line.lot_id.name or "",
                formatLang(env, line.quantity, digits=0),
            )
        )
    return rows


def slip_notice(picking):
    """The statements the slip adds for the kind of order (translated), as lines."""
    _ = picking.env._
    if picking.sale_id.order_kind == "solidarity":
        return [
            _("Free distribution"),
            _("These parts are given free of charge; no invoice will be issued."),
        ]
    return []


def render_delivery_slip(picking):
    """Bytes of the PDF delivery slip of ``picking`` (an outgoing stock.picking)."""
    register_fonts()
    env = picking.env
    _ = env._
    order = picking.sale_id
    company = picking.company_id
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    pdf.setTitle(_("Delivery slip %(name)s", name=picking.name))
    pdf.setAuthor(company.name)
    y = height - MARGIN
    pdf.setFont(FONT_BOLD, 13)
    pdf.drawString(MARGIN, y, company.name)
    pdf.setFont(FONT, 9)
    for text in (company.street, " ".join(filter(None, (company.zip, company.city)))):
        if text:
            y -= 4.5 * mm
            pdf.drawString(MARGIN, y, text)
    y -= 14 * mm
    pdf.setFont(FONT_BOLD, 16)
    pdf.drawString(MARGIN, y, _("Delivery slip %(name)s", name=picking.name))
    y -= 8 * mm
    pdf.setFont(FONT, 10)
    done = picking.date_done or picking.scheduled_date
    facts = [
        _("Recipient: %(partner)s", partner=picking.partner_id.display_name or ""),
        _("Order: %(order)s", order=order.name or picking.origin or ""),
        _("Date: %(date)s", date=format_date(env, done.date()) if done else ""),
    ]
    if order.client_order_ref:
        facts.append(_("Your reference: %(ref)s", ref=order.client_order_ref))
    for text in facts:
        pdf.drawString(MARGIN, y, text)
        y -= 5.5 * mm
    notice = slip_notice(picking)
    if notice:
        y -= 4 * mm
        pdf.setFont(FONT_BOLD, 13)
        pdf.drawString(MARGIN, y, notice[0])
        pdf.setFont(FONT, 9)
        for text in notice[1:]:
            y -= 5.5 * mm
            pdf.drawString(MARGIN, y, text)
        y -= 4 * mm
    y -= 8 * mm
    columns = (
        (MARGIN, _("Part")),
        (MARGIN + 85 * mm, _("Design version")),
        (MARGIN + 115 * mm, _("Lot")),
        (width - MARGIN, _("Quantity")),
    )
    pdf.setFont(FONT_BOLD, 10)
    for index, (x, title) in enumerate(columns):
        if index == len(columns) - 1:
            pdf.drawRightString(x, y, title)
        else:
            pdf.drawString(x, y, title)
    y -= 2 * mm
    pdf.line(MARGIN, y, width - MARGIN, y)
    pdf.setFont(FONT, 10)
    for part, version, lot, quantity in slip_rows(picking):
        y -= 6 * mm
        if y < 40 * mm:
            pdf.showPage()
            pdf.setFont(FONT, 10)
            y = height - MARGIN
        pdf.drawString(MARGIN, y, fit_text(part, FONT, 10, 83 * mm))
        pdf.drawString(columns[1][0], y, fit_text(version, FONT, 10, 28 * mm))
        pdf.drawString(columns[2][0], y, fit_text(lot, FONT, 10, 35 * mm))
        pdf.drawRightString(width - MARGIN, y, quantity)
    y -= 20 * mm
    pdf.setFont(FONT, 9)
    pdf.drawString(MARGIN, y, _("Received by (name, date, signature):"))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
