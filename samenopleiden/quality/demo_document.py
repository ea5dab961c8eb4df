"""Demo data of the quality module: the framework and the core document. `demo.py` combines the parts.

For the Groningen partnership (seed 003): facilitation norms, and a core document in progress toward its next peer
review: the vision adopted last year (version 1.0), sections in every status, a feedback round with reviewers from a
school board, a school and the institute, threaded comments (one resolved). Idempotent: natural keys, get_or_create
and update_or_create; dates follow `today`.
"""

from __future__ import annotations

import datetime as dt

from samenopleiden.registry.models import Body, Partnership, Person, Role

from . import services_document as services
from .models import CoreDocument, CoreSection, DocumentApproval, FacilitationNorm, FeedbackRound, SectionComment

NORMS = [
    (Role.WORKPLACE_SUPERVISOR, "40", "Per student per studiejaar, bovenop de eigen lestaak."),
    (Role.SCHOOL_TEACHER_EDUCATOR, "20", "Per student; de schoolopleider begeleidt het hele cluster."),
    (Role.INSTITUTE_TEACHER_EDUCATOR, "12", "Per student, in koppel met de schoolopleider."),
    (Role.ASSESSOR, "4", "Per beoordeling van een vierdejaars."),
    (Role.SCHOOL_COORDINATOR, "8", "Per cluster per maand, voor coördinatie."),
]

SECTIONS = {
    "Visie en beroepsbeeld": (
        CoreSection.Status.ADOPTED,
        "Acht besturen en de pabo van NHL Stenden leiden samen leraren op voor Groningen en de kop van Drenthe. "
        "Wij zien de leraar als een onderzoekende professional die blijft leren, in een team en in de wijk.\n\n"
        "## Wat ons bindt\n\n"
        "- Opleiden doen we in **koppels**: een schoolopleider en een instituutsopleider per cluster.\n"
        "- Studenten van jaar 1 tot en met 3 leren samen in jaargroep-doorbroken leergemeenschappen.\n"
        "- De vierdejaars sluiten aan bij de begeleiding van startende leraren van hun bestuur.\n\n"
        "[[gegevens:profiel]]\n",
    ),
    "In- en doorstroom": (
        CoreSection.Status.FEEDBACK,
        "Elk opleidingscluster bestaat uit ten hoogste vier scholen van één bestuur, samen goed voor ongeveer "
        "twaalf opleidingsplaatsen. Studenten komen uit de voltijdopleiding (lesplaats Groningen), de deeltijd "
        "(lesplaats Assen) en de academische pabo.\n\n"
        "[[gegevens:capaciteit]]\n\n"
        "[[gegevens:categorieen]]\n\n"
        "Plaatsing gebeurt in een stagemarkt in het voorjaar: studenten en scholen geven hun voorkeuren op, de "
        "programmaleiding maakt de indeling en zorgt voor een warme overdracht.\n",
    ),
    "Ontwerp": (
        CoreSection.Status.EDITING,
        "De ontwerpprincipes volgen uit onze visie: leren in de praktijk, samen onderzoeken en werken aan de eigen "
        "ontwikkelvragen van de student.\n\nDe leeractiviteiten: werkplekleren, leergemeenschappen, praktijkdagen "
        "en opdrachten die de school verder helpen.\n",
    ),
    "Opleidings- en begeleidingsprogramma's": (CoreSection.Status.EMPTY, ""),
    "Feedback en beoordeling": (CoreSection.Status.EMPTY, ""),
    "Organisatiestructuur": (
        CoreSection.Status.FEEDBACK,
        "De stuurgroep besluit; het bestuurdersnetwerk bespreekt de koers en de groei; de programmaleiding is een "
        "koppel van bestuur en opleiding.\n\n[[gegevens:organisatie]]\n",
    ),
    "Rollen, competenties en verantwoordelijkheden": (
        CoreSection.Status.EDITING,
        "Per cluster werken een geschoolde schoolopleider en een instituutsopleider samen. Elke mentor volgt de "
        "scholing begeleidingsvaardigheden.\n\n[[gegevens:rollen]]\n",
    ),
    "Professionele ontwikkeling": (
        CoreSection.Status.EDITING,
        "Trainingen worden verzorgd door een koppel van trainers uit bestuur en opleiding.\n\n"
        "[[gegevens:bekwaamheden]]\n",
    ),
}

COMMENTS = [
    (
        "In- en doorstroom",
        "Noem ook hoe we zij-instromers plaatsen; die vallen nu buiten de stagemarkt.",
        True,
        "Toegevoegd in de alinea over plaatsing.",
    ),
    ("In- en doorstroom", "Kunnen we de verdeelsleutel tussen de besturen hier opnemen?", False, ""),
    ("Organisatiestructuur", "Het organogram mist de werkgroep van schoolopleiders.", False, ""),
]


def _people(partnership: Partnership) -> dict[str, Person | None]:
    def first(**filters) -> Person | None:
        return partnership.people.filter(**filters).order_by("email").first()

    return {
        "lead": first(roles__role=Role.PROGRAMME_LEAD),
        "steering": first(roles__role=Role.STEERING_MEMBER),
        "school": first(roles__role=Role.SCHOOL_TEACHER_EDUCATOR),
        "institute": first(roles__role=Role.INSTITUTE_TEACHER_EDUCATOR),
        "mentor": first(roles__role=Role.WORKPLACE_SUPERVISOR),
        "board": first(roles__role=Role.BOARD_MEMBER),
    }


def load(*, today: dt.date) -> None:
    services.framework_load()
    partnership = Partnership.objects.filter(slug="groningen").first()
    if partnership is None:
        return
    for role, hours, note in NORMS:
        FacilitationNorm.objects.update_or_create(
            partnership=partnership, role=role, defaults={"hours_per_student": hours, "note": note}
        )
    people = _people(partnership)
    document = CoreDocument.objects.filter(partnership=partnership).first()
    if document is None:
        document = services.document_start(
            partnership=partnership,
            title="Kerndocument Samen Opleiden SOPI Groningen",
            goal="Een kerndocument dat alle partners herkennen, vastgesteld in het bestuurlijk overleg ruim vóór de "
            "peer review.",
            project_lead=people["lead"],
            target_date=None,
            actor=None,
        )
    due = partnership.next_peer_review_due
    document.target_date = (due - dt.timedelta(days=90)) if due else today + dt.timedelta(days=200)
    document.summary = (
        "Het partnerschap leidt samen met de pabo leraren op in clusters van scholen van één bestuur, met "
        "koppels van school- en instituutsopleiders. Dit document beschrijft per waarborg hoe dat gaat."
    )
    document.minimum_met = ["gezamenlijk-programma", "werkplek-leeromgeving"]
    document.save()
    document.writing_group.set([p for p in (people["lead"], people["school"], people["institute"]) if p])
    sections = {s.title: s for s in document.sections.all()}
    writers = [people["school"], people["institute"], people["lead"]]
    for index, (title, (status, body)) in enumerate(SECTIONS.items()):
        section = sections.get(title)
        if section is None:
            continue
        section.status = status
        section.body = body
        section.writer = writers[index % len(writers)]
        section.addressed = section.questions[: 2 + index % 3] if body else []
        section.save()
        if body and not section.versions.exists():
            first_text = body.split("\n\n")[0]
            section.versions.create(partnership=partnership, number=1, title=title, body=first_text)
            section.versions.create(partnership=partnership, number=2, title=title, body=body)
    steering = Body.objects.filter(partnership=partnership, kind=Body.Kind.BOARD_NETWORK).first()
    DocumentApproval.objects.get_or_create(
        document=document,
        version_label="1.0",
        defaults={
            "partnership": partnership,
            "body": steering,
            "approved_by": "Bestuurlijk overleg van de acht besturen en NHL Stenden",
            "approved_on": today - dt.timedelta(days=300),
            "section_versions": {str(sections["Visie en beroepsbeeld"].pk): 2}
            if "Visie en beroepsbeeld" in sections
            else {},
            "note": "Visie en beroepsbeeld vastgesteld; de overige hoofdstukken volgen.",
        },
    )
    reviewers = [p for p in (people["steering"], people["school"], people["institute"], people["mentor"]) if p]
    feedback, created = FeedbackRound.objects.get_or_create(
        document=document,
        title="Eerste lezing leeromgeving en organisatie",
        defaults={
            "partnership": partnership,
            "deadline": today + dt.timedelta(days=10),
            "message": "Herken je de praktijk van jouw school of opleiding? Wat ontbreekt?",
        },
    )
    if created:
        feedback.sections.set([sections[t] for t in ("In- en doorstroom", "Organisatiestructuur") if t in sections])
        feedback.reviewers.set(reviewers)
    for title, body, resolved, reply in COMMENTS:
        section = sections.get(title)
        if section is None:
            continue
        author = people["steering"] or people["lead"]
        comment, _ = SectionComment.objects.get_or_create(
            section=section,
            body=body,
            parent=None,
            defaults={
                "partnership": partnership,
                "author": author.user if author else None,
                "author_name": str(author) if author else "Stuurgroep",
                "resolved": resolved,
            },
        )
        if reply:
            writer = section.writer or people["lead"]
            SectionComment.objects.get_or_create(
                section=section,
                parent=comment,
                body=reply,
                defaults={
                    "partnership": partnership,
                    "author": writer.user if writer else None,
                    "author_name": str(writer) if writer else "Schrijver",
                },
            )
