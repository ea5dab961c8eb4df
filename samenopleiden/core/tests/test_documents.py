"""DOCX and PDF out of the block model: real files, read back with python-docx and pypdf."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document as Docx
from PIL import Image as PilImage
from pypdf import PdfReader

from samenopleiden.core import documents as d
from samenopleiden.core.markdown import to_html, word_count

MARKDOWN = """# Visie

Wij leiden **samen** op, met *aandacht* voor de werkplek.

- scholen
- instituten
  - pabo

1. eerst
2. dan

| rol | uren |
|---|---|
| schoolopleider | 40 |

> Een citaat van <script>alert(1)</script> iemand.
"""


def png() -> bytes:
    buffer = io.BytesIO()
    PilImage.new("RGB", (40, 20), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def sample() -> d.Document:
    doc = d.Document(title="Kerndocument Groningen", subtitle="Versie 2", meta=["25-11-2026"], logo=png())
    doc.add(d.Contents(), d.Heading("Waarborg 1"), d.from_markdown(MARKDOWN, heading_offset=1))
    doc.add(d.table(["school", "plaatsen"], [["Obs De Wilgen", 12], ["Cbs & Co <b>", None]], caption="Capaciteit"))
    doc.add(d.PageBreak(), d.Heading("Bijlage"), d.Image(png(), 5, "Logo"), d.Image(b"geen plaatje"))
    return doc


def test_markdown_becomes_blocks_of_each_kind():
    blocks = d.from_markdown(MARKDOWN, heading_offset=1)
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Heading", "Paragraph", "ListBlock", "ListBlock", "Table", "Paragraph"]
    assert blocks[0] == d.Heading("Visie", 2)
    assert d.Run("samen", bold=True) in blocks[1].runs and d.Run("aandacht", italic=True) in blocks[1].runs
    assert blocks[2].items[2][0] == 1 and not blocks[2].ordered and blocks[3].ordered
    assert blocks[4].header == ("rol", "uren") and blocks[4].rows == (("schoolopleider", "40"),)
    assert blocks[5].style == "quote" and "<script>" in blocks[5].text  # text, not markup


def test_docx_holds_title_headings_lists_tables_and_contents():
    data = d.to_docx(sample())
    docx = Docx(io.BytesIO(data))
    texts = [p.text for p in docx.paragraphs]
    styles = {p.text: p.style.name for p in docx.paragraphs}
    assert texts[:1] == [""] or "Kerndocument Groningen" in texts  # the logo paragraph may come first
    assert styles["Kerndocument Groningen"] == "Title"
    assert styles["Waarborg 1"] == "Heading 1" and styles["Visie"] == "Heading 2"
    assert styles["pabo"] == "List Bullet 2" and styles["eerst"] == "List Number"
    assert docx.tables[0].cell(1, 0).text == "schoolopleider"  # the Markdown table
    assert docx.tables[1].cell(1, 0).text == "Obs De Wilgen" and docx.tables[1].cell(2, 0).text == "Cbs & Co <b>"
    assert any("Een citaat van <script>" in t for t in texts)
    assert "(De afbeelding kon niet worden gelezen en is weggelaten.)" in texts
    assert len(docx.inline_shapes) == 2  # logo and the readable image
    assert b"TOC \\o" in _docx_xml(data)


def _docx_xml(data: bytes) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_pdf_holds_the_text_with_a_contents_page_that_has_page_numbers():
    reader = PdfReader(io.BytesIO(d.to_pdf(sample())))
    pages = [page.extract_text() for page in reader.pages]
    assert "Kerndocument Groningen" in pages[0]
    text = "\n".join(pages)
    for expected in ["Inhoud", "Visie", "samen", "schoolopleider", "Cbs & Co <b>", "<script>alert(1)</script>"]:
        assert expected in text, expected
    contents = next(p for p in pages if "Inhoud" in p)
    assert re.search(r"Waarborg 1[\s.]*\d", contents), contents[:300]  # the entry has its page number
    assert "Bijlage" in pages[-1]


def test_an_empty_document_is_only_a_title_page():
    doc = d.Document(title="Leeg")
    assert len(PdfReader(io.BytesIO(d.to_pdf(doc))).pages) == 1
    assert [p.text for p in Docx(io.BytesIO(d.to_docx(doc))).paragraphs if p.text] == ["Leeg"]


@pytest.mark.parametrize(
    ("source", "present", "absent"),
    [
        ("<script>alert(1)</script>", ["&lt;script&gt;"], ["<script>"]),
        ("[klik](javascript:alert(1))", ["klik"], ['href="javascript']),
        ("[site](https://example.org)", ['href="https://example.org"', "noopener"], []),
        ("**vet** en <img src=x onerror=alert(1)>", ["<strong>vet</strong>", "&lt;img"], ["<img"]),
    ],
)
def test_markdown_html_is_safe(source, present, absent):
    html = to_html(source)
    for part in present:
        assert part in html
    for part in absent:
        assert part not in html


def test_word_count_ignores_markdown_markers():
    assert word_count("# Kop\n\n- een **twee** drie\n| a | b |") == 6
    assert word_count("") == 0
