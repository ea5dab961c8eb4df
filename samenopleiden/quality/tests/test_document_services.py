"""Services of the document part against the real database: the framework loader, starting the document, saving
sections with versions and the optimistic lock, feedback, comments, the approval, the logo check."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from samenopleiden.core.errors import DomainError, StaleObjectError
from samenopleiden.core.models import HistoryEntry
from samenopleiden.quality import framework_data
from samenopleiden.quality import services_document as services
from samenopleiden.quality.models import (
    CoreSection,
    DocumentApproval,
    Element,
    MinimumItem,
    Safeguard,
    SectionComment,
    SectionVersion,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def document(partnership, programme_lead):
    return services.document_start(
        partnership=partnership,
        title="Kerndocument",
        goal="Klaar vóór de peer review",
        project_lead=programme_lead,
        actor=programme_lead.user,
    )


def png(size=(20, 10)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, format="PNG")
    return out.getvalue()


def test_framework_has_four_safeguards_eleven_elements_and_four_minimum_items():
    assert list(Safeguard.objects.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert Element.objects.count() == 11
    assert MinimumItem.objects.count() == 4
    for element in Element.objects.all():
        assert len(element.question_list) >= 4, element.name


def test_framework_load_is_idempotent_and_keeps_edits():
    element = Element.objects.get(code="ontwerp")
    element.questions = "Eigen vraag van de beheerder?"
    element.save()
    assert services.framework_load() == 0
    element.refresh_from_db()
    assert element.question_list == ["Eigen vraag van de beheerder?"]


def test_start_makes_one_section_per_element_plus_vision(document):
    sections = list(document.sections.all())
    assert len(sections) == len(framework_data.ELEMENTS) + 1
    assert sections[0].safeguard.number == 1 and sections[0].element is None
    assert all(s.status == CoreSection.Status.EMPTY for s in sections)


def test_a_second_document_is_refused(document, partnership, programme_lead):
    with pytest.raises(DomainError):
        services.document_start(partnership=partnership, title="Nog een", actor=programme_lead.user)


def test_project_lead_of_another_partnership_is_refused(partnership, outsider):
    with pytest.raises(DomainError):
        services.document_start(partnership=partnership, title="X", project_lead=outsider, actor=None)


def test_saving_text_keeps_a_version_and_moves_out_of_empty(document, programme_lead):
    section = document.sections.get(element__code="ontwerp")
    services.section_save(
        section=section, changes={"body": "Eerste tekst"}, expected_version=section.version, actor=programme_lead.user
    )
    services.section_save(
        section=section, changes={"body": "Tweede tekst"}, expected_version=section.version, actor=programme_lead.user
    )
    section.refresh_from_db()
    assert section.status == CoreSection.Status.EDITING
    assert list(section.versions.values_list("number", "body")) == [(2, "Tweede tekst"), (1, "Eerste tekst")]


def test_two_editors_never_overwrite_each_other(document, programme_lead, educator):
    section = document.sections.get(element__code="ontwerp")
    opened_version = section.version
    first = CoreSection.objects.get(pk=section.pk)
    services.section_save(section=first, changes={"body": "Tekst van A"}, expected_version=opened_version, actor=None)
    second = CoreSection.objects.get(pk=section.pk)
    with pytest.raises(StaleObjectError):
        services.section_save(
            section=second, changes={"body": "Tekst van B"}, expected_version=opened_version, actor=None
        )
    section.refresh_from_db()
    assert section.body == "Tekst van A"
    assert SectionVersion.objects.filter(section=section).count() == 1


def test_only_known_questions_can_be_ticked(document):
    section = document.sections.get(element__code="ontwerp")
    question = section.questions[0]
    services.section_save(
        section=section, changes={"addressed": [question, "verzonnen vraag"]}, expected_version=None, actor=None
    )
    section.refresh_from_db()
    assert section.addressed == [question]


def test_comment_on_adopted_section_is_refused(document):
    section = document.sections.first()
    section.status = CoreSection.Status.ADOPTED
    section.save()
    with pytest.raises(DomainError, match="vastgesteld"):
        services.comment_add(section=section, body="Nog een punt", actor=None)
    assert not SectionComment.objects.exists()


def test_replies_thread_under_the_first_comment(document, programme_lead):
    section = document.sections.first()
    top = services.comment_add(section=section, body="Punt", actor=programme_lead.user)
    reply = services.comment_add(section=section, body="Antwoord", parent=top, actor=programme_lead.user)
    deeper = services.comment_add(section=section, body="Nog een", parent=reply, actor=programme_lead.user)
    assert reply.parent == top and deeper.parent == top
    services.comment_resolve(comment=top, actor=programme_lead.user)
    top.refresh_from_db()
    assert top.resolved


def test_feedback_round_puts_sections_up_for_feedback(document, programme_lead, reader):
    sections = list(document.sections.all()[:2])
    feedback = services.round_create(
        document=document,
        title="Ronde 1",
        deadline=TODAY + dt.timedelta(days=14),
        sections=sections,
        reviewers=[reader],
        actor=programme_lead.user,
        today=TODAY,
    )
    assert set(feedback.reviewers.all()) == {reader}
    assert set(document.sections.filter(status=CoreSection.Status.FEEDBACK)) == set(sections)


def test_feedback_round_in_the_past_or_without_reviewers_is_refused(document, reader):
    sections = list(document.sections.all()[:1])
    with pytest.raises(DomainError):
        services.round_create(
            document=document,
            title="R",
            deadline=TODAY - dt.timedelta(days=1),
            sections=sections,
            reviewers=[reader],
            actor=None,
            today=TODAY,
        )
    with pytest.raises(DomainError):
        services.round_create(
            document=document, title="R", deadline=TODAY, sections=sections, reviewers=[], actor=None, today=TODAY
        )


def test_approval_adopts_written_sections_and_keeps_their_versions(document, programme_lead):
    written = document.sections.get(element__code="ontwerp")
    services.section_save(section=written, changes={"body": "Tekst"}, expected_version=None, actor=None)
    approval = services.approval_record(
        document=document,
        approved_by="Bestuurlijk overleg",
        approved_on=TODAY,
        actor=programme_lead.user,
        today=TODAY,
    )
    written.refresh_from_db()
    assert written.status == CoreSection.Status.ADOPTED
    assert approval.version_label == "1.0"
    assert approval.section_versions == {str(written.pk): 1}
    assert document.sections.filter(status=CoreSection.Status.EMPTY).count() == document.sections.count() - 1
    assert HistoryEntry.objects.filter(object_type="documentapproval").exists()


def test_approval_of_an_empty_document_is_refused(document):
    with pytest.raises(DomainError, match="leeg"):
        services.approval_record(document=document, approved_by="BO", approved_on=TODAY, actor=None, today=TODAY)
    assert not DocumentApproval.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"x" * (services.LOGO_MAX_BYTES + 1), "groter dan 2 MB"), (b"%PDF-1.4 geen plaatje", "geen afbeelding")],
)
def test_bad_logo_is_refused(document, content, message):
    with pytest.raises(DomainError, match=message):
        services.document_set_logo(document=document, content=content, actor=None)
    document.refresh_from_db()
    assert not document.logo


def test_good_logo_is_kept(document):
    services.document_set_logo(document=document, content=png(), actor=None)
    document.refresh_from_db()
    assert document.logo_type == "image/png"


def test_minimum_items_keep_only_known_codes(document):
    services.document_set_minimum(document=document, codes=["vastgelegd", "onzin"], actor=None)
    document.refresh_from_db()
    assert document.minimum_met == ["vastgelegd"]


def test_norm_save_updates_the_norm_of_a_role(partnership):
    services.norm_save(partnership=partnership, role="workplace_supervisor", hours_per_student=40, actor=None)
    services.norm_save(partnership=partnership, role="workplace_supervisor", hours_per_student=35, actor=None)
    assert list(partnership.facilitation_norms.values_list("hours_per_student", flat=True)) == [35]
