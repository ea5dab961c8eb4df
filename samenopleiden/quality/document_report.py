"""The core document as blocks for other parts (owned by the document part; the cycle part's peer-review pack calls
it), and the whole document for export (title page, contents, summary, sections in safeguard order, live data).

`core_document_blocks(partnership)` returns `core.documents` blocks of the partnership's current core document (its
sections in safeguard order, live data refreshed), or an empty list when it has none."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import documents
from samenopleiden.core.errors import DomainError

from . import selectors_document as selectors


def _live_blocks(block: selectors.LiveBlock) -> list:
    out: list = [documents.Heading(block.title, 4)] if block.title else []
    if block.rows:
        out.append(documents.table(block.header, block.rows))
    if block.note:
        out.append(documents.Paragraph.plain(block.note, "small"))
    return out


def section_blocks(section, *, live: dict, heading_level: int = 2) -> list:
    out: list = [documents.Heading(section.title, heading_level)]
    for kind, value in selectors.split_body(section.body):
        if kind == "md":
            out += documents.from_markdown(value, heading_offset=heading_level)
        else:
            out += _live_blocks(live[value])
    return out


def core_document_blocks(partnership, *, today: dt.date | None = None, with_students: bool = True) -> list:
    document = selectors.document_of(partnership)
    if document is None:
        return []
    day = today or timezone.localdate()
    sections = [s for s in selectors.sections_of(document) if (s.body or "").strip()]
    keys = set().union(*(selectors.block_keys_in(s.body) for s in sections)) if sections else set()
    live = selectors.live_blocks(partnership, keys, today=day, with_students=with_students)
    blocks: list = []
    current = None
    for section in sections:
        if section.safeguard_id != current:
            current = section.safeguard_id
            blocks.append(
                documents.Heading(
                    _("Waarborg %(number)s: %(name)s")
                    % {"number": section.safeguard.number, "name": section.safeguard.name},
                    1,
                )
            )
        blocks += section_blocks(section, live=live)
    return blocks


def build(partnership, *, today: dt.date | None = None, with_students: bool = True) -> documents.Document:
    """The whole document. An empty one (no section with text) raises DomainError with a Dutch message."""
    document = selectors.document_of(partnership)
    if document is None:
        raise DomainError(_("Dit partnerschap heeft nog geen kerndocument om te exporteren."))
    day = today or timezone.localdate()
    body = core_document_blocks(partnership, today=day, with_students=with_students)
    if not body:
        raise DomainError(
            _("Het kerndocument is nog leeg: schrijf eerst tekst in minstens één sectie en exporteer dan opnieuw.")
        )
    approval = document.approvals.first()
    meta = [partnership.name, _("Stand van %(day)s") % {"day": f"{day:%d-%m-%Y}"}]
    if approval:
        meta.append(
            _("Versie %(version)s, vastgesteld op %(day)s door %(who)s")
            % {
                "version": approval.version_label,
                "day": f"{approval.approved_on:%d-%m-%Y}",
                "who": approval.approved_by,
            }
        )
    else:
        meta.append(_("Concept, nog niet vastgesteld"))
    out = documents.Document(
        title=document.title,
        subtitle=_("Kerndocument Samen Opleiden"),
        meta=meta,
        logo=bytes(document.logo) if document.logo else None,
    )
    out.add(documents.Contents(_("Inhoud")))
    if document.summary.strip():
        out.add(documents.PageBreak(), documents.Heading(_("Samenvatting"), 1))
        out.add(documents.from_markdown(document.summary, heading_offset=1))
    out.add(documents.PageBreak())
    out.add(body)
    return out


def to_bytes(partnership, fmt: str, **kwargs) -> bytes:
    doc = build(partnership, **kwargs)
    return documents.to_docx(doc) if fmt == "docx" else documents.to_pdf(doc)
