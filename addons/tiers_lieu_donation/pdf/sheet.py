"""A small layout helper over a reportlab canvas: boxed sections, labelled values, tick
boxes and wrapped paragraphs flowing down an A4 page, as on the Cerfa forms."""

import functools
import io

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

MARGIN = 36
WIDTH, HEIGHT = A4
INNER = WIDTH - 2 * MARGIN
FONT, BOLD, ITALIC = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
# Characters outside the WinAnsi encoding of the standard PDF fonts, and what replaces them.
_TRANSLATE = str.maketrans({"\u202f": "\u00a0", "\u2009": " ", "\u2011": "-", "\u2212": "-"})


def clean(text):
    return (text or "").translate(_TRANSLATE)


@functools.lru_cache(maxsize=4096)
def split_lines(text, font, size, width):
    """Lines of ``text`` wrapped to ``width``: the same texts come back on every receipt."""
    return tuple(simpleSplit(clean(text), font, size, width))


@functools.lru_cache(maxsize=4096)
def string_width(text, font, size):
    return stringWidth(text, font, size)


def jpeg_image(png_bytes, max_size=(360, 126)):
    """The image as a JPEG on white, at twice the size it is printed at most: embedded as
    is in every PDF, where a PNG would be decoded and compressed again for each one."""
    image = Image.open(io.BytesIO(png_bytes))
    image.thumbnail(max_size)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.split()[-1])
        image = background
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=85)
    return ImageReader(io.BytesIO(out.getvalue()))


class Sheet:
    def __init__(self, title, author, continuation="", blocks=None, numbered=False):
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, invariant=1, pageCompression=0)
        self.canvas.setTitle(clean(title))
        self.canvas.setAuthor(clean(author))
        self.canvas.setCreator("Tiers-Lieu ERP")
        # The same internal font names in every document, so recorded blocks replay.
        for font in (FONT, BOLD, ITALIC, FONT):
            self.canvas.setFont(font, 9)
        self.continuation = continuation
        self.y = HEIGHT - MARGIN
        self.section_top = None
        self.blocks = {} if blocks is None else blocks
        self.numbered = numbered

    # -- recorded blocks ---------------------------------------------------------------
    def block(self, key, draw):
        """Draw with ``draw()`` the part of the page ``key`` names. The PDF operators it
        wrote are kept in ``self.blocks`` and written again, moved to the current height,
        the next time the same part is drawn: the same texts on every receipt."""
        self.end_section()  # the frame of the part before is not the block's
        recorded = self.blocks.get(key)
        if recorded is not None:
            operators, origin, height, section_offset = recorded
            if self.y - height >= MARGIN + 10:
                code = self.canvas._code
                code.append(f"q 1 0 0 1 0 {self.y - origin:.4f} cm")
                code.extend(operators)
                code.append("Q")
                self.section_top = None if section_offset is None else self.y + section_offset
                self.y -= height
                return
        start, top, page = len(self.canvas._code), self.y, self.canvas.getPageNumber()
        draw()
        if self.canvas.getPageNumber() == page:  # a block cut by a page is not replayed
            offset = None if self.section_top is None else self.section_top - top
            self.blocks[key] = (tuple(self.canvas._code[start:]), top, top - self.y, offset)

    # -- page flow ---------------------------------------------------------------------
    def ensure(self, height):
        if self.y - height < MARGIN + 10:
            top = self.section_top
            if top is not None:
                self._frame(top)
            self._page_number()
            self.canvas.showPage()
            self.y = HEIGHT - MARGIN
            if self.continuation:
                self.text(self.continuation, size=8, font=ITALIC)
                self.y -= 4
            if top is not None:
                self.section_top = self.y

    def space(self, height):
        self.y -= height

    def finish(self):
        self._page_number()
        pages = self.canvas.getPageNumber()
        self.canvas.showPage()
        if self.numbered:
            # The page count, known only now, drawn once and referenced by every page.
            self.canvas.beginForm("tl_page_count")
            self.canvas.setFont(FONT, 7.5)
            self.canvas.drawString(0, 0, str(pages))
            self.canvas.endForm()
        self.canvas.save()
        return self.buffer.getvalue()

    def _page_number(self):
        """ "Page n/N" at the foot of the page, so that no page of a document can be taken
        for the whole of it (N is a form filled at the end)."""
        if not self.numbered:
            return
        canvas = self.canvas
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        x, y = WIDTH - MARGIN - 12, MARGIN - 16
        canvas.drawRightString(x, y, f"Page {canvas.getPageNumber()}/")
        canvas.translate(x, y)
        canvas.doForm("tl_page_count")
        canvas.restoreState()

    # -- text --------------------------------------------------------------------------
    def lines(self, text, size=9, font=FONT, width=INNER - 12):
        return split_lines(text or "", font, size, width)

    def text(self, text, size=9, font=FONT, x=MARGIN + 6, width=INNER - 12, leading=None):
        leading = leading or size * 1.25
        for line in self.lines(text, size, font, width) or [""]:
            self.ensure(leading)
            self.y -= leading
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, self.y + 2, line)

    def field(self, label, value, size=9):
        """ "Label : value", the value wrapped under itself."""
        label = clean(label) + " : "
        offset = string_width(label, BOLD, size)
        width = INNER - 12 - offset
        value_lines = self.lines(value, size, FONT, width) or [""]
        leading = size * 1.25
        for index, line in enumerate(value_lines):
            self.ensure(leading)
            self.y -= leading
            if index == 0:
                self.canvas.setFont(BOLD, size)
                self.canvas.drawString(MARGIN + 6, self.y + 2, label)
            self.canvas.setFont(FONT, size)
            self.canvas.drawString(MARGIN + 6 + offset, self.y + 2, line)

    def checkboxes(self, label, options, size=9):
        """ "Label : [X] a  [ ] b …", flowing on as many lines as needed."""
        leading = size * 1.45
        x0 = MARGIN + 6
        self.ensure(leading)
        self.y -= leading
        x = x0
        if label:
            label = clean(label) + " : "
            self.canvas.setFont(BOLD, size)
            self.canvas.drawString(x, self.y + 2, label)
            x += string_width(label, BOLD, size)
        for option, checked in options:
            option = clean(option)
            width = size + 4 + string_width(option, FONT, size) + 10
            if x + width > MARGIN + INNER - 6 and x > x0:
                self.ensure(leading)
                self.y -= leading
                x = x0 + 12
            self.box(x, self.y + 1, size, checked)
            self.canvas.setFont(FONT, size)
            self.canvas.drawString(x + size + 4, self.y + 2, option)
            x += width

    def check_list(self, options, size=8.5):
        """One tick box per line, the option text wrapped beside it."""
        for option, checked in options:
            lines = self.lines(option, size, FONT, INNER - 30)
            leading = size * 1.3
            self.ensure(leading * len(lines) + 2)
            self.y -= leading
            self.box(MARGIN + 10, self.y + 1, size, checked)
            self.canvas.setFont(FONT, size)
            for index, line in enumerate(lines):
                if index:
                    self.y -= leading
                self.canvas.drawString(MARGIN + 24, self.y + 2, line)

    def box(self, x, y, size, checked):
        self.canvas.setLineWidth(0.6)
        self.canvas.rect(x, y, size, size)
        if checked:
            self.canvas.setFont(BOLD, size)
            self.canvas.drawCentredString(x + size / 2, y + 1.2, "X")

    # -- sections and tables -----------------------------------------------------------
    def section(self, title):
        self.end_section()
        self.ensure(40)
        self.y -= 6
        self.canvas.setFillGray(0.88)
        self.canvas.rect(MARGIN, self.y - 14, INNER, 14, stroke=0, fill=1)
        self.canvas.setFillGray(0)
        self.canvas.setFont(BOLD, 9.5)
        self.canvas.drawString(MARGIN + 6, self.y - 10.5, clean(title))
        self.section_top = self.y
        self.y -= 16

    def end_section(self):
        if self.section_top is not None:
            self.y -= 4
            self._frame(self.section_top)
            self.section_top = None

    def _frame(self, top):
        self.canvas.setLineWidth(0.8)
        self.canvas.rect(MARGIN, self.y, INNER, top - self.y)

    def table(self, header, rows, widths, size=8, align_right=()):
        """A ruled table; ``widths`` are fractions of the inner width."""
        widths = [w * (INNER - 12) for w in widths]
        leading = size * 1.3

        def draw_row(cells, font):
            wrapped = [
                self.lines(cell, size, font, width - 4) or [""]
                for cell, width in zip(cells, widths, strict=True)
            ]
            height = leading * max(len(w) for w in wrapped) + 3
            self.ensure(height)
            top = self.y
            x = MARGIN + 6
            self.canvas.setFont(font, size)
            for index, (lines, width) in enumerate(zip(wrapped, widths, strict=True)):
                for n, line in enumerate(lines):
                    baseline = top - leading * (n + 1) + 1
                    if index in align_right:
                        self.canvas.drawRightString(x + width - 2, baseline, line)
                    else:
                        self.canvas.drawString(x + 2, baseline, line)
                x += width
            self.y = top - height
            self.canvas.setLineWidth(0.4)
            self.canvas.line(MARGIN + 6, self.y, MARGIN + 6 + sum(widths), self.y)

        draw_row(header, BOLD)
        for row in rows:
            draw_row(row, FONT)
        self.y -= 2

    def image(self, reader, x, y, width, height):
        self.canvas.drawImage(reader, x, y, width, height, preserveAspectRatio=True, anchor="sw")
