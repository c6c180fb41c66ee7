"""PDF documents of the addon (record sheet, hours statement), drawn with reportlab.

A document is a title, a few header lines and sections; a section is a dict with
``title`` and either ``columns`` + ``rows`` (a table, optional ``totals`` row, ``numeric``
column indexes aligned right, relative ``widths``, ``empty`` text when there is no row) or
``paragraphs``. Glue addons extend documents by adding sections, never by drawing.
"""

import base64
import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tables import LongTable

from odoo import fields
from odoo.tools.misc import format_date, get_lang

from odoo.addons.tiers_lieu.pdf import FONT, FONT_BOLD, register_fonts

HEADER_FILL = colors.HexColor("#E8EEF4")
GRID = colors.HexColor("#9AA5B1")


def format_number(env, value):
    """Hours as the reader's language writes them (151,67 in French), without thousands
    separators so that spreadsheets read the CSV as numbers."""
    return f"{value or 0.0:.2f}".replace(".", get_lang(env).decimal_point)


def _styles():
    base = ParagraphStyle("tl_base", fontName=FONT, fontSize=9, leading=11.5)
    return {
        "base": base,
        "small": ParagraphStyle("tl_small", parent=base, fontSize=8, leading=10),
        "cell": ParagraphStyle("tl_cell", parent=base, fontSize=8, leading=10),
        "cell_right": ParagraphStyle(
            "tl_cell_right", parent=base, fontSize=8, leading=10, alignment=TA_RIGHT
        ),
        "cell_head": ParagraphStyle("tl_cell_head", parent=base, fontName=FONT_BOLD, fontSize=8),
        "title": ParagraphStyle(
            "tl_title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=4
        ),
        "heading": ParagraphStyle(
            "tl_heading",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
        ),
    }


def _escape(text):
    return (
        str(text if text is not None else "")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def _issuer_lines(env, company):
    partner = company.partner_id
    lines = [company.association_legal_name or company.name]
    address = " ".join(filter(None, [partner.street, partner.street2, partner.zip, partner.city]))
    if address:
        lines.append(address)
    if company.siret:
        lines.append(env._("SIRET: %(siret)s", siret=company.siret))
    return lines


def _table(section, width, styles):
    numeric = section.get("numeric", set())

    def cell(value, column, style=None):
        style = style or (styles["cell_right"] if column in numeric else styles["cell"])
        return Paragraph(_escape(value), style)

    data = [[cell(c, i, styles["cell_head"]) for i, c in enumerate(section["columns"])]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in section["rows"]]
    totals = section.get("totals")
    if totals:
        bold = ParagraphStyle("tl_total", parent=styles["cell_right"], fontName=FONT_BOLD)
        data.append(
            [
                cell(v, i, bold if i in numeric else styles["cell_head"])
                for i, v in enumerate(totals)
            ]
        )
    weights = section.get("widths") or [1] * len(section["columns"])
    widths = [width * w / sum(weights) for w in weights]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if totals:
        style.append(("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL))
    table.setStyle(TableStyle(style))
    return table


def _signature(env, company, styles):
    city = company.partner_id.city
    today = format_date(env, fields.Date.context_today(company))
    text = (
        env._("Done in %(city)s on %(date)s", city=city, date=today)
        if city
        else env._("Done on %(date)s", date=today)
    )
    flow = [Spacer(1, 6 * mm), Paragraph(_escape(text), styles["base"])]
    if company.signatory_name:
        who = company.signatory_name
        if company.signatory_title:
            who = f"{who}, {company.signatory_title}"
        flow.append(Paragraph(_escape(who), styles["base"]))
    signature = company.sudo().signatory_signature  # Treasurer/Manager-only field
    if signature:
        image = io.BytesIO(base64.b64decode(signature))
        flow.append(Image(image, width=45 * mm, height=18 * mm, kind="proportional"))
    return KeepTogether(flow)


def render_document(
    env, company, title, header_lines, sections, landscape_mode=False, signature=False
):
    """Bytes of a PDF document with the issuer, a title, header lines and sections."""
    register_fonts()
    styles = _styles()
    pagesize = landscape(A4) if landscape_mode else A4
    buffer = io.BytesIO()
    margin = 15 * mm
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author=company.association_legal_name or company.name,
    )
    width = pagesize[0] - 2 * margin
    story = [Paragraph(_escape(line), styles["small"]) for line in _issuer_lines(env, company)]
    story += [Spacer(1, 4 * mm), Paragraph(_escape(title), styles["title"])]
    story += [Paragraph(_escape(line), styles["base"]) for line in header_lines]
    for section in sections:
        story.append(Paragraph(_escape(section["title"]), styles["heading"]))
        for paragraph in section.get("paragraphs", []):
            story.append(Paragraph(_escape(paragraph), styles["base"]))
        if "columns" in section:
            if section["rows"]:
                story.append(_table(section, width, styles))
            else:
                story.append(Paragraph(_escape(section.get("empty", "")), styles["small"]))
    if signature:
        story.append(_signature(env, company, styles))
    page_label = env._("Page")
    generated = env._(
        "Printed on %(date)s", date=format_date(env, fields.Date.context_today(company))
    )

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(margin, 8 * mm, f"{title} – {generated}")
        canvas.drawRightString(pagesize[0] - margin, 8 * mm, f"{page_label} {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
