"""Demo data of the quality module: goals, annual plans and the survey, peer review, certification. `demo.py`
combines the parts.

For the Groningen partnership: five quality goals (two measured from the platform) with their measurements, the
calendar of this school year, plans for two clusters (last year with its end evaluation, this year with its
mid-year evaluation), this year's student survey with eleven answers in one cluster and three in another (hidden),
the last peer review with three recommendations on the action list and the next one being prepared, and
certification criteria (the partnership's own and two shared by the onderwijsregio) with assessments of six
schools. Idempotent: natural keys and update_or_create; dates follow `today`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from samenopleiden.actions.models import Action
from samenopleiden.registry.models import Partnership, Region, Role
from samenopleiden.students import schoolyear

from . import selectors_cycle as selectors
from . import services_cycle as services
from .models import (
    AnnualPlan,
    CalendarEvent,
    CertificationCriterion,
    CriterionAssessment,
    GoalMeasurement,
    Panelist,
    PeerReview,
    QualityGoal,
    SchoolCertification,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)

D = Decimal

# title, safeguard, indicator, source, unit, baseline, target, days to deadline, measurements (days ago, value)
GOALS = [
    (
        "Alle werkplekbegeleiders geschoold in begeleiden",
        "lerende_leraar",
        "Aandeel werkplekbegeleiders met geldige scholing begeleidingsvaardigheden",
        QualityGoal.Source.SUPERVISION,
        "%",
        D(40),
        D(90),
        300,
        [(365, D(42)), (180, D(47))],
    ),
    (
        "Elk opleidingscluster heeft een eigen schoolopleider",
        "organisatie",
        "Aandeel clusters met een schoolopleider",
        QualityGoal.Source.CLUSTER_EDUCATOR,
        "%",
        D(80),
        D(100),
        200,
        [(300, D(82))],
    ),
    (
        "Studenten waarderen de begeleiding op de werkplek",
        "leeromgeving",
        "Gemiddelde score op de vraag naar begeleiding in de studentenenquête (1-5)",
        QualityGoal.Source.MANUAL,
        "",
        D("3.5"),
        D("4.0"),
        240,
        [(400, D("3.6")), (30, D("3.9"))],
    ),
    (
        "Meer deeltijdstudenten opgeleid in het partnerschap",
        "leeromgeving",
        "Aantal deeltijdstudenten met een plaats in een cluster",
        QualityGoal.Source.MANUAL,
        "studenten",
        D(10),
        D(25),
        -10,
        [(380, D(12)), (40, D(15))],
    ),
    (
        "Een gezamenlijk beoordelingskader voor de praktijk",
        "kwaliteitscultuur",
        "Beoordelingskader vastgesteld door het bestuurdersnetwerk (0 = nee, 1 = ja)",
        QualityGoal.Source.MANUAL,
        "",
        D(0),
        D(1),
        60,
        [(200, D(0)), (20, D(1))],
    ),
]

QUESTIONS = [
    ("schaal", "Mijn werkplekbegeleider neemt genoeg tijd om mij te begeleiden.", ""),
    ("schaal", "Ik kan op school uitproberen wat ik op de opleiding leer.", ""),
    ("schaal", "School en opleiding stemmen mijn begeleiding goed op elkaar af.", ""),
    ("keuze", "Hoe vaak spreekt u uw schoolopleider?", "wekelijks\neens per twee weken\nmaandelijks\nminder vaak"),
    ("open", "Wat zou de begeleiding in uw cluster beter maken?", ""),
]
OPEN_ANSWERS = [
    "Vaker een vast moment met de schoolopleider.",
    "Meer tijd om lessen samen na te bespreken.",
    "Duidelijker wat de opleiding per periode vraagt.",
    "Intervisie met studenten van de andere scholen.",
    "",
]

CRITERIA = [
    ("Er is een opleidingsplan van de school dat past bij het kerndocument.", "leeromgeving"),
    ("Elke student heeft een geschoolde werkplekbegeleider.", "lerende_leraar"),
    ("De school faciliteert werkplekbegeleiders volgens de afgesproken norm.", "organisatie"),
    ("De school neemt deel aan de evaluaties van het partnerschap (enquête, panelgesprek).", "kwaliteitscultuur"),
]
REGION_CRITERIA = [
    ("Studenten krijgen een gevarieerde leeromgeving met ruimte voor onderzoek.", "leeromgeving"),
    ("De school heeft een aanspreekpunt voor startende leraren (inductie).", "lerende_leraar"),
]


def load(*, today: dt.date) -> None:
    p = Partnership.objects.filter(slug="groningen").first()
    if p is None:
        return
    clusters = list(p.clusters.order_by("name"))
    if len(clusters) < 2:
        return
    _goals(p, today)
    _calendar(p, today)
    _plans(p, clusters[:2], today)
    _survey(p, clusters, today)
    _reviews(p, today)
    _certification(p, today)


def _goals(p: Partnership, today: dt.date) -> None:
    owners = list(p.people.filter(roles__role=Role.PROGRAMME_LEAD).order_by("email"))
    for i, (title, safeguard, indicator, source, unit, baseline, target, days, points) in enumerate(GOALS):
        goal, _made = QualityGoal.objects.update_or_create(
            partnership=p,
            title=title,
            defaults={
                "safeguard": safeguard,
                "indicator": indicator,
                "source": source,
                "unit": unit,
                "baseline": baseline,
                "target": target,
                "deadline": today + dt.timedelta(days=days),
                "owner": owners[i % len(owners)] if owners else None,
            },
        )
        for ago, value in points:
            GoalMeasurement.objects.update_or_create(
                partnership=p, goal=goal, measured_on=today - dt.timedelta(days=ago), defaults={"value": value}
            )
        if source != QualityGoal.Source.MANUAL:
            value = selectors.indicator_value(p, source, today)
            if value is not None:
                GoalMeasurement.objects.update_or_create(
                    partnership=p,
                    goal=goal,
                    measured_on=today,
                    defaults={"value": value, "from_platform": True, "note": "Gemeten uit het platform"},
                )


def _calendar(p: Partnership, today: dt.date) -> None:
    year = schoolyear.current(today)
    first = schoolyear.first_year(year)
    for kind, title, day in [
        ("jaarplan", "Jaarplannen van de clusters klaar en besproken", dt.date(first, 10, 1)),
        ("tussenevaluatie", "Tussenevaluatie met de programmaleiding", dt.date(first + 1, 2, 1)),
        ("enquete", "Studentenenquête uitzetten bij alle clusters", dt.date(first + 1, 3, 2)),
        ("panelgesprek", "Panelgesprekken met school- en instituutsopleiders", dt.date(first + 1, 4, 14)),
        ("eindevaluatie", "Eindevaluatie en input voor het jaarplan daarna", dt.date(first + 1, 6, 15)),
    ]:
        CalendarEvent.objects.update_or_create(
            partnership=p,
            title=title,
            school_year=year,
            defaults={"kind": kind, "date": day, "done": day < today},
        )


def _plans(p: Partnership, clusters: list, today: dt.date) -> None:
    year = schoolyear.current(today)
    before = schoolyear.previous(year)
    for cluster in clusters:
        AnnualPlan.objects.update_or_create(
            partnership=p,
            cluster=cluster,
            school_year=before,
            defaults={
                "development": "Werkplekbegeleiders leren feedback geven met de nieuwe beoordelingsformulieren.",
                "activities": "Drie intervisiebijeenkomsten voor werkplekbegeleiders; een lesbezoek per student "
                "samen met de instituutsopleider.",
                "status": AnnualPlan.Status.DISCUSSED,
                "mid_evaluation": "De intervisie loopt; de lesbezoeken komen laat op gang.",
                "mid_evaluated_on": schoolyear.start(before) + dt.timedelta(days=180),
                "end_evaluation": "Feedback is concreter geworden. Studenten vragen om meer vaste momenten met de "
                "schoolopleider: dat is een doel voor volgend jaar.",
                "end_evaluated_on": schoolyear.end(before) - dt.timedelta(days=40),
            },
        )
        AnnualPlan.objects.update_or_create(
            partnership=p,
            cluster=cluster,
            school_year=year,
            defaults={
                "development": "Elke student heeft elke twee weken een vast gesprek met de schoolopleider.",
                "activities": "Rooster voor de gesprekken bij de start van het jaar; een gezamenlijke studiedag "
                "voor de scholen van het cluster in januari.",
                "status": AnnualPlan.Status.DISCUSSED,
                "mid_evaluation": "De vaste gesprekken lopen op twee van de scholen; op de andere nog niet.",
                "mid_evaluated_on": schoolyear.start(year) + dt.timedelta(days=150),
            },
        )


def _survey(p: Partnership, clusters: list, today: dt.date) -> None:
    year = schoolyear.current(today)
    survey, _made = Survey.objects.update_or_create(
        partnership=p,
        title=f"Studentenenquête {year}",
        defaults={
            "school_year": year,
            "intro": "Vertel ons hoe u de begeleiding in uw cluster ervaart. Het duurt vijf minuten.",
            "opens_on": today - dt.timedelta(days=20),
            "closes_on": today + dt.timedelta(days=20),
            "closed_on": None,
        },
    )
    if not survey.questions.exists():
        for order, (kind, text, options) in enumerate(QUESTIONS, start=1):
            SurveyQuestion.objects.create(
                partnership=p,
                survey=survey,
                order=order,
                kind=kind,
                text=text,
                options=options,
                required=kind != "open",
            )
    if survey.links.count() < len(clusters):
        services.links_make(survey=survey, actor=None)
    if survey.responses.exists():
        return
    questions = list(survey.questions.order_by("order"))
    big, small = clusters[0], clusters[1]
    schools = list(big.schools.order_by("name"))
    for i in range(11):
        school = schools[0] if i < 6 or len(schools) < 2 else schools[1]
        _respond(p, survey, big, school, questions, i, f"demo-{big.pk}-{i}")
    for i in range(3):
        _respond(p, survey, small, None, questions, i + 3, f"demo-{small.pk}-{i}")


def _respond(p, survey, cluster, school, questions, i: int, key: str) -> None:
    response = SurveyResponse.objects.create(partnership=p, survey=survey, cluster=cluster, school=school, key=key)
    for q in questions:
        if q.kind == "schaal":
            SurveyAnswer.objects.create(partnership=p, response=response, question=q, score=3 + (i + q.order) % 3)
        elif q.kind == "keuze":
            options = q.option_list
            SurveyAnswer.objects.create(partnership=p, response=response, question=q, choice=options[i % len(options)])
        elif OPEN_ANSWERS[i % len(OPEN_ANSWERS)]:
            SurveyAnswer.objects.create(
                partnership=p, response=response, question=q, text=OPEN_ANSWERS[i % len(OPEN_ANSWERS)]
            )


def _reviews(p: Partnership, today: dt.date) -> None:
    held = p.last_peer_review or dt.date(2021, 11, 15)
    last, _made = PeerReview.objects.update_or_create(
        partnership=p,
        title=f"Peer review {held.year}",
        defaults={
            "planned_on": held,
            "held_on": held,
            "outcome": PeerReview.Outcome.POSITIVE_WITH,
            "summary": "Het panel ziet een stevig partnerschap met korte lijnen. Het raadt aan de stem van "
            "studenten steviger in de cyclus op te nemen en de scholing van werkplekbegeleiders te borgen.",
        },
    )
    for name, role, organisation in [
        ("Marleen Hoekstra", "voorzitter", "Partnerschap Friesland"),
        ("Johan Bakker", "peer (programmaleider)", "Opleidingsschool Twente"),
        ("Sanne de Groot", "peer (instituutsopleider)", "Hogeschool Windesheim"),
        ("Yusuf Demir", "student-lid", "Pabo Zwolle"),
    ]:
        Panelist.objects.update_or_create(
            partnership=p, review=last, name=name, defaults={"role": role, "organisation": organisation}
        )
    if not last.recommendations.exists():
        owners = list(p.people.filter(roles__role=Role.PROGRAMME_LEAD).order_by("email"))
        owner = owners[0] if owners else None
        for text, safeguard, days, status in [
            ("Neem studenten op in de werkgroep kwaliteitszorg.", "kwaliteitscultuur", -200, Action.Status.DONE),
            (
                "Maak scholing begeleidingsvaardigheden verplicht voor nieuwe werkplekbegeleiders.",
                "lerende_leraar",
                90,
                Action.Status.IN_PROGRESS,
            ),
            ("Leg de facilitering van schoolopleiders vast in het convenant.", "organisatie", -30, Action.Status.OPEN),
        ]:
            rec = services.recommendation_add(
                review=last,
                text=text,
                safeguard=safeguard,
                owner=owner,
                deadline=today + dt.timedelta(days=days),
                actor=None,
            )
            if status != Action.Status.OPEN and rec.action:
                Action.objects.filter(pk=rec.action.pk).update(
                    status=status, done_on=today + dt.timedelta(days=days) if status == Action.Status.DONE else None
                )
    due = p.next_peer_review_due
    if due:
        nxt, _made = PeerReview.objects.update_or_create(
            partnership=p, title=f"Peer review {due.year}", defaults={"planned_on": due - dt.timedelta(days=30)}
        )
        for name, role in [("Nog te benoemen", "voorzitter")]:
            Panelist.objects.update_or_create(partnership=p, review=nxt, name=name, defaults={"role": role})


def _certification(p: Partnership, today: dt.date) -> None:
    own = []
    for order, (title, safeguard) in enumerate(CRITERIA, start=1):
        c, _made = CertificationCriterion.objects.update_or_create(
            partnership=p, title=title, defaults={"order": order, "safeguard": safeguard}
        )
        own.append(c)
    region = Region.objects.filter(slug="onderwijsregio-groningen").first()
    shared = []
    if region is not None:
        for order, (title, safeguard) in enumerate(REGION_CRITERIA, start=1):
            c, _made = CertificationCriterion.objects.update_or_create(
                region=region, partnership=None, title=title, defaults={"order": order, "safeguard": safeguard}
            )
            shared.append(c)
    criteria = shared + own
    schools = list(selectors.partner_schools(p)[:6])
    plans = [
        (900, "gecertificeerd", 700, "voldaan"),
        (800, "gecertificeerd", 60, "voldaan"),  # due for re-certification soon: the reminder goes out
        (1200, "gecertificeerd", -20, "voldaan"),  # expired
        (300, "voorwaardelijk", 400, "deels"),
        (100, "niet", None, "niet"),
        (10, "loopt", None, ""),
    ]
    for school, (ago, outcome, valid, verdict) in zip(schools, plans, strict=False):
        cert, _made = SchoolCertification.objects.update_or_create(
            partnership=p,
            school=school,
            assessed_on=today - dt.timedelta(days=ago),
            defaults={
                "outcome": outcome,
                "valid_until": today + dt.timedelta(days=valid) if valid is not None else None,
                "assessors": "Programmaleiding en een schoolopleider van een ander cluster",
            },
        )
        for k, criterion in enumerate(criteria):
            this = verdict if (k % 2 == 0 or verdict in ("", "voldaan")) else "voldaan"
            CriterionAssessment.objects.update_or_create(
                partnership=p,
                certification=cert,
                criterion=criterion,
                defaults={
                    "verdict": this,
                    "evidence": "Gesprek met de directeur en het opleidingsplan van de school." if this else "",
                },
            )
