"""The live board's results for a session's report (owned by the board part; the session part's report calls it).

`report_blocks(session)` returns `core.documents` blocks: the post-its per colour and group, the votes on the
dilemmas, the placemats. Text is always text: nothing a participant typed is read as markup.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from samenopleiden.core import documents

from . import selectors_board as selectors
from .models import Board


def report_blocks(session) -> list:
    board = Board.objects.filter(session=session).first()
    if board is None:
        return []
    view = selectors.board_view(board)
    blocks: list = [documents.Heading(_("Live bord"), 1)]
    if not view.postit_count:
        blocks.append(documents.Paragraph.plain(_("Er zijn geen post-its geschreven.")))
    for column in view.columns:
        loose = column.loose
        grouped = [(g.group.name, [p for p in g.postits if p.colour == column.colour]) for g in view.groups]
        grouped = [(name, items) for name, items in grouped if items]
        if not loose and not grouped:
            continue
        blocks.append(documents.Heading(column.label[:1].upper() + column.label[1:], 2))
        for name, items in grouped:
            blocks.append(documents.Paragraph((documents.Run(name, bold=True),)))
            blocks.append(documents.ListBlock(tuple((0, (documents.Run(p.text),)) for p in items)))
        if loose:
            if grouped:
                blocks.append(documents.Paragraph((documents.Run(_("Niet gegroepeerd"), bold=True),)))
            blocks.append(documents.ListBlock(tuple((0, (documents.Run(p.text),)) for p in loose)))
    if board.voting != Board.Voting.NOT_STARTED:
        blocks.append(documents.Heading(_("Stemmen op de dilemma's"), 2))
        blocks.append(
            documents.Paragraph.plain(_("Iedere deelnemer had %(n)s stippen.") % {"n": board.votes_per_participant})
        )
        ranked = sorted(view.options, key=lambda row: (-row[1], row[0].position, row[0].pk))
        blocks.append(
            documents.table(
                [_("Dilemma"), _("Stippen"), _("Gekozen")],
                [(o.title, n, _("ja") if o.chosen else "") for o, n in ranked],
            )
        )
    for table, rows in view.tables:
        blocks.append(
            documents.Heading(
                _("Placemat %(table)s: %(dilemma)s") % {"table": table.name, "dilemma": table.option.title}, 2
            )
        )
        for number, question, answer in rows:
            blocks.append(documents.Paragraph((documents.Run(f"{number}. {question}", bold=True),)))
            blocks.append(documents.Paragraph.plain(answer.text if answer and answer.text else "—"))
    return blocks
