"""Demo data of the conversations module: the equal-collaboration self-assessment and the library of good practices.

For the Groningen partnership two rounds a year apart: last year's (closed) and this year's (open), each with enough
answers from schools and institutes to show results (and a blind spot this year), and only two students, to show
that a perspective with fewer than three answers stays hidden. A few approved good practices of other partnerships.
Idempotent: rounds and practices by title; a round's responses are made only when it has none.
"""

from __future__ import annotations

import datetime as dt
import random

from samenopleiden.registry.models import Partnership

from . import assessment_content
from .models import (
    AssessmentResponse,
    AssessmentRound,
    Barrier,
    BarrierAnswer,
    Dilemma,
    DilemmaAnswer,
    GoodPractice,
    Statement,
    StatementAnswer,
)

# title, days before today it opened, closed?, {perspective: (respondents, mean score)}, the blind-spot group
ROUNDS = [
    ("Zelfevaluatie vorig jaar", 365 + 20, True, {"school": (6, 3.1), "instituut": (4, 3.4), "student": (3, 3.0)}, ""),
    (
        "Zelfevaluatie dit jaar",
        20,
        False,
        {"school": (7, 3.7), "instituut": (5, 3.5), "student": (2, 3.2)},
        "afspraken",
    ),
]

COMMENTS = [
    "Op bestuursniveau gaat het goed, op de werkvloer merken we er minder van.",
    "De nieuwe werkafspraken over roosteren helpen echt.",
    "Over geld praten we nog te weinig open.",
]

PRACTICES = [
    (
        "noa",
        "schaal",
        "Kern en schil bij uitbreiding",
        "Nieuwe scholen sluiten eerst een jaar aan als schoolpartner in de schil. Ze doen mee met het "
        "opleidingsprogramma en de intervisie, maar nog niet met de stuurgroep. Na een jaar besluiten we samen "
        "of de school kernpartner wordt. Zo groeit het partnerschap zonder dat het overleg onoverzichtelijk wordt.",
        "Programmaleider NOA, via het secretariaat",
    ),
    (
        "ijssel-veluwe",
        "curriculum",
        "Schoolopleiders in de toetscommissie",
        "Twee schoolopleiders zitten als vaste leden in de toetscommissie van de lerarenopleiding. "
        "Beoordelingsformulieren voor de stage zijn samen herschreven; verschillen in oordeel bespreken we in een "
        "kalibratiesessie per semester.",
        "Coördinator opleidingsschool IJssel-Veluwe",
    ),
    (
        "aosl",
        "professionaliseren",
        "Inductie als gezamenlijk aanbod zonder verplichting",
        "De scholen houden de regie over de begeleiding van startende leraren. Het partnerschap biedt een gezamenlijk "
        "programma aan waar scholen voor kiezen; niemand is verplicht het af te nemen. De kosten worden per deelnemer "
        "verrekend, zodat het voor kleine scholen betaalbaar blijft.",
        "Projectleider inductie AOS Limburg",
    ),
]


def _responses(round_: AssessmentRound, plan: dict, blind_group: str, rng: random.Random) -> None:
    statements = list(Statement.objects.filter(active=True).select_related("group"))
    barriers = list(Barrier.objects.filter(active=True))
    dilemmas = list(Dilemma.objects.all())
    for perspective, (count, mean) in plan.items():
        for index in range(count):
            response = AssessmentResponse.objects.create(
                partnership=round_.partnership,
                round=round_,
                perspective=perspective,
                level=rng.choice(["bestuur", "management", "uitvoering", ""]),
            )
            answers = []
            for s in statements:
                target = mean
                if s.group.key == blind_group:
                    target = 4.4 if perspective == "school" else 2.6 if perspective == "instituut" else mean
                score = None if rng.random() < 0.05 else max(1, min(5, round(rng.gauss(target, 0.7))))
                comment = COMMENTS[index % len(COMMENTS)] if index < 3 and s.position == 1 else ""
                answers.append(
                    StatementAnswer(
                        partnership=round_.partnership, response=response, statement=s, score=score, comment=comment
                    )
                )
            StatementAnswer.objects.bulk_create(answers)
            BarrierAnswer.objects.bulk_create(
                BarrierAnswer(partnership=round_.partnership, response=response, barrier=b)
                for b in barriers
                if rng.random() < (0.6 if b.key in {"veel-partnerschappen", "discontinuiteit"} else 0.2)
            )
            DilemmaAnswer.objects.bulk_create(
                DilemmaAnswer(
                    partnership=round_.partnership,
                    response=response,
                    dilemma=d,
                    strength=max(1, min(4, round(rng.gauss(3.2 if d.key in {"vraag-aanbod", "schaal"} else 2.2, 0.8)))),
                )
                for d in dilemmas
            )


def load(*, today: dt.date) -> None:
    assessment_content.load()
    groningen = Partnership.objects.filter(slug="groningen").first()
    if groningen is not None:
        rng = random.Random(2020)
        for title, days, closed, plan, blind_group in ROUNDS:
            opened_on = today - dt.timedelta(days=days)
            round_, _created = AssessmentRound.objects.update_or_create(
                partnership=groningen,
                title=title,
                defaults={
                    "opened_on": opened_on,
                    "closes_on": opened_on + dt.timedelta(days=28) if closed else None,
                    "closed_on": opened_on + dt.timedelta(days=28) if closed else None,
                },
            )
            if not round_.responses.exists():
                _responses(round_, plan, blind_group, rng)
    for slug, dilemma_key, title, text, contact in PRACTICES:
        partnership = Partnership.objects.filter(slug=slug).first() or groningen
        dilemma = Dilemma.objects.filter(key=dilemma_key).first()
        if partnership is None or dilemma is None:
            continue
        GoodPractice.objects.update_or_create(
            title=title,
            defaults={
                "partnership": partnership,
                "dilemma": dilemma,
                "what_we_did": text,
                "contact": contact,
                "status": GoodPractice.Status.APPROVED,
            },
        )
