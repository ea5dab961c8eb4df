"""Demo data of the growth module: scenarios and their projections, growth potential per board. `demo.py` combines
the parts.

For the Groningen partnership (seed 003): the agreement's maximum of clusters per board, four boards with room for
one more cluster (KOC, Plateau Assen, Stichting Quadraten, VCPONG: 4 × 12 places, about 50 students), with a few
of their schools close together that are in no cluster yet (schools of the board, not members on their own, so the
registry's and the other modules' pages stay as they were), and three scenarios for the three growth strategies:
extra clusters within the current boards, new boards joining, and working with the mbo. Idempotent: natural keys
and update_or_create.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from samenopleiden.registry.models import Cluster, Partnership, School, SchoolBoard

from . import projection_engine as engine
from .models import BoardClusterLimit, Scenario
from .services import projection as services

# boards with room for one more cluster: (a word in the board's name, [(BRIN, school name, town, municipality)])
ROOM = [
    (
        "(KOC)",
        [
            ("41ZZ", "Kbs De Sint Jozef", "Groningen", "Groningen"),
            ("42ZZ", "Kbs De Bonifatius", "Groningen", "Groningen"),
            ("43ZZ", "Kbs Het Kristal", "Groningen", "Groningen"),
        ],
    ),
    (
        "Plateau Assen",
        [
            ("44ZZ", "Obs De Dolfijn", "Assen", "Assen"),
            ("45ZZ", "Obs Het Anker", "Assen", "Assen"),
            ("46ZZ", "Obs De Vuurtoren", "Assen", "Assen"),
            ("47ZZ", "Obs De Linde", "Rolde", "Aa en Hunze"),
        ],
    ),
    (
        "Stichting Quadraten",
        [
            ("48ZZ", "Basisschool Het Stadspark", "Groningen", "Groningen"),
            ("49ZZ", "Basisschool De Zuiderpoort", "Haren", "Groningen"),
            ("50ZZ", "Basisschool Het Noorderplantsoen", "Groningen", "Groningen"),
        ],
    ),
    (
        "(VCPONG)",
        [
            ("51ZZ", "Cbs De Wierde", "Winsum", "Het Hogeland"),
            ("52ZZ", "Cbs Het Maar", "Bedum", "Het Hogeland"),
            ("53ZZ", "Cbs De Ploeg", "Winsum", "Het Hogeland"),
        ],
    ),
]
DENOMINATION = {
    "(KOC)": "Rooms-Katholiek",
    "(VCPONG)": "Protestants-Christelijk",
    "Stichting Quadraten": "Samenwerkingsschool",
}

COSTS = {
    "horizon": 10,
    "wage_index": Decimal(4),
    "school_hour_rate": Decimal(62),
    "institute_hour_rate": Decimal(74),
}


def _board(partnership: Partnership, word: str) -> SchoolBoard | None:
    return SchoolBoard.objects.filter(memberships__partnership=partnership, name__contains=word).first()


def load(*, today: dt.date) -> None:
    partnership = Partnership.objects.filter(slug="groningen").first()
    if partnership is None:
        return
    room_boards = set()
    for word, schools in ROOM:
        board = _board(partnership, word)
        if board is None:
            continue
        room_boards.add(board.pk)
        for brin, name, town, municipality in schools:
            School.objects.update_or_create(
                brin=brin,
                branch_code="00",
                defaults={
                    "name": name,
                    "board": board,
                    "sector": "po",
                    "denomination": DENOMINATION.get(word, "Openbaar"),
                    "city": town,
                    "municipality": municipality,
                },
            )
    boards = SchoolBoard.objects.filter(memberships__partnership=partnership).distinct()
    for board in boards:
        now = Cluster.objects.filter(partnership=partnership, board=board).count()
        if not now:
            continue
        room = 1 if board.pk in room_boards else 0
        BoardClusterLimit.objects.update_or_create(
            partnership=partnership,
            board=board,
            defaults={
                "max_clusters": now + room,
                "note": "Afgesproken in het convenant." if room else "Volgens het convenant vol.",
            },
        )
    start = services.start_for(partnership, today=today)
    extra = tuple(engine.ExtraClusters(str(pk), 1, 1) for pk in sorted(room_boards))
    scenarios = [
        (
            "Extra clusters binnen de huidige besturen",
            "Vier besturen richten elk één extra cluster in, binnen de afspraken van het convenant: samen zo'n "
            "vijftig plaatsen erbij vanaf volgend schooljaar.",
            engine.Levers(**COSTS, extra_clusters=extra),
        ),
        (
            "Nieuwe besturen laten aansluiten",
            "Twee besturen sluiten aan volgens de vaste stappen van de toetreding, één daarvan openbaar, elk met "
            "drie clusters die in twee jaar worden opgebouwd. Meer partners betekent ook: de subsidie over meer "
            "partners verdelen.",
            engine.Levers(
                **COSTS,
                joining=(
                    engine.Joining("Openbaar bestuur uit de regio", 3, 1, 2, public=True),
                    engine.Joining("Christelijk bestuur uit Oost-Groningen", 3, 2, 2),
                ),
            ),
        ),
        (
            "Samenwerking met het mbo",
            "Interprofessioneel samen opleiden met een mbo-opleiding onderwijsassistent: 24 plaatsen voor "
            "mbo-studenten, die begeleiding vragen maar niet meetellen voor de subsidie, en twee extra clusters.",
            engine.Levers(**COSTS, extra_clusters=extra[:2], cross_sector_places=24, cross_sector_year=1),
        ),
    ]
    for name, description, levers in scenarios:
        if engine.validate(start, levers):
            continue
        Scenario.objects.update_or_create(
            partnership=partnership,
            name=name,
            defaults={
                "description": description,
                "horizon": levers.horizon,
                "levers": engine.levers_to_dict(levers),
            },
        )
