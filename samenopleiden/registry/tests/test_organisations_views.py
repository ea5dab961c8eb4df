"""The organisation pages: what the programme lead, a reader, an educator, an outsider and an anonymous
visitor get from each of them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry.models import Cluster, Institute, Membership, Partnership, Region, School, SchoolBoard
from samenopleiden.registry.tests.factories import (
    ClusterFactory,
    InstituteFactory,
    MembershipFactory,
    PersonFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SchoolBoardFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db


def url(name: str, partnership: Partnership, *args: int) -> str:
    return reverse(f"registry:{name}", args=[partnership.slug, *args])


@pytest.fixture
def school_member(partnership, school):
    return MembershipFactory(partnership=partnership, school=school, start_date=dt.date(2020, 8, 1))


@pytest.fixture
def institute_member(partnership):
    return MembershipFactory(partnership=partnership, institute=InstituteFactory(name="Hanzehogeschool"))


@pytest.fixture
def world(partnership, board, school, cluster, school_member, institute_member):
    """One of each organisation in the partnership, to walk every URL."""
    return {
        "board": board,
        "school": school,
        "cluster": cluster,
        "school_member": school_member,
        "institute": institute_member.institute,
        "institute_member": institute_member,
    }


def every_url(partnership: Partnership, w: dict) -> dict[str, str]:
    return {
        "partnership_edit": url("partnership_edit", partnership),
        "boards": url("boards", partnership),
        "board_add": url("board_add", partnership),
        "board_edit": url("board_edit", partnership, w["board"].pk),
        "schools": url("schools", partnership),
        "school_add": url("school_add", partnership),
        "school_edit": url("school_edit", partnership, w["school"].pk),
        "institutes": url("institutes", partnership),
        "institute_add": url("institute_add", partnership),
        "institute_edit": url("institute_edit", partnership, w["institute"].pk),
        "membership_edit": url("membership_edit", partnership, w["school_member"].pk),
        "membership_end": url("membership_end", partnership, w["school_member"].pk),
        "clusters": url("clusters", partnership),
        "cluster_add": url("cluster_add", partnership),
        "cluster_detail": url("cluster_detail", partnership, w["cluster"].pk),
        "cluster_edit": url("cluster_edit", partnership, w["cluster"].pk),
        "cluster_school_add": url("cluster_school_add", partnership, w["cluster"].pk),
        "cluster_school_remove": url("cluster_school_remove", partnership, w["cluster"].pk, w["school"].pk),
    }


READ_PAGES = ["boards", "schools", "institutes", "clusters", "cluster_detail"]
WRITE_PAGES = [
    "partnership_edit",
    "board_add",
    "board_edit",
    "school_add",
    "school_edit",
    "institute_add",
    "institute_edit",
    "membership_edit",
    "membership_end",
    "cluster_add",
    "cluster_edit",
    "cluster_school_add",
    "cluster_school_remove",
]
POST_ONLY = {"membership_end", "cluster_school_add", "cluster_school_remove"}


def snapshot_db() -> tuple:
    return (
        HistoryEntry.objects.count(),
        Membership.objects.filter(end_date__isnull=True).count(),
        list(Cluster.objects.values_list("pk", "name", "target_places", "version")),
        list(Cluster.schools.through.objects.values_list("cluster_id", "school_id")),
        list(SchoolBoard.objects.values_list("pk", "name", "version")),
        list(School.objects.values_list("pk", "name", "version")),
        list(Institute.objects.values_list("pk", "name", "version")),
        list(Partnership.objects.values_list("pk", "name", "version")),
    )


# --- who gets what, on every URL -------------------------------------------------------------------


def test_lead_can_open_every_page(client, programme_lead, partnership, world):
    client.force_login(programme_lead.user)
    for name, address in every_url(partnership, world).items():
        if name in POST_ONLY:
            continue
        assert client.get(address).status_code == 200, name


def test_anonymous_is_sent_to_login_and_cannot_write(client, partnership, world):
    before = snapshot_db()
    for name, address in every_url(partnership, world).items():
        if name not in POST_ONLY:
            response = client.get(address)
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("accounts:login")), name
        assert client.post(address, {"name": "Gekaapt"}).status_code in (302, 404), name
    assert snapshot_db() == before


def test_outsider_gets_404_everywhere_and_changes_nothing(client, outsider, partnership, world):
    client.force_login(outsider.user)
    before = snapshot_db()
    for name, address in every_url(partnership, world).items():
        if name not in POST_ONLY:
            assert client.get(address).status_code == 404, name
        assert client.post(address, {"name": "Gekaapt", "school": world["school"].pk}).status_code == 404, name
    assert snapshot_db() == before


def test_outsider_cannot_reach_our_rows_through_their_own_slug(client, outsider, other_partnership, world):
    """The outsider leads another partnership: our ids under their slug are 404 too."""
    client.force_login(outsider.user)
    before = snapshot_db()
    for name, address in every_url(other_partnership, world).items():
        if name in {"boards", "board_add", "schools", "school_add", "institutes", "institute_add", "clusters"}:
            continue  # pages without an id of ours
        if name == "partnership_edit" or name == "cluster_add":
            continue
        if name not in POST_ONLY:
            assert client.get(address).status_code == 404, name
        assert client.post(address, {"name": "Gekaapt", "school": world["school"].pk}).status_code == 404, name
    assert snapshot_db() == before


def test_reader_reads_lists_and_gets_403_on_every_write(client, reader, partnership, world):
    client.force_login(reader.user)
    before = snapshot_db()
    urls = every_url(partnership, world)
    for name in READ_PAGES:
        assert client.get(urls[name]).status_code == 200, name
    for name in WRITE_PAGES:
        if name not in POST_ONLY:
            assert client.get(urls[name]).status_code == 403, name
        assert client.post(urls[name], {"name": "Gekaapt", "school": world["school"].pk}).status_code == 403, name
    assert snapshot_db() == before


def test_reader_sees_no_change_links(client, reader, partnership, world):
    client.force_login(reader.user)
    page = client.get(url("boards", partnership)).content.decode()
    assert "Stichting Quadraten" in page
    assert url("board_add", partnership) not in page
    detail = client.get(url("cluster_detail", partnership, world["cluster"].pk)).content.decode()
    assert "Uit cluster halen" not in detail


def test_educator_opens_only_their_own_cluster(client, educator, partnership, board, cluster):
    other = ClusterFactory(partnership=partnership, board=board, name="Cluster Ommeland")
    client.force_login(educator.user)

    assert client.get(url("cluster_detail", partnership, cluster.pk)).status_code == 200
    assert client.get(url("cluster_detail", partnership, other.pk)).status_code == 404
    listing = client.get(url("clusters", partnership)).content.decode()
    assert "Cluster Stad" in listing
    assert "Cluster Ommeland" not in listing


def test_educator_cannot_change_their_cluster_or_read_other_lists(client, educator, partnership, cluster, school):
    client.force_login(educator.user)
    before = snapshot_db()
    assert client.get(url("boards", partnership)).status_code == 403
    assert client.get(url("schools", partnership)).status_code == 403
    assert client.get(url("cluster_edit", partnership, cluster.pk)).status_code == 403
    response = client.post(url("cluster_school_remove", partnership, cluster.pk, school.pk))
    assert response.status_code == 403
    assert snapshot_db() == before


# --- the partnership ---------------------------------------------------------------------------------


def partnership_data(partnership: Partnership, **overrides) -> dict:
    data = {
        "name": partnership.name,
        "short_name": "SOG",
        "sector_po": "on",
        "status": "erkend",
        "recognised_since": "2019-01-01",
        "last_peer_review": "2022-03-01",
        "aspirant_since": "",
        "website": "https://example.org",
        "vision": "Samen opleiden in de stad.",
        "max_schools_per_cluster": "4",
        "lead_member": "",
        "is_public": "on",
        "new_region": "",
        "version": str(partnership.version),
    }
    data.update(overrides)
    return data


def test_partnership_edit_shows_next_peer_review(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    page = client.get(url("partnership_edit", partnership)).content.decode()
    assert "01-03-2028" in page  # six years after the last peer review of a recognised partnership


def test_partnership_edit_saves_regions_and_penvoerder(client, programme_lead, partnership, institute_member):
    region = RegionFactory(name="Onderwijsregio Groningen")
    client.force_login(programme_lead.user)

    response = client.post(
        url("partnership_edit", partnership),
        partnership_data(
            partnership,
            regions=[region.pk],
            new_region="Stad en Ommeland",
            lead_member=institute_member.pk,
            max_schools_per_cluster="5",
        ),
    )

    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.short_name == "SOG"
    assert partnership.max_schools_per_cluster == 5
    assert partnership.lead_member == institute_member
    assert {r.name for r in partnership.regions.all()} == {"Onderwijsregio Groningen", "Stad en Ommeland"}
    assert Region.objects.get(name="Stad en Ommeland").kind == "educatieve_regio"
    assert HistoryEntry.objects.filter(partnership=partnership, object_type="partnership").exists()


def test_partnership_edit_refuses_a_penvoerder_of_another_partnership(client, programme_lead, partnership):
    foreign = MembershipFactory(institute=InstituteFactory())
    client.force_login(programme_lead.user)
    response = client.post(url("partnership_edit", partnership), partnership_data(partnership, lead_member=foreign.pk))
    assert response.status_code == 400
    partnership.refresh_from_db()
    assert partnership.lead_member is None


def test_partnership_edit_needs_a_sector(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    data = partnership_data(partnership)
    del data["sector_po"]
    response = client.post(url("partnership_edit", partnership), data)
    assert response.status_code == 400
    assert "Kies minstens één sector." in response.content.decode()
    assert Partnership.objects.get(pk=partnership.pk).sector_po


def test_stale_partnership_edit_keeps_the_input_and_changes_nothing(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    stale = partnership_data(partnership, short_name="Mijn typewerk")
    assert client.post(url("partnership_edit", partnership), partnership_data(partnership)).status_code == 302

    response = client.post(url("partnership_edit", partnership), stale)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Iemand anders heeft dit intussen gewijzigd" in page
    assert 'value="Mijn typewerk"' in page
    assert Partnership.objects.get(pk=partnership.pk).short_name == "SOG"


# --- boards ------------------------------------------------------------------------------------------


def test_boards_list_counts_schools_and_clusters(client, programme_lead, partnership, board, cluster, school_member):
    client.force_login(programme_lead.user)
    response = client.get(url("boards", partnership))
    rows = list(response.context["rows"])
    assert [(r.board.name, r.school_count, r.cluster_count) for r in rows] == [("Stichting Quadraten", 1, 1)]


def test_boards_list_empty_state(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    assert "nog geen schoolbesturen" in client.get(url("boards", partnership)).content.decode()


def test_board_add_existing_board_found_by_search(client, programme_lead, partnership, other_partnership):
    shared = SchoolBoardFactory(name="Stichting Openbaar Onderwijs Drenthe")
    MembershipFactory(partnership=other_partnership, board=shared)
    SchoolBoardFactory(name="Vereniging Anders")
    client.force_login(programme_lead.user)

    page = client.get(url("board_add", partnership), {"zoek": "drenthe"}).content.decode()
    assert "Stichting Openbaar Onderwijs Drenthe" in page
    assert "Vereniging Anders" not in page

    response = client.post(
        url("board_add", partnership),
        {"zoek": "drenthe", "existing": shared.pk, "role": "aspirant", "agreement_signed_on": "2025-01-10"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(partnership=partnership, board=shared)
    assert membership.role == "aspirant"
    assert shared.memberships.count() == 2  # still in the other partnership too


def test_board_add_new_board(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    response = client.post(
        url("board_add", partnership), {"name": "Stichting Nieuw", "city": "Assen", "role": "partner"}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(partnership=partnership, board__name="Stichting Nieuw").exists()


def test_board_add_without_a_board_explains(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    response = client.post(url("board_add", partnership), {"role": "partner"})
    assert response.status_code == 400
    assert "Kies een bestaand bestuur of vul de naam" in response.content.decode()


def test_board_edit_changes_the_shared_row(client, programme_lead, partnership, board):
    client.force_login(programme_lead.user)
    response = client.post(
        url("board_edit", partnership, board.pk),
        {"name": "Stichting Quadraten Groningen", "authority_code": "", "city": "", "website": "", "version": 1},
    )
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.name == "Stichting Quadraten Groningen"
    assert board.version == 2


def test_lead_cannot_edit_a_board_outside_the_partnership(client, programme_lead, partnership):
    stranger = SchoolBoardFactory(name="Stichting Vreemd")
    client.force_login(programme_lead.user)
    response = client.post(url("board_edit", partnership, stranger.pk), {"name": "Gekaapt", "version": 1})
    assert response.status_code == 404
    assert SchoolBoard.objects.get(pk=stranger.pk).name == "Stichting Vreemd"


# --- schools -----------------------------------------------------------------------------------------


def test_schools_list_filters(client, programme_lead, partnership, board, school, school_member, cluster):
    other_board = SchoolBoardFactory(name="Stichting Elders")
    MembershipFactory(partnership=partnership, board=other_board)
    satellite = SchoolFactory(board=other_board, name="Cbs De Bron", city="Haren")
    MembershipFactory(partnership=partnership, school=satellite, role="satellite")
    client.force_login(programme_lead.user)

    def names(**params) -> list[str]:
        response = client.get(url("schools", partnership), params)
        assert response.status_code == 200
        return [mb.school.name for mb in response.context["page"].object_list]

    assert names() == ["Cbs De Bron", "Obs De Wilgen"]
    assert names(rol="satellite") == ["Cbs De Bron"]
    assert names(bestuur=board.pk) == ["Obs De Wilgen"]
    assert names(q="haren") == ["Cbs De Bron"]
    assert names(q="12ab") == ["Obs De Wilgen"]
    assert names(bestuur="x") == ["Cbs De Bron", "Obs De Wilgen"]  # nonsense filter is ignored, no 500
    page = client.get(url("schools", partnership)).content.decode()
    assert "12AB00" in page and "Cluster Stad" in page and "satellietschool" in page


def test_schools_list_paginates_by_50(client, programme_lead, partnership, board):
    for _ in range(51):
        MembershipFactory(partnership=partnership, school=SchoolFactory(board=board))
    client.force_login(programme_lead.user)
    first = client.get(url("schools", partnership))
    assert len(first.context["page"].object_list) == 50
    second = client.get(url("schools", partnership), {"pagina": 2})
    assert len(second.context["page"].object_list) == 1
    assert client.get(url("schools", partnership), {"pagina": "zzz"}).status_code == 200


def test_school_add_existing_school_by_brin(client, programme_lead, partnership, board):
    duo = SchoolFactory(board=board, brin="45KL", branch_code="02", name="Uit het DUO-bestand")
    client.force_login(programme_lead.user)
    response = client.post(
        url("school_add", partnership), {"brin": "45kl", "branch_code": "02", "role": "partner", "sector": "po"}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(partnership=partnership, school=duo).exists()


def test_school_add_new_school_with_all_fields(client, programme_lead, partnership, board):
    client.force_login(programme_lead.user)
    response = client.post(
        url("school_add", partnership),
        {
            "brin": "78MN",
            "branch_code": "00",
            "name": "Obs Het Anker",
            "board": board.pk,
            "sector": "po",
            "denomination": "openbaar",
            "concept": "Daltononderwijs",
            "street": "Havenstraat 1",
            "postcode": "9712 AB",
            "city": "Groningen",
            "municipality": "Groningen",
            "role": "aspirant",
        },
    )
    assert response.status_code == 302
    school = School.objects.get(brin="78MN", branch_code="00")
    assert (school.board, school.concept, school.postcode) == (board, "Daltononderwijs", "9712 AB")
    assert school.memberships.get().role == "aspirant"


@pytest.mark.parametrize(
    ("brin", "branch", "message"),
    [
        ("1234", "00", "twee cijfers en twee hoofdletters"),
        ("12AB", "0", "Een vestigingsnummer bestaat uit twee cijfers"),
        ("99ZZ", "00", "staat nog niet op het platform"),
    ],
)
def test_school_add_bad_brin_explains(client, programme_lead, partnership, brin, branch, message):
    client.force_login(programme_lead.user)
    response = client.post(
        url("school_add", partnership), {"brin": brin, "branch_code": branch, "role": "partner", "sector": "po"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Membership.objects.filter(partnership=partnership, school__isnull=False).exists()


def test_school_add_already_member_explains(client, programme_lead, partnership, school, school_member):
    client.force_login(programme_lead.user)
    response = client.post(
        url("school_add", partnership), {"brin": "12AB", "branch_code": "00", "role": "partner", "sector": "po"}
    )
    assert response.status_code == 400
    assert "doet al mee in dit partnerschap" in response.content.decode()


def test_school_edit(client, programme_lead, partnership, school, school_member):
    client.force_login(programme_lead.user)
    response = client.post(
        url("school_edit", partnership, school.pk),
        {"name": "Obs De Wilgen", "board": school.board_id, "sector": "po", "concept": "Jenaplan", "version": 1},
    )
    assert response.status_code == 302
    assert School.objects.get(pk=school.pk).concept == "Jenaplan"


# --- institutes --------------------------------------------------------------------------------------


def test_institutes_list_and_programmes(client, programme_lead, partnership, institute_member):
    institute = institute_member.institute
    client.force_login(programme_lead.user)
    edit = url("institute_edit", partnership, institute.pk)

    assert client.post(edit, {"action": "programme_add", "name": "Pabo", "sector": "po"}).status_code == 302
    assert client.post(edit, {"action": "programme_add", "name": "Leraar Engels", "sector": "vo"}).status_code == 302
    page = client.get(url("institutes", partnership)).content.decode()
    assert "Hanzehogeschool" in page and "Pabo" in page and "Leraar Engels" in page

    pabo = institute.programmes.get(name="Pabo")
    assert client.post(edit, {"action": "programme_remove", "programme": pabo.pk}).status_code == 302
    assert list(institute.programmes.values_list("name", flat=True)) == ["Leraar Engels"]


def test_institute_add_existing_and_new(client, programme_lead, partnership):
    existing = InstituteFactory(name="Rijksuniversiteit Groningen", level="wo")
    client.force_login(programme_lead.user)
    assert (
        client.post(url("institute_add", partnership), {"existing": existing.pk, "role": "partner"}).status_code == 302
    )
    response = client.post(
        url("institute_add", partnership),
        {"code": "nhlstenden", "name": "NHL Stenden", "level": "hbo", "role": "partner"},
    )
    assert response.status_code == 302
    assert set(
        Membership.objects.filter(partnership=partnership, institute__isnull=False).values_list(
            "institute__name", flat=True
        )
    ) == {"Rijksuniversiteit Groningen", "NHL Stenden"}


# --- memberships -------------------------------------------------------------------------------------


def test_membership_edit_changes_role(client, programme_lead, partnership, school_member):
    client.force_login(programme_lead.user)
    response = client.post(
        url("membership_edit", partnership, school_member.pk),
        {"role": "satellite", "start_date": "2020-08-01", "agreement_signed_on": "2021-01-05", "version": 1},
    )
    assert response.status_code == 302
    school_member.refresh_from_db()
    assert school_member.role == "satellite"
    assert school_member.agreement_signed_on == dt.date(2021, 1, 5)


def test_membership_edit_end_before_start_explains(client, programme_lead, partnership, school_member):
    client.force_login(programme_lead.user)
    response = client.post(
        url("membership_edit", partnership, school_member.pk),
        {"role": "partner", "start_date": "2020-08-01", "end_date": "2019-01-01", "version": 1},
    )
    assert response.status_code == 400
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()
    assert Membership.objects.get(pk=school_member.pk).end_date is None


def test_membership_end_keeps_the_row(client, programme_lead, partnership, school_member):
    client.force_login(programme_lead.user)
    assert client.get(url("membership_end", partnership, school_member.pk)).status_code == 405
    response = client.post(url("membership_end", partnership, school_member.pk))
    assert response.status_code == 302
    school_member.refresh_from_db()
    assert school_member.end_date is not None


def test_membership_of_another_partnership_is_404(client, programme_lead, partnership, other_partnership):
    foreign = MembershipFactory(partnership=other_partnership, school=SchoolFactory())
    client.force_login(programme_lead.user)
    assert client.get(url("membership_edit", partnership, foreign.pk)).status_code == 404
    assert client.post(url("membership_end", partnership, foreign.pk)).status_code == 404
    assert Membership.objects.get(pk=foreign.pk).end_date is None


# --- clusters ----------------------------------------------------------------------------------------


def test_clusters_list_shows_educators_and_flags_missing_schoolopleider(
    client, programme_lead, partnership, board, cluster
):
    so = PersonFactory(partnership=partnership, first_name="Sanne", last_name="Opleider")
    RoleAssignmentFactory(person=so, role="school_teacher_educator", cluster=cluster)
    io = PersonFactory(partnership=partnership, first_name="Ivo", last_name="Instituut")
    RoleAssignmentFactory(person=io, role="institute_teacher_educator", cluster=cluster)
    gone = PersonFactory(partnership=partnership, first_name="Oud", last_name="Gediende")
    RoleAssignmentFactory(person=gone, role="school_teacher_educator", cluster=cluster, end_date=dt.date(2020, 1, 1))
    ClusterFactory(partnership=partnership, board=board, name="Cluster Zonder")
    client.force_login(programme_lead.user)

    response = client.get(url("clusters", partnership))

    rows = {row["cluster"].name: row for row in response.context["rows"]}
    assert [p.full_name for p in rows["Cluster Stad"]["school_teacher_educators"]] == ["Sanne Opleider"]
    assert [p.full_name for p in rows["Cluster Stad"]["institute_teacher_educators"]] == ["Ivo Instituut"]
    assert rows["Cluster Stad"]["cluster"].school_count == 1
    assert rows["Cluster Zonder"]["school_teacher_educators"] == []
    page = response.content.decode()
    assert "1 / 4" in page and "ontbreekt" in page and "Oud Gediende" not in page


def test_cluster_add_and_edit(client, programme_lead, partnership, board):
    client.force_login(programme_lead.user)
    response = client.post(url("cluster_add", partnership), {"name": "Cluster Noord", "board": board.pk})
    assert response.status_code == 400  # target places is required on the form
    response = client.post(
        url("cluster_add", partnership), {"name": "Cluster Noord", "board": board.pk, "target_places": 12}
    )
    cluster = Cluster.objects.get(partnership=partnership, name="Cluster Noord")
    assert response.status_code == 302
    assert response["Location"] == url("cluster_detail", partnership, cluster.pk)

    response = client.post(
        url("cluster_edit", partnership, cluster.pk), {"name": "Cluster Noord-Oost", "target_places": 9, "version": 1}
    )
    assert response.status_code == 302
    cluster.refresh_from_db()
    assert (cluster.name, cluster.target_places, cluster.board) == ("Cluster Noord-Oost", 9, board)


def test_cluster_add_for_a_board_that_is_no_member_is_refused(client, programme_lead, partnership):
    stranger = SchoolBoardFactory()
    client.force_login(programme_lead.user)
    response = client.post(
        url("cluster_add", partnership), {"name": "Cluster X", "board": stranger.pk, "target_places": 12}
    )
    assert response.status_code == 400
    assert not Cluster.objects.filter(name="Cluster X").exists()


def test_stale_cluster_edit_keeps_the_input(client, programme_lead, partnership, cluster):
    client.force_login(programme_lead.user)
    address = url("cluster_edit", partnership, cluster.pk)
    assert client.post(address, {"name": "Cluster Stad", "target_places": 10, "version": 1}).status_code == 302
    response = client.post(address, {"name": "Cluster Centrum", "target_places": 7, "version": 1})
    assert response.status_code == 400
    assert 'value="Cluster Centrum"' in response.content.decode()
    assert Cluster.objects.get(pk=cluster.pk).target_places == 10


def test_cluster_school_add_with_htmx_returns_the_fragment(client, programme_lead, partnership, board, cluster):
    new = SchoolFactory(board=board, name="Obs Het Anker")
    MembershipFactory(partnership=partnership, school=new)
    client.force_login(programme_lead.user)

    response = client.post(
        url("cluster_school_add", partnership, cluster.pk), {"school": new.pk}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "registry/organisations/_cluster_schools.html"
    page = response.content.decode()
    assert "Obs Het Anker" in page and "<html" not in page
    assert cluster.schools.filter(pk=new.pk).exists()


def test_cluster_school_add_of_another_board_shows_the_rule(client, programme_lead, partnership, cluster):
    other_board = SchoolBoardFactory(name="Stichting Elders")
    MembershipFactory(partnership=partnership, board=other_board)
    stranger = SchoolFactory(board=other_board, name="Cbs De Bron")
    MembershipFactory(partnership=partnership, school=stranger)
    client.force_login(programme_lead.user)

    response = client.post(
        url("cluster_school_add", partnership, cluster.pk), {"school": stranger.pk}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert "Een opleidingscluster bevat alleen scholen van één bestuur" in response.content.decode()
    assert not cluster.schools.filter(pk=stranger.pk).exists()


def test_cluster_school_add_over_the_maximum_without_javascript(client, programme_lead, partnership, board, cluster):
    partnership.max_schools_per_cluster = 1
    partnership.save()
    extra = SchoolFactory(board=board)
    MembershipFactory(partnership=partnership, school=extra)
    client.force_login(programme_lead.user)

    response = client.post(url("cluster_school_add", partnership, cluster.pk), {"school": extra.pk}, follow=True)

    assert response.redirect_chain[0] == (url("cluster_detail", partnership, cluster.pk), 302)
    assert "maximum van 1 scholen" in response.content.decode()
    assert cluster.schools.count() == 1


def test_cluster_school_add_refuses_a_school_of_another_partnership(
    client, programme_lead, partnership, board, cluster, other_partnership
):
    foreign = SchoolFactory(board=board)
    MembershipFactory(partnership=other_partnership, school=foreign)
    client.force_login(programme_lead.user)
    response = client.post(
        url("cluster_school_add", partnership, cluster.pk), {"school": foreign.pk}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert not cluster.schools.filter(pk=foreign.pk).exists()


def test_cluster_school_remove_with_and_without_htmx(client, programme_lead, partnership, board, cluster, school):
    second = SchoolFactory(board=board, name="Obs Tweede")
    MembershipFactory(partnership=partnership, school=second)
    cluster.schools.add(second)
    client.force_login(programme_lead.user)

    response = client.post(
        url("cluster_school_remove", partnership, cluster.pk, school.pk), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "Obs De Wilgen is uit de cluster gehaald." in response.content.decode()

    response = client.post(url("cluster_school_remove", partnership, cluster.pk, second.pk))
    assert response.status_code == 302
    assert cluster.schools.count() == 0
    assert HistoryEntry.objects.filter(object_type="cluster", action="unlinked").count() == 2


def test_cluster_of_another_partnership_is_404_for_our_lead(client, programme_lead, partnership, other_partnership):
    foreign = ClusterFactory(partnership=other_partnership)
    client.force_login(programme_lead.user)
    assert client.get(url("cluster_detail", partnership, foreign.pk)).status_code == 404
    assert client.post(url("cluster_edit", partnership, foreign.pk), {"name": "x"}).status_code == 404
    assert Cluster.objects.get(pk=foreign.pk).name == foreign.name


def test_empty_states(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    assert "nog geen opleidingsclusters" in client.get(url("clusters", partnership)).content.decode()
    assert "nog geen scholen vastgelegd" in client.get(url("schools", partnership)).content.decode()
    assert "nog geen lerarenopleidingen" in client.get(url("institutes", partnership)).content.decode()


def test_cluster_page_offers_only_fitting_schools(client, programme_lead, partnership, board, cluster):
    fitting = SchoolFactory(board=board, name="Obs Past Wel")
    MembershipFactory(partnership=partnership, school=fitting)
    other_board = SchoolBoardFactory()
    MembershipFactory(partnership=partnership, board=other_board)
    MembershipFactory(partnership=partnership, school=SchoolFactory(board=other_board, name="Cbs Past Niet"))
    SchoolFactory(board=board, name="Obs Doet Niet Mee")
    client.force_login(programme_lead.user)

    page = client.get(url("cluster_detail", partnership, cluster.pk)).content.decode()

    assert "Obs Past Wel" in page
    assert "Cbs Past Niet" not in page
    assert "Obs Doet Niet Mee" not in page


def test_full_cluster_says_so_instead_of_offering_schools(client, programme_lead, partnership, board, cluster):
    partnership.max_schools_per_cluster = 1
    partnership.save()
    MembershipFactory(partnership=partnership, school=SchoolFactory(board=board, name="Obs Past Wel"))
    client.force_login(programme_lead.user)
    page = client.get(url("cluster_detail", partnership, cluster.pk)).content.decode()
    assert "Deze cluster is vol" in page
    assert "Obs Past Wel" not in page
