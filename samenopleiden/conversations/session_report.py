"""The report of a session (DOCX and PDF through `core.documents`): participants per perspective, the notes per
question, decisions, actions with their status on the action list, and the live board's results (the board part's
`board_report.report_blocks`)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import documents as d

from . import board_report
from .selectors_session import SessionView


def _action_rows(links) -> list[tuple[str, ...]]:
    return [
        (
            link.action.title,
            str(link.action.owner) if link.action.owner_id else "",
            link.action.deadline.strftime("%d-%m-%Y") if link.action.deadline else "",
            link.action.get_status_display(),
        )
        for link in links
    ]


def document(view: SessionView) -> d.Document:
    session = view.session
    meta = [session.partnership.name, session.guide.title]
    if session.date:
        meta.append(_("Datum: %(day)s") % {"day": session.date.strftime("%d-%m-%Y")})
    if session.facilitator_label:
        meta.append(_("Gespreksleider: %(name)s") % {"name": session.facilitator_label})
    meta.append(_("Verslag gemaakt op %(day)s") % {"day": timezone.localdate().strftime("%d-%m-%Y")})
    doc = d.Document(title=session.title, subtitle=_("Verslag van het gesprek"), meta=meta)

    doc.add(d.Heading(_("Deelnemers")))
    if view.participants_by_perspective:
        rows = [
            (label, participant.name or _("(anoniem)"), participant.get_level_display() if participant.level else "")
            for label, participants in view.participants_by_perspective
            for participant in participants
        ]
        doc.add(d.table([_("Perspectief"), _("Naam"), _("Niveau")], rows))
        doc.add(
            d.Paragraph.plain(
                ", ".join(f"{label}: {len(rows)}" for label, rows in view.participants_by_perspective), "small"
            )
        )
    else:
        doc.add(d.Paragraph.plain(_("Er zijn geen deelnemers vastgelegd.")))

    if session.summary:
        doc.add(d.Heading(_("Samenvatting")), *d.from_markdown(session.summary, heading_offset=1))

    doc.add(d.Heading(_("Besluiten")))
    if view.decisions:
        doc.add(d.ListBlock(tuple((0, (d.Run(decision.text),)) for decision in view.decisions)))
    else:
        doc.add(d.Paragraph.plain(_("Er zijn geen besluiten vastgelegd.")))

    doc.add(d.Heading(_("Acties")))
    if view.actions:
        doc.add(
            d.table([_("Actie"), _("Eigenaar"), _("Deadline"), _("Status")], _action_rows(view.actions)),
            d.Paragraph.plain(_("De acties worden gevolgd op de actielijst van het partnerschap."), "small"),
        )
    else:
        doc.add(d.Paragraph.plain(_("Er zijn geen acties afgesproken.")))

    doc.add(d.Heading(_("Verloop per thema")))
    for theme, records in view.themes:
        shown = [r for r in records if r.note or r.decisions or r.actions]
        if not shown:
            continue
        doc.add(d.Heading(theme.title, 2))
        if theme.core_question:
            doc.add(d.Paragraph((d.Run(theme.core_question, italic=True),)))
        for record in shown:
            doc.add(d.Paragraph((d.Run(record.question.text, bold=True),)))
            if record.note:
                doc.add(*[d.Paragraph.plain(line) for line in record.note.splitlines() if line.strip()])
            for decision in record.decisions:
                doc.add(d.Paragraph((d.Run(_("Besluit: "), bold=True), d.Run(decision.text))))
            for link in record.actions:
                doc.add(d.Paragraph((d.Run(_("Actie: "), bold=True), d.Run(link.action.title))))
    if not view.has_records:
        doc.add(d.Paragraph.plain(_("Er zijn nog geen aantekeningen.")))

    board = board_report.report_blocks(session)
    if board:
        doc.add(d.Heading(_("Het live bord")), board)
    return doc
