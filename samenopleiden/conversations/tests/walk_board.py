"""Walk-test rows of the conversations module: the live board on participants' own devices."""

from __future__ import annotations

from samenopleiden.conversations.models import (
    Board,
    Dilemma,
    Guide,
    Participant,
    PlacematAnswer,
    PlacematTable,
    PostIt,
    PostItGroup,
    Session,
    Vote,
    VoteOption,
)


def populate(partnership, *, next_id, lead, educator) -> None:
    from samenopleiden.conversations import assessment_content

    assessment_content.load()
    guide = Guide.objects.create(id=next_id(), partnership=partnership, title="Geheime bordleidraad")
    session = Session.objects.create(
        id=next_id(), partnership=partnership, guide=guide, title="Geheim bordgesprek", status=Session.Status.RUNNING
    )
    board = Board.objects.create(id=next_id(), partnership=partnership, session=session, voting="open")
    participant = Participant.objects.create(
        id=next_id(), session=session, partnership=partnership, perspective="school", name="Geheime deelnemer"
    )
    group = PostItGroup.objects.create(id=next_id(), partnership=partnership, board=board, name="Geheime groep")
    for colour in ("definitie", "goed", "beter"):
        PostIt.objects.create(
            id=next_id(),
            partnership=partnership,
            board=board,
            participant=participant,
            colour=colour,
            text=f"Geheime post-it {colour}",
            group=group if colour == "goed" else None,
        )
    option = VoteOption.objects.create(
        id=next_id(), partnership=partnership, board=board, dilemma=Dilemma.objects.first(), title="Geheim dilemma"
    )
    VoteOption.objects.create(id=next_id(), partnership=partnership, board=board, title="Geheim toegevoegd dilemma")
    Vote.objects.create(
        id=next_id(), partnership=partnership, board=board, participant=participant, option=option, slot=1
    )
    table = PlacematTable.objects.create(
        id=next_id(), partnership=partnership, board=board, option=option, name="Geheime tafel"
    )
    PlacematAnswer.objects.create(
        id=next_id(), partnership=partnership, table=table, question=1, text="Geheim antwoord"
    )


def secrets(partnership) -> list[str]:
    return [
        *PostIt.objects.filter(partnership=partnership).values_list("text", flat=True),
        *PostItGroup.objects.filter(partnership=partnership).values_list("name", flat=True),
        *PlacematAnswer.objects.filter(partnership=partnership).exclude(text="").values_list("text", flat=True),
        *Participant.objects.filter(partnership=partnership).values_list("token", flat=True),
    ]
