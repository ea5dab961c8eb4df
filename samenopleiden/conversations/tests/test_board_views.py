"""The live board's pages: joining with the code on one's own device, post-its, voting, the placemat, updates;
the facilitator's pages for the lead, read-only for readers, 403 for educators, 404 for outsiders."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenopleiden.conversations import assessment_content
from samenopleiden.conversations import selectors_board as selectors
from samenopleiden.conversations import services_board as services
from samenopleiden.conversations.models import Guide, Participant, PlacematAnswer, PostIt, PostItGroup, Session, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content(db):
    assessment_content.load()


@pytest.fixture(autouse=True)
def short_polls(monkeypatch):
    monkeypatch.setattr(selectors, "LONG_POLL_SECONDS", 0.2)


@pytest.fixture
def session(partnership):
    guide = Guide.objects.create(title="Verdiepende sessie")
    return Session.objects.create(
        partnership=partnership,
        guide=guide,
        title="Gesprek gelijkwaardigheid",
        status=Session.Status.RUNNING,
        code_valid_until=timezone.now() + dt.timedelta(hours=3),
    )


@pytest.fixture
def live(session):
    return services.board_for(session)


def joined(session, perspective="school") -> Client:
    client = Client()
    response = client.post(reverse("conversations:board_join", args=[session.code]), {"perspective": perspective})
    assert response.status_code == 302, response.content
    return client


def board_url(name, session, *extra):
    return reverse(f"conversations:{name}", args=[session.partnership.slug, session.pk, *extra])


# --- joining ------------------------------------------------------------------------------------------------------


def test_join_with_the_code_typed_in_lower_case_with_spaces(client, session):
    response = client.post(reverse("conversations:board_join_start"), {"code": " " + session.code.lower() + " "})
    assert response["Location"] == reverse("conversations:board_join", args=[session.code])
    response = client.post(response["Location"], {"perspective": "instituut", "name": "Anna"})
    assert response["Location"] == reverse("conversations:board_participant", args=[session.code])
    participant = Participant.objects.get()
    assert (participant.perspective, participant.name) == ("instituut", "Anna")
    assert participant.token not in client.get(response["Location"]).content.decode()
    # joining again from the same browser: straight to the live, no second participant
    assert client.get(reverse("conversations:board_join", args=[session.code])).status_code == 302
    assert Participant.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "status", "text"),
    [
        ({"status": Session.Status.DONE}, 410, "afgelopen"),
        ({"code_valid_until": timezone.now() - dt.timedelta(minutes=5)}, 410, "verlopen"),
    ],
)
def test_an_ended_or_expired_code_gets_a_dutch_page(client, session, change, status, text):
    Session.objects.filter(pk=session.pk).update(**change)
    for url in (
        reverse("conversations:board_join", args=[session.code]),
        reverse("conversations:board_participant", args=[session.code]),
    ):
        response = client.get(url)
        assert response.status_code == status
        assert text in response.content.decode()
    response = client.post(reverse("conversations:board_join", args=[session.code]), {"perspective": "school"})
    assert response.status_code == status and not Participant.objects.exists()


def test_a_wrong_code_gets_a_dutch_page(client):
    response = client.post(reverse("conversations:board_join_start"), {"code": "NIETBEST"})
    assert response.status_code == 404
    assert "Deze code kennen we niet" in response.content.decode()
    assert client.get(reverse("conversations:board_join", args=["X" * 300])).status_code == 404


def test_without_a_perspective_the_form_comes_back(client, session):
    response = client.post(reverse("conversations:board_join", args=[session.code]), {"name": "Bo"})
    assert response.status_code == 400
    assert not Participant.objects.exists()
    assert 'value="Bo"' in response.content.decode()


def test_the_board_without_joining_sends_to_the_join_page(client, session):
    response = client.get(reverse("conversations:board_participant", args=[session.code]))
    assert response["Location"] == reverse("conversations:board_join", args=[session.code])
    response = client.post(
        reverse("conversations:board_participant_postit", args=[session.code]), {"colour": "goed", "text": "x"}
    )
    assert response.status_code == 302 and not PostIt.objects.exists()


def test_a_participant_of_one_session_is_nobody_in_another(session, partnership):
    other = Session.objects.create(partnership=partnership, guide=session.guide, title="Ander gesprek")
    client = joined(session)
    response = client.get(reverse("conversations:board_participant", args=[other.code]))
    assert response["Location"] == reverse("conversations:board_join", args=[other.code])


# --- post-its -----------------------------------------------------------------------------------------------------


def test_a_postit_lands_on_the_board_and_script_is_shown_as_text(session, live):
    client = joined(session)
    url = reverse("conversations:board_participant_postit", args=[session.code])
    response = client.post(url, {"colour": "beter", "text": "<script>alert('x')</script> overleg"})
    assert response.status_code == 302
    body = client.get(reverse("conversations:board_participant", args=[session.code])).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; overleg" in body
    postit = PostIt.objects.get()
    assert postit.participant == Participant.objects.get() and postit.colour == "beter"


def test_a_postit_of_ten_thousand_characters_is_refused_and_kept_in_the_form(session, live):
    client = joined(session)
    text = "lang " * 2000
    response = client.post(
        reverse("conversations:board_participant_postit", args=[session.code]), {"colour": "goed", "text": text}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "ten hoogste 500 tekens" in body
    assert text.strip() in body
    assert not PostIt.objects.exists()


def test_identity_comes_from_the_session_not_from_a_form_field(session, live):
    victim = joined(session)
    victim.post(reverse("conversations:board_participant_postit", args=[session.code]), {"colour": "goed", "text": "a"})
    token = Participant.objects.get().token
    stranger = Client()
    response = stranger.post(
        reverse("conversations:board_participant_postit", args=[session.code]),
        {"colour": "goed", "text": "b", "token": token, "participant": Participant.objects.get().pk},
    )
    assert response.status_code == 302 and PostIt.objects.count() == 1


# --- voting -------------------------------------------------------------------------------------------------------


def test_a_vote_beyond_ones_number_is_refused_and_a_second_tab_shares_it(session, live, programme_lead):
    client = joined(session)
    services.voting_open(board=live, votes_per_participant=2, actor=programme_lead.user)
    option = live.options.first()
    url = reverse("conversations:board_participant_vote", args=[session.code])
    assert client.post(url, {"option": option.pk, "action": "add"}).status_code == 302
    second_tab = Client()
    second_tab.cookies = client.cookies  # the same browser: the same session cookie
    assert second_tab.post(url, {"option": option.pk, "action": "add"}).status_code == 302
    response = client.post(url, {"option": option.pk, "action": "add"}, follow=True)
    assert "al uw 2 stippen gebruikt" in response.content.decode()
    assert Vote.objects.count() == 2
    response = client.post(url, {"option": option.pk}, HTTP_ACCEPT="application/json")
    assert response.status_code == 409 and "stippen" in response.json()["error"]


def test_voting_junk_is_refused_without_an_error(session, live, programme_lead):
    client = joined(session)
    services.voting_open(board=live, votes_per_participant=2, actor=programme_lead.user)
    url = reverse("conversations:board_participant_vote", args=[session.code])
    for junk in ("", "abc", "999999", "-1"):
        assert client.post(url, {"option": junk}).status_code == 302
    assert not Vote.objects.exists()


# --- the placemat ---------------------------------------------------------------------------------------------------


def test_table_switch_and_answers(session, live, programme_lead):
    client = joined(session)
    services.voting_open(board=live, votes_per_participant=2, actor=programme_lead.user)
    options = list(live.options.all())
    p = Participant.objects.get()
    services.vote_add(board=live, participant=p, option=options[0])
    services.vote_add(board=live, participant=p, option=options[1])
    services.voting_close(board=live, actor=programme_lead.user)
    tables = services.placemat_open(board=live, actor=programme_lead.user)
    page = reverse("conversations:board_participant", args=[session.code])
    assert tables[0].option.title in client.get(page).content.decode()
    client.post(reverse("conversations:board_participant_table", args=[session.code]), {"table": tables[1].pk})
    answer = PlacematAnswer.objects.get(table=tables[1], question=3)
    url = reverse("conversations:board_participant_answer", args=[session.code])
    assert client.post(url, {"question": 3, "seen": answer.revision, "text": "Samen roosteren"}).status_code == 302
    assert PlacematAnswer.objects.get(pk=answer.pk).text == "Samen roosteren"
    response = client.post(url, {"question": 3, "seen": answer.revision, "text": "Mijn eigen tekst"})
    assert response.status_code == 400
    assert "Mijn eigen tekst" in response.content.decode()
    assert PlacematAnswer.objects.get(pk=answer.pk).text == "Samen roosteren"
    assert client.post(url, {"question": "zeven", "text": "x"}).status_code == 400


# --- updates --------------------------------------------------------------------------------------------------------


def test_updates_bring_a_new_postit_to_another_participant(session, live):
    alice, bob = joined(session), joined(session, "instituut")
    url = reverse("conversations:board_participant_updates", args=[session.code])
    first = bob.get(url).json()
    assert first["changed"] and "html" in first
    since, layout = first["revision"], first["layout"]
    quiet = bob.get(url, {"since": since, "layout": layout}).json()
    assert quiet == {"revision": since, "changed": False}
    alice.post(
        reverse("conversations:board_participant_postit", args=[session.code]), {"colour": "goed", "text": "Hallo <b>"}
    )
    data = bob.get(url, {"since": since, "layout": layout}).json()
    assert data["changed"] and len(data["postits"]) == 1
    assert "Hallo &lt;b&gt;" in data["postits"][0]["html"] and data["postits"][0]["container"] == "cgoed"
    for junk in ({"since": "x"}, {"since": "-5"}, {"since": str(10**30)}):
        assert bob.get(url, junk).status_code == 200


def test_a_quiet_update_costs_one_query(session, live, django_assert_num_queries):
    client = joined(session)
    url = reverse("conversations:board_participant_updates", args=[session.code])
    current = selectors.revision(live.pk)
    client.get(url)  # warm up
    with django_assert_num_queries(1):
        assert selectors.wait_for_change(live.pk, current - 1, timeout=0)[0] == current


# --- the facilitator ------------------------------------------------------------------------------------------------


def test_the_lead_groups_and_moves(client, programme_lead, session, live):
    participant = joined(session)
    participant.post(
        reverse("conversations:board_participant_postit", args=[session.code]),
        {"colour": "definitie", "text": "Samen beslissen"},
    )
    client.force_login(programme_lead.user)
    page = client.get(board_url("board", session))
    assert (
        page.status_code == 200 and "Samen beslissen" in page.content.decode() and session.code in page.content.decode()
    )
    assert client.post(board_url("board_group_add", session), {"name": "Zeggenschap"}).status_code == 302
    group = PostItGroup.objects.get()
    postit = PostIt.objects.get()
    client.post(board_url("board_postit_move", session, postit.pk), {"group": group.pk})
    assert PostIt.objects.get().group == group
    assert client.post(board_url("board_postit_move", session, postit.pk), {"group": "abc"}).status_code == 302
    assert PostIt.objects.get().group == group
    assert client.post(board_url("board_group_add", session), {"name": ""}).status_code == 400
    assert client.get(board_url("board_screen", session)).status_code == 200
    data = client.get(board_url("board_updates", session)).json()
    assert "Samen beslissen" in data["html"]


def test_the_lead_runs_the_voting_and_the_placemat(client, programme_lead, session, live):
    participant = joined(session)
    client.force_login(programme_lead.user)
    client.post(board_url("board_option_add", session), {"title": "Werkdruk"})
    client.post(board_url("board_voting", session), {"action": "open", "votes_per_participant": 2})
    live.refresh_from_db()
    assert live.voting == "open" and live.votes_per_participant == 2 and live.options.count() == 7
    added = live.options.get(title="Werkdruk")
    vote = reverse("conversations:board_participant_vote", args=[session.code])
    participant.post(vote, {"option": added.pk})
    participant.post(vote, {"option": added.pk})
    client.post(board_url("board_voting", session), {"action": "close"})
    assert list(live.options.filter(chosen=True)) == [added]
    client.post(board_url("board_option_choose", session, live.options.first().pk), {"chosen": "1"})
    client.post(board_url("board_placemat_open", session))
    assert live.tables.count() == 2
    assert (
        client.post(board_url("board_voting", session), {"action": "open", "votes_per_participant": "veel"}).status_code
        == 400
    )


def test_a_reader_sees_the_board_read_only(client, reader, session, live):
    client.force_login(reader.user)
    body = client.get(board_url("board", session)).content.decode()
    assert "Groep maken" not in body
    assert client.post(board_url("board_group_add", session), {"name": "X"}).status_code == 403
    assert (
        client.post(board_url("board_voting", session), {"action": "open", "votes_per_participant": 3}).status_code
        == 403
    )
    assert not PostItGroup.objects.exists()


def test_an_educator_gets_403(client, educator, session, live):
    client.force_login(educator.user)
    assert client.get(board_url("board", session)).status_code == 403


def test_an_outsider_gets_404_and_changes_nothing(client, outsider, session, live):
    postit = services.postit_add(board=live, participant=None, colour="goed", text="Geheim")
    client.force_login(outsider.user)
    for name in ("board", "board_screen", "board_updates"):
        assert client.get(board_url(name, session)).status_code == 404
    assert client.post(board_url("board_group_add", session), {"name": "X"}).status_code == 404
    assert client.post(board_url("board_postit_delete", session, postit.pk)).status_code == 404
    assert PostIt.objects.filter(pk=postit.pk).exists() and not PostItGroup.objects.exists()
    # their own partnership's slug with this session's pk: 404 too
    response = client.get(reverse("conversations:board", args=["elders", session.pk]))
    assert response.status_code == 404


def test_anonymous_is_sent_to_sign_in(client, session, live):
    response = client.get(board_url("board", session))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_postit_of_another_board_is_404(client, programme_lead, session, live, partnership):
    other = Session.objects.create(partnership=partnership, guide=session.guide, title="Ander")
    postit = services.postit_add(board=services.board_for(other), participant=None, colour="goed", text="daar")
    client.force_login(programme_lead.user)
    assert client.post(board_url("board_postit_delete", session, postit.pk)).status_code == 404
    assert PostIt.objects.filter(pk=postit.pk).exists()


def test_the_board_page_has_a_flat_number_of_queries(
    client, programme_lead, session, live, django_assert_max_num_queries
):
    client.force_login(programme_lead.user)
    group = services.group_add(board=live, name="G", actor=programme_lead.user)
    for i in range(3):
        services.postit_add(board=live, participant=None, colour="goed", text=f"p{i}")
    client.get(board_url("board", session))
    for i in range(30):
        p = services.postit_add(board=live, participant=None, colour="beter", text=f"q{i}")
        services.postit_move(postit=p, group=group, actor=programme_lead.user)
    with django_assert_max_num_queries(25):
        client.get(board_url("board", session))
    assert json.loads(client.get(board_url("board_updates", session)).content)["changed"]


def test_the_stream_pushes_the_board_and_then_each_change(session, live, monkeypatch):
    from samenopleiden.conversations import views_board

    monkeypatch.setattr(views_board, "STREAM_SECONDS", 0.6)
    client = joined(session)
    state = selectors.state(live.pk)
    services.postit_add(board=live, participant=None, colour="definitie", text="Gelijk <i>waardig</i>")
    response = client.get(
        reverse("conversations:board_participant_stream", args=[session.code]),
        {"since": state[0], "layout": state[1]},
    )
    assert response["Content-Type"] == "text/event-stream"
    events = [
        json.loads(chunk.decode()[chunk.decode().index("data: ") + 6 :])
        for chunk in response.streaming_content
        if b"data: " in chunk
    ]
    assert len(events) == 1 and "Gelijk &lt;i&gt;waardig&lt;/i&gt;" in events[0]["postits"][0]["html"]
    assert Client().get(reverse("conversations:board_participant_stream", args=[session.code])).status_code == 410


def test_the_lead_stream_and_outsider(client, programme_lead, outsider, session, live, monkeypatch):
    from samenopleiden.conversations import views_board

    monkeypatch.setattr(views_board, "STREAM_SECONDS", 0.2)
    client.force_login(programme_lead.user)
    response = client.get(board_url("board_stream", session))
    assert any(b"data: " in chunk for chunk in response.streaming_content)
    client.force_login(outsider.user)
    assert client.get(board_url("board_stream", session)).status_code == 404
