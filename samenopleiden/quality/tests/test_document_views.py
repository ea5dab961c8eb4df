"""Pages of the document part: who reads, who changes, who comments, who approves; the conflict page; uploads; the
export; nothing changes for an outsider."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samenopleiden.quality import services_document as services
from samenopleiden.quality.models import CoreDocument, CoreSection, DocumentApproval, SectionComment, SectionVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(partnership, programme_lead):
    return services.document_start(partnership=partnership, title="Ons kerndocument", actor=None)


@pytest.fixture
def section(document):
    return document.sections.get(element__code="ontwerp")


def url(name, partnership, *args):
    return reverse(f"quality:{name}", args=[partnership.slug, *args])


def test_overview_is_the_landing_page(client, partnership, educator, document):
    client.force_login(educator.user)
    response = client.get(url("overview", partnership))
    assert response.status_code == 200
    assert "Ons kerndocument" in response.content.decode()


def test_anonymous_goes_to_sign_in(client, partnership, document):
    response = client.get(url("document", partnership))
    assert response.status_code == 302 and "inloggen" in response["Location"]


@pytest.mark.parametrize("name", ["overview", "document", "framework", "completeness", "norms", "export_pdf"])
def test_outsider_gets_404(client, partnership, outsider, document, name):
    client.force_login(outsider.user)
    assert client.get(url(name, partnership)).status_code == 404


def test_lead_starts_the_document(client, partnership, programme_lead):
    client.force_login(programme_lead.user)
    response = client.post(url("document_start", partnership), {"title": "Kerndocument 2027", "goal": "Klaar"})
    assert response.status_code == 302
    assert CoreDocument.objects.get(partnership=partnership).sections.count() == 12


def test_reader_may_not_start_the_document(client, partnership, reader):
    client.force_login(reader.user)
    assert client.post(url("document_start", partnership), {"title": "X"}).status_code == 403
    assert not CoreDocument.objects.exists()


def test_section_page_renders_markdown_safely_with_live_data(client, partnership, educator, section):
    section.body = "**Vet** <script>alert(1)</script> [klik](javascript:alert(1))\n\n[[gegevens:profiel]]"
    section.save()
    client.force_login(educator.user)
    page = client.get(url("section", partnership, section.pk)).content.decode()
    assert "<strong>Vet</strong>" in page
    assert "<script>alert" not in page and 'href="javascript' not in page
    assert "Profiel van het partnerschap" in page and partnership.name in page


def test_lead_saves_a_section_and_a_version_is_kept(client, partnership, programme_lead, section):
    client.force_login(programme_lead.user)
    question = section.questions[0]
    response = client.post(
        url("section_edit", partnership, section.pk),
        {
            "title": section.title,
            "body": "Nieuwe tekst",
            "status": "in_bewerking",
            "suggested_words": 500,
            "addressed": [question],
            "version": section.version,
        },
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.body == "Nieuwe tekst" and section.addressed == [question]
    assert SectionVersion.objects.filter(section=section).count() == 1


def test_second_editor_gets_a_conflict_page_with_both_texts(client, partnership, programme_lead, section):
    client.force_login(programme_lead.user)
    opened = section.version
    services.section_save(
        section=section, changes={"body": "Tekst van de collega"}, expected_version=opened, actor=None
    )
    response = client.post(
        url("section_edit", partnership, section.pk),
        {
            "title": section.title,
            "body": "Mijn eigen tekst",
            "status": "in_bewerking",
            "suggested_words": 500,
            "version": opened,
        },
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Tekst van de collega" in page and "Mijn eigen tekst" in page
    section.refresh_from_db()
    assert section.body == "Tekst van de collega"


def test_writer_edits_own_section_but_not_others(client, partnership, educator, document, section):
    section.writer = educator
    section.save()
    other = document.sections.exclude(pk=section.pk).first()
    client.force_login(educator.user)
    assert client.get(url("section_edit", partnership, section.pk)).status_code == 200
    assert client.get(url("section_edit", partnership, other.pk)).status_code == 403


def test_reader_may_not_edit(client, partnership, reader, section):
    client.force_login(reader.user)
    response = client.post(url("section_edit", partnership, section.pk), {"title": "X", "body": "Y"})
    assert response.status_code == 403
    section.refresh_from_db()
    assert section.body == ""


def test_named_reviewer_comments_and_others_may_not(client, partnership, programme_lead, reader, educator, section):
    import datetime as dt

    services.round_create(
        document=section.document,
        title="Ronde",
        deadline=dt.date.today() + dt.timedelta(days=5),
        sections=[section],
        reviewers=[reader],
        actor=None,
        today=dt.date.today(),
    )
    client.force_login(educator.user)
    assert client.post(url("comment_add", partnership, section.pk), {"body": "Mag niet"}).status_code == 403
    client.force_login(reader.user)
    assert client.post(url("comment_add", partnership, section.pk), {"body": "Goed punt"}).status_code == 302
    assert list(SectionComment.objects.values_list("body", flat=True)) == ["Goed punt"]


def test_comment_on_adopted_section_gets_a_dutch_message(client, partnership, programme_lead, section):
    section.status = CoreSection.Status.ADOPTED
    section.save()
    client.force_login(programme_lead.user)
    response = client.post(url("comment_add", partnership, section.pk), {"body": "Te laat"}, follow=True)
    assert "vastgesteld" in response.content.decode()
    assert not SectionComment.objects.exists()


def test_only_the_lead_records_the_approval(client, partnership, programme_lead, reader, section):
    services.section_save(section=section, changes={"body": "Tekst"}, expected_version=None, actor=None)
    data = {"approved_by": "Bestuurlijk overleg", "approved_on": "2026-01-15"}
    client.force_login(reader.user)
    assert client.post(url("approval_add", partnership), data).status_code == 403
    assert not DocumentApproval.objects.exists()
    client.force_login(programme_lead.user)
    assert client.post(url("approval_add", partnership), data).status_code == 302
    assert DocumentApproval.objects.get().approved_by == "Bestuurlijk overleg"


def test_outsider_cannot_approve_or_comment(client, partnership, outsider, section):
    client.force_login(outsider.user)
    data = {"approved_by": "X", "approved_on": "2026-01-15"}
    assert client.post(url("approval_add", partnership), data).status_code == 404
    assert client.post(url("comment_add", partnership, section.pk), {"body": "X"}).status_code == 404
    assert not DocumentApproval.objects.exists() and not SectionComment.objects.exists()


def test_oversized_or_non_image_logo_gets_a_dutch_message(client, partnership, programme_lead, document):
    client.force_login(programme_lead.user)
    fake = SimpleUploadedFile("logo.png", b"geen plaatje", content_type="image/png")
    response = client.post(url("document_logo", partnership), {"logo": fake})
    assert response.status_code == 400 and "geen afbeelding" in response.content.decode()
    big = SimpleUploadedFile("logo.png", b"0" * (services.LOGO_MAX_BYTES + 10), content_type="image/png")
    response = client.post(url("document_logo", partnership), {"logo": big})
    assert response.status_code == 400 and "2 MB" in response.content.decode()
    document.refresh_from_db()
    assert not document.logo
    out = io.BytesIO()
    Image.new("RGB", (30, 30), "blue").save(out, format="JPEG")
    good = SimpleUploadedFile("logo.jpg", out.getvalue(), content_type="image/jpeg")
    assert client.post(url("document_logo", partnership), {"logo": good}).status_code == 302
    document.refresh_from_db()
    assert document.logo_type == "image/jpeg"


def test_export_of_empty_document_redirects_with_a_message(client, partnership, educator, document):
    client.force_login(educator.user)
    response = client.get(url("export_docx", partnership), follow=True)
    assert response.status_code == 200 and "leeg" in response.content.decode()


def test_export_downloads_docx_and_pdf(client, partnership, reader, section):
    services.section_save(
        section=section, changes={"body": "Tekst\n\n[[gegevens:rollen]]"}, expected_version=None, actor=None
    )
    client.force_login(reader.user)
    pdf = client.get(url("export_pdf", partnership))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    docx = client.get(url("export_docx", partnership))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")


def test_versions_page_compares_side_by_side(client, partnership, educator, section):
    for text in ("Regel een\nRegel twee", "Regel een\nRegel drie"):
        services.section_save(section=section, changes={"body": text}, expected_version=None, actor=None)
    client.force_login(educator.user)
    page = client.get(url("section_versions", partnership, section.pk) + "?a=1&b=2").content.decode()
    assert "Regel twee" in page and "Regel drie" in page and 'class="changed"' in page
    assert client.get(url("section_versions", partnership, section.pk) + "?a=x&b=99").status_code == 200


def test_document_page_query_count_stays_flat(
    client, partnership, programme_lead, document, django_assert_max_num_queries
):
    client.force_login(programme_lead.user)
    with django_assert_max_num_queries(30):
        assert client.get(url("document", partnership)).status_code == 200
    for i in range(10):
        services.section_create(
            document=document, safeguard=document.sections.first().safeguard, title=f"Extra {i}", actor=None
        )
    with django_assert_max_num_queries(30):
        assert client.get(url("document", partnership)).status_code == 200


def test_dashboard_card(partnership, programme_lead, document):
    import datetime as dt

    from samenopleiden.core.access import build_context
    from samenopleiden.quality import dashboard_document

    cards = dashboard_document.cards(build_context(programme_lead.user), partnership, dt.date.today())
    assert cards[0].number == "0/12"


def test_lead_deletes_a_section_but_not_an_adopted_one(client, partnership, programme_lead, reader, document):
    first, second = list(document.sections.all()[:2])
    second.status = CoreSection.Status.ADOPTED
    second.save()
    client.force_login(reader.user)
    assert client.post(url("section_delete", partnership, first.pk)).status_code == 403
    client.force_login(programme_lead.user)
    assert client.post(url("section_delete", partnership, first.pk)).status_code == 302
    response = client.post(url("section_delete", partnership, second.pk), follow=True)
    assert "vastgestelde sectie" in response.content.decode()
    assert set(document.sections.values_list("pk", flat=True)) >= {second.pk}
    assert not document.sections.filter(pk=first.pk).exists()
