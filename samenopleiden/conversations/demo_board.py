"""Demo data of the conversations module: the live board on participants' own devices.

For the Groningen partnership a deepening session on equal collaboration, running, with the code `SAMENGRN`
(valid for thirty days from the demo's day): nine participants, post-its in the three colours of which most are
grouped, the voting closed (three dots each, the top two chosen) and the placemat open with answers at both
tables. Idempotent: the session by title; the board is filled only when it has no post-its yet.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from samenopleiden.registry.models import Partnership

from . import assessment_content, services_board
from .models import Guide, Participant, PlacematAnswer, PostIt, Session

TITLE = "Verdiepende sessie gelijkwaardige samenwerking"
CODE = "SAMENGRN"

PEOPLE = [
    ("school", "bestuur"),
    ("school", "management"),
    ("school", "uitvoering"),
    ("school", "uitvoering"),
    ("instituut", "management"),
    ("instituut", "uitvoering"),
    ("instituut", "uitvoering"),
    ("student", ""),
    ("anders", "management"),
]

# (colour, text, group or "")
POSTITS = [
    ("definitie", "Iedereen aan tafel heeft evenveel te zeggen over wat we samen doen.", "Zeggenschap"),
    ("definitie", "We kennen elkaars rol en eindverantwoordelijkheid, en respecteren die.", "Rollen"),
    ("definitie", "Beide kanten merken dat het samen opleiden hun iets oplevert.", "Opbrengst"),
    ("definitie", "Samen een doel kiezen en de afspraken daarover samen maken.", "Zeggenschap"),
    ("goed", "De stuurgroep besluit echt samen; niemand drukt iets door.", "Zeggenschap"),
    ("goed", "Schoolopleiders en instituutsopleiders bereiden de leerteams samen voor.", "Rollen"),
    ("goed", "Studenten voelen zich welkom in het hele cluster, niet alleen in hun klas.", "Opbrengst"),
    ("goed", "Korte lijnen met de pabo als er iets met een student is.", ""),
    ("beter", "Over de verdeling van het geld praten we te weinig open.", "Geld en tijd"),
    ("beter", "Kleine scholen hebben minder tijd om mee te denken dan de grote.", "Geld en tijd"),
    ("beter", "Beoordelen blijft vooral een zaak van de opleiding.", "Rollen"),
    ("beter", "Op de werkvloer weet niet iedereen wat er in de stuurgroep is afgesproken.", ""),
]

# dots per participant, by the position of the option (0..5: the six dilemmas, 6: the one the group added)
VOTES = [[0, 0, 3], [0, 3, 3], [0, 1, 3], [3, 6, 6], [0, 0, 1], [3, 3, 2], [0, 3, 5], [6, 0, 4], [3, 1, 0]]

ANSWERS = {
    0: [
        "Bij de planning van het opleidingsprogramma: de opleiding legt het kader neer, de scholen vullen in.",
        "Vooral bij de kleine scholen in de kop van Drenthe, die weinig tijd hebben voor overleg.",
        "Schoolopleiders kunnen hun kennis van de praktijk kwijt in het curriculum.",
        "Tijd voor schoolopleiders (facilitering), afspraken op bestuursniveau.",
        "Onduidelijk wie beslist als opleiding en school het oneens zijn.",
        "Een gezamenlijke curriculumcommissie met mandaat van beide kanten.",
    ],
    1: [
        "In de stuurgroep: de agenda komt bijna altijd van één kant.",
        "Waar één groot bestuur naast kleine partners zit.",
        "Meer eigenaarschap bij de scholen.",
        "Een roulerend voorzitterschap, en vooraf afgestemde stukken.",
        "Kleine partners haken af als ze zich niet gehoord voelen.",
        "Elk jaar samen terugkijken op hoe de besluiten tot stand kwamen.",
    ],
}


def load(*, today: dt.date) -> None:
    partnership = Partnership.objects.filter(slug="groningen").first()
    if partnership is None:
        return
    assessment_content.load()
    guide = (
        Guide.objects.filter(partnership=None).order_by("pk").first()
        or Guide.objects.filter(partnership=partnership, title="Verdiepende sessie (live bord)").first()
        or Guide.objects.create(partnership=partnership, title="Verdiepende sessie (live bord)")
    )
    # valid for thirty days from the demo's day, and never already past (a demo loaded for a day long gone, as the
    # tests do, must still let the board be filled and joined)
    last_day = max(today, timezone.localdate()) + dt.timedelta(days=30)
    valid_until = timezone.make_aware(dt.datetime.combine(last_day, dt.time(18, 0)))
    session, _ = Session.objects.update_or_create(
        partnership=partnership,
        title=TITLE,
        defaults={
            "guide": guide,
            "date": today,
            "status": Session.Status.RUNNING,
            "code_valid_until": valid_until,
            "facilitator_name": "Programmaleider SOPI",
        },
    )
    if session.code != CODE and not Session.objects.filter(code=CODE).exclude(pk=session.pk).exists():
        Session.objects.filter(pk=session.pk).update(code=CODE)
        session.code = CODE
    board = services_board.board_for(session)
    if PostIt.objects.filter(board=board).exists():
        return
    people = [
        Participant.objects.create(session=session, partnership=partnership, perspective=perspective, level=level)
        for perspective, level in PEOPLE
    ]
    groups = {}
    for i, (colour, text, group_name) in enumerate(POSTITS):
        postit = services_board.postit_add(board=board, participant=people[i % len(people)], colour=colour, text=text)
        if group_name:
            if group_name not in groups:
                groups[group_name] = services_board.group_add(board=board, name=group_name, actor=None)
            services_board.postit_move(postit=postit, group=groups[group_name], actor=None)
    services_board.option_add(board=board, title="Werkdruk in de secties met tekortvakken", actor=None)
    services_board.voting_open(board=board, votes_per_participant=3, actor=None)
    options = list(board.options.order_by("position", "pk"))
    for person, dots in zip(people, VOTES, strict=True):
        for index in dots:
            services_board.vote_add(board=board, participant=person, option=options[index])
    services_board.voting_close(board=board, actor=None)
    tables = services_board.placemat_open(board=board, actor=None)
    for index, table in enumerate(tables):
        for question, text in enumerate(ANSWERS.get(index, []), start=1):
            answer = PlacematAnswer.objects.get(table=table, question=question)
            services_board.answer_save(table=table, question=question, text=text, seen=answer.revision)
