"""Writes of the document part: the framework loader, the core document as a project, its sections (with a version
on every save and the optimistic lock), feedback rounds and comments, the approval, the logo, facilitation norms.

Services take the partnership's rows and the actor explicitly, never a request; a broken rule raises DomainError
with a Dutch message and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError

from . import framework_data

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
BODY_MAX_CHARS = 200_000

SAFEGUARD_FIELDS = ("number", "name", "description", "questions", "tips", "suggested_words")
ELEMENT_FIELDS = ("order", "name", "description", "questions", "tips", "suggested_words")


# --- the framework ---------------------------------------------------------------------------------------------


def framework_load(safeguard_model: Any = None, element_model: Any = None, minimum_model: Any = None) -> int:
    """Adds the safeguards, elements and minimum items of `framework_data` that are missing (by code); never
    overwrites a row the platform administrator edited. Models may be passed (a migration's historical models).
    Returns the number of rows added."""
    if safeguard_model is None:
        from .models import Element, MinimumItem, Safeguard

        safeguard_model, element_model, minimum_model = Safeguard, Element, MinimumItem
    added = 0
    safeguards = {}
    for row in framework_data.SAFEGUARDS:
        obj, created = safeguard_model.objects.get_or_create(
            code=row["code"], defaults={k: row[k] for k in SAFEGUARD_FIELDS}
        )
        safeguards[row["code"]] = obj
        added += created
    for row in framework_data.ELEMENTS:
        _obj, created = element_model.objects.get_or_create(
            code=row["code"],
            defaults={"safeguard": safeguards[row["safeguard"]], **{k: row[k] for k in ELEMENT_FIELDS}},
        )
        added += created
    for row in framework_data.MINIMUM_ITEMS:
        _obj, created = minimum_model.objects.get_or_create(
            code=row["code"], defaults={"order": row["order"], "text": row["text"]}
        )
        added += created
    return added


# --- the document as a project ---------------------------------------------------------------------------------


def _person_of(partnership: Any, person: Any) -> None:
    if person is not None and person.partnership_id != partnership.pk:
        raise DomainError(_("Kies iemand van dit partnerschap."))


@transaction.atomic
def document_start(
    *,
    partnership: Any,
    title: str,
    goal: str = "",
    project_lead: Any = None,
    target_date: dt.date | None = None,
    actor: Any,
) -> Any:
    """Starts the core document with one empty section for the first safeguard and one per element."""
    from .models import CoreDocument, CoreSection, Element, Safeguard

    if CoreDocument.objects.filter(partnership=partnership).exists():
        raise DomainError(_("Dit partnerschap heeft al een kerndocument."))
    _person_of(partnership, project_lead)
    if not Safeguard.objects.exists():
        framework_load()
    document = CoreDocument(
        partnership=partnership, title=title, goal=goal, project_lead=project_lead, target_date=target_date
    )
    editing.create(document, actor=actor, partnership=partnership)
    safeguards = {s.code: s for s in Safeguard.objects.all()}
    elements = {e.code: e for e in Element.objects.all()}
    rows = []
    for order, row in enumerate(framework_data.START_SECTIONS):
        safeguard = safeguards.get(row["safeguard"])
        element = elements.get(row["element"]) if row["element"] else None
        if element is not None:
            safeguard = element.safeguard
        if safeguard is None:
            continue
        rows.append(
            CoreSection(
                partnership=partnership,
                document=document,
                safeguard=safeguard,
                element=element,
                order=order,
                title=element.name if element else row["title"],
                suggested_words=(element or safeguard).suggested_words or 600,
            )
        )
    CoreSection.objects.bulk_create(rows)
    return document


@transaction.atomic
def document_update(
    *,
    document: Any,
    changes: dict[str, Any],
    writing_group: list | None = None,
    expected_version: int | None,
    actor: Any,
) -> Any:
    _person_of(document.partnership, changes.get("project_lead"))
    for person in writing_group or []:
        _person_of(document.partnership, person)
    editing.apply_changes(
        document, changes=changes, actor=actor, partnership=document.partnership, expected_version=expected_version
    )
    if writing_group is not None:
        before = sorted(str(p) for p in document.writing_group.all())
        document.writing_group.set(writing_group)
        after = sorted(str(p) for p in writing_group)
        if before != after:
            history.record(actor=actor, obj=document, action="changed", changes={"writing_group": [before, after]})
    return document


def check_logo(content: bytes) -> str:
    """The MIME type of a logo that may be used, or a DomainError: too large, or not a PNG or JPEG image."""
    if len(content) > LOGO_MAX_BYTES:
        raise DomainError(_("Het logo is groter dan 2 MB. Kies een kleiner bestand."))
    try:
        from PIL import Image

        with Image.open(io.BytesIO(content)) as image:
            kind = image.format
            image.verify()
    except Exception as exc:
        raise DomainError(_("Dit bestand is geen afbeelding. Kies een logo in PNG of JPEG.")) from exc
    if kind not in LOGO_TYPES:
        raise DomainError(_("Dit bestand is geen afbeelding. Kies een logo in PNG of JPEG."))
    return LOGO_TYPES[kind]


@transaction.atomic
def document_set_logo(*, document: Any, content: bytes | None, actor: Any) -> Any:
    """Sets the logo (checked first) or removes it (`content` None)."""
    if content is None:
        document.logo, document.logo_type = None, ""
        change = "removed"
    else:
        document.logo_type = check_logo(content)
        document.logo = content
        change = "set"
    document.save(update_fields=["logo", "logo_type", "updated_at"])
    history.record(actor=actor, obj=document, action="changed", changes={"logo": change})
    return document


@transaction.atomic
def document_set_minimum(*, document: Any, codes: list[str], actor: Any) -> Any:
    from .models import MinimumItem

    known = set(MinimumItem.objects.values_list("code", flat=True))
    chosen = sorted(set(codes) & known)
    if chosen != sorted(document.minimum_met or []):
        history.record(
            actor=actor, obj=document, action="changed", changes={"minimum_met": [document.minimum_met, chosen]}
        )
        document.minimum_met = chosen
        document.save(update_fields=["minimum_met", "updated_at"])
    return document


# --- sections --------------------------------------------------------------------------------------------------


@transaction.atomic
def section_create(
    *, document: Any, safeguard: Any, element: Any = None, title: str, writer: Any = None, actor: Any
) -> Any:
    from .models import CoreSection

    _person_of(document.partnership, writer)
    if element is not None and element.safeguard_id != safeguard.pk:
        raise DomainError(_("Dit onderdeel hoort bij een andere waarborg."))
    last = document.sections.aggregate(top=Max("order"))["top"] or 0
    section = CoreSection(
        partnership=document.partnership,
        document=document,
        safeguard=safeguard,
        element=element,
        title=title,
        writer=writer,
        order=last + 1,
        suggested_words=(element.suggested_words if element else safeguard.suggested_words) or 600,
    )
    return editing.create(section, actor=actor, partnership=document.partnership)


def _next_number(section: Any) -> int:
    return (section.versions.aggregate(top=Max("number"))["top"] or 0) + 1


@transaction.atomic
def section_save(
    *, section: Any, changes: dict[str, Any], expected_version: int | None, actor: Any, keep_version: bool = True
) -> Any:
    """Saves the section (title, text, status, writer, suggested length, ticked questions) over the version the
    editor was opened on; someone else's newer save raises StaleObjectError and nothing is saved. A changed text
    keeps a version."""
    from .models import CoreSection, SectionVersion

    stored = CoreSection.objects.select_for_update().get(pk=section.pk)
    if "writer" in changes:
        _person_of(section.partnership, changes["writer"])
    if len(changes.get("body", "") or "") > BODY_MAX_CHARS:
        raise DomainError(_("De tekst is te lang voor één sectie. Verdeel hem over meer secties."))
    if "addressed" in changes:
        allowed = set(section.questions)
        changes["addressed"] = [q for q in changes["addressed"] if q in allowed]
    text_changed = ("body" in changes and changes["body"] != stored.body) or (
        "title" in changes and changes["title"] != stored.title
    )
    if changes.get("status") == CoreSection.Status.EMPTY and (changes.get("body", stored.body) or "").strip():
        changes["status"] = CoreSection.Status.EDITING
    if (
        "body" in changes
        and (changes["body"] or "").strip()
        and changes.get("status", stored.status) == CoreSection.Status.EMPTY
    ):
        changes["status"] = CoreSection.Status.EDITING
    editing.apply_changes(
        section, changes=changes, actor=actor, partnership=section.partnership, expected_version=expected_version
    )
    if keep_version and text_changed:
        SectionVersion.objects.create(
            partnership=section.partnership,
            section=section,
            number=_next_number(section),
            title=section.title,
            body=section.body,
            saved_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
    return section


@transaction.atomic
def section_delete(*, section: Any, actor: Any) -> None:
    if section.status == section.Status.ADOPTED:
        raise DomainError(_("Een vastgestelde sectie kan niet worden verwijderd."))
    history.record(actor=actor, obj=section, action="deleted")
    section.delete()


# --- feedback ----------------------------------------------------------------------------------------------------


@transaction.atomic
def round_create(
    *,
    document: Any,
    title: str,
    deadline: dt.date,
    message: str = "",
    sections: list,
    reviewers: list,
    actor: Any,
    today: dt.date,
) -> Any:
    """Asks the named reviewers for comments on `sections` by `deadline`; those sections go to "ter feedback"."""
    from .models import CoreSection, FeedbackRound

    if deadline < today:
        raise DomainError(_("De uiterste datum ligt in het verleden."))
    if not sections:
        raise DomainError(_("Kies minstens één sectie."))
    if not reviewers:
        raise DomainError(_("Kies minstens één lezer."))
    for section in sections:
        if section.document_id != document.pk:
            raise DomainError(_("Kies secties van dit kerndocument."))
        if section.status == CoreSection.Status.ADOPTED:
            raise DomainError(
                _("De sectie ‘%(title)s’ is vastgesteld en kan niet meer ter feedback worden voorgelegd.")
                % {"title": section.title}
            )
    for person in reviewers:
        _person_of(document.partnership, person)
    feedback = FeedbackRound(
        partnership=document.partnership,
        document=document,
        title=title,
        deadline=deadline,
        message=message,
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    editing.full_clean(feedback)
    feedback.save()
    feedback.sections.set(sections)
    feedback.reviewers.set(reviewers)
    CoreSection.objects.filter(pk__in=[s.pk for s in sections]).exclude(status=CoreSection.Status.ADOPTED).update(
        status=CoreSection.Status.FEEDBACK
    )
    history.record(
        actor=actor,
        obj=feedback,
        action="created",
        partnership=document.partnership,
        changes={
            "deadline": deadline,
            "sections": [s.title for s in sections],
            "reviewers": [str(p) for p in reviewers],
        },
    )
    return feedback


def _name(actor: Any) -> str:
    full = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return full or getattr(actor, "username", "") or _("onbekend")


@transaction.atomic
def comment_add(*, section: Any, body: str, actor: Any, parent: Any = None) -> Any:
    from .models import CoreSection, SectionComment

    if section.status == CoreSection.Status.ADOPTED:
        raise DomainError(_("Deze sectie is vastgesteld. Er kunnen geen opmerkingen meer bij worden geplaatst."))
    text = (body or "").strip()
    if not text:
        raise DomainError(_("Schrijf een opmerking."))
    if len(text) > 5000:
        raise DomainError(_("Een opmerking is ten hoogste 5000 tekens lang."))
    if parent is not None:
        if parent.section_id != section.pk:
            raise DomainError(_("Deze reactie hoort bij een andere sectie."))
        parent = parent.parent or parent  # one level of threading: a reply to a reply joins the same thread
    comment = SectionComment.objects.create(
        partnership=section.partnership,
        section=section,
        parent=parent,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        author_name=_name(actor)[:200],
        body=text,
    )
    history.record(actor=actor, obj=comment, action="created", partnership=section.partnership)
    return comment


@transaction.atomic
def comment_resolve(*, comment: Any, actor: Any, resolved: bool = True) -> Any:
    if comment.parent_id:
        raise DomainError(_("Alleen een opmerking zelf wordt afgehandeld, niet een reactie erop."))
    comment.resolved = resolved
    comment.resolved_by = actor if resolved and getattr(actor, "is_authenticated", False) else None
    comment.save(update_fields=["resolved", "resolved_by"])
    history.record(
        actor=actor, obj=comment, action="changed", partnership=comment.partnership, changes={"resolved": resolved}
    )
    return comment


# --- approval ------------------------------------------------------------------------------------------------------


@transaction.atomic
def approval_record(
    *,
    document: Any,
    approved_by: str,
    approved_on: dt.date,
    body: Any = None,
    note: str = "",
    actor: Any,
    today: dt.date,
) -> Any:
    """Records that the board meeting adopted the document as it stands: every section with text is adopted and its
    current version kept with the approval."""
    from .models import CoreSection, DocumentApproval, SectionVersion

    if approved_on > today:
        raise DomainError(_("Een vaststelling ligt niet in de toekomst."))
    if body is not None and body.partnership_id != document.partnership_id:
        raise DomainError(_("Kies een gremium van dit partnerschap."))
    sections = list(document.sections.all())
    written = [s for s in sections if (s.body or "").strip()]
    if not written:
        raise DomainError(_("Het kerndocument is nog leeg; er valt niets vast te stellen."))
    numbers = {}
    for section in written:
        latest = section.versions.order_by("-number").first()
        if latest is None or latest.body != section.body or latest.title != section.title:
            latest = SectionVersion.objects.create(
                partnership=document.partnership,
                section=section,
                number=_next_number(section),
                title=section.title,
                body=section.body,
                saved_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
        numbers[str(section.pk)] = latest.number
    label = f"{document.approvals.count() + 1}.0"
    approval = DocumentApproval(
        partnership=document.partnership,
        document=document,
        body=body,
        approved_by=approved_by,
        approved_on=approved_on,
        version_label=label,
        section_versions=numbers,
        note=note,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    editing.full_clean(approval)
    approval.save()
    CoreSection.objects.filter(pk__in=[s.pk for s in written]).update(status=CoreSection.Status.ADOPTED)
    history.record(
        actor=actor,
        obj=approval,
        action="created",
        partnership=document.partnership,
        changes={"approved_by": approved_by, "approved_on": approved_on, "version": label},
    )
    return approval


@transaction.atomic
def section_reopen(*, section: Any, actor: Any, expected_version: int | None = None) -> Any:
    """An adopted section back to "in bewerking" (a new version of the document is being written)."""
    if section.status != section.Status.ADOPTED:
        return section
    return editing.apply_changes(
        section,
        changes={"status": section.Status.EDITING},
        actor=actor,
        partnership=section.partnership,
        expected_version=expected_version,
    )


# --- facilitation norms ---------------------------------------------------------------------------------------------


@transaction.atomic
def norm_save(*, partnership: Any, role: str, hours_per_student: Any, note: str = "", actor: Any) -> Any:
    from .models import FacilitationNorm

    norm = FacilitationNorm.objects.filter(partnership=partnership, role=role).first()
    if norm is None:
        return editing.create(
            FacilitationNorm(partnership=partnership, role=role, hours_per_student=hours_per_student, note=note),
            actor=actor,
            partnership=partnership,
        )
    return editing.apply_changes(
        norm, changes={"hours_per_student": hours_per_student, "note": note}, actor=actor, partnership=partnership
    )


@transaction.atomic
def norm_delete(*, norm: Any, actor: Any) -> None:
    history.record(actor=actor, obj=norm, action="deleted")
    norm.delete()
