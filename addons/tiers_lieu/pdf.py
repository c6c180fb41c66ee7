"""What the PDFs we draw with reportlab share: the font, fitting text in a width, and the
HTTP response that serves them. Our documents never depend on wkhtmltopdf."""

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from odoo.http import content_disposition, request
from odoo.tools.misc import file_path

# Lato ships with Odoo's web addon and has the accents of French names.
FONT, FONT_BOLD = "TLLato", "TLLato-Bold"


def register_fonts():
    """Register Lato with reportlab (once per process); returns (regular, bold)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        for name, path in (
            (FONT, "web/static/fonts/lato/Lato-Reg-webfont.ttf"),
            (FONT_BOLD, "web/static/fonts/lato/Lato-Bol-webfont.ttf"),
        ):
            pdfmetrics.registerFont(TTFont(name, file_path(path)))
    return FONT, FONT_BOLD


def fit_text(text, font, size, width):
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    text = text or ""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def pdf_response(pdf, filename, inline=False):
    """Serve ``pdf`` bytes: shown in the browser when ``inline``, else downloaded."""
    disposition = content_disposition(filename)
    if inline:
        disposition = disposition.replace("attachment", "inline", 1)
    return request.make_response(
        pdf,
        headers=[
            ("Content-Type", "application/pdf"),
            ("Content-Length", str(len(pdf))),
            ("Content-Disposition", disposition),
        ],
    )
