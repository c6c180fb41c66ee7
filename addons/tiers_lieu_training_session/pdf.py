"""The attendance sheet (feuille d'émargement) of a training session, drawn with reportlab.

One table per half-day: trainee, status, signature (the image drawn on screen) or the
reason of the absence; then the trainer's signature. The layout follows the training
addon's documents (issuer, title, header lines, footer).
"""

import base64
import binascii
import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from odoo.tools.misc import format_date, format_datetime

from odoo.addons.tiers_lieu.pdf import register_fonts
from odoo.addons.tiers_lieu_training.pdf import GRID, HEADER_FILL, _escape, _issuer_lines, _styles

from .const import float_time


def _image(data, width, height):
    if not data:
        return None
    try:
        raw = base64.b64decode(data)
    except (binascii.Error, ValueError):
        return None
    return Image(io.BytesIO(raw), width=width, height=height, kind="proportional")


def attendance_sheet_pdf(session):
    env = session.env
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    margin = 15 * mm
    title = env._("Attendance sheet")
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author=session.company_id.association_legal_name or session.company_id.name,
    )
    width = A4[0] - 2 * margin
    story = [
        Paragraph(_escape(line), styles["small"]) for line in _issuer_lines(env, session.company_id)
    ]
    story += [Spacer(1, 4 * mm), Paragraph(_escape(title), styles["title"])]
    header = [
        env._("Session: %(topic)s", topic=session.topic),
        env._("Date: %(date)s", date=format_date(env, session.date)),
        env._("Trainer: %(name)s", name=session.trainer_id.name),
    ]
    if session.skill_block_id:
        block = session.skill_block_id
        header.append(
            env._(
                "Skill block: %(block)s",
                block=" ".join(filter(None, [block.code, block.name])),
            )
        )
    if session.machine_ids:
        header.append(
            env._("Machines: %(machines)s", machines=", ".join(session.machine_ids.mapped("name")))
        )
    story += [Paragraph(_escape(line), styles["base"]) for line in header]
    half_days = dict(
        env["tiers_lieu.training.attendance"]._fields["half_day"]._description_selection(env)
    )
    reasons = dict(
        env["tiers_lieu.training.attendance"]._fields["absence_reason"]._description_selection(env)
    )
    slots = session._slots()
    columns = [env._("Trainee"), env._("Status"), env._("Signature")]
    widths = [width * 0.35, width * 0.3, width * 0.35]
    for half_day, (start, end) in slots.items():
        story.append(
            Paragraph(
                _escape(f"{half_days[half_day]} ({float_time(start)}–{float_time(end)})"),
                styles["heading"],
            )
        )
        data = [[Paragraph(_escape(c), styles["cell_head"]) for c in columns]]
        lines = session.attendance_ids.filtered(lambda line, h=half_day: line.half_day == h)
        for line in lines.sorted("trainee_name"):
            if line.state == "present":
                status = env._("Present")
                if line.attested:
                    status = env._("Present (attested by the trainer)")
                elif line.signed_on:
                    status += " – " + format_datetime(env, line.signed_on, dt_format="short")
                signature = _image(line.signature, 50 * mm, 12 * mm) or ""
            elif line.state == "absent":
                status = env._("Absent: %(reason)s", reason=reasons[line.absence_reason])
                signature = ""
            else:
                status, signature = env._("Not signed"), ""
            data.append(
                [
                    Paragraph(_escape(line.trainee_id.name), styles["cell"]),
                    Paragraph(_escape(status), styles["cell"]),
                    signature,
                ]
            )
        table = Table(
            data, colWidths=widths, rowHeights=[None] + [14 * mm] * len(lines), repeatRows=1
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        story.append(table)
    story += [
        Spacer(1, 6 * mm),
        Paragraph(_escape(env._("Trainer's signature")), styles["base"]),
    ]
    trainer_signature = _image(session.trainer_signature, 50 * mm, 18 * mm)
    if trainer_signature:
        story.append(trainer_signature)
    doc.build(story)
    return buffer.getvalue()
