"""Spool labels, drawn with reportlab: one 62 × 40 mm page per spool (the width of the
common continuous label rolls), with a QR code opening the spool in Odoo and a Code 128
barcode of its number for keyboard scanners."""

import io

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from odoo.tools.misc import format_date, formatLang

from odoo.addons.tiers_lieu.pdf import FONT, FONT_BOLD, fit_text, register_fonts

LABEL_SIZE = (62 * mm, 40 * mm)
MARGIN = 2.5 * mm
QR_SIZE = 21 * mm


def _label_lines(env, spool):
    _ = env._
    grams = formatLang(env, spool.initial_net_grams, digits=0)
    lines = [
        _(
            "Ø %(diameter)s mm · %(grams)s g net",
            diameter=formatLang(env, spool.filament_diameter_mm, digits=2),
            grams=grams,
        ),
        _("Empty spool: %(tare)s g", tare=formatLang(env, spool.tare_grams, digits=0)),
    ]
    if spool.vendor_id:
        lines.append(spool.vendor_id.display_name)
    received = spool.create_date and format_date(env, spool.create_date.date())
    if received:
        lines.append(_("Received on %(date)s", date=received))
    if spool.recycled_content_percent:
        lines.append(
            _(
                "Recycled content: %(percent)s %%",
                percent=formatLang(env, spool.recycled_content_percent, digits=0),
            )
        )
    return lines


def _draw_label(pdf, env, spool):
    width, height = LABEL_SIZE
    text_width = width - 2 * MARGIN - QR_SIZE - 1.5 * mm
    top = height - MARGIN
    # Title: material and colour, with a swatch of the colour.
    title = spool._describe()
    swatch = 3.2 * mm
    if spool.filament_color_id.html_color:
        pdf.setFillColor(colors.HexColor(spool.filament_color_id.html_color))
        pdf.setStrokeColor(colors.black)
        pdf.rect(MARGIN, top - swatch, swatch, swatch, stroke=1, fill=1)
        title_x = MARGIN + swatch + 1.2 * mm
    else:
        title_x = MARGIN
    pdf.setFillColor(colors.black)
    pdf.setFont(FONT_BOLD, 9.5)
    pdf.drawString(
        title_x, top - 3 * mm, fit_text(title, FONT_BOLD, 9.5, text_width - (title_x - MARGIN))
    )
    pdf.setFont(FONT, 6.5)
    y = top - 6.6 * mm
    pdf.drawString(MARGIN, y, fit_text(spool.product_id.display_name, FONT, 6.5, text_width))
    for line in _label_lines(env, spool):
        y -= 2.9 * mm
        pdf.drawString(MARGIN, y, fit_text(line, FONT, 6.5, text_width))
    # QR code: opens the spool in Odoo.
    widget = QrCodeWidget(spool._label_url(), barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    renderPDF.draw(drawing, pdf, width - MARGIN - QR_SIZE, height - MARGIN - QR_SIZE)
    # Spool number, big, then its barcode across the label.
    pdf.setFont(FONT_BOLD, 11)
    pdf.drawString(MARGIN, 10.2 * mm, spool.name)
    barcode = code128.Code128(spool.name, barHeight=6.5 * mm, barWidth=0.3 * mm, quiet=False)
    scale = min(1.0, (width - 2 * MARGIN) / barcode.width)
    pdf.saveState()
    pdf.translate(MARGIN, MARGIN)
    pdf.scale(scale, 1)
    barcode.drawOn(pdf, 0, 0)
    pdf.restoreState()


def render_spool_labels(env, spools):
    """Bytes of a PDF with one label page per spool."""
    register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LABEL_SIZE)
    pdf.setTitle(env._("Spool labels"))
    pdf.setAuthor(env.company.name)
    for spool in spools:
        _draw_label(pdf, env, spool)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
