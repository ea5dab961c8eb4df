"""Live data blocks, completeness and the export of the core document."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from samenopleiden.core import documents
from samenopleiden.core.errors import DomainError
from samenopleiden.quality import document_report
from samenopleiden.quality import selectors_document as selectors
from samenopleiden.quality import services_document as services
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import CredentialFactory, PersonFactory, RoleAssignmentFactory

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("", []),
        ("Alleen tekst", [("md", "Alleen tekst")]),
        ("Voor\n[[gegevens:profiel]]\nNa", [("md", "Voor"), ("block", "profiel"), ("md", "Na")]),
        ("  [[gegevens:rollen]]  ", [("block", "rollen")]),
        ("In een zin [[gegevens:rollen]] telt niet", [("md", "In een zin [[gegevens:rollen]] telt niet")]),
    ],
)
def test_split_body(text, pieces):
    assert selectors.split_body(text) == pieces


@given(st.text(max_size=200))
def test_split_body_loses_no_text(text):
    pieces = selectors.split_body(text)
    kept = "\n".join(v for kind, v in pieces if kind == "md")
    others = [line for line in text.splitlines() if not selectors.MARKER.match(line)]
    assert kept == "\n".join(others)


@pytest.fixture
def document(partnership, programme_lead):
    return services.document_start(partnership=partnership, title="Kerndocument", actor=None)


@pytest.mark.django_db
def test_credentials_block_counts_the_share_of_trained_mentors(partnership):
    for i in range(4):
        person = PersonFactory(partnership=partnership)
        RoleAssignmentFactory(person=person, partnership=partnership, role=Role.WORKPLACE_SUPERVISOR)
        if i < 3:
            CredentialFactory(
                person=person,
                partnership=partnership,
                kind="supervision",
                expires_on=TODAY + dt.timedelta(days=10) if i < 2 else TODAY - dt.timedelta(days=1),
            )
    block = selectors.live_block(partnership, "bekwaamheden", today=TODAY)
    assert block.rows[0][2:] == ["2 / 4", "50%"]


@pytest.mark.django_db
def test_roles_block_shows_the_facilitation_hours(partnership, educator):
    services.norm_save(partnership=partnership, role=Role.SCHOOL_TEACHER_EDUCATOR, hours_per_student=20, actor=None)
    block = selectors.live_block(partnership, "rollen", today=TODAY)
    row = next(r for r in block.rows if r[0] == "schoolopleider")
    assert row[2] == "1" and row[3] == "20"


@pytest.mark.django_db
def test_student_block_is_hidden_without_the_right(partnership):
    block = selectors.live_block(partnership, "categorieen", today=TODAY, with_students=False)
    assert not block.rows and "zichtbaar" in block.note


@pytest.mark.django_db
def test_unknown_block_says_so(partnership):
    assert "geen gegevensblok" in selectors.live_block(partnership, "onzin", today=TODAY).note


@pytest.mark.django_db
def test_completeness_counts_empty_sections_and_open_questions(document):
    section = document.sections.get(element__code="ontwerp")
    services.section_save(
        section=section,
        changes={"body": "Tekst", "addressed": section.questions[:3]},
        expected_version=None,
        actor=None,
    )
    summary = selectors.completeness(document)
    assert summary["empty"] == summary["count"] - 1
    assert summary["questions_open"] == summary["questions_total"] - 3
    assert summary["minimum_open"] == 4


@pytest.mark.django_db
def test_export_of_an_empty_document_is_refused_with_a_message(document, partnership):
    with pytest.raises(DomainError, match="leeg"):
        document_report.build(partnership)
    with pytest.raises(CommandError, match="leeg"):
        call_command("export_core_document", partnership=partnership.slug, format="pdf", out="/tmp/nooit.pdf")


@pytest.mark.django_db
def test_export_has_contents_sections_in_safeguard_order_and_fresh_live_data(document, partnership, tmp_path):
    late = document.sections.get(element__code="basiskwaliteit-ambities-systematiek")
    early = document.sections.get(element__code="in-en-doorstroom")
    services.section_save(section=late, changes={"body": "Over kwaliteit"}, expected_version=None, actor=None)
    services.section_save(
        section=early, changes={"body": "Over instroom\n\n[[gegevens:profiel]]"}, expected_version=None, actor=None
    )
    partnership.name = "Partnerschap Vers Bijgewerkt"
    partnership.save()
    doc = document_report.build(partnership)
    headings = [b.text for b in doc.blocks if isinstance(b, documents.Heading)]
    assert headings.index("In- en doorstroom") < headings.index("Basiskwaliteit, ambities en systematiek")
    assert any(isinstance(b, documents.Contents) for b in doc.blocks)
    tables = [b for b in doc.blocks if isinstance(b, documents.Table)]
    assert ["Naam", "Partnerschap Vers Bijgewerkt"] in [list(r) for r in tables[0].rows]
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"k.{fmt}"
        call_command("export_core_document", partnership=partnership.slug, format=fmt, out=str(out))
        assert out.stat().st_size > 1000
    assert document_report.core_document_blocks(partnership)
