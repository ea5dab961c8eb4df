# ruff: noqa: F811 (the fixtures of test_rounds are imported by name)
"""The bad input of issue 4 that the other tests did not reach, each through the page a user would use: a round
with no offers, a student with no possible school, a wish for a school outside the partnership (or one that
offers nothing this year), a capacity of -1, two people confirming the same round, and locks that cannot all be
kept. Every case: a Dutch message, nothing saved or confirmed half."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenopleiden.core.errors import DomainError
from samenopleiden.core.models import Job
from samenopleiden.placements.models import CapacityOffer, ClusterCap, MatchingRound, Placement, Preference, Wish
from samenopleiden.placements.services import capacity, preferences, rounds
from samenopleiden.registry.tests.factories import MembershipFactory, PartnershipFactory, SchoolFactory

from .test_rounds import matching_round, run, setting  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
HEADER = "studentnummer;wens1;wens2"


def job_page(client, partnership, job: Job) -> str:
    return client.get(reverse("core:job_status", args=[partnership.slug, job.pk])).content.decode()


def start_on_page(client, partnership, matching_round, captured) -> Job:
    with captured(execute=True):
        response = client.post(reverse("placements:round_run", args=[partnership.slug, matching_round.pk]))
    assert response.status_code == 302
    return Job.objects.order_by("-pk").first()


# --- a round with no offers ----------------------------------------------------------------------------------


def test_a_round_with_no_offers_tells_the_user_on_the_job_page(
    client, partnership, pupils, programme_lead, django_capture_on_commit_callbacks
):
    empty = rounds.round_create(
        partnership=partnership, values={"name": "Leeg", "school_year": "2025-2026", "mode": "assign"}, actor=None
    )
    client.force_login(programme_lead.user)
    job = start_on_page(client, partnership, empty, django_capture_on_commit_callbacks)
    assert job.status == "failed"
    assert "nog geen plaatsen aangeboden" in job_page(client, partnership, job)
    assert not empty.runs.exists() and not Placement.objects.exists()


# --- a student with no possible school -----------------------------------------------------------------------


def test_a_student_with_no_possible_school_is_unplaced_with_the_reason(
    client,
    matching_round,
    pupils,
    programme_lead,
    partnership,
    django_capture_on_commit_callbacks,
):
    student = pupils[2]
    student.subject, student.sector = "Latijn", "vo"  # no school offers Latin
    student.save()
    run_row = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    text = rounds.run_result(run_row).assignment("3003").explanation.text()
    assert text.startswith("Niet geplaatst: geen enkele plaats voldoet aan al je voorwaarden")
    client.force_login(programme_lead.user)
    page = client.get(reverse("placements:run_detail", args=[partnership.slug, run_row.pk])).content.decode()
    assert "geen enkele plaats voldoet" in page


# --- wishes for schools outside the partnership ---------------------------------------------------------------


@pytest.fixture
def foreign_school(board):
    """A school of another partnership (it is in the registry, not in this partnership)."""
    other = PartnershipFactory(slug="elders", name="Partnerschap Elders")
    school = SchoolFactory(board=board, name="Obs Elders", brin="77XX")
    MembershipFactory(partnership=other, school=school)
    return school


def test_an_imported_wish_for_a_school_outside_the_partnership_is_named_on_its_row(
    partnership, schools, pupils, foreign_school
):
    data = f"{HEADER}\n3001;34CD00;\n3002;12AB00;77XX00\n".encode()
    result = preferences.plan(data, "v.csv", partnership=partnership, school_year="2025-2026", period="jaar")
    assert [(e.row, e.column) for e in result.errors] == [(3, "wens2")]
    assert "geen school (BRIN + vestiging) of cluster van dit partnerschap" in result.errors[0].message
    with pytest.raises(DomainError):
        preferences.apply(result, partnership=partnership, actor=None)
    assert not Preference.objects.exists()


def test_the_upload_page_shows_that_row_and_offers_no_confirmation(
    client, programme_lead, partnership, schools, pupils, foreign_school
):
    client.force_login(programme_lead.user)
    upload = SimpleUploadedFile("v.csv", f"{HEADER}\n3001;77XX00;\n".encode())
    body = client.post(
        reverse("placements:preference_import", args=[partnership.slug]),
        {"file": upload, "school_year": "2025-2026", "period": "jaar"},
    ).content.decode()
    assert "77XX00" in body and "van dit partnerschap" in body and "Importeren bevestigen" not in body
    assert not Preference.objects.exists()


def test_a_tampered_wish_for_a_school_outside_the_partnership_is_refused(
    client, programme_lead, partnership, schools, pupils, foreign_school
):
    client.force_login(programme_lead.user)
    url = reverse("placements:preference_edit", args=[partnership.slug, pupils[0].pk]) + "?periode=jaar"
    response = client.post(url, {"wish1": f"s{foreign_school.pk}"})
    assert response.status_code == 400 and "geldige keuze" in response.content.decode()
    assert not Preference.objects.exists()


def test_a_wish_for_a_member_school_without_places_this_year_does_not_stop_the_round(
    client,
    matching_round,
    pupils,
    partnership,
    board,
    programme_lead,
    django_capture_on_commit_callbacks,
):
    """A student may wish a school of the partnership that offers no place this year (or a school that left the
    partnership after the wish was stated): the round still runs and the explanation says why not there."""
    quiet = SchoolFactory(board=board, name="Obs Stil", brin="56EF")
    MembershipFactory(partnership=partnership, school=quiet)
    preference = Preference.objects.create(partnership=partnership, student=pupils[2], period="jaar")
    Wish.objects.create(partnership=partnership, preference=preference, rank=1, school=quiet)
    gone = SchoolFactory(board=board, name="Obs Vertrokken", brin="58GH")  # not (any longer) in the partnership
    Wish.objects.create(partnership=partnership, preference=preference, rank=2, school=gone)
    run_row = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    text = rounds.run_result(run_row).assignment("3003").explanation.text()
    assert "je 1e wens (Obs Stil) biedt in deze ronde geen plaatsen aan" in text
    assert "je 2e wens (Obs Vertrokken) biedt in deze ronde geen plaatsen aan" in text
    client.force_login(programme_lead.user)
    page = client.get(reverse("placements:run_detail", args=[partnership.slug, run_row.pk])).content.decode()
    assert "(Obs Stil) biedt in deze ronde geen plaatsen aan" in page


# --- a capacity of -1 ------------------------------------------------------------------------------------------


def test_a_negative_capacity_gets_a_dutch_message_and_saves_nothing(
    client, programme_lead, partnership, schools, cluster
):
    client.force_login(programme_lead.user)
    data = {"school_year": "2025-2026", "period": "jaar", "school": schools[0].pk, "subject": "", "places": "-1"}
    response = client.post(reverse("placements:offer_add", args=[partnership.slug]), data)
    assert response.status_code == 400 and "minstens 0" in response.content.decode()
    response = client.post(
        reverse("placements:cluster_cap", args=[partnership.slug, cluster.pk]) + "?jaar=2025-2026&periode=jaar",
        {"places": "-1", "shortage_reserved": "0"},
    )
    assert response.status_code == 400 and "minstens 0" in response.content.decode()
    with pytest.raises(DomainError):
        capacity.offer_create(
            partnership=partnership,
            values={"school_year": "2025-2026", "period": "jaar", "school": schools[0], "subject": "", "places": -1},
            actor=None,
        )
    assert not CapacityOffer.objects.exists() and not ClusterCap.objects.exists()


# --- two people confirming at once ----------------------------------------------------------------------------


def test_of_two_people_confirming_two_runs_of_one_round_only_the_first_counts(
    client,
    matching_round,
    programme_lead,
    office,
    partnership,
    django_capture_on_commit_callbacks,
):
    first = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    second = run(matching_round, office.user, django_capture_on_commit_callbacks)
    version = MatchingRound.objects.get(pk=matching_round.pk).version  # both pages were loaded with this version
    client.force_login(programme_lead.user)
    assert (
        client.post(
            reverse("placements:run_confirm", args=[partnership.slug, first.pk]), {"version": version}
        ).status_code
        == 302
    )
    placed = set(Placement.objects.values_list("student__student_number", "school_id"))
    client.force_login(office.user)
    response = client.post(
        reverse("placements:run_confirm", args=[partnership.slug, second.pk]), {"version": version}, follow=True
    )
    assert "al bevestigd" in response.content.decode()
    assert set(Placement.objects.values_list("student__student_number", "school_id")) == placed
    assert MatchingRound.objects.get(pk=matching_round.pk).confirmed_run_id == first.pk


def test_a_confirmation_on_a_stale_page_is_refused_and_confirms_nothing(
    matching_round,
    programme_lead,
    django_capture_on_commit_callbacks,
):
    run_row = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    with pytest.raises(DomainError, match="intussen gewijzigd"):
        rounds.run_confirm(run=run_row, expected_version=matching_round.version - 1, actor=programme_lead.user)
    assert not Placement.objects.exists()
    assert MatchingRound.objects.get(pk=matching_round.pk).status != MatchingRound.Status.CONFIRMED


# --- locks that cannot all be kept ------------------------------------------------------------------------------


def test_infeasible_locks_name_the_constraint_and_the_students_on_the_job_page(
    client,
    matching_round,
    setting,
    pupils,
    programme_lead,
    partnership,
    django_capture_on_commit_callbacks,
):
    offer = CapacityOffer.objects.get(school=setting[1])
    for student in (pupils[0], pupils[2]):
        rounds.lock_set(matching_round=matching_round, student=student, offer=offer, kind="vast", actor=None)
    client.force_login(programme_lead.user)
    job = start_on_page(client, partnership, matching_round, django_capture_on_commit_callbacks)
    page = job_page(client, partnership, job)
    assert job.status == "failed" and "passen niet" in page and "heeft 1 plaats" in page
    assert "3001" in page and "3003" in page and setting[1].name in page
    assert not matching_round.runs.exists() and not Placement.objects.exists()


# --- review: pairs who would both gain by swapping ------------------------------------------------------------


def test_the_run_page_names_the_pairs_who_would_both_gain_by_swapping(
    client, matching_round, programme_lead, partnership, django_capture_on_commit_callbacks
):
    run_row = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    client.force_login(programme_lead.user)
    url = reverse("placements:run_detail", args=[partnership.slug, run_row.pk])
    assert "door te ruilen" not in client.get(url).content.decode()
    run_row.result["figures"]["swap_pairs"] = [["3001", "3002"]]  # as a market round can leave them
    run_row.save()
    page = client.get(url).content.decode()
    assert "1 paar studenten zou er allebei op vooruitgaan door te ruilen" in page and "3001 en 3002" in page


def test_a_student_placed_meanwhile_by_another_round_stops_the_whole_confirmation(
    matching_round, partnership, programme_lead, office, django_capture_on_commit_callbacks
):
    other = rounds.round_create(
        partnership=partnership,
        values={"name": "Ronde 2", "school_year": "2025-2026", "period": "jaar", "mode": "market"},
        actor=office.user,
    )
    first = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    second = run(other, office.user, django_capture_on_commit_callbacks)
    rounds.run_confirm(run=first, expected_version=None, actor=programme_lead.user)
    placed = set(Placement.objects.values_list("pk", flat=True))
    with pytest.raises(DomainError, match="intussen al geplaatst door een andere ronde: 300"):
        rounds.run_confirm(run=second, expected_version=None, actor=office.user)
    assert set(Placement.objects.values_list("pk", flat=True)) == placed
    assert MatchingRound.objects.get(pk=other.pk).status != MatchingRound.Status.CONFIRMED


def test_a_lock_on_an_offer_of_another_school_year_is_refused_and_the_next_run_still_works(
    client, matching_round, setting, pupils, partnership, programme_lead, django_capture_on_commit_callbacks
):
    later = capacity.offer_create(
        partnership=partnership,
        values={"school_year": "2026-2027", "period": "jaar", "school": setting[0], "subject": "", "places": 1},
        actor=None,
    )
    with pytest.raises(DomainError, match="hoort niet bij studiejaar 2025-2026"):
        rounds.lock_set(matching_round=matching_round, student=pupils[0], offer=later, kind="vast", actor=None)
    client.force_login(programme_lead.user)
    response = client.post(
        reverse("placements:lock_add", args=[partnership.slug, matching_round.pk]),
        {"student": pupils[0].pk, "offer": later.pk, "kind": "vast"},
        follow=True,
    )
    assert "hoort niet bij studiejaar 2025-2026" in response.content.decode()
    assert not matching_round.locks.exists()
    run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)


def test_a_lock_for_a_student_outside_the_round_is_refused(matching_round, setting, partnership, pabo):
    from samenopleiden.placements.models import CapacityOffer
    from samenopleiden.students.tests.factories import StudentFactory

    last_year = StudentFactory(partnership=partnership, institute=pabo, student_number="2901", school_year="2024-2025")
    offer = CapacityOffer.objects.get(school=setting[0])
    with pytest.raises(DomainError, match="Student 2901 doet niet mee aan deze ronde"):
        rounds.lock_set(matching_round=matching_round, student=last_year, offer=offer, kind="vast", actor=None)
    assert not matching_round.locks.exists()
