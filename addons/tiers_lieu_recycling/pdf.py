"""The waste register as a PDF, drawn with reportlab (see tiers_lieu/pdf.py)."""

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from odoo.addons.tiers_lieu.pdf import register_fonts


def register_pdf(env, columns, rows):
    font, bold = register_fonts()
    cell = ParagraphStyle("cell", fontName=font, fontSize=6.5, leading=8)
    head = ParagraphStyle("head", parent=cell, fontName=bold)
    title = ParagraphStyle("title", fontName=bold, fontSize=12, leading=15, spaceAfter=6)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title="Registre des déchets sortants",
    )
    company = env.company
    data = [[Paragraph(name, head) for name in columns]]
    data += [[Paragraph(value, cell) for value in row] for row in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f0e8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    heading = env._(
        "Register of outgoing waste – %(company)s (SIRET %(siret)s)",
        company=company.name,
        siret=company.partner_id.siret or "",
    )
    document.build([Paragraph(heading, title), table])
    return buffer.getvalue()
