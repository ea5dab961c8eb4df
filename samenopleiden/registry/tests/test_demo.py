"""The demo: safe to load twice, valid row by row, and true to the facts of the seed documents."""

import datetime as dt
import hashlib
import io
import json

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count

from samenopleiden.core.access import Level, build_context
from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry import demo_data
from samenopleiden.registry.models import (
    Body,
    Cluster,
    Credential,
    Membership,
    Partnership,
    Person,
    Region,
    Role,
    RoleAssignment,
    School,
    SchoolBoard,
)
from samenopleiden.registry.selectors import dashboard as dashboard_selectors
from samenopleiden.registry.services.demo import load_demo

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 3, 1)


@pytest.fixture
def demo():
    load_demo(today=TODAY)


@pytest.fixture(scope="class")
def shared_demo(django_db_setup, django_db_blocker):
    """The demo loaded once for a class of read-only tests, inside a transaction that is rolled back
    afterwards (each test still runs in its own savepoint)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_demo(today=TODAY)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def counts() -> dict[str, int]:
    labels = {"registry", "core", "auth"}
    return {m._meta.label: m._default_manager.count() for m in apps.get_models() if m._meta.app_label in labels}


def key_rows_hash() -> str:
    """A hash over the key rows, by natural key (not by id), so any change in content shows."""
    rows = {
        "partnerships": Partnership.objects.values_list(
            "slug", "name", "status", "vision", "lead_member__board__name", "lead_member__institute__code"
        ),
        "regions": Partnership.objects.values_list("slug", "regions__slug"),
        "schools": School.objects.values_list(
            "brin", "branch_code", "name", "board__name", "denomination", "concept", "postcode", "city"
        ),
        "memberships": Membership.objects.values_list(
            "partnership__slug", "board__name", "school__brin", "school__branch_code", "institute__code", "role"
        ),
        "clusters": Cluster.objects.values_list("partnership__slug", "name", "board__name", "target_places"),
        "cluster_schools": Cluster.objects.values_list("name", "schools__brin"),
        "people": Person.objects.values_list(
            "partnership__slug", "email", "first_name", "last_name", "school__brin", "institute__code", "user__username"
        ),
        "roles": RoleAssignment.objects.values_list("person__email", "role", "cluster__name"),
        "credentials": Credential.objects.values_list("person__email", "kind", "obtained_on", "expires_on"),
        "seats": Body.objects.values_list(
            "partnership__slug", "name", "kind", "seats__person__email", "seats__seat_role"
        ),
        "role_names": Partnership.objects.values_list("slug", "role_names__role", "role_names__local_name"),
        "users": get_user_model().objects.values_list("username", "is_superuser", "email"),
    }
    text = json.dumps({k: sorted(map(list, v), key=str) for k, v in rows.items()}, default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


# --- loading -----------------------------------------------------------------------------------------


def test_loading_twice_changes_nothing_and_prints_the_accounts():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    first_counts, first_hash, first_history = counts(), key_rows_hash(), HistoryEntry.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == first_counts
    assert key_rows_hash() == first_hash
    assert HistoryEntry.objects.count() == first_history  # the demo's confirmed round is recorded once
    printed = out.getvalue()
    assert "samenopleiden-demo" in printed
    for username in ["programmaleider", "stuurgroep", "schoolopleider", "noa", "beheer"]:
        assert f"  {username} " in printed


def test_the_hash_notices_a_changed_row(demo):
    before = key_rows_hash()
    Cluster.objects.filter(pk=Cluster.objects.first().pk).update(target_places=13)
    assert key_rows_hash() != before


def test_loading_again_repairs_what_was_changed_and_keeps_what_was_added(demo):
    before = key_rows_hash()
    Cluster.objects.filter(partnership__slug="groningen").update(target_places=99)
    groningen = Partnership.objects.get(slug="groningen")
    Person.objects.create(partnership=groningen, first_name="Eigen", last_name="Invoer", email="eigen@school.nl")
    Person.objects.create(partnership=groningen, first_name="Oude", last_name="Demo", email="oud.1@school.example.nl")
    load_demo(today=TODAY)
    assert set(groningen.clusters.values_list("target_places", flat=True)) == {12}
    assert groningen.people.filter(email="eigen@school.nl").exists()  # added by hand: stays
    assert not groningen.people.filter(email="oud.1@school.example.nl").exists()  # an old demo row: gone
    Person.objects.filter(email="eigen@school.nl").delete()
    assert key_rows_hash() == before


def test_dry_run_keeps_nothing():
    out = io.StringIO()
    call_command("load_demo", "--dry-run", stdout=out)
    assert "niets bewaard" in out.getvalue()
    assert Partnership.objects.count() == 0 and get_user_model().objects.count() == 0


@pytest.mark.usefixtures("shared_demo")
class TestTheDemo:
    """Read-only checks of the loaded demo."""

    def test_every_row_passes_the_models_own_validation(self):
        problems = []
        for model in apps.get_app_config("registry").get_models():
            for obj in model.objects.all():
                try:
                    obj.full_clean()
                except ValidationError as exc:
                    problems.append(f"{model.__name__} {obj}: {exc.message_dict}")
        assert problems == []

    def test_brin_codes_are_fictional_but_valid_and_each_belongs_to_one_school_board(self):
        by_brin = School.objects.values("brin").annotate(boards=Count("board", distinct=True))
        assert all(row["boards"] == 1 for row in by_brin)
        assert School.objects.values("brin", "branch_code").distinct().count() == School.objects.count()

    # --- the Groningen partnership (seed 003) --------------------------------------------------------------

    def test_groningen_has_its_eight_boards_and_ckc_drenthe_as_penvoerder(self):
        groningen = Partnership.objects.get(slug="groningen")
        boards = set(groningen.memberships.exclude(board=None).values_list("board__name", flat=True))
        assert boards == {name for name, _, _ in demo_data.GRONINGEN_BOARDS}
        assert len(boards) == 8
        assert groningen.lead_member.board.name == "Christelijke Kind Centra Drenthe (CKC Drenthe)"
        assert list(groningen.memberships.exclude(institute=None).values_list("institute__code", flat=True)) == [
            "nhlstenden"
        ]
        assert groningen.status == "erkend" and groningen.sector_po and not groningen.sector_vo
        assert "zestig procent" in groningen.vision

    def test_groningen_clusters_hold_at_most_four_schools_of_one_board_with_twelve_places(self):
        clusters = Cluster.objects.filter(partnership__slug="groningen").prefetch_related("schools")
        assert clusters.count() >= 8
        for cluster in clusters:
            schools = list(cluster.schools.all())
            assert 1 <= len(schools) <= 4, cluster
            assert {s.board_id for s in schools} == {cluster.board_id}, cluster
            assert cluster.target_places == 12

    def test_each_cluster_has_an_institute_educator_and_all_but_one_a_schoolopleider(self):
        clusters = Cluster.objects.filter(partnership__slug="groningen")
        roles = RoleAssignment.objects.filter(cluster__in=clusters)
        for cluster in clusters:
            assert roles.filter(cluster=cluster, role=Role.INSTITUTE_TEACHER_EDUCATOR).count() == 1, cluster
        without = clusters.exclude(role_assignments__role=Role.SCHOOL_TEACHER_EDUCATOR)
        assert without.count() == 1  # the dashboard has something to flag
        # institute educators work across clusters
        per_person = roles.filter(role=Role.INSTITUTE_TEACHER_EDUCATOR).values("person").annotate(n=Count("cluster"))
        assert max(row["n"] for row in per_person) >= 2

    def test_groningen_schools_are_diverse(self):
        schools = School.objects.filter(memberships__partnership__slug="groningen")
        assert schools.values("denomination").distinct().count() >= 4
        concepts = set(schools.values_list("concept", flat=True))
        assert {"Daltononderwijs", "Jenaplanonderwijs"} <= concepts
        assert schools.values("city").distinct().count() >= 8

    def test_groningen_governance_and_credentials(self):
        groningen = Partnership.objects.get(slug="groningen")
        kinds = set(groningen.bodies.values_list("kind", flat=True))
        assert {"stuurgroep", "bestuurdersnetwerk"} <= kinds
        steering = groningen.bodies.get(kind="stuurgroep")
        assert steering.seats.filter(person__roles__role=Role.PROGRAMME_LEAD).count() == 2  # leadership as a pair
        assert steering.seats.filter(person__roles__role=Role.STEERING_MEMBER).count() == 5
        network = groningen.bodies.get(kind="bestuurdersnetwerk")
        assert network.seats.count() == 8  # every board at the table
        soon = groningen.credentials.filter(expires_on__gte=TODAY, expires_on__lte=TODAY + dt.timedelta(days=90))
        assert soon.count() >= 2
        assert groningen.credentials.filter(expires_on__gt=TODAY + dt.timedelta(days=365)).exists()
        assert groningen.role_names.count() >= 2

    def test_drenthe_split_off_and_two_onderwijsregios_span_three_partnerships(self):
        drenthe = Partnership.objects.get(slug="drenthe")
        assert drenthe.status == "aspirant"
        shared = SchoolBoard.objects.filter(memberships__partnership__slug="groningen").filter(
            memberships__partnership__slug="drenthe"
        )
        assert set(shared.values_list("name", flat=True)) == {
            "Christelijke Kind Centra Drenthe (CKC Drenthe)",
            "Scholengroep Perspectief",
        }
        regions = Region.objects.filter(kind="onderwijsregio")
        assert set(regions.values_list("name", flat=True)) == {"Onderwijsregio Groningen", "Onderwijsregio Drenthe"}
        spanned = Partnership.objects.filter(regions__in=regions).distinct()
        assert spanned.count() == 3 and {"groningen", "drenthe"} <= set(spanned.values_list("slug", flat=True))
        for region in regions:
            assert region.partnerships.count() >= 2

    # --- the six secondary partnerships (seed 002, the case table) ------------------------------------------

    CASES = [
        # slug, status, boards, schools (BRINs), locations, aspirant schools, hbo institutes, wo institutes, region
        ("noa", "aspirant", 4, 11, 11, 3, 5, 2, "regio-noordwest"),
        ("ijssel-veluwe", "erkend", 2, 2, 7, 0, 1, 0, "regio-noordoost"),
        ("passie-voor-leren", "erkend", 2, 6, 6, 0, 3, 1, "regio-zuidoost"),
        ("rosrijnland", "erkend", 5, 7, 20, 0, 4, 2, "regio-zuidwest"),
        ("aos-west-brabant", "erkend", 1, 6, 14, 0, 2, 3, "regio-zuidwest"),
        ("aosl", "erkend", 6, 32, 32, 0, 2, 1, "regio-zuidoost"),
    ]

    @pytest.mark.parametrize("slug,status,boards,schools,locations,aspirants,hbo,wo,region", CASES)
    def test_secondary_partnerships_have_the_numbers_of_the_case_table(
        self, slug, status, boards, schools, locations, aspirants, hbo, wo, region
    ):
        p = Partnership.objects.get(slug=slug)
        assert p.status == status and p.sector_vo and not p.sector_po
        members = p.memberships
        assert members.exclude(board=None).count() == boards
        assert members.exclude(school=None).values("school__brin").distinct().count() == schools
        assert members.exclude(school=None).count() == locations
        assert members.filter(role="aspirant").exclude(school=None).count() == aspirants
        assert members.filter(institute__level="hbo").count() == hbo
        assert members.filter(institute__level="wo").count() == wo
        assert list(p.regions.values_list("slug", flat=True)) == [region]
        assert p.people.filter(roles__role=Role.PROGRAMME_LEAD).count() == 1
        assert p.people.count() > 3 and p.bodies.filter(kind="stuurgroep").exists()

    # --- demo accounts -------------------------------------------------------------------------------------

    def test_demo_accounts_have_the_promised_rights(self):
        groningen = Partnership.objects.get(slug="groningen")
        noa = Partnership.objects.get(slug="noa")
        expected = {
            "programmaleider": (Level.LEAD, None),
            "stuurgroep": (Level.READER, None),
            "schoolopleider": (Level.EDUCATOR, None),
            "noa": (None, Level.LEAD),
        }
        for username, (in_groningen, in_noa) in expected.items():
            user = authenticate(username=username, password="samenopleiden-demo")
            assert user is not None, username
            ctx = build_context(user)
            assert (ctx.level(groningen), ctx.level(noa)) == (in_groningen, in_noa), username
            assert not user.is_superuser
        educator = build_context(get_user_model().objects.get(username="schoolopleider"))
        assert len(educator.clusters[groningen.pk]) == 1
        admin = authenticate(username="beheer", password="samenopleiden-demo")
        assert admin.is_superuser and admin.is_staff

    def test_the_dashboard_of_the_programme_lead_has_something_to_flag(self):
        groningen = Partnership.objects.get(slug="groningen")
        ctx = build_context(get_user_model().objects.get(username="programmaleider"), on=TODAY)
        page = dashboard_selectors.dashboard(ctx, groningen, today=TODAY)
        assert len(page["clusters_without_so"]) == 1
        assert len(page["expiring"]) >= 2
        assert page["counts"]["boards"] == 8 and page["counts"]["schools_aspirant"] >= 1

    def test_every_demo_user_is_one_person(self):
        for username in ["programmaleider", "stuurgroep", "schoolopleider", "noa"]:
            assert Person.objects.filter(user__username=username).count() == 1
