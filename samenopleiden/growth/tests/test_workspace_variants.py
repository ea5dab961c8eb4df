"""The variant matrix: seven platform-wide variants loaded by a migration (and again, harmlessly, by the loader),
the partnership's score of each, and the page that shows them side by side."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.core.errors import DomainError
from samenopleiden.growth import variant_data
from samenopleiden.growth.models import GrowthVariant, OnboardingStepTemplate, VariantScore
from samenopleiden.growth.services import workspace as services
from samenopleiden.growth.services.reference import load_reference_data

pytestmark = pytest.mark.django_db


def test_the_migration_loaded_seven_variants_and_the_process_template():
    assert GrowthVariant.objects.count() == 7
    assert OnboardingStepTemplate.objects.count() == len(variant_data.ONBOARDING_STEPS)
    every = GrowthVariant.objects.all()
    for variant in every:
        for name in (*GrowthVariant.DIMENSIONS, "advantages", "disadvantages", "questions"):
            assert GrowthVariant.lines(getattr(variant, name)), (variant.code, name)
    assert {"satellietscholen", "sectoroverstijgend", "bredere-opdracht", "nieuw-partnerschap"} <= {
        v.code for v in every
    }


def test_the_loader_is_idempotent_and_keeps_the_administrators_edits():
    GrowthVariant.objects.filter(code="satellietscholen").update(name="Kern en schil")
    GrowthVariant.objects.filter(code="bredere-opdracht").delete()
    assert load_reference_data() == (1, 0)
    assert load_reference_data() == (0, 0)
    assert GrowthVariant.objects.get(code="satellietscholen").name == "Kern en schil"
    assert GrowthVariant.objects.count() == 7


def test_score_save_creates_then_updates_and_refuses_nonsense(partnership):
    variant = GrowthVariant.objects.get(code="nieuwe-partners")
    score = services.score_save(
        partnership=partnership,
        variant=variant,
        fit=4,
        reasoning="Er zijn besturen die willen",
        expected_version=None,
        actor=None,
    )
    services.score_save(
        partnership=partnership, variant=variant, fit=2, reasoning="Toch niet", expected_version=1, actor=None
    )
    score.refresh_from_db()
    assert score.fit == 2 and VariantScore.objects.count() == 1
    with pytest.raises(DomainError, match="Iemand anders"):
        services.score_save(
            partnership=partnership, variant=variant, fit=3, reasoning="", expected_version=1, actor=None
        )
    with pytest.raises(DomainError, match="1 tot en met 5"):
        services.score_save(
            partnership=partnership, variant=variant, fit=9, reasoning="", expected_version=None, actor=None
        )


def test_the_matrix_shows_variants_side_by_side_with_the_scores(client, reader, partnership, other_partnership):
    variant = GrowthVariant.objects.get(code="satellietscholen")
    VariantScore.objects.create(partnership=partnership, variant=variant, fit=5, reasoning="Snel meer plaatsen")
    VariantScore.objects.create(
        partnership=other_partnership, variant=variant, fit=1, reasoning="Geheime afweging elders"
    )
    client.force_login(reader.user)
    body = client.get(reverse("growth:variants", args=[partnership.slug])).content.decode()
    assert body.count('scope="col" id="variant-') == 7
    assert "Snel meer plaatsen" in body and "past heel goed" in body
    assert "Geheime afweging elders" not in body
    assert reverse("growth:variant_score", args=[partnership.slug, variant.pk]) not in body


def test_an_inactive_variant_is_not_shown_and_cannot_be_scored(client, programme_lead, partnership):
    variant = GrowthVariant.objects.get(code="nieuw-partnerschap")
    variant.is_active = False
    variant.save()
    client.force_login(programme_lead.user)
    body = client.get(reverse("growth:variants", args=[partnership.slug])).content.decode()
    assert variant.name not in body
    assert client.get(reverse("growth:variant_score", args=[partnership.slug, variant.pk])).status_code == 404
    assert client.get(reverse("growth:variant_score", args=[partnership.slug, 999999])).status_code == 404


def test_the_lead_scores_a_variant(client, programme_lead, partnership):
    variant = GrowthVariant.objects.get(code="capaciteit-huidige-partners")
    client.force_login(programme_lead.user)
    url = reverse("growth:variant_score", args=[partnership.slug, variant.pk])
    page = client.get(url).content.decode()
    assert 'type="radio"' in page and "past deels" in page
    response = client.post(url, {"fit": 3, "reasoning": "Vier besturen kunnen een cluster erbij"})
    assert response.status_code == 302 and f"#variant-{variant.pk}" in response["Location"]
    response = client.post(url, {"fit": 4, "reasoning": "Na overleg", "version": 1})
    assert response.status_code == 302
    score = VariantScore.objects.get(partnership=partnership, variant=variant)
    assert score.fit == 4 and score.reasoning == "Na overleg"
    assert client.post(url, {"fit": "veel", "reasoning": ""}).status_code == 400


def test_a_reader_may_not_score(client, reader, partnership):
    variant = GrowthVariant.objects.first()
    client.force_login(reader.user)
    url = reverse("growth:variant_score", args=[partnership.slug, variant.pk])
    assert client.post(url, {"fit": 3, "reasoning": ""}).status_code == 403
    assert not VariantScore.objects.exists()


def test_outsider_and_anonymous(client, outsider, partnership):
    variant = GrowthVariant.objects.first()
    client.force_login(outsider.user)
    assert client.get(reverse("growth:variants", args=[partnership.slug])).status_code == 404
    assert (
        client.post(reverse("growth:variant_score", args=[partnership.slug, variant.pk]), {"fit": 3}).status_code == 404
    )
    assert not VariantScore.objects.filter(partnership=partnership).exists()
    client.logout()
    response = client.get(reverse("growth:variants", args=[partnership.slug]))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_the_matrix_queries_are_few(client, programme_lead, partnership, django_assert_max_num_queries):
    for variant in GrowthVariant.objects.all():
        VariantScore.objects.create(partnership=partnership, variant=variant, fit=3)
    client.force_login(programme_lead.user)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("growth:variants", args=[partnership.slug])).status_code == 200
