"""What the PDFs we draw with reportlab share: the embedded font, fitting text in a width,
the check that every character of a text can be printed, and the HTTP response that serves
them. Our documents never depend on wkhtmltopdf (see models/ir_actions_report.py)."""

import os

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from odoo import _
from odoo.exceptions import UserError
from odoo.http import content_disposition, request

# DejaVu Sans (Debian's fonts-dejavu-core) covers Latin Extended and Vietnamese: a donor's or
# trainee's name prints as written (Lato, shipped with Odoo, lacks ễ, ł, ř, ş, ț...).
FONT, FONT_BOLD = "TLDejaVuSans", "TLDejaVuSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu (fonts-dejavu-core)
    "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
    "/usr/share/fonts/TTF",  # Arch
    "/usr/local/share/fonts",
)


def _font_path(filename):
    for directory in FONT_DIRS:
        path = os.path.join(directory, filename)
        if os.path.isfile(path):
            return path
    raise UserError(
        _(
            "The font %(file)s is missing: install the Debian package fonts-dejavu-core "
            "(apt-get install fonts-dejavu-core) to print documents.",
            file=filename,
        )
    )


def register_fonts():
    """Register DejaVu Sans with reportlab (once per process); returns (regular, bold)."""
    for name, filename in FONT_FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, _font_path(filename)))
    return FONT, FONT_BOLD


def missing_glyphs(text, font=FONT):
    """Characters of ``text`` that ``font`` cannot draw (reportlab would print ■)."""
    register_fonts()
    glyphs = pdfmetrics.getFont(font).face.charToGlyph
    return sorted({char for char in text or "" if char.isprintable() and ord(char) not in glyphs})


def check_printable(env, texts):
    """Refuse to issue a document whose texts hold characters no embedded font draws.

    ``texts`` maps a label (what the user must fix) to its text.
    """
    for label, text in texts.items():
        missing = missing_glyphs(text)
        if missing:
            raise UserError(
                env._(
                    "“%(field)s” holds characters the document's font cannot print "
                    "(%(chars)s): correct the text before printing.",
                    field=label,
                    chars=" ".join(missing),
                )
            )


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
