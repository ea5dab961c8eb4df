"""Documents out of the platform (core document, conversation reports, growth scenarios): one block model and
two renderers, DOCX (python-docx) and PDF (ReportLab).

A module builds a `Document` (title page fields and a list of blocks; Markdown text becomes blocks through
`from_markdown`) and calls `to_docx` or `to_pdf`. Text is always text: nothing a user typed is interpreted as
markup by either renderer.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from .markdown import parser

# --- the block model ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 is a chapter; the contents list levels 1 and 2


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: str = "body"  # body, quote, code, small

    @classmethod
    def plain(cls, text: str, style: str = "body") -> Paragraph:
        return cls((Run(text),), style)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class ListBlock:
    items: tuple[tuple[int, tuple[Run, ...]], ...]  # (nesting level from 0, runs)
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Image:
    data: bytes
    width_cm: float = 12.0
    caption: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Contents:
    """The table of contents (headings of level 1 and 2), placed where this block stands."""

    title: str = ""


Block = Heading | Paragraph | ListBlock | Table | Image | PageBreak | Contents


@dataclass
class Document:
    title: str
    subtitle: str = ""
    meta: list[str] = field(default_factory=list)  # lines under the title: partnership, date, version
    logo: bytes | None = None
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block | Iterable[Block]) -> Document:
        for block in blocks:
            if isinstance(block, (list, tuple)):
                self.blocks.extend(block)
            else:
                self.blocks.append(block)  # type: ignore[arg-type]
        return self


def table(header: Iterable[object], rows: Iterable[Iterable[object]], caption: str = "") -> Table:
    """A Table from any values (numbers, dates, None)."""
    return Table(
        tuple(str(h) for h in header),
        tuple(tuple("" if v is None else str(v) for v in row) for row in rows),
        caption,
    )


# --- Markdown to blocks ----------------------------------------------------------------------------------------


def _runs(inline) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = False
    for child in inline.children or []:
        kind = child.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind in ("text", "html_inline"):
            runs.append(Run(child.content, bold, italic))
        elif kind == "code_inline":
            runs.append(Run(child.content, bold, italic, code=True))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" " if kind == "softbreak" else "\n", bold, italic))
        # a link's text arrives as text between link_open and link_close; the address is not printed
    return tuple(runs) or (Run(""),)


def from_markdown(text: str, *, heading_offset: int = 0) -> list[Block]:
    """Blocks for a Markdown text. `heading_offset` pushes its headings down (a section's "#" under a chapter)."""
    tokens = parser().parse(text or "")
    blocks: list[Block] = []
    list_stack: list[bool] = []  # ordered? per open list
    items: list[tuple[int, tuple[Run, ...]]] = []
    quote = 0
    in_item = 0
    table_rows: list[list[str]] = []
    row: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            level = min(int(token.tag[1]) + heading_offset, 6)
            blocks.append(Heading("".join(r.text for r in _runs(tokens[i + 1])), level))
            i += 2
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_stack.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered = list_stack.pop()
            if not list_stack:
                blocks.append(ListBlock(tuple(items), ordered))
                items = []
        elif kind == "list_item_open":
            in_item += 1
        elif kind == "list_item_close":
            in_item -= 1
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "inline" and list_stack and in_item:
            items.append((len(list_stack) - 1, _runs(token)))
        elif kind == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            row.append("".join(r.text for r in _runs(token)))
        elif kind == "inline":
            blocks.append(Paragraph(_runs(token), "quote" if quote else "body"))
        elif kind in ("fence", "code_block"):
            blocks.append(Paragraph((Run(token.content.rstrip("\n"), code=True),), "code"))
        elif kind == "table_open":
            table_rows = []
        elif kind == "tr_close":
            table_rows.append(row)
            row = []
        elif kind == "table_close":
            header, *body = table_rows or [[]]
            blocks.append(Table(tuple(header), tuple(tuple(r) for r in body)))
            table_rows = []
        elif kind == "hr":
            blocks.append(Paragraph.plain(""))
        i += 1
    return blocks


# --- DOCX ------------------------------------------------------------------------------------------------------


def to_docx(document: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    out = Docx()
    out.core_properties.title = document.title
    styles = out.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(11)

    def add_runs(paragraph, runs: Iterable[Run]) -> None:
        for run in runs:
            piece = paragraph.add_run(run.text)
            piece.bold = run.bold or None
            piece.italic = run.italic or None
            if run.code:
                piece.font.name = "Consolas"

    def add_image(data: bytes, width_cm: float) -> bool:
        try:
            out.add_picture(io.BytesIO(data), width=Cm(width_cm))
        except Exception:  # an unreadable image never stops an export; it is left out with a note
            out.add_paragraph(_("(De afbeelding kon niet worden gelezen en is weggelaten.)"))
            return False
        return True

    # title page
    if document.logo:
        add_image(document.logo, 4)
    title = out.add_paragraph(style="Title")
    title.add_run(document.title)
    if document.subtitle:
        out.add_paragraph(document.subtitle, style="Subtitle")
    for line in document.meta:
        out.add_paragraph(line)
    if document.blocks:
        out.add_page_break()

    headings = [b for b in document.blocks if isinstance(b, Heading) and b.level <= 2]
    for block in document.blocks:
        if isinstance(block, Heading):
            out.add_heading(block.text, level=min(block.level, 9))
        elif isinstance(block, Paragraph):
            if block.style == "quote":
                paragraph = out.add_paragraph(style="Quote")
            elif block.style == "code":
                paragraph = out.add_paragraph()
                paragraph.paragraph_format.left_indent = Cm(0.5)
            else:
                paragraph = out.add_paragraph()
            add_runs(paragraph, block.runs)
            if block.style == "small":
                for piece in paragraph.runs:
                    piece.font.size = Pt(9)
        elif isinstance(block, ListBlock):
            for level, runs in block.items:
                base = "List Number" if block.ordered else "List Bullet"
                style = base if level == 0 else f"{base} {min(level + 1, 3)}"
                add_runs(out.add_paragraph(style=style), runs)
        elif isinstance(block, Table):
            columns = max([len(block.header), *(len(r) for r in block.rows)] or [1])
            grid = out.add_table(rows=1, cols=columns)
            grid.style = "Table Grid"
            for index, text in enumerate(block.header):
                cell = grid.rows[0].cells[index]
                cell.text = text
                for piece in cell.paragraphs[0].runs:
                    piece.bold = True
            for values in block.rows:
                cells = grid.add_row().cells
                for index, text in enumerate(values[:columns]):
                    cells[index].text = text
            if block.caption:
                out.add_paragraph(block.caption, style="Caption")
        elif isinstance(block, Image):
            if add_image(block.data, block.width_cm) and block.caption:
                out.add_paragraph(block.caption, style="Caption")
        elif isinstance(block, PageBreak):
            out.add_page_break()
        elif isinstance(block, Contents):
            out.add_heading(block.title or _("Inhoud"), level=1)
            # A TOC field that Word and LibreOffice fill in with page numbers when the document opens; until then
            # it shows the headings without numbers, so the list is never empty.
            paragraph = out.add_paragraph()
            begin, instruction, separate, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"), None, None)
            begin.set(qn("w:fldCharType"), "begin")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = 'TOC \\o "1-2" \\h \\z \\u'
            separate = OxmlElement("w:fldChar")
            separate.set(qn("w:fldCharType"), "separate")
            for element in (begin, instruction, separate):
                paragraph.add_run()._r.append(element)
            for index, heading in enumerate(headings):
                if index:
                    paragraph.add_run().add_break()
                paragraph.add_run(("    " if heading.level == 2 else "") + heading.text)
            end = OxmlElement("w:fldChar")
            end.set(qn("w:fldCharType"), "end")
            paragraph.add_run()._r.append(end)
            update = OxmlElement("w:updateFields")
            update.set(qn("w:val"), "true")
            out.settings.element.append(update)
    for section in out.sections:
        footer = section.footer.paragraphs[0]
        footer.text = document.title
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


# --- PDF -------------------------------------------------------------------------------------------------------


def _markup(runs: Iterable[Run]) -> str:
    """ReportLab's paragraph markup for runs; the text itself is escaped, so typed tags stay text."""
    parts = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br/>")
        if run.code:
            text = f'<font face="Courier">{text}</font>'
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


def to_pdf(document: Document) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Image as PdfImage
    from reportlab.platypus import PageBreak as PdfPageBreak
    from reportlab.platypus import Paragraph as PdfParagraph
    from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus.tableofcontents import TableOfContents

    sheet = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=sheet["BodyText"], fontSize=10.5, leading=14, spaceAfter=6)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11)
    quote = ParagraphStyle("quote", parent=body, leftIndent=1 * cm, textColor=colors.HexColor("#444444"))
    code = ParagraphStyle("code", parent=body, fontName="Courier", fontSize=9, leftIndent=0.5 * cm)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11, spaceAfter=0)
    head_cell = ParagraphStyle("head_cell", parent=cell, fontName="Helvetica-Bold")
    caption = ParagraphStyle("caption", parent=small, textColor=colors.HexColor("#555555"))
    headings = {level: sheet[f"Heading{min(level, 6)}"] for level in range(1, 7)}
    title_style = ParagraphStyle("doc_title", parent=sheet["Title"], fontSize=24, leading=30, spaceBefore=4 * cm)
    centred = ParagraphStyle("centred", parent=body, alignment=TA_CENTER)
    width = A4[0] - 4 * cm

    class Template(SimpleDocTemplate):
        def afterFlowable(self, flowable) -> None:  # noqa: N802 (ReportLab's name)
            level = getattr(flowable, "toc_level", None)
            if level is not None:
                key = f"h{id(flowable)}"
                self.canv.bookmarkPage(key)
                self.notify("TOCEntry", (level, flowable.getPlainText(), self.page, key))

    def image(data: bytes, width_cm: float):
        try:
            from reportlab.lib.utils import ImageReader

            reader = ImageReader(io.BytesIO(data))
            w, h = reader.getSize()
            scale = min(width_cm * cm, width) / w
            return PdfImage(io.BytesIO(data), width=w * scale, height=h * scale)
        except Exception:  # an unreadable image never stops an export
            return PdfParagraph(escape(_("(De afbeelding kon niet worden gelezen en is weggelaten.)")), small)

    story: list = []
    if document.logo:
        story.append(image(document.logo, 4))
    story.append(PdfParagraph(escape(document.title), title_style))
    if document.subtitle:
        story.append(PdfParagraph(escape(document.subtitle), ParagraphStyle("sub", parent=centred, fontSize=14)))
    story.append(Spacer(1, 1 * cm))
    story += [PdfParagraph(escape(line), centred) for line in document.meta]
    if document.blocks:
        story.append(PdfPageBreak())
    for block in document.blocks:
        if isinstance(block, Heading):
            flowable = PdfParagraph(escape(block.text), headings[min(block.level, 6)])
            if block.level <= 2:
                flowable.toc_level = block.level - 1
            story.append(flowable)
        elif isinstance(block, Paragraph):
            style = {"quote": quote, "code": code, "small": small}.get(block.style, body)
            if block.style == "code":
                text = escape(block.text).replace(" ", "&nbsp;").replace("\n", "<br/>")
                story.append(PdfParagraph(text, style))
            else:
                story.append(PdfParagraph(_markup(block.runs), style))
        elif isinstance(block, ListBlock):
            number = {}
            for level, runs in block.items:
                number[level] = number.get(level, 0) + 1
                for deeper in [k for k in number if k > level]:
                    del number[deeper]
                bullet = f"{number[level]}." if block.ordered else "•"
                style = ParagraphStyle(
                    f"li{level}", parent=body, leftIndent=(level + 1) * 0.6 * cm, bulletIndent=level * 0.6 * cm
                )
                story.append(PdfParagraph(_markup(runs), style, bulletText=bullet))
        elif isinstance(block, Table):
            columns = max([len(block.header), *(len(r) for r in block.rows)] or [1])
            data = [[PdfParagraph(escape(t), head_cell) for t in block.header] + [""] * (columns - len(block.header))]
            for values in block.rows:
                padded = list(values[:columns]) + [""] * (columns - len(values))
                data.append([PdfParagraph(escape(t), cell) for t in padded])
            grid = PdfTable(data, colWidths=[width / columns] * columns, repeatRows=1)
            grid.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(grid)
            if block.caption:
                story.append(PdfParagraph(escape(block.caption), caption))
            story.append(Spacer(1, 0.3 * cm))
        elif isinstance(block, Image):
            story.append(image(block.data, block.width_cm))
            if block.caption:
                story.append(PdfParagraph(escape(block.caption), caption))
        elif isinstance(block, PageBreak):
            story.append(PdfPageBreak())
        elif isinstance(block, Contents):
            story.append(PdfParagraph(escape(block.title or _("Inhoud")), headings[1]))
            contents = TableOfContents()
            contents.levelStyles = [
                ParagraphStyle("toc1", parent=body, fontSize=11, leftIndent=0.3 * cm, firstLineIndent=-0.3 * cm),
                ParagraphStyle("toc2", parent=body, fontSize=10, leftIndent=1 * cm, firstLineIndent=-0.3 * cm),
            ]
            # Seeded with the headings (page numbers unknown), so that the first pass already gives the contents its
            # final length: the page numbers settle in two passes instead of three.
            contents.addEntries(
                [
                    (b.level - 1, escape(b.text), 0, None)
                    for b in document.blocks
                    if isinstance(b, Heading) and b.level <= 2
                ]
            )
            story.append(contents)

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"{document.title[:90]} · {doc.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    template = Template(
        buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm
    )
    template.title = document.title
    if any(isinstance(b, Contents) for b in document.blocks):
        template.multiBuild(story, onFirstPage=footer, onLaterPages=footer)
    else:
        template.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
